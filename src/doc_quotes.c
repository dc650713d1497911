/*
 * doc_quotes.c - reading back the quotes the pipeline found, with
 * matching-text offsets mapped to article-text offsets (as doc.c does for
 * the other records).
 */
#include "doc.h"

size_t tc_doc_quote_count(const tc_doc *doc)
{
    return doc && doc->analyzed ? doc->quotes.n : 0;
}

static size_t to_text(const tc_doc *doc, uint32_t norm_off)
{
    return tc_offmap_to_text(&doc->norm.map, norm_off);
}

/* The article-text range of tokens [t0, t1), or 0, 0 when empty. */
static void tok_range(const tc_doc *doc, uint32_t t0, uint32_t t1,
                      size_t *start, size_t *end)
{
    const tc_tok *a, *b;
    *start = *end = 0;
    if (t1 <= t0)
        return;
    a = tc_vec_at(&doc->toks, t0);
    b = tc_vec_at(&doc->toks, t1 - 1);
    *start = to_text(doc, a->start);
    *end = to_text(doc, b->end);
}

tc_status tc_doc_quote(const tc_doc *doc, size_t i, tc_quote *out)
{
    const tc_quote_rec *r;
    const tc_lexicon *lx;
    size_t k;
    if (i >= tc_doc_quote_count(doc))
        return TC_ERR_USAGE;
    r = tc_vec_at(&doc->quotes, i);
    lx = doc->engine->actors;
    out->sentence = (size_t)r->sentence + 1;
    out->part_count = r->nparts;
    for (k = 0; k < TC_QUOTE_MAX_PARTS; k++) {
        out->part_start[k] = k < r->nparts ? to_text(doc, r->part0[k]) : 0;
        out->part_end[k] = k < r->nparts ? to_text(doc, r->part1[k]) : 0;
    }
    out->start = out->part_start[0];
    out->end = out->part_end[r->nparts - 1];
    tok_range(doc, r->spk0, r->spk1, &out->speaker_start, &out->speaker_end);
    tok_range(doc, r->cue0, r->cue1, &out->cue_start, &out->cue_end);
    out->speaker_name = out->speaker_code = "";
    if (r->mention >= 0) {
        const tc_mention *m = tc_vec_at(&doc->mentions, (size_t)r->mention);
        out->speaker_name =
            tc_lexicon_str(lx, tc_lexicon_entry(lx, m->entry)->name);
        out->speaker_code = m->code;
    }
    out->direct = r->direct != 0;
    out->partial = r->partial != 0;
    return TC_OK;
}
