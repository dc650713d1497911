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
#include "store_cmds.h"

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
    int needs; /* 0 nothing, 1 actor dictionaries, 2 event patterns too */
} command;

static const command commands[] = {
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
     "\n"
     "Event options:\n"
     "  --emit actors,sentences,counts,quotes  also write those records, in\n"
     "                           the same stream (events stay)\n"
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
    ".html/.htm HTML (not supported yet), anything else plain UTF-8 text.\n"
    "Standard input is JSONL when its first non-blank byte is '{'.\n"
    "\n"
    "Options:\n"
    "  --date YYYY-MM-DD        publication date of articles that have none\n"
    "  --input-format FORMAT    auto (default), text, jsonl or html\n"
    "  --max-article-bytes N    reject longer articles (default 16 MiB)\n"
    "  --max-record-bytes N     reject longer JSONL lines (default 64 MiB)\n"
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
    fprintf(out, "  %-12s %s\n", "eval quotes", "direct quotes and speakers against PolNeAR");
    tc_cli_store_usage(out);
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
    run_state *rs = ctx;
    rs->warnings++;
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
                               const tc_doc *doc)
{
    tc_status st = TC_OK;
    if (rs->ingest)
        return tc_cli_ingest_put(rs->ingest, doc);
    if (cmd->needs == 2 && rs->tsv)
        return tc_doc_write_events_tsv(doc, stdout);
    if (rs->emit_sentences && cmd->write != tc_doc_write_sentences)
        st = tc_doc_write_sentences(doc, stdout);
    if (st == TC_OK && rs->emit_actors && cmd->write != tc_doc_write_actors)
        st = tc_doc_write_actors(doc, stdout);
    if (st == TC_OK)
        st = cmd->write(doc, stdout);
    if (st == TC_OK && rs->emit_counts && cmd->write != tc_doc_write_counts)
        st = tc_doc_write_counts(doc, stdout);
    if (st == TC_OK && rs->emit_quotes && cmd->write != tc_doc_write_quotes)
        st = tc_doc_write_quotes(doc, stdout);
    return st;
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
    for (;;) {
        st = tc_reader_next(r, doc, &err);
        if (st == TC_DONE)
            break;
        if (st == TC_OK)
            st = tc_doc_analyze(doc, &err);
        if (st == TC_OK) {
            rs->articles++;
            st = write_records(cmd, rs, doc);
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
       OPT_NO_FACTS,
       OPT_DATA, OPT_NO_BUILTIN,
       OPT_STATS, OPT_EMIT, OPT_FORMAT_OUT, OPT_DB, OPT_BATCH };

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

static int parse_options(int argc, char **argv, tc_options *opt, run_state *rs,
                         dict_files *df)
{
    static const struct option longs[] = {
        {"date", required_argument, NULL, OPT_DATE},
        {"input-format", required_argument, NULL, OPT_FORMAT},
        {"max-article-bytes", required_argument, NULL, OPT_MAX_ARTICLE},
        {"max-record-bytes", required_argument, NULL, OPT_MAX_RECORD},
        {"no-progress", no_argument, NULL, OPT_NO_PROGRESS},
        {"quiet", no_argument, NULL, 'q'},
        {"actors", required_argument, NULL, OPT_ACTORS},
        {"agents", required_argument, NULL, OPT_AGENTS},
        {"verbs", required_argument, NULL, OPT_VERBS},
        {"no-builtin-verbs", no_argument, NULL, OPT_NO_BUILTIN_VERBS},
        {"no-facts", no_argument, NULL, OPT_NO_FACTS},
        {"data", required_argument, NULL, OPT_DATA},
        {"no-builtin", no_argument, NULL, OPT_NO_BUILTIN},
        {"stats", no_argument, NULL, OPT_STATS},
        {"emit", required_argument, NULL, OPT_EMIT},
        {"format", required_argument, NULL, OPT_FORMAT_OUT},
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
        case OPT_DATA: opt->data_dir = optarg; break;
        case OPT_NO_BUILTIN: opt->no_builtin_actors = true; break;
        case OPT_STATS: rs->stats = true; break;
        case OPT_EMIT:
            rs->emit_actors = strstr(optarg, "actors") != NULL;
            rs->emit_sentences = strstr(optarg, "sentences") != NULL;
            rs->emit_counts = strstr(optarg, "counts") != NULL;
            rs->emit_quotes = strstr(optarg, "quotes") != NULL;
            break;
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
    if (argc < 2 || (!events && !quotes && strcmp(argv[1], "actors") != 0)) {
        fprintf(stderr, "usage: tacitus eval actors|events|counts|quotes [--verbose] [OPTIONS] FILE\n");
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
        fprintf(stderr, "usage: tacitus eval actors|events|counts|quotes [--verbose] [OPTIONS] FILE\n");
        return EXIT_FATAL;
    }
    engine = make_engine(&opt, &rs, &df, &err);
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
    if (strcmp(argv[1], "eval") == 0)
        return eval_command(argc - 1, argv + 1);
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
