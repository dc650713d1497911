/*
 * extract.h - the extract stage: what the text says, found with the
 * lexicon.  For now, actors: every mention of an actor in an analysed
 * document, with the CAMEO code that held on the article's date.
 *
 * Input:  the document's matching text, sentences and tokens; a frozen
 *         lexicon; the article date.
 * Output: tc_mention items pushed into a tc_vec.
 */
#ifndef TC_EXTRACT_H
#define TC_EXTRACT_H

#include "../lexicon/gazetteer.h"
#include "../lexicon/lexicon.h"
#include "../lexicon/verbs.h"
#include "../text/text.h"

/* Every token's match key (lower case, no diacritics, no abbreviation
 * dots), computed once per document for the actor and event stages. */
typedef struct tc_keys {
    const char *buf;
    const uint32_t *off;
    const uint8_t *len;
} tc_keys;

tc_status tc_keys_build(tc_arena *arena, const char *norm, const tc_vec *toks,
                        tc_keys *out);

static inline const char *tc_key_of(const tc_keys *k, uint32_t tok, size_t *n)
{
    *n = k->len[tok];
    return k->buf + k->off[tok];
}

typedef struct tc_mention {
    uint32_t sentence;       /* 0-based */
    uint32_t tok0, tok1;     /* token range [tok0, tok1) in the document */
    uint32_t entry;          /* the entry named (or the person, for roles) */
    uint8_t type;            /* tc_actor_type of what was named */
    uint8_t match;           /* tc_match_kind */
    char code[16];
    char country[4];
    char agent[4];
    char affiliation[16];
} tc_mention;

/* The input of actor extraction: one analysed document. */
typedef struct tc_actor_input {
    const char *norm;        /* the matching text */
    const tc_vec *paras;     /* tc_para */
    const tc_vec *sents;     /* tc_sent */
    const tc_vec *toks;      /* tc_tok */
    const tc_keys *keys;     /* their keys */
    tc_day day;              /* the article date, 0 if unknown */
} tc_actor_input;

/* Finds the actors of a document.  Scratch memory comes from the arena. */
tc_status tc_extract_actors(const tc_lexicon *lx, const tc_actor_input *in,
                            tc_arena *arena, tc_vec *mentions);

/* ---- Events ---- */

typedef enum tc_modality_kind {
    TC_MOD_ASSERTED = 0,
    TC_MOD_FUTURE,
    TC_MOD_HYPOTHETICAL,
    TC_MOD_PAST,
    TC_MOD_REPORTED
} tc_modality_kind;

typedef struct tc_event_rec {
    uint32_t sentence;       /* 0-based */
    uint32_t tok0, tok1;     /* evidence: document tokens [tok0, tok1) */
    uint32_t verb0, verb1;   /* the verb or event noun */
    int32_t source, target;  /* mention indexes, -1 = none */
    int32_t reporter;        /* the mention that reported it, -1 = none */
    uint16_t code;           /* index into the code table */
    uint8_t negated;
    uint8_t modality;        /* tc_modality_kind */
    uint8_t nominal;         /* from an event noun, not a verb */
    uint16_t clause;
} tc_event_rec;

typedef struct tc_event_input {
    const char *norm;
    const tc_vec *paras;     /* tc_para */
    const tc_vec *sents;     /* tc_sent */
    const tc_vec *toks;      /* tc_tok */
    const tc_keys *keys;     /* their keys */
    const tc_vec *mentions;  /* tc_mention, in sentence order */
} tc_event_input;

/* Gives the verb dictionary the word classes the event finder reads
 * (speech verbs, prepositions, modal words); call before freezing it. */
tc_status tc_events_register(tc_verbs *v);

/* Finds the events of a document whose actors are already found. */
tc_status tc_extract_events(const tc_verbs *v, const tc_event_input *in,
                            tc_arena *arena, tc_vec *events);

/* Splits a CAMEO code into its country (first three letters when they
 * name a country, IGO or region) and its first role code. */
void tc_code_split(const char *code, char country[4], char agent[4]);

/* ---- Places (places.c) ---- */

/* A place named in the text.  "eastern Ukraine" is a region of the
 * country: `place` is the country and `kind` TC_PLACE_REGION. */
typedef struct tc_place_mention {
    uint32_t sentence;       /* 0-based */
    uint32_t tok0, tok1;     /* document tokens [tok0, tok1) */
    uint32_t place;          /* gazetteer entry */
    uint8_t kind;            /* tc_place_kind: the precision */
    uint8_t fuzzy;           /* a misspelling */
    const char *name;        /* the region's name ("eastern Ukraine"), in
                              * the arena; NULL: the gazetteer's */
} tc_place_mention;

#define TC_PLACE_CONTEXT 32 /* countries and subdivisions kept per article */

/* What the place stage leaves in the document. */
typedef struct tc_places {
    tc_vec mentions;         /* tc_place_mention, in text order */
    int32_t *best;           /* per sentence: its most specific mention,
                              * else its paragraph's; -1 (in the arena) */
    size_t best_n;
    int32_t dominant;        /* the article's dominant country (gazetteer
                              * entry), or -1 */
    /* The article's context: countries named (by actors and places), with
     * counts, and subdivisions named. */
    char countries[TC_PLACE_CONTEXT][4];
    uint32_t country_count[TC_PLACE_CONTEXT];
    size_t ncountries;
    char adm1s[TC_PLACE_CONTEXT][8];
    size_t nadm1s;
} tc_places;

void tc_places_init(tc_places *p, const tc_allocator *a, size_t max);
void tc_places_clear(tc_places *p);
void tc_places_free(tc_places *p);

typedef struct tc_place_input {
    const char *norm;
    const tc_vec *paras;     /* tc_para */
    const tc_vec *sents;     /* tc_sent */
    const tc_vec *toks;      /* tc_tok */
    const tc_keys *keys;
    const tc_vec *mentions;  /* tc_mention (actors), in text order */
    const tc_lexicon *actors;
} tc_place_input;

/* Finds the places of a document whose actors are already found. */
tc_status tc_extract_places(const tc_gazetteer *g, const tc_place_input *in,
                            tc_arena *arena, tc_places *out);

/* The place `name` would be in this document's context (its countries and
 * subdivisions), ignoring where the name stands: -1 when none. */
int32_t tc_places_resolve(const tc_gazetteer *g, const tc_places *found,
                          const char *name, size_t n);

#endif /* TC_EXTRACT_H */
