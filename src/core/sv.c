/*
 * sv.c - string views: a pointer and a length into text someone else owns.
 * Stages pass views and offsets instead of copying strings.
 */
#include "core.h"

#include <string.h>

tc_sv tc_sv_cstr(const char *s)
{
    return tc_sv_make(s, s ? strlen(s) : 0);
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
           c == '\v';
}

tc_sv tc_sv_trim(tc_sv v)
{
    while (v.n && is_space(v.p[0])) {
        v.p++;
        v.n--;
    }
    while (v.n && is_space(v.p[v.n - 1]))
        v.n--;
    return v;
}

bool tc_sv_eq(tc_sv a, tc_sv b)
{
    return a.n == b.n && (a.n == 0 || memcmp(a.p, b.p, a.n) == 0);
}

static char lower(char c)
{
    return (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
}

bool tc_sv_eq_nocase(tc_sv a, tc_sv b)
{
    size_t i;
    if (a.n != b.n)
        return false;
    for (i = 0; i < a.n; i++)
        if (lower(a.p[i]) != lower(b.p[i]))
            return false;
    return true;
}

bool tc_sv_starts_nocase(tc_sv v, tc_sv prefix)
{
    return v.n >= prefix.n && tc_sv_eq_nocase(tc_sv_make(v.p, prefix.n), prefix);
}
