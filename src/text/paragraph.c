/*
 * paragraph.c - paragraphs of the matching text.
 *
 * News reaches us in two plain-text shapes: one paragraph a line (feeds,
 * scrapers, the seed), or hard-wrapped lines with blank lines between
 * paragraphs (wire copy, e-mail).  A blank line always ends a paragraph; a
 * single line break ends one too unless the document looks hard-wrapped,
 * in which case only a short line (one that stops well before the wrap
 * width) does.
 */
#include "text.h"

#include <string.h>

#define WRAP_MIN_WIDTH 50u  /* narrower "wraps" are lists, not wrapping */
#define WRAP_MAX_WIDTH 100u /* wider lines are paragraphs, not wrapping */

typedef struct line_stats {
    size_t width;      /* the longest line */
    size_t lines;      /* non-blank lines in blocks of several lines */
    size_t full;       /* of those, lines at least 60% of the width */
} line_stats;

static bool is_blank(const char *s, size_t a, size_t b)
{
    for (; a < b; a++)
        if (s[a] != ' ' && s[a] != '\n')
            return false;
    return true;
}

static size_t line_end(const char *s, size_t i, size_t n)
{
    const char *nl = memchr(s + i, '\n', n - i);
    return nl ? (size_t)(nl - s) : n;
}

/* One pass over the lines: the width and how many lines fill it. */
static void measure(const char *s, size_t n, line_stats *st)
{
    size_t i = 0, prev_len = 0;
    bool prev_blank = true;
    memset(st, 0, sizeof *st);
    while (i < n) {
        size_t e = line_end(s, i, n), len = e - i;
        bool blank = is_blank(s, i, e);
        if (!blank && len > st->width)
            st->width = len;
        if (!blank && !prev_blank) {
            st->lines++;
            if (prev_len * 10 >= st->width * 6)
                st->full++;
        }
        prev_blank = blank;
        prev_len = len;
        i = e + 1;
    }
}

static bool hard_wrapped(const line_stats *st)
{
    return st->width >= WRAP_MIN_WIDTH && st->width <= WRAP_MAX_WIDTH &&
           st->lines >= 2 && st->full * 2 >= st->lines;
}

static tc_status push(tc_vec *paras, const char *s, size_t a, size_t b)
{
    tc_status st = TC_OK;
    tc_sv v = tc_sv_trim(tc_sv_make(s + a, b - a));
    tc_para *p;
    if (v.n == 0)
        return TC_OK;
    p = tc_vec_push(paras, &st);
    if (!p)
        return st;
    p->start = (uint32_t)(v.p - s);
    p->end = (uint32_t)(v.p - s + v.n);
    p->role = TC_ROLE_BODY;
    return TC_OK;
}

tc_status tc_text_paragraphs(const char *norm, size_t n, tc_vec *paras)
{
    line_stats ls;
    bool wrapped;
    size_t i = 0, start = 0;
    tc_status st;
    measure(norm, n, &ls);
    wrapped = hard_wrapped(&ls);
    while (i < n) {
        size_t e = line_end(norm, i, n);
        bool blank = is_blank(norm, i, e);
        bool short_line = (e - i) * 10 < ls.width * 6;
        if (blank || !wrapped || short_line || e == n) {
            /* A blank line ends the paragraph before it; otherwise this
             * line ends its paragraph. */
            st = push(paras, norm, start, blank ? i : e);
            if (st != TC_OK)
                return st;
            start = e;
        }
        i = e + 1;
    }
    return start < n ? push(paras, norm, start, n) : TC_OK;
}
