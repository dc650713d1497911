/*
 * json.c - JSON string literals for the JSONL writers.  Output is built in a
 * capped string builder; the input is valid UTF-8 (the text stage sees to
 * that), so only quotes, backslashes and control characters need escapes.
 */
#include "core.h"

#include <string.h>

#define ONES 0x0101010101010101ull
#define HIGHS 0x8080808080808080ull

/* Whether none of 8 bytes needs an escape: no byte below 0x20, no '"', no
 * backslash (the "has less than" and "has zero" word tricks). */
static bool plain8(const char *s)
{
    uint64_t w, q, b;
    memcpy(&w, s, 8);
    q = w ^ (ONES * '"');
    b = w ^ (ONES * '\\');
    return (((w - ONES * 0x20) & ~w) | ((q - ONES) & ~q) | ((b - ONES) & ~b)) &
               HIGHS ? false : true;
}

tc_status tc_json_string(tc_sb *sb, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    size_t i, run = 0;
    tc_status st;
    /* Worst case is 6 bytes per input byte; reserve the common case. */
    st = tc_sb_reserve(sb, n + 2);
    if (st != TC_OK)
        return st;
    sb->p[sb->n++] = '"';
    for (i = 0; i < n; i++) {
        unsigned char c;
        char esc[6];
        size_t elen = 0;
        while (i + 8 <= n && plain8(s + i))
            i += 8;
        if (i >= n)
            break;
        c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        switch (c) {
        case '"': esc[0] = '\\'; esc[1] = '"'; elen = 2; break;
        case '\\': esc[0] = '\\'; esc[1] = '\\'; elen = 2; break;
        case '\n': esc[0] = '\\'; esc[1] = 'n'; elen = 2; break;
        case '\r': esc[0] = '\\'; esc[1] = 'r'; elen = 2; break;
        case '\t': esc[0] = '\\'; esc[1] = 't'; elen = 2; break;
        default:
            esc[0] = '\\'; esc[1] = 'u'; esc[2] = '0'; esc[3] = '0';
            esc[4] = hex[c >> 4]; esc[5] = hex[c & 15]; elen = 6;
        }
        st = tc_sb_append(sb, s + run, i - run);
        if (st == TC_OK)
            st = tc_sb_append(sb, esc, elen);
        if (st != TC_OK)
            return st;
        run = i + 1;
    }
    st = tc_sb_append(sb, s + run, n - run);
    if (st != TC_OK)
        return st;
    return tc_sb_putc(sb, '"');
}
