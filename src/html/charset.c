/*
 * charset.c - a web page's bytes to UTF-8, before the parser sees them.
 *
 * Pages declare their charset in a <meta charset>, an http-equiv
 * Content-Type, an XML declaration, or not at all, and the declaration is
 * often wrong.  We decide once, from what the page says and what its bytes
 * are, and hand libxml2 UTF-8 only (its own switch on a <meta> is turned off,
 * so a page is never decoded twice).  UTF-8 and the Western single-byte
 * charsets (latin-1, cp1252, iso-8859-15: browsers read all of them as
 * cp1252) are converted here with a table; any other declared charset is
 * left to libxml2's converters.  Invalid UTF-8 that is mostly UTF-8 is
 * repaired (U+FFFD); bytes that are mostly not UTF-8 are cp1252.
 */
#include "html.h"

#include <string.h>

#define SNIFF_BYTES 16384u /* where a charset declaration may stand */

/* cp1252 code points of bytes 0x80-0x9F (the five holes keep their C1
 * code point, as browsers do). */
static const uint16_t cp1252_high[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

static unsigned char lower(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') ? (unsigned char)(c + 32) : c;
}

static bool name_char(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' ||
           c == ':';
}

/* Case-insensitive search for an ASCII lower-case needle. */
static const char *find_nocase(const char *s, size_t n, const char *needle)
{
    size_t k = strlen(needle), i;
    unsigned char first = (unsigned char)needle[0];
    if (k > n)
        return NULL;
    for (i = 0; i + k <= n; i++) {
        size_t j;
        if (lower((unsigned char)s[i]) != first)
            continue;
        for (j = 1; j < k && lower((unsigned char)s[i + j]) ==
                                 (unsigned char)needle[j]; j++)
            ;
        if (j == k)
            return s + i;
    }
    return NULL;
}

/* The name after `charset=` or `encoding=` (quotes allowed), lower-cased
 * into name; false when there is none. */
static bool declared(const char *s, size_t n, char name[32])
{
    static const char *const keys[] = {"charset", "encoding"};
    size_t k;
    for (k = 0; k < 2; k++) {
        const char *from = s, *end = s + n, *m;
        while ((m = find_nocase(from, (size_t)(end - from), keys[k])) != NULL) {
            const char *p = m + strlen(keys[k]);
            size_t len = 0;
            from = p;
            while (p < end && (*p == ' ' || *p == '\t'))
                p++;
            if (p == end || *p != '=')
                continue;
            p++;
            while (p < end && (*p == ' ' || *p == '"' || *p == '\''))
                p++;
            while (p < end && len < 31 && name_char((unsigned char)*p))
                name[len++] = (char)lower((unsigned char)*p++);
            name[len] = '\0';
            if (len > 0)
                return true;
        }
    }
    return false;
}

static bool is_utf8_name(const char *name)
{
    return strcmp(name, "utf-8") == 0 || strcmp(name, "utf8") == 0;
}

/* Names browsers read as cp1252 (plus ASCII, a subset of everything). */
static bool is_western(const char *name)
{
    static const char *const names[] = {
        "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "cp1252",
        "windows-1252", "iso-8859-15", "iso8859-15", "latin-9", "us-ascii",
        "ascii", "cp819", "ibm819", "x-cp1252", "iso_8859-1"};
    size_t k;
    for (k = 0; k < sizeof names / sizeof names[0]; k++)
        if (strcmp(name, names[k]) == 0)
            return true;
    return false;
}

/* Counts well-formed multi-byte sequences and invalid bytes. */
static void utf8_census(const char *s, size_t n, size_t *good, size_t *bad)
{
    size_t i = 0;
    *good = *bad = 0;
    while (i < n) {
        size_t ok = tc_utf8_valid_prefix(s + i, n - i), j;
        for (j = i; j < i + ok; j++)
            *good += ((unsigned char)s[j] & 0xC0) == 0xC0;
        i += ok;
        if (i < n) {
            (*bad)++;
            i++;
        }
    }
}

static tc_status from_cp1252(const char *s, size_t n, tc_sb *out)
{
    size_t i, run = 0;
    tc_status st = tc_sb_reserve(out, n + n / 2);
    for (i = 0; st == TC_OK && i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        char buf[4];
        int32_t cp;
        if (c < 0x80)
            continue;
        st = tc_sb_append(out, s + run, i - run);
        run = i + 1;
        cp = c < 0xA0 ? cp1252_high[c - 0x80] : c;
        if (st == TC_OK)
            st = tc_sb_append(out, buf, tc_utf8_encode(cp, buf));
    }
    if (st == TC_OK)
        st = tc_sb_append(out, s + run, n - run);
    return st;
}

tc_status tc_html_to_utf8(const char *s, size_t n, tc_sb *out,
                          tc_html_charset *cs, char name[32])
{
    size_t good, bad, fixed;
    bool has_decl;
    tc_sb_clear(out);
    name[0] = '\0';
    if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
        s += 3;
        n -= 3;
        has_decl = false;
        strcpy(name, "utf-8");
    } else if (n >= 2 && ((unsigned char)s[0] == 0xFF ||
                          (unsigned char)s[0] == 0xFE) &&
               ((unsigned char)s[1] ^ (unsigned char)s[0]) == 0x01) {
        strcpy(name, (unsigned char)s[0] == 0xFF ? "utf-16le" : "utf-16be");
        *cs = TC_HTML_OTHER;
        return TC_OK;
    } else {
        has_decl = declared(s, TC_MIN(n, SNIFF_BYTES), name);
    }
    utf8_census(s, n, &good, &bad);
    if (bad == 0) {
        /* Valid UTF-8 is UTF-8, whatever the page says. */
        *cs = TC_HTML_UTF8;
        return tc_sb_append(out, s, n);
    }
    if (!has_decl || is_utf8_name(name) || is_western(name)) {
        if (bad <= good) {
            *cs = TC_HTML_UTF8; /* mostly UTF-8: a few broken bytes */
            return tc_utf8_repair(out, s, n, &fixed);
        }
        *cs = TC_HTML_CP1252;
        return from_cp1252(s, n, out);
    }
    *cs = TC_HTML_OTHER;
    return TC_OK;
}
