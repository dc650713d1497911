/*
 * test_seed.c - the seed article (../shared/seed/ukraine-summit.txt, read
 * in place, never copied): each of its units comes out with the role our
 * reading of it gives (shared/seed/README.md): the title, the lead, the
 * caption, the pull quote with its attribution line, the two subheads, the
 * two boilerplate lines, and body paragraphs for the rest.
 */
#include "testutil.h"

#include <stdio.h>

typedef struct expect_unit {
    const char *prefix; /* the unit's first bytes in the article text */
    tc_role role;
} expect_unit;

static const expect_unit units[] = {
    {"Ukrainian crisis", TC_ROLE_TITLE},
    {"As the meeting between the Russian", TC_ROLE_LEAD},
    {"Vladimir Putin (left) and Joe Biden met", TC_ROLE_CAPTION},
    {"This Monday, the Kremlin considered", TC_ROLE_BODY},
    {"The announcement by the French president", TC_ROLE_BODY},
    {"\xe2\x80\x9cThere is agreement that the dialogue should continue at the "
     "level of foreign ministers.\xe2\x80\x9d", TC_ROLE_PULLQUOTE},
    {"Dmitry Peskov, spokesman for the Kremlin", TC_ROLE_ATTRIBUTION},
    {"\xe2\x80\x9cThere is agreement that the dialogue should continue at the "
     "level of foreign ministers. It is too early", TC_ROLE_BODY},
    {"New Lavrov-Blingen meeting on Thursday", TC_ROLE_SUBHEAD},
    {"A day after Emmanuel Macron", TC_ROLE_BODY},
    {"A meeting between Russian and US diplomatic", TC_ROLE_BODY},
    {"Like Washington, Paris insisted", TC_ROLE_BODY},
    {"Serial bombings", TC_ROLE_SUBHEAD},
    {"Clashes on the ground continued", TC_ROLE_BODY},
    {"In eastern Ukraine (Donetsk and Lukansk)", TC_ROLE_BODY},
    {"The Kremlin reiterated on Monday", TC_ROLE_BODY},
    {"Leave a Reply", TC_ROLE_BOILERPLATE},
    {"Your email address will not be published", TC_ROLE_BOILERPLATE},
};

#define N_UNITS (sizeof units / sizeof units[0])

typedef struct seed {
    tc_engine *engine;
    tc_doc *doc;
    char *text;
    size_t len;
} seed;

static char *read_seed(size_t *len)
{
    const char *shared = getenv("SHARED");
    char path[1024];
    FILE *fp;
    char *buf;
    long n;
    snprintf(path, sizeof path, "%s/seed/ukraine-summit.txt",
             shared ? shared : "../shared");
    fp = fopen(path, "rb");
    if (!fp)
        return NULL;
    fseek(fp, 0, SEEK_END);
    n = ftell(fp);
    fseek(fp, 0, SEEK_SET);
    buf = malloc((size_t)n + 1);
    if (buf && fread(buf, 1, (size_t)n, fp) != (size_t)n) {
        free(buf);
        buf = NULL;
    }
    fclose(fp);
    if (buf)
        buf[n] = '\0';
    *len = (size_t)n;
    return buf;
}

static int setup(void **state)
{
    seed *s = calloc(1, sizeof *s);
    tc_options opt;
    tc_article_in in;
    tc_options_init(&opt);
    opt.default_date = "2022-02-21";
    s->engine = tc_engine_new(&opt, NULL);
    s->doc = tc_doc_new(s->engine);
    s->text = read_seed(&s->len);
    *state = s;
    if (!s->text) {
        fprintf(stderr, "seed: cannot read $SHARED/seed/ukraine-summit.txt\n");
        return -1;
    }
    memset(&in, 0, sizeof in);
    in.id = "seed";
    in.text = s->text;
    in.text_len = s->len;
    if (tc_doc_set(s->doc, &in, NULL) != TC_OK ||
        tc_doc_analyze(s->doc, NULL) != TC_OK)
        return -1;
    return 0;
}

static int teardown(void **state)
{
    seed *s = *state;
    tc_doc_free(s->doc);
    tc_engine_free(s->engine);
    free(s->text);
    free(s);
    return 0;
}

static void units_and_roles(void **state)
{
    seed *s = *state;
    tc_article_info info;
    size_t i;
    tc_doc_info(s->doc, &info);
    assert_string_equal(info.date, "2022-02-21");
    assert_int_equal(tc_doc_paragraph_count(s->doc), N_UNITS);
    for (i = 0; i < N_UNITS; i++) {
        tc_paragraph p;
        size_t n = strlen(units[i].prefix);
        assert_int_equal(tc_doc_paragraph(s->doc, i, &p), TC_OK);
        if (p.end - p.start < n ||
            memcmp(info.text + p.start, units[i].prefix, n) != 0 ||
            p.role != units[i].role)
            fail_msg("unit %zu: want %s \"%s\", got %s \"%.60s\"", i + 1,
                     tc_role_name(units[i].role), units[i].prefix,
                     tc_role_name(p.role), info.text + p.start);
    }
}

static void pull_quote_marks_its_repeat(void **state)
{
    seed *s = *state;
    tc_article_info info;
    tc_paragraph pq, body;
    tc_sentence q, rep;
    tc_doc_info(s->doc, &info);
    assert_int_equal(tc_doc_paragraph(s->doc, 5, &pq), TC_OK);
    assert_int_equal(tc_doc_paragraph(s->doc, 7, &body), TC_OK);
    assert_int_equal(pq.sentence_count, 1);
    assert_int_equal(tc_doc_sentence(s->doc, pq.first_sentence, &q), TC_OK);
    assert_int_equal(q.role, TC_ROLE_PULLQUOTE);
    /* It repeats the first sentence of the body paragraph it came from. */
    assert_int_equal(q.repeat_of, body.first_sentence + 1);
    assert_int_equal(tc_doc_sentence(s->doc, q.repeat_of - 1, &rep), TC_OK);
    assert_int_equal(rep.role, TC_ROLE_BODY);
    assert_int_equal(rep.repeat_of, 0);
}

static void sentences_point_into_the_text(void **state)
{
    seed *s = *state;
    tc_article_info info;
    size_t i, n = tc_doc_sentence_count(s->doc), found = 0;
    tc_doc_info(s->doc, &info);
    assert_true(n >= 30);
    for (i = 0; i < n; i++) {
        tc_sentence se;
        const char *t;
        assert_int_equal(tc_doc_sentence(s->doc, i, &se), TC_OK);
        assert_true(se.start < se.end && se.end <= info.text_len);
        assert_int_equal(se.number, i + 1);
        t = info.text + se.start;
        /* "For the past three days." is a sentence of its own. */
        if (se.end - se.start == 24 && memcmp(t, "For the past three days.", 24) == 0)
            found++;
        /* A quote closed by "said ..." stays with its speaker. */
        if (memcmp(t, "It is too early", 15) == 0) {
            assert_non_null(strstr(t, "Dmitry Peskov on Monday."));
            assert_true((size_t)(strstr(t, "Peskov on Monday.") - t) + 17 ==
                        se.end - se.start);
            found++;
        }
    }
    assert_int_equal(found, 2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(units_and_roles),
        cmocka_unit_test(pull_quote_marks_its_repeat),
        cmocka_unit_test(sentences_point_into_the_text),
    };
    return cmocka_run_group_tests_name("seed", tests, setup, teardown);
}
