/*
 * tacitus.h - the public API of libtacitus.
 *
 * tacitus turns raw news (plain text, JSONL feeds, later HTML) into
 * structured event data.  This header is the only one a program that embeds
 * the engine needs; the `tacitus` command-line tool uses nothing else.
 *
 * Conventions, held everywhere:
 *  - every name starts with `tc_` (types, functions) or `TC_` (constants);
 *  - handles are opaque; every `_new`/`_open` has a `_free`/`_close`, and
 *    `_free(NULL)` does nothing;
 *  - every fallible call returns a `tc_status`; calls that read input also
 *    fill a `tc_error` (code, message, file, line, byte) when given one;
 *  - offsets are byte offsets into the article text (see tc_doc_info), so
 *    every record can point back at the words it came from;
 *  - ownership is stated in each comment: "borrowed" pointers stay valid
 *    while their owner lives and is not changed, "owned" ones are the
 *    caller's to free.
 */
#ifndef TACITUS_H
#define TACITUS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define TC_VERSION "0.1.0"

/* ---- Status and errors ------------------------------------------------ */

typedef enum tc_status {
    TC_OK = 0,
    TC_DONE,            /* an iteration has no more items (not an error) */
    TC_ERR_NOMEM,       /* an allocation failed */
    TC_ERR_IO,          /* a file could not be opened or read */
    TC_ERR_INPUT,       /* malformed input: bad JSON, missing field, ... */
    TC_ERR_LIMIT,       /* input over a size or count limit */
    TC_ERR_USAGE,       /* a bad argument from the caller */
    TC_ERR_UNSUPPORTED  /* a valid request this build cannot serve */
} tc_status;

/* A short constant name for a status ("ok", "out of memory", ...). */
const char *tc_status_str(tc_status status);

/*
 * Where and why something failed.  `file` is the input's name ("-" for
 * standard input, "" when none), `line` is 1-based (0 when not known) and
 * `byte` is the 0-based byte offset in that input.
 */
typedef struct tc_error {
    tc_status code;
    char message[256];
    char file[1024];
    uint64_t line;
    uint64_t byte;
} tc_error;

/* ---- Memory ------------------------------------------------------------ */

/*
 * The allocator every part of the engine goes through.  `realloc` may be
 * called with a NULL pointer; `free` with NULL must do nothing.  Tests use
 * it to count allocations and to fail the N-th one.
 */
typedef struct tc_allocator {
    void *(*malloc)(void *ctx, size_t size);
    void *(*realloc)(void *ctx, void *ptr, size_t size);
    void (*free)(void *ctx, void *ptr);
    void *ctx;
} tc_allocator;

/* The C library's malloc/realloc/free. */
const tc_allocator *tc_default_allocator(void);

/* ---- Options and engine ------------------------------------------------ */

typedef enum tc_format {
    TC_FORMAT_AUTO = 0, /* by extension; standard input by its first byte */
    TC_FORMAT_TEXT,
    TC_FORMAT_JSONL,
    TC_FORMAT_HTML
} tc_format;

/* Parses "auto", "text", "jsonl" or "html". */
tc_status tc_format_parse(const char *name, tc_format *out);

/* Hard caps against hostile input.  Zero means "use the default". */
typedef struct tc_limits {
    size_t max_article_bytes;  /* article text; default 16 MiB */
    size_t max_record_bytes;   /* one JSONL line; default 64 MiB */
    size_t max_sentence_bytes; /* longer sentences are cut; default 4 KiB */
    size_t max_paragraphs;     /* per article; default 100,000 */
    size_t max_tokens;         /* per article; default 4,000,000 */
    unsigned max_dir_depth;    /* directory recursion; default 32 */
    size_t max_html_bytes;     /* one HTML page; default 50 MiB */
} tc_limits;

/* Called for each warning (a record kept despite a problem, such as an
 * unreadable date).  The error is borrowed for the call only. */
typedef void (*tc_warn_fn)(void *ctx, const tc_error *warning);

typedef struct tc_options {
    const tc_allocator *allocator; /* NULL: the C library's */
    /* Actor dictionaries (loaded by tc_engine_load_actors). */
    const char *data_dir;          /* NULL: $TACITUS_DATA, else the build's */
    bool no_builtin_actors;        /* only the files below */
    const char *const *actor_files;/* extra dictionaries, any format */
    size_t actor_file_count;
    const char *const *agent_files;
    size_t agent_file_count;
    /* Event patterns (tc_engine_load_events): ours in data_dir/verbs, then
     * these files, in our format or TABARI's. */
    bool no_builtin_verbs;         /* only the files below */
    bool no_facts;                 /* skip dates, counts, quotes and places
                                      (events keep the article date) */
    const char *const *verb_files;
    size_t verb_file_count;
    tc_limits limits;
    tc_format input_format;        /* default TC_FORMAT_AUTO */
    const char *default_date;      /* date of articles without one, or NULL */
    tc_warn_fn warn;               /* NULL: warnings are dropped */
    void *warn_ctx;
    const char *gazetteer_file;    /* places; NULL: $TACITUS_GAZETTEER, else
                                    * the build's build/gazetteer.tsv */
} tc_options;

/* Fills `opt` with the defaults. */
void tc_options_init(tc_options *opt);

/*
 * The long-lived engine: options, limits and the built-in tables.  It is
 * read-only once made, so several threads may share it.  Returns NULL (and
 * fills `err`) on a bad option or out of memory.  The options are copied;
 * `default_date` is validated here.
 */
typedef struct tc_engine tc_engine;
tc_engine *tc_engine_new(const tc_options *opt, tc_error *err);
void tc_engine_free(tc_engine *engine);

/* ---- Documents ---------------------------------------------------------- */

/*
 * One article and everything found in it.  All of it lives in one arena
 * owned by the document and is released at once when the document is
 * reused (by tc_reader_next or tc_doc_set) or freed.  Reuse one tc_doc per
 * thread for a whole batch.
 */
typedef struct tc_doc tc_doc;
tc_doc *tc_doc_new(tc_engine *engine);
void tc_doc_free(tc_doc *doc);

/* An article handed in by the caller.  All strings are borrowed for the
 * call and copied; NULL or "" means unknown.  `text` need not be valid
 * UTF-8 nor NUL-terminated. */
typedef struct tc_article_in {
    const char *id;
    const char *date; /* ISO 8601 date or date-time, or YYYYMMDD */
    const char *title;
    const char *url;
    const char *source;
    const char *language;
    const char *text;
    size_t text_len;
    const char *author; /* HTML pages: the byline's name */
} tc_article_in;

/* Loads an article into `doc`, dropping what it held.  An unreadable date is
 * a warning (through the engine's warn callback), and the date stays
 * unknown. */
tc_status tc_doc_set(tc_doc *doc, const tc_article_in *in, tc_error *err);

/*
 * Runs the pipeline (text clean-up, paragraphs and their roles, sentences,
 * tokens) over the loaded article.  The stage order lives in one place,
 * src/pipeline.c.
 */
tc_status tc_doc_analyze(tc_doc *doc, tc_error *err);

/*
 * What is known of the article.  `text` is the article text every offset
 * points into: the input text as valid UTF-8 (invalid bytes and NULs
 * replaced by U+FFFD, a leading byte-order mark dropped, UTF-8 that was
 * read as cp1252 repaired), preceded by the title and a blank line when a
 * JSONL record has a title that its text does not begin with.  It is valid
 * after tc_doc_analyze.  Strings are borrowed from the document and never
 * NULL ("" when unknown).
 */
typedef struct tc_article_info {
    const char *id;
    const char *date; /* "YYYY-MM-DD" or "" */
    const char *title;
    const char *url;
    const char *source;
    const char *language;
    const char *text;
    size_t text_len;
    size_t invalid_bytes;  /* input bytes replaced by U+FFFD */
    size_t mojibake_fixed; /* cp1252 mojibake sequences repaired */
    const char *author;    /* HTML pages: the byline's name, or "" */
} tc_article_info;
void tc_doc_info(const tc_doc *doc, tc_article_info *out);
/* The article as it was loaded, before analysis (its text without a
 * title given apart), borrowed from the document: what tc_doc_set would
 * take to load it again.  TC_ERR_USAGE when nothing is loaded. */
tc_status tc_doc_input(const tc_doc *doc, tc_article_in *out);

/* The role of a paragraph (and of its sentences) in the article. */
typedef enum tc_role {
    TC_ROLE_BODY = 0,
    TC_ROLE_TITLE,
    TC_ROLE_LEAD,
    TC_ROLE_CAPTION,
    TC_ROLE_SUBHEAD,
    TC_ROLE_PULLQUOTE,
    TC_ROLE_ATTRIBUTION,
    TC_ROLE_BOILERPLATE,
    TC_ROLE_COUNT_
} tc_role;

/* "body", "title", "lead", ... */
const char *tc_role_name(tc_role role);

typedef struct tc_paragraph {
    size_t start, end;    /* byte range in the article text, trimmed */
    tc_role role;
    size_t first_sentence; /* 0-based index of its first sentence */
    size_t sentence_count;
} tc_paragraph;

typedef struct tc_sentence {
    size_t paragraph;      /* 1-based paragraph number */
    size_t number;         /* 1-based sentence number in the article */
    tc_role role;
    size_t start, end;     /* byte range in the article text */
    size_t first_token;    /* 0-based index of its first token */
    size_t token_count;
    size_t repeat_of;      /* pull quotes: number of the sentence repeated, or 0 */
} tc_sentence;

typedef enum tc_token_kind {
    TC_TOKEN_WORD = 0,
    TC_TOKEN_NUMBER,
    TC_TOKEN_PUNCT,
    TC_TOKEN_SYMBOL
} tc_token_kind;

/* Token flags. */
#define TC_TOKEN_CAPITALIZED 0x01u /* first letter upper case */
#define TC_TOKEN_ALL_CAPS 0x02u    /* two or more letters, all upper case */
#define TC_TOKEN_JOINED 0x04u      /* no space before it (e.g. "-" in pro-Russian) */
#define TC_TOKEN_ABBREV 0x08u      /* ends with a period that belongs to it (Mr., U.S.) */

typedef struct tc_token {
    size_t start, end;  /* byte range in the article text */
    const char *norm;   /* matching form: NFC, ASCII quotes, dashes, spaces */
    size_t norm_len;
    tc_token_kind kind;
    unsigned flags;
} tc_token;

size_t tc_doc_paragraph_count(const tc_doc *doc);
size_t tc_doc_sentence_count(const tc_doc *doc);
size_t tc_doc_token_count(const tc_doc *doc);
/* Copy out item `i` (0-based).  Return TC_ERR_USAGE when out of range. */
tc_status tc_doc_paragraph(const tc_doc *doc, size_t i, tc_paragraph *out);
tc_status tc_doc_sentence(const tc_doc *doc, size_t i, tc_sentence *out);
tc_status tc_doc_token(const tc_doc *doc, size_t i, tc_token *out);

/* ---- Actors ------------------------------------------------------------- */

/*
 * Loads the actor dictionaries named by the options (our own in data_dir
 * /actors, then the user's TABARI, PETRARCH or tacitus files) and compiles
 * the matcher.  Call once, before sharing the engine between threads; from
 * then on tc_doc_analyze also finds actors.  Each bad dictionary line is a
 * warning (through the warn callback) and is counted in *bad_lines.
 */
tc_status tc_engine_load_actors(tc_engine *engine, size_t *bad_lines,
                                tc_error *err);
/* Entries and names loaded (0 before tc_engine_load_actors). */
size_t tc_engine_actor_entries(const tc_engine *engine);
size_t tc_engine_actor_names(const tc_engine *engine);

/* How a mention was matched. */
typedef enum tc_match_kind {
    TC_MATCH_EXACT = 0, /* the canonical name */
    TC_MATCH_VARIANT,   /* another name of the entry (spelling, alias) */
    TC_MATCH_FUZZY,     /* a misspelling within one edit, with support */
    TC_MATCH_ROLE,      /* a role description resolved by date */
    TC_MATCH_COREF      /* a pronoun or "the latter", resolved */
} tc_match_kind;

const char *tc_match_kind_name(tc_match_kind kind);

/* An actor mention.  Strings are borrowed from the document; never NULL. */
typedef struct tc_actor {
    size_t sentence;         /* 1-based */
    size_t start, end;       /* byte range in the article text */
    const char *code;        /* CAMEO actor code on the article's date */
    const char *country;     /* 3 letters (ISO, IGO, region) or "" */
    const char *agent;       /* first role code (GOV, MIL, ...) or "" */
    const char *name;        /* canonical name (the person, for roles) */
    const char *type;        /* person, state, place, org, group, agent */
    const char *affiliation; /* pro-Russian: "RUS"; or "" */
    tc_match_kind match;
} tc_actor;

size_t tc_doc_actor_count(const tc_doc *doc);
tc_status tc_doc_actor(const tc_doc *doc, size_t i, tc_actor *out);

/* ---- Events ------------------------------------------------------------- */

/*
 * Loads the CAMEO code table and the event patterns of data_dir/verbs
 * (and the actor dictionaries, if not loaded yet).  Call once, before
 * sharing the engine; from then on tc_doc_analyze also codes events.
 */
tc_status tc_engine_load_events(tc_engine *engine, size_t *bad_lines,
                                tc_error *err);
size_t tc_engine_event_patterns(const tc_engine *engine);

/* A coded event.  Strings are borrowed from the document or the engine;
 * never NULL ("" when unknown).  Offsets of a missing part are 0, 0. */
typedef struct tc_event {
    size_t sentence;           /* 1-based */
    size_t start, end;         /* the evidence in the article text */
    const char *date;          /* YYYY-MM-DD: its sentence's date, else the article's */
    const char *date_precision;/* day, week, month, year, range */
    bool dated;                /* the sentence gave the date */
    const char *source;        /* CAMEO actor codes */
    const char *target;
    const char *code;          /* CAMEO event code */
    const char *root;
    int quad;                  /* QuadClass 1-4 */
    double goldstein;
    const char *plover;        /* PLOVER event type (2021 mapping) or "" */
    const char *plover_mode;
    bool negated;
    const char *modality;      /* asserted, future, hypothetical, past, reported */
    const char *reported_by;   /* the reporter's actor code, or "" */
    const char *role;          /* the sentence's role (title, caption, ...) */
    size_t source_start, source_end;
    size_t target_start, target_end;
    size_t verb_start, verb_end;
} tc_event;

size_t tc_doc_event_count(const tc_doc *doc);
tc_status tc_doc_event(const tc_doc *doc, size_t i, tc_event *out);

/* ---- Counts ------------------------------------------------------------- */

/* A count fact: how many were killed, wounded, arrested, kidnapped, went
 * missing, were displaced or evacuated, fled as refugees, were deployed,
 * protested, or how many strikes there were.  Strings are borrowed. */
typedef struct tc_count {
    size_t sentence;           /* 1-based */
    size_t start, end;         /* the evidence in the article text */
    size_t number_start, number_end;
    const char *type;          /* KILL WOUND ARREST KIDNAP MISSING DISPLACE
                                  EVACUATE REFUGEE DEPLOY PROTEST ATTACK */
    double number, high;       /* high > number for a range */
    const char *precision;     /* exact, approximate, at_least, at_most, range */
    const char *object;        /* civilians, soldiers, troops, people, ... */
    const char *object_code;   /* UKRCVL; the role code alone when no country */
    const char *actor_code;    /* who did it (deployed, attacked), or "" */
    bool cumulative;           /* a running total ("since 2014") */
    int since_year;            /* its start year, or 0 */
    bool singular;             /* one person, no number written */
    char date[11], date_end[11];
    const char *date_precision;
} tc_count;

size_t tc_doc_count_count(const tc_doc *doc);
tc_status tc_doc_count(const tc_doc *doc, size_t i, tc_count *out);
/* ---- Quotes ------------------------------------------------------------- */

/* Parts of one quote at most: "X," he said, "Y." has two; a quote over
 * several paragraphs has one per paragraph (the last part takes the rest). */
#define TC_QUOTE_MAX_PARTS 4

/*
 * A quotation with its speaker (found with the actors, so after
 * tc_engine_load_actors).  Direct: the quoted words, marks left out, a
 * trailing comma too; `partial` when they are words inside a paraphrase
 * (said it was "worrying").  Indirect: the reported clause ("X said that
 * CLAUSE").  The speaker is the mention as written (a name, a role, "he");
 * speaker_name and speaker_code are the actor it resolves to.  Strings are
 * borrowed from the document or the engine; never NULL ("" when unknown).
 * Offsets of a missing part are 0, 0.
 */
typedef struct tc_quote {
    size_t sentence;           /* 1-based, where it starts */
    size_t start, end;         /* from the first part to the last */
    size_t part_count;
    size_t part_start[TC_QUOTE_MAX_PARTS], part_end[TC_QUOTE_MAX_PARTS];
    size_t speaker_start, speaker_end;
    const char *speaker_name;
    const char *speaker_code;
    size_t cue_start, cue_end; /* "said", "according to" */
    bool direct;
    bool partial;
} tc_quote;

size_t tc_doc_quote_count(const tc_doc *doc);
tc_status tc_doc_quote(const tc_doc *doc, size_t i, tc_quote *out);
/* ---- Places ------------------------------------------------------------- */

/*
 * Loads the gazetteer (the options' gazetteer_file, GeoNames cities,
 * countries and subdivisions in our format, then data_dir/places-extra.txt)
 * and the actor dictionaries if not loaded yet.  Call once, before sharing
 * the engine; from then on tc_doc_analyze also finds places.
 */
tc_status tc_engine_load_places(tc_engine *engine, size_t *bad_lines,
                                tc_error *err);
size_t tc_engine_place_count(const tc_engine *engine);

/* A place.  Strings are borrowed from the document or the engine; never
 * NULL ("" when unknown). */
typedef struct tc_place {
    size_t sentence;         /* 1-based; 0 when not a mention */
    size_t start, end;       /* in the article text; 0, 0 when not a mention */
    const char *name;        /* "Kyiv", "Donetska oblast", "eastern Ukraine" */
    uint32_t geonames_id;    /* 0 = none (countries, subdivisions, regions) */
    const char *country;     /* ISO 3166-1 alpha-3 or "" */
    const char *adm1;        /* ISO 3166-2 first-level subdivision or "" */
    bool has_coords;
    double lat, lon;         /* degrees, when has_coords */
    const char *precision;   /* city, adm1, region, country */
    bool fuzzy;              /* a misspelled name */
    bool as_actor;           /* named for an actor ("Moscow said"): a place
                              * named, never an event's place */
} tc_place;

size_t tc_doc_place_count(const tc_doc *doc);
tc_status tc_doc_place(const tc_doc *doc, size_t i, tc_place *out);
/* The place of sentence `i` (0-based): its most specific place mention,
 * else its paragraph's, else the article's dominant country (sentence 0),
 * else TC_DONE. */
tc_status tc_doc_sentence_place(const tc_doc *doc, size_t i, tc_place *out);
/* The place a name would be in this article (its countries and
 * subdivisions), wherever it stands; TC_DONE when no place has that name. */
tc_status tc_doc_place_lookup(const tc_doc *doc, const char *name,
                              tc_place *out);

/* ---- TABARI projects ---------------------------------------------------- */

/*
 * A TABARI project (.project file) with the actors, agents, verbs and
 * options files it names, coded with TABARI's own semantics (first actor
 * the source, stems, '+'/'$'/'%' slots, paired codes; docs/FORMATS.md).
 * The handle is mutable (OPTION records change it): one per thread.
 */
typedef struct tc_tabari tc_tabari;

/* Opens `project` and loads what it names (paths relative to it).  Bad
 * dictionary lines are warnings.  NULL (and `err`) on failure. */
tc_tabari *tc_tabari_open(const char *project, const tc_allocator *alloc,
                          tc_warn_fn warn, void *warn_ctx, tc_error *err);
void tc_tabari_close(tc_tabari *t);

/* One record of the project's text file: "YYMMDD ID [FIELD]", text lines,
 * a blank line; a comment block opens with "slash-star".  Strings are
 * borrowed until the next call; never NULL. */
typedef struct tc_tabari_record {
    const char *id;      /* the header's second field */
    const char *date;    /* YYYY-MM-DD, or "" when unreadable */
    const char *extra;   /* the third header field, or "" */
    const char *text;    /* the text lines joined by spaces */
    const char *comment; /* the comment block, or "" */
    uint64_t line;       /* of the header, 1-based */
} tc_tabari_record;

/* The next record, TC_DONE at the end. */
tc_status tc_tabari_next(tc_tabari *t, tc_tabari_record *out);

/* Applies the "{ OPTION: ... }" records of a comment; returns how many. */
size_t tc_tabari_apply_options(tc_tabari *t, const char *comment);

/* A coded event; strings borrowed until the next tc_tabari_code. */
typedef struct tc_tabari_event {
    size_t sentence;               /* 1-based, in the record */
    const char *source, *target, *code;
    size_t start, end;             /* evidence in the text */
    size_t verb_start, verb_end;
    size_t source_start, source_end, target_start, target_end;
} tc_tabari_event;

/* Codes a text (date YYYY-MM-DD or YYMMDD, for dated actor codes);
 * `*count` gets the number of events. */
tc_status tc_tabari_code(tc_tabari *t, const char *text, size_t len,
                         const char *date, size_t *count);
tc_status tc_tabari_event_at(const tc_tabari *t, size_t i,
                             tc_tabari_event *out);

/* Writes a TABARI or PETRARCH dictionary in our format (docs/FORMATS.md)
 * to `out`: kind "actors", "agents" or "verbs", or NULL to guess from the
 * file.  Bad lines are warnings. */
tc_status tc_dict_convert(const char *path, const char *kind, FILE *out,
                          tc_warn_fn warn, void *warn_ctx, tc_error *err);

/* ---- Readers ------------------------------------------------------------ */

/*
 * A stream of articles from a file, a directory (recursively, in byte order
 * of names), or standard input ("-").  Memory is bounded by the largest
 * article, never by the batch.
 */
typedef struct tc_reader tc_reader;

/* Opens `path`.  A path that does not exist is an error here; problems
 * inside it are reported record by record by tc_reader_next. */
tc_reader *tc_reader_open(tc_engine *engine, const char *path, tc_error *err);

/* Reads from memory (for tests and fuzzing).  `name` names the input in
 * errors and ids; `data` is borrowed until the reader is closed. */
tc_reader *tc_reader_open_memory(tc_engine *engine, const char *name,
                                 const char *data, size_t len,
                                 tc_format format, tc_error *err);

/*
 * Loads the next article into `doc`.  Returns TC_OK, TC_DONE at the end, or
 * an error for one rejected record or file (invalid JSON, no text, over a
 * limit, unreadable file): `err` names file, line and byte, and the next
 * call goes on after it.  TC_ERR_NOMEM is fatal.
 */
tc_status tc_reader_next(tc_reader *reader, tc_doc *doc, tc_error *err);

/* Bytes consumed so far (for progress lines). */
uint64_t tc_reader_bytes(const tc_reader *reader);

void tc_reader_close(tc_reader *reader);

/* ---- Output ------------------------------------------------------------- */

/*
 * Writes one JSONL record per sentence of an analysed document:
 * {"kind":"sentence","article","paragraph","sentence","role","start","end",
 *  "text","repeat_of"}.  Returns TC_ERR_IO when the stream fails.
 */
tc_status tc_doc_write_sentences(const tc_doc *doc, FILE *out);

/* One JSONL record per actor mention: {"kind":"actor","article","sentence",
 * "start","end","text","code","country","agent","name","type","affiliation",
 * "match"}. */
tc_status tc_doc_write_actors(const tc_doc *doc, FILE *out);

/* One JSONL record per event: {"kind":"event","article","sentence",
 * "start","end","date","source","target","code","root","quad","goldstein",
 * "plover","plover_mode","negated","modality","reported_by","role",
 * "source_text","target_text","verb_text"}. */
tc_status tc_doc_write_events(const tc_doc *doc, FILE *out);
/* The same as tab-separated lines, TABARI-like: date, source, target,
 * code, article, sentence, negated, modality, verb text. */
tc_status tc_doc_write_events_tsv(const tc_doc *doc, FILE *out);
/* One JSONL record per count fact:
 * {"kind":"count","article","sentence","start","end","type","number",
 *  "high","precision","object","object_code","actor_code","cumulative",
 *  "since","date","date_end","date_precision","location","number_text"}. */
tc_status tc_doc_write_counts(const tc_doc *doc, FILE *out);
/* The loaded article as one JSONL line the reader reads back:
 * {"id","date","title","url","source","language","text"} (empty fields
 * but id and text left out); it needs no analysis. */
tc_status tc_doc_write_input(const tc_doc *doc, FILE *out);

/* One JSONL record per quote: {"kind":"quote","article","start","end",
 * "text","speaker","speaker_start","speaker_end","speaker_name",
 * "speaker_code","cue","direct","partial"}; a quote in parts has its parts
 * joined by a space as text. */
tc_status tc_doc_write_quotes(const tc_doc *doc, FILE *out);

/* One JSONL record per place mention: {"kind":"place","article","sentence",
 * "start","end","text","name","geonames_id","country","adm1","lat","lon",
 * "precision"}. */
tc_status tc_doc_write_places(const tc_doc *doc, FILE *out);

/* One JSONL record per token: {"kind":"token","article","sentence","start",
 * "end","text","norm","type","flags"}. */
tc_status tc_doc_write_tokens(const tc_doc *doc, FILE *out);

/* One record per article, the article as a reader reads it (`tacitus
 * clean`): {"kind":"article","id","title","date","author","url","source",
 * "language","text","paragraphs":[{"role","start","end","text"}]}.  `text`
 * is the body (body, lead and subhead paragraphs, blank lines between);
 * `paragraphs` lists every paragraph with its role and text, `start`/`end`
 * being offsets into `text` (an empty range where a non-body paragraph
 * stood). */
tc_status tc_doc_write_article(const tc_doc *doc, FILE *out);

#ifdef __cplusplus
}
#endif
#endif /* TACITUS_H */
