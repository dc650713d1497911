/*
 * schema.c - opening a store: telling our files from foreign ones, the
 * schema (docs/STORE.md) and its migrations, and the connection settings
 * (WAL, synchronous=NORMAL, a busy timeout so readers and one writer share
 * the file).
 *
 * Each migration takes the schema from version N-1 to N and runs, with
 * the new user_version, inside one transaction: a crash leaves the old
 * version or the new one.
 */
#include "store_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Version 1: articles, actors, events (dedup key), mentions, counts,
 * quotes. */
static const char schema_v1[] =
    "CREATE TABLE articles("
    " id INTEGER PRIMARY KEY,"
    " doc_id TEXT NOT NULL UNIQUE,"
    " url TEXT NOT NULL, source TEXT NOT NULL, domain TEXT NOT NULL,"
    " source_key TEXT NOT NULL,"
    " date TEXT, title TEXT NOT NULL, language TEXT NOT NULL,"
    " hash TEXT NOT NULL, text_len INTEGER NOT NULL,"
    " sentences INTEGER NOT NULL, ingested_at TEXT NOT NULL);"
    "CREATE TABLE actors("
    " id INTEGER PRIMARY KEY,"
    " article INTEGER NOT NULL REFERENCES articles(id),"
    " sentence INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,"
    " text TEXT NOT NULL, code TEXT NOT NULL, country TEXT NOT NULL,"
    " agent TEXT NOT NULL, name TEXT NOT NULL, type TEXT NOT NULL,"
    " affiliation TEXT NOT NULL, match TEXT NOT NULL);"
    "CREATE INDEX actors_article ON actors(article);"
    "CREATE TABLE events("
    " id INTEGER PRIMARY KEY,"
    " date TEXT NOT NULL, source TEXT NOT NULL, target TEXT NOT NULL,"
    " code TEXT NOT NULL, negated INTEGER NOT NULL, modality TEXT NOT NULL,"
    " place_key TEXT NOT NULL DEFAULT '',"
    " root TEXT NOT NULL, base_code TEXT NOT NULL, quad INTEGER NOT NULL,"
    " goldstein REAL NOT NULL, plover TEXT NOT NULL,"
    " plover_mode TEXT NOT NULL,"
    " source_name TEXT NOT NULL, source_country TEXT NOT NULL,"
    " source_agent TEXT NOT NULL,"
    " target_name TEXT NOT NULL, target_country TEXT NOT NULL,"
    " target_agent TEXT NOT NULL,"
    " num_mentions INTEGER NOT NULL DEFAULT 0,"
    " num_articles INTEGER NOT NULL DEFAULT 0,"
    " num_sources INTEGER NOT NULL DEFAULT 0,"
    " first_seen TEXT, last_seen TEXT,"
    " UNIQUE(date, source, target, code, negated, modality, place_key));"
    "CREATE INDEX events_source ON events(source, date);"
    "CREATE INDEX events_target ON events(target, date);"
    "CREATE TABLE mentions("
    " id INTEGER PRIMARY KEY,"
    " event INTEGER NOT NULL REFERENCES events(id),"
    " article INTEGER NOT NULL REFERENCES articles(id),"
    " sentence INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,"
    " source_start INTEGER, source_end INTEGER,"
    " target_start INTEGER, target_end INTEGER,"
    " verb_start INTEGER, verb_end INTEGER,"
    " role TEXT NOT NULL, modality TEXT NOT NULL, negated INTEGER NOT NULL,"
    " reported_by TEXT NOT NULL, date_precision TEXT NOT NULL,"
    " dated INTEGER NOT NULL, confidence REAL,"
    " source_text TEXT NOT NULL, target_text TEXT NOT NULL,"
    " verb_text TEXT NOT NULL, sentence_text TEXT NOT NULL);"
    "CREATE INDEX mentions_event ON mentions(event);"
    "CREATE INDEX mentions_article ON mentions(article);"
    "CREATE TABLE counts("
    " id INTEGER PRIMARY KEY,"
    " article INTEGER NOT NULL REFERENCES articles(id),"
    " sentence INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,"
    " number_start INTEGER NOT NULL, number_end INTEGER NOT NULL,"
    " type TEXT NOT NULL, number REAL NOT NULL, high REAL NOT NULL,"
    " precision TEXT NOT NULL, object TEXT NOT NULL,"
    " object_code TEXT NOT NULL, actor_code TEXT NOT NULL,"
    " cumulative INTEGER NOT NULL, since_year INTEGER,"
    " singular INTEGER NOT NULL, date TEXT, date_end TEXT,"
    " date_precision TEXT NOT NULL, number_text TEXT NOT NULL,"
    " text TEXT NOT NULL);"
    "CREATE INDEX counts_article ON counts(article);"
    "CREATE TABLE quotes("
    " id INTEGER PRIMARY KEY,"
    " article INTEGER NOT NULL REFERENCES articles(id),"
    " sentence INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,"
    " text TEXT NOT NULL, speaker TEXT NOT NULL,"
    " speaker_start INTEGER, speaker_end INTEGER,"
    " speaker_name TEXT NOT NULL, speaker_code TEXT NOT NULL,"
    " cue TEXT NOT NULL, direct INTEGER NOT NULL, partial INTEGER NOT NULL);"
    "CREATE INDEX quotes_article ON quotes(article);";

/* Version 2: place columns on events and counts (put.c writes the place
 * of the sentence, NULL when none). */
static const char schema_v2[] =
    "ALTER TABLE events ADD COLUMN place_name TEXT;"
    "ALTER TABLE events ADD COLUMN place_geonames_id INTEGER;"
    "ALTER TABLE events ADD COLUMN place_country TEXT;"
    "ALTER TABLE events ADD COLUMN place_adm1 TEXT;"
    "ALTER TABLE events ADD COLUMN place_lat REAL;"
    "ALTER TABLE events ADD COLUMN place_lon REAL;"
    "ALTER TABLE counts ADD COLUMN place_name TEXT;"
    "ALTER TABLE counts ADD COLUMN place_geonames_id INTEGER;"
    "ALTER TABLE counts ADD COLUMN place_country TEXT;"
    "ALTER TABLE counts ADD COLUMN place_adm1 TEXT;"
    "ALTER TABLE counts ADD COLUMN place_lat REAL;"
    "ALTER TABLE counts ADD COLUMN place_lon REAL;"
    "CREATE INDEX events_date ON events(date);";

/* Version 3: the article text, so that a reader (tacitus serve) can show
 * every record in its place (NULL for articles stored before). */
static const char schema_v3[] = "ALTER TABLE articles ADD COLUMN text TEXT;";

static const char *const migrations[TC_STORE_SCHEMA] = {schema_v1, schema_v2,
                                                        schema_v3};

tc_status tc_store_sql_error(tc_store *s, tc_error *err, const char *what)
{
    int code = sqlite3_extended_errcode(s->db);
    tc_status st = code == SQLITE_NOMEM ? TC_ERR_NOMEM : TC_ERR_IO;
    if (code == SQLITE_NOTADB)
        st = TC_ERR_INPUT;
    return tc_error_set(err, st, s->path, 0, 0, "%s: %s", what,
                        sqlite3_errmsg(s->db));
}

/* Runs the migrations from `from` up to `to`, in one transaction. */
static tc_status migrate(tc_store *s, int from, int to, tc_error *err)
{
    char sql[64];
    int v;
    if (sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
        return tc_store_sql_error(s, err, "cannot lock the database");
    for (v = from; v < to; v++)
        if (sqlite3_exec(s->db, migrations[v], NULL, NULL, NULL) != SQLITE_OK)
            goto fail;
    snprintf(sql, sizeof sql, "PRAGMA user_version=%d", to);
    if (sqlite3_exec(s->db, sql, NULL, NULL, NULL) != SQLITE_OK)
        goto fail;
    snprintf(sql, sizeof sql, "PRAGMA application_id=%d", TC_STORE_APP_ID);
    if (sqlite3_exec(s->db, sql, NULL, NULL, NULL) != SQLITE_OK)
        goto fail;
    if (sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
        goto fail;
    return TC_OK;
fail:
    tc_store_sql_error(s, err, "cannot create or migrate the schema");
    sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    return err ? err->code : TC_ERR_IO;
}

/* One integer from a pragma or query into *v; false (and `err`) on
 * failure.  (Any value may be read: a damaged header's application id
 * is -1.) */
static bool one_int(tc_store *s, const char *sql, long long *v, tc_error *err)
{
    sqlite3_stmt *st = NULL;
    bool ok = false;
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK ||
        sqlite3_step(st) != SQLITE_ROW) {
        tc_store_sql_error(s, err, "cannot read the database");
    } else {
        *v = sqlite3_column_int64(st, 0);
        ok = true;
    }
    sqlite3_finalize(st);
    return ok;
}

/* Says whether the open file is ours, and brings its schema to `want`. */
static tc_status check_schema(tc_store *s, bool create, bool upgrade,
                              int want, tc_error *err)
{
    long long app = 0, ver = 0, tables = 0;
    if (!one_int(s, "PRAGMA application_id", &app, err) ||
        !one_int(s, "PRAGMA user_version", &ver, err) ||
        !one_int(s, "SELECT count(*) FROM sqlite_schema", &tables, err)) {
        if (sqlite3_extended_errcode(s->db) == SQLITE_NOTADB)
            return tc_error_set(err, TC_ERR_INPUT, s->path, 0, 0,
                                "not a SQLite database, so not a tacitus "
                                "store");
        return err ? err->code : TC_ERR_IO;
    }
    if (app == 0 && tables == 0) {
        if (!create)
            return tc_error_set(err, TC_ERR_INPUT, s->path, 0, 0,
                                "an empty database: nothing ingested yet "
                                "(tacitus ingest --db %s ...)", s->path);
        return migrate(s, 0, want, err);
    }
    if (app != TC_STORE_APP_ID)
        return tc_error_set(err, TC_ERR_INPUT, s->path, 0, 0,
                            "a SQLite database, but not a tacitus store "
                            "(application_id %lld, %lld schema objects); "
                            "give a new file name", app, tables);
    if (ver > want)
        return tc_error_set(err, TC_ERR_UNSUPPORTED, s->path, 0, 0,
                            "store schema version %lld is newer than this "
                            "tacitus reads (%d); upgrade tacitus", ver, want);
    if (ver < 1)
        return tc_error_set(err, TC_ERR_INPUT, s->path, 0, 0,
                            "a damaged tacitus store (schema version %lld)",
                            ver);
    if (ver < want && !upgrade)
        return tc_error_set(err, TC_ERR_UNSUPPORTED, s->path, 0, 0,
                            "store schema version %lld needs migrating to "
                            "%d, and the file is read-only", ver, want);
    if (ver < want)
        return migrate(s, (int)ver, want, err);
    return TC_OK;
}

static tc_status settings(tc_store *s, bool write, tc_error *err)
{
    sqlite3_busy_timeout(s->db, 30000);
    if (!write)
        return TC_OK;
    /* WAL: readers never block the writer nor see half a batch.
     * synchronous=NORMAL: a commit survives a killed process (the WAL is
     * in the OS's hands); only a power cut may lose the last batches,
     * never corrupt the file. */
    if (sqlite3_exec(s->db, "PRAGMA journal_mode=WAL;"
                            "PRAGMA synchronous=NORMAL;"
                            "PRAGMA foreign_keys=OFF;",
                     NULL, NULL, NULL) != SQLITE_OK)
        return tc_store_sql_error(s, err, "cannot set up the database");
    return TC_OK;
}

/* `readonly`: SQLITE_OPEN_READONLY even on a writable file (no migration,
 * no write). */
static tc_store *open_store(const char *path, bool write, bool readonly,
                            int want, size_t batch, tc_error *err)
{
    tc_store *s = calloc(1, sizeof *s);
    struct stat sb;
    int flags = write ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
                      : SQLITE_OPEN_READWRITE;
    if (!s) {
        tc_error_set(err, TC_ERR_NOMEM, path, 0, 0, "out of memory");
        return NULL;
    }
    s->path = path;
    s->batch = batch ? batch : 500;
    s->write = write;
    if (!write && stat(path, &sb) != 0) {
        tc_error_set(err, TC_ERR_IO, path, 0, 0, "no such database");
        goto fail;
    }
    if (!write && (readonly || access(path, W_OK) != 0))
        flags = SQLITE_OPEN_READONLY;
    if (sqlite3_open_v2(path, &s->db, flags | SQLITE_OPEN_NOMUTEX, NULL) !=
        SQLITE_OK) {
        tc_store_sql_error(s, err, "cannot open the database");
        goto fail;
    }
    if (settings(s, false, err) != TC_OK ||
        check_schema(s, write, flags != SQLITE_OPEN_READONLY, want, err) !=
            TC_OK ||
        settings(s, write, err) != TC_OK)
        goto fail;
    return s;
fail:
    sqlite3_close(s->db);
    free(s);
    return NULL;
}

tc_store *tc_store_open(const char *path, bool write, size_t batch,
                        tc_error *err)
{
    tc_store *s;
    if (tc_store_is_pg(path))
        return tc_pg_open(path, write, batch, err);
    s = open_store(path, write, false, TC_STORE_SCHEMA, batch, err);
    if (s && write && tc_store_prepare(s, err) != TC_OK) {
        tc_store_close(s);
        return NULL;
    }
    return s;
}

tc_store *tc_store_open_readonly(const char *path, tc_error *err)
{
    tc_store *s = open_store(path, false, true, TC_STORE_SCHEMA, 0, err);
    if (s && sqlite3_exec(s->db, "PRAGMA query_only=1", NULL, NULL, NULL) !=
                 SQLITE_OK) {
        tc_store_sql_error(s, err, "cannot open the database read-only");
        tc_store_close(s);
        return NULL;
    }
    return s;
}

tc_store *tc_store_open_at(const char *path, int version, tc_error *err)
{
    if (version < 1 || version > TC_STORE_SCHEMA) {
        tc_error_set(err, TC_ERR_USAGE, path, 0, 0, "no schema version %d",
                     version);
        return NULL;
    }
    return open_store(path, true, false, version, 0, err);
}

tc_store *tc_store_open_memory(const char *label, size_t batch,
                               tc_error *err)
{
    tc_store *s = tc_store_open(":memory:", true, batch, err);
    if (s)
        s->path = label;
    return s;
}

long long tc_store_count(tc_store *s, const char *table)
{
    sqlite3_stmt *st = NULL;
    char sql[64];
    long long n = -1;
    if (s->pg)
        return tc_pg_count(s, table);
    snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", table);
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return n;
}

sqlite3 *tc_store_db(tc_store *s)
{
    return s->db;
}
