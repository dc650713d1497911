/*
 * test_quotes.c - the quote finder (src/extract/quotes.c) through the
 * public API: pairing of marks, split quotes, speakers and their actors,
 * indirect speech, the cap on quotes per article, hostile marks, and every
 * allocation failing in turn.
 */
#include "testutil.h"

static tc_engine *engine;

static int set_up(void **state)
{
    (void)state;
    engine = tc_engine_new(NULL, NULL);
    return engine && tc_engine_load_actors(engine, NULL, NULL) == TC_OK ? 0 : -1;
}

static int tear_down(void **state)
{
    (void)state;
    tc_engine_free(engine);
    return 0;
}

/* Analyses `text` (dated 2022-02-21) into doc. */
static tc_doc *run(const char *text)
{
    tc_doc *doc = tc_doc_new(engine);
    tc_article_in in;
    memset(&in, 0, sizeof in);
    in.id = "t";
    in.date = "2022-02-21";
    in.text = text;
    in.text_len = strlen(text);
    assert_int_equal(tc_doc_set(doc, &in, NULL), TC_OK);
    assert_int_equal(tc_doc_analyze(doc, NULL), TC_OK);
    return doc;
}

static void expect_span(const char *text, size_t a, size_t b, const char *want)
{
    assert_int_equal(b - a, strlen(want));
    assert_memory_equal(text + a, want, b - a);
}

static void split_quote_is_one(void **state)
{
    const char *t = "\"We are ready,\" Sergei Lavrov said, \"but not now.\"";
    tc_doc *doc = run(t);
    tc_quote q;
    (void)state;
    assert_int_equal(tc_doc_quote_count(doc), 1);
    tc_doc_quote(doc, 0, &q);
    assert_true(q.direct && !q.partial);
    assert_int_equal(q.part_count, 2);
    expect_span(t, q.part_start[0], q.part_end[0], "We are ready,");
    expect_span(t, q.part_start[1], q.part_end[1], "but not now.");
    expect_span(t, q.speaker_start, q.speaker_end, "Sergei Lavrov");
    expect_span(t, q.cue_start, q.cue_end, "said");
    assert_string_equal(q.speaker_code, "RUSGOV");
    tc_doc_free(doc);
}

static void pronouns_resolve(void **state)
{
    const char *t = "NATO met in Brussels.\n\n"
                    "\"The door stays open,\" it said in a statement.\n\n"
                    "Jens Stoltenberg spoke later.\n\n"
                    "\"We are united,\" he said.";
    tc_doc *doc = run(t);
    tc_quote q;
    (void)state;
    assert_int_equal(tc_doc_quote_count(doc), 2);
    tc_doc_quote(doc, 0, &q);
    expect_span(t, q.speaker_start, q.speaker_end, "it");
    assert_string_equal(q.speaker_code, "IGOWSTNAT");
    tc_doc_quote(doc, 1, &q);
    expect_span(t, q.speaker_start, q.speaker_end, "he");
    assert_string_equal(q.speaker_name, "Jens Stoltenberg");
    tc_doc_free(doc);
}

static void indirect_and_partial(void **state)
{
    const char *t = "Moscow said that the talks had \"advanced\" a little.";
    tc_doc *doc = run(t);
    tc_quote q;
    (void)state;
    assert_int_equal(tc_doc_quote_count(doc), 2);
    tc_doc_quote(doc, 0, &q);
    assert_false(q.direct);
    expect_span(t, q.start, q.end, "the talks had \"advanced\" a little");
    tc_doc_quote(doc, 1, &q);
    assert_true(q.direct && q.partial);
    expect_span(t, q.start, q.end, "advanced");
    expect_span(t, q.speaker_start, q.speaker_end, "Moscow");
    tc_doc_free(doc);
}

static void labels_need_a_speaker(void **state)
{
    const char *t = "The band played \"Imagine\" and the 'students' union' "
                    "cheered the students' choir.";
    tc_doc *doc = run(t);
    (void)state;
    assert_int_equal(tc_doc_quote_count(doc), 0);
    tc_doc_free(doc);
}

static void capped_and_linear(void **state)
{
    /* 60,000 one-word quotes, each with a cue: capped at 10,000 */
    size_t n = 60000, i, len = 0;
    const char *unit = "He said \"no\". ";
    char *t = malloc(n * strlen(unit) + 1);
    tc_doc *doc;
    (void)state;
    for (i = 0; i < n; i++) {
        memcpy(t + len, unit, strlen(unit));
        len += strlen(unit);
    }
    t[len] = '\0';
    doc = run(t);
    assert_int_equal(tc_doc_quote_count(doc), 10000);
    tc_doc_free(doc);
    /* a megabyte of marks: no quote is empty, nothing breaks */
    memset(t, '"', len);
    doc = run(t);
    for (i = 0; i < tc_doc_quote_count(doc); i++) {
        tc_quote q;
        tc_doc_quote(doc, i, &q);
        assert_true(q.end > q.start);
    }
    tc_doc_free(doc);
    free(t);
}

static void allocation_failures(void **state)
{
    const char *t = "\"X is ready,\" he said. \"Y.\"\n\nMoscow said that it "
                    "had \"advanced\".";
    long k;
    (void)state;
    for (k = 1; k < 10000; k++) {
        counting_alloc ca;
        tc_options opt;
        tc_engine *e;
        tc_doc *doc;
        tc_status st;
        long before;
        counting_alloc_init(&ca, 0);
        tc_options_init(&opt);
        opt.allocator = &ca.a;
        e = tc_engine_new(&opt, NULL);
        assert_int_equal(tc_engine_load_actors(e, NULL, NULL), TC_OK);
        doc = tc_doc_new(e);
        before = ca.calls;
        ca.fail_at = before + k;
        st = analyze_text(doc, t, NULL);
        tc_doc_free(doc);
        tc_engine_free(e);
        assert_int_equal(ca.live, 0);
        if (st == TC_OK)
            break;
        assert_int_equal(st, TC_ERR_NOMEM);
    }
    assert_true(k < 10000);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(split_quote_is_one),
        cmocka_unit_test(pronouns_resolve),
        cmocka_unit_test(indirect_and_partial),
        cmocka_unit_test(labels_need_a_speaker),
        cmocka_unit_test(capped_and_linear),
        cmocka_unit_test(allocation_failures),
    };
    return cmocka_run_group_tests_name("quotes", tests, set_up, tear_down);
}
