/*
 * api.c - the JSON endpoints of `tacitus serve` (docs/API.md).  Each one
 * takes a request validated by request.c and one read-only store
 * connection, and builds its reply with jansson.  Events, series and
 * alerts are the store's own readers (tc_store_query, tc_store_series,
 * tc_store_alerts) writing JSONL into memory, so the API and the command
 * line give the same numbers; the other endpoints are fixed SQL with bound
 * parameters.  A query stopped by the server's time cap (SQLITE_INTERRUPT
 * from its progress handler) is a 503.
 */
#include "serve/serve.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- Replies ---- */

static void reply_json(tc_api_reply *out, int status, json_t *root)
{
    out->status = status;
    out->body = json_dumps(root, JSON_COMPACT | JSON_REAL_PRECISION(12));
    out->len = out->body ? strlen(out->body) : 0;
    json_decref(root);
    if (!out->body) {
        out->status = 503;
        out->body = strdup("{\"error\":{\"status\":503,\"code\":\"busy\","
                           "\"message\":\"out of memory\"}}");
        out->len = out->body ? strlen(out->body) : 0;
    }
}

void tc_api_error_reply(const tc_api_err *e, tc_api_reply *out)
{
    json_t *err = json_pack("{s:i, s:s, s:s}", "status", e->status, "code",
                            e->code ? e->code : "error", "message",
                            e->message);
    if (err && e->param[0])
        json_object_set_new(err, "parameter", json_string(e->param));
    reply_json(out, e->status, json_pack("{s:o}", "error", err));
}

static void error_reply(tc_api_reply *out, int status, const char *code,
                        const char *message)
{
    tc_api_err e;
    memset(&e, 0, sizeof e);
    e.status = status;
    e.code = code;
    snprintf(e.message, sizeof e.message, "%.200s", message);
    tc_api_error_reply(&e, out);
}

/* The reply for a failed store call: 503 when the time cap stopped it. */
static void store_failed(tc_store *s, const tc_error *err, tc_api_reply *out)
{
    if (sqlite3_errcode(tc_store_db(s)) == SQLITE_INTERRUPT)
        error_reply(out, 503, "query_timeout",
                    "the query took longer than the server allows; narrow "
                    "it (from, to, a dyad, a smaller limit)");
    else
        error_reply(out, 500, "store_error", err->message);
}

/* ---- Rows as JSON ---- */

/* A string as JSON: bytes that are not UTF-8 (a mojibake article) become
 * '?', one byte for one, so that byte offsets still hold. */
static json_t *text_value(const char *s, size_t n)
{
    json_t *v = json_stringn(s, n);
    char *copy;
    size_t i = 0;
    if (v || !s)
        return v ? v : json_null();
    if (!(copy = malloc(n + 1)))
        return json_null();
    memcpy(copy, s, n);
    while (i < n) {
        unsigned char c = (unsigned char)copy[i];
        size_t k, len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2
                      : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
        bool ok = len > 0 && i + len <= n;
        for (k = 1; ok && k < len; k++)
            ok = ((unsigned char)copy[i + k] & 0xC0) == 0x80;
        if (ok && len > 1) { /* overlong or surrogate: jansson's own test */
            json_t *t = json_stringn(copy + i, len);
            ok = t != NULL;
            json_decref(t);
        }
        if (!ok) {
            copy[i++] = '?';
            continue;
        }
        i += len;
    }
    v = json_stringn(copy, n);
    free(copy);
    return v ? v : json_null();
}

static json_t *column(sqlite3_stmt *st, int i)
{
    switch (sqlite3_column_type(st, i)) {
    case SQLITE_NULL: return json_null();
    case SQLITE_INTEGER: return json_integer(sqlite3_column_int64(st, i));
    case SQLITE_FLOAT: return json_real(sqlite3_column_double(st, i));
    default:
        return text_value((const char *)sqlite3_column_text(st, i),
                          (size_t)sqlite3_column_bytes(st, i));
    }
}

static json_t *row(sqlite3_stmt *st)
{
    json_t *o = json_object();
    int i, n = sqlite3_column_count(st);
    for (i = 0; i < n; i++)
        json_object_set_new_nocheck(o, sqlite3_column_name(st, i),
                                    column(st, i));
    return o;
}

/* Every row of `st` (bound already) as an array; NULL on failure. */
static json_t *rows(sqlite3_stmt *st)
{
    json_t *a = json_array();
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        json_array_append_new(a, row(st));
    if (rc != SQLITE_DONE) {
        json_decref(a);
        return NULL;
    }
    return a;
}

/* Lines of JSONL (as the store's readers write them) as an array. */
static json_t *jsonl_array(const char *buf, size_t len)
{
    json_t *a = json_array();
    const char *p = buf, *end = buf + len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        json_t *v;
        if (!nl)
            nl = end;
        v = nl > p ? json_loadb(p, (size_t)(nl - p), 0, NULL) : NULL;
        if (v)
            json_array_append_new(a, v);
        p = nl + 1;
    }
    return a;
}

/* A store reader writing JSONL into memory. */
typedef struct capture {
    FILE *f;
    char *buf;
    size_t len;
} capture;

static bool capture_open(capture *c)
{
    memset(c, 0, sizeof *c);
    c->f = open_memstream(&c->buf, &c->len);
    return c->f != NULL;
}

static void capture_close(capture *c)
{
    if (c->f)
        fclose(c->f);
    c->f = NULL;
}

static sqlite3_stmt *prepare(tc_store *s, const char *sql)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(tc_store_db(s), sql, -1, &st, NULL) != SQLITE_OK) {
        sqlite3_finalize(st);
        return NULL;
    }
    return st;
}

static void sql_failed(tc_store *s, tc_api_reply *out)
{
    tc_error err;
    tc_store_sql_error(s, &err, "cannot read the database");
    store_failed(s, &err, out);
}

/* Binds ?1 from and ?2 to (NULL when absent). */
static void bind_dates(sqlite3_stmt *st, const char *from, const char *to)
{
    if (from)
        sqlite3_bind_text(st, 1, from, -1, SQLITE_STATIC);
    if (to)
        sqlite3_bind_text(st, 2, to, -1, SQLITE_STATIC);
}

/* ---- Endpoints ---- */

static long long count_of(tc_store *s, const char *sql)
{
    sqlite3_stmt *st = prepare(s, sql);
    long long n = -1;
    if (st && sqlite3_step(st) == SQLITE_ROW)
        n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return n;
}

static void health(tc_store *s, const char *db_name, tc_api_reply *out)
{
    static const char *const tables[] = {"articles", "events", "mentions",
                                         "actors", "counts", "quotes"};
    json_t *counts = json_object(), *root;
    sqlite3_stmt *st;
    size_t i;
    char sql[64];
    for (i = 0; i < sizeof tables / sizeof tables[0]; i++) {
        long long n;
        snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", tables[i]);
        if ((n = count_of(s, sql)) < 0) {
            json_decref(counts);
            sql_failed(s, out);
            return;
        }
        json_object_set_new(counts, tables[i], json_integer(n));
    }
    root = json_pack("{s:s, s:s, s:s, s:i, s:o}", "status", "ok", "version",
                     TC_VERSION, "database", db_name, "schema",
                     TC_STORE_SCHEMA, "counts", counts);
    st = prepare(s, "SELECT min(date), max(date) FROM events WHERE date <> ''");
    if (st && sqlite3_step(st) == SQLITE_ROW) {
        json_object_set_new(root, "first_date", column(st, 0));
        json_object_set_new(root, "last_date", column(st, 1));
    }
    sqlite3_finalize(st);
    reply_json(out, 200, root);
}

static void events(tc_store *s, const tc_api_req *r, tc_api_reply *out)
{
    tc_store_filter f = r->filter;
    tc_error err;
    capture c;
    json_t *list;
    bool more = false;
    tc_status status;
    f.limit = r->filter.limit + 1; /* one more: is there a next page? */
    if (!capture_open(&c)) {
        error_reply(out, 503, "busy", "out of memory");
        return;
    }
    status = tc_store_query(s, &f, TC_OUT_JSONL, c.f, &err);
    capture_close(&c);
    if (status != TC_OK) {
        free(c.buf);
        store_failed(s, &err, out);
        return;
    }
    list = jsonl_array(c.buf, c.len);
    free(c.buf);
    if ((long)json_array_size(list) > r->filter.limit) {
        json_array_remove(list, json_array_size(list) - 1);
        more = true;
    }
    reply_json(out, 200,
               json_pack("{s:I, s:I, s:b, s:o}", "limit",
                         (json_int_t)r->filter.limit, "offset",
                         (json_int_t)r->filter.offset, "more", more,
                         "events", list));
}

static void series(tc_store *s, const tc_api_req *r, tc_api_reply *out)
{
    tc_error err;
    capture c;
    json_t *root;
    tc_status status;
    if (!capture_open(&c)) {
        error_reply(out, 503, "busy", "out of memory");
        return;
    }
    status = tc_store_series(s, &r->series, TC_OUT_JSONL, c.f, &err);
    capture_close(&c);
    if (status != TC_OK) {
        free(c.buf);
        store_failed(s, &err, out);
        return;
    }
    root = json_pack("{s:s}", "by", r->series.by);
    if (r->series.country)
        json_object_set_new(root, "country", json_string(r->series.country));
    else
        json_object_set_new(root, "dyad",
                            json_pack("{s:s, s:s}", "source",
                                      r->series.dyad_source, "target",
                                      r->series.dyad_target));
    json_object_set_new(root, "series", jsonl_array(c.buf, c.len));
    free(c.buf);
    reply_json(out, 200, root);
}

static const char event_sql[] =
    "SELECT e.id, e.date, e.source, e.target, e.code, e.root, e.quad,"
    " e.goldstein, e.source_name, e.target_name, e.num_articles,"
    " e.place_name,"
    " (SELECT a.doc_id FROM mentions m JOIN articles a ON a.id=m.article"
    "  WHERE m.event=e.id ORDER BY m.id LIMIT 1) AS article,"
    " (SELECT m.sentence_text FROM mentions m WHERE m.event=e.id"
    "  ORDER BY m.id LIMIT 1) AS evidence FROM events e WHERE e.id = ?1";

static void alerts(tc_store *s, const tc_api_req *r, tc_api_reply *out)
{
    tc_error err;
    capture c;
    json_t *list, *evs, *a;
    sqlite3_stmt *st;
    size_t i, j;
    tc_status status;
    if (!capture_open(&c)) {
        error_reply(out, 503, "busy", "out of memory");
        return;
    }
    status = tc_store_alerts(s, &r->alerts, TC_OUT_JSONL, c.f, &err);
    capture_close(&c);
    if (status != TC_OK) {
        free(c.buf);
        store_failed(s, &err, out);
        return;
    }
    list = jsonl_array(c.buf, c.len);
    free(c.buf);
    /* The events behind the alerts, each once, keyed by id. */
    evs = json_object();
    if (!(st = prepare(s, event_sql))) {
        json_decref(list);
        json_decref(evs);
        sql_failed(s, out);
        return;
    }
    json_array_foreach(list, i, a) {
        json_t *ids = json_object_get(a, "events"), *id;
        json_array_foreach(ids, j, id) {
            char key[32];
            snprintf(key, sizeof key, "%" JSON_INTEGER_FORMAT,
                     json_integer_value(id));
            if (json_object_get(evs, key))
                continue;
            sqlite3_bind_int64(st, 1, json_integer_value(id));
            if (sqlite3_step(st) == SQLITE_ROW)
                json_object_set_new(evs, key, row(st));
            sqlite3_reset(st);
        }
    }
    sqlite3_finalize(st);
    a = json_pack("{s:o, s:o}", "alerts", list, "events", evs);
    json_object_set_new(a, "window", json_integer(r->alerts.window ? r->alerts.window : 14));
    json_object_set_new(a, "z", json_real(r->alerts.z > 0 ? r->alerts.z : 3.0));
    json_object_set_new(a, "min_events", json_integer(r->alerts.min_events ? r->alerts.min_events : 3));
    json_object_set_new(a, "min_history", json_integer(r->alerts.min_history ? r->alerts.min_history : 7));
    reply_json(out, 200, a);
}

/* Asserted, non-negated events in [?1, ?2], as series and alerts count. */
#define EV_CTE                                                             \
    "WITH ev AS (SELECT * FROM events WHERE negated = 0"                   \
    " AND modality = 'asserted' AND date <> ''"                            \
    " AND (?1 IS NULL OR date >= ?1) AND (?2 IS NULL OR date <= ?2))"

static const char actors_sql[] =
    EV_CTE ", s AS (SELECT source AS code, source_name AS name,"
    " source_country AS country, 1 AS src, quad FROM ev WHERE source <> ''"
    " UNION ALL SELECT target, target_name, target_country, 0, quad FROM ev"
    " WHERE target <> '')"
    " SELECT code, max(name) AS name, max(country) AS country,"
    " count(*) AS events, sum(src) AS as_source, sum(1 - src) AS as_target,"
    " sum(quad >= 3) AS conflict FROM s GROUP BY code"
    " ORDER BY events DESC, code LIMIT ?3";

static const char dyads_sql[] =
    EV_CTE " SELECT source, target, max(source_name) AS source_name,"
    " max(target_name) AS target_name, count(*) AS events,"
    " sum(num_articles) AS reports, sum(quad <= 2) AS cooperation,"
    " sum(quad >= 3) AS conflict, round(sum(goldstein), 1) AS goldstein_sum,"
    " round(avg(goldstein), 2) AS goldstein_mean FROM ev"
    " WHERE source <> '' AND target <> '' GROUP BY source, target"
    " ORDER BY events DESC, reports DESC, source, target LIMIT ?3";

/* Killed and wounded at a place: each (place, day, type, object) once,
 * the largest figure any article gave (as the series count them). */
#define CN_CTE                                                             \
    ", cn AS (SELECT c.place_country AS country, c.place_name AS name,"    \
    " max(c.place_lat) AS lat, max(c.place_lon) AS lon,"                   \
    " coalesce(c.date, a.date) AS d, c.type, c.object_code,"               \
    " max(c.number) AS n FROM counts c JOIN articles a ON a.id = c.article" \
    " WHERE c.type IN ('KILL', 'WOUND') AND c.cumulative = 0"              \
    " AND c.place_country IS NOT NULL AND c.place_country <> ''"           \
    " AND (?1 IS NULL OR coalesce(c.date, a.date) >= ?1)"                  \
    " AND (?2 IS NULL OR coalesce(c.date, a.date) <= ?2)"                  \
    " GROUP BY 1, 2, 5, 6, 7)"

static const char countries_sql[] =
    EV_CTE CN_CTE
    " SELECT country, sum(events) AS events, sum(conflict) AS conflict,"
    " round(sum(goldstein), 1) AS goldstein_sum,"
    " CAST(sum(killed) AS INTEGER) AS killed,"
    " CAST(sum(wounded) AS INTEGER) AS wounded FROM ("
    " SELECT place_country AS country, 1 AS events, quad >= 3 AS conflict,"
    "  goldstein, 0 AS killed, 0 AS wounded FROM ev"
    "  WHERE place_country IS NOT NULL AND place_country <> ''"
    " UNION ALL SELECT country, 0, 0, 0, CASE type WHEN 'KILL' THEN n"
    "  ELSE 0 END, CASE type WHEN 'WOUND' THEN n ELSE 0 END FROM cn)"
    " GROUP BY country ORDER BY events DESC, killed DESC, country LIMIT ?3";

static const char places_sql[] =
    EV_CTE CN_CTE
    " SELECT name, country, max(lat) AS lat, max(lon) AS lon,"
    " sum(events) AS events, sum(conflict) AS conflict,"
    " CAST(sum(killed) AS INTEGER) AS killed,"
    " CAST(sum(wounded) AS INTEGER) AS wounded FROM ("
    " SELECT place_name AS name, place_country AS country, place_lat AS lat,"
    "  place_lon AS lon, 1 AS events, quad >= 3 AS conflict, 0 AS killed,"
    "  0 AS wounded FROM ev WHERE place_name IS NOT NULL"
    " UNION ALL SELECT name, country, lat, lon, 0, 0,"
    "  CASE type WHEN 'KILL' THEN n ELSE 0 END,"
    "  CASE type WHEN 'WOUND' THEN n ELSE 0 END FROM cn"
    "  WHERE name IS NOT NULL)"
    " GROUP BY name, country HAVING max(lat) IS NOT NULL"
    " ORDER BY events DESC, killed DESC, name LIMIT ?3";

/* Runs each (name, sql) with ?1 from, ?2 to, ?3 limit into one object. */
static void lists(tc_store *s, const tc_api_req *r, const char *const *names,
                  const char *const *sqls, size_t n, tc_api_reply *out)
{
    json_t *root = json_object();
    size_t i;
    for (i = 0; i < n; i++) {
        sqlite3_stmt *st = prepare(s, sqls[i]);
        json_t *a;
        if (!st) {
            json_decref(root);
            sql_failed(s, out);
            return;
        }
        bind_dates(st, r->from, r->to);
        sqlite3_bind_int64(st, 3, r->limit);
        a = rows(st);
        if (!a) {
            json_decref(root);
            sql_failed(s, out);
            sqlite3_finalize(st);
            return;
        }
        sqlite3_finalize(st);
        json_object_set_new(root, names[i], a);
    }
    reply_json(out, 200, root);
}

static const char article_sql[] =
    "SELECT id, doc_id, url, source, domain, date, title, language,"
    " text_len, sentences, ingested_at, text FROM articles"
    " WHERE doc_id = ?1 OR (?2 IS NOT NULL AND id = ?2)"
    " ORDER BY doc_id = ?1 DESC LIMIT 1";

static const char *const article_parts[][2] = {
    {"mentions",
     "SELECT m.event, e.date, e.source, e.target, e.code, e.root, e.quad,"
     " e.goldstein, e.plover, e.source_name, e.target_name, m.sentence,"
     " m.start, m.end, m.source_start, m.source_end, m.target_start,"
     " m.target_end, m.verb_start, m.verb_end, m.role, m.modality,"
     " m.negated, m.reported_by, m.source_text, m.target_text, m.verb_text,"
     " m.sentence_text FROM mentions m JOIN events e ON e.id = m.event"
     " WHERE m.article = ?1 ORDER BY m.start, m.id"},
    {"actors",
     "SELECT sentence, start, end, text, code, country, agent, name, type"
     " FROM actors WHERE article = ?1 ORDER BY start, id"},
    {"counts",
     "SELECT sentence, start, end, number_start, number_end, type, number,"
     " high, precision, object, object_code, actor_code, cumulative, date,"
     " number_text, text, place_name, place_country FROM counts"
     " WHERE article = ?1 ORDER BY start, id"},
    {"quotes",
     "SELECT sentence, start, end, text, speaker, speaker_start, speaker_end,"
     " speaker_name, speaker_code, cue, direct, partial FROM quotes"
     " WHERE article = ?1 ORDER BY start, id"},
};

static void article(tc_store *s, const tc_api_req *r, tc_api_reply *out)
{
    sqlite3_stmt *st = prepare(s, article_sql);
    json_t *root;
    sqlite3_int64 id;
    size_t i;
    const char *p;
    if (!st) {
        sql_failed(s, out);
        return;
    }
    sqlite3_bind_text(st, 1, r->article, -1, SQLITE_STATIC);
    for (p = r->article; *p >= '0' && *p <= '9'; p++)
        ;
    if (!*p && p - r->article <= 18)
        sqlite3_bind_int64(st, 2, strtoll(r->article, NULL, 10));
    switch (sqlite3_step(st)) {
    case SQLITE_ROW: break;
    case SQLITE_DONE:
        sqlite3_finalize(st);
        error_reply(out, 404, "not_found", "no such article");
        return;
    default:
        sqlite3_finalize(st);
        sql_failed(s, out);
        return;
    }
    root = row(st);
    id = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    for (i = 0; i < sizeof article_parts / sizeof article_parts[0]; i++) {
        json_t *a;
        if (!(st = prepare(s, article_parts[i][1]))) {
            json_decref(root);
            sql_failed(s, out);
            return;
        }
        sqlite3_bind_int64(st, 1, id);
        a = rows(st);
        sqlite3_finalize(st);
        if (!a) {
            json_decref(root);
            sql_failed(s, out);
            return;
        }
        json_object_set_new(root, article_parts[i][0], a);
    }
    reply_json(out, 200, root);
}

void tc_api_answer(tc_store *s, const tc_api_req *r, const char *db_name,
                   tc_api_reply *out)
{
    static const char *const actor_names[] = {"actors", "dyads"};
    static const char *const actor_sqls[] = {actors_sql, dyads_sql};
    static const char *const place_names[] = {"countries", "places"};
    static const char *const place_sqls[] = {countries_sql, places_sql};
    memset(out, 0, sizeof *out);
    switch (r->ep) {
    case TC_EP_HEALTH: health(s, db_name, out); break;
    case TC_EP_EVENTS: events(s, r, out); break;
    case TC_EP_SERIES: series(s, r, out); break;
    case TC_EP_ALERTS: alerts(s, r, out); break;
    case TC_EP_ACTORS: lists(s, r, actor_names, actor_sqls, 2, out); break;
    case TC_EP_PLACES: lists(s, r, place_names, place_sqls, 2, out); break;
    case TC_EP_ARTICLE: article(s, r, out); break;
    default: error_reply(out, 404, "not_found", "no such endpoint"); break;
    }
    if (out->len > TC_SERVE_MAX_BODY) {
        free(out->body);
        error_reply(out, 400, "result_too_large",
                    "the result is larger than the server sends (8 MiB); "
                    "narrow the query");
    }
}
