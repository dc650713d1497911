/*
 * fuzz_text.c - libFuzzer target for the text stage: any bytes as an
 * article's text (and, when it holds a NUL, the part before it as its
 * title), through decode, normalize, paragraphs, roles, sentences,
 * tokens, actors, places, dates, events, counts and quotes, with every
 * offset checked against
 * the article text.
 */
#include "tacitus.h"

#include <stdlib.h>
#include <string.h>

static void check_offsets(const tc_doc *doc)
{
    tc_article_info info;
    size_t i, n;
    tc_doc_info(doc, &info);
    n = tc_doc_sentence_count(doc);
    for (i = 0; i < n; i++) {
        tc_sentence s;
        tc_doc_sentence(doc, i, &s);
        if (s.start > s.end || s.end > info.text_len)
            abort();
    }
    n = tc_doc_token_count(doc);
    for (i = 0; i < n; i++) {
        tc_token t;
        tc_doc_token(doc, i, &t);
        if (t.start > t.end || t.end > info.text_len || t.norm_len == 0)
            abort();
    }
    n = tc_doc_actor_count(doc);
    for (i = 0; i < n; i++) {
        tc_actor a;
        tc_doc_actor(doc, i, &a);
        if (a.start >= a.end || a.end > info.text_len || !a.code)
            abort();
    }
    n = tc_doc_place_count(doc);
    for (i = 0; i < n; i++) {
        tc_place p;
        tc_doc_place(doc, i, &p);
        if (p.start >= p.end || p.end > info.text_len || !p.name[0] ||
            p.sentence == 0 || p.sentence > tc_doc_sentence_count(doc))
            abort();
    }
    n = tc_doc_sentence_count(doc);
    for (i = 0; i < n; i++) {
        tc_place p;
        if (tc_doc_sentence_place(doc, i, &p) == TC_OK &&
            (p.end > info.text_len || !p.precision[0]))
            abort();
    }
    n = tc_doc_count_count(doc);
    for (i = 0; i < n; i++) {
        tc_count c;
        tc_doc_count(doc, i, &c);
        if (c.start >= c.end || c.end > info.text_len || c.number < 0 ||
            c.number_start < c.start || c.number_end > c.end || c.high < c.number)
            abort();
    }
    n = tc_doc_event_count(doc);
    for (i = 0; i < n; i++) {
        tc_event e;
        tc_doc_event(doc, i, &e);
        if (e.start >= e.end || e.end > info.text_len || e.verb_end > info.text_len ||
            (!e.source[0] && !e.target[0]))
            abort();
    }
    n = tc_doc_quote_count(doc);
    for (i = 0; i < n; i++) {
        tc_quote q;
        size_t k;
        tc_doc_quote(doc, i, &q);
        if (q.part_count < 1 || q.part_count > TC_QUOTE_MAX_PARTS ||
            q.start >= q.end || q.end > info.text_len ||
            q.speaker_start > q.speaker_end || q.speaker_end > info.text_len ||
            q.cue_end > info.text_len || !q.speaker_name || !q.speaker_code)
            abort();
        for (k = 0; k < q.part_count; k++)
            if (q.part_start[k] >= q.part_end[k] ||
                (k && q.part_start[k] < q.part_end[k - 1]))
                abort();
    }
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    static tc_engine *engine;
    static tc_doc *doc;
    tc_article_in in;
    const unsigned char *nul = memchr(data, 0, size);
    char title[256] = "";
    if (!engine) {
        engine = tc_engine_new(NULL, NULL);
        /* With the built-in dictionaries and patterns, actors and events
         * are found too. */
        tc_engine_load_events(engine, NULL, NULL);
        tc_engine_load_places(engine, NULL, NULL); /* the built gazetteer */
        doc = tc_doc_new(engine);
    }
    memset(&in, 0, sizeof in);
    in.id = "fuzz";
    in.text = (const char *)data;
    in.text_len = size;
    if (nul && (size_t)(nul - data) < sizeof title) {
        memcpy(title, data, (size_t)(nul - data));
        title[nul - data] = '\0';
        in.title = title;
        in.text = (const char *)nul + 1;
        in.text_len = size - (size_t)(nul - data) - 1;
    }
    if (tc_doc_set(doc, &in, NULL) == TC_OK &&
        tc_doc_analyze(doc, NULL) == TC_OK)
        check_offsets(doc);
    return 0;
}
