/*
 * output.c - rows of a statement out as an aligned table (for a
 * terminal), JSONL (one object a row, typed values) or CSV (RFC 4180,
 * header first).  Shared by query, series, alerts and the report.
 */
#include "output.h"

#include <stdlib.h>
#include <string.h>

void tc_out_json_str(FILE *out, const char *s, size_t n)
{
    size_t i;
    fputc('"', out);
    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\')
            fprintf(out, "\\%c", c);
        else if (c == '\n')
            fputs("\\n", out);
        else if (c == '\t')
            fputs("\\t", out);
        else if (c < 0x20)
            fprintf(out, "\\u%04x", c);
        else
            fputc(c, out);
    }
    fputc('"', out);
}

/* One column of the current row as a JSON value. */
void tc_out_json_value(FILE *out, sqlite3_stmt *st, int i)
{
    switch (sqlite3_column_type(st, i)) {
    case SQLITE_NULL: fputs("null", out); break;
    case SQLITE_INTEGER:
        fprintf(out, "%lld", (long long)sqlite3_column_int64(st, i));
        break;
    case SQLITE_FLOAT: fprintf(out, "%.17g", sqlite3_column_double(st, i));
        break;
    default:
        tc_out_json_str(out, (const char *)sqlite3_column_text(st, i),
                        (size_t)sqlite3_column_bytes(st, i));
    }
}

static void csv_cell(FILE *out, const char *s)
{
    if (!strpbrk(s, ",\"\r\n")) {
        fputs(s, out);
        return;
    }
    fputc('"', out);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', out);
        fputc(*s, out);
    }
    fputc('"', out);
}

/* A cell as table text: floats short, NULL blank, newlines as spaces,
 * cut to `max` bytes (at a UTF-8 boundary) with "...". */
static char *table_cell(sqlite3_stmt *st, int i, size_t max)
{
    char buf[64], *p;
    const char *s = buf;
    size_t n, k;
    if (sqlite3_column_type(st, i) == SQLITE_FLOAT)
        snprintf(buf, sizeof buf, "%.2f", sqlite3_column_double(st, i));
    else if (sqlite3_column_type(st, i) == SQLITE_NULL)
        buf[0] = '\0';
    else
        s = (const char *)sqlite3_column_text(st, i);
    n = strlen(s);
    if (n > max) {
        n = max;
        while (n && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--;
    }
    p = malloc(n + 4);
    if (!p)
        return NULL;
    memcpy(p, s, n);
    for (k = 0; k < n; k++)
        if (p[k] == '\n' || p[k] == '\t' || p[k] == '\r')
            p[k] = ' ';
    strcpy(p + n, strlen(s) > n ? "..." : "");
    return p;
}

/* Display width of UTF-8 text: code points (good enough for a table). */
static size_t width(const char *s)
{
    size_t w = 0;
    for (; *s; s++)
        w += ((unsigned char)*s & 0xC0) != 0x80;
    return w;
}

/* A table holds its rows in memory to align them: at most this many. */
#define TABLE_MAX_ROWS 10000

static int emit_table(sqlite3_stmt *st, FILE *out, size_t max_cell)
{
    int ncol = sqlite3_column_count(st), i, rc;
    size_t nrows = 0, cap = 0, more = 0, r;
    size_t *w = calloc((size_t)ncol, sizeof *w);
    char **cells = NULL;
    if (!w)
        return SQLITE_NOMEM;
    for (i = 0; i < ncol; i++)
        w[i] = width(sqlite3_column_name(st, i));
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (nrows == TABLE_MAX_ROWS) {
            more++;
            continue;
        }
        if (nrows == cap) {
            char **p;
            cap = cap ? cap * 2 : 64;
            p = realloc(cells, cap * (size_t)ncol * sizeof *p);
            if (!p) {
                rc = SQLITE_NOMEM;
                break;
            }
            cells = p;
        }
        for (i = 0; i < ncol; i++) {
            char *c = table_cell(st, i, max_cell);
            cells[nrows * (size_t)ncol + (size_t)i] = c;
            if (c && width(c) > w[i])
                w[i] = width(c);
        }
        nrows++;
    }
    if (rc == SQLITE_DONE) {
        for (i = 0; i < ncol; i++)
            fprintf(out, "%s%-*s", i ? "  " : "",
                    i == ncol - 1 ? 0 : (int)w[i], sqlite3_column_name(st, i));
        fputc('\n', out);
        for (r = 0; r < nrows; r++) {
            for (i = 0; i < ncol; i++) {
                const char *c = cells[r * (size_t)ncol + (size_t)i];
                c = c ? c : "";
                fprintf(out, "%s%s%*s", i ? "  " : "", c,
                        i == ncol - 1 ? 0 : (int)(w[i] - width(c)), "");
            }
            fputc('\n', out);
        }
        if (more)
            fprintf(out, "... %zu more rows not shown (use --limit, or "
                         "--format jsonl or csv)\n", more);
    }
    for (r = 0; r < nrows * (size_t)ncol; r++)
        free(cells[r]);
    free(cells);
    free(w);
    return rc;
}

int tc_out_rows(sqlite3_stmt *st, tc_out_format format, FILE *out)
{
    int ncol = sqlite3_column_count(st), i, rc;
    if (format == TC_OUT_TABLE)
        return emit_table(st, out, 60);
    if (format == TC_OUT_CSV) {
        for (i = 0; i < ncol; i++) {
            if (i)
                fputc(',', out);
            csv_cell(out, sqlite3_column_name(st, i));
        }
        fputs("\r\n", out);
    }
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (format == TC_OUT_CSV) {
            for (i = 0; i < ncol; i++) {
                const char *v = (const char *)sqlite3_column_text(st, i);
                if (i)
                    fputc(',', out);
                csv_cell(out, v ? v : "");
            }
            fputs("\r\n", out);
            continue;
        }
        fputc('{', out);
        for (i = 0; i < ncol; i++) {
            if (i)
                fputc(',', out);
            tc_out_json_str(out, sqlite3_column_name(st, i),
                            strlen(sqlite3_column_name(st, i)));
            fputc(':', out);
            tc_out_json_value(out, st, i);
        }
        fputs("}\n", out);
    }
    return rc;
}

tc_status tc_out_parse(const char *name, tc_out_format *out)
{
    if (strcmp(name, "table") == 0)
        *out = TC_OUT_TABLE;
    else if (strcmp(name, "jsonl") == 0)
        *out = TC_OUT_JSONL;
    else if (strcmp(name, "csv") == 0)
        *out = TC_OUT_CSV;
    else
        return TC_ERR_USAGE;
    return TC_OK;
}
