/*
 * store.h - the event store: coded articles in a SQLite file (schema in
 * docs/STORE.md).  It sits beside libtacitus, not inside it: it uses only
 * the public API (tacitus.h) and the system SQLite, so the engine builds and
 * runs without SQLite; the tool and the tests link it in.
 *
 * Writers: one process at a time (SQLite's lock); readers may run during a
 * write (WAL).  Every put belongs to a batch: a transaction committed every
 * `batch` articles and at tc_store_commit, so a killed ingest leaves only
 * whole articles behind.
 */
#ifndef TC_STORE_H
#define TC_STORE_H

#include "tacitus.h"

#include <sqlite3.h>

/* The schema this code writes and reads (PRAGMA user_version), and the
 * application id that marks a file as ours (PRAGMA application_id, "TCst"). */
#define TC_STORE_SCHEMA 3
#define TC_STORE_APP_ID 0x54437374

typedef struct tc_store tc_store;

/*
 * Opens (write: creates if missing) a store: a SQLite file, or a
 * PostgreSQL database for a postgresql:// or postgres:// URL (pg.c; its
 * readers see an in-memory snapshot).  A file that is not SQLite,
 * a SQLite file with other tables, or a store made by a newer tacitus is
 * an error naming the file; an older schema is migrated in one
 * transaction.  `batch` is the number of articles per transaction (0: 500).
 */
tc_store *tc_store_open(const char *path, bool write, size_t batch,
                        tc_error *err);
/* Opens for reading only (SQLITE_OPEN_READONLY and PRAGMA query_only): an
 * older schema is an error, not migrated.  One connection: use it from one
 * thread at a time (tacitus serve opens one per worker). */
tc_store *tc_store_open_readonly(const char *path, tc_error *err);
/* Opens at an older schema version (tests of the migration path). */
tc_store *tc_store_open_at(const char *path, int version, tc_error *err);
/* Commits the open batch, if any, and closes.  NULL does nothing. */
void tc_store_close(tc_store *store);

/* Rows of a table ("articles", "events", ...); -1 on failure.  Counts the
 * database itself for PostgreSQL (docs/STORE.md). */
long long tc_store_count(tc_store *store, const char *table);

/* The connection, borrowed (for the readers in this folder and tests). */
sqlite3 *tc_store_db(tc_store *store);

typedef enum tc_put {
    TC_PUT_ADDED = 0, /* a new article */
    TC_PUT_REPLACED,  /* same id, new content: old records replaced */
    TC_PUT_UNCHANGED  /* same id and content hash: nothing written */
} tc_put;

/* Stores an analysed document (articles, actors, events and their
 * mentions, counts, quotes).  Articles without an id are stored under "". */
tc_status tc_store_put(tc_store *store, const tc_doc *doc, tc_put *result,
                       tc_error *err);
/* Commits the open batch (event totals brought up to date first). */
tc_status tc_store_commit(tc_store *store, tc_error *err);

/* The content hash of an article (hex, 16 digits + NUL). */
void tc_store_hash(const tc_doc *doc, char out[17]);

/* ---- Merging stores (merge.c) ---- */

typedef struct tc_merge_stats {
    unsigned long long added, replaced, unchanged; /* articles */
} tc_merge_stats;

/*
 * Merges the store file `in_path` into `store` (opened for writing) with
 * the dedup of tc_store_put: an article already there with the same
 * content hash adds nothing, one with another hash replaces it; events
 * are matched on the dedup key, mentions re-linked, totals recomputed.
 * One transaction: a killed merge leaves `store` as it was.  Adds to
 * *stats (may be NULL).
 */
tc_status tc_store_merge(tc_store *store, const char *in_path,
                         tc_merge_stats *stats, tc_error *err);

/* ---- Readers (query.c, export.c, series.c) ---- */

typedef enum tc_out_format {
    TC_OUT_TABLE = 0,
    TC_OUT_JSONL,
    TC_OUT_CSV
} tc_out_format;

/* Filters of `tacitus query`; NULL/0 means no filter. */
typedef struct tc_store_filter {
    const char *from, *to;         /* event dates, inclusive */
    const char *actor;             /* source or target code prefix */
    const char *country;           /* source or target country */
    const char *source, *target;   /* code prefixes */
    const char *code, *root;       /* CAMEO code prefix, root */
    int quad;
    const char *place;             /* place name or country (with places) */
    const char *text;              /* words in an evidence sentence */
    long limit;                    /* 0: all */
    long offset;                   /* rows skipped first (0: none) */
} tc_store_filter;

tc_status tc_store_query(tc_store *store, const tc_store_filter *f,
                         tc_out_format format, FILE *out, tc_error *err);

/* gdelt-events, gdelt-mentions, gkg, plover, jsonl, csv. */
tc_status tc_store_export(tc_store *store, const char *format, FILE *out,
                          tc_error *err);

typedef struct tc_series_opts {
    const char *dyad_source, *dyad_target; /* country or code prefixes */
    const char *country;                   /* either side */
    const char *by;                        /* day, week, month */
    const char *from, *to;
} tc_series_opts;

tc_status tc_store_series(tc_store *store, const tc_series_opts *o,
                          tc_out_format format, FILE *out, tc_error *err);

typedef struct tc_alert_opts {
    int window;        /* trailing days; default 14 */
    int min_history;   /* days with data needed before; default 7 */
    double z;          /* threshold; default 3.0 */
    int min_events;    /* events on the day; default 3 */
    const char *from, *to;
} tc_alert_opts;

tc_status tc_store_alerts(tc_store *store, const tc_alert_opts *o,
                          tc_out_format format, FILE *out, tc_error *err);

/* Top dyads by events (the demo report). */
tc_status tc_store_top_dyads(tc_store *store, int n, FILE *out,
                             tc_error *err);

/* Shared by the readers: a SQLite failure as a tc_error. */
tc_status tc_store_sql_error(tc_store *store, tc_error *err, const char *what);

#endif
