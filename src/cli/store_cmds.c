/*
 * store_cmds.c - the store commands of the tacitus tool.  `ingest` shares
 * main.c's reader loop and options and hands each analysed article to
 * tc_cli_ingest_put; `query`, `export`, `series`, `alerts` and `report`
 * only read a store and live here whole.  Errors name the database file;
 * exit status 0 ok, 2 usage or fatal error.
 */
#include "store_cmds.h"
#include "store/output.h"
#include "store/store.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { EXIT_OK = 0, EXIT_FATAL = 2 };

#define DEFAULT_DB "tacitus.db"

struct tc_cli_ingest {
    tc_store *store;
    const char *path;
    unsigned long long added, replaced, unchanged;
};

const char tc_cli_ingest_help[] =
    "Codes articles (as `tacitus code`) and stores them in a SQLite file:\n"
    "the articles, actor mentions, events (one row per distinct event,\n"
    "with every article, sentence and offset that reports it), counts and\n"
    "quotes.  The same article again (same id, same content) adds nothing;\n"
    "a changed one replaces its records.  A killed ingest leaves whole\n"
    "articles only; run it again to finish.  Tables: docs/STORE.md.\n"
    "\n"
    "Store options:\n"
    "  --db FILE                the database (default tacitus.db), or a\n"
    "                           PostgreSQL URL: postgresql://HOST/DB\n"
    "  --batch N                articles per transaction (default 500)\n"
    "  and the options of `tacitus help code`.\n";

static void print_err(const tc_error *e)
{
    if (e->file[0])
        fprintf(stderr, "tacitus: %s: error: %s\n", e->file, e->message);
    else
        fprintf(stderr, "tacitus: error: %s\n", e->message);
}

tc_cli_ingest *tc_cli_ingest_open(const char *db, size_t batch)
{
    tc_cli_ingest *in = calloc(1, sizeof *in);
    tc_error err;
    if (!in) {
        fprintf(stderr, "tacitus: out of memory\n");
        return NULL;
    }
    in->path = db ? db : DEFAULT_DB;
    in->store = tc_store_open(in->path, true, batch, &err);
    if (!in->store) {
        print_err(&err);
        free(in);
        return NULL;
    }
    return in;
}

tc_status tc_cli_ingest_put(tc_cli_ingest *in, const tc_doc *doc)
{
    tc_error err;
    tc_put r;
    if (tc_store_put(in->store, doc, &r, &err) != TC_OK) {
        print_err(&err);
        return TC_ERR_IO;
    }
    if (r == TC_PUT_ADDED)
        in->added++;
    else if (r == TC_PUT_REPLACED)
        in->replaced++;
    else
        in->unchanged++;
    return TC_OK;
}

static long long count_rows(tc_store *s, const char *sql)
{
    sqlite3_stmt *st = NULL;
    long long n = -1;
    if (sqlite3_prepare_v2(tc_store_db(s), sql, -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return n;
}

bool tc_cli_ingest_close(tc_cli_ingest *in, bool quiet)
{
    tc_error err;
    bool ok = true;
    if (!in)
        return true;
    if (tc_store_commit(in->store, &err) != TC_OK) {
        print_err(&err);
        ok = false;
    }
    if (ok && !quiet)
        fprintf(stderr,
                "tacitus: %s: %llu added, %llu replaced, %llu unchanged; "
                "the store holds %lld articles, %lld events, %lld mentions\n",
                in->path, in->added, in->replaced, in->unchanged,
                tc_store_count(in->store, "articles"),
                tc_store_count(in->store, "events"),
                tc_store_count(in->store, "mentions"));
    tc_store_close(in->store);
    free(in);
    return ok;
}

/* ---- Readers ---- */

typedef struct store_cmd {
    const char *name;
    const char *summary;
    const char *help;
} store_cmd;

static const store_cmd store_cmds[] = {
    {"query", "events from a store, filtered (table, JSONL, CSV)",
     "Prints the events of a store (one row per distinct event, with its\n"
     "first evidence sentence and article), oldest first.\n"
     "\n"
     "Options:\n"
     "  --db FILE          the database (default tacitus.db)\n"
     "  --from DATE, --to DATE   event dates, inclusive (YYYY-MM-DD)\n"
     "  --actor X          source or target code starting with X, or an\n"
     "                     actor name containing X (Putin)\n"
     "  --country XXX      source or target country\n"
     "  --source X, --target X   code prefixes (RUS, RUSMIL)\n"
     "  --code C, --root R, --quad Q   CAMEO code prefix, root, QuadClass\n"
     "  --place P          place name or country (once places are coded)\n"
     "  --text WORDS       words in an evidence sentence\n"
     "  --limit N          at most N events\n"
     "  --format table|jsonl|csv   default: table on a terminal, else jsonl\n"},
    {"export", "a store as GDELT events/mentions, GKG, PLOVER, JSONL, CSV",
     "Writes a whole store to standard output:\n"
     "  --format gdelt-events    GDELT 2.0 events, 61 tab-separated columns\n"
     "  --format gdelt-mentions GDELT 2.0 mentions, 16 columns\n"
     "  --format gkg            GDELT 2.0 GKG, 27 columns, one row an\n"
     "                          article: counts, quotations, persons,\n"
     "                          organizations, names, locations\n"
     "  --format plover         PLOVER JSON records, one a line\n"
     "  --format jsonl|csv      the events table\n"
     "  --db FILE               the database (default tacitus.db)\n"
     "Fields tacitus does not know are empty (docs/STORE.md).\n"},
    {"series", "events per QuadClass, Goldstein, killed, wounded per period",
     "Prints per day, week (from Monday) or month: events per QuadClass,\n"
     "the Goldstein sum and mean, and killed and wounded (the counts of\n"
     "the articles that report those events).  Asserted events only.\n"
     "\n"
     "Options:\n"
     "  --db FILE            the database (default tacitus.db)\n"
     "  --dyad SRC:TGT       source and target (country or code prefix)\n"
     "  --country XXX        either side\n"
     "  --by day|week|month  the period (default day)\n"
     "  --from DATE, --to DATE\n"
     "  --format table|jsonl|csv\n"},
    {"alerts", "days when a dyad or a country leaves its usual range",
     "For every dyad (source country:target country) and every country,\n"
     "the daily number of conflict events (QuadClass 3-4) is compared with\n"
     "the days before it: an alert is a day with at least --min-events of\n"
     "them whose z-score over the --window days before reaches --z, for a\n"
     "key with events --min-history days before.  Each alert lists the\n"
     "events behind it.\n"
     "\n"
     "Options:\n"
     "  --db FILE          the database (default tacitus.db)\n"
     "  --window N         trailing days (default 14)\n"
     "  --min-history N    days of history needed (default 7)\n"
     "  --z X              threshold (default 3)\n"
     "  --min-events N     conflict events on the day (default 3)\n"
     "  --from DATE, --to DATE   days to report\n"
     "  --format table|jsonl|csv\n"},
    {"merge", "shard stores into one, with the dedup (--db OUT IN.db...)",
     "usage: tacitus merge --db OUT IN.db...\n"
     "Merges store files (one per shard of a Slurm array, say) into OUT\n"
     "(created when missing) with the store's dedup: an article already in\n"
     "OUT with the same content adds nothing, a changed one replaces it;\n"
     "events are matched on the dedup key, their mentions re-linked and\n"
     "their totals recomputed.  One transaction per input: a killed merge\n"
     "leaves OUT with whole inputs only; run it again to finish.\n"},
    {"report", "a short report of a store: totals, top dyads, series, alerts",
     "Prints the totals of a store, its top dyads, the daily series of the\n"
     "top dyad and any alert.\n"
     "\n"
     "Options:\n"
     "  --db FILE          the database (default tacitus.db)\n"},
};

#define N_STORE_CMDS (sizeof store_cmds / sizeof store_cmds[0])

static const store_cmd *find(const char *name)
{
    size_t i;
    for (i = 0; i < N_STORE_CMDS; i++)
        if (strcmp(store_cmds[i].name, name) == 0)
            return &store_cmds[i];
    return NULL;
}

bool tc_cli_is_store_command(const char *name)
{
    return find(name) != NULL;
}

bool tc_cli_store_help(const char *name)
{
    const store_cmd *c = find(name);
    if (!c)
        return false;
    if (strcmp(name, "merge") == 0) {
        printf("%s", c->help);
        return true;
    }
    printf("usage: tacitus %s [OPTIONS]\n\n%s", c->name, c->help);
    return true;
}

void tc_cli_store_usage(FILE *out)
{
    size_t i;
    for (i = 0; i < N_STORE_CMDS; i++)
        fprintf(out, "  %-12s %s\n", store_cmds[i].name,
                store_cmds[i].summary);
}

typedef struct reader_opts {
    const char *db, *format;
    tc_store_filter f;
    tc_series_opts series;
    tc_alert_opts alerts;
} reader_opts;

enum { O_DB = 256, O_FROM, O_TO, O_ACTOR, O_COUNTRY, O_SOURCE, O_TARGET,
       O_CODE, O_ROOT, O_QUAD, O_PLACE, O_TEXT, O_LIMIT, O_FORMAT, O_DYAD,
       O_BY, O_WINDOW, O_HISTORY, O_Z, O_MIN_EVENTS };

static bool parse_int(const char *s, long lo, long hi, long *out)
{
    char *end;
    long v = strtol(s, &end, 10);
    if (!*s || *end || v < lo || v > hi)
        return false;
    *out = v;
    return true;
}

/* A --dyad SRC:TGT split in place. */
static bool parse_dyad(char *s, tc_series_opts *o)
{
    char *colon = strchr(s, ':');
    if (!colon || colon == s || !colon[1])
        return false;
    *colon = '\0';
    o->dyad_source = s;
    o->dyad_target = colon + 1;
    return true;
}

static bool set_numeric(int c, const char *arg, reader_opts *r)
{
    long v;
    char *end;
    switch (c) {
    case O_QUAD:
        if (!parse_int(arg, 1, 4, &v))
            return false;
        r->f.quad = (int)v;
        return true;
    case O_LIMIT: return parse_int(arg, 1, 1L << 30, &r->f.limit);
    case O_WINDOW:
        if (!parse_int(arg, 1, 3650, &v))
            return false;
        r->alerts.window = (int)v;
        return true;
    case O_HISTORY:
        if (!parse_int(arg, 1, 3650, &v))
            return false;
        r->alerts.min_history = (int)v;
        return true;
    case O_MIN_EVENTS:
        if (!parse_int(arg, 1, 1000000, &v))
            return false;
        r->alerts.min_events = (int)v;
        return true;
    default: /* O_Z */
        r->alerts.z = strtod(arg, &end);
        return *arg && !*end && r->alerts.z > 0;
    }
}

static bool set_option(int c, char *arg, reader_opts *r)
{
    switch (c) {
    case O_DB: r->db = arg; return true;
    case O_FROM: r->f.from = r->series.from = r->alerts.from = arg; return true;
    case O_TO: r->f.to = r->series.to = r->alerts.to = arg; return true;
    case O_ACTOR: r->f.actor = arg; return true;
    case O_COUNTRY: r->f.country = r->series.country = arg; return true;
    case O_SOURCE: r->f.source = arg; return true;
    case O_TARGET: r->f.target = arg; return true;
    case O_CODE: r->f.code = arg; return true;
    case O_ROOT: r->f.root = arg; return true;
    case O_PLACE: r->f.place = arg; return true;
    case O_TEXT: r->f.text = arg; return true;
    case O_FORMAT: r->format = arg; return true;
    case O_DYAD: return parse_dyad(arg, &r->series);
    case O_BY: r->series.by = arg; return true;
    default: return set_numeric(c, arg, r);
    }
}

static int parse_reader(int argc, char **argv, reader_opts *r)
{
    static const struct option longs[] = {
        {"db", required_argument, NULL, O_DB},
        {"from", required_argument, NULL, O_FROM},
        {"to", required_argument, NULL, O_TO},
        {"actor", required_argument, NULL, O_ACTOR},
        {"country", required_argument, NULL, O_COUNTRY},
        {"source", required_argument, NULL, O_SOURCE},
        {"target", required_argument, NULL, O_TARGET},
        {"code", required_argument, NULL, O_CODE},
        {"root", required_argument, NULL, O_ROOT},
        {"quad", required_argument, NULL, O_QUAD},
        {"place", required_argument, NULL, O_PLACE},
        {"text", required_argument, NULL, O_TEXT},
        {"limit", required_argument, NULL, O_LIMIT},
        {"format", required_argument, NULL, O_FORMAT},
        {"dyad", required_argument, NULL, O_DYAD},
        {"by", required_argument, NULL, O_BY},
        {"window", required_argument, NULL, O_WINDOW},
        {"min-history", required_argument, NULL, O_HISTORY},
        {"z", required_argument, NULL, O_Z},
        {"min-events", required_argument, NULL, O_MIN_EVENTS},
        {"no-progress", no_argument, NULL, 'P'},
        {"quiet", no_argument, NULL, 'q'},
        {NULL, 0, NULL, 0}};
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "q", longs, NULL)) != -1) {
        if (c == 'P' || c == 'q')
            continue;
        if (c == '?' || !set_option(c, optarg, r)) {
            if (c != '?')
                fprintf(stderr, "tacitus: bad value \"%s\" for --%s\n",
                        optarg, longs[c - O_DB].name);
            return -1;
        }
    }
    if (optind != argc) {
        fprintf(stderr, "tacitus: %s takes no file arguments (use --db)\n",
                argv[0]);
        return -1;
    }
    return 0;
}

static int report(tc_store *s, tc_error *err)
{
    sqlite3_stmt *st = NULL;
    tc_series_opts so;
    tc_alert_opts ao;
    char src[64] = "", tgt[64] = "";
    printf("== %lld articles, %lld events (%lld mentions), %lld counts, "
           "%lld quotes\n",
           (long long)count_rows(s, "SELECT count(*) FROM articles"),
           (long long)count_rows(s, "SELECT count(*) FROM events"),
           (long long)count_rows(s, "SELECT count(*) FROM mentions"),
           (long long)count_rows(s, "SELECT count(*) FROM counts"),
           (long long)count_rows(s, "SELECT count(*) FROM quotes"));
    printf("\n== Top dyads\n");
    if (tc_store_top_dyads(s, 5, stdout, err) != TC_OK)
        return EXIT_FATAL;
    if (sqlite3_prepare_v2(tc_store_db(s),
            "SELECT source, target FROM events WHERE source <> ''"
            " AND target <> '' AND negated = 0 AND modality = 'asserted'"
            " GROUP BY 1, 2 ORDER BY count(*) DESC, sum(num_articles) DESC,"
            " 1, 2 LIMIT 1", -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW) {
        snprintf(src, sizeof src, "%s", sqlite3_column_text(st, 0));
        snprintf(tgt, sizeof tgt, "%s", sqlite3_column_text(st, 1));
    }
    sqlite3_finalize(st);
    if (*src) {
        memset(&so, 0, sizeof so);
        so.dyad_source = src;
        so.dyad_target = tgt;
        printf("\n== Series of %s:%s by day\n", src, tgt);
        if (tc_store_series(s, &so, TC_OUT_TABLE, stdout, err) != TC_OK)
            return EXIT_FATAL;
    }
    printf("\n== Alerts\n");
    memset(&ao, 0, sizeof ao);
    if (tc_store_alerts(s, &ao, TC_OUT_TABLE, stdout, err) != TC_OK)
        return EXIT_FATAL;
    return EXIT_OK;
}

static int run_reader(const char *name, tc_store *s, reader_opts *r,
                      tc_error *err)
{
    tc_out_format f = isatty(STDOUT_FILENO) ? TC_OUT_TABLE : TC_OUT_JSONL;
    tc_status st;
    if (strcmp(name, "report") == 0)
        return report(s, err);
    if (strcmp(name, "export") == 0) {
        if (!r->format) {
            fprintf(stderr, "tacitus: export needs --format (gdelt-events, "
                            "gdelt-mentions, gkg, plover, jsonl, csv)\n");
            return EXIT_FATAL;
        }
        st = tc_store_export(s, r->format, stdout, err);
    } else {
        if (r->format && tc_out_parse(r->format, &f) != TC_OK) {
            fprintf(stderr, "tacitus: bad --format \"%s\" (table, jsonl, "
                            "csv)\n", r->format);
            return EXIT_FATAL;
        }
        if (strcmp(name, "query") == 0)
            st = tc_store_query(s, &r->f, f, stdout, err);
        else if (strcmp(name, "series") == 0)
            st = tc_store_series(s, &r->series, f, stdout, err);
        else
            st = tc_store_alerts(s, &r->alerts, f, stdout, err);
    }
    return st == TC_OK ? EXIT_OK : EXIT_FATAL;
}

/* `tacitus merge --db OUT IN.db...` */
static int merge_main(int argc, char **argv)
{
    const char *db = NULL;
    tc_merge_stats ms = {0, 0, 0};
    tc_error err;
    tc_store *s;
    int i, first = 0, status = EXIT_OK;
    bool quiet = false;
    for (i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--db") == 0 && i + 1 < argc)
            db = argv[++i];
        else if (strncmp(argv[i], "--db=", 5) == 0)
            db = argv[i] + 5;
        else if (strcmp(argv[i], "-q") == 0 || strcmp(argv[i], "--quiet") == 0)
            quiet = true;
        else if (strcmp(argv[i], "--no-progress") == 0)
            continue;
        else if (argv[i][0] == '-' && argv[i][1]) {
            fprintf(stderr, "tacitus: merge: unknown option %s\n", argv[i]);
            first = -1;
            break;
        } else if (!first)
            first = i;
    }
    if (!db || first <= 0) {
        fprintf(stderr, "usage: tacitus merge --db OUT IN.db...\n");
        return EXIT_FATAL;
    }
    memset(&err, 0, sizeof err);
    s = tc_store_open(db, true, 0, &err);
    if (!s) {
        print_err(&err);
        return EXIT_FATAL;
    }
    for (i = first; i < argc; i++) {
        if (argv[i][0] == '-' && argv[i][1]) {
            if (strcmp(argv[i], "--db") == 0)
                i++;
            continue;
        }
        if (tc_store_merge(s, argv[i], &ms, &err) != TC_OK) {
            print_err(&err);
            status = EXIT_FATAL;
            break;
        }
    }
    if (!quiet)
        fprintf(stderr,
                "tacitus: %s: %llu added, %llu replaced, %llu unchanged; "
                "the store holds %lld articles, %lld events, %lld mentions\n",
                db, ms.added, ms.replaced, ms.unchanged,
                count_rows(s, "SELECT count(*) FROM articles"),
                count_rows(s, "SELECT count(*) FROM events"),
                count_rows(s, "SELECT count(*) FROM mentions"));
    tc_store_close(s);
    return status;
}

int tc_cli_store_main(int argc, char **argv)
{
    reader_opts r;
    tc_error err;
    tc_store *s;
    int status;
    if (strcmp(argv[0], "merge") == 0)
        return merge_main(argc, argv);
    memset(&r, 0, sizeof r);
    if (parse_reader(argc, argv, &r) != 0) {
        fprintf(stderr, "tacitus: see 'tacitus help %s'\n", argv[0]);
        return EXIT_FATAL;
    }
    memset(&err, 0, sizeof err);
    s = tc_store_open(r.db ? r.db : DEFAULT_DB, false, 0, &err);
    if (!s) {
        print_err(&err);
        return EXIT_FATAL;
    }
    status = run_reader(argv[0], s, &r, &err);
    if (status != EXIT_OK && err.message[0])
        print_err(&err);
    tc_store_close(s);
    if (fflush(stdout) != 0) {
        fprintf(stderr, "tacitus: fatal: cannot write output\n");
        status = EXIT_FATAL;
    }
    return status;
}
