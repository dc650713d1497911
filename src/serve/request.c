/*
 * request.c - a request URI into a validated request: the path and the
 * query parameters percent-decoded into one buffer, capped (URI length,
 * number of parameters, value length), routed to an endpoint, and every
 * parameter of that endpoint checked (dates, codes, numbers, words).  An
 * unknown parameter is an error, so a typo is not silently ignored.
 *
 * No I/O and no database here: what comes out is only ever bound to SQL
 * statements (api.c) or, for static files, a relative path made of
 * [A-Za-z0-9._-/] without "..", "//" or hidden names (server.c checks
 * again that the real path stays under the web folder).
 */
#include "serve/serve.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool fail(tc_api_err *e, int status, const char *code,
                 const char *param, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

static bool fail(tc_api_err *e, int status, const char *code,
                 const char *param, const char *fmt, ...)
{
    va_list ap;
    e->status = status;
    e->code = code;
    snprintf(e->param, sizeof e->param, "%s", param ? param : "");
    va_start(ap, fmt);
    vsnprintf(e->message, sizeof e->message, fmt, ap);
    va_end(ap);
    return false;
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Decodes s[0..n) into out (NUL-terminated); '+' is a space when `plus`.
 * False on a bad escape or an encoded NUL or control character. */
static bool decode(const char *s, size_t n, char *out, bool plus)
{
    size_t i;
    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '%') {
            int hi, lo;
            if (i + 2 >= n)
                return false;
            hi = hexval(s[i + 1]);
            lo = hexval(s[i + 2]);
            if (hi < 0 || lo < 0)
                return false;
            c = (unsigned char)(hi * 16 + lo);
            i += 2;
        } else if (c == '+' && plus) {
            c = ' ';
        }
        if (c < 0x20 || c == 0x7f)
            return false;
        *out++ = (char)c;
    }
    *out = '\0';
    return true;
}

const char *tc_api_param(const tc_api_req *r, const char *key)
{
    int i;
    for (i = 0; i < r->nparams; i++)
        if (strcmp(r->keys[i], key) == 0)
            return r->values[i];
    return NULL;
}

void tc_api_req_free(tc_api_req *r)
{
    free(r->buf);
    r->buf = NULL;
}

/* ---- Value checks ---- */

/* YYYY-MM-DD with a month 01-12 and a day 01-31. */
static bool is_date(const char *s)
{
    int i, m, d;
    if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return false;
    for (i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
            return false;
    m = (s[5] - '0') * 10 + (s[6] - '0');
    d = (s[8] - '0') * 10 + (s[9] - '0');
    return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

/* A CAMEO actor code or country: 1-32 letters and digits. */
static bool is_code(const char *s)
{
    size_t n = strlen(s), i;
    if (n == 0 || n > 32)
        return false;
    for (i = 0; i < n; i++)
        if (!((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= 'a' && s[i] <= 'z') ||
              (s[i] >= '0' && s[i] <= '9')))
            return false;
    return true;
}

static bool is_digits(const char *s, size_t min, size_t max)
{
    size_t n = strlen(s), i;
    if (n < min || n > max)
        return false;
    for (i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

/* An integer in [min, max], digits only. */
static bool get_long(const char *s, long min, long max, long *out)
{
    long v = 0;
    if (!is_digits(s, 1, 9))
        return false;
    for (; *s; s++)
        v = v * 10 + (*s - '0');
    if (v < min || v > max)
        return false;
    *out = v;
    return true;
}

/* A decimal number in [min, max]: digits with one optional point. */
static bool get_double(const char *s, double min, double max, double *out)
{
    char *end;
    size_t i, n = strlen(s), dots = 0;
    double v;
    if (n == 0 || n > 12)
        return false;
    for (i = 0; i < n; i++) {
        if (s[i] == '.')
            dots++;
        else if (s[i] < '0' || s[i] > '9')
            return false;
    }
    if (dots > 1 || s[0] == '.' || s[n - 1] == '.')
        return false;
    v = strtod(s, &end);
    if (*end || v < min || v > max)
        return false;
    *out = v;
    return true;
}

/* ---- Routing ---- */

typedef struct route {
    const char *path;
    tc_endpoint ep;
    const char *params; /* allowed parameters, space-separated */
} route;

static const route routes[] = {
    {"/api/health", TC_EP_HEALTH, ""},
    {"/api/events", TC_EP_EVENTS,
     "limit offset actor country source target code root quad from to "
     "place q"},
    {"/api/series", TC_EP_SERIES, "dyad country by from to"},
    {"/api/alerts", TC_EP_ALERTS, "window min_history z min_events from to"},
    {"/api/actors", TC_EP_ACTORS, "limit from to"},
    {"/api/places", TC_EP_PLACES, "limit from to"},
};

static bool allowed(const char *list, const char *key)
{
    size_t n = strlen(key);
    const char *p = list;
    if (n == 0)
        return false;
    while ((p = strstr(p, key)) != NULL) {
        if ((p == list || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0'))
            return true;
        p += n;
    }
    return false;
}

/* from, to: dates, from <= to. */
static bool dates(tc_api_req *r, tc_api_err *e, const char **from,
                  const char **to)
{
    *from = tc_api_param(r, "from");
    *to = tc_api_param(r, "to");
    if (*from && !is_date(*from))
        return fail(e, 400, "bad_parameter", "from",
                    "from must be a date YYYY-MM-DD");
    if (*to && !is_date(*to))
        return fail(e, 400, "bad_parameter", "to",
                    "to must be a date YYYY-MM-DD");
    if (*from && *to && strcmp(*from, *to) > 0)
        return fail(e, 400, "bad_parameter", "from",
                    "from must not be after to");
    return true;
}

/* Free text (actor names, places, words): printable, 1-200 bytes. */
static bool words(const tc_api_req *r, tc_api_err *e, const char *key,
                  const char **out)
{
    const char *v = tc_api_param(r, key);
    *out = NULL;
    if (!v)
        return true;
    if (!*v)
        return fail(e, 400, "bad_parameter", key, "%s must not be empty",
                    key);
    *out = v;
    return true;
}

static bool code_param(const tc_api_req *r, tc_api_err *e, const char *key,
                       const char **out)
{
    const char *v = tc_api_param(r, key);
    *out = v;
    if (v && !is_code(v))
        return fail(e, 400, "bad_parameter", key,
                    "%s must be a code of 1-32 letters and digits (RUS, "
                    "UKRMIL)", key);
    return true;
}

static bool limit_param(const tc_api_req *r, tc_api_err *e, long def,
                        long max, long *out)
{
    const char *v = tc_api_param(r, "limit");
    *out = def;
    if (v && !get_long(v, 1, max, out))
        return fail(e, 400, "bad_parameter", "limit",
                    "limit must be a whole number from 1 to %ld", max);
    return true;
}

static bool events_opts(tc_api_req *r, tc_api_err *e)
{
    tc_store_filter *f = &r->filter;
    const char *v;
    long quad = 0;
    if (!limit_param(r, e, 100, TC_SERVE_MAX_LIMIT, &f->limit))
        return false;
    if ((v = tc_api_param(r, "offset")) &&
        !get_long(v, 0, TC_SERVE_MAX_OFFSET, &f->offset))
        return fail(e, 400, "bad_parameter", "offset",
                    "offset must be a whole number from 0 to %d",
                    TC_SERVE_MAX_OFFSET);
    if ((v = tc_api_param(r, "quad")) && !get_long(v, 1, 4, &quad))
        return fail(e, 400, "bad_parameter", "quad",
                    "quad must be 1, 2, 3 or 4 (QuadClass)");
    f->quad = (int)quad;
    if ((v = tc_api_param(r, "code")) && !is_digits(v, 1, 4))
        return fail(e, 400, "bad_parameter", "code",
                    "code must be a CAMEO code (1-4 digits)");
    f->code = v;
    if ((v = tc_api_param(r, "root")) && !is_digits(v, 2, 2))
        return fail(e, 400, "bad_parameter", "root",
                    "root must be a CAMEO root code (2 digits, 01-20)");
    f->root = v;
    return dates(r, e, &f->from, &f->to) &&
           code_param(r, e, "source", &f->source) &&
           code_param(r, e, "target", &f->target) &&
           code_param(r, e, "country", &f->country) &&
           words(r, e, "actor", &f->actor) &&
           words(r, e, "place", &f->place) && words(r, e, "q", &f->text);
}

static bool series_opts(tc_api_req *r, tc_api_err *e)
{
    tc_series_opts *o = &r->series;
    char *dyad = (char *)tc_api_param(r, "dyad"), *colon;
    const char *country = tc_api_param(r, "country");
    o->by = tc_api_param(r, "by");
    if (o->by && strcmp(o->by, "day") != 0 && strcmp(o->by, "week") != 0 &&
        strcmp(o->by, "month") != 0)
        return fail(e, 400, "bad_parameter", "by",
                    "by must be day, week or month");
    if (!o->by)
        o->by = "day";
    if (!dyad == !country)
        return fail(e, 400, "bad_parameter", dyad ? "country" : "dyad",
                    "give either dyad=SRC:TGT or country=XXX");
    if (country) {
        if (!is_code(country))
            return fail(e, 400, "bad_parameter", "country",
                        "country must be a code (UKR)");
        o->country = country;
    } else {
        colon = strchr(dyad, ':');
        if (!colon)
            return fail(e, 400, "bad_parameter", "dyad",
                        "dyad must be SRC:TGT (RUS:UKR)");
        *colon = '\0';
        if (!is_code(dyad) || !is_code(colon + 1)) {
            *colon = ':';
            return fail(e, 400, "bad_parameter", "dyad",
                        "dyad must be two codes, SRC:TGT (RUS:UKR)");
        }
        o->dyad_source = dyad;
        o->dyad_target = colon + 1;
    }
    return dates(r, e, &o->from, &o->to);
}

static bool alert_opts(tc_api_req *r, tc_api_err *e)
{
    tc_alert_opts *o = &r->alerts;
    const char *v;
    long n;
    if ((v = tc_api_param(r, "window"))) {
        if (!get_long(v, 1, 366, &n))
            return fail(e, 400, "bad_parameter", "window",
                        "window must be 1 to 366 days");
        o->window = (int)n;
    }
    if ((v = tc_api_param(r, "min_history"))) {
        if (!get_long(v, 1, 3660, &n))
            return fail(e, 400, "bad_parameter", "min_history",
                        "min_history must be 1 to 3660 days");
        o->min_history = (int)n;
    }
    if ((v = tc_api_param(r, "min_events"))) {
        if (!get_long(v, 1, 100000, &n))
            return fail(e, 400, "bad_parameter", "min_events",
                        "min_events must be 1 to 100000");
        o->min_events = (int)n;
    }
    if ((v = tc_api_param(r, "z")) && !get_double(v, 0.1, 100, &o->z))
        return fail(e, 400, "bad_parameter", "z",
                    "z must be a number from 0.1 to 100");
    return dates(r, e, &o->from, &o->to);
}

/* A static file: [A-Za-z0-9._-] segments, none empty or starting with a
 * dot (so no "..", no hidden files), at most 8 deep. */
static bool static_path(tc_api_req *r, tc_api_err *e)
{
    const char *p = r->path + 1, *seg = p;
    int depth = 0;
    if (!*p) {
        r->file = "index.html";
        return true;
    }
    for (;; p++) {
        if (*p == '/' || *p == '\0') {
            if (p == seg || *seg == '.' || ++depth > 8)
                return fail(e, 404, "not_found", NULL, "no such file");
            if (!*p)
                break;
            seg = p + 1;
        } else if (!((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
                     (*p >= '0' && *p <= '9') || *p == '.' || *p == '_' ||
                     *p == '-')) {
            return fail(e, 404, "not_found", NULL, "no such file");
        }
    }
    r->file = r->path + 1;
    return true;
}

bool tc_api_parse(const char *uri, size_t len, tc_api_req *r, tc_api_err *e)
{
    const char *q, *end = uri + len, *p;
    char *w;
    size_t i;
    memset(r, 0, sizeof *r);
    memset(e, 0, sizeof *e);
    if (len > TC_SERVE_MAX_URI)
        return fail(e, 413, "request_too_large", NULL,
                    "the request URI is longer than %d bytes",
                    TC_SERVE_MAX_URI);
    if (len == 0 || uri[0] != '/')
        return fail(e, 400, "bad_request", NULL,
                    "the request target must be a path starting with /");
    /* Decoded text is never longer than the raw, but each name and value
     * gains a NUL: 2 bytes per raw byte at most, with room to spare. */
    if (!(r->buf = malloc(2 * len + 8)))
        return fail(e, 503, "busy", NULL, "out of memory");
    q = memchr(uri, '?', len);
    if (!q)
        q = end;
    w = r->buf;
    if (!decode(uri, (size_t)(q - uri), w, false))
        return fail(e, 400, "bad_request", NULL,
                    "the path has a bad %%-escape or a control character");
    r->path = w;
    w += strlen(w) + 1;
    /* The query: key=value pairs separated by '&'. */
    for (p = q < end ? q + 1 : end; p < end;) {
        const char *amp = memchr(p, '&', (size_t)(end - p)), *eq;
        char *key;
        if (!amp)
            amp = end;
        if (amp == p) { /* an empty pair ("a=1&&b=2") */
            p = amp + 1;
            continue;
        }
        if (r->nparams == TC_SERVE_MAX_PARAMS)
            return fail(e, 413, "request_too_large", NULL,
                        "more than %d query parameters", TC_SERVE_MAX_PARAMS);
        eq = memchr(p, '=', (size_t)(amp - p));
        if (!eq)
            eq = amp;
        key = w;
        if (!decode(p, (size_t)(eq - p), w, true))
            return fail(e, 400, "bad_request", NULL,
                        "a parameter name has a bad %%-escape or a control "
                        "character");
        if (!*key)
            return fail(e, 400, "bad_request", NULL,
                        "a parameter without a name");
        w += strlen(w) + 1;
        if (!decode(eq < amp ? eq + 1 : amp,
                    (size_t)(amp - (eq < amp ? eq + 1 : amp)), w, true))
            return fail(e, 400, "bad_parameter", key,
                        "the value has a bad %%-escape or a control "
                        "character");
        if (strlen(w) > TC_SERVE_MAX_VALUE)
            return fail(e, 400, "bad_parameter", key,
                        "the value is longer than %d bytes",
                        TC_SERVE_MAX_VALUE);
        if (tc_api_param(r, key))
            return fail(e, 400, "bad_parameter", key,
                        "the parameter is given twice");
        r->keys[r->nparams] = key;
        r->values[r->nparams++] = w;
        w += strlen(w) + 1;
        p = amp + 1;
    }
    /* Routing. */
    if (strncmp(r->path, "/api/", 5) != 0 && strcmp(r->path, "/api") != 0) {
        r->ep = TC_EP_STATIC;
        if (r->nparams)
            return fail(e, 400, "bad_parameter", r->keys[0],
                        "static files take no parameters");
        return static_path(r, e);
    }
    for (i = 0; i < sizeof routes / sizeof routes[0]; i++)
        if (strcmp(r->path, routes[i].path) == 0)
            r->ep = routes[i].ep;
    if (strncmp(r->path, "/api/articles/", 14) == 0 && r->path[14]) {
        r->ep = TC_EP_ARTICLE;
        r->article = r->path + 14;
        if (strlen(r->article) > 1000)
            return fail(e, 400, "bad_parameter", "id", "id is too long");
        if (r->nparams)
            return fail(e, 400, "bad_parameter", r->keys[0],
                        "unknown parameter \"%s\"", r->keys[0]);
        return true;
    }
    if (r->ep == TC_EP_NONE)
        return fail(e, 404, "not_found", NULL,
                    "no endpoint %.80s (see docs/API.md)", r->path);
    for (i = 0; i < sizeof routes / sizeof routes[0]; i++) {
        int k;
        if (routes[i].ep != r->ep)
            continue;
        for (k = 0; k < r->nparams; k++)
            if (!allowed(routes[i].params, r->keys[k]))
                return fail(e, 400, "bad_parameter", r->keys[k],
                            "unknown parameter \"%.28s\" (this endpoint "
                            "takes: %s)", r->keys[k],
                            *routes[i].params ? routes[i].params : "none");
    }
    switch (r->ep) {
    case TC_EP_EVENTS: return events_opts(r, e);
    case TC_EP_SERIES: return series_opts(r, e);
    case TC_EP_ALERTS: return alert_opts(r, e);
    case TC_EP_ACTORS:
        return limit_param(r, e, 20, 200, &r->limit) &&
               dates(r, e, &r->from, &r->to);
    case TC_EP_PLACES:
        return limit_param(r, e, 200, 1000, &r->limit) &&
               dates(r, e, &r->from, &r->to);
    default: return true;
    }
}
