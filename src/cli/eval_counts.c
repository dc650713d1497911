/*
 * eval_counts.c - `tacitus eval counts FILE.tsv`: casualty counts against
 * the Gun Violence Database's annotated articles (columns: id, url,
 * title, full text, JSON, worker).
 *
 * Gold, per article: the victims of the JSON's "victim-section" whose
 * "victim-was" holds "killed" are the killed; those that hold "injured" or
 * "hospitalized" and not "killed" are the injured (a victim who died is
 * counted once, as killed).  Prediction: the largest KILL number and the
 * largest WOUND number among the article's count facts (0 when none).
 * Printed: exact-match accuracy over all articles and over those whose
 * gold is not zero.
 */
#include "tacitus.h"
#include "eval.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FIELDS 6

typedef struct tally {
    unsigned all, all_right, nonzero, nonzero_right;
} tally;

static void add(tally *t, long gold, long pred)
{
    t->all++;
    t->all_right += gold == pred;
    if (gold) {
        t->nonzero++;
        t->nonzero_right += gold == pred;
    }
}

static void print_tally(const char *what, const tally *t)
{
    printf("eval counts: %s exact %u/%u = %.1f%%, non-zero %u/%u = %.1f%%\n",
           what, t->all_right, t->all, t->all ? 100.0 * t->all_right / t->all : 0.0,
           t->nonzero_right, t->nonzero,
           t->nonzero ? 100.0 * t->nonzero_right / t->nonzero : 0.0);
}

static bool has(json_t *list, const char *what)
{
    size_t i;
    json_t *v;
    json_array_foreach(list, i, v)
        if (json_is_string(v) && strcmp(json_string_value(v), what) == 0)
            return true;
    return false;
}

/* Gold killed and injured from the JSON field; false if it is not JSON. */
static bool gold_counts(const char *text, long *killed, long *injured)
{
    json_error_t jerr;
    json_t *root = json_loads(text, 0, &jerr), *victims, *v;
    size_t i;
    *killed = *injured = 0;
    if (!root)
        return false;
    victims = json_object_get(root, "victim-section");
    json_array_foreach(victims, i, v) {
        json_t *was = json_object_get(v, "victim-was");
        if (has(was, "killed"))
            (*killed)++;
        else if (has(was, "injured") || has(was, "hospitalized"))
            (*injured)++;
    }
    json_decref(root);
    return true;
}

/* The largest KILL and WOUND numbers of a coded article. */
static void predicted(const tc_doc *doc, long *killed, long *injured)
{
    size_t i, n = tc_doc_count_count(doc);
    *killed = *injured = 0;
    for (i = 0; i < n; i++) {
        tc_count c;
        long v;
        tc_doc_count(doc, i, &c);
        v = (long)c.number;
        if (strcmp(c.type, "KILL") == 0 && v > *killed)
            *killed = v;
        else if (strcmp(c.type, "WOUND") == 0 && v > *injured)
            *injured = v;
    }
}

/* Splits a line in place at tabs; returns the field count. */
static size_t split_tabs(char *line, char **f, size_t max)
{
    size_t n = 0;
    line[strcspn(line, "\r\n")] = '\0';
    while (n < max) {
        char *tab = strchr(line, '\t');
        f[n++] = line;
        if (!tab)
            break;
        *tab = '\0';
        line = tab + 1;
    }
    return n;
}

int tc_cli_eval_counts(tc_engine *engine, const char *path, bool verbose)
{
    FILE *fp = fopen(path, "r");
    tc_doc *doc;
    char *line = NULL;
    size_t cap = 0;
    unsigned long lineno = 0, bad = 0;
    tally tk = {0, 0, 0, 0}, ti = {0, 0, 0, 0};
    if (!fp) {
        fprintf(stderr, "tacitus: %s: cannot open\n", path);
        return 2;
    }
    doc = tc_doc_new(engine);
    if (!doc) {
        fclose(fp);
        fprintf(stderr, "tacitus: out of memory\n");
        return 2;
    }
    while (getline(&line, &cap, fp) > 0) {
        char *f[FIELDS];
        long gk, gi, pk, pi;
        tc_article_in in;
        lineno++;
        if (lineno == 1 && strncmp(line, "Article id", 10) == 0)
            continue;
        if (split_tabs(line, f, FIELDS) < 5 || !gold_counts(f[4], &gk, &gi)) {
            fprintf(stderr, "tacitus: %s:%lu: not an article row\n", path, lineno);
            bad++;
            continue;
        }
        memset(&in, 0, sizeof in);
        in.id = f[0];
        in.text = f[3];
        in.text_len = strlen(f[3]);
        if (tc_doc_set(doc, &in, NULL) != TC_OK ||
            tc_doc_analyze(doc, NULL) != TC_OK) {
            fprintf(stderr, "tacitus: %s:%lu: cannot code the article\n", path,
                    lineno);
            bad++;
            continue;
        }
        predicted(doc, &pk, &pi);
        add(&tk, gk, pk);
        add(&ti, gi, pi);
        if (verbose && (gk != pk || gi != pi))
            printf("article %s: killed %ld (want %ld), injured %ld (want %ld)\n",
                   f[0], pk, gk, pi, gi);
    }
    free(line);
    fclose(fp);
    tc_doc_free(doc);
    print_tally("killed", &tk);
    print_tally("injured", &ti);
    return bad ? 1 : 0;
}
