/*
 * test_events.c - events coded with the built-in dictionaries and
 * patterns: the seed article's event table (shared/seed/README.md, read in
 * place), at root level with the right actors; the caption coded as a past
 * meeting; no invasion coded as having happened.
 */
#include "testutil.h"

#include <stdio.h>

typedef struct row {
    size_t sentence;     /* where our splitter puts it (1-based) */
    const char *what;
    const char *sources; /* space-separated code prefixes, "*" any */
    const char *targets;
    const char *roots;   /* space-separated roots */
} row;

/* Our reading of the seed (its README), as prefixes: RUS matches RUSGOV. */
static const row seed_rows[] = {
    {2, "Moscow announced a phone call would suffice", "RUS", "*", "01"},
    {3, "caption: Putin and Biden met in Geneva", "RUS USA", "USA RUS", "04 03"},
    {4, "Kremlin undermining the confidence", "RUS", "*", "01 12"},
    {7, "Russia accused of amassing troops", "*", "RUS", "11"},
    {7, "troops amassed on the border", "RUS", "*", "15"},
    {12, "Peskov: too early to talk of summits", "RUS", "*", "01 12"},
    {15, "presidents accepted a summit", "RUS USA FRA", "*", "03 04"},
    {17, "Lavrov-Blinken meeting scheduled", "RUS USA", "USA RUS", "03 04"},
    {18, "Paris insisted on a condition", "FRA", "*", "10 13 01"},
    {20, "Putin to chair his Security Council", "RUS", "*", "04"},
    {22, "14 shellings by pro-Russian rebels", "UKRREB", "*", "19 18"},
    {23, "separatists blamed Ukrainian saboteurs", "UKRREB", "UKR", "11"},
    {25, "republics ordered mobilization", "UKRREB", "*", "15"},
    {27, "Kremlin: situation very tense", "RUS", "*", "01"},
    {28, "Moscow blamed Kiev", "RUS", "UKR", "11"},
    {28, "Kiev blamed Moscow", "UKR", "RUS", "11"},
    {29, "called for diplomatic efforts", "*", "*", "02"},
    {30, "demand an end to NATO expansion", "RUS", "IGOWSTNAT *", "10"},
    {30, "demands rejected by the West", "WST", "RUS", "12"},
};

#define N_ROWS (sizeof seed_rows / sizeof seed_rows[0])

static bool prefix_in(const char *list, const char *code)
{
    char buf[128], *w, *save = NULL;
    snprintf(buf, sizeof buf, "%s", list);
    for (w = strtok_r(buf, " ", &save); w; w = strtok_r(NULL, " ", &save))
        if (strcmp(w, "*") == 0 || (code[0] && strncmp(code, w, strlen(w)) == 0))
            return true;
    return false;
}

static bool row_found(const tc_doc *doc, const row *r)
{
    size_t i;
    for (i = 0; i < tc_doc_event_count(doc); i++) {
        tc_event e;
        tc_doc_event(doc, i, &e);
        if (e.sentence == r->sentence &&
            prefix_in(r->sources, e.source) && prefix_in(r->targets, e.target) &&
            prefix_in(r->roots, e.root))
            return true;
    }
    return false;
}


static void seed_event_table(void **state)
{
    char *text;
    test_fixture *f = coded_seed(tc_engine_load_events, &text);
    tc_doc *doc = f->doc;
    size_t i, found = 0;
    bool caption_past = false;
    (void)state;
    for (i = 0; i < N_ROWS; i++) {
        bool ok = row_found(doc, &seed_rows[i]);
        found += ok;
        printf("seed events: %-45s %s\n", seed_rows[i].what, ok ? "found" : "MISSING");
    }
    for (i = 0; i < tc_doc_event_count(doc); i++) {
        tc_event e;
        tc_doc_event(doc, i, &e);
        /* No invasion happened: one may only be feared or conditional. */
        if (strcmp(e.code, "1056") == 0 || strncmp(e.code, "19", 2) == 0)
            if (strcmp(e.target, "UKR") == 0 && strncmp(e.source, "RUS", 3) == 0)
                assert_true(e.negated || strcmp(e.modality, "asserted") != 0);
        if (strcmp(e.role, "caption") == 0 && strncmp(e.root, "04", 2) == 0)
            caption_past = strcmp(e.modality, "past") == 0;
    }
    printf("seed events: %zu of %zu rows found\n", found, N_ROWS);
    assert_true(caption_past);
    assert_true(found >= 12);
    test_fixture_teardown((void **)&f);
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(seed_event_table),
    };
    return cmocka_run_group_tests_name("events", tests, NULL, NULL);
}
