/*
 * alloc.c - every allocation of the engine goes through a tc_allocator, so
 * that an embedding program can use its own allocator and tests can count
 * allocations and fail the N-th one.
 */
#include "core.h"

#include <stdlib.h>
#include <string.h>

static void *std_malloc(void *ctx, size_t size)
{
    (void)ctx;
    return malloc(size);
}

static void *std_realloc(void *ctx, void *ptr, size_t size)
{
    (void)ctx;
    return realloc(ptr, size);
}

static void std_free(void *ctx, void *ptr)
{
    (void)ctx;
    free(ptr);
}

static const tc_allocator std_allocator = {std_malloc, std_realloc, std_free,
                                           NULL};

const tc_allocator *tc_default_allocator(void)
{
    return &std_allocator;
}

void *tc_malloc(const tc_allocator *a, size_t size)
{
    return a->malloc(a->ctx, size ? size : 1);
}

void *tc_realloc(const tc_allocator *a, void *ptr, size_t size)
{
    return a->realloc(a->ctx, ptr, size ? size : 1);
}

void tc_free(const tc_allocator *a, void *ptr)
{
    if (ptr)
        a->free(a->ctx, ptr);
}

char *tc_strndup(const tc_allocator *a, const char *s, size_t n)
{
    char *p;
    if (n == SIZE_MAX)
        return NULL;
    p = tc_malloc(a, n + 1);
    if (!p)
        return NULL;
    if (n)
        memcpy(p, s, n);
    p[n] = '\0';
    return p;
}
