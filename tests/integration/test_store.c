/*
 * test_store.c - the event store on real SQLite files (in a temporary
 * directory): idempotent ingest, a changed article replacing its records,
 * events reported by several articles stored once with their mentions and
 * totals, the schema migration, and clear errors on foreign files (a text
 * file, a SQLite file with other tables, a newer schema, an empty file).
 */
#include "testutil.h"

#include "store/store.h"

#include <stdlib.h>
#include <unistd.h>

static char dir[] = "/tmp/tc-store-XXXXXX";

static tc_engine *engine;
static tc_doc *doc;

static int setup(void **state)
{
    (void)state;
    if (!mkdtemp(dir))
        return -1;
    engine = tc_engine_new(NULL, NULL);
    if (!engine || tc_engine_load_events(engine, NULL, NULL) != TC_OK)
        return -1;
    doc = tc_doc_new(engine);
    return doc ? 0 : -1;
}

static int teardown(void **state)
{
    char cmd[256];
    (void)state;
    tc_doc_free(doc);
    tc_engine_free(engine);
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    return system(cmd) == 0 ? 0 : -1;
}

/* A path in the test directory; up to 8 live at once. */
static const char *db_path(const char *name)
{
    static char paths[8][512];
    static int next;
    char *p = paths[next++ % 8];
    snprintf(p, 512, "%s/%s", dir, name);
    return p;
}

/* Analyses one article into `doc` and stores it; returns what happened. */
static tc_put put(tc_store *s, const char *id, const char *source,
                  const char *date, const char *text)
{
    tc_article_in in;
    tc_error err;
    tc_put r;
    memset(&in, 0, sizeof in);
    in.id = id;
    in.source = source;
    in.date = date;
    in.text = text;
    in.text_len = strlen(text);
    assert_int_equal(tc_doc_set(doc, &in, NULL), TC_OK);
    assert_int_equal(tc_doc_analyze(doc, NULL), TC_OK);
    assert_int_equal(tc_store_put(s, doc, &r, &err), TC_OK);
    return r;
}

static long long num(tc_store *s, const char *sql)
{
    sqlite3_stmt *st = NULL;
    long long v;
    assert_int_equal(sqlite3_prepare_v2(tc_store_db(s), sql, -1, &st, NULL),
                     SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return v;
}

/* Rows of every table, as one number per table in a string. */
static void table_counts(tc_store *s, char *out, size_t cap)
{
    snprintf(out, cap, "%lld %lld %lld %lld %lld %lld",
             num(s, "SELECT count(*) FROM articles"),
             num(s, "SELECT count(*) FROM actors"),
             num(s, "SELECT count(*) FROM events"),
             num(s, "SELECT count(*) FROM mentions"),
             num(s, "SELECT count(*) FROM counts"),
             num(s, "SELECT count(*) FROM quotes"));
}

static const char shelling[] =
    "Russian forces shelled Ukrainian soldiers near Kharkiv, killing three "
    "civilians. \"We will hold the line,\" Ukrainian President Volodymyr "
    "Zelensky said.";

/* The seed article twice, and again after reopening: same rows. */
static void idempotent(void **state)
{
    const char *path = db_path("idem.db");
    char *seed = read_shared("seed/ukraine-summit.txt");
    char before[128], after[128];
    tc_store *s;
    (void)state;
    s = tc_store_open(path, true, 2, NULL);
    assert_non_null(s);
    assert_int_equal(put(s, "seed", "", "2022-02-21", seed), TC_PUT_ADDED);
    assert_int_equal(put(s, "wire", "Wire", "2022-02-21", shelling),
                     TC_PUT_ADDED);
    assert_int_equal(tc_store_commit(s, NULL), TC_OK);
    table_counts(s, before, sizeof before);
    assert_true(num(s, "SELECT count(*) FROM events") > 10);
    assert_true(num(s, "SELECT count(*) FROM quotes") > 0);
    assert_int_equal(put(s, "seed", "", "2022-02-21", seed), TC_PUT_UNCHANGED);
    tc_store_close(s);
    s = tc_store_open(path, true, 0, NULL);
    assert_non_null(s);
    assert_int_equal(put(s, "wire", "Wire", "2022-02-21", shelling),
                     TC_PUT_UNCHANGED);
    assert_int_equal(tc_store_commit(s, NULL), TC_OK);
    table_counts(s, after, sizeof after);
    assert_string_equal(before, after);
    tc_store_close(s);
    free(seed);
}

/* Same id, new text: the old records go, events only it reported too. */
static void changed_replaces(void **state)
{
    const char *path = db_path("replace.db");
    tc_store *s = tc_store_open(path, true, 0, NULL);
    (void)state;
    assert_non_null(s);
    assert_int_equal(put(s, "a1", "Wire", "2022-03-01", shelling),
                     TC_PUT_ADDED);
    assert_int_equal(tc_store_commit(s, NULL), TC_OK);
    assert_int_equal(num(s, "SELECT count(*) FROM events WHERE root='19'"), 2);
    assert_int_equal(put(s, "a1", "Wire", "2022-03-01",
                         "France and Germany signed a trade agreement."),
                     TC_PUT_REPLACED);
    assert_int_equal(tc_store_commit(s, NULL), TC_OK);
    assert_int_equal(num(s, "SELECT count(*) FROM articles"), 1);
    assert_int_equal(num(s, "SELECT count(*) FROM events WHERE root='19'"), 0);
    assert_int_equal(num(s, "SELECT count(*) FROM counts"), 0);
    assert_int_equal(num(s, "SELECT count(*) FROM quotes"), 0);
    assert_int_equal(num(s, "SELECT count(*) FROM events WHERE"
                            " source='FRA' AND target='DEU'"), 1);
    assert_int_equal(num(s, "SELECT count(*) FROM mentions m LEFT JOIN"
                            " events e ON e.id=m.event WHERE e.id IS NULL"), 0);
    tc_store_close(s);
}

/* One event, three reports by two sources: one row, three mentions. */
static void dedup_across_articles(void **state)
{
    const char *path = db_path("dedup.db");
    tc_store *s = tc_store_open(path, true, 0, NULL);
    (void)state;
    assert_non_null(s);
    put(s, "b1", "Wire A", "2022-03-01", shelling);
    put(s, "b2", "Wire B", "2022-03-01",
        "Russian forces shelled Ukrainian soldiers, officials said.");
    put(s, "b3", "Wire A", "2022-03-02",
        "Russian forces shelled Ukrainian soldiers near Kharkiv yesterday.");
    /* Another day is another event. */
    put(s, "b4", "Wire B", "2022-03-05",
        "Russian forces shelled Ukrainian soldiers near Kharkiv.");
    assert_int_equal(tc_store_commit(s, NULL), TC_OK);
    assert_int_equal(num(s, "SELECT count(*) FROM events WHERE"
                            " source='RUSMIL' AND target='UKRMIL'"), 2);
    assert_int_equal(num(s, "SELECT num_mentions FROM events WHERE"
                            " source='RUSMIL' AND date='2022-03-01'"), 3);
    assert_int_equal(num(s, "SELECT num_articles FROM events WHERE"
                            " source='RUSMIL' AND date='2022-03-01'"), 3);
    assert_int_equal(num(s, "SELECT num_sources FROM events WHERE"
                            " source='RUSMIL' AND date='2022-03-01'"), 2);
    assert_int_equal(num(s, "SELECT last_seen = '2022-03-02' FROM events"
                            " WHERE source='RUSMIL' AND date='2022-03-01'"),
                     1);
    /* Dropping a report brings the totals down at the next commit. */
    put(s, "b3", "Wire A", "2022-03-02", "Nothing happened today.");
    assert_int_equal(tc_store_commit(s, NULL), TC_OK);
    assert_int_equal(num(s, "SELECT num_mentions FROM events WHERE"
                            " source='RUSMIL' AND date='2022-03-01'"), 2);
    tc_store_close(s);
}

/* A negated event is a key of its own, kept with its flag. */
static void negated_separate(void **state)
{
    const char *path = db_path("neg.db");
    tc_store *s = tc_store_open(path, true, 0, NULL);
    (void)state;
    assert_non_null(s);
    put(s, "n1", "Wire", "2022-03-01", "Russian forces attacked Ukrainian "
                                       "soldiers.");
    put(s, "n2", "Wire", "2022-03-01", "Russian forces did not attack "
                                       "Ukrainian soldiers.");
    assert_int_equal(tc_store_commit(s, NULL), TC_OK);
    assert_int_equal(num(s, "SELECT count(DISTINCT negated) FROM events"
                            " WHERE source='RUSMIL' AND target='UKRMIL'"), 2);
    tc_store_close(s);
}

static void write_file(const char *path, const char *text)
{
    FILE *fp = fopen(path, "w");
    assert_non_null(fp);
    fputs(text, fp);
    fclose(fp);
}

static void expect_error(const char *path, bool write, tc_status code,
                         const char *words)
{
    tc_error err;
    tc_store *s;
    memset(&err, 0, sizeof err);
    s = tc_store_open(path, write, 0, &err);
    assert_null(s);
    assert_int_equal(err.code, code);
    assert_string_equal(err.file, path);
    if (!strstr(err.message, words))
        fail_msg("\"%s\" does not say \"%s\"", err.message, words);
}

static void foreign_files(void **state)
{
    const char *text = db_path("notes.txt");
    const char *other = db_path("other.db");
    const char *newer = db_path("newer.db");
    const char *empty = db_path("empty.db");
    sqlite3 *db;
    (void)state;
    write_file(text, "These are my notes, not a database.\n"
                     "They are long enough to look like a file header.\n");
    expect_error(text, true, TC_ERR_INPUT, "not a SQLite database");
    expect_error(text, false, TC_ERR_INPUT, "not a SQLite database");
    assert_int_equal(sqlite3_open(other, &db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db, "CREATE TABLE t(x); INSERT INTO t"
                                      " VALUES(1)", NULL, NULL, NULL),
                     SQLITE_OK);
    sqlite3_close(db);
    expect_error(other, true, TC_ERR_INPUT, "not a tacitus store");
    expect_error(other, false, TC_ERR_INPUT, "not a tacitus store");
    assert_int_equal(sqlite3_open(newer, &db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db, "CREATE TABLE t(x);"
                                      "PRAGMA application_id=1413706612;"
                                      "PRAGMA user_version=99",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    sqlite3_close(db);
    expect_error(newer, true, TC_ERR_UNSUPPORTED, "newer");
    write_file(empty, "");
    expect_error(empty, false, TC_ERR_INPUT, "empty database");
    expect_error(db_path("missing.db"), false, TC_ERR_IO, "no such database");
}

/* A version 1 store opened by this code gains the place columns. */
static void migrates(void **state)
{
    const char *path = db_path("v1.db");
    tc_store *s = tc_store_open_at(path, 1, NULL);
    (void)state;
    assert_non_null(s);
    assert_int_equal(num(s, "PRAGMA user_version"), 1);
    assert_int_equal(num(s, "SELECT count(*) FROM pragma_table_info('events')"
                            " WHERE name='place_name'"), 0);
    tc_store_close(s);
    s = tc_store_open(path, true, 0, NULL);
    assert_non_null(s);
    assert_int_equal(num(s, "PRAGMA user_version"), TC_STORE_SCHEMA);
    assert_int_equal(num(s, "SELECT count(*) FROM pragma_table_info('events')"
                            " WHERE name LIKE 'place_%'"), 7);
    assert_int_equal(num(s, "SELECT count(*) FROM pragma_table_info('counts')"
                            " WHERE name LIKE 'place_%'"), 6);
    assert_int_equal(put(s, "m1", "Wire", "2022-03-01", shelling),
                     TC_PUT_ADDED);
    assert_int_equal(tc_store_commit(s, NULL), TC_OK);
    tc_store_close(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(idempotent),
        cmocka_unit_test(changed_replaces),
        cmocka_unit_test(dedup_across_articles),
        cmocka_unit_test(negated_separate),
        cmocka_unit_test(foreign_files),
        cmocka_unit_test(migrates),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
