/*
 * fuzz_store.c - libFuzzer target for opening a store: any bytes as a
 * database file (a foreign file, a damaged store, a store whose tables or
 * columns were altered by hand), opened for reading and, if that works,
 * queried, exported in every format, summed into series and alerts; then
 * opened for writing (which migrates or refuses it).  Every failure must
 * be an error naming the file, never a crash.  The corpus is seeded with
 * a small real store (tools/fuzz.sh).
 */
#include "store/store.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

static void remove_files(const char *path)
{
    char side[96];
    unlink(path);
    snprintf(side, sizeof side, "%s-wal", path);
    unlink(side);
    snprintf(side, sizeof side, "%s-shm", path);
    unlink(side);
}

/* A damaged file can send SQLite round a cycle of its pages for ever (a
 * table scan that never ends: seen on a mutated seed); like SQLite's own
 * fuzzers, the readers get a budget of VM steps, past which the
 * statement is interrupted and the reader must report an error. */
static long budget;

static int over_budget(void *arg)
{
    (void)arg;
    return --budget < 0;
}

static void read_all(tc_store *s, FILE *out)
{
    static const char *const formats[] = {"gdelt-events", "gdelt-mentions",
                                          "gkg", "plover", "jsonl", "csv"};
    tc_store_filter f;
    tc_series_opts so;
    tc_alert_opts ao;
    tc_error err;
    size_t i;
    memset(&f, 0, sizeof f);
    memset(&so, 0, sizeof so);
    memset(&ao, 0, sizeof ao);
    budget = 3000; /* x 1000 VM steps; the seed store needs far fewer */
    sqlite3_progress_handler(tc_store_db(s), 1000, over_budget, NULL);
    tc_store_query(s, &f, TC_OUT_TABLE, out, &err);
    f.text = "a";
    f.actor = "R";
    tc_store_query(s, &f, TC_OUT_CSV, out, &err);
    for (i = 0; i < sizeof formats / sizeof formats[0]; i++)
        tc_store_export(s, formats[i], out, &err);
    so.country = "UKR";
    so.by = "week";
    tc_store_series(s, &so, TC_OUT_JSONL, out, &err);
    tc_store_alerts(s, &ao, TC_OUT_JSONL, out, &err);
    tc_store_top_dyads(s, 5, out, &err);
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    static char path[64];
    static FILE *out;
    tc_store *s;
    tc_error err;
    FILE *fp;
    if (!*path) {
        snprintf(path, sizeof path, "/tmp/fuzz_store_%d.db", (int)getpid());
        out = fopen("/dev/null", "w");
    }
    remove_files(path);
    fp = fopen(path, "wb");
    if (!fp)
        return 0;
    fwrite(data, 1, size, fp);
    fclose(fp);
    s = tc_store_open(path, false, 0, &err);
    if (s) {
        read_all(s, out);
        tc_store_close(s);
    } else if (!err.message[0] || strcmp(err.file, path) != 0) {
        __builtin_trap(); /* an error must say what and where */
    }
    s = tc_store_open_readonly(path, &err); /* tacitus serve's way */
    if (s) {
        read_all(s, out);
        tc_store_close(s);
    }
    s = tc_store_open(path, true, 0, &err);
    tc_store_close(s);
    remove_files(path);
    return 0;
}
