/*
 * test_verbs.c - the event side of the lexicon: the code table, pattern
 * parsing (alternatives, optional words, skips, targets, each other,
 * nouns), verb forms made by rule and from irregular.txt, pattern order
 * (most specific first), and bad lines reported with their line numbers.
 */
#include "testutil.h"

#include "lexicon/verbs.h"

#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

static char dir[64];

static void write_file(const char *name, const char *text)
{
    char path[128];
    FILE *fp;
    snprintf(path, sizeof path, "%s/%s", dir, name);
    fp = fopen(path, "w");
    assert_non_null(fp);
    fputs(text, fp);
    fclose(fp);
}

typedef struct fixture {
    tc_verbs *v;
    size_t errors;
    uint64_t lines[8];
    size_t nlines;
} fixture;

static void remember(void *ctx, const tc_error *w)
{
    fixture *f = ctx;
    if (f->nlines < 8)
        f->lines[f->nlines++] = w->line;
}

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    char cmd[160];
    snprintf(dir, sizeof dir, "/tmp/tc-verbs-%d", (int)getpid());
    snprintf(cmd, sizeof cmd, "mkdir -p %s", dir);
    if (system(cmd) != 0)
        return -1;
    write_file("irregular.txt", "# irregular verbs\nmeet met met\n"
                                "ban banned banned bans banning\n");
    write_file("p.txt", "# test patterns\n"
                        "&ARMS mortars; rockets; drones\n"
                        "195   launch &ARMS|missiles at $T\n"
                        "194   shell $T\n"
                        "194   fire mortars|rockets at|on $T\n"
                        "040   meet (with) $T\n"
                        "043   n:talks between $T and $T\n"
                        "112   blame each other\n"
                        "1246  ban *\n"
                        "9999  shell $T\n"
                        "190\n");
    f->v = tc_verbs_new(NULL);
    if (tc_verbs_load_codes(f->v, "data/cameo-codes.tsv", NULL, NULL,
                            &f->errors) != TC_OK ||
        tc_verbs_load_dir(f->v, dir, remember, f, &f->errors) != TC_OK ||
        tc_verbs_freeze(f->v) != TC_OK)
        return -1;
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    char cmd[160];
    tc_verbs_free(f->v);
    free(f);
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    return system(cmd) == 0 ? 0 : -1;
}

static void code_table(void **state)
{
    fixture *f = *state;
    const tc_code_info *c = tc_verbs_find_code(f->v, "194");
    assert_true(tc_verbs_code_count(f->v) > 300);
    assert_non_null(c);
    assert_string_equal(c->root, "19");
    assert_int_equal(c->quad, 4);
    assert_string_equal(c->plover, "ASSAULT");
    c = tc_verbs_find_code(f->v, "036");
    assert_non_null(c);
    assert_int_equal(c->quad, 1);
    assert_null(tc_verbs_find_code(f->v, "999"));
}

static unsigned forms_of(fixture *f, const char *word, const char *head)
{
    uint32_t heads[4], id = tc_verbs_word(f->v, word, strlen(word));
    unsigned forms[4], all = 0;
    size_t n = id ? tc_verbs_heads(f->v, id, heads, forms, 4) : 0, i;
    for (i = 0; i < n; i++)
        if (strcmp(tc_verbs_str(f->v, heads[i]), head) == 0)
            all |= forms[i];
    return all;
}

static void verb_forms(void **state)
{
    fixture *f = *state;
    assert_true(forms_of(f, "shell", "shell") & TC_FORM_BASE);
    assert_true(forms_of(f, "shells", "shell") & TC_FORM_S);
    assert_true(forms_of(f, "shelled", "shell") & TC_FORM_PART);
    assert_true(forms_of(f, "shelling", "shell") & TC_FORM_ING);
    assert_true(forms_of(f, "met", "meet") & TC_FORM_PAST);
    assert_true(forms_of(f, "meeting", "meet") & TC_FORM_ING);
    assert_true(forms_of(f, "banned", "ban") & TC_FORM_PART);
    assert_true(forms_of(f, "banning", "ban") & TC_FORM_ING);
    assert_true(forms_of(f, "fires", "fire") & TC_FORM_S);
    assert_true(forms_of(f, "fired", "fire") & TC_FORM_PAST);
    assert_true(forms_of(f, "firing", "fire") & TC_FORM_ING);
    assert_true(forms_of(f, "blamed", "blame") & TC_FORM_PAST);
    assert_true(forms_of(f, "talks", "talks") & TC_FORM_NOUN);
    assert_int_equal(forms_of(f, "meted", "meet"), 0);
}

static void patterns_sorted_and_parsed(void **state)
{
    fixture *f = *state;
    size_t n;
    uint32_t fire = tc_verbs_word(f->v, "fire", 4);
    const tc_pattern *p = tc_verbs_patterns(f->v, fire, &n);
    const tc_pat_elem *e;
    assert_int_equal(n, 1);
    assert_int_equal(p->elem_count, 3);
    e = tc_verbs_elem(f->v, p->first_elem);
    assert_int_equal(e->kind, TC_PE_WORDS);
    assert_int_equal(e->count, 2); /* mortars|rockets */
    e = tc_verbs_elem(f->v, p->first_elem + 2);
    assert_int_equal(e->kind, TC_PE_TARGET);
    p = tc_verbs_patterns(f->v, tc_verbs_word(f->v, "blame", 5), &n);
    assert_int_equal(n, 1);
    assert_true(p->reciprocal);
    p = tc_verbs_patterns(f->v, tc_verbs_word(f->v, "talks", 5), &n);
    assert_true(p->nominal);
    assert_int_equal(p->targets, 2);
}

static void synsets_expand(void **state)
{
    fixture *f = *state;
    size_t n;
    const tc_pattern *p = tc_verbs_patterns(f->v, tc_verbs_word(f->v, "launch", 6), &n);
    const tc_pat_elem *e;
    assert_int_equal(n, 1);
    e = tc_verbs_elem(f->v, p->first_elem);
    assert_int_equal(e->count, 4); /* mortars, rockets, drones, missiles */
    {
        uint32_t k, drones = tc_verbs_word(f->v, "drones", 6);
        bool found = false;
        for (k = 0; k < e->count; k++) {
            found = found || tc_verbs_elem_word(f->v, e->first + k) == drones;
            if (k) /* sorted for the search by halves */
                assert_true(tc_verbs_elem_word(f->v, e->first + k - 1) <
                            tc_verbs_elem_word(f->v, e->first + k));
        }
        assert_true(found);
    }
}

static void bad_lines_located(void **state)
{
    fixture *f = *state;
    /* 9999 is no CAMEO code (line 10); "190" has no pattern (line 11) */
    assert_int_equal(f->nlines, 2);
    assert_int_equal(f->lines[0], 10);
    assert_int_equal(f->lines[1], 11);
}

/* TABARI verbs text into ours, one line for one line. */
static void tabari_converted(void **state)
{
    static const char in[] =
        "<SYNSETS>\n"                        /* 1 */
        "&ARMS\n"                            /* 2 */
        "+MORTARS\n"                         /* 3 */
        "+HEAVY ARMS\n"                      /* 4: multi-word, warned */
        "</SYNSETS>\n"                       /* 5: the set, written here */
        "SHELL  [195] ; comment\n"           /* 6 */
        "- FAILED_TO_*  [---]\n"             /* 7 */
        "- * + WITH &ARMS  [194]\n"          /* 8 */
        "- * { TOWN_ | CITY_ }  [075A]\n"    /* 9: not CAMEO, kept */
        "SEND_  [070:071]\n"                 /* 10: paired */
        "{ SENT_ }\n"                        /* 11 */
        "- * + BACK  [###]\n"                /* 12 */
        "- % * +  [070]\n";                  /* 13: compound, warned */
    fixture *f = *state;
    size_t errors = 0, n = 0;
    char *out = tc_verbs_convert_tabari(NULL, "t.verbs", in, sizeof in - 1,
                                        NULL, NULL, NULL, NULL, &errors, &n);
    const char *want =
        "\n\n\n\n&ARMS mortars\n"
        "195 @shell $T\n"
        "--- failed to @shell\n"
        "194 @shell $T with &ARMS\n"
        "075A @shell town|city\n"
        "070 @send $T\n"
        "~ send sent\n"
        "### @send $T back\n"
        "\n\n";
    (void)f;
    assert_non_null(out);
    assert_int_equal(errors, 2);
    assert_string_equal(out, want);
    free(out);
}

/* A converted TABARI file loads: words before the verb, $S, null. */
static void tabari_loaded(void **state)
{
    fixture *f = *state;
    tc_verbs *v = tc_verbs_new(NULL);
    size_t errors = 0, n;
    const tc_pattern *p;
    write_file("t.verbs", "SHELL [194]\n- FAILED_TO_* [---]\n"
                          "- * + FOR $ [9z9]\n");
    assert_true(tc_verbs_load_codes(v, "data/cameo-codes.tsv", NULL, NULL,
                                    &errors) == TC_OK);
    {
        char path[128];
        snprintf(path, sizeof path, "%s/t.verbs", dir);
        assert_true(tc_verbs_load_file(v, path, NULL, NULL, &errors) == TC_OK);
    }
    assert_true(tc_verbs_freeze(v) == TC_OK);
    assert_int_equal(errors, 0);
    p = tc_verbs_patterns(v, tc_verbs_word(v, "shell", 5), &n);
    assert_int_equal(n, 3);
    assert_int_equal(p[0].pre, 0); /* most specific first: $T for $S */
    assert_true(p[0].has_source);
    assert_string_equal(tc_verbs_code(v, p[0].code)->code, "9z9");
    assert_int_equal(p[1].pre, 2);
    assert_int_equal(p[1].action, TC_PAT_NULL);
    (void)f;
    tc_verbs_free(v);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(code_table),
        cmocka_unit_test(verb_forms),
        cmocka_unit_test(patterns_sorted_and_parsed),
        cmocka_unit_test(synsets_expand),
        cmocka_unit_test(bad_lines_located),
        cmocka_unit_test(tabari_converted),
        cmocka_unit_test(tabari_loaded),
    };
    return cmocka_run_group_tests_name("lexicon/verbs", tests, setup, teardown);
}
