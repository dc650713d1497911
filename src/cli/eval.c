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

#include <jansson.h>
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

/* Opens an evaluation file and a document to code it with; false (after
 * saying why) when either fails. */
static bool eval_open(tc_engine *engine, const char *path, FILE **fp,
                      tc_doc **doc)
{
    *fp = fopen(path, "r");
    if (!*fp) {
        fprintf(stderr, "tacitus: %s: cannot open\n", path);
        return false;
    }
    *doc = tc_doc_new(engine);
    if (!*doc) {
        fclose(*fp);
        fprintf(stderr, "tacitus: out of memory\n");
        return false;
    }
    return true;
}

static void eval_close(FILE *fp, tc_doc *doc)
{
    fclose(fp);
    tc_doc_free(doc);
}

int tc_cli_eval_actors(tc_engine *engine, const char *path, bool verbose)
{
    FILE *fp;
    char line[EVAL_LINE_MAX];
    score sc = {0, 0}, sa = {0, 0};
    unsigned lineno = 0;
    tc_doc *doc;
    if (!eval_open(engine, path, &fp, &doc))
        return 2;
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
    eval_close(fp, doc);
    pct("country", &sc);
    pct("agent", &sa);
    return 0;
}

/* ---- Events ----------------------------------------------------------- */

/* The quad classes of the ConfliBERT file: 0 neutral (01-02), 1 verbal
 * cooperation (03-05), 2 material cooperation (06-08), 3 verbal conflict
 * (09-13), 4 material conflict (14-20). */
static int quad5(const char *root)
{
    int r = atoi(root);
    return r <= 2 ? 0 : r <= 5 ? 1 : r <= 8 ? 2 : r <= 13 ? 3 : 4;
}

typedef struct prf {
    unsigned tp, fp, fn;
} prf;

static void prf_print(const char *what, const prf *p)
{
    double pr = p->tp + p->fp ? (double)p->tp / (p->tp + p->fp) : 0;
    double rc = p->tp + p->fn ? (double)p->tp / (p->tp + p->fn) : 0;
    printf("eval events: %-22s P %.3f  R %.3f  F1 %.3f  (tp %u fp %u fn %u)\n",
           what, pr, rc, pr + rc > 0 ? 2 * pr * rc / (pr + rc) : 0, p->tp,
           p->fp, p->fn);
}

static tc_status code_text(tc_doc *doc, const char *id, const char *date,
                           const char *text)
{
    tc_article_in in;
    tc_status st;
    memset(&in, 0, sizeof in);
    in.id = id;
    in.date = date;
    in.text = text;
    in.text_len = strlen(text);
    st = tc_doc_set(doc, &in, NULL);
    return st == TC_OK ? tc_doc_analyze(doc, NULL) : st;
}

/* The first event that happened (not negated, not hypothetical). */
static bool first_fact(const tc_doc *doc, tc_event *e)
{
    size_t i;
    for (i = 0; i < tc_doc_event_count(doc); i++) {
        tc_doc_event(doc, i, e);
        if (!e->negated && strcmp(e->modality, "hypothetical") != 0)
            return true;
    }
    return false;
}

/* `sentence TAB quad` lines: coverage and quad accuracy, and a confusion
 * of predicted roots by gold quad. */
static int eval_quad(tc_doc *doc, FILE *fp, bool verbose)
{
    char line[EVAL_LINE_MAX];
    unsigned total = 0, coded = 0, right = 0, confusion[21][5];
    int r, q;
    memset(confusion, 0, sizeof confusion);
    while (fgets(line, sizeof line, fp)) {
        char *tab = strrchr(line, '\t');
        tc_event e;
        int gold;
        if (!tab)
            continue;
        *tab = '\0';
        gold = atoi(tab + 1);
        if (gold < 0 || gold > 4)
            continue;
        total++;
        if (code_text(doc, "quad", NULL, line) != TC_OK ||
            !first_fact(doc, &e))
            continue;
        coded++;
        right += quad5(e.root) == gold;
        confusion[atoi(e.root)][gold]++;
        if (verbose && quad5(e.root) != gold)
            printf("miss: quad %d, coded %s %s->%s: %.100s\n", gold, e.code,
                   e.source, e.target, line);
    }
    printf("eval events: %u sentences, coverage %.1f%% (%u coded), quad "
           "accuracy %.1f%% of coded\n", total,
           total ? 100.0 * coded / total : 0, coded,
           coded ? 100.0 * right / coded : 0);
    printf("eval events: root x gold quad (0 neutral, 1 verbal coop, 2 "
           "material coop, 3 verbal conflict, 4 material conflict)\n");
    for (r = 1; r <= 20; r++) {
        unsigned sum = 0;
        for (q = 0; q < 5; q++)
            sum += confusion[r][q];
        if (!sum)
            continue;
        printf("eval events:   root %02d:", r);
        for (q = 0; q < 5; q++)
            printf(" %4u", confusion[r][q]);
        printf("\n");
    }
    return 0;
}

typedef struct ev3 {
    char src[16], tgt[16], code[5];
} ev3;

#define MAX_EV 64
enum { LV_CODE, LV_ROOT, LV_QUAD, LV_COUNT };

static int quad4(const char *code)
{
    int r = (code[0] - '0') * 10 + (code[1] - '0');
    return r <= 5 ? 1 : r <= 8 ? 2 : r <= 13 ? 3 : 4;
}

static bool ev_equal(const ev3 *a, const ev3 *b, int level, bool actors)
{
    if (actors && (strcmp(a->src, b->src) != 0 || strcmp(a->tgt, b->tgt) != 0))
        return false;
    if (level == LV_CODE)
        return strcmp(a->code, b->code) == 0;
    if (level == LV_ROOT)
        return strncmp(a->code, b->code, 2) == 0;
    return quad4(a->code) == quad4(b->code);
}

static void score_record(const ev3 *gold, size_t ng, const ev3 *pred,
                         size_t np, prf p[2][LV_COUNT])
{
    int level, actors;
    for (actors = 0; actors < 2; actors++) {
        for (level = 0; level < LV_COUNT; level++) {
            bool used[MAX_EV] = {false};
            size_t g, k, tp = 0;
            for (g = 0; g < ng; g++)
                for (k = 0; k < np; k++)
                    if (!used[k] && ev_equal(&gold[g], &pred[k], level, actors)) {
                        used[k] = true;
                        tp++;
                        break;
                    }
            p[actors][level].tp += (unsigned)tp;
            p[actors][level].fp += (unsigned)(np - tp);
            p[actors][level].fn += (unsigned)(ng - tp);
        }
    }
}

static size_t gold_events(json_t *rec, ev3 *out)
{
    json_t *evs = json_object_get(rec, "events"), *e;
    size_t i, n = 0;
    if (json_is_true(json_object_get(rec, "noevents")))
        return 0;
    json_array_foreach(evs, i, e) {
        const char *s = json_string_value(json_object_get(e, "source"));
        const char *t = json_string_value(json_object_get(e, "target"));
        const char *c = json_string_value(json_object_get(e, "code"));
        if (!c || n == MAX_EV)
            continue;
        snprintf(out[n].src, sizeof out[n].src, "%s", s ? s : "");
        snprintf(out[n].tgt, sizeof out[n].tgt, "%s", t ? t : "");
        snprintf(out[n].code, sizeof out[n].code, "%s", c);
        n++;
    }
    return n;
}

static int eval_gold(tc_doc *doc, FILE *fp, bool verbose)
{
    char line[EVAL_LINE_MAX * 4];
    prf p[2][LV_COUNT];
    unsigned records = 0;
    static const char *const names[2][LV_COUNT] = {
        {"code", "root", "quad"},
        {"code + actors", "root + actors", "quad + actors"}};
    int a, l;
    memset(p, 0, sizeof p);
    while (fgets(line, sizeof line, fp)) {
        json_error_t jerr;
        json_t *rec = json_loads(line, 0, &jerr);
        ev3 gold[MAX_EV], pred[MAX_EV];
        size_t ng, np = 0, i;
        const char *text, *date, *id;
        if (!rec)
            continue;
        text = json_string_value(json_object_get(rec, "text"));
        date = json_string_value(json_object_get(rec, "date"));
        id = json_string_value(json_object_get(rec, "id"));
        if (!text || code_text(doc, id ? id : "gold", date, text) != TC_OK) {
            json_decref(rec);
            continue;
        }
        records++;
        ng = gold_events(rec, gold);
        for (i = 0; i < tc_doc_event_count(doc) && np < MAX_EV; i++) {
            tc_event e;
            tc_doc_event(doc, i, &e);
            if (e.negated || strcmp(e.modality, "hypothetical") == 0)
                continue;
            snprintf(pred[np].src, sizeof pred[np].src, "%s", e.source);
            snprintf(pred[np].tgt, sizeof pred[np].tgt, "%s", e.target);
            snprintf(pred[np].code, sizeof pred[np].code, "%s", e.code);
            np++;
        }
        score_record(gold, ng, pred, np, p);
        if (verbose)
            printf("%s: gold %zu%s%s%s, coded %zu%s%s%s\n", id ? id : "?", ng,
                   ng ? " " : "", ng ? gold[0].code : "", "", np,
                   np ? " " : "", np ? pred[0].code : "", "");
        json_decref(rec);
    }
    printf("eval events: %u records\n", records);
    for (a = 1; a >= 0; a--)
        for (l = 0; l < LV_COUNT; l++)
            prf_print(names[a][l], &p[a][l]);
    return 0;
}

int tc_cli_eval_events(tc_engine *engine, const char *path, bool verbose)
{
    FILE *fp;
    size_t n = strlen(path);
    tc_doc *doc;
    int status;
    if (n > 4 && strcmp(path + n - 4, ".csv") == 0)
        return tc_cli_eval_plover(engine, path, verbose);
    if (!eval_open(engine, path, &fp, &doc))
        return 2;
    status = n > 4 && strcmp(path + n - 4, ".tsv") == 0
                 ? eval_quad(doc, fp, verbose)
                 : eval_gold(doc, fp, verbose);
    eval_close(fp, doc);
    return status;
}

/* ---- PLOVER headlines --------------------------------------------------- */

/* Fills the template's {country_1}, {country_2}, {country_3} and {city}. */
static void fill_template(const char *t, char *out, size_t cap)
{
    static const struct {
        const char *slot, *value;
    } fills[] = {{"{country_1}", "France"},
                 {"{country_2}", "Germany"},
                 {"{country_3}", "Italy"},
                 {"{city}", "Kharkiv"}};
    size_t n = 0, k;
    while (*t && n + 1 < cap) {
        bool done = false;
        for (k = 0; k < sizeof fills / sizeof fills[0] && !done; k++) {
            size_t sl = strlen(fills[k].slot);
            if (strncmp(t, fills[k].slot, sl) == 0) {
                n += (size_t)snprintf(out + n, cap - n, "%s", fills[k].value);
                t += sl;
                done = true;
            }
        }
        if (!done)
            out[n++] = *t++;
        if (n >= cap)
            n = cap - 1;
    }
    out[n] = '\0';
}

/* The three CSV fields (event, mode, title; the title may be quoted). */
static bool csv_row(char *line, char **event, char **title)
{
    char *c1 = strchr(line, ','), *c2, *end;
    if (!c1)
        return false;
    c2 = strchr(c1 + 1, ',');
    if (!c2)
        return false;
    *c1 = '\0';
    *event = line;
    *title = c2 + 1;
    (*title)[strcspn(*title, "\r\n")] = '\0';
    if (**title == '"') {
        (*title)++;
        end = strrchr(*title, '"');
        if (end)
            *end = '\0';
    }
    return true;
}

int tc_cli_eval_plover(tc_engine *engine, const char *path, bool verbose)
{
    FILE *fp;
    char line[EVAL_LINE_MAX], text[EVAL_LINE_MAX];
    unsigned total = 0, coded = 0, right = 0;
    tc_doc *doc;
    if (!eval_open(engine, path, &fp, &doc))
        return 2;
    while (fgets(line, sizeof line, fp)) {
        char *event, *title;
        tc_event e;
        if (!csv_row(line, &event, &title) || strcmp(event, "event") == 0)
            continue;
        fill_template(title, text, sizeof text);
        total++;
        if (code_text(doc, "headline", NULL, text) != TC_OK ||
            !first_fact(doc, &e))
            continue;
        coded++;
        right += strcmp(e.plover, event) == 0;
        if (verbose && strcmp(e.plover, event) != 0)
            printf("miss: %s, coded %s (%s): %s\n", event, e.plover, e.code,
                   text);
    }
    eval_close(fp, doc);
    printf("eval events: %u headlines, coverage %.1f%% (%u coded), PLOVER "
           "type accuracy %.1f%% of coded\n", total,
           total ? 100.0 * coded / total : 0, coded,
           coded ? 100.0 * right / coded : 0);
    return 0;
}
