/*
 * test_quotes.c - the seed article's quote table (shared/seed/README.md,
 * read in place) with the built-in dictionaries on 2022-02-21: each quote
 * with its speaker, the pull quote counted once, labels kept only where
 * the sentence names who used them, and the stray mark of the garbled
 * paragraph left alone.
 */
#include "testutil.h"

#include <stdio.h>

typedef struct row {
    const char *words;   /* in the quote's text */
    const char *name;    /* speaker_name, or NULL: not checked */
    const char *code;    /* speaker_code prefix */
    bool partial;
} row;

static const row seed_rows[] = {
    {"There is agreement that the dialogue should continue at the level of "
     "foreign ministers. It is too early to talk about concrete plans for "
     "organizing summits", "Dmitry Peskov", "RUSGOV", false},
    {"accepted the policy of such a summit", "Emmanuel Macron", "FRAGOV", true},
    {"extended to all stakeholders.", "Emmanuel Macron", "FRAGOV", true},
    {"very tense", NULL, "RUSGOV", true},
    {"worrying", NULL, "RUSGOV", true},
    {"Ukrainian saboteurs", NULL, "UKRREB", true},
    {"advanced", NULL, "RUS", true},
};

#define N_ROWS (sizeof seed_rows / sizeof seed_rows[0])

/* The quoted words of q: its parts joined by a space, as the writer does. */
static void quote_words(const tc_quote *q, const char *text, char *buf,
                        size_t cap)
{
    size_t k, n = 0;
    buf[0] = '\0';
    for (k = 0; k < q->part_count; k++)
        n += (size_t)snprintf(buf + n, n < cap ? cap - n : 0, "%s%.*s",
                              k ? " " : "",
                              (int)(q->part_end[k] - q->part_start[k]),
                              text + q->part_start[k]);
}

/* How many direct quotes hold `words`; the last one in *out. */
static size_t find_direct(const tc_doc *doc, const char *words, tc_quote *out)
{
    tc_article_info info;
    size_t i, hits = 0;
    char buf[4096];
    tc_doc_info(doc, &info);
    for (i = 0; i < tc_doc_quote_count(doc); i++) {
        tc_quote q;
        tc_doc_quote(doc, i, &q);
        quote_words(&q, info.text, buf, sizeof buf);
        if (q.direct && strstr(buf, words)) {
            *out = q;
            hits++;
        }
    }
    return hits;
}

static void seed_quote_table(void **state)
{
    char *text;
    test_fixture *f = coded_seed(tc_engine_load_actors, &text);
    tc_doc *doc = f->doc;
    tc_article_info info;
    tc_quote q;
    size_t i;
    (void)state;
    tc_doc_info(doc, &info);
    for (i = 0; i < N_ROWS; i++) {
        const row *r = &seed_rows[i];
        printf("seed quotes: %.50s\n", r->words);
        /* once: the pull quote repeats the first row and is not counted */
        assert_int_equal(find_direct(doc, r->words, &q), 1);
        if (r->name)
            assert_string_equal(q.speaker_name, r->name);
        assert_true(strncmp(q.speaker_code, r->code, strlen(r->code)) == 0);
        assert_int_equal(q.partial, r->partial);
        assert_true(q.speaker_end > q.speaker_start);
        assert_true(q.cue_end > q.cue_start);
    }
    /* The first row's speaker as written, and its cue. */
    find_direct(doc, "There is agreement", &q);
    assert_int_equal(q.speaker_end - q.speaker_start, 31);
    assert_memory_equal(info.text + q.speaker_start,
                        "Kremlin spokesman Dmitry Peskov", 31);
    assert_memory_equal(info.text + q.cue_start, "said", 4);
    /* "republics" has no one saying it; "In the Ukrainian crisis." opens
     * a quote that never closes. */
    assert_int_equal(find_direct(doc, "republics", &q), 0);
    assert_int_equal(find_direct(doc, "In the Ukrainian crisis", &q), 0);
    /* Every quote lies in the text, parts in order. */
    for (i = 0; i < tc_doc_quote_count(doc); i++) {
        size_t k;
        tc_doc_quote(doc, i, &q);
        assert_true(q.part_count >= 1 && q.part_count <= TC_QUOTE_MAX_PARTS);
        for (k = 0; k < q.part_count; k++) {
            assert_true(q.part_start[k] < q.part_end[k]);
            assert_true(q.part_end[k] <= info.text_len);
            assert_true(k == 0 || q.part_start[k] >= q.part_end[k - 1]);
        }
    }
    test_fixture_teardown((void **)&f);
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(seed_quote_table),
    };
    return cmocka_run_group_tests_name("quotes", tests, NULL, NULL);
}
