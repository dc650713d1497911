/*
 * test_token.c - unit tests of tc_text_tokens: words, clitics, hyphens,
 * abbreviations, numbers, punctuation and symbols, Unicode, the token
 * flags, ranges that end inside a word (no read past the end), errors, and
 * large pathological inputs that a non-linear tokenizer would not finish.
 */
#include "testutil.h"
#include "text/text.h"

#define BIG (4u * 1024u * 1024u)

typedef struct tok_case {
    const char *text;
    const char *want;
} tok_case;

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

/* Tokens are ordered and non-empty, cover every non-space byte of the
 * range, have a known kind, and are JOINED exactly when nothing separates
 * them from the token before. */
static void check_invariants(const char *s, size_t start, size_t end,
                             const tc_vec *v)
{
    size_t i, p = start;
    bool ok = true;
    for (i = 0; i < v->n && ok; i++) {
        const tc_tok *t = tc_vec_at(v, i);
        bool joined = (t->flags & TC_TOKEN_JOINED) != 0;
        ok = t->start >= p && t->start < t->end && t->end <= end &&
             t->kind <= TC_TOKEN_SYMBOL && joined == (i > 0 && t->start == p);
        for (; ok && p < t->start; p++)
            ok = is_ws(s[p]);
        p = t->end;
    }
    for (; ok && p < end; p++)
        ok = is_ws(s[p]);
    if (!ok)
        print_error("bad token %zu near byte %zu\n", i, p);
    assert_true(ok);
}

static void tokenize(const char *buf, size_t start, size_t end, tc_vec *v)
{
    tc_vec_init(v, tc_default_allocator(), sizeof(tc_tok), 0);
    assert_int_equal(tc_text_tokens(buf, start, end, v), TC_OK);
    check_invariants(buf, start, end, v);
}

/* Appends token i of v as "text" or, with `detail`, "text:kind:flags"
 * (kind w n p s; flags C capitalized, A all caps, J joined, B abbrev). */
static size_t describe(const char *buf, const tc_tok *t, bool detail, char *out)
{
    size_t len = t->end - t->start;
    memcpy(out, buf + t->start, len);
    if (!detail)
        return len;
    out[len++] = ':';
    out[len++] = "wnps"[t->kind];
    out[len++] = ':';
    if (t->flags & TC_TOKEN_CAPITALIZED)
        out[len++] = 'C';
    if (t->flags & TC_TOKEN_ALL_CAPS)
        out[len++] = 'A';
    if (t->flags & TC_TOKEN_JOINED)
        out[len++] = 'J';
    if (t->flags & TC_TOKEN_ABBREV)
        out[len++] = 'B';
    return len;
}

/* Tokenizes text[0..n) and returns its tokens joined by spaces. */
static char *tokens_join(const char *text, size_t n, bool detail)
{
    char *buf = exact_copy(text, n), *out = malloc(10 * n + 16);
    size_t i, len = 0;
    tc_vec v;
    assert_non_null(out);
    tokenize(buf, 0, n, &v);
    for (i = 0; i < v.n; i++) {
        if (i > 0)
            out[len++] = ' ';
        len += describe(buf, tc_vec_at(&v, i), detail, out + len);
    }
    out[len] = '\0';
    tc_vec_free(&v);
    free(buf);
    return out;
}

static void expect_n(const char *text, size_t n, const char *want, bool detail)
{
    char *got = tokens_join(text, n, detail);
    if (strcmp(got, want) != 0)
        print_error("input: %.*s\n", (int)n, text);
    assert_string_equal(got, want);
    free(got);
}

static void run_cases(const tok_case *cases, size_t n, bool detail)
{
    size_t i;
    for (i = 0; i < n; i++)
        expect_n(cases[i].text, strlen(cases[i].text), cases[i].want, detail);
}

#define RUN(cases, detail)                                                     \
    run_cases(cases, sizeof cases / sizeof cases[0], detail)

static void test_words(void **state)
{
    static const tok_case cases[] = {
        {"Russian forces shelled Kyiv on Monday.",
         "Russian forces shelled Kyiv on Monday ."},
        {"  Troops   withdrew\nat dawn  ", "Troops withdrew at dawn"},
        {"The envoy, who arrived late, left; talks: over.",
         "The envoy , who arrived late , left ; talks : over ."},
        {"", ""},
        {"   ", ""},
    };
    (void)state;
    RUN(cases, false);
}

static void test_clitics(void **state)
{
    static const tok_case cases[] = {
        {"Ukraine's army can't retreat, and they've said they'll stay.",
         "Ukraine 's army ca n't retreat , and they 've said they 'll stay ."},
        {"I'm sure we're right, she'd say.",
         "I 'm sure we 're right , she 'd say ."},
        {"Don't ask. It isn't over.", "Do n't ask . It is n't over ."},
        {"O'Brien's view of O'Neill", "O'Brien 's view of O'Neill"},
        {"rock'n'roll and d'Estaing", "rock'n'roll and d'Estaing"},
        {"the officials' statement", "the officials ' statement"},
        {"UKRAINE'S ARMY WON'T", "UKRAINE 'S ARMY WO N'T"},
        {"the 1990's", "the 1990 's"},
        {"n't", "n't"},
        {"the U.S.'s role", "the U.S. 's role"},
        {"'Yes,' he said", "' Yes , ' he said"},
        {"the shop's'", "the shop 's '"},
    };
    (void)state;
    RUN(cases, false);
}

static void test_hyphens(void **state)
{
    static const tok_case cases[] = {
        {"pro-Russian separatists", "pro - Russian separatists"},
        {"the U.S.-led coalition", "the U.S. - led coalition"},
        {"COVID-19 cases", "COVID - 19 cases"},
        {"a ceasefire -- for now", "a ceasefire -- for now"},
        {"a well-known 50-year-old", "a well - known 50 - year - old"},
        {"a - b --- c", "a - b -- - c"},
    };
    (void)state;
    RUN(cases, false);
}

static void test_abbreviations(void **state)
{
    static const tok_case cases[] = {
        {"Mr. Smith met Gen. Milley at 10 a.m. in the U.S. capital.",
         "Mr. Smith met Gen. Milley at 10 a.m. in the U.S. capital ."},
        {"He flew to the U.S.", "He flew to the U.S."},
        {"George W. Bush and J.K. Rowling", "George W. Bush and J.K. Rowling"},
        {"The world No. 1 said no.", "The world No. 1 said no ."},
        {"They chose Plan B.", "They chose Plan B ."},
        {"They chose Plan B.\")", "They chose Plan B . \" )"},
        {"Acme Inc. and Acme Corp.", "Acme Inc. and Acme Corp."},
        {"food, water, etc...", "food , water , etc ..."},
        {"Ph.D. students from the U.S.S.R. and the U.K.",
         "Ph.D. students from the U.S.S.R. and the U.K."},
        {"\xc5\x81. Nowak", "\xc5\x81. Nowak"},
        {"Mr.Smith and No.1", "Mr. Smith and No. 1"},
        {"Jan. 6, Sept. 11 and 3 p.m. ET", "Jan. 6 , Sept. 11 and 3 p.m. ET"},
        {"e.g., i.e.", "e.g. , i.e."},
        {"it ended.The end", "it ended . The end"},
        {"Amazon.com shares", "Amazon . com shares"},
        {"St. Louis, Mo.", "St. Louis , Mo ."},
    };
    (void)state;
    RUN(cases, false);
}

static void test_numbers(void **state)
{
    static const tok_case cases[] = {
        {"150,000 people, 1.5 percent, 3.30 p.m., the 21st century, the 1990s",
         "150,000:n: people:w: ,:p:J 1.5:n: percent:w: ,:p:J 3.30:n: "
         "p.m.:w:B ,:p:J the:w: 21st:w: century:w: ,:p:J the:w: 1990s:w:"},
        {"It rose to 2022.", "It:w:C rose:w: to:w: 2022:n: .:p:J"},
        {"$1.5 billion, 5%, \xe2\x82\xac"
         "20",
         "$:s: 1.5:n:J billion:w: ,:p:J 5:n: %:s:J ,:p:J \xe2\x82\xac:s: "
         "20:n:J"},
        {"1,000.50 and 1.2.3 and 1. 5", "1,000.50:n: and:w: 1.2.3:n: and:w: "
                                        "1:n: .:p:J 5:n:"},
        {"3.5bn v1.2", "3.5bn:w: v1.2:w:"},
    };
    (void)state;
    RUN(cases, true);
}

static void test_punctuation(void **state)
{
    static const tok_case cases[] = {
        {"Wait... what?!", "Wait ... what ? !"},
        {"\"Yes,\" he said (quietly).", "\" Yes , \" he said ( quietly ) ."},
        {"....", "... ."},
        {"..", ". ."},
        {"a/b [c] {d} @e #f &g *h +i =j <k> ^l _m `n |o ~p \\q",
         "a / b [ c ] { d } @ e # f & g * h + i = j < k > ^ l _ m ` n | o ~ "
         "p \\ q"},
    };
    (void)state;
    RUN(cases, false);
}

static void test_kinds_of_marks(void **state)
{
    static const tok_case cases[] = {
        {"a/b @c", "a:w: /:p:J b:w:J @:s: c:w:J"},
        {"--", "--:p:"},
        {"...", "...:p:"},
        {"\xc2\xbf"
         "Qu\xc3\xa9?",
         "\xc2\xbf:p: Qu\xc3\xa9:w:CJ ?:p:J"},
        {"bad \xef\xbf\xbd byte", "bad:w: \xef\xbf\xbd:s: byte:w:"},
        {"great \xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd job",
         "great:w: \xf0\x9f\x91\x8d:s: \xf0\x9f\x8f\xbd:s:J job:w:"},
        {"1\xe2\x80\xb0", "1:n: \xe2\x80\xb0:p:J"},
    };
    (void)state;
    RUN(cases, true);
}

static void test_unicode(void **state)
{
    static const tok_case cases[] = {
        {"Z\xc3\xbcrich, \xc5\x81\xc3\xb3\x64\xc5\xba and "
         "\xce\x95\xce\xbb\xce\xbb\xce\xac\xce\xb4\xce\xb1",
         "Z\xc3\xbcrich:w:C ,:p:J \xc5\x81\xc3\xb3\x64\xc5\xba:w:C and:w: "
         "\xce\x95\xce\xbb\xce\xbb\xce\xac\xce\xb4\xce\xb1:w:C"},
        {"\xce\x9d\xce\x91\xce\xa4\xce\x9f said",
         "\xce\x9d\xce\x91\xce\xa4\xce\x9f:w:CA said:w:"},
        {"\xe5\x8c\x97\xe4\xba\xac said",
         "\xe5\x8c\x97\xe4\xba\xac:w: said:w:"},
        {"Cafe\xcc\x81 open", "Cafe\xcc\x81:w:C open:w:"},
        {"\xd9\xa2\xd9\xa0\xd9\xa2\xd9\xa2 votes",
         "\xd9\xa2\xd9\xa0\xd9\xa2\xd9\xa2:n: votes:w:"},
        {"\xcc\x81x", "\xcc\x81:s: x:w:J"},
    };
    (void)state;
    RUN(cases, true);
}

static void test_flags(void **state)
{
    static const tok_case cases[] = {
        {"Mr. Smith", "Mr.:w:CB Smith:w:C"},
        {"NATO said", "NATO:w:CA said:w:"},
        {"U.S.-led", "U.S.:w:CAB -:p:J led:w:J"},
        {"I am", "I:w:C am:w:"},
        {"iPhone McDONALD", "iPhone:w: McDONALD:w:C"},
        {"(Reuters)", "(:p: Reuters:w:CJ ):p:J"},
        {"Ukraine's", "Ukraine:w:C 's:w:J"},
        {"don't", "do:w: n't:w:J"},
        {"WE'LL", "WE:w:CA 'LL:w:CAJ"},
        {"J. Smith", "J.:w:CB Smith:w:C"},
        {"a.m.", "a.m.:w:B"},
        {"pro-Russian", "pro:w: -:p:J Russian:w:CJ"},
        {"A1 B2B", "A1:w:C B2B:w:CA"},
    };
    (void)state;
    RUN(cases, true);
}

/* Ranges that end inside a word, a number, an abbreviation or a UTF-8
 * sequence: the tokenizer must stop at `end` (the buffer is exact, so ASan
 * would catch a read past it). */
static void test_range_end(void **state)
{
    (void)state;
    expect_n("don't", 4, "don '", false);
    expect_n("1.5", 2, "1 .", false);
    expect_n("...", 2, ". .", false);
    expect_n("U.S.", 3, "U. S", false);
    expect_n("Mr.", 2, "Mr", false);
    expect_n("No. 1", 3, "No .", false);
    expect_n("Ukraine's", 8, "Ukraine '", false);
    expect_n("they'll", 6, "they'l", false);
    expect_n("--", 1, "-", false);
    expect_n("\xc3\xa9", 1, "\xc3:s:", true);
    expect_n("a\xe2\x82\xac", 3, "a:w: \xe2:s:J \x82:s:J", true);
}

static void test_range_offsets(void **state)
{
    static const char text[] = "Header. He didn't go. Footer.";
    size_t start = strlen("Header. "), end = strlen(text) - 8;
    char *buf = exact_copy(text, end);
    tc_vec v;
    const tc_tok *t;
    (void)state;
    tokenize(buf, start, end, &v);
    assert_int_equal(v.n, 5);
    t = tc_vec_at(&v, 0);
    assert_int_equal(t->start, start);
    assert_int_equal(t->end, start + 2);
    assert_int_equal(t->flags & TC_TOKEN_JOINED, 0);
    t = tc_vec_at(&v, 2);
    assert_int_equal(t->start, start + 6);
    assert_int_equal(t->end, start + 9);
    t = tc_vec_at(&v, 4);
    assert_int_equal(t->end, end);
    assert_int_equal(t->kind, TC_TOKEN_PUNCT);
    tc_vec_free(&v);
    free(buf);
}

static void test_errors(void **state)
{
    char *buf = exact_copy("He left.", 8);
    tc_vec v;
    (void)state;
    tc_vec_init(&v, tc_default_allocator(), sizeof(tc_tok), 0);
    assert_int_equal(tc_text_tokens(buf, 5, 4, &v), TC_ERR_USAGE);
    assert_int_equal(tc_text_tokens(NULL, 0, 4, &v), TC_ERR_USAGE);
    assert_int_equal(tc_text_tokens(NULL, 0, 0, &v), TC_OK);
    assert_int_equal(v.n, 0);
    tc_vec_free(&v);
    tc_vec_init(&v, tc_default_allocator(), sizeof(tc_tok), 2);
    assert_int_equal(tc_text_tokens(buf, 0, 8, &v), TC_ERR_LIMIT);
    assert_int_equal(v.n, 2);
    tc_vec_free(&v);
    free(buf);
}

/* A failed allocation is reported, whichever one it is. */
static void test_out_of_memory(void **state)
{
    static const char text[] = "He didn't leave.";
    long fail_at;
    (void)state;
    for (fail_at = 1; fail_at <= 3; fail_at++) {
        counting_alloc ca;
        tc_vec v;
        tc_status st;
        counting_alloc_init(&ca, fail_at);
        tc_vec_init(&v, &ca.a, sizeof(tc_tok), 0);
        st = tc_text_tokens(text, 0, strlen(text), &v);
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

static void test_big(void **state)
{
    static const struct {
        const char *unit;
        size_t tokens; /* 0: not checked */
    } cases[] = {
        {"x", 1},    {"\xc3\xa9", 1},
        {"1", 1},    {"1,", 0},
        {"a.a.", 0}, {"a'", 0},
        {"n't", 0},  {"--", BIG / 2},
        {"...", 0},  {"A. ", 0},
        {"U.S.", 0}, {"Mr.", BIG / 3 + 1},
        {"'s", 0},   {"\xf0\x9f\x91\x8d", BIG / 4},
    };
    size_t i;
    (void)state;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *buf = big_repeat(cases[i].unit);
        tc_vec v;
        tokenize(buf, 0, BIG, &v);
        if (cases[i].tokens)
            assert_int_equal(v.n, cases[i].tokens);
        tc_vec_free(&v);
        free(buf);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_words),
        cmocka_unit_test(test_clitics),
        cmocka_unit_test(test_hyphens),
        cmocka_unit_test(test_abbreviations),
        cmocka_unit_test(test_numbers),
        cmocka_unit_test(test_punctuation),
        cmocka_unit_test(test_kinds_of_marks),
        cmocka_unit_test(test_unicode),
        cmocka_unit_test(test_flags),
        cmocka_unit_test(test_range_end),
        cmocka_unit_test(test_range_offsets),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_out_of_memory),
        cmocka_unit_test(test_big),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
