/*
 * utf8.c - decoding and encoding single code points.  Strict: overlong
 * forms, surrogates and code points past U+10FFFF are invalid.
 */
#include "core.h"

size_t tc_utf8_decode(const unsigned char *s, size_t n, int32_t *cp)
{
    unsigned char c;
    size_t len, i;
    int32_t v, min;
    if (n == 0) {
        *cp = 0xFFFD;
        return 1;
    }
    c = s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2; v = c & 0x1F; min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3; v = c & 0x0F; min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4; v = c & 0x07; min = 0x10000;
    } else {
        *cp = 0xFFFD;
        return 1;
    }
    if (n < len) {
        *cp = 0xFFFD;
        return 1;
    }
    for (i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            *cp = 0xFFFD;
            return 1;
        }
        v = (v << 6) | (s[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
        *cp = 0xFFFD;
        return 1;
    }
    *cp = v;
    return len;
}

size_t tc_utf8_encode(int32_t cp, char *out)
{
    unsigned char *o = (unsigned char *)out;
    if (cp < 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        cp = 0xFFFD;
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | (cp >> 18));
    o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

size_t tc_utf8_valid_prefix(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    int32_t cp;
    while (i < n) {
        size_t len;
        if (u[i] < 0x80) {
            i++;
            continue;
        }
        len = tc_utf8_decode(u + i, n - i, &cp);
        if (cp == 0xFFFD && len == 1)
            return i;
        i += len;
    }
    return n;
}

tc_status tc_utf8_repair(tc_sb *sb, const char *s, size_t n, size_t *replaced)
{
    static const char fffd[3] = {(char)0xEF, (char)0xBF, (char)0xBD};
    size_t i = 0;
    tc_status st = TC_OK;
    *replaced = 0;
    while (i < n && st == TC_OK) {
        size_t ok = tc_utf8_valid_prefix(s + i, n - i);
        st = tc_sb_append(sb, s + i, ok);
        i += ok;
        if (i < n && st == TC_OK) {
            st = tc_sb_append(sb, fffd, 3);
            (*replaced)++;
            i++;
        }
    }
    return st;
}
