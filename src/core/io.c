/*
 * io.c - reading a whole file into memory under a size cap, for the
 * dictionaries and tables loaded once per process.
 */
#include "core.h"

#include <stdio.h>

tc_status tc_read_file(const tc_allocator *a, const char *path, size_t max,
                       char **out, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    tc_sb sb;
    char buf[65536];
    size_t got;
    tc_status st = TC_OK;
    if (!fp)
        return TC_ERR_IO;
    tc_sb_init(&sb, a, max);
    while (st == TC_OK && (got = fread(buf, 1, sizeof buf, fp)) > 0)
        st = tc_sb_append(&sb, buf, got);
    if (st == TC_OK && ferror(fp))
        st = TC_ERR_IO;
    fclose(fp);
    if (st == TC_OK && !sb.p)
        st = tc_sb_append(&sb, "", 0);
    if (st != TC_OK) {
        tc_sb_free(&sb);
        return st;
    }
    *out = sb.p;
    *len = sb.n;
    return TC_OK;
}

void tc_warn_line(tc_warn_fn warn, void *ctx, const char *file, uint64_t line,
                  uint64_t byte, const char *what, const char *text)
{
    tc_error e;
    size_t n = 0;
    if (!warn)
        return;
    while (n < 60 && text[n] && text[n] != '\n')
        n++;
    tc_error_set(&e, TC_ERR_INPUT, file, line, byte, "%s \"%.*s\"", what,
                 (int)n, text);
    warn(ctx, &e);
}
