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

#include "../lexicon/lexicon.h"
#include "../text/text.h"

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
    tc_day day;              /* the article date, 0 if unknown */
} tc_actor_input;

/* Finds the actors of a document.  Scratch memory comes from the arena. */
tc_status tc_extract_actors(const tc_lexicon *lx, const tc_actor_input *in,
                            tc_arena *arena, tc_vec *mentions);

/* Splits a CAMEO code into its country (first three letters when they
 * name a country, IGO or region) and its first role code. */
void tc_code_split(const char *code, char country[4], char agent[4]);

#endif /* TC_EXTRACT_H */
