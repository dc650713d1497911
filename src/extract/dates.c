/*
 * dates.c - when: the date expressions of each sentence, resolved against
 * the article date.
 *
 * Absolute dates ("June 16, 2021", "16 June", "Jan. 27", "2021-06-16",
 * "in June 2021", "in 2014") and relative ones ("on Thursday" - the coming
 * one when the sentence speaks of the future, the last one otherwise -,
 * "yesterday", "last week", "in the past 24 hours", "for the past three
 * days", "two days ago", "since 2014").  Each gets the first and last day
 * it may mean and a precision: day, week, month, year or range.  Events
 * and counts take the date of their sentence nearest to them
 * (tc_date_near), else the article's.
 */
#include "extract.h"

#include <string.h>

#define MAX_DATES_PER_SENTENCE 16u

typedef struct dctx {
    const tc_date_input *in;
    uint32_t t0, n;      /* the sentence's first token, count */
    int32_t today;       /* the article date in days, or INT32_MIN */
    bool headline;       /* a title or subhead */
} dctx;

/* The words a date may start with (besides digits), in byte order. */
static const char *const date_starts[] = {
    "a", "an", "apr", "april", "aug", "august", "dec", "december", "eight",
    "eighteen", "eleven", "feb", "february", "fifteen", "five", "four",
    "fourteen", "friday", "jan", "january", "jul", "july", "jun", "june",
    "last", "mar", "march", "may", "monday", "next", "nine", "nineteen",
    "nov", "november", "oct", "october", "one", "past", "saturday", "sep",
    "sept", "september", "seven", "seventeen", "six", "sixteen", "sunday",
    "ten", "thirteen", "this", "three", "thursday", "today", "tomorrow",
    "tonight", "tuesday", "twelve", "twenty", "two", "wednesday", "yesterday",
    "zero",
};

#define N_DATE_STARTS (sizeof date_starts / sizeof date_starts[0])

const char *const *tc_dates_starts(size_t *n)
{
    *n = N_DATE_STARTS;
    return date_starts;
}

static const char *key(const dctx *c, uint32_t j, size_t *n)
{
    return tc_key_of(c->in->keys, c->t0 + j, n);
}

static bool is(const dctx *c, uint32_t j, const char *w)
{
    return j < c->n && tc_key_is(c->in->keys, c->t0 + j, w);
}

static const tc_tok *tok(const dctx *c, uint32_t j)
{
    return tc_vec_at(c->in->toks, c->t0 + j);
}

static bool capitalized(const dctx *c, uint32_t j)
{
    return (tok(c, j)->flags & TC_TOKEN_CAPITALIZED) != 0;
}

/* The value of a run of digits at j (at most `maxlen` of them), or -1. */
static int digits_at(const dctx *c, uint32_t j, size_t maxlen)
{
    size_t n;
    const char *k;
    if (j >= c->n || tok(c, j)->kind != TC_TOKEN_NUMBER)
        return -1;
    k = key(c, j, &n);
    return n <= maxlen && tc_digits(k, n) ? tc_number(k, n) : -1;
}

/* A day of the month at j: "16", "16th", "1st". */
static int mday_at(const dctx *c, uint32_t j)
{
    size_t n;
    const char *k;
    int d = digits_at(c, j, 2);
    if (d < 0 && j < c->n) {
        k = key(c, j, &n);
        if (n >= 3 && n <= 4 && k[0] >= '0' && k[0] <= '9') {
            size_t dn = k[1] >= '0' && k[1] <= '9' ? 2 : 1;
            const char *suf = k + dn;
            if (n - dn == 2 && (!memcmp(suf, "st", 2) || !memcmp(suf, "nd", 2) ||
                                !memcmp(suf, "rd", 2) || !memcmp(suf, "th", 2)))
                d = tc_number(k, dn);
        }
    }
    return d >= 1 && d <= 31 ? d : -1;
}

static int year_at(const dctx *c, uint32_t j)
{
    int y = digits_at(c, j, 4);
    return y >= 1900 && y <= 2100 ? y : -1;
}

/* 1-12 for a month name at j ("June", "Jan", "Sept"), else 0.  "May",
 * "March" and the short forms count only when capitalized. */
static int month_at(const dctx *c, uint32_t j)
{
    static const char *const names[12] = {
        "january", "february", "march",     "april",   "may",      "june",
        "july",    "august",   "september", "october", "november", "december"};
    size_t n, i;
    const char *k;
    if (j >= c->n || tok(c, j)->kind != TC_TOKEN_WORD || !capitalized(c, j))
        return 0;
    k = key(c, j, &n);
    for (i = 0; i < 12; i++) {
        size_t full = strlen(names[i]);
        if ((n == full && memcmp(k, names[i], n) == 0) ||
            ((n == 3 || (n == 4 && i == 8)) && memcmp(k, names[i], n) == 0))
            return (int)i + 1;
    }
    return 0;
}

static int weekday_at(const dctx *c, uint32_t j)
{
    static const char *const names[7] = {"monday", "tuesday", "wednesday",
                                         "thursday", "friday", "saturday",
                                         "sunday"};
    int i;
    for (i = 0; i < 7; i++)
        if (is(c, j, names[i]))
            return i;
    return -1;
}

static tc_day to_day(int32_t days)
{
    int y, m, d;
    tc_civil_from_days(days, &y, &m, &d);
    return (tc_day)(y * 10000 + m * 100 + d);
}

static int32_t from_day(tc_day day)
{
    return tc_days_from_civil(day / 10000, day / 100 % 100, day % 100);
}

static tc_status push(dctx *c, tc_vec *out, uint32_t j0, uint32_t j1,
                      int32_t first, int32_t last, tc_date_precision prec,
                      bool relative, bool since)
{
    tc_status st;
    tc_date_rec *r = tc_vec_push(out, &st);
    if (!r)
        return st;
    memset(r, 0, sizeof *r);
    r->tok0 = c->t0 + j0;
    r->tok1 = c->t0 + j1;
    r->day = to_day(first);
    r->end = to_day(last);
    r->precision = (uint8_t)prec;
    r->relative = relative;
    r->since = since;
    return TC_OK;
}

/* A date whose year nothing tells (no article date): its tokens are a
 * date, its day unknown (0). */
static tc_status push_unknown(dctx *c, tc_vec *out, uint32_t j0, uint32_t j1)
{
    tc_status st = push(c, out, j0, j1, 0, 0, TC_DATE_DAY, true, false);
    if (st == TC_OK) {
        tc_date_rec *r = tc_vec_at(out, out->n - 1);
        r->day = r->end = 0;
    }
    return st;
}

/* A day and month without a year: the article's year, or the year
 * before when that would put a past event after the article. */
static bool future_near(const dctx *c, uint32_t j);

static int32_t guess_year(const dctx *c, uint32_t j, int m, int d, int *y)
{
    int ty, tm, td;
    int32_t days;
    if (c->today == INT32_MIN)
        return INT32_MIN;
    tc_civil_from_days(c->today, &ty, &tm, &td);
    *y = ty;
    if (d > tc_month_days(ty, m))
        return INT32_MIN;
    days = tc_days_from_civil(ty, m, d);
    if (days > c->today + 7 && !future_near(c, j)) {
        *y = ty - 1;
        if (d > tc_month_days(ty - 1, m))
            return INT32_MIN;
        days = tc_days_from_civil(ty - 1, m, d);
    }
    return days;
}

/* Absolute dates at j; the tokens used in *end.  Returns false if none. */
static bool absolute(dctx *c, uint32_t j, tc_vec *out, uint32_t *end,
                     tc_status *st)
{
    int m = month_at(c, j), d, y;
    int32_t days;
    uint32_t k = j;
    /* 2021-06-16 */
    if ((y = year_at(c, j)) > 0 && is(c, j + 1, "-") &&
        (m = digits_at(c, j + 2, 2)) >= 1 && m <= 12 && is(c, j + 3, "-") &&
        (d = digits_at(c, j + 4, 2)) >= 1 && d <= tc_month_days(y, m)) {
        days = tc_days_from_civil(y, m, d);
        *end = j + 5;
        *st = push(c, out, j, *end, days, days, TC_DATE_DAY, false, false);
        return true;
    }
    m = month_at(c, j);
    d = -1;
    if (!m && (d = mday_at(c, j)) > 0) {
        /* 16 June [2021] */
        k = is(c, j + 1, "of") ? j + 2 : j + 1;
        m = month_at(c, k);
        if (!m)
            return false;
    } else if (m) {
        /* June 16[, 2021] / June 2021 */
        d = mday_at(c, j + 1);
        if (d > 0)
            k = j + 1;
    } else {
        return false;
    }
    y = -1;
    if (year_at(c, k + 1) > 0)
        y = year_at(c, k + 1), k += 1;
    else if (is(c, k + 1, ",") && year_at(c, k + 2) > 0)
        y = year_at(c, k + 2), k += 2;
    *end = k + 1;
    if (d > 0) {
        if (y > 0)
            days = d <= tc_month_days(y, m) ? tc_days_from_civil(y, m, d)
                                            : INT32_MIN;
        else if (c->today == INT32_MIN) {
            /* no article date: a date all the same, of no known year */
            *st = push_unknown(c, out, j, *end);
            return true;
        } else
            days = guess_year(c, j, m, d, &y);
        if (days == INT32_MIN)
            return false;
        *st = push(c, out, j, *end, days, days, TC_DATE_DAY, y < 0, false);
        return true;
    }
    if (y < 0) {
        /* "in June": a month of the article's year (or the one before) */
        if (!(j > 0 && (is(c, j - 1, "in") || is(c, j - 1, "since") ||
                        is(c, j - 1, "early") || is(c, j - 1, "late") ||
                        is(c, j - 1, "mid"))))
            return false;
        days = guess_year(c, j, m, 1, &y);
        if (days == INT32_MIN)
            return false;
    }
    days = tc_days_from_civil(y, m, 1);
    *st = push(c, out, j, *end, days,
               tc_days_from_civil(y, m, tc_month_days(y, m)), TC_DATE_MONTH,
               false, j > 0 && is(c, j - 1, "since"));
    return true;
}

/* A small count written in words or digits ("three", "24", "a"), or -1. */
static int small_count(const dctx *c, uint32_t j)
{
    static const char *const words[] = {
        "zero", "one", "two", "three", "four", "five", "six", "seven",
        "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen",
        "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"};
    int v = digits_at(c, j, 4), i;
    if (v >= 0)
        return v;
    if (is(c, j, "a") || is(c, j, "an"))
        return 1;
    for (i = 0; i <= 20; i++)
        if (is(c, j, words[i]))
            return i;
    return -1;
}

/* Days in a unit word ("hours" counts as a fraction: 24 hours = 1 day). */
static int unit_days(const dctx *c, uint32_t j, tc_date_precision *prec)
{
    *prec = TC_DATE_RANGE;
    if (is(c, j, "day") || is(c, j, "days"))
        return 1;
    if (is(c, j, "week") || is(c, j, "weeks")) {
        *prec = TC_DATE_WEEK;
        return 7;
    }
    if (is(c, j, "month") || is(c, j, "months")) {
        *prec = TC_DATE_MONTH;
        return 30;
    }
    if (is(c, j, "year") || is(c, j, "years")) {
        *prec = TC_DATE_YEAR;
        return 365;
    }
    if (is(c, j, "hours") || is(c, j, "hour"))
        return 0;
    return -1;
}

/* Relative expressions at j. */
static bool relative(dctx *c, uint32_t j, tc_vec *out, uint32_t *end,
                     tc_status *st)
{
    int32_t t = c->today, first, last;
    int w, n, u;
    tc_date_precision prec;
    if (t == INT32_MIN)
        return false;
    if (is(c, j, "yesterday") || is(c, j, "today") || is(c, j, "tomorrow") ||
        is(c, j, "tonight")) {
        first = t + (is(c, j, "yesterday") ? -1 : is(c, j, "tomorrow") ? 1 : 0);
        *end = j + 1;
        *st = push(c, out, j, *end, first, first, TC_DATE_DAY, true, false);
        return true;
    }
    if ((w = weekday_at(c, j)) >= 0 && capitalized(c, j)) {
        int today = tc_weekday(t), back = (today - w + 7) % 7,
            ahead = (w - today + 7) % 7;
        bool last_ = j > 0 && is(c, j - 1, "last"),
             next = j > 0 && (is(c, j - 1, "next") || is(c, j - 1, "coming"));
        if (next || (!last_ && future_near(c, j)))
            first = t + (ahead ? ahead : next ? 7 : 0);
        else
            first = t - (back ? back : last_ ? 7 : 0);
        *end = j + 1;
        *st = push(c, out, last_ || next ? j - 1 : j, *end, first, first,
                   TC_DATE_DAY, true, false);
        return true;
    }
    /* last / this / next week, month, year */
    if ((is(c, j, "last") || is(c, j, "this") || is(c, j, "next") ||
         is(c, j, "past")) &&
        (u = unit_days(c, j + 1, &prec)) > 0 && prec != TC_DATE_RANGE) {
        int dir = is(c, j, "last") || is(c, j, "past") ? -1
                                                       : is(c, j, "next") ? 1 : 0;
        int y, m, d;
        tc_civil_from_days(t, &y, &m, &d);
        if (prec == TC_DATE_WEEK) {
            first = t - tc_weekday(t) + 7 * dir;
            last = first + 6;
        } else if (prec == TC_DATE_MONTH) {
            m += dir;
            if (m < 1) m = 12, y--;
            if (m > 12) m = 1, y++;
            first = tc_days_from_civil(y, m, 1);
            last = tc_days_from_civil(y, m, tc_month_days(y, m));
        } else {
            y += dir;
            first = tc_days_from_civil(y, 1, 1);
            last = tc_days_from_civil(y, 12, 31);
        }
        *end = j + 2;
        *st = push(c, out, j, *end, first, last, prec, true, false);
        return true;
    }
    /* in the past / last 24 hours, for the past three days, over the
     * last two weeks */
    if ((is(c, j, "past") || is(c, j, "last")) && j > 0 && is(c, j - 1, "the") &&
        (n = small_count(c, j + 1)) > 0 && (u = unit_days(c, j + 2, &prec)) >= 0) {
        int span = u ? n * u : (n + 23) / 24;
        *end = j + 3;
        *st = push(c, out, j - 1, *end, t - span, t, TC_DATE_RANGE, true, false);
        return true;
    }
    /* two days ago, a week ago */
    if ((n = small_count(c, j)) > 0 && (u = unit_days(c, j + 1, &prec)) > 0 &&
        is(c, j + 2, "ago")) {
        first = t - n * u;
        *end = j + 3;
        *st = push(c, out, j, *end, first, first,
                   prec == TC_DATE_RANGE ? TC_DATE_DAY : prec, true, false);
        return true;
    }
    return false;
}

/* "in 2014", "since 2014", "by 2030": a year alone. */
static bool year_alone(dctx *c, uint32_t j, tc_vec *out, uint32_t *end,
                       tc_status *st)
{
    int y = year_at(c, j);
    bool since;
    if (y < 0 || j == 0)
        return false;
    since = is(c, j - 1, "since");
    /* "since the eruption in 2014" */
    if (!since && is(c, j - 1, "in")) {
        uint32_t k;
        for (k = j - 1; k > 0 && k + 5 > j; k--)
            if (is(c, k - 1, "since"))
                since = true;
    }
    if (!(since || is(c, j - 1, "in") || is(c, j - 1, "during") ||
          is(c, j - 1, "until") || is(c, j - 1, "by") || is(c, j - 1, "of") ||
          is(c, j - 1, "early") || is(c, j - 1, "late") || is(c, j - 1, "mid")))
        return false;
    *end = j + 1;
    *st = push(c, out, j, *end, tc_days_from_civil(y, 1, 1),
               since && c->today != INT32_MIN ? c->today
                                              : tc_days_from_civil(y, 12, 31),
               since ? TC_DATE_RANGE : TC_DATE_YEAR, false, since);
    if (since && *st == TC_OK) {
        tc_date_rec *r = tc_vec_at(out, out->n - 1);
        r->since_year = (uint16_t)y;
    }
    return true;
}

/* Whether the words around token j speak of the future: a cue up to
 * eight tokens before or one after ("is scheduled for Thursday", "will
 * meet on Friday"); a headline without a past tense does too ("New
 * meeting on Thursday"). */
static bool future_near(const dctx *c, uint32_t j)
{
    static const char *const words[] = {
        "will", "'ll", "shall", "scheduled", "planned", "plans", "plan",
        "set", "due", "expected", "upcoming", "next", "would", "later",
        "going", NULL};
    static const char *const past[] = {"was", "were", "had", "did", "said",
                                       "yesterday", "last", "ago", NULL};
    uint32_t k, from = j > 8 ? j - 8 : 0;
    size_t w;
    for (k = from; k < c->n && k <= j + 1; k++)
        for (w = 0; words[w]; w++)
            if (is(c, k, words[w]))
                return true;
    if (c->headline) {
        for (k = 0; k < c->n; k++)
            for (w = 0; past[w]; w++)
                if (is(c, k, past[w]))
                    return false;
        return true;
    }
    return false;
}

tc_status tc_extract_dates(const tc_date_input *in, tc_vec *out)
{
    size_t s;
    tc_status st = TC_OK;
    dctx c;
    memset(&c, 0, sizeof c);
    c.in = in;
    c.today = in->day ? from_day(in->day) : INT32_MIN;
    for (s = 0; s < in->sents->n && st == TC_OK; s++) {
        const tc_sent *sent = tc_vec_at(in->sents, s);
        size_t first = out->n, k;
        uint32_t j = 0, end;
        c.t0 = sent->first_token;
        c.n = sent->token_count;
        c.headline = in->paras && (((const tc_para *)tc_vec_at(in->paras, sent->para))->role ==
                                      TC_ROLE_TITLE ||
                                  ((const tc_para *)tc_vec_at(in->paras, sent->para))->role ==
                                      TC_ROLE_SUBHEAD);
        while (j < c.n && st == TC_OK && out->n - first < MAX_DATES_PER_SENTENCE) {
            const tc_tok *t = tok(&c, j);
            end = j + 1;
            if ((t->kind == TC_TOKEN_NUMBER ||
                 (t->kind == TC_TOKEN_WORD &&
                  ((in->norm[t->start] >= '0' && in->norm[t->start] <= '9') ||
                   tc_key_in_sorted(in->keys, c.t0 + j, date_starts,
                                    N_DATE_STARTS)))) &&
                (absolute(&c, j, out, &end, &st) || relative(&c, j, out, &end, &st) ||
                 year_alone(&c, j, out, &end, &st))) {
                j = end;
                continue;
            }
            j++;
        }
        for (k = first; k < out->n; k++)
            ((tc_date_rec *)tc_vec_at(out, k))->sentence = (uint32_t)s;
    }
    return st;
}

size_t tc_dates_first(const tc_vec *dates, uint32_t sentence)
{
    size_t lo = 0, hi = dates->n;
    /* the dates are in sentence order: the first of the sentence */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (((const tc_date_rec *)tc_vec_at(dates, mid))->sentence < sentence)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

const tc_date_rec *tc_date_near(const tc_vec *dates, uint32_t sentence,
                                uint32_t tok)
{
    const tc_date_rec *best = NULL;
    uint32_t best_dist = UINT32_MAX;
    size_t i;
    for (i = tc_dates_first(dates, sentence); i < dates->n; i++) {
        const tc_date_rec *r = tc_vec_at(dates, i);
        uint32_t dist;
        if (r->sentence != sentence)
            break;
        if (r->since)
            continue; /* "since 2014" dates a total, not an event */
        dist = r->tok0 > tok ? r->tok0 - tok : tok - r->tok0;
        if (dist < best_dist) {
            best = r;
            best_dist = dist;
        }
    }
    return best;
}

const char *tc_date_precision_name(tc_date_precision p)
{
    static const char *const names[] = {"day", "week", "month", "year",
                                        "range"};
    return p <= TC_DATE_RANGE ? names[p] : "day";
}

void tc_day_format(tc_day day, char out[11])
{
    int y = day / 10000, m = day / 100 % 100, d = day % 100, i;
    char *p = out;
    if (day <= 0 || y > 9999) {
        out[0] = '\0';
        return;
    }
    for (i = 1000; i >= 1; i /= 10)
        *p++ = (char)('0' + y / i % 10);
    *p++ = '-';
    *p++ = (char)('0' + m / 10);
    *p++ = (char)('0' + m % 10);
    *p++ = '-';
    *p++ = (char)('0' + d / 10);
    *p++ = (char)('0' + d % 10);
    *p = '\0';
}
