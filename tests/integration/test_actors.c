/*
 * test_actors.c - actors found and coded with the built-in dictionaries:
 * the seed article's actor table (shared/seed/README.md, read in place),
 * dated roles, role descriptions, misspellings with support, coreference,
 * and false friends that must stay silent.
 */
#include "testutil.h"

#include <stdio.h>

typedef test_fixture fixture;

static int setup(void **state)
{
    return test_fixture_setup(state, tc_engine_load_actors);
}

static int teardown(void **state)
{
    return test_fixture_teardown(state);
}

static void code(fixture *f, const char *text, const char *date)
{
    code_text_ok(f->doc, "t", text, date);
}

/* The first mention whose text is `text` (after a skip of `nth`). */
static bool find(fixture *f, const char *text, int nth, tc_actor *out)
{
    tc_article_info info;
    size_t i, n = tc_doc_actor_count(f->doc);
    tc_doc_info(f->doc, &info);
    for (i = 0; i < n; i++) {
        tc_doc_actor(f->doc, i, out);
        if (out->end - out->start == strlen(text) &&
            memcmp(info.text + out->start, text, strlen(text)) == 0 &&
            nth-- == 0)
            return true;
    }
    return false;
}

static void expect(fixture *f, const char *text, const char *want_code,
                   const char *want_name)
{
    tc_actor a;
    if (!find(f, text, 0, &a))
        fail_msg("no actor \"%s\"", text);
    /* Names are compared by surname: the dictionaries choose the spelling
     * of the canonical name (Sergei / Sergey Lavrov). */
    if (strcmp(a.code, want_code) != 0 ||
        (want_name && !strstr(a.name, strrchr(want_name, ' ') + 1)))
        fail_msg("\"%s\": want %s (%s), got %s (%s, %s)", text, want_code,
                 want_name ? want_name : "*", a.code, a.name,
                 tc_match_kind_name(a.match));
}

static void expect_none(fixture *f, const char *text)
{
    tc_actor a;
    if (find(f, text, 0, &a))
        fail_msg("\"%s\" should name no actor, got %s", text, a.code);
}


/* Every actor of the seed's table, on 2022-02-21. */
static void seed_actor_table(void **state)
{
    fixture *f = *state;
    char *text = read_shared("seed/ukraine-summit.txt");
    code(f, text, "2022-02-21");
    expect(f, "Kremlin", "RUSGOV", NULL);
    expect(f, "Vladimir Putin", "RUSGOV", "Vladimir Putin");
    expect(f, "Joe Biden", "USAGOV", "Joe Biden");
    expect(f, "the latter", "USAGOV", "Joe Biden");
    expect(f, "Russian and US presidents", "RUSGOV", "Vladimir Putin");
    expect(f, "US presidents", "USAGOV", "Joe Biden");
    expect(f, "French president", "FRAGOV", "Emmanuel Macron");
    expect(f, "Emmanuel Macron", "FRAGOV", "Emmanuel Macron");
    expect(f, "Kremlin spokesman Dmitry Peskov", "RUSGOV", "Dmitry Peskov");
    expect(f, "Sergei Lavrov", "RUSGOV", "Sergei Lavrov");
    expect(f, "Anthony Blingen", "USAGOV", "Antony Blinken");
    expect(f, "Volodymyr Zhelensky", "UKRGOV", "Volodymyr Zelensky");
    expect(f, "Moscow", "RUS", NULL);
    expect(f, "Washington", "USA", NULL);
    expect(f, "Paris", "FRA", NULL);
    expect(f, "Kiev", "UKR", NULL);
    expect(f, "Ukraine", "UKR", NULL);
    expect(f, "military", "UKRMIL", NULL);
    expect(f, "soldier", "UKRMIL", NULL);
    expect(f, "pro-Russian separatists", "UKRREB", NULL);
    expect(f, "pro-Russian rebels", "UKRREB", NULL);
    expect(f, "civilians", "UKRCVL", NULL);
    expect(f, "Security Council", "RUSGOV", NULL);
    expect(f, "Westerners", "WST", NULL);
    expect(f, "NATO", "IGOWSTNAT", NULL);
    expect(f, "the alliance", "IGOWSTNAT", NULL);
    free(text);
}

static void dated_roles(void **state)
{
    fixture *f = *state;
    code(f, "Putin met the Russian president in Moscow.", "2010-06-15");
    expect(f, "Putin", "RUSGOV", "Vladimir Putin");
    expect(f, "Russian president", "RUSGOV", "Dmitry Medvedev");
    code(f, "The Russian president met Putin.", "2022-02-21");
    expect(f, "Russian president", "RUSGOV", "Vladimir Putin");
    code(f, "Joe Biden spoke in Delaware.", "2012-05-01");
    expect(f, "Joe Biden", "USAGOV", "Joe Biden");
    code(f, "The US secretary of state flew to Kyiv.", "2022-05-01");
    expect(f, "US secretary of state", "USAGOV", "Antony Blinken");
}

static void misspellings_need_support(void **state)
{
    fixture *f = *state;
    /* A first name within one edit supports the surname's misspelling. */
    code(f, "Anthony Blingen arrived in Geneva.", "2022-02-21");
    expect(f, "Anthony Blingen", "USAGOV", "Antony Blinken");
    /* Without support, a near miss stays unknown. */
    code(f, "The company Blingen sold parts.", "2022-02-21");
    expect_none(f, "Blingen");
}

static void false_friends(void **state)
{
    fixture *f = *state;
    code(f, "Michael Jordan scored 40 points for the Chicago Bulls.",
         "2022-02-21");
    expect_none(f, "Jordan");
    code(f, "Chad Smith played the drums.", "2022-02-21");
    expect_none(f, "Chad");
    code(f, "Voters in Atlanta, Georgia, went to the polls.", "2022-02-21");
    expect_none(f, "Georgia");
    code(f, "We roasted a turkey in May, and a bush fire broke out.",
         "2022-02-21");
    assert_int_equal(tc_doc_actor_count(f->doc), 0);
    /* ... while the states themselves are found. */
    code(f, "Troops from Chad and Jordan arrived in Georgia.", "2022-02-21");
    expect(f, "Chad", "TCD", NULL);
    expect(f, "Jordan", "JOR", NULL);
    expect(f, "Georgia", "GEO", NULL);
}

static void composition(void **state)
{
    fixture *f = *state;
    code(f, "Ukrainian soldiers and Russian troops clashed. NATO said the "
            "alliance was ready.", "2022-03-01");
    expect(f, "Ukrainian soldiers", "UKRMIL", NULL);
    expect(f, "Russian troops", "RUSMIL", NULL);
    expect(f, "the alliance", "IGOWSTNAT", NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(seed_actor_table),
        cmocka_unit_test(dated_roles),
        cmocka_unit_test(misspellings_need_support),
        cmocka_unit_test(false_friends),
        cmocka_unit_test(composition),
    };
    return cmocka_run_group_tests_name("actors", tests, setup, teardown);
}
