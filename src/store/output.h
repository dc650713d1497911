/*
 * output.h - writing statement rows as a table, JSONL or CSV (output.c).
 */
#ifndef TC_STORE_OUTPUT_H
#define TC_STORE_OUTPUT_H

#include "store.h"

/* Steps `st` to the end, writing each row; returns SQLITE_DONE or the
 * failing SQLite code.  A table buffers its rows to align the columns. */
int tc_out_rows(sqlite3_stmt *st, tc_out_format format, FILE *out);
/* "table", "jsonl" or "csv". */
tc_status tc_out_parse(const char *name, tc_out_format *out);
/* A JSON string of `n` bytes (quotes included). */
void tc_out_json_str(FILE *out, const char *s, size_t n);
/* Column `i` of the current row as a JSON value (null, number, string). */
void tc_out_json_value(FILE *out, sqlite3_stmt *st, int i);

#endif
