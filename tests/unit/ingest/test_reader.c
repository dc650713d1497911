/*
 * test_reader.c - the article reader: JSONL fields, ids, dates, errors with
 * file, line and byte, the batch going on after a bad record, formats
 * sniffed from content, and directories walked in name order.
 */
#include "testutil.h"

#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct fixture {
    tc_engine *engine;
    tc_doc *doc;
    int warnings;
    char last_warning[2048];
} fixture;

static void on_warn(void *ctx, const tc_error *w)
{
    fixture *f = ctx;
    f->warnings++;
    snprintf(f->last_warning, sizeof f->last_warning, "%s:%llu: %s", w->file,
             (unsigned long long)w->line, w->message);
}

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    tc_options opt;
    tc_options_init(&opt);
    opt.warn = on_warn;
    opt.warn_ctx = f;
    f->engine = tc_engine_new(&opt, NULL);
    f->doc = tc_doc_new(f->engine);
    *state = f;
    return f->engine && f->doc ? 0 : -1;
}

static int teardown(void **state)
{
    fixture *f = *state;
    tc_doc_free(f->doc);
    tc_engine_free(f->engine);
    free(f);
    return 0;
}

static tc_reader *mem_reader(fixture *f, const char *name, const char *data)
{
    tc_reader *r = tc_reader_open_memory(f->engine, name, data, strlen(data),
                                         TC_FORMAT_AUTO, NULL);
    assert_non_null(r);
    return r;
}

static void jsonl_fields(void **state)
{
    fixture *f = *state;
    tc_article_info info;
    tc_reader *r = mem_reader(f, "feed.jsonl",
        "{\"id\":\"a1\",\"date\":\"20220221\",\"title\":\"Talks\","
        "\"url\":\"https://example.org/a1\",\"source\":\"Example\","
        "\"language\":\"en\",\"text\":\"Talks began. They ended.\"}\n");
    assert_int_equal(tc_reader_next(r, f->doc, NULL), TC_OK);
    assert_int_equal(tc_doc_analyze(f->doc, NULL), TC_OK);
    tc_doc_info(f->doc, &info);
    assert_string_equal(info.id, "a1");
    assert_string_equal(info.date, "2022-02-21");
    assert_string_equal(info.url, "https://example.org/a1");
    assert_string_equal(info.source, "Example");
    assert_string_equal(info.language, "en");
    /* The title is put in front of the text, as its first paragraph. */
    assert_string_equal(info.text, "Talks\n\nTalks began. They ended.");
    assert_int_equal(tc_reader_next(r, f->doc, NULL), TC_DONE);
    tc_reader_close(r);
}

static void jsonl_errors_and_recovery(void **state)
{
    fixture *f = *state;
    tc_error err;
    tc_article_info info;
    tc_reader *r = mem_reader(f, "x.jsonl",
        "{\"text\":\"First.\"}\n"          /* line 1, bytes 0-18 */
        "{\"text\": nope}\n"               /* line 2 starts at byte 19 */
        "\n"
        "{\"id\":7,\"text\":\"Numeric id.\",\"date\":\"soon\"}\n");
    assert_int_equal(tc_reader_next(r, f->doc, &err), TC_OK);
    tc_doc_info(f->doc, &info);
    assert_string_equal(info.id, "x.jsonl:1");
    assert_int_equal(tc_reader_next(r, f->doc, &err), TC_ERR_INPUT);
    assert_string_equal(err.file, "x.jsonl");
    assert_int_equal(err.line, 2);
    assert_true(err.byte >= 19 && err.byte < 34);
    assert_non_null(strstr(err.message, "invalid JSON"));
    assert_int_equal(tc_reader_next(r, f->doc, &err), TC_OK);
    tc_doc_info(f->doc, &info);
    assert_string_equal(info.id, "7");
    assert_string_equal(info.date, "");
    assert_int_equal(f->warnings, 1);
    assert_non_null(strstr(f->last_warning, "x.jsonl:4"));
    assert_non_null(strstr(f->last_warning, "unreadable date"));
    assert_int_equal(tc_reader_next(r, f->doc, &err), TC_DONE);
    tc_reader_close(r);
}

/* A record with "html" and no "text": the page is extracted, the record's
 * fields win over the page's; a page with nothing in it is an error that
 * names its line. */
static void jsonl_html_is_extracted(void **state)
{
    fixture *f = *state;
    tc_error err;
    tc_article_info info;
    tc_reader *r = mem_reader(
        f, "h.jsonl",
        "{\"id\":\"h1\",\"date\":\"2021-06-17\",\"html\":\"<html lang=en>"
        "<head><title>Talks resume | Site</title><meta property="
        "'article:published_time' content='2021-06-16T08:00:00Z'></head>"
        "<body><nav><a href=/>Home</a></nav><p>Talks resumed in Geneva on "
        "Monday.</p></body></html>\"}\n"
        "{\"html\":\"<html><head></head><body></body></html>\"}\n");
    assert_int_equal(tc_reader_next(r, f->doc, &err), TC_OK);
    assert_int_equal(tc_doc_analyze(f->doc, &err), TC_OK);
    tc_doc_info(f->doc, &info);
    assert_string_equal(info.id, "h1");
    assert_string_equal(info.date, "2021-06-17");
    assert_string_equal(info.title, "Talks resume");
    assert_string_equal(info.language, "en");
    assert_string_equal(info.text,
                        "Talks resume\n\nTalks resumed in Geneva on Monday.");
    assert_int_equal(tc_reader_next(r, f->doc, &err), TC_ERR_INPUT);
    assert_int_equal(err.line, 2);
    assert_non_null(strstr(err.message, "no article text"));
    assert_int_equal(tc_reader_next(r, f->doc, &err), TC_DONE);
    tc_reader_close(r);
}

static void text_sniffed_from_content(void **state)
{
    fixture *f = *state;
    tc_article_info info;
    tc_reader *r = mem_reader(f, "-", "  \n{\"id\":\"s\",\"text\":\"Hi.\"}\n");
    assert_int_equal(tc_reader_next(r, f->doc, NULL), TC_OK);
    tc_doc_info(f->doc, &info);
    assert_string_equal(info.id, "s");
    tc_reader_close(r);
    r = mem_reader(f, "-", "Plain text story.\n");
    assert_int_equal(tc_reader_next(r, f->doc, NULL), TC_OK);
    tc_doc_info(f->doc, &info);
    assert_string_equal(info.id, "-");
    tc_reader_close(r);
}

static void write_file(const char *path, const char *text)
{
    FILE *fp = fopen(path, "wb");
    assert_non_null(fp);
    fputs(text, fp);
    fclose(fp);
}

static void directory_walk_in_order(void **state)
{
    fixture *f = *state;
    char root[] = "/tmp/tc-reader-XXXXXX", path[512];
    const char *want[] = {"a.txt", "b.jsonl:1", "b.jsonl:2", "sub/c.txt"};
    tc_article_info info;
    tc_reader *r;
    size_t i;
    assert_non_null(mkdtemp(root));
    snprintf(path, sizeof path, "%s/sub", root);
    assert_int_equal(mkdir(path, 0700), 0);
    snprintf(path, sizeof path, "%s/sub/c.txt", root);
    write_file(path, "Third.\n");
    snprintf(path, sizeof path, "%s/b.jsonl", root);
    write_file(path, "{\"text\":\"One.\"}\n{\"text\":\"Two.\"}\n");
    snprintf(path, sizeof path, "%s/a.txt", root);
    write_file(path, "First.\n");
    snprintf(path, sizeof path, "%s/.hidden", root);
    write_file(path, "Not an article.\n");
    r = tc_reader_open(f->engine, root, NULL);
    assert_non_null(r);
    for (i = 0; i < 4; i++) {
        assert_int_equal(tc_reader_next(r, f->doc, NULL), TC_OK);
        tc_doc_info(f->doc, &info);
        snprintf(path, sizeof path, "%s/%s", root, want[i]);
        assert_string_equal(info.id, path);
    }
    assert_int_equal(tc_reader_next(r, f->doc, NULL), TC_DONE);
    tc_reader_close(r);
    snprintf(path, sizeof path, "rm -rf '%s'", root);
    assert_int_equal(system(path), 0);
}

static void missing_path_fails_at_open(void **state)
{
    fixture *f = *state;
    tc_error err;
    assert_null(tc_reader_open(f->engine, "/nonexistent/tacitus", &err));
    assert_int_equal(err.code, TC_ERR_IO);
    assert_string_equal(err.file, "/nonexistent/tacitus");
}

static void allocation_failures_are_clean(void **state)
{
    /* Fail each allocation in turn: every call must fail cleanly (no
     * crash; the sanitizer build catches leaks) until one run succeeds. */
    const char *feed = "{\"id\":\"a\",\"title\":\"Kyiv\",\"text\":\"Shelling "
                       "killed three civilians, officials said.\"}\n";
    long n;
    (void)state;
    for (n = 1; n < 400; n++) {
        counting_alloc ca;
        tc_options opt;
        tc_engine *e;
        tc_doc *doc = NULL;
        tc_reader *r = NULL;
        tc_status st = TC_ERR_NOMEM;
        counting_alloc_init(&ca, n);
        tc_options_init(&opt);
        opt.allocator = &ca.a;
        e = tc_engine_new(&opt, NULL);
        if (e)
            doc = tc_doc_new(e);
        if (doc)
            r = tc_reader_open_memory(e, "t.jsonl", feed, strlen(feed),
                                      TC_FORMAT_AUTO, NULL);
        if (r)
            st = tc_reader_next(r, doc, NULL);
        if (st == TC_OK)
            st = tc_doc_analyze(doc, NULL);
        tc_reader_close(r);
        tc_doc_free(doc);
        tc_engine_free(e);
        assert_int_equal(ca.live, 0);
        if (ca.calls < n) { /* nothing failed: the run is complete */
            assert_int_equal(st, TC_OK);
            return;
        }
        assert_int_equal(st, TC_ERR_NOMEM);
    }
    fail_msg("more than 400 allocations for one small article");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(jsonl_fields),
        cmocka_unit_test(jsonl_errors_and_recovery),
        cmocka_unit_test(jsonl_html_is_extracted),
        cmocka_unit_test(text_sniffed_from_content),
        cmocka_unit_test(directory_walk_in_order),
        cmocka_unit_test(missing_path_fails_at_open),
        cmocka_unit_test(allocation_failures_are_clean),
    };
    return cmocka_run_group_tests_name("ingest/reader", tests, setup, teardown);
}
