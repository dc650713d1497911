/*
 * store_int.h - what the files of src/store/ share: the store handle with
 * its prepared statements, and small binding helpers.
 */
#ifndef TC_STORE_INT_H
#define TC_STORE_INT_H

#include "store.h"
#include "core/core.h"

#include <stdint.h>

/* The statements of an ingest, prepared once per store. */
enum {
    Q_SEL_ARTICLE, Q_OLD_EVENTS, Q_DEL_MENTIONS, Q_DEL_ACTORS, Q_DEL_COUNTS,
    Q_DEL_QUOTES, Q_DEL_ARTICLE, Q_INS_ARTICLE, Q_INS_ACTOR, Q_UPS_EVENT,
    Q_INS_MENTION, Q_INS_COUNT, Q_INS_QUOTE, Q_AGG_EVENT, Q_DEL_EVENT,
    Q_COUNT_
};

struct tc_store {
    sqlite3 *db;
    const char *path;   /* borrowed from the caller */
    bool write;
    bool in_batch;      /* a transaction is open */
    size_t batch;       /* articles per transaction */
    size_t pending;     /* articles written in the open transaction */
    sqlite3_stmt *q[Q_COUNT_];
    int64_t *touched;   /* events whose mentions changed in this batch */
    size_t ntouched, captouched;
    struct tc_pg *pg;   /* PostgreSQL (pg.c): `db` is then an in-memory
                           staging store (write) or snapshot (read) */
};

/* An in-memory store (the PostgreSQL backend's staging store and
 * snapshot), named `label` in errors (schema.c). */
tc_store *tc_store_open_memory(const char *label, size_t batch,
                               tc_error *err);

/* PostgreSQL (pg.c): a postgresql:// or postgres:// URL. */
bool tc_store_is_pg(const char *path);
tc_store *tc_pg_open(const char *url, bool write, size_t batch,
                     tc_error *err);
/* Whether the database holds `id`, and with which hash: ADDED (not
 * there), UNCHANGED (same hash), REPLACED (another hash). */
tc_status tc_pg_lookup(tc_store *s, const char *id, const char *hash,
                       tc_put *result, tc_error *err);
/* Moves the staged batch into PostgreSQL, one transaction. */
tc_status tc_pg_commit(tc_store *s, tc_error *err);
long long tc_pg_count(tc_store *s, const char *table);
void tc_pg_close(struct tc_pg *pg);

/* Runs one statement of tc_merge_run; false on failure. */
typedef bool (*tc_merge_exec)(void *ctx, const char *sql);
/* Moves the articles of the tables named `src` + table ("src." or "stg_")
 * into the unqualified tables, with the dedup (merge.c); `schema` is a
 * SQLite store the column lists are read from.  The caller holds the
 * transaction. */
tc_status tc_merge_run(sqlite3 *schema, const char *src, tc_merge_exec exec,
                       void *ctx);

/* Prepares the ingest statements (put.c). */
tc_status tc_store_prepare(tc_store *s, tc_error *err);

/* Binds a string, or NULL when `null_if_empty` and it is "". */
static inline int tc_bind_str(sqlite3_stmt *st, int i, const char *v,
                              bool null_if_empty)
{
    if (!v || (null_if_empty && !*v))
        return sqlite3_bind_null(st, i);
    return sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC);
}

/* Binds an offset pair's start, NULL when the part is missing (0, 0). */
static inline int tc_bind_off(sqlite3_stmt *st, int i, size_t start,
                              size_t end)
{
    if (start == 0 && end == 0)
        return sqlite3_bind_null(st, i) | sqlite3_bind_null(st, i + 1);
    return sqlite3_bind_int64(st, i, (sqlite3_int64)start) |
           sqlite3_bind_int64(st, i + 1, (sqlite3_int64)end);
}

#endif
