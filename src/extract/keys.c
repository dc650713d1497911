/*
 * keys.c - the match key of every token of a document, made once: both the
 * actor and the event stage look tokens up by key, and making a key (case
 * folding, diacritics, abbreviation dots) is the costly part.
 */
#include "extract.h"

#define KEY_MAX 128u

tc_status tc_keys_build(tc_arena *arena, const char *norm, const tc_vec *toks,
                        tc_keys *out)
{
    size_t i, total = 0, pos = 0;
    uint32_t *off;
    uint8_t *len;
    char *buf;
    for (i = 0; i < toks->n; i++) {
        const tc_tok *k = tc_vec_at(toks, i);
        total += TC_MIN((size_t)(k->end - k->start) * 3 + 4, KEY_MAX);
    }
    off = tc_arena_alloc(arena, (toks->n + 1) * sizeof *off);
    len = tc_arena_alloc(arena, toks->n + 1);
    buf = tc_arena_alloc(arena, total + 1);
    if (!off || !len || !buf)
        return TC_ERR_NOMEM;
    for (i = 0; i < toks->n; i++) {
        const tc_tok *k = tc_vec_at(toks, i);
        size_t room = TC_MIN((size_t)(k->end - k->start) * 3 + 4, KEY_MAX);
        size_t n = tc_key_make(norm + k->start, k->end - k->start, buf + pos,
                               TC_MIN(room, 255u));
        off[i] = (uint32_t)pos;
        len[i] = (uint8_t)n;
        pos += room;
    }
    out->buf = buf;
    out->off = off;
    out->len = len;
    return TC_OK;
}
