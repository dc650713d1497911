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

#endif
