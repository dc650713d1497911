/*
 * doc.c - the document: loading an article (metadata copied into the
 * arena, the date checked, a separate title put in front of the text) and
 * reading back what the pipeline found, with matching-text offsets mapped to
 * article-text offsets at this boundary.
 */
#include "doc.h"
#include "ingest/ingest.h"

#include <string.h>

static const char *const role_names[TC_ROLE_COUNT_] = {
    "body",      "title",       "lead",       "caption",
    "subhead",   "pullquote",   "attribution", "boilerplate"};

const char *tc_role_name(tc_role role)
{
    return (unsigned)role < TC_ROLE_COUNT_ ? role_names[role] : "body";
}

tc_doc *tc_doc_new(tc_engine *engine)
{
    const tc_allocator *a;
    const tc_limits *l;
    tc_doc *doc;
    if (!engine)
        return NULL;
    a = &engine->alloc;
    l = &engine->opt.limits;
    doc = tc_malloc(a, sizeof *doc);
    if (!doc)
        return NULL;
    memset(doc, 0, sizeof *doc);
    doc->engine = engine;
    doc->alloc = a;
    tc_arena_init(&doc->arena, a);
    tc_vec_init(&doc->paras, a, sizeof(tc_para), l->max_paragraphs);
    tc_vec_init(&doc->sents, a, sizeof(tc_sent), l->max_tokens);
    tc_vec_init(&doc->toks, a, sizeof(tc_tok), l->max_tokens);
    tc_vec_init(&doc->mentions, a, sizeof(tc_mention), l->max_tokens);
    tc_vec_init(&doc->events, a, sizeof(tc_event_rec), l->max_tokens);
    tc_vec_init(&doc->dates, a, sizeof(tc_date_rec), l->max_tokens);
    tc_vec_init(&doc->counts, a, sizeof(tc_count_rec), l->max_tokens);
    tc_vec_init(&doc->quotes, a, sizeof(tc_quote_rec), l->max_tokens);
    tc_places_init(&doc->places, a, l->max_tokens);
    return doc;
}

void tc_doc_free(tc_doc *doc)
{
    if (!doc)
        return;
    tc_arena_free(&doc->arena);
    tc_vec_free(&doc->paras);
    tc_vec_free(&doc->sents);
    tc_vec_free(&doc->toks);
    tc_vec_free(&doc->mentions);
    tc_vec_free(&doc->events);
    tc_vec_free(&doc->dates);
    tc_vec_free(&doc->counts);
    tc_vec_free(&doc->quotes);
    tc_places_free(&doc->places);
    tc_free(doc->alloc, doc);
}

static void doc_reset(tc_doc *doc)
{
    tc_arena_reset(&doc->arena);
    tc_vec_clear(&doc->paras);
    tc_vec_clear(&doc->sents);
    tc_vec_clear(&doc->toks);
    tc_vec_clear(&doc->mentions);
    tc_vec_clear(&doc->events);
    tc_vec_clear(&doc->dates);
    tc_vec_clear(&doc->counts);
    tc_vec_clear(&doc->quotes);
    tc_places_clear(&doc->places);
    doc->id = doc->date = doc->title = "";
    doc->url = doc->source = doc->language = "";
    doc->raw = "";
    doc->raw_len = 0;
    doc->has_title = false;
    doc->extra_invalid = 0;
    memset(&doc->text, 0, sizeof doc->text);
    memset(&doc->norm, 0, sizeof doc->norm);
    doc->loaded = doc->analyzed = false;
    doc->author = "";
    doc->line_roles = NULL;
    doc->line_role_count = 0;
}

void tc_doc_add_invalid(tc_doc *doc, size_t n)
{
    doc->extra_invalid += n;
}

static const char *copy_meta(tc_doc *doc, const char *s, bool *ok)
{
    const char *p;
    if (!s || !*s)
        return "";
    p = tc_arena_strndup(&doc->arena, s, strlen(s));
    if (!p)
        *ok = false;
    return p ? p : "";
}

/* Whether the first line of `text` is `title` (white space aside). */
static bool text_starts_with(const char *text, size_t n, const char *title)
{
    tc_sv t = tc_sv_trim(tc_sv_make(text, n));
    tc_sv h = tc_sv_trim(tc_sv_cstr(title));
    const char *nl;
    if (h.n == 0)
        return true;
    nl = t.n ? memchr(t.p, '\n', t.n) : NULL;
    if (nl)
        t.n = (size_t)(nl - t.p);
    return tc_sv_eq(tc_sv_trim(t), h);
}

static tc_status set_text(tc_doc *doc, const tc_article_in *in)
{
    size_t tlen = doc->title[0] ? strlen(doc->title) : 0;
    char *raw;
    if (tlen == 0 || text_starts_with(in->text, in->text_len, doc->title)) {
        doc->raw = tc_arena_strndup(&doc->arena, in->text ? in->text : "",
                                    in->text ? in->text_len : 0);
        doc->raw_len = in->text ? in->text_len : 0;
        doc->has_title = false;
        return doc->raw ? TC_OK : TC_ERR_NOMEM;
    }
    if (in->text_len > SIZE_MAX - tlen - 3)
        return TC_ERR_LIMIT;
    raw = tc_arena_alloc(&doc->arena, tlen + 2 + in->text_len + 1);
    if (!raw)
        return TC_ERR_NOMEM;
    memcpy(raw, doc->title, tlen);
    memcpy(raw + tlen, "\n\n", 2);
    if (in->text_len)
        memcpy(raw + tlen + 2, in->text, in->text_len);
    raw[tlen + 2 + in->text_len] = '\0';
    doc->raw = raw;
    doc->raw_len = tlen + 2 + in->text_len;
    doc->has_title = true;
    return TC_OK;
}

static void set_date(tc_doc *doc, const char *date, bool *ok)
{
    char buf[11];
    const tc_engine *e = doc->engine;
    tc_error warn;
    if (!date || !*date) {
        doc->date = copy_meta(doc, e->default_date, ok);
        return;
    }
    if (tc_date_parse(date, strlen(date), buf) == TC_OK) {
        doc->date = copy_meta(doc, buf, ok);
        return;
    }
    doc->date = copy_meta(doc, e->default_date, ok);
    if (e->opt.warn) {
        tc_error_set(&warn, TC_ERR_INPUT, NULL, 0, 0,
                     "record \"%s\": unreadable date \"%.40s\", kept with %s",
                     doc->id, date,
                     e->default_date[0] ? "the --date date" : "an unknown date");
        e->opt.warn(e->opt.warn_ctx, &warn);
    }
}

tc_status tc_doc_set(tc_doc *doc, const tc_article_in *in, tc_error *err)
{
    bool ok = true;
    tc_status st;
    size_t extra;
    if (!doc || !in)
        return tc_error_set(err, TC_ERR_USAGE, NULL, 0, 0, "no document");
    extra = doc->extra_invalid;
    doc_reset(doc);
    doc->extra_invalid = extra; /* set by the reader just before */
    if (in->text_len > doc->engine->opt.limits.max_article_bytes)
        return tc_error_set(err, TC_ERR_LIMIT, NULL, 0, 0,
                            "article text of %zu bytes is over the limit of %zu",
                            in->text_len,
                            doc->engine->opt.limits.max_article_bytes);
    doc->id = copy_meta(doc, in->id, &ok);
    doc->title = copy_meta(doc, in->title, &ok);
    doc->url = copy_meta(doc, in->url, &ok);
    doc->source = copy_meta(doc, in->source, &ok);
    doc->language = copy_meta(doc, in->language, &ok);
    doc->author = copy_meta(doc, in->author, &ok);
    set_date(doc, in->date, &ok);
    if (!ok)
        return tc_error_set(err, TC_ERR_NOMEM, NULL, 0, 0, "out of memory");
    st = set_text(doc, in);
    if (st != TC_OK)
        return tc_error_set(err, st, NULL, 0, 0, "%s", tc_status_str(st));
    doc->loaded = true;
    return TC_OK;
}

tc_status tc_doc_analyze(tc_doc *doc, tc_error *err)
{
    tc_status st;
    if (!doc || !doc->loaded)
        return tc_error_set(err, TC_ERR_USAGE, NULL, 0, 0, "no article loaded");
    st = tc_pipeline_run(doc, err);
    doc->analyzed = (st == TC_OK);
    return st;
}

tc_status tc_doc_input(const tc_doc *doc, tc_article_in *out)
{
    size_t skip;
    if (!doc || !doc->loaded)
        return TC_ERR_USAGE;
    skip = doc->has_title ? strlen(doc->title) + 2 : 0;
    out->id = doc->id;
    out->date = doc->date;
    out->title = doc->title;
    out->url = doc->url;
    out->source = doc->source;
    out->language = doc->language;
    out->text = doc->raw + skip;
    out->text_len = doc->raw_len - skip;
    return TC_OK;
}

void tc_doc_info(const tc_doc *doc, tc_article_info *out)
{
    out->id = doc->id ? doc->id : "";
    out->date = doc->date ? doc->date : "";
    out->title = doc->title ? doc->title : "";
    out->url = doc->url ? doc->url : "";
    out->source = doc->source ? doc->source : "";
    out->language = doc->language ? doc->language : "";
    out->text = doc->analyzed ? doc->text.text : "";
    out->text_len = doc->analyzed ? doc->text.len : 0;
    out->invalid_bytes = doc->text.invalid + doc->extra_invalid;
    out->mojibake_fixed = doc->text.mojibake;
    out->author = doc->author ? doc->author : "";
}

size_t tc_doc_paragraph_count(const tc_doc *doc)
{
    return doc && doc->analyzed ? doc->paras.n : 0;
}

size_t tc_doc_sentence_count(const tc_doc *doc)
{
    return doc && doc->analyzed ? doc->sents.n : 0;
}

size_t tc_doc_token_count(const tc_doc *doc)
{
    return doc && doc->analyzed ? doc->toks.n : 0;
}

static size_t to_text(const tc_doc *doc, uint32_t norm_off)
{
    return tc_offmap_to_text(&doc->norm.map, norm_off);
}

tc_status tc_doc_paragraph(const tc_doc *doc, size_t i, tc_paragraph *out)
{
    const tc_para *p;
    if (i >= tc_doc_paragraph_count(doc))
        return TC_ERR_USAGE;
    p = tc_vec_at(&doc->paras, i);
    out->start = to_text(doc, p->start);
    out->end = to_text(doc, p->end);
    out->role = p->role;
    out->first_sentence = p->first_sentence;
    out->sentence_count = p->sentence_count;
    return TC_OK;
}

tc_status tc_doc_sentence(const tc_doc *doc, size_t i, tc_sentence *out)
{
    const tc_sent *s;
    const tc_para *p;
    if (i >= tc_doc_sentence_count(doc))
        return TC_ERR_USAGE;
    s = tc_vec_at(&doc->sents, i);
    p = tc_vec_at(&doc->paras, s->para);
    out->paragraph = (size_t)s->para + 1;
    out->number = i + 1;
    out->role = p->role;
    out->start = to_text(doc, s->start);
    out->end = to_text(doc, s->end);
    out->first_token = s->first_token;
    out->token_count = s->token_count;
    out->repeat_of = s->repeat_of;
    return TC_OK;
}

tc_status tc_doc_token(const tc_doc *doc, size_t i, tc_token *out)
{
    const tc_tok *t;
    if (i >= tc_doc_token_count(doc))
        return TC_ERR_USAGE;
    t = tc_vec_at(&doc->toks, i);
    out->start = to_text(doc, t->start);
    out->end = to_text(doc, t->end);
    out->norm = doc->norm.norm + t->start;
    out->norm_len = (size_t)(t->end - t->start);
    out->kind = (tc_token_kind)t->kind;
    out->flags = t->flags;
    return TC_OK;
}

/* ---- Actors ------------------------------------------------------------ */

const char *tc_match_kind_name(tc_match_kind kind)
{
    static const char *const names[] = {"exact", "variant", "fuzzy", "role",
                                        "coref"};
    return (unsigned)kind < 5 ? names[kind] : "exact";
}

size_t tc_doc_actor_count(const tc_doc *doc)
{
    return doc && doc->analyzed ? doc->mentions.n : 0;
}

tc_status tc_doc_actor(const tc_doc *doc, size_t i, tc_actor *out)
{
    const tc_mention *m;
    const tc_lexicon *lx;
    const tc_tok *a, *b;
    if (i >= tc_doc_actor_count(doc))
        return TC_ERR_USAGE;
    m = tc_vec_at(&doc->mentions, i);
    lx = doc->engine->actors;
    a = tc_vec_at(&doc->toks, m->tok0);
    b = tc_vec_at(&doc->toks, m->tok1 - 1);
    out->sentence = (size_t)m->sentence + 1;
    out->start = to_text(doc, a->start);
    out->end = to_text(doc, b->end);
    out->code = m->code;
    out->country = m->country;
    out->agent = m->agent;
    out->affiliation = m->affiliation;
    out->name = tc_lexicon_str(lx, tc_lexicon_entry(lx, m->entry)->name);
    out->type = tc_actor_type_name((tc_actor_type)m->type);
    out->match = (tc_match_kind)m->match;
    return TC_OK;
}

/* ---- Events ------------------------------------------------------------ */

size_t tc_doc_event_count(const tc_doc *doc)
{
    return doc && doc->analyzed ? doc->events.n : 0;
}

static const char *mention_code(const tc_doc *doc, int32_t m, size_t *start,
                                size_t *end)
{
    const tc_mention *x;
    const tc_tok *a, *b;
    *start = *end = 0;
    if (m < 0)
        return "";
    x = tc_vec_at(&doc->mentions, (size_t)m);
    a = tc_vec_at(&doc->toks, x->tok0);
    b = tc_vec_at(&doc->toks, x->tok1 - 1);
    *start = to_text(doc, a->start);
    *end = to_text(doc, b->end);
    return x->code;
}

tc_status tc_doc_event(const tc_doc *doc, size_t i, tc_event *out)
{
    static const char *const mods[] = {"asserted", "future", "hypothetical",
                                       "past", "reported"};
    const tc_event_rec *r;
    const tc_code_info *c;
    const tc_tok *a, *b;
    size_t ignore;
    if (i >= tc_doc_event_count(doc))
        return TC_ERR_USAGE;
    r = tc_vec_at(&doc->events, i);
    c = tc_verbs_code(doc->engine->verbs, r->code);
    a = tc_vec_at(&doc->toks, r->tok0);
    b = tc_vec_at(&doc->toks, r->tok1 - 1);
    out->sentence = (size_t)r->sentence + 1;
    out->start = to_text(doc, a->start);
    out->end = to_text(doc, b->end);
    out->date = r->date;
    out->date_precision = tc_date_precision_name((tc_date_precision)r->date_precision);
    out->dated = r->dated != 0;
    out->source = mention_code(doc, r->source, &out->source_start,
                               &out->source_end);
    out->target = mention_code(doc, r->target, &out->target_start,
                               &out->target_end);
    out->reported_by = mention_code(doc, r->reporter, &ignore, &ignore);
    out->code = c->code;
    out->root = c->root;
    out->quad = c->quad;
    out->goldstein = c->goldstein;
    out->plover = c->plover;
    out->plover_mode = c->plover_mode;
    out->negated = r->negated != 0;
    out->modality = mods[r->modality < 5 ? r->modality : 0];
    out->role = tc_role_name(((const tc_para *)tc_vec_at(
        &doc->paras, ((const tc_sent *)tc_vec_at(&doc->sents, r->sentence))->para))->role);
    a = tc_vec_at(&doc->toks, r->verb0);
    b = tc_vec_at(&doc->toks, r->verb1 - 1);
    out->verb_start = to_text(doc, a->start);
    out->verb_end = to_text(doc, b->end);
    return TC_OK;
}

/* ---- Counts ------------------------------------------------------------ */

size_t tc_doc_count_count(const tc_doc *doc)
{
    return doc && doc->analyzed ? doc->counts.n : 0;
}

tc_status tc_doc_count(const tc_doc *doc, size_t i, tc_count *out)
{
    const tc_count_rec *r;
    const tc_tok *a, *b;
    size_t ignore;
    if (i >= tc_doc_count_count(doc))
        return TC_ERR_USAGE;
    r = tc_vec_at(&doc->counts, i);
    a = tc_vec_at(&doc->toks, r->tok0);
    b = tc_vec_at(&doc->toks, r->tok1 - 1);
    out->sentence = (size_t)r->sentence + 1;
    out->start = to_text(doc, a->start);
    out->end = to_text(doc, b->end);
    a = tc_vec_at(&doc->toks, r->num0);
    b = tc_vec_at(&doc->toks, r->num1 - 1);
    out->number_start = to_text(doc, a->start);
    out->number_end = to_text(doc, b->end);
    out->type = tc_count_type_name((tc_count_type)r->type);
    out->number = r->number;
    out->high = r->high;
    out->precision = tc_num_precision_name((tc_num_precision)r->precision);
    out->object = r->object;
    out->object_code = r->object_code;
    out->actor_code = mention_code(doc, r->actor, &ignore, &ignore);
    out->cumulative = r->cumulative != 0;
    out->since_year = r->since_year;
    out->singular = r->singular != 0;
    tc_day_format(r->date, out->date);
    tc_day_format(r->date_end, out->date_end);
    out->date_precision =
        tc_date_precision_name((tc_date_precision)r->date_precision);
    return TC_OK;
}
