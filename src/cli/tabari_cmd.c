/*
 * tabari_cmd.c - the TABARI project commands of the tacitus tool, through
 * the public API only:
 *
 *   tacitus code --tabari-project FILE.project
 *       codes every record of the project's text file with TABARI's
 *       semantics and writes our event records (kind "event", the record
 *       id as article);
 *   tacitus eval tabari [--verbose] FILE.project
 *       the validation suite: each record's "{ SRC / TGT / CODE }"
 *       comments are its expected events ("{---}", "{###}", "{+++}" and
 *       records without any: none; "-{...}" is switched off); ids repeat,
 *       so expected and coded events are compared per id over the union of
 *       its records.  Prints every failing id and "N passed, N failed";
 *       --verbose also prints "PASS ID" for each passing id (and the
 *       dictionaries' warnings).
 *
 *   tacitus dict convert [--kind actors|agents|verbs] FILE
 *       a TABARI or PETRARCH dictionary in our format, on standard output.
 *
 * OPTION records ("{ OPTION: SET: CODE ALL }") are applied before the
 * records after them, as TABARI does.
 */
#include "tacitus.h"
#include "eval.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_IDS 2048
#define MAX_EVENTS 32 /* per id */
#define TRIPLE 256

typedef struct id_result {
    char id[64];
    char want[MAX_EVENTS][TRIPLE], got[MAX_EVENTS][TRIPLE];
    int nwant, ngot;
} id_result;

static void on_warn(void *ctx, const tc_error *w)
{
    (void)ctx;
    fprintf(stderr, "tacitus: %s:%llu: warning: %s\n", w->file,
            (unsigned long long)w->line, w->message);
}

static void on_warn_quiet(void *ctx, const tc_error *w)
{
    (void)ctx;
    (void)w;
}

static tc_tabari *open_project(const char *path, bool quiet)
{
    tc_error err;
    tc_tabari *t = tc_tabari_open(path, NULL, quiet ? on_warn_quiet : on_warn,
                                  NULL, &err);
    if (!t)
        fprintf(stderr, "tacitus: %s: error: %s\n", err.file[0] ? err.file : path,
                err.message);
    return t;
}

static void slice(char *out, size_t cap, const char *text, size_t a, size_t b)
{
    size_t n = b > a ? b - a : 0;
    if (n >= cap)
        n = cap - 1;
    memcpy(out, text + a, n);
    out[n] = '\0';
}

static int write_event(const tc_tabari_record *r, const tc_tabari_event *e)
{
    char root[3] = {0}, st[256], tt[256], vt[256];
    json_t *o;
    char *line;
    memcpy(root, e->code, strlen(e->code) >= 2 ? 2 : strlen(e->code));
    slice(st, sizeof st, r->text, e->source_start, e->source_end);
    slice(tt, sizeof tt, r->text, e->target_start, e->target_end);
    slice(vt, sizeof vt, r->text, e->verb_start, e->verb_end);
    o = json_pack("{s:s,s:s,s:I,s:I,s:I,s:s,s:s,s:s,s:s,s:s,s:s,s:n,s:n,s:s,"
                  "s:s,s:b,s:s,s:s,s:s,s:s,s:s,s:s}",
                  "kind", "event", "article", r->id, "sentence",
                  (json_int_t)e->sentence, "start", (json_int_t)e->start, "end",
                  (json_int_t)e->end, "date", r->date, "date_precision", "day",
                  "source", e->source, "target", e->target, "code", e->code,
                  "root", root, "quad", "goldstein", "plover", "",
                  "plover_mode", "", "negated", 0, "modality", "asserted",
                  "reported_by", "", "role", "body", "source_text", st,
                  "target_text", tt, "verb_text", vt);
    if (!o)
        return -1;
    line = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
    json_decref(o);
    if (!line)
        return -1;
    puts(line);
    free(line);
    return 0;
}

int tc_cli_tabari_code(const char *project, bool quiet)
{
    tc_tabari *t = open_project(project, quiet);
    tc_tabari_record r;
    int status = 0;
    if (!t)
        return 2;
    while (status == 0 && tc_tabari_next(t, &r) == TC_OK) {
        size_t n, i;
        tc_tabari_apply_options(t, r.comment);
        if (tc_tabari_code(t, r.text, strlen(r.text), r.date, &n) != TC_OK) {
            fprintf(stderr, "tacitus: %s: record %s: out of memory\n", project, r.id);
            status = 2;
            break;
        }
        for (i = 0; i < n && status == 0; i++) {
            tc_tabari_event e;
            tc_tabari_event_at(t, i, &e);
            if (write_event(&r, &e) != 0)
                status = 2;
        }
    }
    tc_tabari_close(t);
    if (fflush(stdout) != 0)
        status = 2;
    return status;
}

/* ---- The validation suite -------------------------------------------- */

static void trim_copy(char *out, size_t cap, const char *s, size_t n)
{
    while (n && (*s == ' ' || *s == '\t' || *s == '\n'))
        s++, n--;
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n'))
        n--;
    if (n >= cap)
        n = cap - 1;
    memcpy(out, s, n);
    out[n] = '\0';
}

static void add_triple(char set[][TRIPLE], int *n, const char *t)
{
    int i;
    for (i = 0; i < *n; i++)
        if (strcmp(set[i], t) == 0)
            return;
    if (*n < MAX_EVENTS)
        snprintf(set[(*n)++], TRIPLE, "%s", t);
}

/* The "{ SRC / TGT / CODE }" expectations of a comment. */
static void expectations(const char *c, id_result *r)
{
    const char *p = c;
    while ((p = strchr(p, '{')) != NULL) {
        const char *e = strchr(p, '}'), *s1, *s2;
        char src[64], tgt[64], code[64], t[TRIPLE];
        bool off = p > c && p[-1] == '-';
        if (!e)
            break;
        s1 = memchr(p, '/', (size_t)(e - p));
        s2 = s1 ? memchr(s1 + 1, '/', (size_t)(e - s1 - 1)) : NULL;
        if (!off && s1 && s2 && !memchr(p, ':', (size_t)(e - p))) {
            trim_copy(src, sizeof src, p + 1, (size_t)(s1 - p - 1));
            trim_copy(tgt, sizeof tgt, s1 + 1, (size_t)(s2 - s1 - 1));
            trim_copy(code, sizeof code, s2 + 1, (size_t)(e - s2 - 1));
            if (strcmp(code, "---") != 0 && strcmp(code, "###") != 0 &&
                strcmp(code, "+++") != 0) {
                snprintf(t, sizeof t, "%s / %s / %s", src, tgt, code);
                add_triple(r->want, &r->nwant, t);
            }
        }
        p = e + 1;
    }
}

static id_result *find_id(id_result *ids, int *n, const char *id)
{
    int i;
    for (i = 0; i < *n; i++)
        if (strcmp(ids[i].id, id) == 0)
            return &ids[i];
    if (*n == MAX_IDS)
        return NULL;
    memset(&ids[*n], 0, sizeof ids[*n]);
    snprintf(ids[*n].id, sizeof ids[*n].id, "%s", id);
    return &ids[(*n)++];
}

static bool same_sets(const id_result *r)
{
    int i, j;
    if (r->nwant != r->ngot)
        return false;
    for (i = 0; i < r->nwant; i++) {
        bool found = false;
        for (j = 0; j < r->ngot && !found; j++)
            found = strcmp(r->want[i], r->got[j]) == 0;
        if (!found)
            return false;
    }
    return true;
}

static void print_set(const char *what, char set[][TRIPLE], int n)
{
    int i;
    printf("    %s:", what);
    if (!n)
        printf(" (none)");
    for (i = 0; i < n; i++)
        printf(" {%s}", set[i]);
    printf("\n");
}

int tc_cli_eval_tabari(const char *project, bool verbose)
{
    tc_tabari *t = open_project(project, !verbose);
    tc_tabari_record r;
    id_result *ids = calloc(MAX_IDS, sizeof *ids);
    int nids = 0, i, passed = 0, records = 0;
    if (!t || !ids) {
        tc_tabari_close(t);
        free(ids);
        return 2;
    }
    while (tc_tabari_next(t, &r) == TC_OK) {
        id_result *x = find_id(ids, &nids, r.id);
        size_t n, k;
        records++;
        tc_tabari_apply_options(t, r.comment);
        if (!x || tc_tabari_code(t, r.text, strlen(r.text), r.date, &n) != TC_OK)
            break;
        expectations(r.comment, x);
        for (k = 0; k < n; k++) {
            tc_tabari_event e;
            char tr[TRIPLE];
            tc_tabari_event_at(t, k, &e);
            snprintf(tr, sizeof tr, "%s / %s / %s", e.source, e.target, e.code);
            add_triple(x->got, &x->ngot, tr);
        }
    }
    for (i = 0; i < nids; i++) {
        if (same_sets(&ids[i])) {
            passed++;
            if (verbose)
                printf("PASS %s\n", ids[i].id);
            continue;
        }
        printf("FAIL %s\n", ids[i].id);
        print_set("expected", ids[i].want, ids[i].nwant);
        print_set("coded", ids[i].got, ids[i].ngot);
    }
    printf("tabari suite: %d records, %d ids: %d passed, %d failed (%.1f%%)\n",
           records, nids, passed, nids - passed,
           nids ? 100.0 * passed / nids : 0.0);
    printf("%d passed, %d failed\n", passed, nids - passed);
    tc_tabari_close(t);
    free(ids);
    return 0;
}

int tc_cli_dict(int argc, char **argv)
{
    const char *kind = NULL;
    tc_error err;
    int i = 2;
    if (argc < 3 || strcmp(argv[1], "convert") != 0)
        goto usage;
    if (strcmp(argv[2], "--kind") == 0) {
        if (argc < 5)
            goto usage;
        kind = argv[3];
        i = 4;
        if (strcmp(kind, "actors") != 0 && strcmp(kind, "agents") != 0 &&
            strcmp(kind, "verbs") != 0)
            goto usage;
    }
    if (i != argc - 1)
        goto usage;
    if (tc_dict_convert(argv[i], kind, stdout, on_warn, NULL, &err) != TC_OK) {
        fprintf(stderr, "tacitus: %s: error: %s\n", err.file[0] ? err.file : argv[i],
                err.message);
        return 2;
    }
    return fflush(stdout) == 0 ? 0 : 2;
usage:
    fprintf(stderr, "usage: tacitus dict convert [--kind actors|agents|verbs] FILE\n");
    return 2;
}
