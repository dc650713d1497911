/*
 * arena.c - one arena per article.  Everything an article produces
 * (decoded text, paragraphs, sentences, tokens) is bump-allocated here and
 * released at once.  The first chunk is kept across resets so that a batch
 * of articles reuses one block instead of calling the allocator per article.
 */
#include "core.h"

#include <string.h>

#define ARENA_MIN_CHUNK (64u * 1024u)
#define ARENA_ALIGN 16u

struct tc_arena_chunk {
    tc_arena_chunk *next;
    size_t cap;
    size_t used;
    /* data follows, aligned */
};

#define CHUNK_HEADER \
    ((sizeof(tc_arena_chunk) + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1))

void tc_arena_init(tc_arena *arena, const tc_allocator *alloc)
{
    arena->alloc = alloc;
    arena->head = NULL;
    arena->used = 0;
}

static tc_arena_chunk *chunk_new(tc_arena *arena, size_t need)
{
    size_t cap = ARENA_MIN_CHUNK;
    tc_arena_chunk *c;
    /* Chunks grow with the arena so a large article needs few of them. */
    if (arena->head && arena->head->cap > cap)
        cap = arena->head->cap < SIZE_MAX / 4 ? arena->head->cap * 2 : cap;
    if (need > cap)
        cap = need;
    if (cap > SIZE_MAX - CHUNK_HEADER)
        return NULL;
    c = tc_malloc(arena->alloc, CHUNK_HEADER + cap);
    if (!c)
        return NULL;
    c->cap = cap;
    c->used = 0;
    c->next = arena->head;
    arena->head = c;
    return c;
}

void *tc_arena_alloc(tc_arena *arena, size_t size)
{
    tc_arena_chunk *c = arena->head;
    size_t need;
    char *p;
    if (size > SIZE_MAX - ARENA_ALIGN)
        return NULL;
    need = (size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
    if (need == 0)
        need = ARENA_ALIGN;
    if (!c || c->cap - c->used < need) {
        c = chunk_new(arena, need);
        if (!c)
            return NULL;
    }
    p = (char *)c + CHUNK_HEADER + c->used;
    c->used += need;
    arena->used += need;
    return p;
}

void *tc_arena_calloc(tc_arena *arena, size_t count, size_t size)
{
    void *p;
    if (size && count > SIZE_MAX / size)
        return NULL;
    p = tc_arena_alloc(arena, count * size);
    if (p)
        memset(p, 0, count * size);
    return p;
}

char *tc_arena_strndup(tc_arena *arena, const char *s, size_t n)
{
    char *p;
    if (n == SIZE_MAX)
        return NULL;
    p = tc_arena_alloc(arena, n + 1);
    if (!p)
        return NULL;
    if (n)
        memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

void tc_arena_reset(tc_arena *arena)
{
    tc_arena_chunk *c = arena->head, *keep = NULL;
    /* Keep the largest chunk: the next article is likely of similar size. */
    while (c) {
        tc_arena_chunk *next = c->next;
        if (!keep || c->cap > keep->cap) {
            if (keep)
                tc_free(arena->alloc, keep);
            keep = c;
        } else {
            tc_free(arena->alloc, c);
        }
        c = next;
    }
    if (keep) {
        keep->next = NULL;
        keep->used = 0;
    }
    arena->head = keep;
    arena->used = 0;
}

void tc_arena_free(tc_arena *arena)
{
    tc_arena_chunk *c = arena->head;
    while (c) {
        tc_arena_chunk *next = c->next;
        tc_free(arena->alloc, c);
        c = next;
    }
    arena->head = NULL;
    arena->used = 0;
}
