/*
 * export.c - `tacitus export`: the store in the formats other tools read.
 *
 *   gdelt-events    GDELT 2.0 event records, 61 tab-separated columns
 *   gdelt-mentions  GDELT 2.0 mention records, 16 columns
 *   gkg             a GDELT 2.0 GKG subset, 27 columns, one row an article
 *                   (counts, quotations, persons, organizations, names,
 *                   locations)
 *   plover          PLOVER JSON records, one a line
 *   jsonl, csv      the events table with each event's first evidence
 *
 * Column orders follow the GDELT 2.0 codebooks' column lists.  A field we
 * cannot fill is empty, never made up (docs/STORE.md lists which).  Text
 * never carries a tab or a line break into a row; in GKG's delimited
 * fields the delimiters (# ; , |) inside text become spaces.
 */
#include "store_int.h"
#include "output.h"

#include <stdlib.h>
#include <string.h>

/* ---- Helpers ---- */

static const char *col(sqlite3_stmt *st, int i)
{
    const char *v = (const char *)sqlite3_column_text(st, i);
    return v ? v : "";
}

/* Writes `s` with tabs and line breaks (and any of `extra`) as spaces. */
static void put_clean(FILE *out, const char *s, const char *extra)
{
    for (; *s; s++) {
        char c = *s;
        if (c == '\t' || c == '\n' || c == '\r' || (extra && strchr(extra, c)))
            c = ' ';
        fputc(c, out);
    }
}

/* "2026-11-29T04:33:37Z" -> "20261129043337" (GDELT's timestamps). */
static void compact_time(const char *iso, char out[15])
{
    size_t n = 0;
    for (; *iso && n < 14; iso++)
        if (*iso >= '0' && *iso <= '9')
            out[n++] = *iso;
    out[n] = '\0';
}

static void fields(FILE *out, const char *const *v, int n)
{
    int i;
    for (i = 0; i < n; i++) {
        if (i)
            fputc('\t', out);
        put_clean(out, v[i] ? v[i] : "", NULL);
    }
    fputc('\n', out);
}

/* ---- GDELT events ---- */

static const char events_sql[] =
    "SELECT e.id, e.date, e.source, upper(e.source_name), e.source_country,"
    " e.source_agent, e.target, upper(e.target_name), e.target_country,"
    " e.target_agent, e.code, e.base_code, e.root, e.quad, e.goldstein,"
    " e.num_mentions, e.num_sources, e.num_articles,"
    " e.place_name, e.place_country, e.place_adm1, e.place_lat,"
    " e.place_lon, e.place_geonames_id,"
    " (SELECT m.role IN ('title', 'lead') FROM mentions m"
    "  WHERE m.event=e.id ORDER BY m.id LIMIT 1),"
    " (SELECT min(a.ingested_at) FROM mentions m JOIN articles a"
    "  ON a.id=m.article WHERE m.event=e.id),"
    " (SELECT a.url FROM mentions m JOIN articles a ON a.id=m.article"
    "  WHERE m.event=e.id ORDER BY m.id LIMIT 1)"
    " FROM events e ORDER BY e.id";

enum { GDELT_EVENT_COLS = 61, GDELT_MENTION_COLS = 16, GKG_COLS = 27 };

static void gdelt_event_row(FILE *out, sqlite3_stmt *st)
{
    const char *v[GDELT_EVENT_COLS] = {NULL};
    const char *date = col(st, 1);
    char sqldate[9] = "", month[7] = "", year[5] = "", frac[16] = "";
    char gold[16], added[15];
    int y, m, d;
    if (sscanf(date, "%4d-%2d-%2d", &y, &m, &d) == 3) {
        snprintf(sqldate, sizeof sqldate, "%04d%02d%02d", y, m, d);
        snprintf(month, sizeof month, "%04d%02d", y, m);
        snprintf(year, sizeof year, "%04d", y);
        /* GDELT's own approximation: YYYY + (MONTH * 30 + DAY) / 365. */
        snprintf(frac, sizeof frac, "%.4f", y + (m * 30 + d) / 365.0);
    }
    snprintf(gold, sizeof gold, "%.1f", sqlite3_column_double(st, 14));
    compact_time(col(st, 25), added);
    v[0] = col(st, 0);
    v[1] = sqldate;
    v[2] = month;
    v[3] = year;
    v[4] = frac;
    v[5] = col(st, 2);  /* Actor1Code */
    v[6] = col(st, 3);  /* Actor1Name */
    v[7] = col(st, 4);  /* Actor1CountryCode */
    v[12] = col(st, 5); /* Actor1Type1Code */
    v[15] = col(st, 6);
    v[16] = col(st, 7);
    v[17] = col(st, 8);
    v[22] = col(st, 9);
    v[25] = col(st, 24); /* IsRootEvent */
    v[26] = col(st, 10);
    v[27] = col(st, 11);
    v[28] = col(st, 12);
    v[29] = col(st, 13);
    v[30] = gold;
    v[31] = col(st, 15);
    v[32] = col(st, 16);
    v[33] = col(st, 17);
    /* 34 AvgTone and 35-50 the actors' places: not known.  ActionGeo
     * (51-58) from the event's place, when the places stage gave one;
     * its Type (51) and ADM2 (55) are not known. */
    v[52] = col(st, 18);
    v[53] = col(st, 19);
    v[54] = col(st, 20);
    v[56] = col(st, 21);
    v[57] = col(st, 22);
    v[58] = col(st, 23);
    v[59] = added;
    v[60] = col(st, 26);
    fields(out, v, GDELT_EVENT_COLS);
}

/* ---- GDELT mentions ---- */

static const char mentions_sql[] =
    "SELECT m.event, min(a.ingested_at) OVER (PARTITION BY m.event),"
    " a.ingested_at, a.url, coalesce(nullif(a.source, ''), a.domain),"
    " a.doc_id, m.sentence, m.source_start, m.target_start, m.verb_start,"
    " m.confidence, a.text_len"
    " FROM mentions m JOIN articles a ON a.id=m.article"
    " ORDER BY m.event, m.id";

static void gdelt_mention_row(FILE *out, sqlite3_stmt *st)
{
    const char *v[GDELT_MENTION_COLS] = {NULL};
    char first[15], seen[15];
    bool web = *col(st, 3) != '\0';
    compact_time(col(st, 1), first);
    compact_time(col(st, 2), seen);
    v[0] = col(st, 0);
    v[1] = first;
    v[2] = seen;
    v[3] = web ? "1" : "2"; /* 1 WEB (a URL), 2 CITATIONONLY (our id) */
    v[4] = col(st, 4);
    v[5] = web ? col(st, 3) : col(st, 5);
    v[6] = col(st, 6);
    v[7] = col(st, 7); /* byte offsets; empty when the part is missing */
    v[8] = col(st, 8);
    v[9] = col(st, 9);
    v[10] = "1"; /* coded from the article's own text, no rewriting */
    v[11] = col(st, 10);
    v[12] = col(st, 11);
    /* 13 tone, 14 translation, 15 extras: not known. */
    fields(out, v, GDELT_MENTION_COLS);
}

/* ---- GKG ---- */

enum { GK_COUNTS, GK_QUOTES, GK_NAMES, GK_PLACES, GK_PLACES2, GK_N };

static const char *const gkg_sql[GK_N] = {
    "SELECT CASE type WHEN 'EVACUATE' THEN 'EVACUATION'"
    " WHEN 'DISPLACE' THEN 'DISPLACED' WHEN 'REFUGEE' THEN 'REFUGEES'"
    " ELSE type END, printf('%.0f', number), object, '', place_name,"
    " place_country, place_adm1, place_lat, place_lon, place_geonames_id,"
    " start FROM counts WHERE article=?1 ORDER BY id",
    "SELECT start, end - start, cue, text FROM quotes"
    " WHERE article=?1 AND direct ORDER BY id",
    /* Names of persons, organizations, states, groups, places: not the
     * role nouns ("soldier") of type agent. */
    "SELECT name, type, min(start) FROM actors"
    " WHERE article=?1 AND name <> '' AND type <> 'agent'"
    " GROUP BY name, type ORDER BY 3",
    /* V1 locations: type (not known), name, country, ADM1, lat, lon,
     * feature id; V2 adds ADM2 (not known) after ADM1, and the offset. */
    "SELECT '', e.place_name, e.place_country, e.place_adm1,"
    " e.place_lat, e.place_lon, e.place_geonames_id, min(m.start)"
    " FROM mentions m JOIN events e ON e.id=m.event"
    " WHERE m.article=?1 AND e.place_name IS NOT NULL"
    " GROUP BY e.place_name ORDER BY 8",
    "SELECT '', e.place_name, e.place_country, e.place_adm1, '',"
    " e.place_lat, e.place_lon, e.place_geonames_id, min(m.start)"
    " FROM mentions m JOIN events e ON e.id=m.event"
    " WHERE m.article=?1 AND e.place_name IS NOT NULL"
    " GROUP BY e.place_name ORDER BY 9",
};

/* A GKG list field: rows of `st` joined, columns by `sep`, rows by
 * `rsep`, columns [0, ncol) (and column `offset_col` when >= 0); the two
 * separators inside text become spaces. */
static void gkg_list(FILE *out, sqlite3_stmt *st, int ncol, char sep,
                     char rsep, int offset_col)
{
    int rc, i, n = 0;
    const char bad[3] = {sep, rsep, '\0'};
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (n++)
            fputc(rsep, out);
        for (i = 0; i < ncol; i++) {
            if (i)
                fputc(sep, out);
            put_clean(out, col(st, i), bad);
        }
        if (offset_col >= 0)
            fprintf(out, "%c%s", sep, col(st, offset_col));
    }
    sqlite3_reset(st);
}

/* Persons (type person) or organizations (org), V1 or V2 (with offset). */
static void gkg_names(FILE *out, sqlite3_stmt *st, const char *type, bool v2)
{
    int n = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        if (type && strcmp(col(st, 1), type) != 0)
            continue;
        if (n++)
            fputc(';', out);
        put_clean(out, col(st, 0), "#;,|");
        if (v2)
            fprintf(out, ",%s", col(st, 2));
    }
    sqlite3_reset(st);
}

static void gkg_row(FILE *out, sqlite3_stmt *art, sqlite3_stmt **q)
{
    char added[15], date[9] = "";
    const char *url = col(art, 2);
    int y, m, d, i;
    compact_time(col(art, 5), added);
    if (sscanf(col(art, 4), "%4d-%2d-%2d", &y, &m, &d) == 3)
        snprintf(date, sizeof date, "%04d%02d%02d", y, m, d);
    for (i = 0; i < GK_N; i++)
        sqlite3_bind_int64(q[i], 1, sqlite3_column_int64(art, 0));
    fprintf(out, "%s-%s\t", added, col(art, 0)); /* 0 GKGRECORDID */
    fprintf(out, "%s%s\t", date, *date ? "000000" : ""); /* 1 DATE */
    fprintf(out, "%s\t", *url ? "1" : "2");
    put_clean(out, col(art, 3), NULL); /* 3 SourceCommonName */
    fputc('\t', out);
    put_clean(out, *url ? url : col(art, 1), NULL);
    fputc('\t', out);
    gkg_list(out, q[GK_COUNTS], 10, '#', ';', -1); /* 5 Counts */
    fputc('\t', out);
    gkg_list(out, q[GK_COUNTS], 10, '#', ';', 10); /* 6 V2Counts */
    fputs("\t\t\t", out); /* 7, 8 themes */
    gkg_list(out, q[GK_PLACES], 7, '#', ';', -1); /* 9 Locations */
    fputc('\t', out);
    gkg_list(out, q[GK_PLACES2], 8, '#', ';', 8); /* 10 V2Locations */
    fputc('\t', out);
    gkg_names(out, q[GK_NAMES], "person", false); /* 11 Persons */
    fputc('\t', out);
    gkg_names(out, q[GK_NAMES], "person", true); /* 12 V2Persons */
    fputc('\t', out);
    gkg_names(out, q[GK_NAMES], "org", false); /* 13 Organizations */
    fputc('\t', out);
    gkg_names(out, q[GK_NAMES], "org", true); /* 14 V2Organizations */
    fputs("\t\t\t\t\t\t\t\t", out); /* 15-21: tone .. video embeds */
    gkg_list(out, q[GK_QUOTES], 4, '|', '#', -1); /* 22 Quotations */
    fputc('\t', out);
    gkg_names(out, q[GK_NAMES], NULL, true); /* 23 AllNames */
    fputs("\t\t\t\n", out); /* 24 Amounts, 25 translation, 26 extras */
}

static tc_status export_gkg(tc_store *s, FILE *out, tc_error *err)
{
    sqlite3_stmt *art = NULL, *q[GK_N] = {NULL};
    tc_status status = TC_OK;
    int i, rc = SQLITE_OK;
    for (i = 0; i < GK_N && rc == SQLITE_OK; i++)
        rc = sqlite3_prepare_v2(s->db, gkg_sql[i], -1, &q[i], NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v2(s->db,
            "SELECT id, doc_id, url, coalesce(nullif(source, ''), domain),"
            " date, ingested_at FROM articles ORDER BY id", -1, &art, NULL);
    while (rc == SQLITE_OK && (rc = sqlite3_step(art)) == SQLITE_ROW) {
        gkg_row(out, art, q);
        rc = SQLITE_OK;
    }
    if (rc != SQLITE_DONE)
        status = tc_store_sql_error(s, err, "cannot export");
    sqlite3_finalize(art);
    for (i = 0; i < GK_N; i++)
        sqlite3_finalize(q[i]);
    return status;
}

/* ---- PLOVER ---- */

/* One JSON record per event PLOVER maps (statements and appeals have no
 * PLOVER type and are left out).  actor/recipient: country code (the
 * actor's country, else the code's first three letters) and sector. */
static const char plover_sql[] =
    "SELECT json_object('id', 'tacitus-' || e.id, 'date', e.date,"
    " 'actor', CASE WHEN e.source = '' THEN json_array() ELSE json_array("
    "  json_object('code', coalesce(nullif(e.source_country, ''),"
    "  substr(e.source, 1, 3)), 'sector', nullif(e.source_agent, ''),"
    "  'entity_text', m.source_text, 'identifier_text',"
    "  nullif(e.source_name, ''), 'cameo', e.source)) END,"
    " 'recipient', CASE WHEN e.target = '' THEN json_array() ELSE"
    "  json_array(json_object('code', coalesce(nullif(e.target_country,"
    "  ''), substr(e.target, 1, 3)), 'sector', nullif(e.target_agent, ''),"
    "  'entity_text', m.target_text, 'identifier_text',"
    "  nullif(e.target_name, ''), 'cameo', e.target)) END,"
    " 'event', json_array(e.plover),"
    " 'mode', CASE WHEN e.plover_mode = '' THEN json_array()"
    "  ELSE json_array(e.plover_mode) END,"
    " 'event_loc', CASE WHEN e.place_name IS NULL THEN NULL ELSE"
    "  json_object('name', e.place_name, 'geonames_id',"
    "  e.place_geonames_id, 'country', e.place_country, 'adm1',"
    "  e.place_adm1, 'lat', e.place_lat, 'lon', e.place_lon) END,"
    " 'event_text', json_array(m.verb_text), 'quad_code', e.quad,"
    " 'cameo', e.code, 'goldstein', e.goldstein,"
    " 'negated', json(CASE WHEN e.negated THEN 'true' ELSE 'false' END),"
    " 'modality', e.modality, 'num_mentions', e.num_mentions,"
    " 'num_sources', e.num_sources, 'num_articles', e.num_articles,"
    " 'cite_info', json_object('article', a.doc_id, 'url', nullif(a.url,"
    "  ''), 'sentence', m.sentence, 'start', m.start, 'end', m.end),"
    " 'coder', 'tacitus " TC_VERSION "')"
    " FROM events e JOIN mentions m ON m.id = (SELECT min(id) FROM mentions"
    "  WHERE event=e.id) JOIN articles a ON a.id=m.article"
    " WHERE e.plover <> '' ORDER BY e.id";

/* ---- jsonl, csv ---- */

static const char events_table_sql[] =
    "SELECT e.*, (SELECT a.doc_id FROM mentions m JOIN articles a"
    " ON a.id=m.article WHERE m.event=e.id ORDER BY m.id LIMIT 1) AS article,"
    " (SELECT m.sentence_text FROM mentions m WHERE m.event=e.id"
    " ORDER BY m.id LIMIT 1) AS evidence FROM events e ORDER BY e.id";

static tc_status export_rows(tc_store *s, const char *sql,
                             void (*row)(FILE *, sqlite3_stmt *), FILE *out,
                             tc_error *err)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
    while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        row(out, st);
        rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return tc_store_sql_error(s, err, "cannot export");
    return TC_OK;
}

static void plover_row(FILE *out, sqlite3_stmt *st)
{
    fputs(col(st, 0), out);
    fputc('\n', out);
}

tc_status tc_store_export(tc_store *s, const char *format, FILE *out,
                          tc_error *err)
{
    tc_out_format f;
    if (strcmp(format, "gdelt-events") == 0)
        return export_rows(s, events_sql, gdelt_event_row, out, err);
    if (strcmp(format, "gdelt-mentions") == 0)
        return export_rows(s, mentions_sql, gdelt_mention_row, out, err);
    if (strcmp(format, "gkg") == 0)
        return export_gkg(s, out, err);
    if (strcmp(format, "plover") == 0)
        return export_rows(s, plover_sql, plover_row, out, err);
    if (strcmp(format, "csv") == 0 || strcmp(format, "jsonl") == 0) {
        sqlite3_stmt *st = NULL;
        int rc;
        tc_out_parse(format, &f);
        if (sqlite3_prepare_v2(s->db, events_table_sql, -1, &st, NULL) !=
            SQLITE_OK)
            return tc_store_sql_error(s, err, "cannot export");
        rc = tc_out_rows(st, f, out);
        sqlite3_finalize(st);
        return rc == SQLITE_DONE ? TC_OK
                                 : tc_store_sql_error(s, err, "cannot export");
    }
    return tc_error_set(err, TC_ERR_USAGE, NULL, 0, 0,
                        "no export format \"%s\" (gdelt-events, "
                        "gdelt-mentions, gkg, plover, jsonl, csv)", format);
}
