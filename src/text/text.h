/*
 * text.h - the text stage: from raw article bytes to paragraphs with roles,
 * sentences and tokens.
 *
 * Two coordinate systems:
 *  - the article text ("text"): the input as valid UTF-8 (tc_text_decode).
 *    Every offset the engine reports points into it.
 *  - the matching text ("norm"): the article text in NFC with typographic
 *    quotes, dashes and spaces folded to ASCII (tc_text_normalize).  Every
 *    later step works on norm, and tc_offmap maps its offsets back.
 *
 * Input:  raw bytes.  Output: tc_para, tc_sent and tc_tok items, with norm
 * offsets, pushed into tc_vec arrays owned by the caller.
 */
#ifndef TC_TEXT_H
#define TC_TEXT_H

#include "../core/core.h"

/* ---- Decoding: raw bytes -> article text ---- */

typedef struct tc_decoded {
    char *text;      /* NUL-terminated, in the arena */
    size_t len;
    size_t invalid;  /* invalid bytes and NULs replaced by U+FFFD */
    size_t mojibake; /* cp1252-read UTF-8 sequences repaired */
} tc_decoded;

/* Validates UTF-8 (each invalid byte becomes U+FFFD), replaces NUL with
 * U+FFFD, drops a leading BOM and repairs "â€œ"-style mojibake.  Linear. */
tc_status tc_text_decode(tc_arena *arena, const char *raw, size_t n,
                         tc_decoded *out);

/* ---- Offset map: norm offsets -> text offsets ---- */

/* Anchors mark where the two texts stop being byte-for-byte equal: from
 * anchor i on, norm offset a[i].norm + k is text offset a[i].text + k, up to
 * the next anchor.  A segment whose norm and text lengths differ is a
 * replaced run (every offset in it maps to its start); equal lengths mean a
 * byte-for-byte copy (an equal-length replacement such as … -> ... gets a
 * third anchor to keep this true).  Anchors may share a norm offset
 * (deletions); the last one wins. */
typedef struct tc_anchor {
    uint32_t norm;
    uint32_t text;
} tc_anchor;

typedef struct tc_offmap {
    const tc_anchor *a; /* sorted by norm (and by text) */
    size_t n;
    size_t text_len;
} tc_offmap;

size_t tc_offmap_to_text(const tc_offmap *map, size_t norm_off);

/* ---- Normalizing: article text -> matching text ---- */

typedef struct tc_normalized {
    char *norm; /* NUL-terminated, in the arena */
    size_t len;
    tc_offmap map;
} tc_normalized;

/*
 * NFC (only where the text has code points that need it); quotes
 * (‘ ’ ‚ ‛ ′ → ', “ ” „ ‟ ″ « » → "), dashes (‐ ‑ ‒ – — ― − → -), spaces
 * (NBSP and the U+2000 family → ' '; tab → ' '), line ends (CR LF, CR,
 * U+2028, U+2029, form feed → '\n'), ellipsis (… → ...), and the invisible
 * (soft hyphen, zero-width space, word joiner, BOM) dropped.  Linear.
 */
tc_status tc_text_normalize(tc_arena *arena, const char *text, size_t n,
                            tc_normalized *out);

/* ---- Word lists (generated from data/ at build time) ---- */

typedef struct tc_wordlist {
    const char *const *words;  /* sorted, lower case ASCII, unique */
    const unsigned char *lens; /* their lengths (entries are short) */
    size_t count;
} tc_wordlist;

/* True when s[0..n) is in the list, comparing ASCII case-insensitively. */
bool tc_wordlist_has(const tc_wordlist *list, const char *s, size_t n);

extern const tc_wordlist tc_list_abbrev_titles;   /* data/abbrev-titles.txt */
extern const tc_wordlist tc_list_abbrev_other;    /* data/abbrev-other.txt */
extern const tc_wordlist tc_list_sentence_starts; /* data/sentence-starters.txt */
extern const tc_wordlist tc_list_boilerplate;     /* data/boilerplate.txt */
extern const tc_wordlist tc_list_caption_markers; /* data/caption-markers.txt */
extern const tc_wordlist tc_list_speech_verbs;    /* data/speech-verbs.txt */
extern const tc_wordlist tc_list_number_prefixes; /* data/number-prefixes.txt */
extern const tc_wordlist tc_list_calendar_words;  /* data/calendar-words.txt */

/* ---- Paragraphs and roles ---- */

typedef struct tc_para {
    uint32_t start, end; /* norm offsets, trimmed of white space */
    tc_role role;
    uint32_t first_sentence;
    uint32_t sentence_count;
} tc_para;

/* Splits norm into paragraphs (blank lines; single line breaks unless the
 * text is hard-wrapped) and pushes tc_para items with role BODY. */
tc_status tc_text_paragraphs(const char *norm, size_t n, tc_vec *paras);

/* Assigns roles to paragraphs (title, lead, caption, subhead, pull quote,
 * attribution, boilerplate) once their sentences are known, and marks the
 * sentences of a pull quote that repeat a body sentence (repeat_of).
 * `has_title` says the first paragraph is a title given as metadata.
 * Word counts come from the tokens.  Scratch memory comes from the arena.  Linear in the text. */
tc_status tc_text_roles(tc_arena *arena, const char *norm, tc_vec *paras,
                        tc_vec *sents, const tc_vec *toks, bool has_title);

/* ---- Sentences ---- */

typedef struct tc_sent {
    uint32_t start, end; /* norm offsets, trimmed */
    uint32_t para;       /* 0-based paragraph index */
    uint32_t first_token;
    uint32_t token_count;
    uint32_t repeat_of;  /* 1-based sentence number, or 0 */
} tc_sent;

/*
 * Splits norm[start..end) (one paragraph) into sentences and pushes
 * tc_sent items with start/end set (para and tokens are the caller's).
 * Knows news: abbreviations and titles (Mr., Gen., U.S., Jan.), initials,
 * numbers (1.5, 150,000), ellipses, quotations that end or span sentences,
 * datelines.  A sentence longer than `max_bytes` is cut at a space (or at a
 * character boundary); 0 means no cap.  Linear in end - start.
 */
tc_status tc_text_sentences(const char *norm, size_t start, size_t end,
                            size_t max_bytes, tc_vec *sents);

/* ---- Tokens ---- */

typedef struct tc_tok {
    uint32_t start, end; /* norm offsets */
    uint8_t kind;        /* tc_token_kind */
    uint8_t flags;       /* TC_TOKEN_* */
} tc_tok;

/*
 * Tokenizes norm[start..end) (one sentence) and pushes tc_tok items.
 * Words (letters, digits, marks; internal apostrophes; abbreviations with
 * their periods), numbers (150,000  1.5), clitics split off ('s n't 'll
 * 're 've 'd 'm), hyphenated words split with the hyphen JOINED, each
 * punctuation mark its own token ("..." and "--" whole).  Linear.
 */
tc_status tc_text_tokens(const char *norm, size_t start, size_t end,
                         tc_vec *toks);

#endif /* TC_TEXT_H */
