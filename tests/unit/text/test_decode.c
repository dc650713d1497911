/*
 * test_decode.c - tc_text_decode: raw bytes to the article text.  Invalid
 * UTF-8 of every kind, NULs, the byte-order mark, truncated sequences at
 * the end, cp1252 mojibake of quotes, dashes, accents and NBSP, the guards
 * against false repairs, the word-at-a-time scan at every alignment, a
 * 10 MB line, and allocation failure.
 */
#include "testutil.h"
#include "text/text.h"

#include <stdio.h>
#include <time.h>

/* Mojibake pieces: the UTF-8 of the characters cp1252 shows. */
#define MJ_A_CIRC "\xC3\xA2"  /* â  (E2) */
#define MJ_A_TILDE "\xC3\x83" /* Ã  (C3) */
#define MJ_A_HAT "\xC3\x82"   /* Â  (C2) */
#define MJ_EURO "\xE2\x82\xAC" /* € (80) */
#define MJ_OE "\xC5\x93"      /* œ  (9C) */
#define MJ_C1_9D "\xC2\x9D"   /* U+009D (9D) */
#define MJ_TM "\xE2\x84\xA2"  /* ™  (99) */
#define MJ_TILDE "\xCB\x9C"   /* ˜  (98) */
#define MJ_RDQUO "\xE2\x80\x9D" /* ” (94) */
#define MJ_LDQUO "\xE2\x80\x9C" /* “ (93) */
#define MJ_COPY "\xC2\xA9"    /* ©  (A9) */
#define MJ_QUARTER "\xC2\xBC" /* ¼  (BC) */
#define MJ_PERMILLE "\xE2\x80\xB0" /* ‰ (89) */
#define MJ_NBSP "\xC2\xA0"    /* NBSP (A0) */
#define MJ_BROKEN_BAR "\xC2\xA6" /* ¦ (A6) */
#define MJ_SQUO_LOW "\xE2\x80\x9A" /* ‚ (82) */
#define MJ_NOT "\xC2\xAC"     /* ¬  (AC) */

#define U_FFFD "\xEF\xBF\xBD"

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

/* True when s[0..n) is valid UTF-8 without NUL. */
static bool valid_utf8(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        int32_t cp;
        size_t len = tc_utf8_decode((const unsigned char *)s + i, n - i, &cp);
        if (s[i] == 0 || (len == 1 && (unsigned char)s[i] >= 0x80))
            return false;
        i += len;
    }
    return true;
}

static void expect_n(void **state, const char *raw, size_t n,
                     const char *want, size_t invalid, size_t mojibake)
{
    fixture *f = *state;
    tc_decoded d;
    assert_int_equal(tc_text_decode(&f->arena, raw, n, &d), TC_OK);
    assert_non_null(d.text);
    assert_int_equal(d.len, strlen(want));
    assert_memory_equal(d.text, want, d.len);
    assert_int_equal(d.text[d.len], '\0');
    assert_int_equal(d.invalid, invalid);
    assert_int_equal(d.mojibake, mojibake);
    assert_true(valid_utf8(d.text, d.len));
}

static void expect(void **state, const char *raw, const char *want,
                   size_t invalid, size_t mojibake)
{
    expect_n(state, raw, strlen(raw), want, invalid, mojibake);
}

static void ascii_is_copied(void **state)
{
    expect(state, "", "", 0, 0);
    expect(state, "a", "a", 0, 0);
    expect(state, "Officials said on Tuesday that 150,000 people fled.",
           "Officials said on Tuesday that 150,000 people fled.", 0, 0);
    expect(state, "tabs\tand\r\nline\fends\v", "tabs\tand\r\nline\fends\v", 0,
           0);
}

static void empty_and_null(void **state)
{
    fixture *f = *state;
    tc_decoded d;
    assert_int_equal(tc_text_decode(&f->arena, NULL, 0, &d), TC_OK);
    assert_int_equal(d.len, 0);
    assert_string_equal(d.text, "");
    assert_int_equal(tc_text_decode(&f->arena, NULL, 3, &d), TC_ERR_USAGE);
    assert_null(d.text);
    assert_int_equal(tc_text_decode(NULL, "abc", 3, &d), TC_ERR_USAGE);
    assert_int_equal(tc_text_decode(&f->arena, "abc", 3, NULL), TC_ERR_USAGE);
}

static void valid_utf8_is_kept(void **state)
{
    static const char s[] =
        "na\xC3\xAFve \xE2\x80\x94 \xE6\x97\xA5\xE6\x9C\xAC "
        "\xF0\x9F\x98\x80 \xC3\x89lys\xC3\xA9" "e \xEF\xBF\xBD "
        "\xF4\x8F\xBF\xBF \xEE\x80\x80 \xC2\x80";
    expect(state, s, s, 0, 0);
}

static void bad_leads(void **state)
{
    /* Lone continuations, C0/C1 (always overlong), F5-FF. */
    static const unsigned char bad[] = {0x80, 0x8F, 0xBF, 0xC0, 0xC1, 0xF5,
                                        0xF8, 0xFC, 0xFE, 0xFF};
    size_t i;
    for (i = 0; i < sizeof bad; i++) {
        char in[4] = {'x', (char)bad[i], 'y', 0};
        expect(state, in, "x" U_FFFD "y", 1, 0);
    }
    expect(state, "\x80\x80\x80", U_FFFD U_FFFD U_FFFD, 3, 0);
}

static void truncated_sequences(void **state)
{
    expect(state, "a\xC3" "b", "a" U_FFFD "b", 1, 0);
    expect(state, "a\xE2\x80" "b", "a" U_FFFD U_FFFD "b", 2, 0);
    expect(state, "a\xF0\x9F\x98" "b", "a" U_FFFD U_FFFD U_FFFD "b", 3, 0);
    /* A new lead in the middle of a sequence. */
    expect(state, "\xE2\x80\xC3\xA9", U_FFFD U_FFFD "\xC3\xA9", 2, 0);
}

static void truncated_at_end(void **state)
{
    expect(state, "abc\xC3", "abc" U_FFFD, 1, 0);
    expect(state, "abc\xE2\x80", "abc" U_FFFD U_FFFD, 2, 0);
    expect(state, "abc\xF0\x9F\x98", "abc" U_FFFD U_FFFD U_FFFD, 3, 0);
    expect(state, "\xF0", U_FFFD, 1, 0);
}

static void overlong_surrogate_too_big(void **state)
{
    expect(state, "\xC0\xAF", U_FFFD U_FFFD, 2, 0);
    expect(state, "\xE0\x80\xAF", U_FFFD U_FFFD U_FFFD, 3, 0);
    expect(state, "\xE0\x9F\xBF", U_FFFD U_FFFD U_FFFD, 3, 0);
    expect(state, "\xF0\x80\x80\xAF", U_FFFD U_FFFD U_FFFD U_FFFD, 4, 0);
    expect(state, "\xF0\x8F\xBF\xBF", U_FFFD U_FFFD U_FFFD U_FFFD, 4, 0);
    expect(state, "\xED\xA0\x80", U_FFFD U_FFFD U_FFFD, 3, 0);
    expect(state, "\xED\xBF\xBF", U_FFFD U_FFFD U_FFFD, 3, 0);
    expect(state, "\xF4\x90\x80\x80", U_FFFD U_FFFD U_FFFD U_FFFD, 4, 0);
    /* The largest valid values next to them stay. */
    expect(state, "\xED\x9F\xBF\xEE\x80\x80\xF4\x8F\xBF\xBF",
           "\xED\x9F\xBF\xEE\x80\x80\xF4\x8F\xBF\xBF", 0, 0);
}

static void nuls(void **state)
{
    expect_n(state, "a\0b", 3, "a" U_FFFD "b", 1, 0);
    expect_n(state, "\0", 1, U_FFFD, 1, 0);
    expect_n(state, "\0\0", 2, U_FFFD U_FFFD, 2, 0);
    expect_n(state, "long ascii text with a nul\0 in the middle of it", 47,
             "long ascii text with a nul" U_FFFD " in the middle of it", 1, 0);
}

static void bom(void **state)
{
    expect(state, "\xEF\xBB\xBFHello", "Hello", 0, 0);
    expect(state, "\xEF\xBB\xBF", "", 0, 0);
    /* Only a leading one is dropped; a second one is text. */
    expect(state, "\xEF\xBB\xBF\xEF\xBB\xBFx", "\xEF\xBB\xBFx", 0, 0);
    expect(state, "a\xEF\xBB\xBF", "a\xEF\xBB\xBF", 0, 0);
    /* A truncated BOM is two invalid bytes. */
    expect(state, "\xEF\xBB", U_FFFD U_FFFD, 2, 0);
    expect(state, "\xEF\xBB\xBF\x80", U_FFFD, 1, 0);
}

static void invalid_at_every_alignment(void **state)
{
    char in[49], want[52];
    size_t p;
    for (p = 0; p < 48; p++) {
        memset(in, 'a', 48);
        in[48] = 0;
        in[p] = (char)0xFF;
        memset(want, 'a', p);
        memcpy(want + p, U_FFFD, 3);
        memset(want + p + 3, 'a', 47 - p);
        want[50] = 0;
        expect(state, in, want, 1, 0);
        in[p] = 0;
        expect_n(state, in, 48, want, 1, 0);
    }
}

static void mojibake_quotes(void **state)
{
    expect(state, MJ_A_CIRC MJ_EURO MJ_OE "Hello," MJ_A_CIRC MJ_EURO MJ_C1_9D
           " he said.",
           "\xE2\x80\x9CHello,\xE2\x80\x9D he said.", 0, 2);
    expect(state, "It" MJ_A_CIRC MJ_EURO MJ_TM "s", "It\xE2\x80\x99s", 0, 1);
    expect(state, MJ_A_CIRC MJ_EURO MJ_TILDE "x", "\xE2\x80\x98x", 0, 1);
    expect(state, MJ_A_CIRC MJ_EURO "\xC5\xA1", "\xE2\x80\x9A", 0, 1); /* š */
    expect(state, MJ_A_CIRC MJ_EURO MJ_SQUO_LOW, "\xE2\x80\x82", 0, 1);
}

static void mojibake_dashes_and_more(void **state)
{
    expect(state, "war " MJ_A_CIRC MJ_EURO MJ_RDQUO " and",
           "war \xE2\x80\x94 and", 0, 1);
    expect(state, "1914" MJ_A_CIRC MJ_EURO MJ_LDQUO "18",
           "1914\xE2\x80\x93" "18",
           0, 1);
    expect(state, "wait" MJ_A_CIRC MJ_EURO MJ_BROKEN_BAR, "wait\xE2\x80\xA6",
           0, 1);
    expect(state, "5" MJ_A_CIRC "\xE2\x80\x9A" MJ_NOT, "5\xE2\x82\xAC", 0, 1);
}

static void mojibake_accents_and_nbsp(void **state)
{
    expect(state, "caf" MJ_A_TILDE MJ_COPY, "caf\xC3\xA9", 0, 1);
    expect(state, "M" MJ_A_TILDE MJ_QUARTER "nchen", "M\xC3\xBCnchen", 0, 1);
    expect(state, MJ_A_TILDE MJ_PERMILLE "tat", "\xC3\x89tat", 0, 1);
    expect(state, "10" MJ_A_HAT MJ_NBSP "km", "10\xC2\xA0km", 0, 1);
    expect(state, MJ_A_TILDE MJ_NBSP "la", "\xC3\xA0la", 0, 1);
    /* C1 controls stand for the bytes cp1252 leaves undefined. */
    expect(state, MJ_A_TILDE "\xC2\x81", "\xC3\x81", 0, 1);
    expect(state, MJ_A_TILDE "\xC2\x8D", "\xC3\x8D", 0, 1);
    /* A four-byte character: ð Ÿ ˜ € -> U+1F600. */
    expect(state, "\xC3\xB0\xC5\xB8\xCB\x9C\xE2\x82\xAC", "\xF0\x9F\x98\x80",
           0, 1);
    /* U+10FFFF, the largest: ô U+008F ¿ ¿. */
    expect(state, "\xC3\xB4\xC2\x8F\xC2\xBF\xC2\xBF", "\xF4\x8F\xBF\xBF", 0, 1);
}

static void mojibake_next_to_other_repairs(void **state)
{
    expect(state,
           MJ_A_CIRC MJ_EURO MJ_OE MJ_A_CIRC MJ_EURO MJ_C1_9D MJ_A_TILDE MJ_COPY
           "\xFF" MJ_A_TILDE MJ_COPY,
           "\xE2\x80\x9C\xE2\x80\x9D\xC3\xA9" U_FFFD "\xC3\xA9", 1, 4);
    /* After a BOM, and at the very end. */
    expect(state, "\xEF\xBB\xBF" MJ_A_TILDE MJ_COPY, "\xC3\xA9", 0, 1);
}

static void mojibake_false_positives(void **state)
{
    static const char *const keep[] = {
        MJ_A_TILDE "x",                      /* Ã then a letter */
        "S\xC3\xA3o Paulo",                  /* ã then a letter */
        MJ_A_HAT "mbito",                    /* Âmbito */
        "na\xC3\xAFve, \xC3\x87" "a va",     /* ï, Ç */
        MJ_A_TILDE,                          /* lead at the end */
        MJ_A_CIRC MJ_EURO,                   /* one continuation short */
        MJ_A_CIRC MJ_EURO "x",
        MJ_A_CIRC MJ_EURO " ",
        "\xC3\xA3\xC6\x92x",                 /* ã ƒ x */
        MJ_A_TILDE MJ_A_TILDE "x",           /* a lead is no continuation */
        MJ_A_TILDE "\xC3\xA9",               /* é is no continuation */
        MJ_A_TILDE "\xC3\x80",               /* À (C0) is no continuation */
        "\xC3\x80" MJ_EURO,                  /* À € : C0 80, bad lead */
        "\xC3\x81\xC2\xBF",                  /* Á ¿ : C1 BF, bad lead */
        "\xC3\xA0" MJ_EURO MJ_EURO,          /* à € € : E0 80 80 */
        "\xC3\xB0" MJ_EURO MJ_EURO MJ_EURO,  /* ð € € € : overlong */
        "\xC3\xAD" MJ_NBSP "\xC2\x80",       /* í : ED A0 80 surrogate */
        "\xC3\xB4\xC2\x90\xC2\x80\xC2\x80",  /* ô : F4 90 80 80 too big */
        "\xC3\xB5\xC2\x80\xC2\x80\xC2\x80",  /* õ : F5 never a lead */
        "\xC3\xBF\xC2\xBF",                  /* ÿ : FF never a lead */
        MJ_A_TILDE "\xEF\xBF\xBD",           /* U+FFFD is no byte */
    };
    size_t i;
    for (i = 0; i < sizeof keep / sizeof keep[0]; i++)
        expect(state, keep[i], keep[i], 0, 0);
    /* An invalid byte cuts a sequence. */
    expect(state, MJ_A_TILDE "\xFF" MJ_COPY, MJ_A_TILDE U_FFFD MJ_COPY, 1, 0);
    expect(state, MJ_A_CIRC MJ_EURO "\x80" MJ_OE,
           MJ_A_CIRC MJ_EURO U_FFFD MJ_OE,
           1, 0);
    /* And so does a NUL. */
    expect_n(state, MJ_A_TILDE "\0" MJ_COPY, 5, MJ_A_TILDE U_FFFD MJ_COPY, 1,
             0);
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* 10 MB of one line full of mojibake, accents and invalid bytes. */
static void ten_megabyte_line(void **state)
{
    static const char unit[] =
        MJ_A_CIRC MJ_EURO MJ_OE "Caf" MJ_A_TILDE MJ_COPY " na\xC3\xAFve"
        MJ_A_CIRC MJ_EURO MJ_C1_9D " \xE2\x80\x94 \xE6\x97\xA5\xE6\x9C\xAC"
        " \xFF\xCE\xB1\xCE\xB2 ";
    fixture *f = *state;
    size_t ulen = sizeof unit - 1, reps = (10u << 20) / ulen, i;
    char *raw = malloc(reps * ulen);
    tc_decoded d;
    double t;
    assert_non_null(raw);
    for (i = 0; i < reps; i++)
        memcpy(raw + i * ulen, unit, ulen);
    t = now();
    assert_int_equal(tc_text_decode(&f->arena, raw, reps * ulen, &d), TC_OK);
    t = now() - t;
    assert_int_equal(d.mojibake, 3 * reps);
    assert_int_equal(d.invalid, reps);
    assert_int_equal(d.len, reps * (ulen - 8)); /* -4 -2 -4 +2 */
    assert_true(valid_utf8(d.text, d.len));
    print_message("decode: 10 MB line in %.3f s (%.0f MB/s)\n", t,
                  (double)(reps * ulen) / 1e6 / (t > 0 ? t : 1e-9));
    assert_true(t < 5.0);
    free(raw);
}

static void ascii_fast_path_speed(void **state)
{
    fixture *f = *state;
    size_t n = 8u << 20, i;
    char *raw = malloc(n);
    tc_decoded d;
    double t;
    assert_non_null(raw);
    for (i = 0; i < n; i++)
        raw[i] = (char)(i % 71 == 70 ? '\n' : 'a' + (int)(i % 26));
    t = now();
    assert_int_equal(tc_text_decode(&f->arena, raw, n, &d), TC_OK);
    t = now() - t;
    assert_int_equal(d.len, n);
    assert_memory_equal(d.text, raw, n);
    print_message("decode: 8 MB ASCII in %.4f s\n", t);
    assert_true(t < 2.0);
    free(raw);
}

static void allocation_failure(void **state)
{
    counting_alloc ca;
    tc_arena arena;
    tc_decoded d;
    (void)state;
    counting_alloc_init(&ca, 1);
    tc_arena_init(&arena, &ca.a);
    assert_int_equal(tc_text_decode(&arena, "caf\xC3\xA9", 5, &d),
                     TC_ERR_NOMEM);
    assert_null(d.text);
    assert_int_equal(d.len, 0);
    /* The next allocation succeeds. */
    assert_int_equal(tc_text_decode(&arena, "caf\xC3\xA9", 5, &d), TC_OK);
    assert_string_equal(d.text, "caf\xC3\xA9");
    tc_arena_free(&arena);
    assert_int_equal(ca.live, 0);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(ascii_is_copied),
        T(empty_and_null),
        T(valid_utf8_is_kept),
        T(bad_leads),
        T(truncated_sequences),
        T(truncated_at_end),
        T(overlong_surrogate_too_big),
        T(nuls),
        T(bom),
        T(invalid_at_every_alignment),
        T(mojibake_quotes),
        T(mojibake_dashes_and_more),
        T(mojibake_accents_and_nbsp),
        T(mojibake_next_to_other_repairs),
        T(mojibake_false_positives),
        T(ten_megabyte_line),
        T(ascii_fast_path_speed),
        T(allocation_failure),
    };
    return cmocka_run_group_tests_name("text_decode", tests, NULL, NULL);
}
