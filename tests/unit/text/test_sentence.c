/*
 * test_sentence.c - unit tests of tc_text_sentences: each rule of the
 * newswire sentence splitter on sentences written for these tests, byte
 * caps, ranges inside a larger text, errors, and 10 MB pathological inputs
 * that a non-linear splitter would not finish.
 */
#include "testutil.h"
#include "text/text.h"

#define BIG (10u * 1024u * 1024u)

typedef struct split_case {
    const char *text;
    const char *want; /* sentences joined by " | " */
} split_case;

static bool is_ws(char c)
{
    return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' ||
           c == '\v';
}

/* An exact-size heap copy (no NUL), so that ASan catches any read past
 * the end of the range. */
static char *exact_copy(const char *text, size_t n)
{
    char *buf = malloc(n ? n : 1);
    assert_non_null(buf);
    memcpy(buf, text, n);
    return buf;
}

/* Sentences are ordered, trimmed, inside the range, at most max_bytes long
 * (for caps of a character or more), and all that lies between them is
 * white space. */
static void check_invariants(const char *s, size_t start, size_t end,
                             size_t max_bytes, const tc_vec *v)
{
    size_t i, p = start;
    bool ok = true;
    for (i = 0; i < v->n && ok; i++) {
        const tc_sent *t = tc_vec_at(v, i);
        ok = t->start >= p && t->start < t->end && t->end <= end &&
             !is_ws(s[t->start]) && !is_ws(s[t->end - 1]) &&
             (max_bytes < 4 || t->end - t->start <= max_bytes);
        for (; ok && p < t->start; p++)
            ok = is_ws(s[p]);
        p = t->end;
    }
    for (; ok && p < end; p++)
        ok = is_ws(s[p]);
    if (!ok)
        print_error("bad sentence %zu near byte %zu\n", i, p);
    assert_true(ok);
}

/* Splits `text` and returns its sentences joined by " | " (malloc'd). */
static char *split_join(const char *text, size_t max_bytes)
{
    size_t n = strlen(text), i, len = 0;
    char *buf = exact_copy(text, n), *out = malloc(2 * n + 16);
    tc_vec v;
    assert_non_null(out);
    tc_vec_init(&v, tc_default_allocator(), sizeof(tc_sent), 0);
    assert_int_equal(tc_text_sentences(buf, 0, n, max_bytes, &v), TC_OK);
    check_invariants(buf, 0, n, max_bytes, &v);
    for (i = 0; i < v.n; i++) {
        const tc_sent *t = tc_vec_at(&v, i);
        if (i > 0) {
            memcpy(out + len, " | ", 3);
            len += 3;
        }
        memcpy(out + len, buf + t->start, t->end - t->start);
        len += t->end - t->start;
    }
    out[len] = '\0';
    tc_vec_free(&v);
    free(buf);
    return out;
}

static void expect_split(const char *text, const char *want, size_t max)
{
    char *got = split_join(text, max);
    if (strcmp(got, want) != 0)
        print_error("input: %s\n", text);
    assert_string_equal(got, want);
    free(got);
}

static void run_cases(const split_case *cases, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++)
        expect_split(cases[i].text, cases[i].want, 0);
}

#define RUN(cases) run_cases(cases, sizeof cases / sizeof cases[0])

static void test_basic(void **state)
{
    static const split_case cases[] = {
        {"Russian forces shelled the port on Sunday. Both sides blamed each "
         "other for the collapse of the truce.",
         "Russian forces shelled the port on Sunday. | Both sides blamed each "
         "other for the collapse of the truce."},
        {"Will the talks resume? Nobody knows. The envoy has left!",
         "Will the talks resume? | Nobody knows. | The envoy has left!"},
        {"What?! The minister resigned?", "What?! | The minister resigned?"},
        {"The vote passed.\nThe opposition walked out.",
         "The vote passed. | The opposition walked out."},
        {"  The vote passed.   The opposition walked out.  ",
         "The vote passed. | The opposition walked out."},
        {"The vote passed. the opposition walked out.",
         "The vote passed. the opposition walked out."},
        {"It cost 5 euros.But nobody paid.",
         "It cost 5 euros.But nobody paid."},
        {"Sales fell in 2021. 2022 was better.",
         "Sales fell in 2021. | 2022 was better."},
        {"Inflation hit 9.1%. $2 billion went to subsidies.",
         "Inflation hit 9.1%. | $2 billion went to subsidies."},
        {"No sentence ends here", "No sentence ends here"},
        {"The fighting went on. - and on.", "The fighting went on. - and on."},
    };
    (void)state;
    RUN(cases);
}

static void test_unicode_openers(void **state)
{
    static const split_case cases[] = {
        {"The talks ended. \xc3\x89ric Zemmour responded within minutes.",
         "The talks ended. | \xc3\x89ric Zemmour responded within minutes."},
        {"The talks ended. \xc3\xa9lan was lost.",
         "The talks ended. \xc3\xa9lan was lost."},
        {"The delegation arrived. \xe5\x8c\x97\xe4\xba\xac said nothing.",
         "The delegation arrived. | \xe5\x8c\x97\xe4\xba\xac said nothing."},
        {"Prices doubled. \xe2\x82\xac"
         "5 buys a loaf now.",
         "Prices doubled. | \xe2\x82\xac"
         "5 buys a loaf now."},
    };
    (void)state;
    RUN(cases);
}

static void test_titles(void **state)
{
    static const split_case cases[] = {
        {"Mr. Zelenskiy met Gen. Mark Milley and Sen. Lindsey Graham in Kyiv "
         "on Friday. Dr. Anna Kovalenko, a surgeon, joined them.",
         "Mr. Zelenskiy met Gen. Mark Milley and Sen. Lindsey Graham in Kyiv "
         "on Friday. | Dr. Anna Kovalenko, a surgeon, joined them."},
        {"Lt. Col. Oleksiy Marchenko spoke to Rev. Jesse Cole and Gov. Kathy "
         "Ward.",
         "Lt. Col. Oleksiy Marchenko spoke to Rev. Jesse Cole and Gov. Kathy "
         "Ward."},
        {"The ship docked in St. Petersburg. Capt. Ivan Petrov was arrested.",
         "The ship docked in St. Petersburg. | Capt. Ivan Petrov was "
         "arrested."},
        {"The office is at 10 Downing St. The pound fell. St. Louis won.",
         "The office is at 10 Downing St. | The pound fell. | St. Louis "
         "won."},
        {"GEN. VALERY ORLOV ARRIVED IN MINSK.",
         "GEN. VALERY ORLOV ARRIVED IN MINSK."},
        {"The letter was signed by Messrs. Smith and Jones and Prof. The "
         "Reverend Hale.",
         "The letter was signed by Messrs. Smith and Jones and Prof. The "
         "Reverend Hale."},
    };
    (void)state;
    RUN(cases);
}

static void test_other_abbreviations(void **state)
{
    static const split_case cases[] = {
        {"The plan was approved by the U.S. The vote was close.",
         "The plan was approved by the U.S. | The vote was close."},
        {"The U.S. Senate approved the plan on Tuesday.",
         "The U.S. Senate approved the plan on Tuesday."},
        {"He said U.S. officials were briefed.",
         "He said U.S. officials were briefed."},
        {"He works for Acme Inc. The company makes drones.",
         "He works for Acme Inc. | The company makes drones."},
        {"Acme Inc. Chief Executive Jane Roe said sales rose.",
         "Acme Inc. Chief Executive Jane Roe said sales rose."},
        {"Trade with the E.U. fell sharply. Exports to China rose.",
         "Trade with the E.U. fell sharply. | Exports to China rose."},
        {"They brought food, water, blankets, etc. The convoy left at dawn.",
         "They brought food, water, blankets, etc. | The convoy left at "
         "dawn."},
        {"The final is Ukraine vs. Russia in Berlin.",
         "The final is Ukraine vs. Russia in Berlin."},
        {"The speech was given by Martin Luther King Jr. He spoke for an "
         "hour.",
         "The speech was given by Martin Luther King Jr. | He spoke for an "
         "hour."},
        {"Martin Luther King Jr. Day is a federal holiday.",
         "Martin Luther King Jr. Day is a federal holiday."},
        {"He was a Ph.D. student in Lviv.", "He was a Ph.D. student in Lviv."},
        {"The law applies in N.Y. The governor signed it.",
         "The law applies in N.Y. | The governor signed it."},
        {"Production moved to the U.K. \"It was cheaper,\" he said.",
         "Production moved to the U.K. | \"It was cheaper,\" he said."},
        {"The firm reported to the SEC. The filing was late.",
         "The firm reported to the SEC. | The filing was late."},
    };
    (void)state;
    RUN(cases);
}

static void test_months(void **state)
{
    static const split_case cases[] = {
        {"The strike is planned for Jan. 6 in Washington.",
         "The strike is planned for Jan. 6 in Washington."},
        {"The treaty was signed in Sept. 2021 after long talks.",
         "The treaty was signed in Sept. 2021 after long talks."},
        {"The budget runs out in Feb. That is a problem for the government.",
         "The budget runs out in Feb. | That is a problem for the "
         "government."},
        {"The vote is due on Dec. 12. The result is uncertain.",
         "The vote is due on Dec. 12. | The result is uncertain."},
    };
    (void)state;
    RUN(cases);
}

static void test_initials(void **state)
{
    static const split_case cases[] = {
        {"George W. Bush spoke with J. K. Rowling in London.",
         "George W. Bush spoke with J. K. Rowling in London."},
        {"The report was written by \xc5\x81. Nowak and A. Kowalski.",
         "The report was written by \xc5\x81. Nowak and A. Kowalski."},
        {"A. A. Milne wrote the book.", "A. A. Milne wrote the book."},
        {"They chose Plan B. The first plan had failed.",
         "They chose Plan B. | The first plan had failed."},
        {"The ceremony marked the end of World War I. The guns fell silent.",
         "The ceremony marked the end of World War I. | The guns fell "
         "silent."},
        {"Franklin D. Roosevelt and Harry S. Truman led the country.",
         "Franklin D. Roosevelt and Harry S. Truman led the country."},
    };
    (void)state;
    RUN(cases);
}

static void test_dotted_and_times(void **state)
{
    static const split_case cases[] = {
        {"The U.N. Security Council met at 3:30 p.m. Monday in New York.",
         "The U.N. Security Council met at 3:30 p.m. Monday in New York."},
        {"He arrived at 10 a.m. Officials said he was tired.",
         "He arrived at 10 a.m. | Officials said he was tired."},
        {"The talks began at 9 a.m. and ended at noon.",
         "The talks began at 9 a.m. and ended at noon."},
        {"The U.S.-led coalition struck at dawn. Two sites were hit.",
         "The U.S.-led coalition struck at dawn. | Two sites were hit."},
    };
    (void)state;
    RUN(cases);
}

static void test_numbers(void **state)
{
    static const split_case cases[] = {
        {"Prices rose 1.5 percent to 150,000 units by 3.30 p.m. local time.",
         "Prices rose 1.5 percent to 150,000 units by 3.30 p.m. local time."},
        {"The world No. 1 lost in the first round.",
         "The world No. 1 lost in the first round."},
        {"He said no. Then he left the room.",
         "He said no. | Then he left the room."},
        {"See pp. 4-5 of the report.", "See pp. 4-5 of the report."},
        {"1. Stop the shelling.", "1. Stop the shelling."},
        {"The vote was 52-48. 12 senators abstained.",
         "The vote was 52-48. | 12 senators abstained."},
    };
    (void)state;
    RUN(cases);
}

static void test_quotations(void **state)
{
    static const split_case cases[] = {
        {"\"We will not give up,\" he said. \"Ukraine will win.\"",
         "\"We will not give up,\" he said. | \"Ukraine will win.\""},
        {"\"Is this the end?\" she asked.", "\"Is this the end?\" she asked."},
        {"He said: \"We are ready.\" The troops then advanced.",
         "He said: \"We are ready.\" | The troops then advanced."},
        {"\"We are ready. We will fight,\" the general said.",
         "\"We are ready. | We will fight,\" the general said."},
        {"\"Why now?\" Zelenskiy asked. \"Why not?\"",
         "\"Why now?\" Zelenskiy asked. | \"Why not?\""},
        {"\"Glory to Ukraine!\" President Volodymyr Zelenskiy told the crowd.",
         "\"Glory to Ukraine!\" President Volodymyr Zelenskiy told the "
         "crowd."},
        {"He shouted \"Stop!\" The crowd fell silent.",
         "He shouted \"Stop!\" | The crowd fell silent."},
        {"\"Why now?\" He shrugged.", "\"Why now?\" | He shrugged."},
        {"The minister called it \"a provocation.\" Moscow denied it.",
         "The minister called it \"a provocation.\" | Moscow denied it."},
        {"(The figures were later revised.) The ministry declined to comment.",
         "(The figures were later revised.) | The ministry declined to "
         "comment."},
        {"'We are ready,' he said. 'The army is ready.'",
         "'We are ready,' he said. | 'The army is ready.'"},
        {"\"Who fired first?\" asked Olena Hrytsenko.",
         "\"Who fired first?\" asked Olena Hrytsenko."},
    };
    (void)state;
    RUN(cases);
}

static void test_datelines(void **state)
{
    static const split_case cases[] = {
        {"KYIV, Feb 21 (Reuters) - Russian forces shelled the city on Monday. "
         "Officials said 12 people died.",
         "KYIV, Feb 21 (Reuters) - Russian forces shelled the city on Monday. "
         "| Officials said 12 people died."},
        {"WASHINGTON, Feb. 21 (AP) - The Senate voted on Tuesday to extend "
         "the aid.",
         "WASHINGTON, Feb. 21 (AP) - The Senate voted on Tuesday to extend "
         "the aid."},
        {"SPRINGFIELD, Ill. (AP) - A fire destroyed a warehouse early Sunday.",
         "SPRINGFIELD, Ill. (AP) - A fire destroyed a warehouse early "
         "Sunday."},
        {"ST. LOUIS, Mo. (AP) - Police arrested two men.",
         "ST. LOUIS, Mo. (AP) - Police arrested two men."},
        {"WASHINGTON, D.C. (Reuters) - The White House said nothing.",
         "WASHINGTON, D.C. (Reuters) - The White House said nothing."},
        {"The dam burst. (Photos) The water rose.",
         "The dam burst. | (Photos) The water rose."},
    };
    (void)state;
    RUN(cases);
}

static void test_ellipsis(void **state)
{
    static const split_case cases[] = {
        {"We waited... The shelling began at dawn.",
         "We waited... | The shelling began at dawn."},
        {"We waited... and waited for news.",
         "We waited... and waited for news."},
        {"\"We are waiting...\" The mayor sighed.",
         "\"We are waiting...\" | The mayor sighed."},
        {"We waited ... Nothing came.", "We waited ... | Nothing came."},
    };
    (void)state;
    RUN(cases);
}

static void test_max_bytes(void **state)
{
    (void)state;
    expect_split("aaaa bbbb cccc", "aaaa bbbb | cccc", 9);
    expect_split("abcdefghij", "abcd | efgh | ij", 4);
    expect_split("\xc3\xa9\xc3\xa9\xc3\xa9", "\xc3\xa9 | \xc3\xa9 | \xc3\xa9",
                 3);
    expect_split("\xc3\xa9\xc3\xa9", "\xc3\xa9 | \xc3\xa9", 1);
    expect_split("The first sentence is long enough. Short.",
                 "The first sentence | is long enough. | Short.", 20);
    expect_split("aaaa     bbbb", "aaaa | bbbb", 6);
    expect_split("\xe5\x8c\x97 x", "\xe5\x8c\x97 | x", 1);
    expect_split("He left. She stayed.", "He left. | She stayed.", 4096);
}

static void test_range_offsets(void **state)
{
    static const char text[] = "Header line. He left. She stayed. Footer.";
    size_t start = strlen("Header line. "), end = strlen(text) - 8;
    char *buf = exact_copy(text, end);
    tc_vec v;
    const tc_sent *a, *b;
    (void)state;
    tc_vec_init(&v, tc_default_allocator(), sizeof(tc_sent), 0);
    assert_int_equal(tc_text_sentences(buf, start, end, 0, &v), TC_OK);
    assert_int_equal(v.n, 2);
    a = tc_vec_at(&v, 0);
    b = tc_vec_at(&v, 1);
    assert_int_equal(a->start, start);
    assert_int_equal(a->end, start + strlen("He left."));
    assert_int_equal(b->start, start + strlen("He left. "));
    assert_int_equal(b->end, end);
    check_invariants(buf, start, end, 0, &v);
    tc_vec_free(&v);
    free(buf);
}

static void test_empty_and_errors(void **state)
{
    char *buf = exact_copy("   \n  He left. She stayed.", 26);
    tc_vec v;
    (void)state;
    tc_vec_init(&v, tc_default_allocator(), sizeof(tc_sent), 0);
    assert_int_equal(tc_text_sentences(buf, 3, 3, 0, &v), TC_OK);
    assert_int_equal(tc_text_sentences(buf, 0, 6, 0, &v), TC_OK);
    assert_int_equal(v.n, 0);
    assert_int_equal(tc_text_sentences(buf, 5, 4, 0, &v), TC_ERR_USAGE);
    assert_int_equal(tc_text_sentences(NULL, 0, 4, 0, &v), TC_ERR_USAGE);
    assert_int_equal(tc_text_sentences(NULL, 0, 0, 0, &v), TC_OK);
    tc_vec_free(&v);
    tc_vec_init(&v, tc_default_allocator(), sizeof(tc_sent), 1);
    assert_int_equal(tc_text_sentences(buf, 0, 26, 0, &v), TC_ERR_LIMIT);
    assert_int_equal(v.n, 1);
    tc_vec_free(&v);
    free(buf);
}

/* A failed allocation is reported, whichever one it is. */
static void test_out_of_memory(void **state)
{
    static const char text[] = "He left. She stayed. They argued.";
    long fail_at;
    (void)state;
    for (fail_at = 1; fail_at <= 3; fail_at++) {
        counting_alloc ca;
        tc_vec v;
        tc_status st;
        counting_alloc_init(&ca, fail_at);
        tc_vec_init(&v, &ca.a, sizeof(tc_sent), 0);
        st = tc_text_sentences(text, 0, strlen(text), 0, &v);
        assert_int_equal(st, fail_at == 1 ? TC_ERR_NOMEM : TC_OK);
        tc_vec_free(&v);
        assert_int_equal(ca.live, 0);
    }
}

/* Fills a BIG buffer with `unit` repeated (the last copy maybe cut),
 * doubling the filled part at each step. */
static char *big_repeat(const char *unit)
{
    size_t n = strlen(unit), done;
    char *buf = malloc(BIG);
    assert_non_null(buf);
    memcpy(buf, unit, n);
    for (done = n; done < BIG; done *= 2)
        memcpy(buf + done, buf, TC_MIN(done, BIG - done));
    return buf;
}

static void split_big(const char *buf, size_t max_bytes, tc_vec *v)
{
    tc_vec_init(v, tc_default_allocator(), sizeof(tc_sent), 0);
    assert_int_equal(tc_text_sentences(buf, 0, BIG, max_bytes, v), TC_OK);
    check_invariants(buf, 0, BIG, max_bytes, v);
}

static void test_big_no_space(void **state)
{
    static const char *const units[] = {"x", ".", "?", "\xc3\xa9", "a.a."};
    size_t u, i;
    (void)state;
    for (u = 0; u < sizeof units / sizeof units[0]; u++) {
        char *buf = big_repeat(units[u]);
        tc_vec v;
        size_t unit = strlen(units[u]), piece = 4096 - 4096 % unit;
        split_big(buf, 4096, &v);
        assert_int_equal(v.n, (BIG + piece - 1) / piece);
        for (i = 0; i < v.n; i++) {
            const tc_sent *t = tc_vec_at(&v, i);
            assert_int_equal(t->start, i * piece);
            if (i + 1 < v.n)
                assert_int_equal(t->end - t->start, piece);
        }
        tc_vec_free(&v);
        free(buf);
    }
}

static void test_big_patterns(void **state)
{
    static const char *const units[] = {
        "A. ",        "U.S. ", ". ", "... ", "? ",
        "J. Smith. ", "\" ",   "( ", "Mr. ", ".\"\"\"\"\"\"\" ",
    };
    size_t u;
    (void)state;
    for (u = 0; u < sizeof units / sizeof units[0]; u++) {
        char *buf = big_repeat(units[u]);
        tc_vec v;
        split_big(buf, 4096, &v);
        assert_true(v.n >= BIG / 4096);
        tc_vec_free(&v);
        free(buf);
    }
}

static void test_big_many_sentences(void **state)
{
    char *buf = big_repeat("Troops left. ");
    tc_vec v;
    (void)state;
    split_big(buf, 4096, &v);
    assert_int_equal(v.n, (BIG + 12) / 13);
    tc_vec_free(&v);
    free(buf);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_basic),
        cmocka_unit_test(test_unicode_openers),
        cmocka_unit_test(test_titles),
        cmocka_unit_test(test_other_abbreviations),
        cmocka_unit_test(test_months),
        cmocka_unit_test(test_initials),
        cmocka_unit_test(test_dotted_and_times),
        cmocka_unit_test(test_numbers),
        cmocka_unit_test(test_quotations),
        cmocka_unit_test(test_datelines),
        cmocka_unit_test(test_ellipsis),
        cmocka_unit_test(test_max_bytes),
        cmocka_unit_test(test_range_offsets),
        cmocka_unit_test(test_empty_and_errors),
        cmocka_unit_test(test_out_of_memory),
        cmocka_unit_test(test_big_no_space),
        cmocka_unit_test(test_big_patterns),
        cmocka_unit_test(test_big_many_sentences),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
