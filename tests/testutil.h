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

#endif
