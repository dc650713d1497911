/*
 * eval.c - `tacitus eval actors FILE.tsv`: accuracy of actor coding on a
 * table of phrases (phrase, context, date, expected country, expected
 * agent), through the public API only.
 *
 * Rules: the context, when given, follows the phrase as a second sentence;
 * "today" is 2023-01-01; the answer is the longest actor mention in the
 * phrase; `*` is not checked; PRE and PRM (head of state, head of
 * government) count as GOV; agent codes outside CAMEO's (UAF, UNK) are not
 * scored; Kosovo may be XKX or KSV; UNO and EUR match IGO codes that
 * contain them.
 */
#include "tacitus.h"
#include "eval.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define EVAL_LINE_MAX 8192
#define TODAY "2023-01-01"

typedef struct score {
    unsigned checked, right;
} score;

typedef struct row {
    char *phrase, *context, *date, *country, *agent;
} row;

/* Splits a TSV line in place into 5 fields; false if it has fewer. */
static bool split_row(char *line, row *r)
{
    char *f[5];
    int i;
    line[strcspn(line, "\r\n")] = '\0';
    for (i = 0; i < 5; i++) {
        f[i] = line;
        line = strchr(line, '\t');
        if (!line && i < 4)
            return false;
        if (line)
            *line++ = '\0';
    }
    r->phrase = f[0];
    r->context = f[1];
    r->date = f[2];
    r->country = f[3];
    r->agent = f[4];
    return true;
}

/* The longest actor mention of sentence 1, or false. */
static bool longest_in_phrase(const tc_doc *doc, tc_actor *best)
{
    size_t i, n = tc_doc_actor_count(doc);
    bool found = false;
    for (i = 0; i < n; i++) {
        tc_actor a;
        tc_doc_actor(doc, i, &a);
        if (a.sentence != 1)
            continue;
        if (!found || a.end - a.start > best->end - best->start) {
            *best = a;
            found = true;
        }
    }
    return found;
}

static bool country_ok(const char *want, const tc_actor *a)
{
    if (strcmp(want, "UNO") == 0 || strcmp(want, "EUR") == 0)
        return strstr(a->code, want) != NULL;
    if ((strcmp(want, "XKX") == 0 || strcmp(want, "KSV") == 0) &&
        (strcmp(a->country, "XKX") == 0 || strcmp(a->country, "KSV") == 0))
        return true;
    return strcmp(want, a->country) == 0;
}

static bool agent_ok(const char *want, const tc_actor *a)
{
    if (strcmp(want, "PRE") == 0 || strcmp(want, "PRM") == 0)
        want = "GOV";
    return strcmp(want, a->agent) == 0;
}

static bool scored_agent(const char *want)
{
    return strcmp(want, "*") != 0 && strcmp(want, "UAF") != 0 &&
           strcmp(want, "UNK") != 0;
}

static void tally(score *s, bool ok)
{
    s->checked++;
    s->right += ok;
}

static tc_status eval_row(tc_doc *doc, const row *r, score *sc, score *sa,
                          bool verbose)
{
    char text[EVAL_LINE_MAX * 2];
    tc_article_in in;
    tc_actor a;
    tc_status st;
    bool ok_c = true, ok_a = true;
    const char *date = r->date;
    if (strcmp(date, "Today") == 0 || strcmp(date, "today") == 0)
        date = TODAY;
    snprintf(text, sizeof text, "%s%s%s", r->phrase, r->context[0] ? ". " : "",
             r->context);
    memset(&in, 0, sizeof in);
    in.id = r->phrase;
    in.date = date;
    in.text = text;
    in.text_len = strlen(text);
    st = tc_doc_set(doc, &in, NULL);
    if (st == TC_OK)
        st = tc_doc_analyze(doc, NULL);
    if (st != TC_OK)
        return st;
    if (!longest_in_phrase(doc, &a))
        a.code = a.country = a.agent = a.name = "";
    if (strcmp(r->country, "*") != 0) {
        ok_c = country_ok(r->country, &a);
        tally(sc, ok_c);
    }
    if (scored_agent(r->agent)) {
        ok_a = agent_ok(r->agent, &a);
        tally(sa, ok_a);
    }
    if (verbose && (!ok_c || !ok_a))
        printf("miss: %-45s want %s/%s got %s (%s) [%s]\n", r->phrase,
               r->country, r->agent, a.code, a.name, date);
    return TC_OK;
}

static void pct(const char *what, const score *s)
{
    printf("eval actors: %s %u/%u = %.1f%%\n", what, s->right, s->checked,
           s->checked ? 100.0 * s->right / s->checked : 0.0);
}

int tc_cli_eval_actors(tc_engine *engine, const char *path, bool verbose)
{
    FILE *fp = fopen(path, "r");
    char line[EVAL_LINE_MAX];
    score sc = {0, 0}, sa = {0, 0};
    unsigned lineno = 0;
    tc_doc *doc;
    if (!fp) {
        fprintf(stderr, "tacitus: %s: cannot open\n", path);
        return 2;
    }
    doc = tc_doc_new(engine);
    if (!doc) {
        fclose(fp);
        return 2;
    }
    while (fgets(line, sizeof line, fp)) {
        row r;
        if (++lineno == 1 && strncmp(line, "phrase\t", 7) == 0)
            continue;
        if (!split_row(line, &r)) {
            fprintf(stderr, "tacitus: %s:%u: not 5 tab-separated fields\n",
                    path, lineno);
            continue;
        }
        if (eval_row(doc, &r, &sc, &sa, verbose) != TC_OK)
            fprintf(stderr, "tacitus: %s:%u: cannot code the phrase\n", path,
                    lineno);
    }
    fclose(fp);
    tc_doc_free(doc);
    pct("country", &sc);
    pct("agent", &sa);
    return 0;
}
