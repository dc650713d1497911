/*
 * store_cmds.h - the store commands of the tacitus tool: `ingest` (run by
 * main.c's article loop, writing into a store instead of stdout) and
 * `query`, `export`, `series`, `alerts`, `report` (store_cmds.c alone).
 */
#ifndef TC_CLI_STORE_CMDS_H
#define TC_CLI_STORE_CMDS_H

#include "tacitus.h"

typedef struct tc_cli_ingest tc_cli_ingest;

/* Opens (creates) the store for `tacitus ingest`; NULL after printing
 * the error.  `batch` 0 means the default. */
tc_cli_ingest *tc_cli_ingest_open(const char *db, size_t batch);
/* Stores one analysed article; TC_ERR_IO (printed) when the store fails. */
tc_status tc_cli_ingest_put(tc_cli_ingest *in, const tc_doc *doc);
/* Commits, prints the summary (unless quiet) and closes; returns false
 * when the last commit failed (printed). */
bool tc_cli_ingest_close(tc_cli_ingest *in, bool quiet);

/* Help of the ingest command (records, options). */
extern const char tc_cli_ingest_help[];

/* True for query, export, series, alerts and report. */
bool tc_cli_is_store_command(const char *name);
/* Runs one of them (argv[0] is its name); returns the exit status. */
int tc_cli_store_main(int argc, char **argv);
/* Their help, or false when `name` is none of them. */
bool tc_cli_store_help(const char *name);
/* One usage line per store command. */
void tc_cli_store_usage(FILE *out);

#endif
