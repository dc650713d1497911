/*
 * main.c - the tacitus command-line tool.  It uses only the public API
 * (tacitus.h), like curl's tool and SQLite's shell: read articles, analyse
 * each, write JSONL, report bad records with their location and go on.
 *
 * Exit status: 0 all input accepted, 1 some records rejected (the rest
 * processed), 2 usage or fatal error.
 */
#include "tacitus.h"
#include "eval.h"
#include "parallel.h"
#include "shard.h"

#include <pthread.h>
#include "store_cmds.h"
#include "serve/serve.h"

#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

enum { EXIT_ALL_OK = 0, EXIT_SOME_REJECTED = 1, EXIT_FATAL = 2 };

typedef tc_status (*write_fn)(const tc_doc *doc, FILE *out);

typedef struct command {
    const char *name;
    const char *summary;
    const char *help;
    write_fn write;
    int needs; /* 0 nothing, 1 actor dictionaries, 2 event patterns too;
                  places: see needs_places() */
} command;

static const command commands[] = {
    {"clean", "the article's text and metadata, without boilerplate (JSONL)",
     "Writes one JSONL record per article:\n"
     "  {\"kind\":\"article\",\"id\",\"title\",\"date\",\"author\",\"url\","
     "\"source\",\"language\",\n"
     "   \"text\",\"paragraphs\":[{\"role\",\"start\",\"end\",\"text\"}]}\n"
     "text is the body (headings, paragraphs, lists, block quotes) with blank\n"
     "lines between paragraphs; the title, captions, pull quotes and\n"
     "boilerplate are left out of it and listed in paragraphs with their\n"
     "roles.  start/end are byte offsets into text (an empty range where a\n"
     "paragraph that is not body stood).  HTML pages give their metadata\n"
     "(title, publication date, author, site, canonical URL, language).\n",
     tc_doc_write_article, 0},
    {"sentences", "split articles into sentences with roles (JSONL)",
     "Writes one JSONL record per sentence:\n"
     "  {\"kind\":\"sentence\",\"article\",\"paragraph\",\"sentence\",\"role\","
     "\"start\",\"end\",\"text\",\"repeat_of\"}\n"
     "with byte offsets into the article text.  Roles: title, lead, body,\n"
     "caption, subhead, pullquote, attribution, boilerplate.\n",
     tc_doc_write_sentences, 0},
    {"tokens", "tokens with byte offsets (JSONL)",
     "Writes one JSONL record per token:\n"
     "  {\"kind\":\"token\",\"article\",\"sentence\",\"start\",\"end\",\"text\","
     "\"norm\",\"type\",\"flags\"}\n"
     "where norm is the matching form (NFC, ASCII quotes and dashes).\n",
     tc_doc_write_tokens, 0},
    {"actors", "actors with their CAMEO codes on the article's date (JSONL)",
     "Writes one JSONL record per actor mention:\n"
     "  {\"kind\":\"actor\",\"article\",\"sentence\",\"start\",\"end\",\"text\","
     "\"code\",\"country\",\"agent\",\"name\",\"type\",\"affiliation\",\"match\"}\n"
     "match: exact, variant, fuzzy (a misspelling), role (\"the French\n"
     "president\" resolved by date) or coref (\"he\", \"the latter\").\n"
     "\n"
     "Dictionary options:\n"
     "  --actors FILE     also load an actor dictionary (tacitus, TABARI or\n"
     "                    PETRARCH format; repeatable)\n"
     "  --agents FILE     also load an agent dictionary (repeatable)\n"
     "  --data DIR        the data directory (default: $TACITUS_DATA, else the\n"
     "                    build's data/)\n"
     "  --no-builtin      load only the --actors and --agents files\n"
     "  --verbs FILE      also load event patterns, ours or TABARI's (repeatable)\n"
     "  --no-builtin-verbs  load only the --verbs files\n",
     tc_doc_write_actors, 1},
    {"code", "events: who did what to whom, in CAMEO and PLOVER (JSONL)",
     "Writes one JSONL record per event:\n"
     "  {\"kind\":\"event\",\"article\",\"sentence\",\"start\",\"end\",\"date\",\n"
     "   \"source\",\"target\",\"code\",\"root\",\"quad\",\"goldstein\",\"plover\",\n"
     "   \"plover_mode\",\"negated\",\"modality\",\"reported_by\",\"role\",\n"
     "   \"source_text\",\"target_text\",\"verb_text\"}\n"
     "modality: asserted, future, hypothetical, past (a caption) or reported.\n"
     "place: the sentence's place {\"name\",\"geonames_id\",\"country\",\"adm1\",\n"
     "\"lat\",\"lon\",\"precision\"} (its own, else its paragraph's, else the\n"
     "article's main country) or null.\n"
     "\n"
     "Event options:\n"
     "  --emit actors,sentences,places,counts,quotes  also write those records,\n"
     "                           in the same stream (events stay)\n"
     "  --no-facts               skip dates, counts, quotes and places (events\n"
     "                           keep the article date; for measuring)\n"
     "  --format tsv             TABARI-like lines: date, source, target, code,\n"
     "                           article, sentence, negated, modality, verb\n"
     "  and the dictionary options of `tacitus help actors`.\n",
     tc_doc_write_events, 2},
    {"facts", "count facts: killed, wounded, arrested, displaced, deployed ...",
     "Writes one JSONL record per count fact:\n"
     "  {\"kind\":\"count\",\"article\",\"sentence\",\"start\",\"end\",\"type\",\n"
     "   \"number\",\"high\",\"precision\",\"object\",\"object_code\",\"actor_code\",\n"
     "   \"cumulative\",\"since\",\"date\",\"date_end\",\"date_precision\",\n"
     "   \"location\",\"number_text\",\"text\"}\n"
     "type: KILL WOUND ARREST KIDNAP MISSING DISPLACE EVACUATE REFUGEE DEPLOY\n"
     "PROTEST ATTACK; precision: exact, approximate, at_least, at_most, range.\n"
     "Takes the options of `tacitus help code`.\n",
     tc_doc_write_counts, 2},
    {"quotes", "quotations with their speakers, and indirect speech (JSONL)",
     "Writes one JSONL record per quotation or reported clause:\n"
     "  {\"kind\":\"quote\",\"article\",\"start\",\"end\",\"text\",\"speaker\",\n"
     "   \"speaker_start\",\"speaker_end\",\"speaker_name\",\"speaker_code\",\"cue\",\n"
     "   \"direct\",\"partial\"}\n"
     "direct: quoted words (partial: inside a paraphrase, said it was \"tense\");\n"
     "else the clause of \"X said that ...\".  speaker is the mention as\n"
     "written (\"he\", \"the Kremlin spokesman\"), speaker_name and speaker_code\n"
     "the actor it resolves to.  `tacitus code --emit quotes` adds these\n"
     "records to the event stream.  Takes the dictionary options of\n"
     "`tacitus help actors`.\n",
     tc_doc_write_quotes, 1},
    {"places", "places named, from the gazetteer (JSONL)",
     "Writes one JSONL record per place mention:\n"
     "  {\"kind\":\"place\",\"article\",\"sentence\",\"start\",\"end\",\"text\",\n"
     "   \"name\",\"geonames_id\",\"country\",\"adm1\",\"lat\",\"lon\",\"precision\"}\n"
     "precision: city, adm1 (a first-level subdivision), region or country.\n"
     "A name that is also an actor (\"Moscow said\") is a place only after a\n"
     "locative preposition (in, at, near, from, to, ...) or as a place.\n"
     "\n"
     "Place options:\n"
     "  --gazetteer FILE  the gazetteer (default: $TACITUS_GAZETTEER, else the\n"
     "                    build's build/gazetteer.tsv)\n"
     "  and the dictionary options of `tacitus help actors`.\n",
     tc_doc_write_places, 1},
    /* The store (store_cmds.c): articles coded as by `code`, then written
     * to a SQLite file instead of standard output. */
    {"ingest", "code articles into a SQLite event store (--db FILE)",
     tc_cli_ingest_help, tc_doc_write_events, 2},
};

#define N_COMMANDS (sizeof commands / sizeof commands[0])

static const char input_help[] =
    "Inputs: files, directories (read recursively) or - for standard input\n"
    "(the default).  Formats: .jsonl/.ndjson files are JSONL (one article a\n"
    "line: text required; id, date, title, url, source, language optional),\n"
    ".html/.htm HTML pages (any charset; the article is extracted, or a JSONL\n"
    "record may carry the page in \"html\" instead of \"text\"), anything else\n"
    "plain UTF-8 text (or HTML when it opens with <!doctype html or <html).\n"
    "Standard input is JSONL when its first non-blank byte is '{', HTML when\n"
    "it is '<'.\n"
    "\n"
    "Options:\n"
    "  --date YYYY-MM-DD        publication date of articles that have none\n"
    "  --input-format FORMAT    auto (default), text, jsonl or html\n"
    "  --max-article-bytes N    reject longer articles (default 16 MiB)\n"
    "  --max-record-bytes N     reject longer JSONL lines (default 64 MiB)\n"
    "  --max-html-bytes N       reject larger HTML pages (default 50 MiB)\n"
    "  -q, --quiet              no warnings and no progress line\n"
    "  --no-progress            no progress line on a terminal\n"
    "  --stats                  say what the dictionaries hold and how long\n"
    "                           they took to load\n"
    "\n"
    "Exit status: 0 all input accepted, 1 some records rejected (each named\n"
    "on standard error with file, line and byte; the rest was processed),\n"
    "2 usage or fatal error.\n";

static void usage(FILE *out)
{
    size_t i;
    fprintf(out, "usage: tacitus COMMAND [OPTIONS] [FILE|DIR|-]...\n\n"
                 "tacitus turns news articles into structured event data.\n\n"
                 "Commands:\n");
    for (i = 0; i < N_COMMANDS; i++)
        fprintf(out, "  %-12s %s\n", commands[i].name, commands[i].summary);
    fprintf(out, "  %-12s %s\n", "eval actors", "accuracy of actor coding on a phrase table");
    fprintf(out, "  %-12s %s\n", "eval events", "event coding against gold JSONL or a quad TSV");
    fprintf(out, "  %-12s %s\n", "eval counts", "killed and injured counts against GVDB articles");
    fprintf(out, "  %-12s %s\n", "shard", "articles into N JSONL shards balanced by size (--shards N --out DIR)");
    fprintf(out, "  %-12s %s\n", "eval quotes", "direct quotes and speakers against PolNeAR");
    fprintf(out, "  %-12s %s\n", "eval tabari", "TABARI's validation suite (a .project)");
    fprintf(out, "  %-12s %s\n", "dict convert", "a TABARI or PETRARCH dictionary in our format");
    fprintf(out, "  %-12s %s\n", "eval clean", "main-text extraction on a benchmark directory");
    tc_cli_store_usage(out);
    fprintf(out, "  %-12s %s\n", "serve", "a store over HTTP: JSON API and dashboard (--db FILE)");
    fprintf(out, "  %-12s %s\n", "help", "help on a command");
    fprintf(out, "\n  tacitus --version     the version\n"
                 "  tacitus help COMMAND  a command's records and options\n");
}

static const command *find_command(const char *name)
{
    size_t i;
    for (i = 0; i < N_COMMANDS; i++)
        if (strcmp(commands[i].name, name) == 0)
            return &commands[i];
    return NULL;
}

static int help(const char *name)
{
    const command *c;
    if (!name) {
        usage(stdout);
        return EXIT_ALL_OK;
    }
    if (tc_cli_store_help(name))
        return EXIT_ALL_OK;
    c = find_command(name);
    if (!c) {
        fprintf(stderr, "tacitus: no command \"%s\"\n", name);
        return EXIT_FATAL;
    }
    printf("usage: tacitus %s [OPTIONS] [FILE|DIR|-]...\n\n%s\n%s", c->name,
           c->help, input_help);
    return EXIT_ALL_OK;
}

/* ---- Diagnostics ------------------------------------------------------ */

typedef struct run_state {
    bool quiet;
    bool progress;
    bool stats;
    bool emit_actors, emit_sentences, emit_counts, tsv;
    bool emit_quotes;
    bool emit_places;
    int threads;         /* --threads: coding threads (1: this one) */
    long shards;         /* tacitus shard --shards N --out DIR */
    const char *out_dir;
    unsigned long long articles, rejected, warnings;
    struct timespec last;
    const char *db;        /* ingest: --db, --batch, the open store */
    size_t batch;
    tc_cli_ingest *ingest;
} run_state;

static void print_diag(const char *level, const tc_error *e)
{
    if (e->file[0] && e->line)
        fprintf(stderr, "tacitus: %s:%llu:%llu: %s: %s\n", e->file,
                (unsigned long long)e->line, (unsigned long long)e->byte,
                level, e->message);
    else if (e->file[0])
        fprintf(stderr, "tacitus: %s: %s: %s\n", e->file, level, e->message);
    else
        fprintf(stderr, "tacitus: %s: %s\n", level, e->message);
}

static void clear_progress(run_state *rs)
{
    if (rs->progress)
        fputs("\r\033[K", stderr);
}

static void on_warning(void *ctx, const tc_error *w)
{
    static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
    run_state *rs = ctx;
    pthread_mutex_lock(&mu); /* coding threads may warn too */
    rs->warnings++;
    pthread_mutex_unlock(&mu);
    if (rs->quiet)
        return;
    clear_progress(rs);
    print_diag("warning", w);
}

static void show_progress(run_state *rs, const tc_reader *r)
{
    struct timespec now;
    if (!rs->progress)
        return;
    clock_gettime(CLOCK_MONOTONIC, &now);
    if ((now.tv_sec - rs->last.tv_sec) * 1000000000L +
            (now.tv_nsec - rs->last.tv_nsec) < 250000000L)
        return;
    rs->last = now;
    fprintf(stderr, "\r\033[K%llu articles, %.1f MB, %llu rejected",
            rs->articles, (double)tc_reader_bytes(r) / 1e6, rs->rejected);
}

/* ---- The run ---------------------------------------------------------- */

/* The records of one article: the command's, and with --emit (for
 * `code`), sentences and actors first. */
static tc_status write_records(const command *cmd, const run_state *rs,
                               const tc_doc *doc, FILE *out)
{
    tc_status st = TC_OK;
    if (rs->ingest)
        return tc_cli_ingest_put(rs->ingest, doc);
    if (cmd->needs == 2 && rs->tsv)
        return tc_doc_write_events_tsv(doc, out);
    if (rs->emit_sentences && cmd->write != tc_doc_write_sentences)
        st = tc_doc_write_sentences(doc, out);
    if (st == TC_OK && rs->emit_actors && cmd->write != tc_doc_write_actors)
        st = tc_doc_write_actors(doc, out);
    if (st == TC_OK && rs->emit_places && cmd->write != tc_doc_write_places)
        st = tc_doc_write_places(doc, out);
    if (st == TC_OK)
        st = cmd->write(doc, out);
    if (st == TC_OK && rs->emit_counts && cmd->write != tc_doc_write_counts)
        st = tc_doc_write_counts(doc, out);
    if (st == TC_OK && rs->emit_quotes && cmd->write != tc_doc_write_quotes)
        st = tc_doc_write_quotes(doc, out);
    return st;
}

/* ---- Threads: the callbacks of parallel.c ----------------------------- */

typedef struct par_ctx {
    const command *cmd;
    run_state *rs;
} par_ctx;

static tc_status par_write(const tc_doc *doc, FILE *out, void *ctx)
{
    par_ctx *pc = ctx;
    return write_records(pc->cmd, pc->rs, doc, out);
}

/* `tacitus ingest`: the store has one writer, the calling thread. */
static tc_status par_deliver(const tc_doc *doc, void *ctx)
{
    par_ctx *pc = ctx;
    return write_records(pc->cmd, pc->rs, doc, NULL);
}

static void par_article(void *ctx)
{
    ((par_ctx *)ctx)->rs->articles++;
}

static void par_error(void *ctx, const tc_error *err, tc_status st)
{
    par_ctx *pc = ctx;
    (void)st;
    clear_progress(pc->rs);
    print_diag("error", err);
    pc->rs->rejected++;
}

static void par_progress(void *ctx, const tc_reader *r)
{
    show_progress(((par_ctx *)ctx)->rs, r);
}

/* Codes every article of one input; returns TC_ERR_NOMEM/TC_ERR_IO (output)
 * when the run cannot go on, TC_OK otherwise. */
static tc_status run_input(tc_engine *engine, tc_doc *doc, const char *path,
                           const command *cmd, run_state *rs)
{
    tc_error err;
    tc_status st;
    tc_reader *r = tc_reader_open(engine, path, &err);
    if (!r) {
        clear_progress(rs);
        print_diag("error", &err);
        rs->rejected++;
        return err.code == TC_ERR_NOMEM ? TC_ERR_NOMEM : TC_OK;
    }
    if (rs->threads > 1) {
        par_ctx pc = {cmd, rs};
        tc_cli_par par = {rs->threads, stdout, par_write, NULL, par_article,
                          par_error, par_progress, &pc};
        if (rs->ingest) {
            par.write = NULL;
            par.deliver = par_deliver;
        }
        st = tc_cli_run_parallel(engine, r, &par);
        tc_reader_close(r);
        return st;
    }
    for (;;) {
        st = tc_reader_next(r, doc, &err);
        if (st == TC_DONE)
            break;
        if (st == TC_OK)
            st = tc_doc_analyze(doc, &err);
        if (st == TC_OK) {
            rs->articles++;
            st = write_records(cmd, rs, doc, stdout);
            if (st != TC_OK) {
                tc_reader_close(r);
                return TC_ERR_IO;
            }
        } else {
            clear_progress(rs);
            print_diag("error", &err);
            rs->rejected++;
            if (st == TC_ERR_NOMEM)
                break;
        }
        show_progress(rs, r);
    }
    tc_reader_close(r);
    return st == TC_ERR_NOMEM ? TC_ERR_NOMEM : TC_OK;
}

enum { OPT_DATE = 256, OPT_FORMAT, OPT_MAX_ARTICLE, OPT_MAX_RECORD,
       OPT_NO_PROGRESS, OPT_ACTORS, OPT_AGENTS, OPT_VERBS, OPT_NO_BUILTIN_VERBS,
       OPT_NO_FACTS, OPT_THREADS, OPT_SHARDS, OPT_OUT,
       OPT_DATA, OPT_NO_BUILTIN,
       OPT_STATS, OPT_EMIT, OPT_FORMAT_OUT, OPT_GAZETTEER, OPT_MAX_HTML,
       OPT_DB, OPT_BATCH };

#define MAX_DICT_FILES 32

typedef struct dict_files {
    const char *actors[MAX_DICT_FILES], *agents[MAX_DICT_FILES];
    const char *verbs[MAX_DICT_FILES];
    size_t nactors, nagents, nverbs;
} dict_files;

static bool add_file(const char **list, size_t *n, const char *path)
{
    if (*n == MAX_DICT_FILES) {
        fprintf(stderr, "tacitus: at most %d dictionary files\n", MAX_DICT_FILES);
        return false;
    }
    list[(*n)++] = path;
    return true;
}

static bool parse_size(const char *s, size_t *out)
{
    char *end;
    unsigned long long v = strtoull(s, &end, 10);
    if (!*s || *end || v == 0)
        return false;
    *out = (size_t)v;
    return true;
}

/* The cores this process may run on. */
static int cores(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 && n <= 256 ? (int)n : 1;
}

static int parse_options(int argc, char **argv, tc_options *opt, run_state *rs,
                         dict_files *df)
{
    static const struct option longs[] = {
        {"date", required_argument, NULL, OPT_DATE},
        {"input-format", required_argument, NULL, OPT_FORMAT},
        {"max-article-bytes", required_argument, NULL, OPT_MAX_ARTICLE},
        {"max-record-bytes", required_argument, NULL, OPT_MAX_RECORD},
        {"max-html-bytes", required_argument, NULL, OPT_MAX_HTML},
        {"no-progress", no_argument, NULL, OPT_NO_PROGRESS},
        {"quiet", no_argument, NULL, 'q'},
        {"actors", required_argument, NULL, OPT_ACTORS},
        {"agents", required_argument, NULL, OPT_AGENTS},
        {"verbs", required_argument, NULL, OPT_VERBS},
        {"no-builtin-verbs", no_argument, NULL, OPT_NO_BUILTIN_VERBS},
        {"no-facts", no_argument, NULL, OPT_NO_FACTS},
        {"threads", required_argument, NULL, OPT_THREADS},
        {"shards", required_argument, NULL, OPT_SHARDS},
        {"out", required_argument, NULL, OPT_OUT},
        {"data", required_argument, NULL, OPT_DATA},
        {"no-builtin", no_argument, NULL, OPT_NO_BUILTIN},
        {"stats", no_argument, NULL, OPT_STATS},
        {"emit", required_argument, NULL, OPT_EMIT},
        {"format", required_argument, NULL, OPT_FORMAT_OUT},
        {"gazetteer", required_argument, NULL, OPT_GAZETTEER},
        {"db", required_argument, NULL, OPT_DB},
        {"batch", required_argument, NULL, OPT_BATCH},
        {NULL, 0, NULL, 0}};
    int c;
    while ((c = getopt_long(argc, argv, "q", longs, NULL)) != -1) {
        switch (c) {
        case OPT_DATE: opt->default_date = optarg; break;
        case OPT_FORMAT:
            if (tc_format_parse(optarg, &opt->input_format) != TC_OK) {
                fprintf(stderr, "tacitus: bad --input-format \"%s\"\n", optarg);
                return -1;
            }
            break;
        case OPT_MAX_ARTICLE:
        case OPT_MAX_RECORD:
            if (!parse_size(optarg, c == OPT_MAX_ARTICLE
                                        ? &opt->limits.max_article_bytes
                                        : &opt->limits.max_record_bytes)) {
                fprintf(stderr, "tacitus: bad size \"%s\"\n", optarg);
                return -1;
            }
            break;
        case OPT_MAX_HTML:
            if (!parse_size(optarg, &opt->limits.max_html_bytes)) {
                fprintf(stderr, "tacitus: bad size \"%s\"\n", optarg);
                return -1;
            }
            break;
        case OPT_NO_PROGRESS: rs->progress = false; break;
        case OPT_ACTORS:
            if (!add_file(df->actors, &df->nactors, optarg))
                return -1;
            break;
        case OPT_AGENTS:
            if (!add_file(df->agents, &df->nagents, optarg))
                return -1;
            break;
        case OPT_VERBS:
            if (!add_file(df->verbs, &df->nverbs, optarg))
                return -1;
            break;
        case OPT_NO_BUILTIN_VERBS: opt->no_builtin_verbs = true; break;
        case OPT_NO_FACTS: opt->no_facts = true; break;
        case OPT_SHARDS: rs->shards = strtol(optarg, NULL, 10); break;
        case OPT_OUT: rs->out_dir = optarg; break;
        case OPT_THREADS: {
            char *end;
            long t = strtol(optarg, &end, 10);
            if (*end || t < 0 || t > 256) {
                fprintf(stderr, "tacitus: bad --threads \"%s\" (0-256; 0: one per core)\n",
                        optarg);
                return -1;
            }
            rs->threads = t ? (int)t : cores();
            break;
        }
        case OPT_DATA: opt->data_dir = optarg; break;
        case OPT_NO_BUILTIN: opt->no_builtin_actors = true; break;
        case OPT_STATS: rs->stats = true; break;
        case OPT_EMIT:
            rs->emit_actors = strstr(optarg, "actors") != NULL;
            rs->emit_sentences = strstr(optarg, "sentences") != NULL;
            rs->emit_counts = strstr(optarg, "counts") != NULL;
            rs->emit_quotes = strstr(optarg, "quotes") != NULL;
            rs->emit_places = strstr(optarg, "places") != NULL;
            break;
        case OPT_GAZETTEER: opt->gazetteer_file = optarg; break;
        case OPT_FORMAT_OUT:
            if (strcmp(optarg, "tsv") != 0 && strcmp(optarg, "jsonl") != 0) {
                fprintf(stderr, "tacitus: bad --format \"%s\"\n", optarg);
                return -1;
            }
            rs->tsv = strcmp(optarg, "tsv") == 0;
            break;
        case OPT_DB: rs->db = optarg; break;
        case OPT_BATCH:
            if (!parse_size(optarg, &rs->batch)) {
                fprintf(stderr, "tacitus: bad --batch \"%s\"\n", optarg);
                return -1;
            }
            break;
        case 'q': rs->quiet = true; rs->progress = false; break;
        default: return -1;
        }
    }
    return optind;
}

/* The engine for the parsed options, warnings going to standard error. */
static tc_engine *make_engine(tc_options *opt, run_state *rs,
                              const dict_files *df, tc_error *err)
{
    opt->warn = on_warning;
    opt->warn_ctx = rs;
    opt->actor_files = df->actors;
    opt->actor_file_count = df->nactors;
    opt->agent_files = df->agents;
    opt->agent_file_count = df->nagents;
    opt->verb_files = df->verbs;
    opt->verb_file_count = df->nverbs;
    return tc_engine_new(opt, err);
}

static double seconds(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Loads the actor dictionaries; with --stats, says what and how fast. */
static tc_status load_actors(tc_engine *engine, const run_state *rs,
                             tc_error *err)
{
    double t0 = seconds();
    size_t bad = 0;
    tc_status st = tc_engine_load_actors(engine, &bad, err);
    if (st == TC_OK && rs->stats)
        fprintf(stderr,
                "tacitus: actor dictionaries: entries=%zu names=%zu "
                "bad_lines=%zu load=%.3fs\n",
                tc_engine_actor_entries(engine), tc_engine_actor_names(engine),
                bad, seconds() - t0);
    return st;
}

/* Places: the `places` command, and `code` (events carry their place). */
static bool needs_places(const command *cmd, const run_state *rs)
{
    return cmd->write == tc_doc_write_places || cmd->needs >= 2 ||
           rs->emit_places;
}

/* Loads the gazetteer; with --stats, says what and how fast. */
static tc_status load_places(tc_engine *engine, const run_state *rs,
                             tc_error *err)
{
    double t0 = seconds();
    size_t bad = 0;
    tc_status st = tc_engine_load_places(engine, &bad, err);
    if (st == TC_OK && rs->stats)
        fprintf(stderr, "tacitus: gazetteer: places=%zu bad_lines=%zu "
                        "load=%.3fs\n",
                tc_engine_place_count(engine), bad, seconds() - t0);
    return st;
}

static int run(const command *cmd, int argc, char **argv)
{
    tc_options opt;
    run_state rs;
    dict_files df;
    tc_error err;
    tc_engine *engine;
    tc_doc *doc;
    int first, i, status = EXIT_ALL_OK;
    memset(&rs, 0, sizeof rs);
    memset(&df, 0, sizeof df);
    rs.progress = isatty(STDERR_FILENO);
    rs.threads = cores(); /* --threads changes it */
    tc_options_init(&opt);
    first = parse_options(argc, argv, &opt, &rs, &df);
    if (first < 0) {
        fprintf(stderr, "tacitus: see 'tacitus help %s'\n", cmd->name);
        return EXIT_FATAL;
    }
    if (cmd->write == tc_doc_write_sentences || cmd->write == tc_doc_write_tokens ||
        cmd->write == tc_doc_write_actors)
        opt.no_facts = true; /* no facts written: none found */
    engine = make_engine(&opt, &rs, &df, &err);
    if (!engine) {
        print_diag("error", &err);
        return EXIT_FATAL;
    }
    if (cmd->needs >= 1 && load_actors(engine, &rs, &err) != TC_OK) {
        print_diag("error", &err);
        tc_engine_free(engine);
        return EXIT_FATAL;
    }
    if (cmd->needs >= 2 && tc_engine_load_events(engine, NULL, &err) != TC_OK) {
        print_diag("error", &err);
        tc_engine_free(engine);
        return EXIT_FATAL;
    }
    if (cmd->needs >= 1 && needs_places(cmd, &rs) &&
        load_places(engine, &rs, &err) != TC_OK) {
        print_diag("error", &err);
        tc_engine_free(engine);
        return EXIT_FATAL;
    }
    doc = tc_doc_new(engine);
    if (!doc) {
        tc_engine_free(engine);
        fprintf(stderr, "tacitus: out of memory\n");
        return EXIT_FATAL;
    }
    if (strcmp(cmd->name, "ingest") != 0 && (rs.db || rs.batch)) {
        fprintf(stderr, "tacitus: --db and --batch are for `tacitus ingest`\n");
        tc_doc_free(doc);
        tc_engine_free(engine);
        return EXIT_FATAL;
    }
    if (strcmp(cmd->name, "ingest") == 0) {
        rs.ingest = tc_cli_ingest_open(rs.db, rs.batch);
        if (!rs.ingest) {
            tc_doc_free(doc);
            tc_engine_free(engine);
            return EXIT_FATAL;
        }
    }
    for (i = first; i < argc || i == first; i++) {
        tc_status st = run_input(engine, doc, i < argc ? argv[i] : "-", cmd,
                                 &rs);
        if (st != TC_OK) {
            clear_progress(&rs);
            fprintf(stderr, "tacitus: fatal: %s\n", tc_status_str(st));
            status = EXIT_FATAL;
            break;
        }
    }
    clear_progress(&rs);
    if (rs.ingest && !tc_cli_ingest_close(rs.ingest, rs.quiet))
        status = EXIT_FATAL;
    if (fflush(stdout) != 0) {
        fprintf(stderr, "tacitus: fatal: cannot write output\n");
        status = EXIT_FATAL;
    }
    if (status == EXIT_ALL_OK && rs.rejected) {
        fprintf(stderr, "tacitus: %llu articles, %llu rejected\n", rs.articles,
                rs.rejected);
        status = EXIT_SOME_REJECTED;
    }
    tc_doc_free(doc);
    tc_engine_free(engine);
    return status;
}

/* `tacitus eval actors [OPTIONS] FILE.tsv` */
/* `tacitus shard --shards N --out DIR [OPTIONS] [INPUTS...]` */
static int shard_command(int argc, char **argv)
{
    tc_options opt;
    run_state rs;
    dict_files df;
    tc_error err;
    tc_engine *engine;
    int first, status;
    memset(&rs, 0, sizeof rs);
    memset(&df, 0, sizeof df);
    tc_options_init(&opt);
    first = parse_options(argc, argv, &opt, &rs, &df);
    if (first < 0 || rs.shards <= 0 || !rs.out_dir) {
        fprintf(stderr, "usage: tacitus shard --shards N --out DIR [OPTIONS] [INPUTS...]\n");
        return EXIT_FATAL;
    }
    engine = make_engine(&opt, &rs, &df, &err);
    if (!engine) {
        print_diag("error", &err);
        return EXIT_FATAL;
    }
    status = tc_cli_shard(engine, rs.shards, rs.out_dir, argv + first,
                          argc - first);
    tc_engine_free(engine);
    return status;
}

static int eval_command(int argc, char **argv)
{
    tc_options opt;
    run_state rs;
    dict_files df;
    tc_error err;
    tc_engine *engine;
    bool verbose = false;
    int first, status;
    bool counts = argc >= 2 && strcmp(argv[1], "counts") == 0;
    bool events = counts || (argc >= 2 && strcmp(argv[1], "events") == 0);
    bool quotes = argc >= 2 && strcmp(argv[1], "quotes") == 0;
    bool clean = argc >= 2 && strcmp(argv[1], "clean") == 0;
    if (argc < 2 ||
        (!events && !quotes && !clean && strcmp(argv[1], "actors") != 0)) {
        fprintf(stderr, "usage: tacitus eval actors|events|counts|quotes|clean [--verbose] [OPTIONS] FILE\n");
        return EXIT_FATAL;
    }
    memset(&rs, 0, sizeof rs);
    memset(&df, 0, sizeof df);
    tc_options_init(&opt);
    if (argc > 2 && strcmp(argv[2], "--verbose") == 0) {
        verbose = true;
        argv++;
        argc--;
    }
    first = parse_options(argc - 1, argv + 1, &opt, &rs, &df);
    if (first < 0 || argc - 1 - first != 1) {
        fprintf(stderr, "usage: tacitus eval actors|events|counts|quotes|clean [--verbose] [OPTIONS] FILE\n");
        return EXIT_FATAL;
    }
    engine = make_engine(&opt, &rs, &df, &err);
    if (engine && clean) { /* no dictionaries needed */
        status = tc_cli_eval_clean(engine, argv[1 + first], verbose);
        tc_engine_free(engine);
        return status;
    }
    if (!engine || tc_engine_load_actors(engine, NULL, &err) != TC_OK ||
        (events && tc_engine_load_events(engine, NULL, &err) != TC_OK)) {
        print_diag("error", &err);
        tc_engine_free(engine);
        return EXIT_FATAL;
    }
    if (quotes)
        status = tc_cli_eval_quotes(engine, argv[1 + first], verbose);
    else
        status = counts ? tc_cli_eval_counts(engine, argv[1 + first], verbose)
                 : events ? tc_cli_eval_events(engine, argv[1 + first], verbose)
                          : tc_cli_eval_actors(engine, argv[1 + first], verbose);
    tc_engine_free(engine);
    return status;
}

int main(int argc, char **argv)
{
    const command *cmd;
    if (argc < 2) {
        usage(stderr);
        return EXIT_FATAL;
    }
    if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "version") == 0) {
        printf("tacitus %s\n", TC_VERSION);
        return EXIT_ALL_OK;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)
        return help(NULL);
    if (strcmp(argv[1], "help") == 0)
        return help(argc > 2 ? argv[2] : NULL);
    if (strcmp(argv[1], "eval") == 0 && argc >= 3 &&
        strcmp(argv[2], "tabari") == 0) /* TABARI validation suite */
        return argc == 4 ? tc_cli_eval_tabari(argv[3], false)
             : argc == 5 && strcmp(argv[3], "--verbose") == 0
                 ? tc_cli_eval_tabari(argv[4], true)
                 : (fprintf(stderr, "usage: tacitus eval tabari [--verbose] "
                                    "FILE.project\n"), EXIT_FATAL);
    if (strcmp(argv[1], "code") == 0 && argc >= 4 &&
        strcmp(argv[2], "--tabari-project") == 0) /* a TABARI project */
        return tc_cli_tabari_code(argv[3], argc > 4 && (strcmp(argv[4], "-q") == 0 ||
                                                         strcmp(argv[4], "--quiet") == 0));
    if (strcmp(argv[1], "dict") == 0) /* dict convert */
        return tc_cli_dict(argc - 1, argv + 1);
    if (strcmp(argv[1], "eval") == 0)
        return eval_command(argc - 1, argv + 1);
    if (strcmp(argv[1], "shard") == 0)
        return shard_command(argc - 1, argv + 1);
    if (strcmp(argv[1], "serve") == 0) /* the API and dashboard */
        return tc_serve_main(argc - 1, argv + 1);
    if (tc_cli_is_store_command(argv[1]))
        return tc_cli_store_main(argc - 1, argv + 1);
    cmd = find_command(argv[1]);
    if (!cmd) {
        fprintf(stderr, "tacitus: no command \"%s\"\n", argv[1]);
        usage(stderr);
        return EXIT_FATAL;
    }
    return run(cmd, argc - 1, argv + 1);
}
