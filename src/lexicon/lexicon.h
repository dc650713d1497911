/*
 * lexicon.h - the lexicon stage: actor and agent dictionaries, loaded from
 * our own format (the .txt files of data/actors) or from TABARI and PETRARCH files,
 * compiled once per process into a token-level matcher (longest match wins).
 *
 * Input:  dictionary files; at match time, the keys of a sentence's tokens.
 * Output: entries (an actor or agent with its dated codes) and matches
 *         (token spans with the entries they name).
 *
 * Build phase (single-threaded): tc_lexicon_new, then any number of
 * tc_lexicon_add_* calls or loads, then tc_lexicon_freeze.  After that the
 * lexicon is read-only and may be shared by threads.
 */
#ifndef TC_LEXICON_H
#define TC_LEXICON_H

#include "../core/core.h"

typedef enum tc_actor_type {
    TC_ACTOR_PERSON = 0,
    TC_ACTOR_STATE,
    TC_ACTOR_PLACE,
    TC_ACTOR_ORG,
    TC_ACTOR_GROUP,
    TC_ACTOR_AGENT,
    TC_ACTOR_TYPE_COUNT_
} tc_actor_type;

/* "person", "state", ... and back; returns -1 when unknown. */
const char *tc_actor_type_name(tc_actor_type type);
int tc_actor_type_parse(const char *s, size_t n);

/* A date as a number YYYYMMDD; 0 is "open" (no bound). */
typedef int32_t tc_day;

/* Parses YYYY-MM-DD, YYYY-MM or YYYY (as a start: the first day; as an
 * end: the last day) or YYMMDD (TABARI).  Returns TC_ERR_INPUT if bad. */
tc_status tc_day_parse(const char *s, size_t n, bool end, tc_day *out);

typedef struct tc_period {
    tc_day from, to;   /* inclusive; 0 = open */
    uint32_t code;     /* string id of the CAMEO code */
    uint32_t roles;    /* string id of "title; title", 0 = none */
} tc_period;

typedef struct tc_entry {
    uint8_t type;          /* tc_actor_type */
    uint8_t fuzzy;         /* in the fuzzy index though not a person */
    uint32_t name;         /* string id of the canonical name */
    uint32_t first_period; /* index into the lexicon's periods */
    uint32_t period_count;
    char country[4];       /* "" = from the code */
    char affiliation[16];  /* "" = none */
    uint32_t veto;         /* string id of context words, '\n'-separated */
    uint32_t first_name;   /* its names are first_name .. + name_count */
    uint32_t name_count;
} tc_entry;

/* Name flags. */
#define TC_NAME_CAPS_ONLY 0x01u /* written in capitals: match capitals only */
#define TC_NAME_CAPITAL 0x02u   /* first word must be capitalized in text */

typedef struct tc_lexicon tc_lexicon;

/* Dictionary file formats. */
typedef enum tc_dict_format {
    TC_DICT_AUTO = 0,    /* by content */
    TC_DICT_TACITUS,     /* our format (docs/FORMATS.md) */
    TC_DICT_TABARI,      /* TABARI .actors / .agents */
    TC_DICT_PETRARCH     /* PETRARCH-2 actors / agents */
} tc_dict_format;

tc_lexicon *tc_lexicon_new(const tc_allocator *alloc);
void tc_lexicon_free(tc_lexicon *lx);
const tc_allocator *tc_lexicon_allocator(const tc_lexicon *lx);

/* ---- Build phase ---- */

/* Interns a string; returns its id (never 0 for a non-empty string), or 0
 * when out of memory.  The empty string is id 0. */
uint32_t tc_lexicon_intern(tc_lexicon *lx, const char *s, size_t n);
/* The id of an interned string, or 0 (read-only: safe after freeze). */
uint32_t tc_lexicon_find(const tc_lexicon *lx, const char *s, size_t n);
/* The interned string (NUL-terminated) for an id. */
const char *tc_lexicon_str(const tc_lexicon *lx, uint32_t id);

/* Adds an entry; returns its index in *out. */
tc_status tc_lexicon_add_entry(tc_lexicon *lx, tc_actor_type type,
                               const char *name, size_t n, uint32_t *out);
/* Adds a name (a phrase of words; underscores count as spaces) for the
 * last entry added.  The flags are derived from the phrase and the
 * entry's type. */
tc_status tc_lexicon_add_name(tc_lexicon *lx, uint32_t entry, const char *phrase,
                              size_t n);
/* Adds a dated code to an entry (from/to 0 = open; roles may be NULL).
 * Periods of one entry must be added together, before the next entry's. */
tc_status tc_lexicon_add_code(tc_lexicon *lx, uint32_t entry, const char *code,
                              size_t n, tc_day from, tc_day to,
                              const char *roles, size_t roles_len);
/* Words that, found near a mention, mean the name is not this entry
 * (Georgia: Atlanta; Savannah).  `words` is ';'-separated. */
tc_status tc_lexicon_set_veto(tc_lexicon *lx, uint32_t entry, const char *words,
                              size_t n);
/* Sets the country or affiliation of an entry. */
void tc_lexicon_set_country(tc_lexicon *lx, uint32_t entry, const char *c,
                            size_t n);
void tc_lexicon_set_affiliation(tc_lexicon *lx, uint32_t entry, const char *c,
                                size_t n);

/* Puts an entry that is not a person into the fuzzy name index too (the
 * gazetteer's larger places).  Before freeze. */
void tc_lexicon_set_fuzzy(tc_lexicon *lx, uint32_t entry);

/* Loads one dictionary file.  Each bad line is reported through `warn` with
 * file, line and byte, and loading goes on; *errors counts them. */
tc_status tc_lexicon_load(tc_lexicon *lx, const char *path, tc_dict_format fmt,
                          tc_warn_fn warn, void *warn_ctx, size_t *errors);
/* The same from memory; `path` names the text in warnings. */
tc_status tc_lexicon_load_text(tc_lexicon *lx, const char *path,
                               const char *text, size_t n, tc_dict_format fmt,
                               tc_warn_fn warn, void *warn_ctx, size_t *errors);
/* Loads every *.txt file of a directory, in name order. */
tc_status tc_lexicon_load_dir(tc_lexicon *lx, const char *dir, tc_warn_fn warn,
                              void *warn_ctx, size_t *errors);

/* Readers of peer formats (peer.c), called by tc_lexicon_load. */
tc_status tc_lexicon_load_tabari(tc_lexicon *lx, const char *path,
                                 const char *text, size_t n, bool agents,
                                 tc_warn_fn warn, void *warn_ctx,
                                 size_t *errors);
tc_status tc_lexicon_load_petrarch(tc_lexicon *lx, const char *path,
                                   const char *text, size_t n, bool agents,
                                   tc_warn_fn warn, void *warn_ctx,
                                   size_t *errors);

/* Compiles the names into the matcher.  No more additions afterwards. */
tc_status tc_lexicon_freeze(tc_lexicon *lx);

/* ---- Lookup (after freeze; read-only, thread-safe) ---- */

size_t tc_lexicon_entry_count(const tc_lexicon *lx);
const tc_entry *tc_lexicon_entry(const tc_lexicon *lx, uint32_t i);
const tc_period *tc_lexicon_period(const tc_lexicon *lx, uint32_t i);
size_t tc_lexicon_name_count(const tc_lexicon *lx);

/* The period of `e` that holds on `day` (0: unknown date -> the default or
 * the latest office, not a "former" ELI line), or NULL if the entry has no
 * code. */
const tc_period *tc_entry_period_on(const tc_lexicon *lx, const tc_entry *e,
                                    tc_day day);

/* The latest period of `e` whose code has the role `agent` ("LEG") right
 * after its country, or NULL. */
const tc_period *tc_entry_period_with(const tc_lexicon *lx, const tc_entry *e,
                                      const char *agent);

/*
 * Match keys.  A token's key is its matching form lower-cased, without
 * diacritics, and without the periods of an abbreviation (U.S. -> us).
 * tc_lexicon_key_id gives the id of a key in the dictionaries' vocabulary,
 * or 0 when no name uses it (so the token cannot start or continue a
 * match).
 */
size_t tc_key_make(const char *s, size_t n, char *out, size_t cap);
uint32_t tc_lexicon_key_id(const tc_lexicon *lx, const char *key, size_t n);

/* People who hold the role `title` (a key phrase: "president",
 * "foreign minister") for `country` on `day`: writes up to `cap` entry ids,
 * returns how many there are. */
size_t tc_lexicon_role_holders(const tc_lexicon *lx, const char *country,
                               const char *title, tc_day day, uint32_t *out,
                               size_t cap);

/* People one of whose name words (of 5 letters or more, not the first word
 * of a longer name) is within one edit (Damerau-Levenshtein) of `key`:
 * writes up to `cap` pairs of (entry id, word string id), returns the
 * count. */
size_t tc_lexicon_fuzzy(const tc_lexicon *lx, const char *key, size_t n,
                        uint32_t *entries, uint32_t *words, size_t cap);

/* The keys of entry `e`'s names, each as words joined by '\n', through a
 * callback; stops when it returns false. */
typedef bool (*tc_name_fn)(void *ctx, const char *words);
void tc_lexicon_entry_names(const tc_lexicon *lx, uint32_t e, tc_name_fn fn,
                            void *ctx);

/* Damerau-Levenshtein distance (optimal string alignment), capped at
 * max + 1. */
size_t tc_edit_distance(const char *a, size_t an, const char *b, size_t bn,
                        size_t max);

/* One token of a sentence as the matcher sees it. */
typedef struct tc_match_tok {
    uint32_t key;   /* tc_lexicon_key_id, 0 = unknown */
    uint8_t caps;   /* bit 0: capitalized, bit 1: all capitals */
} tc_match_tok;

/* A name found at a position: its length in tokens and its entries. */
typedef struct tc_name_hit {
    uint32_t len;          /* tokens */
    const uint32_t *entries;
    uint32_t entry_count;
} tc_name_hit;

/* The longest name starting at toks[i] that its case rules allow, or
 * len 0. */
tc_name_hit tc_lexicon_match(const tc_lexicon *lx, const tc_match_tok *toks,
                             size_t n, size_t i);

#endif /* TC_LEXICON_H */
