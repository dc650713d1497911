/*
 * sb.c - a growable string with a hard size cap (like curl's dynbuf): input
 * never makes it grow past `max`, and going over is TC_ERR_LIMIT, not a
 * crash or an unbounded allocation.
 */
#include "core.h"

#include <stdio.h>
#include <string.h>

void tc_sb_init(tc_sb *sb, const tc_allocator *alloc, size_t max)
{
    sb->alloc = alloc;
    sb->p = NULL;
    sb->n = 0;
    sb->cap = 0;
    sb->max = max ? max : SIZE_MAX - 1;
}

tc_status tc_sb_reserve(tc_sb *sb, size_t extra)
{
    size_t want, cap;
    char *p;
    if (extra > sb->max || sb->n > sb->max - extra)
        return TC_ERR_LIMIT;
    want = sb->n + extra + 1; /* room for the NUL */
    if (want <= sb->cap)
        return TC_OK;
    cap = sb->cap ? sb->cap : 256;
    while (cap < want)
        cap = cap > SIZE_MAX / 2 ? want : cap * 2;
    if (cap > sb->max + 1)
        cap = sb->max + 1;
    p = tc_realloc(sb->alloc, sb->p, cap);
    if (!p)
        return TC_ERR_NOMEM;
    sb->p = p;
    sb->cap = cap;
    return TC_OK;
}

tc_status tc_sb_append(tc_sb *sb, const void *data, size_t n)
{
    tc_status st = tc_sb_reserve(sb, n);
    if (st != TC_OK)
        return st;
    if (n)
        memcpy(sb->p + sb->n, data, n);
    sb->n += n;
    sb->p[sb->n] = '\0';
    return TC_OK;
}

tc_status tc_sb_putc(tc_sb *sb, char c)
{
    return tc_sb_append(sb, &c, 1);
}

tc_status tc_sb_printf(tc_sb *sb, const char *fmt, ...)
{
    va_list ap;
    int len;
    tc_status st;
    va_start(ap, fmt);
    len = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (len < 0)
        return TC_ERR_USAGE;
    st = tc_sb_reserve(sb, (size_t)len);
    if (st != TC_OK)
        return st;
    va_start(ap, fmt);
    vsnprintf(sb->p + sb->n, (size_t)len + 1, fmt, ap);
    va_end(ap);
    sb->n += (size_t)len;
    return TC_OK;
}

tc_status tc_sb_puts(tc_sb *sb, const char *s)
{
    return tc_sb_append(sb, s, strlen(s));
}

tc_status tc_sb_uint(tc_sb *sb, uint64_t v)
{
    char buf[20];
    size_t i = sizeof buf;
    do {
        buf[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    return tc_sb_append(sb, buf + i, sizeof buf - i);
}

void tc_sb_clear(tc_sb *sb)
{
    sb->n = 0;
    if (sb->p)
        sb->p[0] = '\0';
}

void tc_sb_free(tc_sb *sb)
{
    tc_free(sb->alloc, sb->p);
    sb->p = NULL;
    sb->n = sb->cap = 0;
}
