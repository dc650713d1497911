/*
 * test_roles.c - paragraphs and their roles, through the public API on
 * short articles written for the purpose: titles, leads, captions, pull
 * quotes with attribution lines, subheads, boilerplate, hard-wrapped text.
 */
#include "testutil.h"

static tc_engine *engine;

static int setup(void **state)
{
    tc_doc *doc;
    engine = tc_engine_new(NULL, NULL);
    doc = tc_doc_new(engine);
    *state = doc;
    return doc ? 0 : -1;
}

static int teardown(void **state)
{
    tc_doc_free(*state);
    tc_engine_free(engine);
    return 0;
}

/* Checks the roles of all paragraphs, given as a string of letters:
 * T title, L lead, B body, C caption, S subhead, P pullquote,
 * A attribution, X boilerplate. */
static void check_roles(tc_doc *doc, const char *text, const char *title,
                        const char *want)
{
    static const char letters[] = "BTLCSPAX";
    size_t i, n;
    char got[64];
    assert_int_equal(analyze_text(doc, text, title), TC_OK);
    n = tc_doc_paragraph_count(doc);
    assert_true(n < sizeof got);
    for (i = 0; i < n; i++) {
        tc_paragraph p;
        tc_doc_paragraph(doc, i, &p);
        got[i] = letters[p.role];
    }
    got[n] = '\0';
    assert_string_equal(got, want);
}

static void title_lead_body(void **state)
{
    check_roles(*state,
                "Rebels seize town in the north\n\n"
                "Rebels seized the town of Kidal on Sunday after two days of "
                "fighting, the army said.\n\n"
                "The army said it had withdrawn to protect civilians.\n",
                NULL, "TLB");
}

static void no_title_when_first_line_is_a_sentence(void **state)
{
    check_roles(*state,
                "KYIV, Feb 21 (Reuters) - Ukraine said two soldiers were "
                "killed.\nThe separatists denied firing first.\n",
                NULL, "LB");
}

static void metadata_title_is_first_paragraph(void **state)
{
    tc_article_info info;
    check_roles(*state, "Talks resumed in Vienna on Monday.\n",
                "Nuclear talks resume", "TL");
    tc_doc_info(*state, &info);
    assert_string_equal(info.text,
                        "Nuclear talks resume\n\nTalks resumed in Vienna on Monday.\n");
}

static void caption_by_marker(void **state)
{
    check_roles(*state,
                "Leaders meet in Paris\n\n"
                "The leaders met in Paris on Friday to discuss the crisis, "
                "officials said.\n\n"
                "President Emmanuel Macron (right) greets his guest at the "
                "Elysee Palace. REUTERS/Staff\n\n"
                "They agreed to meet again next month.\n",
                NULL, "TLCB");
}

static void pull_quote_attribution_and_repeat(void **state)
{
    tc_doc *doc = *state;
    tc_sentence s;
    tc_paragraph p;
    check_roles(doc,
                "Minister rejects ultimatum\n\n"
                "The foreign minister rejected the ultimatum on Tuesday and "
                "called for new talks.\n\n"
                "\xe2\x80\x9cWe will not negotiate under threats of any kind.\xe2\x80\x9d\n\n"
                "Foreign Minister Jane Doe\n\n"
                "\xe2\x80\x9cWe will not negotiate under threats of any kind,\xe2\x80\x9d "
                "she told reporters in the capital.\n",
                NULL, "TLPAB");
    tc_doc_paragraph(doc, 2, &p);
    tc_doc_sentence(doc, p.first_sentence, &s);
    assert_int_equal(s.role, TC_ROLE_PULLQUOTE);
    tc_doc_paragraph(doc, 4, &p);
    assert_int_equal(s.repeat_of, p.first_sentence + 1);
}

static void quoted_paragraph_alone_stays_body(void **state)
{
    check_roles(*state,
                "Leaders trade words\n\n"
                "The president spoke on Monday after the vote was counted in "
                "the capital.\n\n"
                "\"We will respond to any attack with full force and without "
                "delay, wherever it comes from.\"\n\n"
                "He did not say what form a response would take, and his "
                "office declined to comment.\n",
                NULL, "TLBB");
}

static void subheads_between_body(void **state)
{
    check_roles(*state,
                "Storm hits coast\n\n"
                "A storm hit the coast on Monday, cutting power to thousands "
                "of homes across the region.\n\n"
                "Rescue efforts\n\n"
                "Rescue teams were sent to the worst-hit towns overnight, the "
                "emergency ministry said.\n\n"
                "What comes next ...\n\n"
                "Forecasters expect more rain later in the week across the "
                "whole of the coast.\n",
                NULL, "TLSBSB");
}

static void boilerplate_and_comments(void **state)
{
    check_roles(*state,
                "Ceasefire holds\n\n"
                "The ceasefire held for a third day on Wednesday, monitors "
                "said in their daily report.\n\n"
                "Share this:\n\n"
                "Leave a Reply\n\n"
                "Great article, thanks\n\n"
                "Your email address will not be published. Required fields "
                "are marked *\n",
                NULL, "TLXXXX");
}

static void hard_wrapped_paragraphs(void **state)
{
    tc_doc *doc = *state;
    tc_paragraph p;
    assert_int_equal(
        analyze_text(doc,
                     "The United Nations Security Council met on Monday to\n"
                     "discuss the escalating crisis in the region, diplomats\n"
                     "said after the closed-door session in New York.\n"
                     "\n"
                     "Several members called for an immediate ceasefire and\n"
                     "the opening of humanitarian corridors for civilians\n"
                     "trapped by the fighting.\n",
                     NULL),
        TC_OK);
    assert_int_equal(tc_doc_paragraph_count(doc), 2);
    tc_doc_paragraph(doc, 0, &p);
    assert_int_equal(p.sentence_count, 1);
}

static void one_paragraph_per_line(void **state)
{
    tc_doc *doc = *state;
    assert_int_equal(analyze_text(doc,
                                  "Troops crossed the border at dawn.\n"
                                  "Officials confirmed the movement.\n"
                                  "No casualties were reported.\n",
                                  NULL),
                     TC_OK);
    assert_int_equal(tc_doc_paragraph_count(doc), 3);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(title_lead_body),
        cmocka_unit_test(no_title_when_first_line_is_a_sentence),
        cmocka_unit_test(metadata_title_is_first_paragraph),
        cmocka_unit_test(caption_by_marker),
        cmocka_unit_test(pull_quote_attribution_and_repeat),
        cmocka_unit_test(quoted_paragraph_alone_stays_body),
        cmocka_unit_test(subheads_between_body),
        cmocka_unit_test(boilerplate_and_comments),
        cmocka_unit_test(hard_wrapped_paragraphs),
        cmocka_unit_test(one_paragraph_per_line),
    };
    return cmocka_run_group_tests_name("text/roles", tests, setup, teardown);
}
