/*
 * test_date.c - publication dates: the ISO 8601 family and YYYYMMDD in,
 * YYYY-MM-DD out, with the calendar checked.
 */
#include "testutil.h"

#include "ingest/ingest.h"

static void check(const char *in, const char *want)
{
    char out[11];
    tc_status st = tc_date_parse(in, strlen(in), out);
    if (want) {
        assert_int_equal(st, TC_OK);
        assert_string_equal(out, want);
    } else {
        assert_int_equal(st, TC_ERR_INPUT);
    }
}

static void accepted_forms(void **state)
{
    (void)state;
    check("2022-02-21", "2022-02-21");
    check("20220221", "2022-02-21");
    check("2022-02-21T06:30:00Z", "2022-02-21");
    check("2022-02-21T06:30:00+03:00", "2022-02-21");
    check("2022-02-21 06:30", "2022-02-21");
    check(" 2022-02-21 ", "2022-02-21");
    check("2024-02-29", "2024-02-29");
    check("2000-02-29", "2000-02-29");
    check("21 February 2022", "2022-02-21");
    check("1 july 2021", "2021-07-01");
    check("February 21, 2022", "2022-02-21");
    check("Feb. 21, 2022", "2022-02-21");
    check("21 Feb 2022", "2022-02-21");
}

static void rejected_forms(void **state)
{
    (void)state;
    check("2022-02-30", NULL);
    check("2023-02-29", NULL);
    check("1900-02-29", NULL);
    check("2022-13-01", NULL);
    check("2022-00-10", NULL);
    check("2022-2-21", NULL);
    check("21/02/2022", NULL);
    check("yesterday", NULL);
    check("2022-02-21X", NULL);
    check("2022022", NULL);
    check("30 February 2022", NULL);
    check("21 Febru 2022", NULL);
    check("February 2022", NULL);
    check("", NULL);
}

static void format_by_extension(void **state)
{
    (void)state;
    assert_int_equal(tc_format_for_path("a/b.jsonl"), TC_FORMAT_JSONL);
    assert_int_equal(tc_format_for_path("feed.ndjson"), TC_FORMAT_JSONL);
    assert_int_equal(tc_format_for_path("page.html"), TC_FORMAT_HTML);
    assert_int_equal(tc_format_for_path("page.htm"), TC_FORMAT_HTML);
    assert_int_equal(tc_format_for_path("story.txt"), TC_FORMAT_TEXT);
    assert_int_equal(tc_format_for_path("dir.jsonl/story"), TC_FORMAT_TEXT);
    assert_int_equal(tc_format_for_path("README"), TC_FORMAT_TEXT);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(accepted_forms),
        cmocka_unit_test(rejected_forms),
        cmocka_unit_test(format_by_extension),
    };
    return cmocka_run_group_tests_name("ingest/date", tests, NULL, NULL);
}
