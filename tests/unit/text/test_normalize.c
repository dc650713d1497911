/*
 * test_normalize.c - tc_text_normalize and tc_offmap_to_text: every
 * typographic folding, CR LF, NFC of decomposed Latin, Vietnamese stacked
 * marks, Hangul jamo and the odd cases (singletons, exclusions, ccc-0
 * second halves), a differential check against utf8proc_NFC on random
 * strings, and the offset map at every character boundary: each map is
 * checked to describe an exact alignment of the two texts.  Also hostile
 * runs of marks, a 10 MB line through decode and normalize, and
 * allocation failure.
 */
#include "testutil.h"
#include "text/text.h"

#include <stdio.h>
#include <time.h>
#include <utf8proc.h>

/* A code point list ending in -1. */
#define CPS(...) ((const int32_t[]){__VA_ARGS__, -1})

typedef struct fixture {
    tc_arena arena;
} fixture;

static int setup(void **state)
{
    fixture *f = malloc(sizeof *f);
    if (!f)
        return -1;
    tc_arena_init(&f->arena, tc_default_allocator());
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    tc_arena_free(&f->arena);
    free(f);
    return 0;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* UTF-8 of a -1-terminated code point list into buf (NUL-terminated). */
static size_t utf8_of(const int32_t *cps, char *buf, size_t cap)
{
    size_t n = 0;
    for (; *cps >= 0; cps++) {
        assert_true(cap - n > 4);
        n += tc_utf8_encode(*cps, buf + n);
    }
    buf[n] = '\0';
    return n;
}

/* True when s[0..n) is valid UTF-8 (NULs allowed). */
static bool valid_utf8(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        int32_t cp;
        size_t len = tc_utf8_decode((const unsigned char *)s + i, n - i, &cp);
        if (len == 1 && (unsigned char)s[i] >= 0x80)
            return false;
        i += len;
    }
    return true;
}

static bool is_cont(const char *s, size_t i)
{
    return ((unsigned char)s[i] & 0xC0) == 0x80;
}

/* ---- Checking a map ---- */

typedef struct point {
    size_t norm, text;
} point;

/* norm[ns..ne) must be what text[ts..te) normalizes to on its own. */
static void check_block(tc_arena *arena, const char *text, size_t ts,
                        size_t te, const tc_normalized *r, size_t ns,
                        size_t ne)
{
    tc_normalized sub;
    assert_int_equal(tc_text_normalize(arena, text + ts, te - ts, &sub),
                     TC_OK);
    assert_int_equal(sub.len, ne - ns);
    assert_memory_equal(sub.norm, r->norm + ns, ne - ns);
}

/*
 * The anchors cut both texts into segments: copies (same length) and
 * replaced runs.  Each copy, and each stretch of adjacent replaced runs,
 * must normalize on its own to its counterpart, so that the map is an exact
 * alignment.  The first and last segments must be copies.
 */
static void check_alignment(tc_arena *arena, const char *text, size_t n,
                            const tc_normalized *r)
{
    size_t np = r->map.n + 2, j, k;
    point *p = malloc(np * sizeof *p);
    assert_non_null(p);
    p[0].norm = p[0].text = 0;
    for (j = 0; j < r->map.n; j++) {
        p[j + 1].norm = r->map.a[j].norm;
        p[j + 1].text = r->map.a[j].text;
    }
    p[np - 1].norm = r->len;
    p[np - 1].text = n;
    for (j = 0; j + 1 < np; j++) {
        assert_true(p[j].norm <= p[j + 1].norm);
        assert_true(p[j].text <= p[j + 1].text);
    }
    assert_int_equal(p[1].norm - p[0].norm, p[1].text - p[0].text);
    assert_int_equal(p[np - 1].norm - p[np - 2].norm,
                     p[np - 1].text - p[np - 2].text);
    for (j = 0; j + 1 < np; j = k) {
        k = j + 1;
        while (k + 1 < np && p[k].norm - p[k - 1].norm !=
                                 p[k].text - p[k - 1].text &&
               p[k + 1].norm - p[k].norm != p[k + 1].text - p[k].text)
            k++;
        check_block(arena, text, p[j].text, p[k].text, r, p[j].norm,
                    p[k].norm);
    }
    free(p);
}

/* Which offsets of text[0..n) start a character (as tc_utf8_decode walks
 * it: an invalid byte is a character of its own), and n. */
static bool *char_starts(const char *text, size_t n)
{
    bool *starts = calloc(n + 1, sizeof *starts);
    size_t i = 0;
    assert_non_null(starts);
    while (i < n) {
        int32_t cp;
        starts[i] = true;
        i += tc_utf8_decode((const unsigned char *)text + i, n - i, &cp);
    }
    starts[n] = true;
    return starts;
}

/* Every norm offset maps into the text, monotonically; every character
 * boundary of norm maps to a character boundary of the text; the end maps
 * to the end. */
static void check_offsets(const char *text, size_t n, const tc_normalized *r)
{
    size_t b, prev = 0;
    bool *starts = char_starts(text, n);
    assert_int_equal(r->map.text_len, n);
    assert_int_equal(tc_offmap_to_text(&r->map, r->len), n);
    for (b = 0; b <= r->len; b++) {
        size_t t = tc_offmap_to_text(&r->map, b);
        assert_true(t <= n);
        assert_true(t >= prev);
        prev = t;
        if (b < r->len && is_cont(r->norm, b))
            continue;
        assert_true(starts[t]);
    }
    assert_int_equal(tc_offmap_to_text(&r->map, r->len + 10), n);
    free(starts);
}

static void normalize_checked(void **state, const char *text, size_t n,
                              tc_normalized *r)
{
    fixture *f = *state;
    assert_int_equal(tc_text_normalize(&f->arena, text, n, r), TC_OK);
    assert_non_null(r->norm);
    assert_int_equal(r->norm[r->len], '\0');
    assert_true(valid_utf8(r->norm, r->len));
    check_offsets(text, n, r);
    check_alignment(&f->arena, text, n, r);
}

static void expect_n(void **state, const char *in, size_t n, const char *want,
                     size_t want_len)
{
    tc_normalized r;
    normalize_checked(state, in, n, &r);
    assert_int_equal(r.len, want_len);
    assert_memory_equal(r.norm, want, want_len);
    if (n == want_len && memcmp(in, want, n) == 0)
        assert_int_equal(r.map.n, 0);
}

static void expect(void **state, const char *in, const char *want)
{
    expect_n(state, in, strlen(in), want, strlen(want));
}

static void expect_cps(void **state, const int32_t *in, const int32_t *want)
{
    char a[256], b[256];
    size_t na = utf8_of(in, a, sizeof a), nb = utf8_of(want, b, sizeof b);
    expect_n(state, a, na, b, nb);
}

/* ---- Tests ---- */

static void ascii_fast_path(void **state)
{
    static const char s[] = "Officials said on Tuesday that 150,000 people "
                            "fled.\n\nA second paragraph.\n";
    tc_normalized r;
    normalize_checked(state, s, sizeof s - 1, &r);
    assert_int_equal(r.len, sizeof s - 1);
    assert_string_equal(r.norm, s);
    assert_int_equal(r.map.n, 0);
    assert_int_equal(tc_offmap_to_text(&r.map, 7), 7);
    expect(state, "", "");
    expect_n(state, "a\0b", 3, "a\0b", 3);
}

static void unchanged_text_has_no_anchors(void **state)
{
    /* Accents, Greek, Cyrillic, CJK, emoji, Hangul syllables, a mark that
     * composes with nothing: nothing to fold, nothing NFC changes. */
    static const char s[] =
        "Caf\xC3\xA9 \xCE\x95\xCE\xBB\xCE\xBB\xCE\xAC\xCE\xB4\xCE\xB1 "
        "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0 "
        "\xE6\x97\xA5\xE6\x9C\xAC \xF0\x9F\x98\x80 \xED\x95\x9C\xEA\xB8\x80 "
        "x\xCC\x81 \xC3\xA9\xCC\x81 Vi\xE1\xBB\x87t\n";
    tc_normalized r;
    normalize_checked(state, s, sizeof s - 1, &r);
    assert_int_equal(r.len, sizeof s - 1);
    assert_string_equal(r.norm, s);
    assert_int_equal(r.map.n, 0);
}

typedef struct fold_case {
    int32_t cp;
    const char *want;
} fold_case;

static void check_folds(void **state, const fold_case *cases, size_t count)
{
    size_t i;
    for (i = 0; i < count; i++) {
        char in[32], want[32];
        int32_t cps[4] = {'a', cases[i].cp, 'b', -1};
        size_t n = utf8_of(cps, in, sizeof in);
        snprintf(want, sizeof want, "a%sb", cases[i].want);
        expect_n(state, in, n, want, strlen(want));
        /* At the very start and the very end too. */
        expect_n(state, in + 1, n - 1, want + 1, strlen(want) - 1);
        in[n - 1] = '\0';
        want[strlen(want) - 1] = '\0';
        expect_n(state, in, n - 1, want, strlen(want));
    }
}

static void quotes(void **state)
{
    static const fold_case c[] = {
        {0x2018, "'"},  {0x2019, "'"},  {0x201A, "'"},  {0x201B, "'"},
        {0x2032, "'"},  {0x2039, "'"},  {0x203A, "'"},  {0x201C, "\""},
        {0x201D, "\""}, {0x201E, "\""}, {0x201F, "\""}, {0x2033, "\""},
        {0x00AB, "\""}, {0x00BB, "\""},
    };
    check_folds(state, c, sizeof c / sizeof c[0]);
    expect(state,
           "\xE2\x80\x9CIt\xE2\x80\x99s \xC2\xAB" "fine\xC2\xBB,\xE2\x80\x9D",
           "\"It's \"fine\",\"");
}

static void dashes(void **state)
{
    static const fold_case c[] = {
        {0x2010, "-"}, {0x2011, "-"}, {0x2012, "-"}, {0x2013, "-"},
        {0x2014, "-"}, {0x2015, "-"}, {0x2212, "-"},
    };
    check_folds(state, c, sizeof c / sizeof c[0]);
    expect(state, "1914\xE2\x80\x93" "18 \xE2\x80\x94 pro\xE2\x80\x91Russian",
           "1914-18 - pro-Russian");
}

static void spaces(void **state)
{
    static const fold_case c[] = {
        {0x00A0, " "}, {0x2000, " "}, {0x2001, " "}, {0x2002, " "},
        {0x2003, " "}, {0x2004, " "}, {0x2005, " "}, {0x2006, " "},
        {0x2007, " "}, {0x2008, " "}, {0x2009, " "}, {0x200A, " "},
        {0x202F, " "}, {0x205F, " "}, {0x3000, " "}, {'\t', " "},
        {'\v', " "},
    };
    check_folds(state, c, sizeof c / sizeof c[0]);
}

static void line_ends(void **state)
{
    static const fold_case c[] = {
        {'\r', "\n"}, {'\f', "\n"}, {0x2028, "\n"}, {0x2029, "\n"},
    };
    check_folds(state, c, sizeof c / sizeof c[0]);
    expect(state, "a\r\nb", "a\nb");
    expect(state, "a\r\n\r\nb\r\n", "a\n\nb\n");
    expect(state, "\r\n", "\n");
    expect(state, "a\r\r\nb", "a\n\nb");
    expect(state, "a\n\rb", "a\n\nb");
    expect(state, "a\r", "a\n");
    expect(state, "line\tone\r\nline\ftwo\vend", "line one\nline\ntwo end");
}

static void ellipsis_and_invisible(void **state)
{
    static const fold_case c[] = {
        {0x2026, "..."}, {0x00AD, ""}, {0x200B, ""}, {0x2060, ""},
        {0xFEFF, ""},
    };
    check_folds(state, c, sizeof c / sizeof c[0]);
    expect(state, "wait\xE2\x80\xA6\xE2\x80\xA6", "wait......");
    expect(state, "co\xC2\xAD" "op\xE2\x80\x8B\xE2\x81\xA0\xEF\xBB\xBF",
           "coop");
    expect(state, "\xC2\xAD\xC2\xAD", "");
}

static void other_characters_are_copied(void **state)
{
    /* Near misses of the tables stay as they are. */
    static const int32_t keep[] = {0x2017, 0x211D, 0x2016, 0x200C,
                                   0x200D, 0x2027, 0x202A, 0x2030, 0x2034,
                                   0x2061, 0xFEFE, 0x00A1, 0x00AC, 0x0085,
                                   0xFE58, 0x2E3A, 0x30FB};
    size_t i;
    for (i = 0; i < sizeof keep / sizeof keep[0]; i++)
        expect_cps(state, CPS('a', keep[i], 'b'), CPS('a', keep[i], 'b'));
}

static void nfc_latin(void **state)
{
    expect_cps(state, CPS('e', 0x301), CPS(0xE9));
    expect_cps(state, CPS('C', 'a', 'f', 'e', 0x301, ' ', '!'),
               CPS('C', 'a', 'f', 0xE9, ' ', '!'));
    expect_cps(state, CPS('A', 0x30A, 'n', 0x303, 'c', 0x327),
               CPS(0xC5, 0xF1, 0xE7));
    expect_cps(state, CPS(0x212B), CPS(0xC5));     /* ANGSTROM SIGN */
    expect_cps(state, CPS(0x212A, 'm'), CPS('K', 'm')); /* KELVIN SIGN */
    expect_cps(state, CPS(0x2126), CPS(0x3A9));    /* OHM SIGN */
    expect_cps(state, CPS('=', 0x338), CPS(0x2260));
    expect_cps(state, CPS(0xE9, 0x301), CPS(0xE9, 0x301));
    /* Reordered, same length: a + 0301 + 0323 -> U+1EA1 + 0301. */
    expect_cps(state, CPS('a', 0x301, 0x323), CPS(0x1EA1, 0x301));
}

static void nfc_vietnamese(void **state)
{
    expect_cps(state, CPS('e', 0x323, 0x302), CPS(0x1EC7));
    expect_cps(state, CPS('e', 0x302, 0x323), CPS(0x1EC7));
    expect_cps(state, CPS(0xEA, 0x323), CPS(0x1EC7));
    expect_cps(state, CPS(0x1EB9, 0x302), CPS(0x1EC7));
    expect_cps(state, CPS('E', 0x302, 0x323), CPS(0x1EC6));
    expect_cps(state, CPS('a', 0x306, 0x301), CPS(0x1EAF));
    expect_cps(state, CPS('o', 0x31B, 0x303), CPS(0x1EE1));
    expect_cps(state, CPS('u', 0x31B, 0x309), CPS(0x1EED));
    expect_cps(state, CPS('V', 'i', 'e', 0x323, 0x302, 't', ' ', 'N', 'a',
                          'm'),
               CPS('V', 'i', 0x1EC7, 't', ' ', 'N', 'a', 'm'));
    expect_cps(state, CPS('N', 'g', 'u', 0x31B, 0x300, 'o', 0x31B, 0x300, 'i'),
               CPS('N', 'g', 0x1EEB, 0x1EDD, 'i'));
}

static void nfc_hangul(void **state)
{
    expect_cps(state, CPS(0x1100, 0x1161), CPS(0xAC00));
    expect_cps(state, CPS(0x1100, 0x1161, 0x11A8), CPS(0xAC01));
    expect_cps(state, CPS(0x1112, 0x1161, 0x11AB, 0x1100, 0x1173, 0x11AF),
               CPS(0xD55C, 0xAE00));
    expect_cps(state, CPS(0xAC00, 0x11A8), CPS(0xAC01));
    expect_cps(state, CPS(0x1161, 0x11A8), CPS(0x1161, 0x11A8));
    expect_cps(state, CPS(0xAC01, 0x11A8), CPS(0xAC01, 0x11A8));
}

static void nfc_other_scripts(void **state)
{
    /* Exclusions decompose and stay so: norm is longer than the text. */
    expect_cps(state, CPS(0x958), CPS(0x915, 0x93C));
    expect_cps(state, CPS(0xFB2C), CPS(0x5E9, 0x5BC, 0x5C1));
    /* Starters that compose (ccc 0, but Extend or SpacingMark). */
    expect_cps(state, CPS(0xB47, 0xB3E), CPS(0xB4B));
    expect_cps(state, CPS(0xCBF, 0xCD5), CPS(0xCC0));
    expect_cps(state, CPS(0x304B, 0x3099), CPS(0x304C));
    expect_cps(state, CPS(0x1F71), CPS(0x3AC));
    expect_cps(state, CPS(0x3B1, 0x313, 0x300, 0x345), CPS(0x1F82));
    /* A mark with no base, or after a folded character, stays. */
    expect_cps(state, CPS(0x301, 'a'), CPS(0x301, 'a'));
    expect_cps(state, CPS(0x201C, 0x301), CPS('"', 0x301));
    expect_cps(state, CPS(0xA0, 0x301), CPS(' ', 0x301));
    expect_cps(state, CPS('\t', 0x301), CPS(' ', 0x301));
}

/* Random strings over characters NFC cares about, against utf8proc_NFC of
 * the whole string. */
static void nfc_matches_utf8proc(void **state)
{
    static const int32_t alphabet[] = {
        'a', 'e', 'o', 'u', 'A', 'E', 'K', ' ', 'x', '=', '.', 0xE9, 0xEA,
        0xC5, 0x300, 0x301, 0x302, 0x303, 0x306, 0x308, 0x309, 0x31B, 0x323,
        0x327, 0x338, 0x345, 0x340, 0x344, 0x3B1, 0x3B9, 0x1F71, 0x212B,
        0x212A, 0x2126, 0x1100, 0x1112, 0x1161, 0x1173, 0x11A8, 0x11AB,
        0xAC00, 0xD55C, 0xB47, 0xB3E, 0xB57, 0x958, 0x915, 0x93C, 0x304B,
        0x3099, 0x309A, 0xFB2C, 0x5E9, 0x5BC, 0x5C1, 0x1E0B, 0x1EA1, 0xF71,
        0xF72, 0xF73, 0xF80, 0x11099, 0x110BA, 0x1D15E, 0x1D165, 0xCBF,
        0xCC6, 0xCC2, 0xCD5, 0xCD6, 0x1B05, 0x1B35, 0x65E5, 0xF900,
    };
    size_t na = sizeof alphabet / sizeof alphabet[0];
    uint32_t seed = 12345;
    int iter;
    for (iter = 0; iter < 4000; iter++) {
        int32_t cps[25];
        char text[128];
        size_t len, i, n;
        utf8proc_uint8_t *ref;
        tc_normalized r;
        seed = seed * 1103515245u + 12345u;
        len = 1 + (seed >> 16) % 24;
        for (i = 0; i < len; i++) {
            seed = seed * 1103515245u + 12345u;
            cps[i] = alphabet[(seed >> 16) % na];
        }
        cps[len] = -1;
        n = utf8_of(cps, text, sizeof text);
        ref = utf8proc_NFC((const utf8proc_uint8_t *)text);
        assert_non_null(ref);
        normalize_checked(state, text, n, &r);
        assert_int_equal(r.len, strlen((const char *)ref));
        assert_memory_equal(r.norm, ref, r.len);
        free(ref);
    }
}

/* Random strings of troublesome pieces (invalid bytes, NULs, CR LF,
 * mojibake, marks, jamo, folded characters) through decode and normalize,
 * and straight into normalize: the map must always be an exact alignment. */
static void random_pieces(void **state)
{
    static const char *const pieces[] = {
        "a", "e", "x", " ", "\r", "\n", "\t", "\r\n", "\f", "\xE2\x80\x9C",
        "\xE2\x80\xA6", "\xC2\xAD", "\xC2\xA0", "\xCC\x81", "\xCC\xA3",
        "\xCC\x82", "\xE1\x84\x80", "\xE1\x85\xA1", "\xE1\x86\xA8",
        "\xE0\xA5\x98", "\xE2\x84\xAB", "\xFF", "\x80", "\xE2\x80",
        "\xC3\x83", "\xC2\xA9", "\xC3\xA2", "\xE2\x82\xAC", "\xC5\x93",
        "\xEF\xBB\xBF", "\0", "\xF0\x9F\x98\x80", "\xED\xA0\x80",
        "\xE2\x80\xA8", "\xEA\xB0\x80", "\xC3\xA9",
    };
    fixture *f = *state;
    size_t np = sizeof pieces / sizeof pieces[0];
    uint32_t seed = 777;
    int iter;
    for (iter = 0; iter < 3000; iter++) {
        char raw[160];
        size_t n = 0, count, k;
        tc_decoded d;
        tc_normalized r;
        seed = seed * 1103515245u + 12345u;
        count = 1 + (seed >> 16) % 30;
        for (k = 0; k < count; k++) {
            const char *p;
            size_t len;
            seed = seed * 1103515245u + 12345u;
            p = pieces[(seed >> 16) % np];
            len = p[0] ? strlen(p) : 1;
            memcpy(raw + n, p, len);
            n += len;
        }
        assert_int_equal(tc_text_decode(&f->arena, raw, n, &d), TC_OK);
        assert_true(d.len <= n + 2 * d.invalid);
        assert_null(memchr(d.text, 0, d.len));
        normalize_checked(state, d.text, d.len, &r);
        normalize_checked(state, raw, n, &r);
    }
}

typedef struct off_case {
    size_t norm, text;
} off_case;

/* The offset map at each boundary of a hand-made text. */
static void offsets_by_hand(void **state)
{
    /* A “B”C…D<SHY>E\r\nF e<U+0301>g\tZ */
    static const char text[] =
        "A\xE2\x80\x9C" "B\xE2\x80\x9D" "C\xE2\x80\xA6" "D\xC2\xAD"
        "E\r\nF e\xCC\x81g\tZ";
    static const char want[] = "A\"B\"C...DE\nF \xC3\xA9g Z";
    static const off_case c[] = {
        {0, 0},   {1, 1},   {2, 4},   {3, 5},   {4, 8},   {5, 9},
        {6, 9},   {7, 9},   {8, 12},  {9, 15},  {10, 16}, {11, 18},
        {12, 19}, {13, 20}, {14, 20}, {15, 23}, {16, 24}, {17, 25},
        {18, 26},
    };
    tc_normalized r;
    size_t i;
    normalize_checked(state, text, sizeof text - 1, &r);
    assert_int_equal(r.len, sizeof want - 1);
    assert_memory_equal(r.norm, want, r.len);
    for (i = 0; i < sizeof c / sizeof c[0]; i++)
        assert_int_equal(tc_offmap_to_text(&r.map, c[i].norm), c[i].text);
}

static void offsets_of_replaced_runs(void **state)
{
    tc_normalized r;
    char text[64];
    size_t n;
    /* Same length, 5 -> 5 bytes: both boundaries inside map to the start. */
    n = utf8_of(CPS('x', 'a', 0x301, 0x323, 'y'), text, sizeof text);
    normalize_checked(state, text, n, &r);
    assert_int_equal(tc_offmap_to_text(&r.map, 1), 1);
    assert_int_equal(tc_offmap_to_text(&r.map, 4), 1); /* before U+0301 */
    assert_int_equal(tc_offmap_to_text(&r.map, 6), 6); /* y */
    assert_int_equal(tc_offmap_to_text(&r.map, 7), 7);
    /* Longer norm: U+0958 (3 bytes) -> 6 bytes. */
    n = utf8_of(CPS('a', 0x958, 'b'), text, sizeof text);
    normalize_checked(state, text, n, &r);
    assert_int_equal(r.len, 8);
    assert_int_equal(tc_offmap_to_text(&r.map, 1), 1);
    assert_int_equal(tc_offmap_to_text(&r.map, 4), 1);
    assert_int_equal(tc_offmap_to_text(&r.map, 7), 4);
    assert_int_equal(tc_offmap_to_text(&r.map, 8), 5);
    /* Leading and trailing deletions. */
    normalize_checked(state, "\xEF\xBB\xBF" "ab\xC2\xAD", 7, &r);
    assert_string_equal(r.norm, "ab");
    assert_int_equal(tc_offmap_to_text(&r.map, 0), 3);
    assert_int_equal(tc_offmap_to_text(&r.map, 1), 4);
    assert_int_equal(tc_offmap_to_text(&r.map, 2), 7);
    /* Adjacent replacements, each boundary its own. */
    normalize_checked(state, "\xE2\x80\x9C\xE2\x80\x9C\xE2\x80\xA6\xC2\xA0", 11,
                      &r);
    assert_string_equal(r.norm, "\"\"... ");
    assert_int_equal(tc_offmap_to_text(&r.map, 1), 3);
    assert_int_equal(tc_offmap_to_text(&r.map, 2), 6);
    assert_int_equal(tc_offmap_to_text(&r.map, 4), 6);
    assert_int_equal(tc_offmap_to_text(&r.map, 5), 9);
    assert_int_equal(tc_offmap_to_text(&r.map, 6), 11);
}

/* A text with a bit of everything, checked at every boundary. */
static void offsets_round_trip(void **state)
{
    static const char text[] =
        "\xEF\xBB\xBF\xE2\x80\x9CWe\xE2\x80\x99re here,\xE2\x80\x9D said "
        "Nguye\xCC\x82\xCC\x83n Vie\xCC\xA3\xCC\x82t \xE2\x80\x94 in "
        "\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB \xE2\x80\xA6\r\n\r\n"
        "\xC2\xA0\xC2\xA0" "Caf\xC3\xA9\xE2\x80\x8B \xE2\x88\x92"
        "5\xE2\x80\xAF%"
        "\tco\xC2\xAD" "op \xE0\xA5\x98 \xE2\x84\xAB \xC2\xAB" "x\xC2\xBB"
        "\xE2\x80\xA8\xE2\x80\xA9\f\r";
    tc_normalized r;
    normalize_checked(state, text, sizeof text - 1, &r);
    assert_true(r.map.n > 20);
    assert_non_null(strstr(r.norm, "\"We're here,\" said Nguy\xE1\xBB\x85n "
                                   "Vi\xE1\xBB\x87t - in \xED\x95\x9C ...\n\n"
                                   "  Caf\xC3\xA9 -5 %"));
}

static void invalid_input(void **state)
{
    tc_normalized r;
    normalize_checked(state, "a\xFF" "b\xE2\x80", 5, &r);
    assert_string_equal(r.norm, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD\xEF\xBF\xBD");
    assert_int_equal(tc_offmap_to_text(&r.map, 4), 2);
}

/* Norm outgrows the text (and its first buffer) and needs many anchors. */
static void growth(void **state)
{
    size_t n = 30000, i;
    char *text = malloc(n * 3), *want = malloc(n * 6);
    tc_normalized r;
    assert_non_null(text);
    assert_non_null(want);
    for (i = 0; i < n; i++) {
        memcpy(text + 3 * i, "\xE0\xA5\x98", 3);
        memcpy(want + 6 * i, "\xE0\xA4\x95\xE0\xA4\xBC", 6);
    }
    normalize_checked(state, text, 3 * n, &r);
    assert_int_equal(r.len, 6 * n);
    assert_memory_equal(r.norm, want, r.len);
    for (i = 0; i < n; i++) {
        text[2 * i] = 'a';
        text[2 * i + 1] = (char)0xFF;
    }
    normalize_checked(state, text, 2 * n, &r);
    assert_int_equal(r.len, 4 * n);
    assert_int_equal(tc_offmap_to_text(&r.map, 4 * 777 + 1), 2 * 777 + 1);
    free(text);
    free(want);
}

/* Tens of thousands of marks on one base: cut into short segments, so the
 * work stays linear (utf8proc's reordering is quadratic in a segment). */
static void hostile_marks(void **state)
{
    size_t marks = 200000, i, n = 1 + 2 * marks;
    char *text = malloc(n);
    tc_normalized r;
    double t;
    assert_non_null(text);
    text[0] = 'a';
    for (i = 0; i < marks; i++)
        memcpy(text + 1 + 2 * i, i % 2 ? "\xCC\xA3" : "\xCC\x81", 2);
    t = now();
    normalize_checked(state, text, n, &r);
    t = now() - t;
    assert_true(r.len <= n);
    print_message("normalize: %zu alternating marks in %.3f s\n", marks, t);
    assert_true(t < 5.0);
    free(text);
}

static size_t build_line(char *buf, size_t size, const char *unit,
                         size_t ulen)
{
    size_t reps = size / ulen, i;
    for (i = 0; i < reps; i++)
        memcpy(buf + i * ulen, unit, ulen);
    return reps;
}

static double time_pipeline(tc_arena *arena, const char *raw, size_t n,
                            tc_decoded *d, tc_normalized *r)
{
    double t = now();
    assert_int_equal(tc_text_decode(arena, raw, n, d), TC_OK);
    assert_int_equal(tc_text_normalize(arena, d->text, d->len, r), TC_OK);
    return now() - t;
}

/* 10 MB on one line, almost nothing but non-ASCII, through decode and
 * normalize: linear (against 1 MB) and fast. */
static void ten_megabyte_line(void **state)
{
    static const char unit[] =
        "\xE2\x80\x9C\xC3\x87" "a va \xE2\x80\x94 tr\xC3\xA8s bien\xE2\x80\xA6"
        "\xE2\x80\x9D \xCE\x95\xCE\xBB\xCE\xBB\xCE\xAC\xCE\xB4\xCE\xB1 "
        "\xED\x95\x9C\xEA\xB5\xAD\xEC\x96\xB4 Cafe\xCC\x81 "
        "\xC2\xAB\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0\xC2\xBB "
        "Vie\xCC\xA3\xCC\x82t\xC2\xA0\xE6\x97\xA5\xE6\x9C\xAC ";
    fixture *f = *state;
    size_t ulen = sizeof unit - 1, reps, small, k;
    char *raw = malloc(10u << 20);
    tc_decoded d;
    tc_normalized r, u;
    double t1, t10;
    assert_non_null(raw);
    reps = build_line(raw, 10u << 20, unit, ulen);
    small = reps / 10;
    assert_int_equal(tc_text_normalize(&f->arena, unit, ulen, &u), TC_OK);
    t1 = time_pipeline(&f->arena, raw, small * ulen, &d, &r);
    t10 = time_pipeline(&f->arena, raw, reps * ulen, &d, &r);
    assert_int_equal(d.len, reps * ulen);
    assert_int_equal(r.len, reps * u.len);
    for (k = 0; k < reps; k += 997) {
        assert_memory_equal(r.norm + k * u.len, u.norm, u.len);
        assert_int_equal(tc_offmap_to_text(&r.map, k * u.len), k * ulen);
        assert_int_equal(tc_offmap_to_text(&r.map, k * u.len + 1),
                         k * ulen + 3);
    }
    assert_int_equal(tc_offmap_to_text(&r.map, r.len), d.len);
    print_message("decode+normalize: 10 MB line in %.3f s (%.0f MB/s), "
                  "1 MB in %.3f s\n",
                  t10, (double)(reps * ulen) / 1e6 / (t10 > 0 ? t10 : 1e-9),
                  t1);
    assert_true(t10 < 5.0);
    assert_true(t10 < 25 * t1 + 0.1);
    free(raw);
}

static void allocation_failure(void **state)
{
    static const char unit[] = "\xE2\x80\x9CQuote\xE2\x80\x9D e\xCC\x81 x\r\n";
    size_t ulen = sizeof unit - 1, reps = 20000, n;
    char *text = malloc(ulen * reps);
    long fail_at;
    int failures = 0;
    (void)state;
    assert_non_null(text);
    n = ulen * build_line(text, ulen * reps, unit, ulen);
    for (fail_at = 1; fail_at < 40; fail_at++) {
        counting_alloc ca;
        tc_arena arena;
        tc_normalized r;
        tc_status st;
        counting_alloc_init(&ca, fail_at);
        tc_arena_init(&arena, &ca.a);
        st = tc_text_normalize(&arena, text, n, &r);
        if (st == TC_ERR_NOMEM) {
            failures++;
            assert_null(r.norm);
        } else {
            assert_int_equal(st, TC_OK);
            assert_int_equal(r.len, n - 6 * reps);
        }
        tc_arena_free(&arena);
        assert_int_equal(ca.live, 0);
    }
    assert_true(failures >= 3);
    free(text);
}

static void usage_errors(void **state)
{
    fixture *f = *state;
    tc_normalized r;
    tc_offmap empty = {NULL, 0, 5};
    assert_int_equal(tc_text_normalize(NULL, "a", 1, &r), TC_ERR_USAGE);
    assert_int_equal(tc_text_normalize(&f->arena, NULL, 1, &r), TC_ERR_USAGE);
    assert_null(r.norm);
    assert_int_equal(tc_text_normalize(&f->arena, "a", 1, NULL), TC_ERR_USAGE);
    assert_int_equal(tc_text_normalize(&f->arena, NULL, 0, &r), TC_OK);
    assert_string_equal(r.norm, "");
    assert_int_equal(tc_offmap_to_text(&empty, 3), 3);
    assert_int_equal(tc_offmap_to_text(&empty, 9), 5);
    assert_int_equal(tc_offmap_to_text(NULL, 9), 9);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(ascii_fast_path),
        T(unchanged_text_has_no_anchors),
        T(quotes),
        T(dashes),
        T(spaces),
        T(line_ends),
        T(ellipsis_and_invisible),
        T(other_characters_are_copied),
        T(nfc_latin),
        T(nfc_vietnamese),
        T(nfc_hangul),
        T(nfc_other_scripts),
        T(nfc_matches_utf8proc),
        T(random_pieces),
        T(offsets_by_hand),
        T(offsets_of_replaced_runs),
        T(offsets_round_trip),
        T(invalid_input),
        T(growth),
        T(hostile_marks),
        T(ten_megabyte_line),
        T(allocation_failure),
        T(usage_errors),
    };
    return cmocka_run_group_tests_name("text_normalize", tests, NULL, NULL);
}
