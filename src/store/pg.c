/*
 * pg.c - the store in PostgreSQL: `--db postgresql://...` (or
 * postgres://, or any libpq connection URI).
 *
 * The same schema (docs/STORE.md) is created in the database, with the
 * types PostgreSQL names (BIGINT, DOUBLE PRECISION, BIGSERIAL ids), from
 * the SQLite schema itself, plus a table tacitus_meta holding the
 * application id and the schema version.
 *
 * Writing: each article is first written by tc_store_put into an
 * in-memory SQLite store (the staging store, the code path of every
 * SQLite ingest), after a look-up of its id and content hash in
 * PostgreSQL (same hash: nothing is written).  When a batch commits, the
 * staging tables are copied (COPY) into temporary tables and moved into
 * the real ones by the statements of `tacitus merge` (merge.c: articles by
 * id and hash, events upserted on the dedup key, mentions re-linked,
 * totals recomputed), all in one PostgreSQL transaction holding an
 * advisory lock, so writers sharing a database take turns per batch and a
 * killed ingest leaves whole batches.
 *
 * Reading: the readers (query, export, series, alerts, report) run on an
 * in-memory SQLite snapshot of the PostgreSQL tables, read in one
 * REPEATABLE READ transaction: simple and exact, but the whole store is
 * loaded into memory (docs/STORE.md says so).
 *
 * Built only when pkg-config finds libpq (TC_HAVE_PG); without it, a
 * postgresql:// --db is an error that says so.
 */
#include "store_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool tc_store_is_pg(const char *path)
{
    return strncmp(path, "postgresql://", 13) == 0 ||
           strncmp(path, "postgres://", 11) == 0;
}

#ifndef TC_HAVE_PG

tc_store *tc_pg_open(const char *url, bool write, size_t batch, tc_error *err)
{
    (void)write;
    (void)batch;
    tc_error_set(err, TC_ERR_UNSUPPORTED, url, 0, 0,
                 "this tacitus was built without PostgreSQL (install "
                 "libpq-dev and rebuild)");
    return NULL;
}
tc_status tc_pg_lookup(tc_store *s, const char *id, const char *hash,
                       tc_put *result, tc_error *err)
{
    (void)id;
    (void)hash;
    *result = TC_PUT_ADDED;
    return tc_error_set(err, TC_ERR_UNSUPPORTED, s->path, 0, 0,
                        "built without PostgreSQL");
}
tc_status tc_pg_commit(tc_store *s, tc_error *err)
{
    return tc_error_set(err, TC_ERR_UNSUPPORTED, s->path, 0, 0,
                        "built without PostgreSQL");
}
void tc_pg_close(struct tc_pg *pg)
{
    (void)pg;
}
long long tc_pg_count(tc_store *s, const char *table)
{
    (void)s;
    (void)table;
    return -1;
}

#else

#include <libpq-fe.h>

struct tc_pg {
    PGconn *conn;
    char error[512];
};

static const char *const tables[] = {"articles", "actors", "events",
                                     "mentions", "counts", "quotes"};
#define NTABLES (sizeof tables / sizeof tables[0])

/* Runs `sql`; false (message kept) unless it succeeded. */
static bool pg_exec(void *ctx, const char *sql)
{
    struct tc_pg *pg = ctx;
    PGresult *r = PQexec(pg->conn, sql);
    ExecStatusType st = PQresultStatus(r);
    bool ok = st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK;
    if (!ok)
        snprintf(pg->error, sizeof pg->error, "%s",
                 PQresultErrorMessage(r));
    PQclear(r);
    return ok;
}

static tc_status pg_fail(tc_store *s, tc_error *err, const char *what)
{
    char *nl;
    if (!s->pg->error[0])
        snprintf(s->pg->error, sizeof s->pg->error, "%s",
                 PQerrorMessage(s->pg->conn));
    if ((nl = strchr(s->pg->error, '\n')) != NULL)
        *nl = '\0';
    tc_error_set(err, TC_ERR_IO, s->path, 0, 0, "%s: %s", what,
                 s->pg->error);
    s->pg->error[0] = '\0';
    return TC_ERR_IO;
}

/* Columns of a staging (SQLite) table, id first, each quoted, joined by
 * commas, into `out`; false when they do not fit. */
static bool col_list(sqlite3 *db, const char *table, char *out, size_t cap,
                     int *ncols)
{
    sqlite3_stmt *st = NULL;
    char sql[128];
    size_t n = 0;
    *ncols = 0;
    out[0] = '\0';
    snprintf(sql, sizeof sql, "SELECT name FROM pragma_table_info('%s')",
             table);
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        return false;
    while (sqlite3_step(st) == SQLITE_ROW) {
        int k = snprintf(out + n, cap - n, "%s\"%s\"", n ? "," : "",
                         (const char *)sqlite3_column_text(st, 0));
        if (k < 0 || (size_t)k >= cap - n) {
            sqlite3_finalize(st);
            return false;
        }
        n += (size_t)k;
        (*ncols)++;
    }
    sqlite3_finalize(st);
    return *ncols > 0;
}

/* The PostgreSQL DDL of one table, from the SQLite schema. */
static bool table_ddl(sqlite3 *db, const char *table, char *out, size_t cap)
{
    sqlite3_stmt *st = NULL;
    char sql[160];
    size_t n;
    int k;
    snprintf(sql, sizeof sql, "SELECT name, type, \"notnull\", dflt_value,"
             " pk FROM pragma_table_info('%s')", table);
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        return false;
    n = (size_t)snprintf(out, cap, "CREATE TABLE IF NOT EXISTS %s(", table);
    while (sqlite3_step(st) == SQLITE_ROW) {
        const char *name = (const char *)sqlite3_column_text(st, 0);
        const char *type = (const char *)sqlite3_column_text(st, 1);
        const char *dflt = (const char *)sqlite3_column_text(st, 3);
        const char *pgtype = strcmp(type, "INTEGER") == 0 ? "BIGINT"
                           : strcmp(type, "REAL") == 0 ? "DOUBLE PRECISION"
                           : "TEXT";
        if (sqlite3_column_int(st, 4))
            k = snprintf(out + n, cap - n, "\"%s\" BIGSERIAL PRIMARY KEY",
                         name);
        else
            k = snprintf(out + n, cap - n, ",\"%s\" %s%s%s%s", name, pgtype,
                         sqlite3_column_int(st, 2) ? " NOT NULL" : "",
                         dflt ? " DEFAULT " : "", dflt ? dflt : "");
        if (k < 0 || (size_t)k >= cap - n) {
            sqlite3_finalize(st);
            return false;
        }
        n += (size_t)k;
    }
    sqlite3_finalize(st);
    k = snprintf(out + n, cap - n, "%s)",
                 strcmp(table, "articles") == 0 ? ",UNIQUE(doc_id)"
                 : strcmp(table, "events") == 0
                     ? ",UNIQUE(date, source, target, code, negated,"
                       " modality, place_key)"
                     : "");
    return k > 0 && (size_t)k < cap - n;
}

/* Creates the schema when the database has none; refuses a database
 * with tables of its own or a newer schema. */
static tc_status pg_schema(tc_store *s, tc_error *err)
{
    struct tc_pg *pg = s->pg;
    char ddl[8192], sql[256];
    sqlite3_stmt *st = NULL;
    PGresult *r;
    size_t i;
    int ver = -1;
    bool foreign;
    if (!pg_exec(pg, "BEGIN") ||
        !pg_exec(pg, "SELECT pg_advisory_xact_lock(1413706612)"))
        return pg_fail(s, err, "cannot lock the database");
    r = PQexec(pg->conn, "SELECT to_regclass('tacitus_meta') IS NULL AND"
                         " to_regclass('articles') IS NOT NULL");
    foreign = PQresultStatus(r) == PGRES_TUPLES_OK &&
              strcmp(PQgetvalue(r, 0, 0), "t") == 0;
    PQclear(r);
    if (foreign) {
        pg_exec(pg, "ROLLBACK");
        return tc_error_set(err, TC_ERR_INPUT, s->path, 0, 0,
                            "a database with an articles table of its own, "
                            "not a tacitus store");
    }
    if (!pg_exec(pg, "CREATE TABLE IF NOT EXISTS tacitus_meta(key TEXT"
                     " PRIMARY KEY, value TEXT NOT NULL)"))
        goto fail;
    snprintf(sql, sizeof sql, "INSERT INTO tacitus_meta VALUES"
             " ('application_id', '%d'), ('schema', '%d')"
             " ON CONFLICT DO NOTHING", TC_STORE_APP_ID, TC_STORE_SCHEMA);
    if (!pg_exec(pg, sql))
        goto fail;
    r = PQexec(pg->conn, "SELECT value FROM tacitus_meta WHERE key='schema'");
    if (PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1)
        ver = atoi(PQgetvalue(r, 0, 0));
    PQclear(r);
    if (ver != TC_STORE_SCHEMA) {
        pg_exec(pg, "ROLLBACK");
        return tc_error_set(err, TC_ERR_UNSUPPORTED, s->path, 0, 0,
                            "store schema version %d; this tacitus reads "
                            "%d", ver, TC_STORE_SCHEMA);
    }
    for (i = 0; i < NTABLES; i++)
        if (!table_ddl(s->db, tables[i], ddl, sizeof ddl) ||
            !pg_exec(pg, ddl))
            goto fail;
    if (sqlite3_prepare_v2(s->db, "SELECT sql FROM sqlite_schema WHERE"
                           " type='index' AND sql IS NOT NULL", -1, &st,
                           NULL) != SQLITE_OK)
        goto fail;
    while (sqlite3_step(st) == SQLITE_ROW) {
        const char *ix = (const char *)sqlite3_column_text(st, 0);
        if (strncmp(ix, "CREATE INDEX ", 13) != 0)
            continue;
        snprintf(ddl, sizeof ddl, "CREATE INDEX IF NOT EXISTS %s", ix + 13);
        if (!pg_exec(pg, ddl)) {
            sqlite3_finalize(st);
            goto fail;
        }
    }
    sqlite3_finalize(st);
    if (!pg_exec(pg, "COMMIT"))
        goto fail;
    return TC_OK;
fail:
    pg_fail(s, err, "cannot create the schema");
    PQclear(PQexec(pg->conn, "ROLLBACK"));
    return TC_ERR_IO;
}

/* Copies every row of the PostgreSQL tables into the (empty) in-memory
 * store: the readers' snapshot. */
static tc_status pg_snapshot(tc_store *s, tc_error *err)
{
    struct tc_pg *pg = s->pg;
    char cols[4096], sql[8192];
    size_t i;
    if (!pg_exec(pg, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY") ||
        sqlite3_exec(s->db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
        return pg_fail(s, err, "cannot read the database");
    for (i = 0; i < NTABLES; i++) {
        sqlite3_stmt *ins = NULL;
        PGresult *r;
        int ncols, row, nrows, c;
        size_t n;
        if (!col_list(s->db, tables[i], cols, sizeof cols, &ncols))
            goto fail;
        snprintf(sql, sizeof sql, "SELECT %s FROM %s ORDER BY id", cols,
                 tables[i]);
        r = PQexec(pg->conn, sql);
        if (PQresultStatus(r) != PGRES_TUPLES_OK) {
            snprintf(pg->error, sizeof pg->error, "%s",
                     PQresultErrorMessage(r));
            PQclear(r);
            goto fail;
        }
        n = (size_t)snprintf(sql, sizeof sql, "INSERT INTO %s(%s) VALUES(?",
                             tables[i], cols);
        for (c = 1; c < ncols && n + 3 < sizeof sql; c++)
            n += (size_t)snprintf(sql + n, sizeof sql - n, ",?");
        snprintf(sql + n, sizeof sql - n, ")");
        if (sqlite3_prepare_v2(s->db, sql, -1, &ins, NULL) != SQLITE_OK) {
            PQclear(r);
            goto fail;
        }
        nrows = PQntuples(r);
        for (row = 0; row < nrows; row++) {
            for (c = 0; c < ncols; c++) {
                if (PQgetisnull(r, row, c))
                    sqlite3_bind_null(ins, c + 1);
                else
                    sqlite3_bind_text(ins, c + 1, PQgetvalue(r, row, c), -1,
                                      SQLITE_STATIC);
            }
            if (sqlite3_step(ins) != SQLITE_DONE) {
                sqlite3_finalize(ins);
                PQclear(r);
                goto fail;
            }
            sqlite3_reset(ins);
        }
        sqlite3_finalize(ins);
        PQclear(r);
    }
    pg_exec(pg, "COMMIT");
    if (sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
        goto fail;
    return TC_OK;
fail:
    if (!pg->error[0])
        snprintf(pg->error, sizeof pg->error, "%s", sqlite3_errmsg(s->db));
    pg_exec(pg, "ROLLBACK");
    sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    return pg_fail(s, err, "cannot read the database");
}

tc_store *tc_pg_open(const char *url, bool write, size_t batch, tc_error *err)
{
    tc_store *s = tc_store_open_memory(url, batch, err);
    char sql[256];
    size_t i;
    if (!s)
        return NULL;
    s->pg = calloc(1, sizeof *s->pg);
    if (!s->pg) {
        tc_store_close(s);
        tc_error_set(err, TC_ERR_NOMEM, url, 0, 0, "out of memory");
        return NULL;
    }
    s->pg->conn = PQconnectdb(url);
    if (PQstatus(s->pg->conn) != CONNECTION_OK) {
        pg_fail(s, err, "cannot connect");
        tc_store_close(s);
        return NULL;
    }
    pg_exec(s->pg, "SET client_min_messages=warning");
    if (!write) {
        if (pg_snapshot(s, err) != TC_OK) {
            tc_store_close(s);
            return NULL;
        }
        return s;
    }
    if (pg_schema(s, err) != TC_OK)
        goto fail;
    for (i = 0; i < NTABLES; i++) {
        snprintf(sql, sizeof sql, "CREATE TEMP TABLE stg_%s (LIKE %s)"
                 " ON COMMIT DELETE ROWS", tables[i], tables[i]);
        if (!pg_exec(s->pg, sql)) {
            pg_fail(s, err, "cannot create the staging tables");
            goto fail;
        }
    }
    return s;
fail:
    tc_store_close(s);
    return NULL;
}

tc_status tc_pg_lookup(tc_store *s, const char *id, const char *hash,
                       tc_put *result, tc_error *err)
{
    const char *params[1] = {id ? id : ""};
    PGresult *r = PQexecParams(s->pg->conn,
                               "SELECT hash FROM articles WHERE doc_id=$1", 1,
                               NULL, params, NULL, NULL, 0);
    if (PQresultStatus(r) != PGRES_TUPLES_OK) {
        snprintf(s->pg->error, sizeof s->pg->error, "%s",
                 PQresultErrorMessage(r));
        PQclear(r);
        return pg_fail(s, err, "cannot look the article up");
    }
    if (PQntuples(r) == 0)
        *result = TC_PUT_ADDED;
    else if (strcmp(PQgetvalue(r, 0, 0), hash) == 0)
        *result = TC_PUT_UNCHANGED;
    else
        *result = TC_PUT_REPLACED;
    PQclear(r);
    return TC_OK;
}

/* COPY one staging table's rows (text format) into stg_<table>. */
static bool copy_table(tc_store *s, const char *table)
{
    struct tc_pg *pg = s->pg;
    char cols[4096], sql[4352];
    sqlite3_stmt *st = NULL;
    PGresult *r;
    char *line = NULL;
    size_t cap = 0;
    int ncols, c;
    bool ok = true;
    if (!col_list(s->db, table, cols, sizeof cols, &ncols))
        return false;
    snprintf(sql, sizeof sql, "SELECT %s FROM %s", cols, table);
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
        return false;
    snprintf(sql, sizeof sql, "COPY stg_%s (%s) FROM STDIN", table, cols);
    r = PQexec(pg->conn, sql);
    if (PQresultStatus(r) != PGRES_COPY_IN) {
        snprintf(pg->error, sizeof pg->error, "%s", PQresultErrorMessage(r));
        PQclear(r);
        sqlite3_finalize(st);
        return false;
    }
    PQclear(r);
    while (ok && sqlite3_step(st) == SQLITE_ROW) {
        size_t n = 0;
        for (c = 0; c < ncols; c++) {
            const unsigned char *v = sqlite3_column_text(st, c);
            size_t len = v ? (size_t)sqlite3_column_bytes(st, c) : 2;
            if (n + 2 * len + 4 > cap) {
                size_t ncap = (n + 2 * len + 4) * 2;
                char *p = realloc(line, ncap);
                if (!p) {
                    ok = false;
                    break;
                }
                line = p;
                cap = ncap;
            }
            if (c)
                line[n++] = '\t';
            if (sqlite3_column_type(st, c) == SQLITE_NULL) {
                line[n++] = '\\';
                line[n++] = 'N';
                continue;
            }
            for (; *v; v++) { /* COPY text format escapes */
                char e = *v == '\\' ? '\\' : *v == '\t' ? 't'
                       : *v == '\n' ? 'n' : *v == '\r' ? 'r' : 0;
                if (e) {
                    line[n++] = '\\';
                    line[n++] = e;
                } else {
                    line[n++] = (char)*v;
                }
            }
        }
        if (ok) {
            line[n++] = '\n';
            ok = PQputCopyData(pg->conn, line, (int)n) == 1;
        }
    }
    sqlite3_finalize(st);
    free(line);
    if (PQputCopyEnd(pg->conn, ok ? NULL : "tacitus: staging failed") != 1)
        ok = false;
    while ((r = PQgetResult(pg->conn)) != NULL) {
        if (PQresultStatus(r) != PGRES_COMMAND_OK) {
            if (ok)
                snprintf(pg->error, sizeof pg->error, "%s",
                         PQresultErrorMessage(r));
            ok = false;
        }
        PQclear(r);
    }
    return ok;
}

static void clear_staging(tc_store *s)
{
    size_t i;
    char sql[64];
    for (i = 0; i < NTABLES; i++) {
        snprintf(sql, sizeof sql, "DELETE FROM %s", tables[i]);
        sqlite3_exec(s->db, sql, NULL, NULL, NULL);
    }
}

tc_status tc_pg_commit(tc_store *s, tc_error *err)
{
    struct tc_pg *pg = s->pg;
    tc_status rc = TC_OK;
    size_t i;
    bool ok;
    s->in_batch = false;
    s->pending = 0;
    s->ntouched = 0;
    if (sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
        return tc_store_sql_error(s, err, "cannot stage the batch");
    ok = pg_exec(pg, "BEGIN") &&
         pg_exec(pg, "SELECT pg_advisory_xact_lock(1413706612)");
    for (i = 0; ok && i < NTABLES; i++)
        ok = copy_table(s, tables[i]);
    ok = ok && tc_merge_run(s->db, "stg_", pg_exec, pg) == TC_OK &&
         pg_exec(pg, "COMMIT");
    if (!ok) {
        rc = pg_fail(s, err, "cannot commit the batch");
        PQclear(PQexec(pg->conn, "ROLLBACK"));
    }
    clear_staging(s);
    return rc;
}

long long tc_pg_count(tc_store *s, const char *table)
{
    char sql[64];
    long long n = -1;
    PGresult *r;
    snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", table);
    r = PQexec(s->pg->conn, sql);
    if (PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1)
        n = atoll(PQgetvalue(r, 0, 0));
    PQclear(r);
    return n;
}

void tc_pg_close(struct tc_pg *pg)
{
    if (!pg)
        return;
    PQfinish(pg->conn);
    free(pg);
}

#endif
