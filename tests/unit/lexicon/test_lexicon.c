/*
 * test_lexicon.c - our dictionary format and the matcher: case rules,
 * diacritics, abbreviation dots, possessives, longest match, dated codes,
 * role holders, the fuzzy index, veto words, and bad lines reported with
 * their line numbers.
 */
#include "testutil.h"

#include "lexicon/lexicon.h"

#include <stdio.h>
#include <unistd.h>

static const char dict[] =
    "# a small dictionary written for this test\n"
    "state: United States\n"
    "    names: US; U.S.; America; American; Americans\n"
    "    code: USA\n"
    "state: Turkey\n"
    "    names: Türkiye; Turkish\n"
    "    code: TUR\n"
    "state: Georgia\n"
    "    names: Georgian\n"
    "    code: GEO\n"
    "    veto: Atlanta; Savannah\n"
    "person: Vladimir Putin\n"
    "    names: Putin; Vladimir Vladimirovich Putin\n"
    "    code: RUSGOV 2000-05-07..2008-05-07 | president\n"
    "    code: RUSGOV 2008-05-08..2012-05-07 | prime minister\n"
    "    code: RUSGOV 2012-05-07.. | president\n"
    "person: Recep Tayyip Erdoğan\n"
    "    names: Erdogan\n"
    "    code: TURGOV 2014-08-28.. | president\n"
    "person: Antony Blinken\n"
    "    names: Blinken\n"
    "    code: USAGOV 2021-01-26..2025-01-20 | secretary of state; foreign minister\n"
    "org: People's Liberation Army\n"
    "    names: PLA\n"
    "    code: CHNMIL\n"
    "agent: soldier\n"
    "    names: soldiers; troops\n"
    "    code: MIL\n"
    "bogus line without colon\n"
    "person: Someone\n"
    "    code: lowercase\n"
    "    code: USAGOV 2020-13-01..\n"
    "    colour: blue\n";

static char path[64];

static int setup(void **state)
{
    tc_lexicon *lx = tc_lexicon_new(NULL);
    size_t errors = 0;
    FILE *fp;
    snprintf(path, sizeof path, "/tmp/tc-lexicon-%d.txt", (int)getpid());
    fp = fopen(path, "w");
    if (!fp || !lx)
        return -1;
    fputs(dict, fp);
    fclose(fp);
    if (tc_lexicon_load(lx, path, TC_DICT_AUTO, NULL, NULL, &errors) != TC_OK)
        return -1;
    if (errors != 4 || tc_lexicon_freeze(lx) != TC_OK)
        return -1;
    *state = lx;
    return 0;
}

static int teardown(void **state)
{
    tc_lexicon_free(*state);
    remove(path);
    return 0;
}

/* Matches `words` (space-separated, each a token; a leading '^' marks a
 * capitalized token, '=' all capitals) at position 0; returns the
 * canonical name of the first entry and its length in *len. */
static const char *match(const tc_lexicon *lx, const char *words, size_t *len)
{
    tc_match_tok toks[16];
    char buf[256], key[128];
    size_t n = 0;
    char *w, *save = NULL;
    tc_name_hit h;
    snprintf(buf, sizeof buf, "%s", words);
    for (w = strtok_r(buf, " ", &save); w && n < 16;
         w = strtok_r(NULL, " ", &save)) {
        uint8_t caps = 0;
        size_t kn;
        if (*w == '^') {
            caps = 1;
            w++;
        } else if (*w == '=') {
            caps = 3;
            w++;
        }
        kn = tc_key_make(w, strlen(w), key, sizeof key);
        toks[n].key = tc_lexicon_key_id(lx, key, kn);
        toks[n++].caps = caps;
    }
    h = tc_lexicon_match(lx, toks, n, 0);
    *len = h.len;
    if (!h.len)
        return "";
    return tc_lexicon_str(lx, tc_lexicon_entry(lx, h.entries[0])->name);
}

static void case_rules(void **state)
{
    tc_lexicon *lx = *state;
    size_t len;
    assert_string_equal(match(lx, "=US troops", &len), "United States");
    assert_string_equal(match(lx, "us", &len), "");   /* the pronoun */
    assert_string_equal(match(lx, "^Us", &len), "");  /* not in capitals */
    assert_string_equal(match(lx, "turkey", &len), ""); /* the bird */
    assert_string_equal(match(lx, "^Turkey", &len), "Turkey");
    assert_string_equal(match(lx, "troops", &len), "soldier"); /* any case */
    assert_string_equal(match(lx, "=PLA", &len), "People's Liberation Army");
}

static void spellings(void **state)
{
    tc_lexicon *lx = *state;
    size_t len;
    assert_string_equal(match(lx, "^Türkiye", &len), "Turkey");
    assert_string_equal(match(lx, "^Turkiye", &len), "Turkey");
    assert_string_equal(match(lx, "^Erdoğan", &len), "Recep Tayyip Erdoğan");
    assert_string_equal(match(lx, "=U.S.", &len), "United States");
    assert_string_equal(match(lx, "^People 's ^Liberation ^Army", &len),
                        "People's Liberation Army");
    assert_int_equal(len, 4);
}

static void longest_match(void **state)
{
    tc_lexicon *lx = *state;
    size_t len;
    assert_string_equal(match(lx, "^Vladimir ^Vladimirovich ^Putin said", &len),
                        "Vladimir Putin");
    assert_int_equal(len, 3);
    assert_string_equal(match(lx, "^Vladimir ^Putin", &len), "Vladimir Putin");
    assert_int_equal(len, 2);
    assert_string_equal(match(lx, "^Vladimir ^Lenin", &len), "");
}

static const tc_entry *find(const tc_lexicon *lx, const char *name)
{
    uint32_t i;
    for (i = 0; i < tc_lexicon_entry_count(lx); i++)
        if (strcmp(tc_lexicon_str(lx, tc_lexicon_entry(lx, i)->name), name) == 0)
            return tc_lexicon_entry(lx, i);
    return NULL;
}

static void dated_codes(void **state)
{
    tc_lexicon *lx = *state;
    const tc_entry *putin = find(lx, "Vladimir Putin");
    const tc_period *p;
    assert_non_null(putin);
    p = tc_entry_period_on(lx, putin, 20100615);
    assert_string_equal(tc_lexicon_str(lx, p->roles), "prime minister");
    p = tc_entry_period_on(lx, putin, 20220221);
    assert_string_equal(tc_lexicon_str(lx, p->roles), "president");
    p = tc_entry_period_on(lx, putin, 19950101); /* before any: the first */
    assert_string_equal(tc_lexicon_str(lx, p->code), "RUSGOV");
}

static void role_holders(void **state)
{
    tc_lexicon *lx = *state;
    uint32_t out[4];
    assert_int_equal(tc_lexicon_role_holders(lx, "RUS", "president", 20220221,
                                             out, 4), 1);
    assert_string_equal(tc_lexicon_str(lx, tc_lexicon_entry(lx, out[0])->name),
                        "Vladimir Putin");
    assert_int_equal(tc_lexicon_role_holders(lx, "RUS", "president", 20100615,
                                             out, 4), 0);
    assert_int_equal(tc_lexicon_role_holders(lx, "RUS", "Prime Minister",
                                             20100615, out, 4), 1);
    assert_int_equal(tc_lexicon_role_holders(lx, "USA", "secretary of state",
                                             20220221, out, 4), 1);
    assert_int_equal(tc_lexicon_role_holders(lx, "USA", "secretary of state",
                                             20250301, out, 4), 0);
}

static void fuzzy_index(void **state)
{
    tc_lexicon *lx = *state;
    uint32_t e[4], w[4];
    assert_int_equal(tc_lexicon_fuzzy(lx, "blingen", 7, e, w, 4), 1);
    assert_string_equal(tc_lexicon_str(lx, tc_lexicon_entry(lx, e[0])->name),
                        "Antony Blinken");
    assert_int_equal(tc_lexicon_fuzzy(lx, "blinken", 7, e, w, 4), 1);
    assert_int_equal(tc_lexicon_fuzzy(lx, "bliken", 6, e, w, 4), 1);
    assert_int_equal(tc_lexicon_fuzzy(lx, "bilnken", 7, e, w, 4), 1);
    assert_int_equal(tc_lexicon_fuzzy(lx, "blingham", 8, e, w, 4), 0);
    assert_int_equal(tc_edit_distance("zhelensky", 9, "zelensky", 8, 2), 1);
    assert_int_equal(tc_edit_distance("abcd", 4, "badc", 4, 3), 2);
}

static void veto_words(void **state)
{
    tc_lexicon *lx = *state;
    const tc_entry *g = find(lx, "Georgia");
    assert_non_null(g);
    assert_string_equal(tc_lexicon_str(lx, g->veto), "atlanta\nsavannah");
}

typedef struct seen {
    uint64_t lines[8];
    size_t n;
} seen;

static void remember(void *ctx, const tc_error *w)
{
    seen *s = ctx;
    if (s->n < 8)
        s->lines[s->n++] = w->line;
}

static void bad_lines_are_located(void **state)
{
    tc_lexicon *lx = tc_lexicon_new(NULL);
    size_t errors = 0;
    seen s = {{0}, 0};
    (void)state;
    assert_non_null(lx);
    assert_int_equal(tc_lexicon_load(lx, path, TC_DICT_AUTO, remember, &s,
                                     &errors), TC_OK);
    /* no colon (29), bad code (31), bad date (32), unknown field (33) */
    assert_int_equal(errors, 4);
    assert_int_equal(s.n, 4);
    assert_int_equal(s.lines[0], 29);
    assert_int_equal(s.lines[1], 31);
    assert_int_equal(s.lines[2], 32);
    assert_int_equal(s.lines[3], 33);
    tc_lexicon_free(lx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(case_rules),
        cmocka_unit_test(spellings),
        cmocka_unit_test(longest_match),
        cmocka_unit_test(dated_codes),
        cmocka_unit_test(role_holders),
        cmocka_unit_test(fuzzy_index),
        cmocka_unit_test(veto_words),
        cmocka_unit_test(bad_lines_are_located),
    };
    return cmocka_run_group_tests_name("lexicon", tests, setup, teardown);
}
