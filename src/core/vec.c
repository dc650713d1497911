/*
 * vec.c - a growable array of fixed-size items with a hard count cap, for
 * per-article lists (paragraphs, sentences, tokens) whose size the input
 * decides.
 */
#include "core.h"

#include <string.h>

void tc_vec_init(tc_vec *v, const tc_allocator *alloc, size_t item_size,
                 size_t max)
{
    v->alloc = alloc;
    v->p = NULL;
    v->n = 0;
    v->cap = 0;
    v->size = item_size;
    v->max = max ? max : SIZE_MAX / item_size;
}

void *tc_vec_push(tc_vec *v, tc_status *st)
{
    void *item;
    if (v->n >= v->max) {
        *st = TC_ERR_LIMIT;
        return NULL;
    }
    if (v->n == v->cap) {
        size_t cap = v->cap ? v->cap * 2 : 64;
        void *p;
        if (cap > v->max)
            cap = v->max;
        if (cap > SIZE_MAX / v->size) {
            *st = TC_ERR_LIMIT;
            return NULL;
        }
        p = tc_realloc(v->alloc, v->p, cap * v->size);
        if (!p) {
            *st = TC_ERR_NOMEM;
            return NULL;
        }
        v->p = p;
        v->cap = cap;
    }
    item = tc_vec_at(v, v->n++);
    memset(item, 0, v->size);
    *st = TC_OK;
    return item;
}

void tc_vec_clear(tc_vec *v)
{
    v->n = 0;
}

void tc_vec_free(tc_vec *v)
{
    tc_free(v->alloc, v->p);
    v->p = NULL;
    v->n = v->cap = 0;
}
