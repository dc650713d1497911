/*
 * tabari_proj.h - TABARI projects coded with TABARI's own semantics: the
 * dictionaries as TABARI reads them (project.c) and the sparse-parse coder
 * that applies them (src/extract/tabari_code.c).  Private to the library;
 * the public face is the tc_tabari_* block of tacitus.h.
 *
 * Words are kept in upper case.  A dictionary word is matched against a
 * text word in one of three ways:
 *   TB_STEM   written without a trailing '_' (and not last of a '_' run):
 *             any text word that begins with it;
 *   TB_EXACT  written with a trailing '_' (or joined to the next by '_'):
 *             the word, or the word with a regular ending (S, ES, D, ED,
 *             EN, ING);
 *   TB_BARE   written with a trailing '=': the word only.
 */
#ifndef TC_TABARI_PROJ_H
#define TC_TABARI_PROJ_H

#include "../core/core.h"

#define TB_MAX_ELEMS 24   /* elements of one pattern */
#define TB_MAX_ALTS 8     /* alternatives of one { | } set */
#define TB_MAX_CODES 16   /* codes of one actor entry */

typedef enum tb_wkind { TB_STEM = 0, TB_EXACT, TB_BARE } tb_wkind;

typedef struct tb_word {
    const char *w; /* upper case, in the dictionary arena */
    uint8_t kind;  /* tb_wkind */
} tb_word;

/* A phrase: words, each joined to the next by '_' (adjacent) or a space
 * (other words may come between). */
typedef struct tb_phrase {
    tb_word *words;
    uint8_t *joined; /* joined[i]: word i and i+1 are adjacent */
    uint16_t n;
} tb_phrase;

typedef struct tb_code {
    const char *code;  /* upper case, as written ("ARN", "---", "###") */
    int32_t from, to;  /* YYYYMMDD, 0 = open */
} tb_code;

typedef struct tb_actor {
    tb_phrase ph;
    tb_code *codes;
    uint16_t ncodes;
} tb_actor;

typedef struct tb_agent {
    tb_phrase ph;
    const char *code; /* without the '~' */
    bool prefix;      /* "[NGM~]": put before the actor's code */
} tb_agent;

/* Pattern elements. */
typedef enum tb_ekind {
    TB_E_WORD = 0, /* a word */
    TB_E_SYNSET,   /* &NAME: one of its members */
    TB_E_ALT,      /* { A | B C }: one of the phrases */
    TB_E_VERB,     /* '*' */
    TB_E_TARGET,   /* '+' */
    TB_E_SOURCE,   /* '$' */
    TB_E_COMPOUND, /* '%' */
    TB_E_SKIP      /* '^': any one word */
} tb_ekind;

typedef struct tb_synset tb_synset;

typedef struct tb_elem {
    uint8_t kind;   /* tb_ekind */
    bool joined;    /* joined to the next element by '_' */
    tb_word word;   /* TB_E_WORD */
    const tb_synset *set;      /* TB_E_SYNSET */
    tb_phrase *alts;           /* TB_E_ALT */
    uint16_t nalts;
} tb_elem;

struct tb_synset {
    const char *name;   /* with its '&' */
    tb_phrase *members; /* a member may itself hold "&NAME" words */
    uint16_t n;
};

typedef struct tb_pattern {
    tb_elem *e;
    uint16_t n;
    const char *code; /* as written between [ ] */
    uint32_t line;
} tb_pattern;

/* A verb entry: its first word (and other forms), the rest of its root
 * phrase ("BURN DOWN": "DOWN" must follow), its code and its patterns. */
typedef struct tb_verb {
    tb_word *forms;   /* forms[0] is the root's first word */
    uint16_t nforms;
    tb_phrase rest;
    const char *code;
    tb_pattern *pats;
    uint16_t npats;
} tb_verb;

/* Options a project or an OPTION record sets. */
typedef struct tb_options {
    int min_words;          /* sentences shorter code nothing */
    int code_by;            /* 0 clause, 1 sentence, 2 all */
    bool time_shift;
    const char *def_source; /* DEFAULT: SOURCE [X], NULL = off */
    const char *def_target;
    bool def_prior, def_after;
    int complex_verbs, complex_conj; /* 0 = no limit */
    bool convert_agent;
    bool forward;           /* FORWARD: pronouns take the story's actor */
    /* COMMA: comma-bounded clauses of these lengths (words) are deleted:
     * internal [min, max], terminal [emin, emax], initial [bmin, bmax];
     * comma_off: none */
    int comma_min, comma_max, comma_emin, comma_emax, comma_bmin, comma_bmax;
    bool comma_off;
} tb_options;

/* FORWARD: the actor a record's unresolved pronouns stand for (in), and
 * the first actor the record names, without its agents (out); "" none. */
typedef struct tb_forward {
    char in[64];
    char out[64];
} tb_forward;

typedef struct tb_dict {
    tc_arena arena;
    tb_actor *actors;
    size_t nactors, cap_actors;
    tb_agent *agents;
    size_t nagents, cap_agents;
    tb_verb *verbs;
    size_t nverbs, cap_verbs;
    tb_synset *sets;
    size_t nsets, cap_sets;
    const char **nouns; /* <NOUN> and <ADJECTIVE> words: never verbs */
    size_t nnouns, cap_nouns;
} tb_dict;

/* project.c */
tc_status tb_load_actors(tb_dict *d, const tc_allocator *a, const char *path,
                         bool agents, tc_warn_fn warn, void *ctx,
                         size_t *bad);
tc_status tb_load_verbs(tb_dict *d, const tc_allocator *a, const char *path,
                        tc_warn_fn warn, void *ctx, size_t *bad);
/* The same from a text in memory (`path` names it in warnings). */
tc_status tb_read_actors(tb_dict *d, const tc_allocator *a, const char *path,
                         const char *text, size_t len, bool agents,
                         tc_warn_fn warn, void *ctx, size_t *bad);
tc_status tb_read_verbs(tb_dict *d, const tc_allocator *a, const char *path,
                        const char *text, size_t len, tc_warn_fn warn,
                        void *ctx, size_t *bad);
void tb_options_default(tb_options *o);
/* Applies one options line ("SET: CODE ALL", "DEFAULT: OFF", ...); false
 * when it is not understood. */
bool tb_options_line(tb_options *o, tc_arena *arena, const char *s, size_t n);
/* Parses YYMMDD (years before 30 are 20YY) or YYYYMMDD; 0 when bad. */
int32_t tb_date(const char *s, size_t n);
/* Does dictionary word `w` match text word `t` (upper case)? */
bool tb_word_match(const tb_word *w, const char *t, size_t tn);

/* A project from texts in memory (the fuzz target, tests): actors,
 * agents, verbs, options and text, in that order; a NULL text is no file. */
typedef struct tb_source {
    const char *name; /* in warnings */
    const char *text;
    size_t len;
} tb_source;
tc_tabari *tb_tabari_open_mem(const tc_allocator *alloc, const tb_source src[5],
                              tc_warn_fn warn, void *warn_ctx, tc_error *err);

/* tabari_code.c: codes one record's text; the events go to `out`
 * (tc_tabari_event items, strings in `arena`); `fw` may be NULL. */
tc_status tb_code_text(const tb_dict *d, const tb_options *o, const char *text,
                       size_t n, int32_t day, tb_forward *fw, tc_arena *arena,
                       tc_vec *out);

#endif /* TC_TABARI_PROJ_H */
