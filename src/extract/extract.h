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

/* Whether token `tok`'s key is one of `n` words sorted in byte order (a
 * binary search: the stages' first test of a token). */
bool tc_key_in_sorted(const tc_keys *k, uint32_t tok, const char *const *sorted,
                      size_t n);
/* Whether a word list is strictly sorted in byte order (for tests). */
bool tc_words_sorted(const char *const *words, size_t n);
/* The words that may start a date, a number, a count of one (tests). */
const char *const *tc_dates_starts(size_t *n);
const char *const *tc_counts_starts(size_t *n, bool singular);

/* Whether token `tok`'s key is the word `w` (lower case). */
static inline bool tc_key_is(const tc_keys *k, uint32_t tok, const char *w)
{
    size_t n = k->len[tok], i;
    const char *s = k->buf + k->off[tok];
    for (i = 0; i < n; i++)
        if (s[i] != w[i])
            return false;
    return w[n] == '\0';
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
    uint8_t date_precision;  /* tc_date_precision */
    uint8_t dated;           /* its sentence gave the date */
    char date[11];           /* YYYY-MM-DD, "" when unknown */
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

/* ---- Dates ---- */

typedef enum tc_date_precision {
    TC_DATE_DAY = 0,
    TC_DATE_WEEK,
    TC_DATE_MONTH,
    TC_DATE_YEAR,
    TC_DATE_RANGE
} tc_date_precision;

/* A date expression of a sentence, resolved. */
typedef struct tc_date_rec {
    uint32_t sentence;       /* 0-based */
    uint32_t tok0, tok1;     /* document tokens [tok0, tok1) */
    tc_day day, end;         /* first and last day it may mean (YYYYMMDD) */
    uint8_t precision;       /* tc_date_precision */
    uint8_t relative;        /* resolved from the article date */
    uint8_t since;           /* "since 2014": from then to the article date */
    uint16_t since_year;
} tc_date_rec;

typedef struct tc_date_input {
    const char *norm;        /* the matching text */
    const tc_vec *paras;     /* tc_para (roles), or NULL */
    const tc_vec *sents;     /* tc_sent */
    const tc_vec *toks;      /* tc_tok */
    const tc_keys *keys;
    tc_day day;              /* the article date, 0 if unknown */
} tc_date_input;

/* Finds the dates of every sentence, in text order. */
tc_status tc_extract_dates(const tc_date_input *in, tc_vec *dates);
/* The index of the first date of `sentence` (dates are in sentence
 * order), or the count when it has none. */
size_t tc_dates_first(const tc_vec *dates, uint32_t sentence);
/* The date of `sentence` nearest to document token `tok` ("since" totals
 * left out), or NULL. */
const tc_date_rec *tc_date_near(const tc_vec *dates, uint32_t sentence,
                                uint32_t tok);
const char *tc_date_precision_name(tc_date_precision p);
/* YYYYMMDD as "YYYY-MM-DD" ("" when 0). */
void tc_day_format(tc_day day, char out[11]);

/* ---- Numbers and counts ---- */

typedef enum tc_count_type {
    TC_COUNT_KILL = 0,
    TC_COUNT_WOUND,
    TC_COUNT_ARREST,
    TC_COUNT_KIDNAP,
    TC_COUNT_MISSING,
    TC_COUNT_DISPLACE,
    TC_COUNT_EVACUATE,
    TC_COUNT_REFUGEE,
    TC_COUNT_DEPLOY,
    TC_COUNT_PROTEST,
    TC_COUNT_ATTACK
} tc_count_type;

typedef enum tc_num_precision {
    TC_NUM_EXACT = 0,
    TC_NUM_APPROX,     /* about, around, some */
    TC_NUM_MIN,        /* more than, at least, over, hundreds of */
    TC_NUM_MAX,        /* up to, nearly, almost */
    TC_NUM_RANGE       /* 20 to 30: value .. high */
} tc_num_precision;

/* A number in a sentence (sentence tokens). */
typedef struct tc_num {
    double value, high;
    uint8_t precision;       /* tc_num_precision */
    uint32_t tok0, num0, tok1; /* qualifier, number, end */
} tc_num;

typedef struct tc_count_rec {
    uint32_t sentence;       /* 0-based */
    uint32_t tok0, tok1;     /* evidence: document tokens [tok0, tok1) */
    uint32_t num0, num1;     /* the number's tokens */
    double number, high;
    uint8_t type;            /* tc_count_type */
    uint8_t precision;       /* tc_num_precision */
    uint8_t cumulative;      /* a running total ("since 2014") */
    uint8_t singular;        /* one person, no number written */
    uint8_t weak;            /* "shot": wounded at least, perhaps killed */
    uint8_t dated;           /* the sentence gave the date */
    uint8_t date_precision;  /* tc_date_precision */
    uint16_t since_year;
    const char *object;      /* civilians, soldiers, troops, people, ... */
    char object_code[16];    /* UKRCVL, or the role code alone (CVL) */
    int32_t actor;           /* the mention that did it, or -1 */
    tc_day date, date_end;
} tc_count_rec;

typedef struct tc_count_input {
    const tc_vec *paras;     /* tc_para */
    const tc_vec *sents;     /* tc_sent */
    const tc_vec *toks;      /* tc_tok */
    const tc_keys *keys;
    const tc_vec *mentions;  /* tc_mention */
    const tc_vec *dates;     /* tc_date_rec */
    tc_day day;              /* the article date, 0 if unknown */
} tc_count_input;

tc_status tc_extract_counts(const tc_count_input *in, tc_arena *arena,
                            tc_vec *counts);
const char *tc_count_type_name(tc_count_type t);
const char *tc_num_precision_name(tc_num_precision p);
/* ---- Quotes ---- */

#define TC_QUOTE_PARTS TC_QUOTE_MAX_PARTS

/* A quotation (direct) or a reported clause (indirect speech).  Parts are
 * matching-text ranges of the quoted words ("X," he said, "Y." has two);
 * speaker and cue are token ranges, empty when unknown. */
typedef struct tc_quote_rec {
    uint32_t sentence;       /* 0-based, of the first part */
    uint32_t part0[TC_QUOTE_PARTS], part1[TC_QUOTE_PARTS];
    uint8_t nparts;
    uint8_t direct;          /* quoted words, not a paraphrase */
    uint8_t partial;         /* quoted words inside a paraphrase */
    uint32_t spk0, spk1;     /* speaker tokens [spk0, spk1) */
    uint32_t cue0, cue1;     /* cue tokens [cue0, cue1) */
    int32_t mention;         /* the actor the speaker resolves to, or -1 */
} tc_quote_rec;

typedef struct tc_quote_input {
    const char *norm;
    const char *text;        /* the article text: which way a mark faces */
    const tc_offmap *map;    /* norm offsets -> text offsets */
    const tc_vec *paras;     /* tc_para, with roles and pull-quote repeats */
    const tc_vec *sents;     /* tc_sent */
    const tc_vec *toks;      /* tc_tok */
    const tc_keys *keys;     /* their keys */
    const tc_vec *mentions;  /* tc_mention, in sentence order */
} tc_quote_input;

/* Finds the quotes of a document whose actors are already found, in text
 * order.  Scratch memory comes from the arena. */
tc_status tc_extract_quotes(const tc_quote_input *in, tc_arena *arena,
                            tc_vec *quotes);

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
    uint8_t as_actor;        /* a name used for an actor ("Moscow said"):
                              * a place named, never an event's place */
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
