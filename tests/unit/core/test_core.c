/*
 * test_core.c - the core building blocks: arena, capped string builder,
 * growable array, JSON strings, UTF-8, errors and the allocator hook.
 */
#include "testutil.h"

#include "core/core.h"

static void arena_aligns_and_grows(void **state)
{
    tc_arena a;
    size_t i;
    (void)state;
    tc_arena_init(&a, tc_default_allocator());
    for (i = 1; i < 2000; i++) {
        char *p = tc_arena_alloc(&a, i);
        assert_non_null(p);
        assert_int_equal((uintptr_t)p % 16, 0);
        memset(p, 'x', i);
    }
    /* A block larger than a chunk gets a chunk of its own. */
    assert_non_null(tc_arena_alloc(&a, 1u << 20));
    tc_arena_reset(&a);
    assert_int_equal(a.used, 0);
    assert_non_null(tc_arena_alloc(&a, 100));
    tc_arena_free(&a);
}

static void arena_rejects_overflow(void **state)
{
    tc_arena a;
    (void)state;
    tc_arena_init(&a, tc_default_allocator());
    assert_null(tc_arena_alloc(&a, SIZE_MAX - 3));
    assert_null(tc_arena_calloc(&a, SIZE_MAX / 2, 4));
    tc_arena_free(&a);
}

static void sb_respects_cap(void **state)
{
    tc_sb sb;
    (void)state;
    tc_sb_init(&sb, tc_default_allocator(), 10);
    assert_int_equal(tc_sb_append(&sb, "0123456789", 10), TC_OK);
    assert_string_equal(sb.p, "0123456789");
    assert_int_equal(tc_sb_putc(&sb, 'x'), TC_ERR_LIMIT);
    assert_int_equal(sb.n, 10);
    tc_sb_clear(&sb);
    assert_int_equal(tc_sb_printf(&sb, "%d-%s", 42, "ab"), TC_OK);
    assert_string_equal(sb.p, "42-ab");
    assert_int_equal(tc_sb_printf(&sb, "%s", "too long now"), TC_ERR_LIMIT);
    tc_sb_free(&sb);
}

static void vec_caps_count(void **state)
{
    tc_vec v;
    tc_status st;
    int i;
    (void)state;
    tc_vec_init(&v, tc_default_allocator(), sizeof(int), 100);
    for (i = 0; i < 100; i++) {
        int *p = tc_vec_push(&v, &st);
        assert_non_null(p);
        *p = i;
    }
    assert_null(tc_vec_push(&v, &st));
    assert_int_equal(st, TC_ERR_LIMIT);
    assert_int_equal(*(int *)tc_vec_at(&v, 57), 57);
    tc_vec_free(&v);
}

static void json_escapes(void **state)
{
    tc_sb sb;
    const char in[] = "a\"b\\c\n\t\x01 \xc3\xa9";
    (void)state;
    tc_sb_init(&sb, tc_default_allocator(), 0);
    assert_int_equal(tc_json_string(&sb, in, sizeof in - 1), TC_OK);
    assert_string_equal(sb.p, "\"a\\\"b\\\\c\\n\\t\\u0001 \xc3\xa9\"");
    tc_sb_free(&sb);
}

static void utf8_strict(void **state)
{
    int32_t cp;
    char buf[4];
    (void)state;
    assert_int_equal(tc_utf8_decode((const unsigned char *)"\xc3\xa9", 2, &cp), 2);
    assert_int_equal(cp, 0xE9);
    assert_int_equal(tc_utf8_decode((const unsigned char *)"\xc0\xaf", 2, &cp), 1);
    assert_int_equal(cp, 0xFFFD); /* overlong */
    assert_int_equal(tc_utf8_decode((const unsigned char *)"\xed\xa0\x80", 3, &cp), 1);
    assert_int_equal(cp, 0xFFFD); /* surrogate */
    assert_int_equal(tc_utf8_decode((const unsigned char *)"\xf4\x90\x80\x80", 4, &cp), 1);
    assert_int_equal(tc_utf8_decode((const unsigned char *)"\xe2\x82", 2, &cp), 1);
    assert_int_equal(tc_utf8_encode(0x20AC, buf), 3);
    assert_memory_equal(buf, "\xe2\x82\xac", 3);
    assert_int_equal(tc_utf8_encode(0x1F600, buf), 4);
    assert_int_equal(tc_utf8_valid_prefix("ab\xff", 3), 2);
    assert_int_equal(tc_utf8_valid_prefix("ab\xc3\xa9", 4), 4);
}

static void utf8_repair_counts(void **state)
{
    tc_sb sb;
    size_t fixed;
    (void)state;
    tc_sb_init(&sb, tc_default_allocator(), 0);
    assert_int_equal(tc_utf8_repair(&sb, "a\xff" "b\xc3", 4, &fixed), TC_OK);
    assert_int_equal(fixed, 2);
    assert_string_equal(sb.p, "a\xef\xbf\xbd" "b\xef\xbf\xbd");
    tc_sb_free(&sb);
}

static void error_record(void **state)
{
    tc_error e;
    (void)state;
    assert_int_equal(tc_error_set(&e, TC_ERR_INPUT, "f.jsonl", 3, 120,
                                  "bad %s", "thing"), TC_ERR_INPUT);
    assert_string_equal(e.file, "f.jsonl");
    assert_int_equal(e.line, 3);
    assert_int_equal(e.byte, 120);
    assert_string_equal(e.message, "bad thing");
    assert_int_equal(tc_error_set(NULL, TC_ERR_IO, NULL, 0, 0, "x"), TC_ERR_IO);
    assert_string_equal(tc_status_str(TC_ERR_NOMEM), "out of memory");
}

static void sv_helpers(void **state)
{
    (void)state;
    assert_true(tc_sv_eq_nocase(tc_sv_cstr("Leave"), tc_sv_cstr("lEAVE")));
    assert_true(tc_sv_starts_nocase(tc_sv_cstr("Leave a Reply"),
                                    tc_sv_cstr("leave a")));
    assert_false(tc_sv_starts_nocase(tc_sv_cstr("Le"), tc_sv_cstr("leave")));
    assert_int_equal(tc_sv_trim(tc_sv_cstr("  x y \n")).n, 3);
}

/* Civil dates and day numbers, both ways, over leap years and eras. */
static void calendar_days(void **state)
{
    int y, m, d;
    int32_t z;
    (void)state;
    assert_int_equal(tc_days_from_civil(1970, 1, 1), 0);
    assert_int_equal(tc_days_from_civil(2000, 3, 1) - tc_days_from_civil(2000, 2, 28), 2);
    assert_int_equal(tc_days_from_civil(1900, 3, 1) - tc_days_from_civil(1900, 2, 28), 1);
    assert_int_equal(tc_weekday(tc_days_from_civil(2022, 2, 21)), 0); /* a Monday */
    assert_int_equal(tc_weekday(tc_days_from_civil(1969, 12, 31)), 2);
    for (z = -800000; z <= 800000; z += 997) {
        tc_civil_from_days(z, &y, &m, &d);
        assert_true(m >= 1 && m <= 12 && d >= 1 && d <= tc_month_days(y, m));
        assert_int_equal(tc_days_from_civil(y, m, d), z);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(arena_aligns_and_grows),
        cmocka_unit_test(arena_rejects_overflow),
        cmocka_unit_test(sb_respects_cap),
        cmocka_unit_test(vec_caps_count),
        cmocka_unit_test(json_escapes),
        cmocka_unit_test(utf8_strict),
        cmocka_unit_test(utf8_repair_counts),
        cmocka_unit_test(error_record),
        cmocka_unit_test(sv_helpers),
        cmocka_unit_test(calendar_days),
    };
    return cmocka_run_group_tests_name("core", tests, NULL, NULL);
}
