/*
 * eval_quotes.c - `tacitus eval quotes DIR`: direct quotations and their
 * speakers against PolNeAR (DIR/text/NAME.txt, DIR/attributions/
 * NAME_ANNOTATOR.ann in brat standoff; the first annotator's file of each
 * article, in byte order of names), through the public API only.
 *
 * Rules:
 *  - a gold direct quote is an attribution whose content lies wholly
 *    inside quotation marks: every fragment of it opens with a double mark
 *    (or has one just before it) and closes with one (or has one just
 *    after it, stops aside), and holds no other double mark;
 *  - a predicted direct quote is a record with direct = true that is not
 *    partial (words quoted inside a paraphrase are content of an indirect
 *    attribution in PolNeAR, not a direct quote); the figure with partial
 *    quotes counted is printed too;
 *  - a prediction matches a gold quote when it covers at least half of the
 *    gold content and is at most twice its length; one to one, gold in
 *    text order taking the unmatched prediction that overlaps it most;
 *  - the speaker is right when its span overlaps the gold source span or
 *    the last word of its name (or of the speaker as written, not a
 *    pronoun) is a word of the gold source; matched quotes without a gold
 *    source are not scored.
 *
 * Gold offsets count code points; they are turned into byte offsets of the
 * article text (the file, which is valid UTF-8).  The article date is the
 * one in the file name (publisher_YYYY-MM-DD_slug).
 */
#include "tacitus.h"
#include "eval.h"

#include <ctype.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define EQ_MAX_FILES 4096u
#define EQ_MAX_TEXT (4u << 20)
#define EQ_MAX_SPANS 4096u
#define EQ_MAX_FRAGS 8u
#define EQ_LINE 65536u
#define EQ_MIN(a, b) ((a) < (b) ? (a) : (b))

typedef struct frag {
    size_t a, b; /* byte range */
} frag;

typedef struct span {
    unsigned id;
    char type[32];
    frag f[EQ_MAX_FRAGS];
    unsigned nf;
} span;

typedef struct gold {
    frag content[EQ_MAX_FRAGS];
    unsigned nc;
    frag source;  /* a == b: none */
    char source_text[256];
    bool matched;
} gold;

typedef struct tally {
    unsigned tp, fp, fn;
    unsigned spk_scored, spk_right;
} tally;

/* ---- Files ------------------------------------------------------------ */

static int cmp_str(const void *x, const void *y)
{
    return strcmp(*(char *const *)x, *(char *const *)y);
}

/* The .ann names of DIR/attributions, sorted; NULL on error. */
static char **list_ann(const char *dir, size_t *n)
{
    char path[4096];
    DIR *d;
    struct dirent *e;
    char **names = calloc(EQ_MAX_FILES, sizeof *names);
    *n = 0;
    snprintf(path, sizeof path, "%s/attributions", dir);
    d = opendir(path);
    if (!d || !names) {
        if (d)
            closedir(d);
        free(names);
        return NULL;
    }
    while ((e = readdir(d)) != NULL && *n < EQ_MAX_FILES) {
        size_t len = strlen(e->d_name);
        if (len > 4 && strcmp(e->d_name + len - 4, ".ann") == 0)
            names[(*n)++] = strdup(e->d_name);
    }
    closedir(d);
    qsort(names, *n, sizeof *names, cmp_str);
    return names;
}

static char *read_all(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    char *buf;
    if (!fp)
        return NULL;
    buf = malloc(EQ_MAX_TEXT + 1);
    if (!buf) {
        fclose(fp);
        return NULL;
    }
    *len = fread(buf, 1, EQ_MAX_TEXT, fp);
    buf[*len] = '\0';
    fclose(fp);
    return buf;
}

/* byte_of[i]: the byte offset of code point i (i up to the count). */
static size_t *code_points(const char *s, size_t n, size_t *count)
{
    size_t *off = malloc((n + 1) * sizeof *off), i, k = 0;
    if (!off)
        return NULL;
    for (i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            off[k++] = i;
    off[k] = n;
    *count = k;
    return off;
}

/* ---- Gold ------------------------------------------------------------- */

/* "T3\tContent 115 290;300 400\t..." -> a span with byte fragments. */
static bool parse_span(char *line, const size_t *cp, size_t ncp, span *s)
{
    char *tab = strchr(line, '\t'), *p;
    s->nf = 0;
    s->id = (unsigned)strtoul(line + 1, NULL, 10);
    if (!tab || sscanf(tab + 1, "%31s", s->type) != 1)
        return false;
    p = tab + 1 + strlen(s->type);
    while (s->nf < EQ_MAX_FRAGS) {
        char *end;
        unsigned long a = strtoul(p, &end, 10), b;
        if (end == p)
            break;
        b = strtoul(end, &p, 10);
        if (a > b || b > ncp)
            return false;
        s->f[s->nf].a = cp[a];
        s->f[s->nf++].b = cp[b];
        if (*p != ';')
            break;
        p++;
    }
    return s->nf > 0;
}

static const span *find_span(const span *spans, size_t n, const char *ref)
{
    unsigned id;
    size_t i;
    if (!ref || ref[0] != 'T')
        return NULL;
    id = (unsigned)strtoul(ref + 1, NULL, 10);
    for (i = 0; i < n; i++)
        if (spans[i].id == id)
            return &spans[i];
    return NULL;
}

/* The length of the double quotation mark at s[i..n), or 0. */
static size_t dmark_len(const char *s, size_t i, size_t n)
{
    static const char *const marks[] = {"\"", "\xE2\x80\x9C", "\xE2\x80\x9D",
                                        "\xE2\x80\x9E", "\xC2\xAB",
                                        "\xC2\xBB", "\xE2\x80\xB9",
                                        "\xE2\x80\xBA"};
    size_t k;
    for (k = 0; k < sizeof marks / sizeof marks[0]; k++) {
        size_t m = strlen(marks[k]);
        if (i + m <= n && memcmp(s + i, marks[k], m) == 0)
            return m;
    }
    return 0;
}

/* A double mark that ends at s[j] exclusive: its length, or 0. */
static size_t dmark_before(const char *s, size_t j)
{
    size_t m;
    for (m = 1; m <= 3 && m <= j; m++)
        if (dmark_len(s, j - m, j) == m)
            return m;
    return 0;
}

static bool space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static bool stop(char c)
{
    return strchr(".,;:!? ", c) != NULL && c != '\0';
}

/* Whether fragment [a, b) of s lies inside quotation marks. */
static bool quoted(const char *s, size_t n, size_t a, size_t b)
{
    size_t i, k, j;
    bool opened, closed;
    while (a < b && space(s[a]))
        a++;
    while (b > a && space(s[b - 1]))
        b--;
    if (a == b)
        return false;
    for (i = a; i > 0 && s[i - 1] == ' '; i--)
        ;
    opened = dmark_len(s, a, b) || dmark_before(s, i);
    for (k = b; k > a && stop(s[k - 1]); k--)
        ;
    for (j = b; j < n && s[j] == ' '; j++)
        ;
    closed = dmark_before(s, k) || dmark_before(s, b) || dmark_len(s, j, n);
    if (!opened || !closed)
        return false;
    /* no other double mark inside (marks, spaces, stops stripped) */
    for (;;) {
        size_t m = dmark_len(s, a, b);
        if (m)
            a += m;
        else if (a < b && (s[a] == ' ' || s[a] == '.' || s[a] == ','))
            a++;
        else
            break;
    }
    for (;;) {
        size_t m = dmark_before(s, b);
        if (m && b - m >= a)
            b -= m;
        else if (b > a && (s[b - 1] == ' ' || s[b - 1] == '.' || s[b - 1] == ','))
            b--;
        else
            break;
    }
    for (i = a; i < b; i++)
        if (dmark_len(s, i, b))
            return false;
    return true;
}

/* An "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1" line -> a gold
 * direct quote, when it is one. */
static bool parse_event(char *line, const char *text, size_t n,
                        const span *spans, size_t ns, gold *g)
{
    char *tok, *save = NULL, *tab = strchr(line, '\t');
    const span *content = NULL, *source = NULL;
    unsigned k;
    if (!tab)
        return false;
    for (tok = strtok_r(tab + 1, " \t\r\n", &save); tok;
         tok = strtok_r(NULL, " \t\r\n", &save)) {
        char *colon = strchr(tok, ':');
        if (!colon)
            continue;
        if (strncmp(tok, "Content:", 8) == 0)
            content = find_span(spans, ns, colon + 1);
        else if (strncmp(tok, "Source:", 7) == 0)
            source = find_span(spans, ns, colon + 1);
    }
    if (!content)
        return false;
    memset(g, 0, sizeof *g);
    for (k = 0; k < content->nf; k++) {
        if (!quoted(text, n, content->f[k].a, content->f[k].b))
            return false;
        g->content[g->nc++] = content->f[k];
    }
    if (source) {
        size_t len;
        g->source.a = source->f[0].a;
        g->source.b = source->f[source->nf - 1].b;
        len = EQ_MIN(g->source.b - g->source.a, sizeof g->source_text - 1);
        memcpy(g->source_text, text + g->source.a, len);
        g->source_text[len] = '\0';
    }
    return true;
}

/* ---- Matching ----------------------------------------------------------- */

static size_t overlap(size_t a0, size_t a1, size_t b0, size_t b1)
{
    size_t lo = a0 > b0 ? a0 : b0, hi = a1 < b1 ? a1 : b1;
    return hi > lo ? hi - lo : 0;
}

static size_t quote_len(const tc_quote *q)
{
    size_t k, n = 0;
    for (k = 0; k < q->part_count; k++)
        n += q->part_end[k] - q->part_start[k];
    return n;
}

static size_t cover(const gold *g, const tc_quote *q, size_t *glen)
{
    size_t i, k, n = 0;
    *glen = 0;
    for (i = 0; i < g->nc; i++) {
        *glen += g->content[i].b - g->content[i].a;
        for (k = 0; k < q->part_count; k++)
            n += overlap(g->content[i].a, g->content[i].b, q->part_start[k],
                         q->part_end[k]);
    }
    return n;
}

static bool pronoun(const char *w, size_t n)
{
    static const char *const ps[] = {"he", "she", "it", "they", "we", "i",
                                     "you", NULL};
    size_t k;
    for (k = 0; ps[k]; k++)
        if (strlen(ps[k]) == n && strncasecmp(w, ps[k], n) == 0)
            return true;
    return false;
}

/* Whether the last word of s[0..n) is a word of `hay` (ASCII case
 * folded). */
static bool last_word_in(const char *s, size_t n, const char *hay)
{
    size_t e = n, b, hn = strlen(hay), i;
    while (e > 0 && !isalnum((unsigned char)s[e - 1]))
        e--;
    for (b = e; b > 0 && (isalnum((unsigned char)s[b - 1]) ||
                          (unsigned char)s[b - 1] >= 0x80); b--)
        ;
    if (e - b < 2 || pronoun(s + b, e - b))
        return false;
    for (i = 0; i + (e - b) <= hn; i++)
        if (strncasecmp(hay + i, s + b, e - b) == 0 &&
            (i == 0 || !isalnum((unsigned char)hay[i - 1])) &&
            !isalnum((unsigned char)hay[i + (e - b)]))
            return true;
    return false;
}

static bool speaker_right(const gold *g, const tc_quote *q, const char *text)
{
    if (q->speaker_end > q->speaker_start &&
        overlap(g->source.a, g->source.b, q->speaker_start, q->speaker_end))
        return true;
    if (q->speaker_name[0] &&
        last_word_in(q->speaker_name, strlen(q->speaker_name), g->source_text))
        return true;
    return q->speaker_end > q->speaker_start &&
           last_word_in(text + q->speaker_start,
                        q->speaker_end - q->speaker_start, g->source_text);
}

static void show(const char *what, const char *name, const char *text,
                 size_t a, size_t b, const char *extra)
{
    printf("eval quotes: %s %s: \"%.*s\"%s\n", what, name,
           (int)EQ_MIN(b - a, 160), text + a, extra);
}

/* Scores one article's predictions against its gold quotes. */
static void score(const tc_doc *doc, gold *gs, size_t ng, bool partial_too,
                  tally *t, bool verbose, const char *name)
{
    tc_article_info info;
    size_t n = tc_doc_quote_count(doc), i, j;
    bool *taken = calloc(n + 1, 1);
    tc_doc_info(doc, &info);
    for (i = 0; i < ng; i++) {
        size_t best_cov = 0, best = n, glen = 0;
        for (j = 0; j < n; j++) {
            tc_quote q;
            size_t cov;
            tc_doc_quote(doc, j, &q);
            if (taken[j] || !q.direct || (q.partial && !partial_too))
                continue;
            cov = cover(&gs[i], &q, &glen);
            if (cov * 2 >= glen && quote_len(&q) <= 2 * glen && cov > best_cov) {
                best_cov = cov;
                best = j;
            }
        }
        gs[i].matched = best < n;
        if (best == n) {
            t->fn++;
            if (verbose && !partial_too)
                show("missed", name, info.text, gs[i].content[0].a,
                     gs[i].content[gs[i].nc - 1].b, "");
            continue;
        }
        taken[best] = true;
        t->tp++;
        if (gs[i].source.b > gs[i].source.a) {
            tc_quote q;
            tc_doc_quote(doc, best, &q);
            t->spk_scored++;
            if (speaker_right(&gs[i], &q, info.text))
                t->spk_right++;
            else if (verbose && !partial_too) {
                char extra[400];
                snprintf(extra, sizeof extra, " speaker \"%.*s\" (%s), gold \"%s\"",
                         (int)(q.speaker_end - q.speaker_start),
                         info.text + q.speaker_start, q.speaker_name,
                         gs[i].source_text);
                show("speaker", name, info.text, q.start, q.end, extra);
            }
        }
    }
    for (j = 0; j < n; j++) {
        tc_quote q;
        tc_doc_quote(doc, j, &q);
        if (taken[j] || !q.direct || (q.partial && !partial_too))
            continue;
        t->fp++;
        if (verbose && !partial_too)
            show("extra", name, info.text, q.start, q.end, "");
    }
    free(taken);
}

/* ---- The run ------------------------------------------------------------ */

static size_t read_gold(const char *ann, const char *text, size_t n,
                        const size_t *cp, size_t ncp, span *spans, gold *gs)
{
    FILE *fp = fopen(ann, "r");
    char *line = malloc(EQ_LINE);
    size_t ns = 0, ng = 0;
    if (!fp || !line) {
        if (fp)
            fclose(fp);
        free(line);
        return 0;
    }
    while (fgets(line, EQ_LINE, fp))
        if (line[0] == 'T' && ns < EQ_MAX_SPANS &&
            parse_span(line, cp, ncp, &spans[ns]))
            ns++;
    rewind(fp);
    while (fgets(line, EQ_LINE, fp))
        if (line[0] == 'E' && ng < EQ_MAX_SPANS &&
            parse_event(line, text, n, spans, ns, &gs[ng]))
            ng++;
    fclose(fp);
    free(line);
    return ng;
}

/* The date in "publisher_YYYY-MM-DD_slug". */
static void name_date(const char *name, char date[11])
{
    const char *u = strchr(name, '_');
    date[0] = '\0';
    if (u && strlen(u + 1) >= 10 && u[5] == '-' && u[8] == '-') {
        memcpy(date, u + 1, 10);
        date[10] = '\0';
    }
}

static bool eval_article(tc_doc *doc, const char *dir, const char *ann,
                         span *spans, gold *gs, tally t[2], bool verbose)
{
    char path[4096], base[1024], date[11];
    const char *us = strrchr(ann, '_');
    size_t len, ncp, ng, k;
    size_t *cp;
    char *text;
    tc_article_in in;
    bool ok = false;
    snprintf(base, sizeof base, "%.*s", (int)(us ? us - ann : 0), ann);
    snprintf(path, sizeof path, "%s/text/%s.txt", dir, base);
    text = read_all(path, &len);
    if (!text)
        return false;
    cp = code_points(text, len, &ncp);
    snprintf(path, sizeof path, "%s/attributions/%s", dir, ann);
    ng = cp ? read_gold(path, text, len, cp, ncp, spans, gs) : 0;
    name_date(base, date);
    memset(&in, 0, sizeof in);
    in.id = base;
    in.date = date;
    in.text = text;
    in.text_len = len;
    if (cp && tc_doc_set(doc, &in, NULL) == TC_OK &&
        tc_doc_analyze(doc, NULL) == TC_OK) {
        for (k = 0; k < 2; k++)
            score(doc, gs, ng, k == 1, &t[k], verbose, base);
        ok = true;
    }
    free(cp);
    free(text);
    return ok;
}

static void print_tally(const char *what, const tally *t)
{
    double p = t->tp + t->fp ? (double)t->tp / (t->tp + t->fp) : 0;
    double r = t->tp + t->fn ? (double)t->tp / (t->tp + t->fn) : 0;
    printf("eval quotes: %-30s P %.3f  R %.3f  F1 %.3f  (tp %u fp %u fn %u)\n",
           what, p, r, p + r > 0 ? 2 * p * r / (p + r) : 0, t->tp, t->fp,
           t->fn);
}

int tc_cli_eval_quotes(tc_engine *engine, const char *dir, bool verbose)
{
    size_t n, i, articles = 0;
    char **names = list_ann(dir, &n);
    char prev[1024] = "";
    span *spans = malloc(EQ_MAX_SPANS * sizeof *spans);
    gold *gs = malloc(EQ_MAX_SPANS * sizeof *gs);
    tc_doc *doc = tc_doc_new(engine);
    tally t[2];
    int status = 0;
    memset(t, 0, sizeof t);
    if (!names || !spans || !gs || !doc) {
        fprintf(stderr, "tacitus: %s: cannot read attributions/ (or out of memory)\n", dir);
        status = 2;
        goto out;
    }
    for (i = 0; i < n; i++) {
        const char *us = strrchr(names[i], '_');
        size_t blen = us ? (size_t)(us - names[i]) : strlen(names[i]);
        if (blen == strlen(prev) && strncmp(prev, names[i], blen) == 0)
            continue; /* a second annotator of the same article */
        snprintf(prev, sizeof prev, "%.*s", (int)blen, names[i]);
        if (eval_article(doc, dir, names[i], spans, gs, t, verbose))
            articles++;
        else
            fprintf(stderr, "tacitus: %s: cannot evaluate\n", names[i]);
    }
    printf("eval quotes: %zu articles\n", articles);
    print_tally("direct quotes", &t[0]);
    print_tally("direct, partial ones counted", &t[1]);
    printf("eval quotes: speaker %u/%u = %.1f%% (of matched quotes with a "
           "gold source)\n",
           t[0].spk_right, t[0].spk_scored,
           t[0].spk_scored ? 100.0 * t[0].spk_right / t[0].spk_scored : 0.0);
    if (articles == 0)
        status = 2;
out:
    for (i = 0; names && i < n; i++)
        free(names[i]);
    free(names);
    free(spans);
    free(gs);
    tc_doc_free(doc);
    return status;
}
