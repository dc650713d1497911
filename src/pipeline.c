/*
 * pipeline.c - the one place that knows the order of the stages.
 *
 * An article goes: decode (raw bytes -> valid UTF-8 article text) ->
 * normalize (-> matching text and offset map) -> paragraphs -> roles ->
 * sentences -> tokens -> roles -> actors -> places -> dates -> events ->
 * counts -> quotes (from actors on, when the engine has loaded its
 * dictionaries and gazetteer; places, dates, counts and quotes unless
 * no_facts).  Stages never call each other; each reads what the
 * previous one left in the document.
 */
#include "doc.h"
#include "html/html.h"

#include <string.h>

static tc_status fail(tc_doc *doc, tc_error *err, tc_status st,
                      const char *stage)
{
    return tc_error_set(err, st, doc->id, 0, 0, "%s: %s", stage,
                        tc_status_str(st));
}

/* Splits every paragraph into sentences and every sentence into tokens. */
static tc_status split_paragraphs(tc_doc *doc)
{
    size_t max_sentence = doc->engine->opt.limits.max_sentence_bytes;
    size_t i, j;
    tc_status st;
    for (i = 0; i < doc->paras.n; i++) {
        tc_para *p = tc_vec_at(&doc->paras, i);
        size_t first = doc->sents.n;
        st = tc_text_sentences(doc->norm.norm, p->start, p->end, max_sentence,
                               &doc->sents);
        if (st != TC_OK)
            return st;
        p->first_sentence = (uint32_t)first;
        p->sentence_count = (uint32_t)(doc->sents.n - first);
        for (j = first; j < doc->sents.n; j++) {
            tc_sent *s = tc_vec_at(&doc->sents, j);
            size_t t0 = doc->toks.n;
            s->para = (uint32_t)i;
            st = tc_text_tokens(doc->norm.norm, s->start, s->end, &doc->toks);
            if (st != TC_OK)
                return st;
            s->first_token = (uint32_t)t0;
            s->token_count = (uint32_t)(doc->toks.n - t0);
        }
    }
    return TC_OK;
}

/* The article date as a number, 0 when unknown. */
static tc_day article_day(const tc_doc *doc)
{
    tc_day d = 0;
    if (doc->date[0] && tc_day_parse(doc->date, strlen(doc->date), false, &d))
        d = 0;
    return d;
}

static tc_status find_actors(tc_doc *doc, const tc_keys *keys)
{
    tc_actor_input in;
    in.keys = keys;
    in.norm = doc->norm.norm;
    in.paras = &doc->paras;
    in.sents = &doc->sents;
    in.toks = &doc->toks;
    in.day = article_day(doc);
    return tc_extract_actors(doc->engine->actors, &in, &doc->arena,
                             &doc->mentions);
}

static tc_status find_places(tc_doc *doc, const tc_keys *keys)
{
    tc_place_input in;
    in.keys = keys;
    in.norm = doc->norm.norm;
    in.paras = &doc->paras;
    in.sents = &doc->sents;
    in.toks = &doc->toks;
    in.mentions = &doc->mentions;
    in.actors = doc->engine->actors;
    return tc_extract_places(doc->engine->places, &in, &doc->arena,
                             &doc->places);
}

static tc_status find_events(tc_doc *doc, const tc_keys *keys)
{
    tc_event_input in;
    in.keys = keys;
    in.norm = doc->norm.norm;
    in.paras = &doc->paras;
    in.sents = &doc->sents;
    in.toks = &doc->toks;
    in.mentions = &doc->mentions;
    return tc_extract_events(doc->engine->verbs, &in, &doc->arena,
                             &doc->events);
}

static tc_status find_dates(tc_doc *doc, const tc_keys *keys)
{
    tc_date_input in;
    in.norm = doc->norm.norm;
    in.paras = &doc->paras;
    in.sents = &doc->sents;
    in.toks = &doc->toks;
    in.keys = keys;
    in.day = article_day(doc);
    return tc_extract_dates(&in, &doc->dates);
}

/* Each event takes the date its sentence gives nearest to its verb, else
 * the article's. */
static void date_events(tc_doc *doc)
{
    tc_day day = article_day(doc);
    size_t i;
    for (i = 0; i < doc->events.n; i++) {
        tc_event_rec *e = tc_vec_at(&doc->events, i);
        const tc_date_rec *d = tc_date_near(&doc->dates, e->sentence, e->verb0);
        e->dated = d != NULL;
        e->date_precision = d ? d->precision : TC_DATE_DAY;
        tc_day_format(d ? d->day : day, e->date);
    }
}

static tc_status find_counts(tc_doc *doc, const tc_keys *keys)
{
    tc_count_input in;
    in.paras = &doc->paras;
    in.sents = &doc->sents;
    in.toks = &doc->toks;
    in.keys = keys;
    in.mentions = &doc->mentions;
    in.dates = &doc->dates;
    in.day = article_day(doc);
    return tc_extract_counts(&in, &doc->arena, &doc->counts);
}

static tc_status find_quotes(tc_doc *doc, const tc_keys *keys)
{
    tc_quote_input in;
    in.keys = keys;
    in.norm = doc->norm.norm;
    in.text = doc->text.text;
    in.map = &doc->norm.map;
    in.paras = &doc->paras;
    in.sents = &doc->sents;
    in.toks = &doc->toks;
    in.mentions = &doc->mentions;
    return tc_extract_quotes(&in, &doc->arena, &doc->quotes);
}

tc_status tc_pipeline_run(tc_doc *doc, tc_error *err)
{
    tc_keys keys;
    tc_status st;
    bool facts;
    tc_vec_clear(&doc->paras);
    tc_vec_clear(&doc->sents);
    tc_vec_clear(&doc->toks);
    st = tc_text_decode(&doc->arena, doc->raw, doc->raw_len, &doc->text);
    if (st != TC_OK)
        return fail(doc, err, st, "decode");
    st = tc_text_normalize(&doc->arena, doc->text.text, doc->text.len,
                           &doc->norm);
    if (st != TC_OK)
        return fail(doc, err, st, "normalize");
    st = tc_text_paragraphs(doc->norm.norm, doc->norm.len, &doc->paras);
    if (st != TC_OK)
        return fail(doc, err, st, "paragraphs");
    if (doc->line_roles) /* an HTML page: roles from its markup */
        tc_html_preset_roles(doc->norm.norm, &doc->paras, doc->line_roles,
                             doc->line_role_count);
    st = split_paragraphs(doc);
    if (st != TC_OK)
        return fail(doc, err, st, "sentences");
    st = tc_text_roles(&doc->arena, doc->norm.norm, &doc->paras, &doc->sents,
                       &doc->toks, doc->has_title);
    if (st != TC_OK)
        return fail(doc, err, st, "roles");
    tc_vec_clear(&doc->mentions);
    tc_vec_clear(&doc->events);
    tc_vec_clear(&doc->dates);
    tc_vec_clear(&doc->counts);
    tc_vec_clear(&doc->quotes);
    if (!doc->engine->actors)
        return TC_OK;
    st = tc_keys_build(&doc->arena, doc->norm.norm, &doc->toks, &keys);
    if (st == TC_OK)
        st = find_actors(doc, &keys);
    if (st != TC_OK)
        return fail(doc, err, st, "actors");
    facts = !doc->engine->opt.no_facts;
    if (facts && doc->engine->places) {
        st = find_places(doc, &keys);
        if (st != TC_OK)
            return fail(doc, err, st, "places");
    }
    st = facts ? find_dates(doc, &keys) : TC_OK;
    if (st != TC_OK)
        return fail(doc, err, st, "dates");
    if (doc->engine->verbs) {
        st = find_events(doc, &keys);
        if (st != TC_OK)
            return fail(doc, err, st, "events");
        date_events(doc);
    }
    st = facts ? find_counts(doc, &keys) : TC_OK;
    if (st != TC_OK)
        return fail(doc, err, st, "counts");
    st = facts ? find_quotes(doc, &keys) : TC_OK;
    if (st != TC_OK)
        return fail(doc, err, st, "quotes");
    return TC_OK;
}
