/*
 * merge.c - moving the articles of one store into another with the store's
 * dedup: `tacitus merge --db OUT IN.db...` (shard databases into one), and
 * the PostgreSQL backend, which writes each batch through the same
 * statements (pg.c).
 *
 * The statements are set-based and written in the SQL both SQLite and
 * PostgreSQL read.  The source tables are named by a prefix ("src." for an
 * attached SQLite file, "stg_" for PostgreSQL's staging tables); the
 * target's are unqualified.  Column lists come from the schema itself
 * (pragma_table_info of a SQLite store), so a column added by a migration
 * is carried without an edit here.
 *
 *   1. tc_amap: the source's articles to write: new ids, and ids whose
 *      content hash differs from the target's (replaced).  Same id and
 *      same hash: nothing is written (idempotence).
 *   2. replaced articles: their old events are remembered (tc_touched),
 *      their rows deleted.
 *   3. articles, actors, counts, quotes copied, re-linked to the new
 *      article ids.
 *   4. the events their mentions report are upserted on the dedup key
 *      (docs/STORE.md: an event already there keeps its columns; its
 *      place is taken when it had none, as tc_store_put does); tc_emap
 *      maps source event ids to target ids.
 *   5. mentions copied, re-linked to both.
 *   6. totals of every touched event recomputed from its mentions; events
 *      left without mentions dropped.
 *
 * The caller runs them inside one transaction.
 */
#include "store_int.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

typedef struct sbuf {
    char *p;
    size_t n, cap;
    bool oom;
} sbuf;

__attribute__((format(printf, 2, 3)))
static void sb_add(sbuf *b, const char *fmt, ...)
{
    va_list ap;
    int n;
    if (b->oom)
        return;
    for (;;) {
        size_t room = b->cap - b->n;
        va_start(ap, fmt);
        n = vsnprintf(b->p ? b->p + b->n : NULL, b->p ? room : 0, fmt, ap);
        va_end(ap);
        if (n < 0) {
            b->oom = true;
            return;
        }
        if (b->p && (size_t)n < room) {
            b->n += (size_t)n;
            return;
        }
        size_t cap = (b->cap + (size_t)n + 1) * 2;
        char *q = realloc(b->p, cap);
        if (!q) {
            b->oom = true;
            return;
        }
        b->p = q;
        b->cap = cap;
    }
}

/* The columns of `table` but `id`, in schema order, from `db`. */
static int columns(sqlite3 *db, const char *table, char names[][32], int max)
{
    sqlite3_stmt *st = NULL;
    char sql[128];
    int n = 0;
    snprintf(sql, sizeof sql, "SELECT name FROM pragma_table_info('%s')",
             table);
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        return -1;
    while (sqlite3_step(st) == SQLITE_ROW && n < max) {
        const char *c = (const char *)sqlite3_column_text(st, 0);
        if (c && strcmp(c, "id") != 0)
            snprintf(names[n++], 32, "%s", c);
    }
    sqlite3_finalize(st);
    return n;
}

#define MAXCOLS 64

/* INSERT INTO table(cols) SELECT <x.col, with article and event mapped>
 * FROM src table x JOIN ... */
static bool copy_rows(sbuf *b, sqlite3 *db, const char *table,
                      const char *src, const char *joins, const char *tail)
{
    char cols[MAXCOLS][32];
    int i, n = columns(db, table, cols, MAXCOLS);
    if (n <= 0)
        return false;
    sb_add(b, "INSERT INTO %s(", table);
    for (i = 0; i < n; i++)
        sb_add(b, "%s\"%s\"", i ? "," : "", cols[i]);
    sb_add(b, ") SELECT ");
    for (i = 0; i < n; i++) {
        const char *c = cols[i];
        if (strcmp(table, "articles") != 0 && strcmp(c, "article") == 0)
            sb_add(b, "%sa.now", i ? "," : "");
        else if (strcmp(table, "mentions") == 0 && strcmp(c, "event") == 0)
            sb_add(b, "%sem.dst", i ? "," : "");
        else
            sb_add(b, "%sx.\"%s\"", i ? "," : "", c);
    }
    sb_add(b, " FROM %s%s x %s %s", src, table, joins, tail);
    return true;
}

static const char key_join[] =
    "t.date=e.date AND t.source=e.source AND t.target=e.target AND "
    "t.code=e.code AND t.negated=e.negated AND t.modality=e.modality AND "
    "t.place_key=e.place_key";

tc_status tc_merge_run(sqlite3 *schema, const char *src, tc_merge_exec exec,
                       void *ctx)
{
    static const char *const owned[] = {"actors", "counts", "quotes"};
    sbuf b = {0};
    char moved[256], tail[320];
    size_t i;
    bool ok = true;
    snprintf(moved, sizeof moved,
             "(SELECT m.event FROM %smentions m JOIN tc_amap a ON"
             " a.src=m.article)", src);
#define STEP(...)                                          \
    do {                                                   \
        b.n = 0;                                           \
        sb_add(&b, __VA_ARGS__);                           \
        if (ok && (b.oom || !exec(ctx, b.p)))              \
            ok = false;                                    \
    } while (0)
    STEP("CREATE TEMP TABLE IF NOT EXISTS tc_amap(src BIGINT PRIMARY KEY,"
         " was BIGINT, now BIGINT)");
    STEP("CREATE TEMP TABLE IF NOT EXISTS tc_emap(src BIGINT PRIMARY KEY,"
         " dst BIGINT)");
    STEP("CREATE TEMP TABLE IF NOT EXISTS tc_touched(id BIGINT PRIMARY KEY)");
    STEP("DELETE FROM tc_amap");
    STEP("DELETE FROM tc_emap");
    STEP("DELETE FROM tc_touched");
    /* 1, 2 */
    STEP("INSERT INTO tc_amap(src, was) SELECT s.id, t.id FROM %sarticles s"
         " LEFT JOIN articles t ON t.doc_id=s.doc_id"
         " WHERE t.id IS NULL OR t.hash<>s.hash", src);
    STEP("INSERT INTO tc_touched(id) SELECT DISTINCT m.event FROM mentions m"
         " JOIN tc_amap a ON a.was=m.article");
    STEP("DELETE FROM mentions WHERE article IN (SELECT was FROM tc_amap"
         " WHERE was IS NOT NULL)");
    for (i = 0; i < 3; i++)
        STEP("DELETE FROM %s WHERE article IN (SELECT was FROM tc_amap"
             " WHERE was IS NOT NULL)", owned[i]);
    STEP("DELETE FROM articles WHERE id IN (SELECT was FROM tc_amap WHERE"
         " was IS NOT NULL)");
    /* 3 */
    b.n = 0;
    ok = ok && copy_rows(&b, schema, "articles", src,
                         "JOIN tc_amap a ON a.src=x.id", "ORDER BY x.id") &&
         !b.oom && exec(ctx, b.p);
    STEP("UPDATE tc_amap SET now=(SELECT t.id FROM articles t JOIN"
         " %sarticles s ON s.doc_id=t.doc_id WHERE s.id=tc_amap.src)", src);
    for (i = 0; i < 3; i++) {
        b.n = 0;
        ok = ok && copy_rows(&b, schema, owned[i], src,
                             "JOIN tc_amap a ON a.src=x.article",
                             "ORDER BY x.id") &&
             !b.oom && exec(ctx, b.p);
    }
    /* 4: the upsert of put.c's Q_UPS_EVENT, from the source's rows. */
    b.n = 0;
    snprintf(tail, sizeof tail, "WHERE x.id IN %s ORDER BY x.id", moved);
    ok = ok && copy_rows(&b, schema, "events", src, "", tail);
    sb_add(&b,
           " ON CONFLICT(date, source, target, code, negated, modality,"
           " place_key) DO UPDATE SET"
           " place_geonames_id=CASE WHEN events.place_name IS NULL"
           "  THEN excluded.place_geonames_id"
           "  ELSE events.place_geonames_id END,"
           " place_country=CASE WHEN events.place_name IS NULL"
           "  THEN excluded.place_country ELSE events.place_country END,"
           " place_adm1=CASE WHEN events.place_name IS NULL"
           "  THEN excluded.place_adm1 ELSE events.place_adm1 END,"
           " place_lat=CASE WHEN events.place_name IS NULL"
           "  THEN excluded.place_lat ELSE events.place_lat END,"
           " place_lon=CASE WHEN events.place_name IS NULL"
           "  THEN excluded.place_lon ELSE events.place_lon END,"
           " place_name=COALESCE(events.place_name, excluded.place_name)");
    ok = ok && !b.oom && exec(ctx, b.p);
    STEP("INSERT INTO tc_emap(src, dst) SELECT e.id, t.id FROM %sevents e"
         " JOIN events t ON %s WHERE e.id IN %s", src, key_join, moved);
    b.n = 0;
    ok = ok && copy_rows(&b, schema, "mentions", src,
                         "JOIN tc_amap a ON a.src=x.article"
                         " JOIN tc_emap em ON em.src=x.event",
                         "ORDER BY x.id") &&
         !b.oom && exec(ctx, b.p);
    /* 6 */
    STEP("INSERT INTO tc_touched(id) SELECT DISTINCT dst FROM tc_emap"
         " WHERE dst NOT IN (SELECT id FROM tc_touched)");
    STEP("UPDATE events SET (num_mentions, num_articles, num_sources,"
         " first_seen, last_seen) = (SELECT count(*), count(DISTINCT"
         " m.article), count(DISTINCT a.source_key), min(a.date),"
         " max(a.date) FROM mentions m JOIN articles a ON a.id=m.article"
         " WHERE m.event=events.id) WHERE id IN (SELECT id FROM tc_touched)");
    STEP("DELETE FROM events WHERE num_mentions=0 AND id IN (SELECT id FROM"
         " tc_touched)");
#undef STEP
    free(b.p);
    return ok ? TC_OK : TC_ERR_IO;
}

/* ---- tacitus merge: SQLite files into a SQLite store ---- */

static bool exec_sqlite(void *ctx, const char *sql)
{
    return sqlite3_exec((sqlite3 *)ctx, sql, NULL, NULL, NULL) == SQLITE_OK;
}

static long long one(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *st = NULL;
    long long v = -1;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return v;
}

tc_status tc_store_merge(tc_store *s, const char *in_path,
                         tc_merge_stats *stats, tc_error *err)
{
    tc_store *in;
    sqlite3_stmt *st = NULL;
    struct stat a, b;
    long long total, moved, replaced;
    tc_status rc;
    if (s->pg)
        return tc_error_set(err, TC_ERR_UNSUPPORTED, s->path, 0, 0,
                            "merge writes SQLite stores only; ingest the "
                            "shards into PostgreSQL instead");
    if (stat(in_path, &a) == 0 && stat(s->path, &b) == 0 &&
        a.st_dev == b.st_dev && a.st_ino == b.st_ino)
        return tc_error_set(err, TC_ERR_USAGE, in_path, 0, 0,
                            "is the output database itself");
    /* Is it a store of our schema?  (Opening it says why not.) */
    in = tc_store_open(in_path, false, 0, err);
    if (!in)
        return err ? err->code : TC_ERR_INPUT;
    tc_store_close(in);
    if (tc_store_commit(s, err) != TC_OK)
        return err->code;
    if (sqlite3_prepare_v2(s->db, "ATTACH ?1 AS src", -1, &st, NULL) !=
            SQLITE_OK ||
        sqlite3_bind_text(st, 1, in_path, -1, SQLITE_STATIC) != SQLITE_OK ||
        sqlite3_step(st) != SQLITE_DONE) {
        sqlite3_finalize(st);
        return tc_store_sql_error(s, err, "cannot attach the input");
    }
    sqlite3_finalize(st);
    if (sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK) {
        rc = tc_store_sql_error(s, err, "cannot start a transaction");
        goto detach;
    }
    if (tc_merge_run(s->db, "src.", exec_sqlite, s->db) != TC_OK) {
        tc_error_set(err, TC_ERR_IO, in_path, 0, 0, "cannot merge into %s: %s",
                     s->path, sqlite3_errmsg(s->db));
        rc = err ? err->code : TC_ERR_IO;
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
        goto detach;
    }
    total = one(s->db, "SELECT count(*) FROM src.articles");
    moved = one(s->db, "SELECT count(*) FROM tc_amap");
    replaced = one(s->db, "SELECT count(*) FROM tc_amap WHERE was IS NOT NULL");
    if (sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
        rc = tc_store_sql_error(s, err, "cannot commit");
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
        goto detach;
    }
    if (stats) {
        stats->added += (unsigned long long)(moved - replaced);
        stats->replaced += (unsigned long long)replaced;
        stats->unchanged += (unsigned long long)(total - moved);
    }
    rc = TC_OK;
detach:
    sqlite3_exec(s->db, "DETACH src", NULL, NULL, NULL);
    return rc;
}
