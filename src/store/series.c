/*
 * series.c - time series over the store: `tacitus series` (events per
 * QuadClass, Goldstein sum and mean, killed and wounded per period),
 * `tacitus alerts` (days when a dyad or a country leaves its trailing
 * baseline, with the events behind them) and the top dyads.
 *
 * Series and alerts count asserted events only (not negated, not future
 * or hypothetical), each event row once however many articles report it.
 *
 * Alerts (docs/STORE.md): for every dyad (source country : target
 * country) and every country (either side), the daily number of conflict
 * events (QuadClass 3 and 4).  A day alerts when that number is at least
 * min_events and its z-score against the `window` days before it
 * (calendar days, days without events counting as 0; standard deviation
 * floored at 1 so a quiet baseline does not make every event an alert)
 * reaches `z`, and the key has events at least min_history days before.
 */
#include "store_int.h"
#include "output.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* A side matches when its code starts with ?N or its country is ?N. */
#define SIDE(s, n)                                                         \
    "(e." s " LIKE ?" n " || '%' ESCAPE '\\' OR e." s "_country = ?" n ")"

static const char series_sql[] =
    "WITH ev AS (SELECT e.* FROM events e WHERE e.negated = 0"
    "  AND e.modality = 'asserted' AND e.date <> ''"
    "  AND (?1 IS NULL OR " SIDE("source", "1") ")"
    "  AND (?2 IS NULL OR " SIDE("target", "2") ")"
    "  AND (?3 IS NULL OR " SIDE("source", "3") " OR " SIDE("target", "3")
    ")),"
    /* Counts of the articles that report these events, each (day, type,
     * object) once: the largest figure any article gave. */
    " cn AS (SELECT coalesce(c.date, a.date) AS date, c.type,"
    "  c.object_code, max(c.number) AS n FROM counts c"
    "  JOIN articles a ON a.id = c.article"
    "  WHERE c.type IN ('KILL', 'WOUND') AND c.cumulative = 0"
    "  AND c.article IN (SELECT m.article FROM mentions m"
    "   WHERE m.event IN (SELECT id FROM ev)) GROUP BY 1, 2, 3),"
    " r AS (SELECT date, quad, goldstein, 0 AS killed, 0 AS wounded,"
    "  1 AS n FROM ev UNION ALL SELECT date, NULL, NULL,"
    "  CASE type WHEN 'KILL' THEN n ELSE 0 END,"
    "  CASE type WHEN 'WOUND' THEN n ELSE 0 END, 0 FROM cn"
    "  WHERE date IS NOT NULL)"
    " SELECT CASE ?4 WHEN 'week' THEN date(date, 'weekday 0', '-6 days')"
    "  WHEN 'month' THEN substr(date, 1, 7) ELSE date END AS period,"
    " sum(n) AS events, sum(quad = 1) AS verbal_coop,"
    " sum(quad = 2) AS material_coop, sum(quad = 3) AS verbal_conflict,"
    " sum(quad = 4) AS material_conflict,"
    " round(coalesce(sum(goldstein), 0), 1) AS goldstein_sum,"
    " round(avg(goldstein), 2) AS goldstein_mean,"
    " CAST(sum(killed) AS INTEGER) AS killed,"
    " CAST(sum(wounded) AS INTEGER) AS wounded"
    " FROM r WHERE (?5 IS NULL OR date >= ?5) AND (?6 IS NULL OR date <= ?6)"
    " GROUP BY period ORDER BY period";

tc_status tc_store_series(tc_store *s, const tc_series_opts *o,
                          tc_out_format format, FILE *out, tc_error *err)
{
    sqlite3_stmt *st = NULL;
    const char *by = o->by ? o->by : "day";
    int rc;
    if (strcmp(by, "day") != 0 && strcmp(by, "week") != 0 &&
        strcmp(by, "month") != 0)
        return tc_error_set(err, TC_ERR_USAGE, NULL, 0, 0,
                            "--by must be day, week or month, not \"%s\"",
                            by);
    if (sqlite3_prepare_v2(s->db, series_sql, -1, &st, NULL) != SQLITE_OK)
        return tc_store_sql_error(s, err, "cannot compute the series");
    tc_bind_str(st, 1, o->dyad_source, true);
    tc_bind_str(st, 2, o->dyad_target, true);
    tc_bind_str(st, 3, o->country, true);
    tc_bind_str(st, 4, by, false);
    tc_bind_str(st, 5, o->from, true);
    tc_bind_str(st, 6, o->to, true);
    rc = tc_out_rows(st, format, out);
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return tc_store_sql_error(s, err, "cannot compute the series");
    return TC_OK;
}

/* ---- Alerts ---- */

/* Daily conflict events per key: kind ('dyad' or 'country'), key, day
 * number, conflict events, Goldstein sum of all events. */
static const char daily_sql[] =
    "WITH ev AS (SELECT * FROM events WHERE negated = 0"
    "  AND modality = 'asserted' AND date <> ''),"
    " k AS (SELECT 'dyad' AS kind, source_country || ':' || target_country"
    "  AS key, date, quad, goldstein FROM ev WHERE source_country <> ''"
    "  AND target_country <> '' AND source_country <> target_country"
    "  UNION ALL SELECT 'country', source_country, date, quad, goldstein"
    "  FROM ev WHERE source_country <> ''"
    "  UNION ALL SELECT 'country', target_country, date, quad, goldstein"
    "  FROM ev WHERE target_country <> '' AND target_country <>"
    "  source_country)"
    " SELECT kind, key, CAST(julianday(date) AS INTEGER), date,"
    " sum(quad >= 3), round(sum(goldstein), 1) FROM k"
    " GROUP BY kind, key, date ORDER BY kind, key, date";

static const char behind_sql[] =
    "SELECT e.id, e.source, e.target, e.code, e.num_articles,"
    " (SELECT m.sentence_text FROM mentions m WHERE m.event = e.id"
    "  ORDER BY m.id LIMIT 1) FROM events e"
    " WHERE e.date = ?1 AND e.quad >= 3 AND e.negated = 0"
    " AND e.modality = 'asserted' AND (CASE ?2 WHEN 'dyad' THEN"
    " e.source_country || ':' || e.target_country = ?3 ELSE"
    " (e.source_country = ?3 OR e.target_country = ?3) END)"
    " ORDER BY e.num_articles DESC, e.id";

typedef struct day_row {
    long day;
    double conflict, goldstein;
    char date[11];
} day_row;

typedef struct alert_ctx {
    const tc_alert_opts *o;
    tc_out_format format;
    FILE *out;
    sqlite3_stmt *behind;
    long alerts;
} alert_ctx;

static void alert_events(alert_ctx *c, const char *kind, const char *key,
                         const char *date)
{
    sqlite3_stmt *st = c->behind;
    int n = 0;
    sqlite3_bind_text(st, 1, date, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, kind, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, key, -1, SQLITE_STATIC);
    if (c->format == TC_OUT_JSONL)
        fputs(",\"events\":[", c->out);
    while (sqlite3_step(st) == SQLITE_ROW) {
        const char *ev = (const char *)sqlite3_column_text(st, 5);
        const char *src = (const char *)sqlite3_column_text(st, 1);
        const char *tgt = (const char *)sqlite3_column_text(st, 2);
        const char *code = (const char *)sqlite3_column_text(st, 3);
        if (c->format == TC_OUT_JSONL) {
            fprintf(c->out, "%s%lld", n ? "," : "",
                    (long long)sqlite3_column_int64(st, 0));
        } else if (c->format == TC_OUT_TABLE && n < 10) {
            fprintf(c->out, "    event %lld  %s -> %s  %s  (%d articles)  "
                            "%.80s\n",
                    (long long)sqlite3_column_int64(st, 0), src ? src : "",
                    tgt ? tgt : "", code ? code : "",
                    sqlite3_column_int(st, 4), ev ? ev : "");
        } else if (c->format == TC_OUT_CSV) {
            fprintf(c->out, "%s%lld", n ? " " : "",
                    (long long)sqlite3_column_int64(st, 0));
        }
        n++;
    }
    sqlite3_reset(st);
    if (c->format == TC_OUT_JSONL)
        fputs("]}\n", c->out);
    else if (c->format == TC_OUT_CSV)
        fputs("\r\n", c->out);
}

/* Tests each day of one key against its trailing window. */
static void key_alerts(alert_ctx *c, const char *kind, const char *key,
                       const day_row *d, size_t n)
{
    const tc_alert_opts *o = c->o;
    size_t i, j;
    for (i = 0; i < n; i++) {
        double sum = 0, sq = 0, mean, sd, z;
        if (d[i].conflict < o->min_events ||
            d[i].day - d[0].day < o->min_history)
            continue;
        for (j = i; j-- > 0 && d[i].day - d[j].day <= o->window;) {
            sum += d[j].conflict;
            sq += d[j].conflict * d[j].conflict;
        }
        mean = sum / o->window;
        sd = sqrt(fmax(sq / o->window - mean * mean, 0));
        z = (d[i].conflict - mean) / fmax(sd, 1.0);
        if (z < o->z || (o->from && strcmp(d[i].date, o->from) < 0) ||
            (o->to && strcmp(d[i].date, o->to) > 0))
            continue;
        if (c->format == TC_OUT_JSONL)
            fprintf(c->out, "{\"kind\":\"%s\",\"key\":\"%s\",\"date\":\"%s\","
                            "\"conflict_events\":%.0f,\"baseline_mean\":%.2f,"
                            "\"baseline_sd\":%.2f,\"z\":%.2f,"
                            "\"goldstein_sum\":%.1f",
                    kind, key, d[i].date, d[i].conflict, mean, sd, z,
                    d[i].goldstein);
        else if (c->format == TC_OUT_CSV)
            fprintf(c->out, "%s,%s,%s,%.0f,%.2f,%.2f,%.2f,%.1f,", kind, key,
                    d[i].date, d[i].conflict, mean, sd, z, d[i].goldstein);
        else
            fprintf(c->out, "%s %s on %s: %.0f conflict events (baseline "
                            "%.2f +- %.2f over %d days, z %.2f), Goldstein "
                            "sum %.1f\n",
                    kind, key, d[i].date, d[i].conflict, mean, sd, o->window,
                    z, d[i].goldstein);
        alert_events(c, kind, key, d[i].date);
        c->alerts++;
    }
}

static tc_status walk_keys(tc_store *s, alert_ctx *c, sqlite3_stmt *st,
                           tc_error *err)
{
    day_row *rows = NULL;
    size_t n = 0, cap = 0;
    char kind[16] = "", key[64] = "";
    int rc;
    tc_status status = TC_OK;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *k = (const char *)sqlite3_column_text(st, 0);
        const char *y = (const char *)sqlite3_column_text(st, 1);
        const char *date = (const char *)sqlite3_column_text(st, 3);
        if (!k || !y || !date)
            continue; /* only a hand-edited file has NULLs here */
        if (strcmp(k, kind) != 0 || strcmp(y, key) != 0) {
            key_alerts(c, kind, key, rows, n);
            snprintf(kind, sizeof kind, "%s", k);
            snprintf(key, sizeof key, "%s", y);
            n = 0;
        }
        if (n == cap) {
            day_row *p = realloc(rows, (cap = cap ? cap * 2 : 64) * sizeof *p);
            if (!p) {
                rc = SQLITE_NOMEM;
                break;
            }
            rows = p;
        }
        rows[n].day = (long)sqlite3_column_int64(st, 2);
        snprintf(rows[n].date, sizeof rows[n].date, "%s", date);
        rows[n].conflict = sqlite3_column_double(st, 4);
        rows[n].goldstein = sqlite3_column_double(st, 5);
        n++;
    }
    if (rc == SQLITE_DONE)
        key_alerts(c, kind, key, rows, n);
    else
        status = tc_store_sql_error(s, err, "cannot compute alerts");
    free(rows);
    return status;
}

tc_status tc_store_alerts(tc_store *s, const tc_alert_opts *opts,
                          tc_out_format format, FILE *out, tc_error *err)
{
    tc_alert_opts o = *opts;
    alert_ctx c;
    sqlite3_stmt *st = NULL;
    tc_status status;
    if (o.window <= 0)
        o.window = 14;
    if (o.min_history <= 0)
        o.min_history = 7;
    if (o.z <= 0)
        o.z = 3.0;
    if (o.min_events <= 0)
        o.min_events = 3;
    memset(&c, 0, sizeof c);
    c.o = &o;
    c.format = format;
    c.out = out;
    if (sqlite3_prepare_v2(s->db, daily_sql, -1, &st, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(s->db, behind_sql, -1, &c.behind, NULL) !=
            SQLITE_OK) {
        sqlite3_finalize(st);
        return tc_store_sql_error(s, err, "cannot compute alerts");
    }
    if (format == TC_OUT_CSV)
        fputs("kind,key,date,conflict_events,baseline_mean,baseline_sd,z,"
              "goldstein_sum,events\r\n", out);
    status = walk_keys(s, &c, st, err);
    if (status == TC_OK && format == TC_OUT_TABLE && c.alerts == 0)
        fprintf(out, "no alerts (a day alerts at z >= %.1f over the %d days "
                     "before it, with %d days of history and %d conflict "
                     "events at least)\n",
                o.z, o.window, o.min_history, o.min_events);
    sqlite3_finalize(st);
    sqlite3_finalize(c.behind);
    return status;
}

tc_status tc_store_top_dyads(tc_store *s, int n, FILE *out, tc_error *err)
{
    sqlite3_stmt *st = NULL;
    int rc;
    if (sqlite3_prepare_v2(s->db,
            "SELECT source, target, count(*) AS events,"
            " sum(num_articles) AS reports, sum(quad >= 3) AS conflict,"
            " round(sum(goldstein), 1) AS goldstein_sum FROM events"
            " WHERE source <> '' AND target <> '' AND negated = 0"
            " AND modality = 'asserted' GROUP BY source, target"
            " ORDER BY events DESC, reports DESC, source, target LIMIT ?1",
            -1, &st, NULL) != SQLITE_OK)
        return tc_store_sql_error(s, err, "cannot list dyads");
    sqlite3_bind_int(st, 1, n);
    rc = tc_out_rows(st, TC_OUT_TABLE, out);
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? TC_OK
                             : tc_store_sql_error(s, err, "cannot list dyads");
}
