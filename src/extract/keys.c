/*
 * keys.c - the match key of every token of a document, made once: both the
 * actor and the event stage look tokens up by key, and making a key (case
 * folding, diacritics, abbreviation dots) is the costly part.
 */
#include "extract.h"

#include <string.h>

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

bool tc_key_in_sorted(const tc_keys *k, uint32_t tok, const char *const *sorted,
                      size_t n)
{
    size_t lo = 0, hi = n, kn, i;
    const unsigned char *key = (const unsigned char *)tc_key_of(k, tok, &kn);
    if (!kn)
        return false;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const unsigned char *w = (const unsigned char *)sorted[mid];
        int c = (int)key[0] - (int)w[0];
        /* most steps end at the first byte; else compare on, the end of
         * the key ranking below any byte of the word */
        for (i = 1; c == 0; i++) {
            if (i == kn) {
                c = w[i] ? -1 : 0;
                break;
            }
            c = w[i] ? (int)key[i] - (int)w[i] : 1;
        }
        if (c == 0)
            return true;
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return false;
}

bool tc_words_sorted(const char *const *words, size_t n)
{
    size_t i;
    for (i = 1; i < n; i++)
        if (strcmp(words[i - 1], words[i]) >= 0)
            return false;
    return true;
}
