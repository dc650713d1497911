/*
 * engine.c - the long-lived engine: options with their defaults filled in
 * and validated once.  Immutable after tc_engine_new, so threads may share
 * it.
 */
#include "doc.h"
#include "ingest/ingest.h"

#include <string.h>

#define DEFAULT_MAX_ARTICLE (16u * 1024u * 1024u)
#define DEFAULT_MAX_RECORD (64u * 1024u * 1024u)
#define DEFAULT_MAX_SENTENCE 4096u
#define DEFAULT_MAX_PARAGRAPHS 100000u
#define DEFAULT_MAX_TOKENS 4000000u
#define DEFAULT_MAX_DIR_DEPTH 32u
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
    if (e->opt.limits.max_article_bytes > MAX_OFFSET_BYTES ||
        e->opt.limits.max_record_bytes > MAX_OFFSET_BYTES * 2) {
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
    if (engine)
        tc_free(&engine->alloc, engine);
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
