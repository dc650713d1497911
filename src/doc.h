/*
 * doc.h - the engine and document structures, private to the library.  The
 * document owns one arena (text buffers, metadata) and reusable arrays of
 * paragraphs, sentences and tokens; every stage fills a part of it, in the
 * order pipeline.c gives.
 */
#ifndef TC_DOC_H
#define TC_DOC_H

#include "core/core.h"
#include "extract/extract.h"
#include "text/text.h"

struct tc_engine {
    tc_options opt;      /* limits filled with defaults */
    tc_allocator alloc;  /* a copy of the caller's hook */
    char default_date[11];
    tc_lexicon *actors;  /* NULL until tc_engine_load_actors */
    tc_verbs *verbs;     /* NULL until tc_engine_load_events */
    tc_gazetteer *places; /* NULL until tc_engine_load_places */
};

struct tc_doc {
    tc_engine *engine;
    const tc_allocator *alloc;
    tc_arena arena;

    /* Metadata, in the arena; never NULL once set. */
    const char *id, *date, *title, *url, *source, *language;
    /* The input text (title prepended when given apart), in the arena. */
    const char *raw;
    size_t raw_len;
    bool has_title;        /* the first paragraph is the metadata title */
    size_t extra_invalid;  /* invalid bytes repaired before the doc saw them */

    tc_decoded text;       /* the article text */
    tc_normalized norm;    /* the matching text and its offset map */
    tc_vec paras;          /* tc_para */
    tc_vec sents;          /* tc_sent */
    tc_vec toks;           /* tc_tok */
    tc_vec mentions;       /* tc_mention */
    tc_vec events;         /* tc_event_rec */
    tc_vec dates;          /* tc_date_rec */
    tc_vec counts;         /* tc_count_rec */
    tc_vec quotes;         /* tc_quote_rec */
    tc_places places;      /* place mentions and each sentence's place */
    bool loaded, analyzed;
    /* HTML pages (src/html/): the author, and the role of each line of the
     * raw text, which the pipeline gives its paragraphs. */
    const char *author;
    const uint8_t *line_roles;
    size_t line_role_count;
};

/* Pipeline stages over a loaded document (pipeline.c). */
tc_status tc_pipeline_run(tc_doc *doc, tc_error *err);

/* Marks `n` input bytes as repaired by the reader before tc_doc_set. */
void tc_doc_add_invalid(tc_doc *doc, size_t n);

/* Extracts the article of an HTML page into `doc` (src/html/load.c); the
 * fields of `meta` that are set win over the page's metadata. */
tc_status tc_html_load(tc_doc *doc, const tc_article_in *meta,
                       const char *html, size_t n, tc_error *err);

#endif /* TC_DOC_H */
