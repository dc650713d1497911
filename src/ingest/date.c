/*
 * date.c - publication dates.  Feeds write them in many ways; we accept the
 * ISO 8601 family, the compact YYYYMMDD of GDELT and TABARI, and dates
 * written out ("21 February 2022", "Feb. 21, 2022"), check the
 * calendar, and keep the day (the unit events are dated in).
 */
#include "ingest.h"


static void put_digits(char *out, int v, int width)
{
    int i;
    for (i = width - 1; i >= 0; i--) {
        out[i] = (char)('0' + v % 10);
        v /= 10;
    }
}


/* What may follow the day: nothing, or a time part starting with T or a
 * space (its contents are not checked beyond a digit). */
static bool valid_tail(const char *s, size_t n)
{
    if (n == 0)
        return true;
    if (s[0] != 'T' && s[0] != 't' && s[0] != ' ')
        return false;
    return n >= 2 && s[1] >= '0' && s[1] <= '9';
}

/* 1-12 for an English month name or its 3-letter form, else 0. */
static int month_of(tc_sv w)
{
    static const char *const names[12] = {
        "january", "february", "march",     "april",   "may",      "june",
        "july",    "august",   "september", "october", "november", "december"};
    int i;
    while (w.n && (w.p[w.n - 1] == '.' || w.p[w.n - 1] == ','))
        w.n--;
    for (i = 0; i < 12; i++) {
        tc_sv full = tc_sv_cstr(names[i]);
        if (tc_sv_eq_nocase(w, full) ||
            (w.n == 3 && tc_sv_starts_nocase(full, w)))
            return i + 1;
    }
    return 0;
}

/* The next word of v (split at spaces), advancing v. */
static tc_sv next_word(tc_sv *v)
{
    tc_sv w;
    *v = tc_sv_trim(*v);
    w.p = v->p;
    w.n = 0;
    while (w.n < v->n && v->p[w.n] != ' ')
        w.n++;
    v->p += w.n;
    v->n -= w.n;
    return w;
}

static bool small_number(tc_sv w, int *out)
{
    while (w.n && w.p[w.n - 1] == ',')
        w.n--;
    if (w.n < 1 || w.n > 4 || !tc_digits(w.p, w.n))
        return false;
    *out = tc_number(w.p, w.n);
    return true;
}

/* "21 February 2022", "February 21, 2022", "21 Feb 2022". */
static bool written_date(tc_sv v, int *y, int *m, int *d)
{
    tc_sv a = next_word(&v), b = next_word(&v), c = next_word(&v);
    if (tc_sv_trim(v).n)
        return false;
    if (small_number(a, d) && (*m = month_of(b)) != 0 && small_number(c, y))
        return true;
    return (*m = month_of(a)) != 0 && small_number(b, d) && small_number(c, y);
}

tc_status tc_date_parse(const char *s, size_t n, char out[11])
{
    int y, m, d;
    tc_sv v = tc_sv_trim(tc_sv_make(s, n));
    if (written_date(v, &y, &m, &d)) {
        /* checked below */
    } else if (v.n >= 10 && v.p[4] == '-' && v.p[7] == '-' && tc_digits(v.p, 4) &&
        tc_digits(v.p + 5, 2) && tc_digits(v.p + 8, 2) &&
        valid_tail(v.p + 10, v.n - 10)) {
        y = tc_number(v.p, 4);
        m = tc_number(v.p + 5, 2);
        d = tc_number(v.p + 8, 2);
    } else if (v.n == 8 && tc_digits(v.p, 8)) {
        y = tc_number(v.p, 4);
        m = tc_number(v.p + 4, 2);
        d = tc_number(v.p + 6, 2);
    } else {
        return TC_ERR_INPUT;
    }
    if (y < 1000 || m < 1 || m > 12 || d < 1 || d > tc_month_days(y, m))
        return TC_ERR_INPUT;
    put_digits(out, y, 4);
    out[4] = '-';
    put_digits(out + 5, m, 2);
    out[7] = '-';
    put_digits(out + 8, d, 2);
    out[10] = '\0';
    return TC_OK;
}
