/*
 * testutil.h - shared by the cmocka tests: a counting allocator that can
 * fail the N-th allocation (curl's and SQLite's "torture" idea), and a
 * helper that runs a whole article through the public API.
 */
#ifndef TC_TESTUTIL_H
#define TC_TESTUTIL_H

#include "tacitus.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

typedef struct counting_alloc {
    tc_allocator a;
    long calls;     /* allocations so far */
    long fail_at;   /* fail the allocation with this number (1-based); 0 never */
    long live;      /* blocks not yet freed */
} counting_alloc;

static inline void *count_malloc(void *ctx, size_t n)
{
    counting_alloc *c = ctx;
    void *p;
    if (++c->calls == c->fail_at)
        return NULL;
    p = malloc(n);
    if (p)
        c->live++;
    return p;
}

static inline void *count_realloc(void *ctx, void *old, size_t n)
{
    counting_alloc *c = ctx;
    void *p;
    if (++c->calls == c->fail_at)
        return NULL;
    p = realloc(old, n);
    if (p && !old)
        c->live++;
    return p;
}

static inline void count_free(void *ctx, void *p)
{
    counting_alloc *c = ctx;
    if (p)
        c->live--;
    free(p);
}

static inline void counting_alloc_init(counting_alloc *c, long fail_at)
{
    c->a.malloc = count_malloc;
    c->a.realloc = count_realloc;
    c->a.free = count_free;
    c->a.ctx = c;
    c->calls = 0;
    c->fail_at = fail_at;
    c->live = 0;
}

/* Loads `text` as an article with `date` into doc and analyses it. */
static inline tc_status analyze_text(tc_doc *doc, const char *text,
                                     const char *title)
{
    tc_article_in in;
    tc_status st;
    memset(&in, 0, sizeof in);
    in.id = "test";
    in.title = title;
    in.text = text;
    in.text_len = strlen(text);
    st = tc_doc_set(doc, &in, NULL);
    return st == TC_OK ? tc_doc_analyze(doc, NULL) : st;
}

/* The bytes of $SHARED/NAME (SHARED defaults to ../shared), NUL-ended;
 * the caller frees them.  Fails the test when the file is missing. */
static inline char *read_shared(const char *name)
{
    const char *shared = getenv("SHARED");
    char path[1024], *buf;
    FILE *fp;
    long n;
    snprintf(path, sizeof path, "%s/%s", shared ? shared : "../shared", name);
    fp = fopen(path, "rb");
    if (!fp)
        fail_msg("cannot read %s", path);
    fseek(fp, 0, SEEK_END);
    n = ftell(fp);
    fseek(fp, 0, SEEK_SET);
    buf = malloc((size_t)n + 1);
    assert_non_null(buf);
    assert_int_equal(fread(buf, 1, (size_t)n, fp), (size_t)n);
    buf[n] = '\0';
    fclose(fp);
    return buf;
}

/* Loads `text` (id "t", dated `date`) into doc and analyses it. */
static inline void code_text_ok(tc_doc *doc, const char *id, const char *text,
                                const char *date)
{
    tc_article_in in;
    memset(&in, 0, sizeof in);
    in.id = id;
    in.date = date;
    in.text = text;
    in.text_len = strlen(text);
    assert_int_equal(tc_doc_set(doc, &in, NULL), TC_OK);
    assert_int_equal(tc_doc_analyze(doc, NULL), TC_OK);
}

/* An engine with what `load` loads and one document, for cmocka group
 * setups; torn down by test_fixture_teardown. */
typedef struct test_fixture {
    tc_engine *engine;
    tc_doc *doc;
} test_fixture;

typedef tc_status (*test_load_fn)(tc_engine *e, size_t *bad, tc_error *err);

static inline int test_fixture_setup(void **state, test_load_fn load)
{
    test_fixture *f = calloc(1, sizeof *f);
    if (!f)
        return -1;
    *state = f;
    f->engine = tc_engine_new(NULL, NULL);
    if (!f->engine || (load && load(f->engine, NULL, NULL) != TC_OK))
        return -1;
    f->doc = tc_doc_new(f->engine);
    return f->doc ? 0 : -1;
}

static inline int test_fixture_teardown(void **state)
{
    test_fixture *f = *state;
    if (f) {
        tc_doc_free(f->doc);
        tc_engine_free(f->engine);
        free(f);
    }
    return 0;
}

/* The seed article (../shared/seed), dated 2022-02-21, coded by an
 * engine loaded with `load`; free with test_fixture_teardown(&f). */
static inline test_fixture *coded_seed(test_load_fn load, char **text)
{
    test_fixture *f = NULL;
    void *state = NULL;
    if (test_fixture_setup(&state, load) != 0)
        fail_msg("cannot load the engine");
    f = state;
    *text = read_shared("seed/ukraine-summit.txt");
    code_text_ok(f->doc, "seed", *text, "2022-02-21");
    return f;
}

#endif
