/*
 * verbs.h - the event side of the lexicon: the CAMEO code table
 * (data/cameo-codes.tsv) and the event patterns (data/verbs, our format in
 * docs/FORMATS.md), with every form of every verb and event noun.
 *
 * Input:  the table and pattern files.
 * Output: for a token's key, the verb lemma or event noun it is a form of;
 *         for a head, its patterns; for a code, its facts.
 */
#ifndef TC_VERBS_H
#define TC_VERBS_H

#include "lexicon.h"

typedef struct tc_code_info {
    char code[5];
    char root[3];
    char plover[16];
    char plover_mode[16];
    float goldstein;
    uint8_t quad;
} tc_code_info;

/* Verb form kinds. */
enum { TC_FORM_BASE = 1, TC_FORM_S = 2, TC_FORM_PAST = 4, TC_FORM_PART = 8,
       TC_FORM_ING = 16, TC_FORM_NOUN = 32 };

/* Pattern elements. */
typedef enum tc_pe_kind {
    TC_PE_WORDS = 0,  /* one of words[first .. first+count) */
    TC_PE_SKIP,       /* up to four non-actor tokens */
    TC_PE_TARGET,     /* an actor mention */
    TC_PE_EACH_OTHER, /* "each other": reciprocal */
    TC_PE_SOURCE      /* an actor mention that is the source ($S) */
} tc_pe_kind;

/* What a matched pattern does. */
typedef enum tc_pat_action {
    TC_PAT_EVENT = 0, /* codes an event */
    TC_PAT_NULL,      /* "---": the words code nothing (and nothing else) */
    TC_PAT_DISCARD    /* "###": the sentence codes nothing at all */
} tc_pat_action;

typedef struct tc_pat_elem {
    uint8_t kind;
    uint8_t optional;
    uint16_t count;
    uint32_t first;   /* into the word list (string ids) */
} tc_pat_elem;

typedef struct tc_pattern {
    uint32_t head;    /* string id of the lemma or noun */
    uint16_t code;    /* index into the code table */
    uint8_t nominal;
    uint8_t targets;  /* $T count */
    uint8_t literals; /* literal elements: specificity */
    uint8_t reciprocal;
    uint8_t pre;      /* elements before the head (matched leftwards) */
    uint8_t action;   /* tc_pat_action */
    uint8_t has_source; /* a $S element */
    uint32_t first_elem;
    uint32_t elem_count;
    uint32_t line;    /* for messages */
} tc_pattern;

typedef struct tc_verbs tc_verbs;

tc_verbs *tc_verbs_new(const tc_allocator *alloc);
void tc_verbs_free(tc_verbs *v);

/* Loads the code table, the irregular verbs and the pattern files of a
 * directory (data/verbs); each bad line is a warning with its location. */
tc_status tc_verbs_load_codes(tc_verbs *v, const char *path, tc_warn_fn warn,
                              void *ctx, size_t *errors);
tc_status tc_verbs_load_dir(tc_verbs *v, const char *dir, tc_warn_fn warn,
                            void *ctx, size_t *errors);
/* One pattern file from memory (tests, fuzzing). */
tc_status tc_verbs_load_text(tc_verbs *v, const char *name, const char *text,
                             size_t n, tc_warn_fn warn, void *ctx,
                             size_t *errors);
/* A verbs file in our format or TABARI's (told apart by its content). */
tc_status tc_verbs_load_file(tc_verbs *v, const char *path, tc_warn_fn warn,
                             void *ctx, size_t *errors);
/* A TABARI verbs file (<SYNSETS>, verbs with [codes], "- ... * ..."
 * patterns, {forms}) read through its conversion to our format (below);
 * codes outside CAMEO are kept as written.  Unsupported features are
 * warnings with their location. */
tc_status tc_verbs_load_tabari(tc_verbs *v, const char *path, tc_warn_fn warn,
                               void *ctx, size_t *errors);
/* Converts TABARI verbs text into our pattern format, one output line per
 * input line (so that locations stay right); `known` tells whether a code
 * is in the CAMEO table (NULL: all are).  Returns the text (free with
 * tc_free) or NULL when out of memory. */
char *tc_verbs_convert_tabari(const tc_allocator *alloc, const char *name,
                              const char *text, size_t n,
                              bool (*known)(const char *code, void *kctx),
                              void *kctx, tc_warn_fn warn, void *ctx,
                              size_t *errors, size_t *out_len);
/* Whether a verbs file is in TABARI's format (a <SYNSETS> section, "[code]"
 * after a verb, "- " pattern lines). */
bool tc_verbs_is_tabari(const char *text, size_t n);
/* Whether a verbs file is PETRARCH-2's ("--- VERB [code] ---" blocks),
 * which neither --verbs nor TABARI projects read; *line and *byte (when
 * set) get the first such block's place. */
bool tc_verbs_is_petrarch(const char *text, size_t n, uint64_t *line,
                          uint64_t *byte);
#define TC_PETRARCH_VERBS_MSG                                                 \
    "a PETRARCH-2 verbs file (\"--- VERB [code] ---\" blocks): not supported " \
    "(its patterns need a parser's noun and verb phrases); no verbs read from it"

/* Word classes for the event finder (speech verbs, prepositions, ...):
 * a word (its key) gets class bits, read back in one lookup per token. */
tc_status tc_verbs_add_class(tc_verbs *v, const char *word, unsigned bits);
unsigned tc_verbs_class(const tc_verbs *v, uint32_t word);

tc_status tc_verbs_freeze(tc_verbs *v);

size_t tc_verbs_pattern_count(const tc_verbs *v);
size_t tc_verbs_code_count(const tc_verbs *v);

/* The id of a token key in the patterns' vocabulary, 0 if none. */
uint32_t tc_verbs_word(const tc_verbs *v, const char *key, size_t n);
/* The lemmas (and event nouns) a word id is a form of, with their form
 * kinds (TC_FORM_*): writes up to `cap`, returns how many. */
size_t tc_verbs_heads(const tc_verbs *v, uint32_t word, uint32_t *heads,
                      unsigned *forms, size_t cap);
/* The patterns of a head, best first (most specific first, then file
 * order). */
const tc_pattern *tc_verbs_patterns(const tc_verbs *v, uint32_t head,
                                    size_t *count);
/* The patterns of a head that can match when the words right after the
 * head (the first three) are `window`: those whose first element is a
 * required word among them, and those whose first element is not a
 * required word.  Writes pattern pointers in specificity order (at most
 * `cap`), returns the count. */
size_t tc_verbs_candidates(const tc_verbs *v, uint32_t head,
                           const uint32_t *window, size_t nwindow,
                           const tc_pattern **out, size_t cap);
const tc_pat_elem *tc_verbs_elem(const tc_verbs *v, uint32_t i);
uint32_t tc_verbs_elem_word(const tc_verbs *v, uint32_t i);
/* The words of all elements, for inner loops (index with elem->first);
 * after freezing, each element's alternatives are in ascending id order. */
const uint32_t *tc_verbs_words(const tc_verbs *v);
const tc_code_info *tc_verbs_code(const tc_verbs *v, uint16_t i);
/* Code table lookup by code string ("194"), or NULL. */
const tc_code_info *tc_verbs_find_code(const tc_verbs *v, const char *code);
const char *tc_verbs_str(const tc_verbs *v, uint32_t id);

#endif /* TC_VERBS_H */
