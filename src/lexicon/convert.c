/*
 * convert.c - `tacitus dict convert`: a TABARI or PETRARCH dictionary
 * written in our own formats (docs/FORMATS.md).  Verbs go through the
 * line-by-line TABARI converter of tabari.c; actors and agents are read
 * by peer.c into a lexicon, whose entries are then written as our actor
 * dictionary: "TYPE: Name", "names:" (the keys of its names, lower case)
 * and one "code:" line per dated code (FROM..TO).  What our format cannot
 * say is lost, and said in a comment: an agent code put before the
 * actor's ("[NGM~]").  Verb codes outside the CAMEO table of the data
 * directory become "=CODE", as `--verbs` would read them.
 */
#include "lexicon.h"
#include "verbs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_FILE (64u * 1024u * 1024u)

#ifndef TC_DATA_DIR
#define TC_DATA_DIR "data"
#endif

static bool in_table(const char *code, void *kctx)
{
    return tc_verbs_find_code(kctx, code) != NULL;
}

typedef struct names_out {
    FILE *out;
    int n;
} names_out;

static bool put_name(void *ctx, const char *words)
{
    names_out *o = ctx;
    const char *p;
    fputs(o->n++ ? "; " : "", o->out);
    for (p = words; *p; p++)
        fputc(*p == '\n' ? ' ' : *p, o->out);
    return true;
}

static void put_day(FILE *out, tc_day d)
{
    if (d)
        fprintf(out, "%04d-%02d-%02d", (int)(d / 10000), (int)(d / 100 % 100),
                (int)(d % 100));
}

static void write_entry(const tc_lexicon *lx, uint32_t i, FILE *out)
{
    const tc_entry *e = tc_lexicon_entry(lx, i);
    names_out no = {out, 0};
    uint32_t k;
    fprintf(out, "%s: %s\n", tc_actor_type_name((tc_actor_type)e->type),
            tc_lexicon_str(lx, e->name));
    fputs("    names: ", out);
    tc_lexicon_entry_names(lx, i, put_name, &no);
    fputc('\n', out);
    for (k = 0; k < e->period_count; k++) {
        const tc_period *p = tc_lexicon_period(lx, e->first_period + k);
        const char *roles = p->roles ? tc_lexicon_str(lx, p->roles) : "";
        fprintf(out, "    code: %s", tc_lexicon_str(lx, p->code));
        if (p->from || p->to) {
            fputc(' ', out);
            put_day(out, p->from);
            fputs("..", out);
            put_day(out, p->to);
        }
        fputc('\n', out);
        if (strcmp(roles, "prefix") == 0)
            fputs("    # TABARI/PETRARCH: this agent code goes before the "
                  "actor's\n", out);
    }
}

static tc_status convert_actors(const tc_allocator *a, const char *path,
                                FILE *out, tc_warn_fn warn, void *ctx,
                                tc_error *err)
{
    tc_lexicon *lx = tc_lexicon_new(a);
    size_t bad = 0, i, n;
    tc_status st;
    if (!lx)
        return tc_error_set(err, TC_ERR_NOMEM, path, 0, 0, "out of memory");
    st = tc_lexicon_load(lx, path, TC_DICT_AUTO, warn, ctx, &bad);
    if (st == TC_OK)
        st = tc_lexicon_freeze(lx);
    if (st != TC_OK) {
        tc_lexicon_free(lx);
        return tc_error_set(err, st, path, 0, 0, "cannot read: %s",
                            tc_status_str(st));
    }
    fprintf(out, "# Converted by `tacitus dict convert` from %s\n", path);
    n = tc_lexicon_entry_count(lx);
    for (i = 0; i < n; i++) {
        fputc('\n', out);
        write_entry(lx, (uint32_t)i, out);
    }
    tc_lexicon_free(lx);
    return ferror(out) ? tc_error_set(err, TC_ERR_IO, "-", 0, 0,
                                      "cannot write the output")
                       : TC_OK;
}

tc_status tc_dict_convert(const char *path, const char *kind, FILE *out,
                          tc_warn_fn warn, void *warn_ctx, tc_error *err)
{
    const tc_allocator *a = tc_default_allocator();
    char *text, *conv;
    size_t len, n = 0, bad = 0;
    bool verbs;
    tc_status st = tc_read_file(a, path, MAX_FILE, &text, &len);
    if (st != TC_OK)
        return tc_error_set(err, st, path, 0, 0, "cannot read the file");
    verbs = kind ? strcmp(kind, "verbs") == 0 : tc_verbs_is_tabari(text, len);
    if (!verbs) {
        tc_free(a, text);
        return convert_actors(a, path, out, warn, warn_ctx, err);
    }
    {
        /* codes outside the CAMEO table are written "=CODE", as --verbs
         * reads them */
        const char *base = getenv("TACITUS_DATA");
        char codes[4096];
        tc_verbs *v = tc_verbs_new(a);
        size_t ignore = 0;
        snprintf(codes, sizeof codes, "%s/cameo-codes.tsv", base ? base : TC_DATA_DIR);
        if (v && tc_verbs_load_codes(v, codes, NULL, NULL, &ignore) != TC_OK) {
            tc_verbs_free(v);
            v = NULL;
        }
        conv = tc_verbs_convert_tabari(a, path, text, len, v ? in_table : NULL,
                                       v, warn, warn_ctx, &bad, &n);
        tc_verbs_free(v);
    }
    tc_free(a, text);
    if (!conv)
        return tc_error_set(err, TC_ERR_NOMEM, path, 0, 0, "out of memory");
    fprintf(out, "# Converted by `tacitus dict convert` from %s\n", path);
    fwrite(conv, 1, n, out);
    tc_free(a, conv);
    return ferror(out) ? tc_error_set(err, TC_ERR_IO, "-", 0, 0,
                                      "cannot write the output")
                       : TC_OK;
}
