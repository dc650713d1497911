/*
 * doc_places.c - reading back the places the pipeline found: mentions,
 * each sentence's place (for events and counts), and the place a name
 * would be in an article, with matching-text offsets mapped to the article
 * text as in doc.c.
 */
#include "doc.h"

#include <string.h>

size_t tc_engine_place_count(const tc_engine *e)
{
    return e && e->places ? tc_gazetteer_count(e->places) : 0;
}

size_t tc_doc_place_count(const tc_doc *doc)
{
    return doc && doc->analyzed && doc->engine->places
               ? doc->places.mentions.n
               : 0;
}

/* The place record `entry` as a public place (no position). */
static void fill_place(const tc_doc *doc, uint32_t entry, tc_place *out)
{
    const tc_gazetteer *g = doc->engine->places;
    const tc_place_rec *r = tc_gazetteer_place(g, entry);
    memset(out, 0, sizeof *out);
    out->name = tc_gazetteer_name(g, entry);
    out->geonames_id = r->geonames_id;
    out->country = r->country;
    out->adm1 = r->adm1;
    out->has_coords = r->has_coords != 0;
    out->lat = r->has_coords ? r->lat / 1e5 : 0;
    out->lon = r->has_coords ? r->lon / 1e5 : 0;
    out->precision = tc_place_kind_name((tc_place_kind)r->kind);
}

static void fill_mention(const tc_doc *doc, const tc_place_mention *m,
                         tc_place *out)
{
    const tc_tok *a = tc_vec_at(&doc->toks, m->tok0);
    const tc_tok *b = tc_vec_at(&doc->toks, m->tok1 - 1);
    fill_place(doc, m->place, out);
    out->sentence = (size_t)m->sentence + 1;
    out->start = tc_offmap_to_text(&doc->norm.map, a->start);
    out->end = tc_offmap_to_text(&doc->norm.map, b->end);
    out->fuzzy = m->fuzzy != 0;
    out->as_actor = m->as_actor != 0;
    if (m->kind == TC_PLACE_REGION && m->name) {
        /* a region of a country ("eastern Ukraine"): no point of its own */
        out->name = m->name;
        out->geonames_id = 0;
        out->adm1 = "";
        out->has_coords = false;
        out->lat = out->lon = 0;
    }
    out->precision = tc_place_kind_name((tc_place_kind)m->kind);
}

tc_status tc_doc_place(const tc_doc *doc, size_t i, tc_place *out)
{
    if (i >= tc_doc_place_count(doc))
        return TC_ERR_USAGE;
    fill_mention(doc, tc_vec_at(&doc->places.mentions, i), out);
    return TC_OK;
}

tc_status tc_doc_sentence_place(const tc_doc *doc, size_t i, tc_place *out)
{
    const tc_places *p;
    if (!doc || !doc->analyzed || !doc->engine->places)
        return TC_DONE;
    p = &doc->places;
    if (p->best && i < p->best_n && p->best[i] >= 0) {
        fill_mention(doc, tc_vec_at(&p->mentions, (size_t)p->best[i]), out);
        return TC_OK;
    }
    if (p->dominant < 0)
        return TC_DONE;
    fill_place(doc, (uint32_t)p->dominant, out);
    return TC_OK;
}

tc_status tc_doc_place_lookup(const tc_doc *doc, const char *name,
                              tc_place *out)
{
    int32_t e;
    if (!doc || !name || !doc->engine->places)
        return TC_ERR_USAGE;
    e = tc_places_resolve(doc->engine->places, &doc->places, name,
                          strlen(name));
    if (e < 0)
        return TC_DONE;
    fill_place(doc, (uint32_t)e, out);
    return TC_OK;
}
