/*
 * test_project.c - TABARI projects (src/lexicon/project.c and the coder of
 * src/extract/tabari_code.c), from small files written here: a project
 * that names no text file or a missing dictionary fails with the file
 * named; bad text-file header lines and bad actors and verbs lines are
 * warnings with their file, line and byte while the rest loads; options
 * lines; and hostile inputs (a sentence of 100,000 words, a 10 MB record,
 * deeply nested `{` in a pattern) end in a clean result.
 */
#include "testutil.h"

#include "lexicon/tabari_proj.h"

#include <time.h>
#include <unistd.h>

#define MAX_SEEN 32

typedef struct seen {
    size_t count;
    uint64_t line[MAX_SEEN];
    uint64_t byte[MAX_SEEN];
    char message[MAX_SEEN][256];
    char file[MAX_SEEN][128];
} seen;

static void on_warn(void *ctx, const tc_error *w)
{
    seen *s = ctx;
    if (s->count < MAX_SEEN) {
        s->line[s->count] = w->line;
        s->byte[s->count] = w->byte;
        snprintf(s->message[s->count], sizeof s->message[0], "%.255s",
                 w->message);
        snprintf(s->file[s->count], sizeof s->file[0], "%.127s", w->file);
    }
    s->count++;
}

static const char ACTORS[] = "GONDOR [GON]\nARNOR [ARN]\n";
static const char VERBS[] = "ATTACK [223]\n- * BY + [224]\n";

/* A project in memory: actors, agents, verbs, options, text. */
static tc_tabari *open_mem(const char *actors, const char *verbs,
                           const char *text, size_t text_len, seen *s)
{
    tb_source src[5];
    tc_error err;
    tc_tabari *t;
    memset(src, 0, sizeof src);
    src[0].name = "t.actors";
    src[0].text = actors;
    src[0].len = strlen(actors);
    src[1].name = "t.agents";
    src[2].name = "t.verbs";
    src[2].text = verbs;
    src[2].len = strlen(verbs);
    src[3].name = "t.options";
    src[4].name = "t.text";
    src[4].text = text;
    src[4].len = text_len;
    t = tb_tabari_open_mem(NULL, src, on_warn, s, &err);
    if (!t)
        fail_msg("cannot open: %s", err.message);
    return t;
}

/* ---- The project file --------------------------------------------------- */

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    assert_int_equal(fclose(f), 0);
}

static void project_errors_name_the_file(void **state)
{
    char dir[] = "/tmp/tc-project-XXXXXX", path[256], actors[256];
    tc_error err;
    seen s;
    tc_tabari *t;
    (void)state;
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/p.project", dir);
    /* no <textfile> */
    write_file(path, "A project\n<actorsfile> a.actors\n");
    memset(&err, 0, sizeof err);
    t = tc_tabari_open(path, NULL, NULL, NULL, &err);
    assert_null(t);
    assert_string_equal(err.file, path);
    assert_non_null(strstr(err.message, "textfile"));
    /* a dictionary that is not there */
    write_file(path, "<actorsfile> missing.actors\n<textfile> t.text\n");
    memset(&err, 0, sizeof err);
    t = tc_tabari_open(path, NULL, NULL, NULL, &err);
    assert_null(t);
    assert_non_null(strstr(err.file, "missing.actors"));
    /* no project at all */
    memset(&err, 0, sizeof err);
    assert_null(tc_tabari_open("/nonexistent/x.project", NULL, NULL, NULL, &err));
    assert_string_equal(err.file, "/nonexistent/x.project");
    /* a good one: relative names, a bad header line reported with the
     * text file's path, line and byte */
    snprintf(actors, sizeof actors, "%s/a.actors", dir);
    write_file(actors, ACTORS);
    snprintf(path, sizeof path, "%s/t.text", dir);
    write_file(path, "950101 ONE\nGondor attacked Arnor on Monday in the north of "
                     "the land.\n\nnot a header\nmore\n\n950102 TWO\nText.\n");
    snprintf(path, sizeof path, "%s/p.project", dir);
    write_file(path, "<actorsfile> a.actors\n<textfile> t.text\n");
    memset(&s, 0, sizeof s);
    t = tc_tabari_open(path, NULL, on_warn, &s, &err);
    assert_non_null(t);
    {
        tc_tabari_record r;
        assert_int_equal(tc_tabari_next(t, &r), TC_OK);
        assert_string_equal(r.id, "ONE");
        assert_string_equal(r.date, "1995-01-01");
        assert_int_equal(tc_tabari_next(t, &r), TC_OK);
        assert_string_equal(r.id, "TWO");
        assert_int_equal(r.line, 7);
        assert_int_equal(tc_tabari_next(t, &r), TC_DONE);
    }
    assert_int_equal(s.count, 1); /* once for the block, not per line */
    assert_int_equal(s.line[0], 4);
    assert_int_equal(s.byte[0], 70);
    assert_non_null(strstr(s.file[0], "t.text"));
    assert_non_null(strstr(s.message[0], "header"));
    tc_tabari_close(t);
    snprintf(path, sizeof path, "rm -rf '%s'", dir);
    assert_int_equal(system(path), 0);
}

/* ---- Bad dictionary lines ------------------------------------------------ */

static void bad_dictionary_lines_are_warnings(void **state)
{
    static const char actors[] =
        "GONDOR [GON]\n"
        "ARNOR [ARN\n"          /* line 2: no closing bracket */
        "ROHAN [ROH]\n";
    static const char verbs[] =
        "ATTACK [223]\n"
        "- * BY + [224]\n"
        "- * { TO | [225]\n"   /* line 3: unclosed alternatives */
        "VISIT [032]\n";
    static const char text[] = "950101 A\nGondor attacked Rohan in the north on "
                               "Monday, officials said.\n\n";
    seen s;
    tc_tabari *t;
    size_t n;
    tc_tabari_record r;
    tc_tabari_event e;
    (void)state;
    memset(&s, 0, sizeof s);
    t = open_mem(actors, verbs, text, strlen(text), &s);
    assert_int_equal(s.count, 2);
    assert_string_equal(s.file[0], "t.actors");
    assert_int_equal(s.line[0], 2);
    assert_int_equal(s.byte[0], 13);
    assert_string_equal(s.file[1], "t.verbs");
    assert_int_equal(s.line[1], 3);
    assert_int_equal(s.byte[1], 28);
    /* the rest loaded: Gondor attacked Rohan */
    assert_int_equal(tc_tabari_next(t, &r), TC_OK);
    assert_int_equal(tc_tabari_code(t, r.text, strlen(r.text), r.date, &n), TC_OK);
    assert_int_equal(n, 1);
    assert_int_equal(tc_tabari_event_at(t, 0, &e), TC_OK);
    assert_string_equal(e.source, "GON");
    assert_string_equal(e.target, "ROH");
    assert_string_equal(e.code, "223");
    tc_tabari_close(t);
}

static void options_lines(void **state)
{
    tb_options o;
    tc_arena ar;
    (void)state;
    tc_arena_init(&ar, tc_default_allocator());
    tb_options_default(&o);
    assert_int_equal(o.min_words, 8);
    assert_true(tb_options_line(&o, &ar, "SET: CODE ALL", 13));
    assert_int_equal(o.code_by, 2);
    assert_true(tb_options_line(&o, &ar, "DEFAULT: SOURCE [DS] PRIOR TARGET [DT]", 38));
    assert_string_equal(o.def_source, "DS");
    assert_string_equal(o.def_target, "DT");
    assert_true(o.def_prior);
    assert_false(o.def_after);
    assert_true(tb_options_line(&o, &ar, "FORWARD: ^^*NNN", 15));
    assert_true(o.forward);
    assert_true(tb_options_line(&o, &ar, "FORWARD: ^^*NNN OFF", 19));
    assert_false(o.forward);
    assert_false(tb_options_line(&o, &ar, "NONSENSE: 1", 11));
    assert_false(tb_options_line(&o, &ar, "SET: NO SUCH THING", 18));
    tc_arena_free(&ar);
}

/* ---- Hostile inputs -------------------------------------------------------- */

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Codes `text` as one record; returns the seconds taken. */
static double code_all(tc_tabari *t, const char *text, size_t len, size_t *n)
{
    double t0 = now();
    assert_int_equal(tc_tabari_code(t, text, len, "1995-01-01", n), TC_OK);
    return now() - t0;
}

/* `words` words, a sentence end every `every` words (0: none). */
static char *make_text(size_t words, size_t every, size_t *len)
{
    static const char *const w[] = {"Gondor", "attacked", "Arnor", "and",
                                    "the", "city", "of", "Rohan"};
    char *s = malloc(words * 10 + 2);
    size_t i, n = 0;
    assert_non_null(s);
    for (i = 0; i < words; i++) {
        size_t k = strlen(w[i % 8]);
        memcpy(s + n, w[i % 8], k);
        n += k;
        if (every && i % every == every - 1)
            s[n++] = '.';
        s[n++] = ' ';
    }
    s[n] = '\0';
    *len = n;
    return s;
}

static void hostile_inputs_are_linear(void **state)
{
    static const char actors[] = "GONDOR [GON]\nARNOR [ARN]\nROHAN [ROH]\n";
    seen s;
    tc_tabari *t;
    size_t len, n, small_n;
    char *text;
    double small, big;
    (void)state;
    memset(&s, 0, sizeof s);
    t = open_mem(actors, VERBS, "", 0, &s);
    /* one sentence of 100,000 words: coded over its first 1,024 */
    text = make_text(100000, 0, &len);
    big = code_all(t, text, len, &n);
    assert_true(n >= 1);
    free(text);
    /* a 10 MB record of sentences of 16 words: every sentence coded, in
     * time linear in its length (10 times the text: well under 40 times
     * the time) */
    text = make_text(190000, 16, &len);
    small = code_all(t, text, len, &small_n);
    free(text);
    text = make_text(1900000, 16, &len);
    assert_true(len > 8u * 1024 * 1024);
    big = code_all(t, text, len, &n);
    free(text);
    assert_true(small_n > 0);
    assert_true(n >= 9 * small_n && n <= 11 * small_n);
    if (big > 40 * small + 0.5)
        fail_msg("10 MB took %.2fs, 1 MB %.2fs: not linear", big, small);
    tc_tabari_close(t);
}

static void deep_nesting_in_a_pattern(void **state)
{
    char *verbs = malloc(200000), *p;
    static const char text[] = "950101 A\nGondor attacked Arnor in the north on "
                               "Monday, officials said.\n\n";
    seen s;
    tc_tabari *t;
    tc_tabari_record r;
    size_t n, i;
    (void)state;
    assert_non_null(verbs);
    p = verbs;
    p += sprintf(p, "ATTACK [223]\n- * ");
    for (i = 0; i < 50000; i++)
        *p++ = '{';
    p += sprintf(p, " X [999]\n- * { A | { B | C } } [998]\n");
    for (i = 0; i < 60000; i++)
        *p++ = '{';
    p += sprintf(p, "\n");
    memset(&s, 0, sizeof s);
    t = open_mem(ACTORS, verbs, text, strlen(text), &s);
    if (s.count < 2)
        fail_msg("%zu warnings: %s", s.count, s.count ? s.message[0] : "");
    assert_int_equal(s.count, 3);
    assert_string_equal(s.file[0], "t.verbs");
    assert_int_equal(s.line[0], 2);
    assert_int_equal(s.line[1], 3);
    assert_int_equal(s.line[2], 4);
    assert_int_equal(tc_tabari_next(t, &r), TC_OK);
    assert_int_equal(tc_tabari_code(t, r.text, strlen(r.text), r.date, &n), TC_OK);
    assert_int_equal(n, 1);
    tc_tabari_close(t);
    free(verbs);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(project_errors_name_the_file),
        cmocka_unit_test(bad_dictionary_lines_are_warnings),
        cmocka_unit_test(options_lines),
        cmocka_unit_test(hostile_inputs_are_linear),
        cmocka_unit_test(deep_nesting_in_a_pattern),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
