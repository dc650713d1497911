/*
 * eval_clean.c - `tacitus eval clean DIR`: main-text extraction against a
 * benchmark laid out as DIR/evaldata.json ({url: {"file", "with": [...],
 * "without": [...]}}) and DIR/html/FILE[.gz] (the trafilatura evaluation
 * set in ../shared/dev/clean/trafilatura-eval/).
 *
 * Scoring follows the set's score.py: the extracted body (the `text` of
 * `tacitus clean`) and every segment have their white-space runs (Python's
 * \s, Unicode) folded to one space and are trimmed; a "with" segment found
 * in the body is a true positive, else a false negative; a "without"
 * segment found is a false positive, else a true negative.  A page that
 * cannot be read or extracted misses all its "with" segments.  Precision,
 * recall, accuracy and F1 are micro-averaged over segments.  Also printed:
 * milliseconds per page for extraction and analysis (median, 95th
 * percentile; reading and gunzip excluded), throughput, and how often the
 * publication date matches the set's "date" where it has one.
 */
#define _GNU_SOURCE /* memmem */
#include "tacitus.h"
#include "eval.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zlib.h>

#define PAGE_MAX (64u * 1024u * 1024u)

typedef struct tally {
    unsigned long tp, fp, fn, tn;
    unsigned long dates, dates_right;
    size_t pages, failed;
    double *ms;
    double bytes;
} tally;

/* Whether the UTF-8 sequence at s[0..n) is a Python \s character; its
 * length in *len. */
static bool py_space(const unsigned char *s, size_t n, size_t *len)
{
    unsigned c = s[0];
    *len = 1;
    if (c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F))
        return true;
    if (c == 0xC2 && n >= 2 && (s[1] == 0x85 || s[1] == 0xA0)) {
        *len = 2;
        return true;
    }
    if (n >= 3 && ((c == 0xE1 && s[1] == 0x9A && s[2] == 0x80) ||
                   (c == 0xE2 && s[1] == 0x80 &&
                    ((s[2] >= 0x80 && s[2] <= 0x8A) || s[2] == 0xA8 ||
                     s[2] == 0xA9 || s[2] == 0xAF)) ||
                   (c == 0xE2 && s[1] == 0x81 && s[2] == 0x9F) ||
                   (c == 0xE3 && s[1] == 0x80 && s[2] == 0x80))) {
        *len = 3;
        return true;
    }
    return false;
}

/* White-space runs to one space, trimmed (score.py's norm), in a new
 * buffer; *out_len its length. */
static char *fold(const char *s, size_t n, size_t *out_len)
{
    char *out = malloc(n + 1);
    size_t i = 0, o = 0, len;
    bool space = false;
    if (!out)
        return NULL;
    while (i < n) {
        if (py_space((const unsigned char *)s + i, n - i, &len)) {
            space = o > 0;
            i += len;
            continue;
        }
        if (space)
            out[o++] = ' ';
        space = false;
        out[o++] = s[i++];
    }
    out[o] = '\0';
    *out_len = o;
    return out;
}

static bool is_body(tc_role role)
{
    return role == TC_ROLE_BODY || role == TC_ROLE_LEAD ||
           role == TC_ROLE_SUBHEAD;
}

/* The body of an analysed article: its body paragraphs, one a line. */
static char *body_text(const tc_doc *doc, size_t *len)
{
    tc_article_info info;
    size_t i, n = tc_doc_paragraph_count(doc), o = 0;
    char *out;
    tc_doc_info(doc, &info);
    out = malloc(info.text_len + 1);
    if (!out)
        return NULL;
    for (i = 0; i < n; i++) {
        tc_paragraph p;
        tc_doc_paragraph(doc, i, &p);
        if (!is_body(p.role))
            continue;
        if (o)
            out[o++] = '\n';
        memcpy(out + o, info.text + p.start, p.end - p.start);
        o += p.end - p.start;
    }
    out[o] = '\0';
    *len = o;
    return out;
}

static char *gunzip(const char *path, size_t *len)
{
    gzFile gz = gzopen(path, "rb");
    size_t cap = 1 << 20, n = 0;
    char *buf;
    if (!gz)
        return NULL;
    buf = malloc(cap);
    while (buf) {
        int got;
        if (n == cap) {
            char *nb = cap >= PAGE_MAX ? NULL : realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = nb;
            cap *= 2;
        }
        got = gzread(gz, buf + n, (unsigned)(cap - n));
        if (got < 0) {
            free(buf);
            buf = NULL;
        } else if (got == 0) {
            break;
        } else {
            n += (size_t)got;
        }
    }
    gzclose(gz);
    *len = n;
    return buf;
}

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

/* Counts the segments of `list` found in the folded body. */
static unsigned count_found(json_t *list, const char *body, size_t blen,
                            bool verbose, const char *file, const char *tag,
                            bool report_found)
{
    size_t i;
    unsigned found = 0;
    for (i = 0; i < json_array_size(list); i++) {
        json_t *seg = json_array_get(list, i);
        size_t sl;
        char *s;
        bool hit;
        if (!json_is_string(seg))
            continue;
        s = fold(json_string_value(seg), json_string_length(seg), &sl);
        if (!s)
            continue;
        hit = body && (sl == 0 || memmem(body, blen, s, sl) != NULL);
        found += hit;
        if (verbose && hit == report_found)
            printf("%s\t%s\t%s\n", file, tag, s);
        free(s);
    }
    return found;
}

static void eval_page(tc_engine *engine, tc_doc *doc, const char *dir,
                      json_t *item, bool verbose, tally *t)
{
    const char *file = json_string_value(json_object_get(item, "file"));
    json_t *with = json_object_get(item, "with");
    json_t *without = json_object_get(item, "without");
    const char *want_date = json_string_value(json_object_get(item, "date"));
    char path[4096];
    char *html, *body = NULL, *folded = NULL;
    size_t len = 0, blen = 0, flen = 0;
    unsigned a, b;
    if (!file)
        return;
    snprintf(path, sizeof path, "%s/html/%s.gz", dir, file);
    html = gunzip(path, &len);
    if (html) {
        tc_error err;
        tc_reader *r = tc_reader_open_memory(engine, file, html, len,
                                             TC_FORMAT_HTML, &err);
        double t0 = now_ms();
        if (r && tc_reader_next(r, doc, &err) == TC_OK &&
            tc_doc_analyze(doc, &err) == TC_OK) {
            tc_article_info info;
            body = body_text(doc, &blen);
            t->ms[t->pages] = now_ms() - t0;
            t->bytes += (double)len;
            t->pages++;
            tc_doc_info(doc, &info);
            if (want_date && want_date[0]) {
                t->dates++;
                t->dates_right += strncmp(info.date, want_date, 10) == 0;
            }
        }
        tc_reader_close(r);
        free(html);
    }
    if (body)
        folded = fold(body, blen, &flen);
    else
        t->failed++;
    a = count_found(with, folded, flen, verbose, file, "missed", false);
    b = count_found(without, folded, flen, verbose, file, "kept", true);
    t->tp += a;
    t->fn += json_array_size(with) - a;
    t->fp += b;
    t->tn += json_array_size(without) - b;
    free(body);
    free(folded);
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static void report(tally *t)
{
    double p = t->tp + t->fp ? (double)t->tp / (double)(t->tp + t->fp) : 0;
    double r = t->tp + t->fn ? (double)t->tp / (double)(t->tp + t->fn) : 0;
    double all = (double)(t->tp + t->fp + t->fn + t->tn);
    double f1 = 2.0 * (double)t->tp / (double)(2 * t->tp + t->fp + t->fn);
    double total = 0, med = 0, p95 = 0;
    size_t i;
    for (i = 0; i < t->pages; i++)
        total += t->ms[i];
    if (t->pages) {
        qsort(t->ms, t->pages, sizeof *t->ms, cmp_double);
        med = t->ms[t->pages / 2];
        p95 = t->ms[(size_t)((double)t->pages * 0.95)];
    }
    printf("eval clean: docs=%zu failed=%zu segments with=%lu without=%lu\n",
           t->pages + t->failed, t->failed, t->tp + t->fn, t->fp + t->tn);
    printf("eval clean: precision=%.3f recall=%.3f accuracy=%.3f f1=%.3f\n",
           p, r, all > 0 ? (double)(t->tp + t->tn) / all : 0, f1);
    printf("eval clean: ms/page median=%.2f p95=%.2f  %.1f MB/s\n", med, p95,
           total > 0 ? t->bytes / 1e6 / (total / 1e3) : 0);
    printf("eval clean: date %lu/%lu pages with a gold date\n",
           t->dates_right, t->dates);
}

int tc_cli_eval_clean(tc_engine *engine, const char *dir, bool verbose)
{
    char path[4096];
    json_error_t jerr;
    json_t *gold, *item;
    const char *url;
    tc_doc *doc = tc_doc_new(engine);
    tally t;
    memset(&t, 0, sizeof t);
    snprintf(path, sizeof path, "%s/evaldata.json", dir);
    gold = json_load_file(path, 0, &jerr);
    if (!gold || !json_is_object(gold) || !doc) {
        fprintf(stderr, "tacitus: %s:%d: error: %s\n", path, jerr.line,
                gold ? "not an object" : jerr.text);
        json_decref(gold);
        tc_doc_free(doc);
        return 2;
    }
    t.ms = calloc(json_object_size(gold) + 1, sizeof *t.ms);
    if (!t.ms) {
        json_decref(gold);
        tc_doc_free(doc);
        return 2;
    }
    json_object_foreach(gold, url, item) {
        (void)url;
        if (json_is_object(item))
            eval_page(engine, doc, dir, item, verbose, &t);
    }
    report(&t);
    free(t.ms);
    json_decref(gold);
    tc_doc_free(doc);
    return 0;
}
