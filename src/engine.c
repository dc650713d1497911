/*
 * engine.c - the long-lived engine: options with their defaults filled in
 * and validated once.  Immutable after tc_engine_new, so threads may share
 * it.
 */
#include "doc.h"
#include "html/html.h"
#include "ingest/ingest.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DEFAULT_MAX_ARTICLE (16u * 1024u * 1024u)
#define DEFAULT_MAX_RECORD (64u * 1024u * 1024u)
#define DEFAULT_MAX_SENTENCE 4096u
#define DEFAULT_MAX_PARAGRAPHS 100000u
#define DEFAULT_MAX_TOKENS 4000000u
#define DEFAULT_MAX_DIR_DEPTH 32u
#define DEFAULT_MAX_HTML (50u * 1024u * 1024u)
#define MAX_OFFSET_BYTES ((size_t)UINT32_MAX / 4u) /* offsets are uint32 */

void tc_options_init(tc_options *opt)
{
    memset(opt, 0, sizeof *opt);
    opt->input_format = TC_FORMAT_AUTO;
}

static void fill_limits(tc_limits *l)
{
    if (!l->max_article_bytes)
        l->max_article_bytes = DEFAULT_MAX_ARTICLE;
    if (!l->max_record_bytes)
        l->max_record_bytes = DEFAULT_MAX_RECORD;
    if (!l->max_sentence_bytes)
        l->max_sentence_bytes = DEFAULT_MAX_SENTENCE;
    if (!l->max_paragraphs)
        l->max_paragraphs = DEFAULT_MAX_PARAGRAPHS;
    if (!l->max_tokens)
        l->max_tokens = DEFAULT_MAX_TOKENS;
    if (!l->max_dir_depth)
        l->max_dir_depth = DEFAULT_MAX_DIR_DEPTH;
    if (!l->max_html_bytes)
        l->max_html_bytes = DEFAULT_MAX_HTML;
}

tc_engine *tc_engine_new(const tc_options *opt, tc_error *err)
{
    tc_options def;
    const tc_allocator *a;
    tc_engine *e;
    if (!opt) {
        tc_options_init(&def);
        opt = &def;
    }
    tc_html_init(); /* libxml2's globals, once, before threads share us */
    a = opt->allocator ? opt->allocator : tc_default_allocator();
    e = tc_malloc(a, sizeof *e);
    if (!e) {
        tc_error_set(err, TC_ERR_NOMEM, NULL, 0, 0, "out of memory");
        return NULL;
    }
    memset(e, 0, sizeof *e);
    e->opt = *opt;
    e->alloc = *a;
    e->opt.allocator = &e->alloc;
    fill_limits(&e->opt.limits);
    e->opt.default_date = NULL;
    e->opt.warn = opt->warn;
    if (e->opt.limits.max_article_bytes > MAX_OFFSET_BYTES ||
        e->opt.limits.max_record_bytes > MAX_OFFSET_BYTES * 2 ||
        e->opt.limits.max_html_bytes > MAX_OFFSET_BYTES * 2) {
        tc_error_set(err, TC_ERR_USAGE, NULL, 0, 0,
                     "size limits must stay under %zu bytes", MAX_OFFSET_BYTES);
        goto fail;
    }
    if (opt->default_date && opt->default_date[0] &&
        tc_date_parse(opt->default_date, strlen(opt->default_date),
                      e->default_date) != TC_OK) {
        tc_error_set(err, TC_ERR_USAGE, NULL, 0, 0,
                     "bad date \"%s\" (want YYYY-MM-DD)", opt->default_date);
        goto fail;
    }
    return e;
fail:
    tc_free(a, e);
    return NULL;
}

void tc_engine_free(tc_engine *engine)
{
    if (!engine)
        return;
    tc_lexicon_free(engine->actors);
    tc_verbs_free(engine->verbs);
    tc_gazetteer_free(engine->places);
    tc_free(&engine->alloc, engine);
}

#ifndef TC_DATA_DIR
#define TC_DATA_DIR "data"
#endif

typedef struct warn_relay {
    const tc_options *opt;
} warn_relay;

static void relay(void *ctx, const tc_error *w)
{
    const warn_relay *r = ctx;
    if (r->opt->warn)
        r->opt->warn(r->opt->warn_ctx, w);
}

static tc_status load_files(tc_lexicon *lx, const char *const *files, size_t n,
                            warn_relay *wr, size_t *bad, tc_error *err)
{
    size_t i;
    for (i = 0; i < n; i++) {
        tc_status st = tc_lexicon_load(lx, files[i], TC_DICT_AUTO, relay, wr,
                                       bad);
        if (st != TC_OK)
            return tc_error_set(err, st, files[i], 0, 0,
                                "cannot load dictionary: %s",
                                tc_status_str(st));
    }
    return TC_OK;
}

/* DATA/name, where DATA is the data_dir option, else $TACITUS_DATA, else
 * the build's data folder. */
static const char *data_path(const tc_engine *e, const char *name, char *buf,
                             size_t cap)
{
    const char *base = e->opt.data_dir ? e->opt.data_dir : getenv("TACITUS_DATA");
    snprintf(buf, cap, "%s/%s", base ? base : TC_DATA_DIR, name);
    return buf;
}

tc_status tc_engine_load_actors(tc_engine *e, size_t *bad_lines, tc_error *err)
{
    const tc_options *o = &e->opt;
    warn_relay wr = {o};
    size_t bad = 0;
    char dir[4096];
    tc_lexicon *lx;
    tc_status st = TC_OK;
    if (e->actors)
        return TC_OK;
    lx = tc_lexicon_new(&e->alloc);
    if (!lx)
        return tc_error_set(err, TC_ERR_NOMEM, NULL, 0, 0, "out of memory");
    data_path(e, "actors", dir, sizeof dir);
    if (!o->no_builtin_actors &&
        tc_lexicon_load_dir(lx, dir, relay, &wr, &bad) != TC_OK)
        st = tc_error_set(err, TC_ERR_IO, dir, 0, 0,
                          "cannot read the actor dictionaries (set "
                          "TACITUS_DATA or --data)");
    if (st == TC_OK)
        st = load_files(lx, o->actor_files, o->actor_file_count, &wr, &bad, err);
    if (st == TC_OK)
        st = load_files(lx, o->agent_files, o->agent_file_count, &wr, &bad, err);
    if (st == TC_OK && tc_lexicon_freeze(lx) != TC_OK)
        st = tc_error_set(err, TC_ERR_NOMEM, NULL, 0, 0, "out of memory");
    if (st != TC_OK) {
        tc_lexicon_free(lx);
        return st;
    }
    e->actors = lx;
    if (bad_lines)
        *bad_lines = bad;
    return TC_OK;
}

size_t tc_engine_actor_entries(const tc_engine *e)
{
    return e && e->actors ? tc_lexicon_entry_count(e->actors) : 0;
}

size_t tc_engine_actor_names(const tc_engine *e)
{
    return e && e->actors ? tc_lexicon_name_count(e->actors) : 0;
}

tc_status tc_format_parse(const char *name, tc_format *out)
{
    static const struct {
        const char *name;
        tc_format format;
    } names[] = {{"auto", TC_FORMAT_AUTO},
                 {"text", TC_FORMAT_TEXT},
                 {"jsonl", TC_FORMAT_JSONL},
                 {"html", TC_FORMAT_HTML}};
    size_t i;
    for (i = 0; name && i < sizeof names / sizeof names[0]; i++) {
        if (strcmp(name, names[i].name) == 0) {
            *out = names[i].format;
            return TC_OK;
        }
    }
    return TC_ERR_USAGE;
}

tc_status tc_engine_load_events(tc_engine *e, size_t *bad_lines, tc_error *err)
{
    const tc_options *o = &e->opt;
    warn_relay wr = {o};
    size_t bad = 0;
    char path[4096];
    tc_verbs *v;
    tc_status st;
    size_t i;
    if (e->verbs)
        return TC_OK;
    st = tc_engine_load_actors(e, &bad, err);
    if (st != TC_OK)
        return st;
    v = tc_verbs_new(&e->alloc);
    if (!v)
        return tc_error_set(err, TC_ERR_NOMEM, NULL, 0, 0, "out of memory");
    st = tc_verbs_load_codes(v, data_path(e, "cameo-codes.tsv", path, sizeof path),
                             relay, &wr, &bad);
    if (st == TC_OK && !o->no_builtin_verbs)
        st = tc_verbs_load_dir(v, data_path(e, "verbs", path, sizeof path),
                               relay, &wr, &bad);
    for (i = 0; st == TC_OK && i < o->verb_file_count; i++) {
        snprintf(path, sizeof path, "%s", o->verb_files[i]);
        st = tc_verbs_load_file(v, path, relay, &wr, &bad);
    }
    if (st == TC_OK)
        st = tc_events_register(v);
    if (st == TC_OK)
        st = tc_verbs_freeze(v);
    if (st != TC_OK) {
        tc_verbs_free(v);
        return tc_error_set(err, st, path, 0, 0,
                            "cannot load the event patterns: %s",
                            tc_status_str(st));
    }
    e->verbs = v;
    if (bad_lines)
        *bad_lines = bad;
    return TC_OK;
}

size_t tc_engine_event_patterns(const tc_engine *e)
{
    return e && e->verbs ? tc_verbs_pattern_count(e->verbs) : 0;
}

/* ---- Places ------------------------------------------------------------ */

#ifndef TC_GAZETTEER_FILE
#define TC_GAZETTEER_FILE "build/gazetteer.tsv"
#endif

/* The gazetteer option, else $TACITUS_GAZETTEER, else the one the build
 * made; then DATA/places-extra.txt. */
tc_status tc_engine_load_places(tc_engine *e, size_t *bad_lines, tc_error *err)
{
    warn_relay wr = {&e->opt};
    const char *files[2];
    char extra[4096];
    size_t bad = 0;
    tc_gazetteer *g;
    tc_status st;
    if (e->places)
        return TC_OK;
    st = tc_engine_load_actors(e, &bad, err);
    if (st != TC_OK)
        return st;
    files[0] = e->opt.gazetteer_file ? e->opt.gazetteer_file
                                     : getenv("TACITUS_GAZETTEER");
    if (!files[0])
        files[0] = TC_GAZETTEER_FILE;
    files[1] = data_path(e, "places-extra.txt", extra, sizeof extra);
    g = tc_gazetteer_new(&e->alloc);
    if (!g)
        return tc_error_set(err, TC_ERR_NOMEM, NULL, 0, 0, "out of memory");
    st = tc_gazetteer_load_files(g, files, 2, relay, &wr, &bad, err);
    if (st == TC_OK) {
        st = tc_gazetteer_freeze(g);
        if (st != TC_OK)
            tc_error_set(err, st, NULL, 0, 0, "cannot index the gazetteer: %s",
                         tc_status_str(st));
    }
    if (st != TC_OK) {
        tc_gazetteer_free(g);
        return st;
    }
    e->places = g;
    if (bad_lines)
        *bad_lines = bad;
    return TC_OK;
}
