/*
 * test_facts.c - count facts and dates on the seed article (its README's
 * facts and dates tables, read with --date 2022-02-21): the counts with
 * their type, number, precision and codes; "on Thursday" as 2022-02-24;
 * the caption's meeting on 2021-06-16; the running total since 2014.
 */
#include "testutil.h"

#include "extract/extract.h"

#include <stdio.h>

typedef struct fact {
    const char *type;
    double number;
    const char *precision;
    const char *code;    /* object_code or actor_code prefix, "" any */
} fact;

static const fact seed_facts[] = {
    {"DEPLOY", 150000, "approximate", "RUS"},
    {"ATTACK", 14, "exact", "UKRREB"},
    {"WOUND", 1, "exact", "UKRMIL"},
    {"KILL", 3, "exact", "UKRCVL"},
    {"EVACUATE", 61000, "exact", ""},
    {"KILL", 14000, "at_least", ""},
};

#define N_FACTS (sizeof seed_facts / sizeof seed_facts[0])

static bool fact_found(const tc_doc *doc, const fact *f, tc_count *out)
{
    size_t i;
    for (i = 0; i < tc_doc_count_count(doc); i++) {
        tc_count c;
        tc_doc_count(doc, i, &c);
        if (strcmp(c.type, f->type) == 0 && c.number == f->number &&
            strcmp(c.precision, f->precision) == 0 &&
            (strncmp(c.object_code, f->code, strlen(f->code)) == 0 ||
             strncmp(c.actor_code, f->code, strlen(f->code)) == 0)) {
            *out = c;
            return true;
        }
    }
    return false;
}

static void seed_counts(void **state)
{
    char *text;
    test_fixture *f = coded_seed(tc_engine_load_events, &text);
    tc_doc *doc = f->doc;
    size_t i;
    tc_count c;
    (void)state;
    for (i = 0; i < N_FACTS; i++) {
        bool ok = fact_found(doc, &seed_facts[i], &c);
        printf("seed facts: %-9s %8.0f %-12s %s\n", seed_facts[i].type,
               seed_facts[i].number, seed_facts[i].precision, ok ? "found" : "MISSING");
        assert_true(ok);
    }
    /* "more than 14,000 people since 2014" is a running total */
    assert_true(fact_found(doc, &seed_facts[5], &c));
    assert_true(c.cumulative);
    assert_int_equal(c.since_year, 2014);
    assert_string_equal(c.date, "2014-01-01");
    assert_string_equal(c.date_end, "2022-02-21");
    /* "in the past 24 hours" dates the three civilians */
    assert_true(fact_found(doc, &seed_facts[3], &c));
    assert_string_equal(c.date, "2022-02-20");
    assert_string_equal(c.date_precision, "range");
    /* nothing else is counted: no year, age or money in the seed */
    assert_int_equal(tc_doc_count_count(doc), N_FACTS);
    test_fixture_teardown((void **)&f);
    free(text);
}

static void seed_dates(void **state)
{
    char *text;
    test_fixture *f = coded_seed(tc_engine_load_events, &text);
    tc_doc *doc = f->doc;
    size_t i;
    bool caption = false, thursday = false, sunday = false;
    (void)state;
    for (i = 0; i < tc_doc_event_count(doc); i++) {
        tc_event e;
        tc_doc_event(doc, i, &e);
        if (strcmp(e.role, "caption") == 0 && strncmp(e.root, "04", 2) == 0) {
            assert_string_equal(e.date, "2021-06-16");
            caption = true;
        }
        if (e.sentence == 17 && strncmp(e.root, "04", 2) == 0) {
            assert_string_equal(e.date, "2022-02-24"); /* scheduled for Thursday */
            thursday = true;
        }
        if (e.sentence == 28 && strcmp(e.code, "112") == 0) {
            assert_string_equal(e.date, "2022-02-20"); /* on Sunday */
            sunday = true;
        }
        if (!e.dated)
            assert_string_equal(e.date, "2022-02-21");
    }
    assert_true(caption && thursday && sunday);
    test_fixture_teardown((void **)&f);
    free(text);
}

/* The start-word lists are searched by halves: they must stay sorted. */
static void start_words_sorted(void **state)
{
    size_t n;
    const char *const *w;
    (void)state;
    w = tc_dates_starts(&n);
    assert_true(tc_words_sorted(w, n));
    w = tc_counts_starts(&n, false);
    assert_true(tc_words_sorted(w, n));
    w = tc_counts_starts(&n, true);
    assert_true(tc_words_sorted(w, n));
    assert_false(tc_words_sorted((const char *const[]){"b", "a"}, 2));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(start_words_sorted),
        cmocka_unit_test(seed_counts),
        cmocka_unit_test(seed_dates),
    };
    return cmocka_run_group_tests_name("facts", tests, NULL, NULL);
}
