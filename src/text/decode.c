/*
 * decode.c - raw article bytes to the article text.  The input is checked
 * as UTF-8: every byte that does not start a valid sequence (bad lead,
 * truncated, overlong, surrogate, past U+10FFFF) and every NUL becomes
 * U+FFFD, and a leading byte-order mark is dropped.  UTF-8 that was once
 * read as cp1252 (or latin-1) and written out again ("â€œ" for "“") is
 * repaired when, and only when, the cp1252 bytes of a run of characters
 * form exactly one valid multi-byte sequence.  A first pass counts the
 * invalid bytes (so the output is allocated once, at its exact bound) and
 * tells whether anything needs rewriting; text that needs none, such as
 * pure ASCII, is copied with one memcpy.
 */
#include "text.h"

#include <string.h>

#define HI_BITS 0x8080808080808080ull
#define LO_BITS 0x0101010101010101ull
#define REPLACEMENT "\xEF\xBF\xBD"

/* True when the 8 bytes at s are ASCII and none is NUL. */
static bool word_plain(const unsigned char *s)
{
    uint64_t w;
    memcpy(&w, s, sizeof w);
    return (w & HI_BITS) == 0 && ((w - LO_BITS) & ~w & HI_BITS) == 0;
}

/* Length of the run of non-NUL ASCII bytes at the start of s[0..n). */
static size_t ascii_run(const unsigned char *s, size_t n)
{
    size_t i = 0;
    for (;;) {
        size_t stop;
        while (n - i >= 8 && word_plain(s + i))
            i += 8;
        stop = TC_MIN(n, i + 8);
        for (; i < stop; i++) {
            if (s[i] == 0 || s[i] >= 0x80)
                return i;
        }
        if (i >= n)
            return i;
    }
}

/* The cp1252 byte (0x80-0xFF) that decodes to cp, or -1.  U+0080-U+00FF
 * stand for themselves (latin-1, C1 controls included). */
static int cp1252_byte(int32_t cp)
{
    if (cp >= 0x80 && cp <= 0xFF)
        return (int)cp;
    switch (cp) {
    case 0x20AC: return 0x80;
    case 0x201A: return 0x82;
    case 0x0192: return 0x83;
    case 0x201E: return 0x84;
    case 0x2026: return 0x85;
    case 0x2020: return 0x86;
    case 0x2021: return 0x87;
    case 0x02C6: return 0x88;
    case 0x2030: return 0x89;
    case 0x0160: return 0x8A;
    case 0x2039: return 0x8B;
    case 0x0152: return 0x8C;
    case 0x017D: return 0x8E;
    case 0x2018: return 0x91;
    case 0x2019: return 0x92;
    case 0x201C: return 0x93;
    case 0x201D: return 0x94;
    case 0x2022: return 0x95;
    case 0x2013: return 0x96;
    case 0x2014: return 0x97;
    case 0x02DC: return 0x98;
    case 0x2122: return 0x99;
    case 0x0161: return 0x9A;
    case 0x203A: return 0x9B;
    case 0x0153: return 0x9C;
    case 0x017E: return 0x9E;
    case 0x0178: return 0x9F;
    default: return -1;
    }
}

/*
 * s[0..n) starts with the (2-byte) character `lead`, U+00C2-U+00F4.  When
 * it and the characters after it are the cp1252 reading of one valid UTF-8
 * sequence, stores that character in *fixed and returns the bytes of s it
 * replaces; else returns 0.
 */
static size_t mojibake_at(const unsigned char *s, size_t n, int32_t lead,
                          int32_t *fixed)
{
    unsigned char seq[4];
    size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
    size_t pos = 2, k;
    seq[0] = (unsigned char)lead;
    for (k = 1; k < need; k++) {
        int32_t cp;
        int byte;
        size_t len;
        if (pos >= n)
            return 0;
        len = tc_utf8_decode(s + pos, n - pos, &cp);
        if (len == 1) /* ASCII or an invalid byte: never a continuation */
            return 0;
        byte = cp1252_byte(cp);
        if (byte < 0x80 || byte > 0xBF)
            return 0;
        seq[k] = (unsigned char)byte;
        pos += len;
    }
    if (tc_utf8_decode(seq, need, fixed) != need)
        return 0; /* overlong, surrogate or past U+10FFFF */
    return pos;
}

/* Length of the run at the start of s[0..n) that the article text keeps
 * as is: ASCII other than NUL, and valid characters other than a possible
 * mojibake lead (U+00C2-U+00F4). */
static size_t clean_run(const unsigned char *s, size_t n)
{
    size_t i = 0;
    for (;;) {
        int32_t cp;
        size_t len;
        i += ascii_run(s + i, n - i);
        if (i >= n || s[i] == 0)
            return i;
        len = tc_utf8_decode(s + i, n - i, &cp);
        if (len == 1 || (cp >= 0xC2 && cp <= 0xF4))
            return i;
        i += len;
    }
}

/* First pass: counts invalid bytes and NULs, and tells whether the text
 * needs the second pass at all (anything invalid, or a possible mojibake
 * lead). */
static size_t prescan(const unsigned char *s, size_t n, bool *rewrite)
{
    size_t i = 0, bad = 0;
    bool lead = false;
    while (i < n) {
        int32_t cp;
        size_t len;
        i += clean_run(s + i, n - i);
        if (i >= n)
            break;
        len = tc_utf8_decode(s + i, n - i, &cp);
        if (len == 1) /* NUL or invalid */
            bad++;
        else
            lead = true;
        i += len;
    }
    *rewrite = bad > 0 || lead;
    return bad;
}

/* Writes the character at s[0..n) (not a clean one) to out + *o: U+FFFD
 * for an invalid byte or NUL, the repaired character for mojibake, else
 * itself.  Returns the input bytes consumed. */
static size_t rewrite_char(const unsigned char *s, size_t n, char *out,
                           size_t *o, size_t *fixed)
{
    int32_t cp, repaired;
    size_t len = tc_utf8_decode(s, n, &cp);
    if (s[0] == 0 || (len == 1 && s[0] >= 0x80)) {
        memcpy(out + *o, REPLACEMENT, 3);
        *o += 3;
        return 1;
    }
    if (cp >= 0xC2 && cp <= 0xF4) {
        size_t used = mojibake_at(s, n, cp, &repaired);
        if (used) {
            *o += tc_utf8_encode(repaired, out + *o);
            (*fixed)++;
            return used;
        }
    }
    memcpy(out + *o, s, len);
    *o += len;
    return len;
}

/* Second pass: writes the article text to out; returns its length. */
static size_t rewrite(const unsigned char *s, size_t n, char *out,
                      size_t *fixed)
{
    size_t i = 0, o = 0;
    while (i < n) {
        size_t run = clean_run(s + i, n - i);
        memcpy(out + o, s + i, run);
        o += run;
        i += run;
        if (i >= n)
            break;
        i += rewrite_char(s + i, n - i, out, &o, fixed);
    }
    return o;
}

tc_status tc_text_decode(tc_arena *arena, const char *raw, size_t n,
                         tc_decoded *out)
{
    const unsigned char *s = (const unsigned char *)raw;
    size_t invalid, len = 0, fixed = 0;
    bool need_rewrite;
    char *buf;
    if (!out)
        return TC_ERR_USAGE;
    memset(out, 0, sizeof *out);
    if (!arena || (!raw && n))
        return TC_ERR_USAGE;
    if (n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) {
        s += 3;
        n -= 3;
    }
    if (n > (SIZE_MAX - 1) / 3)
        return TC_ERR_LIMIT;
    invalid = prescan(s, n, &need_rewrite);
    buf = tc_arena_alloc(arena, n + 2 * invalid + 1);
    if (!buf)
        return TC_ERR_NOMEM;
    if (need_rewrite) {
        len = rewrite(s, n, buf, &fixed);
    } else if (n) {
        memcpy(buf, s, n);
        len = n;
    }
    buf[len] = '\0';
    out->text = buf;
    out->len = len;
    out->invalid = invalid;
    out->mojibake = fixed;
    return TC_OK;
}
