/*
 * put.c - writing analysed documents into the store.
 *
 * An article is written whole inside the open batch transaction: its row,
 * its actor mentions, its events (each upserted on the dedup key and
 * linked by a mention row), counts and quotes.  The same id with the same
 * content hash writes nothing; a new hash deletes the old article's rows
 * first.  Event totals (num_mentions, num_articles, num_sources, first and
 * last seen) are recomputed from the mentions of the events a batch
 * touched, just before it commits, and events left without mentions are
 * dropped, so the totals are always those of the committed mentions.
 *
 * Dedup key (docs/STORE.md): date (same day), source, target, code,
 * negated, modality class (asserted = asserted, past, reported; future;
 * hypothetical) and place_key (kept "": the place is not part of the key,
 * so a report that names no place is the same event as one that does; the
 * event takes the place of the first report that names one).
 */
#include "store_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char *const sql[Q_COUNT_] = {
    [Q_SEL_ARTICLE] = "SELECT id, hash FROM articles WHERE doc_id=?1",
    [Q_OLD_EVENTS] = "SELECT DISTINCT event FROM mentions WHERE article=?1",
    [Q_DEL_MENTIONS] = "DELETE FROM mentions WHERE article=?1",
    [Q_DEL_ACTORS] = "DELETE FROM actors WHERE article=?1",
    [Q_DEL_COUNTS] = "DELETE FROM counts WHERE article=?1",
    [Q_DEL_QUOTES] = "DELETE FROM quotes WHERE article=?1",
    [Q_DEL_ARTICLE] = "DELETE FROM articles WHERE id=?1",
    [Q_INS_ARTICLE] =
        "INSERT INTO articles(doc_id, url, source, domain, source_key, date,"
        " title, language, hash, text_len, sentences, ingested_at, text)"
        " VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13)",
    [Q_INS_ACTOR] =
        "INSERT INTO actors(article, sentence, start, end, text, code,"
        " country, agent, name, type, affiliation, match)"
        " VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12)",
    /* Place columns (?20-?25): the place of the event's sentence; the
     * first report that names one gives it to the event.  place_key (?7)
     * stays "": a report that names no place, or another one of the same
     * country, is the same event (see bind_place). */
    [Q_UPS_EVENT] =
        "INSERT INTO events(date, source, target, code, negated, modality,"
        " place_key, root, base_code, quad, goldstein, plover, plover_mode,"
        " source_name, source_country, source_agent, target_name,"
        " target_country, target_agent, place_name, place_geonames_id,"
        " place_country, place_adm1, place_lat, place_lon)"
        " VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,"
        "?17,?18,?19,?20,?21,?22,?23,?24,?25)"
        " ON CONFLICT(date, source, target, code, negated, modality,"
        " place_key) DO UPDATE SET"
        " place_geonames_id=CASE WHEN place_name IS NULL"
        "  THEN excluded.place_geonames_id ELSE place_geonames_id END,"
        " place_country=CASE WHEN place_name IS NULL"
        "  THEN excluded.place_country ELSE place_country END,"
        " place_adm1=CASE WHEN place_name IS NULL"
        "  THEN excluded.place_adm1 ELSE place_adm1 END,"
        " place_lat=CASE WHEN place_name IS NULL"
        "  THEN excluded.place_lat ELSE place_lat END,"
        " place_lon=CASE WHEN place_name IS NULL"
        "  THEN excluded.place_lon ELSE place_lon END,"
        " place_name=COALESCE(place_name, excluded.place_name) RETURNING id",
    [Q_INS_MENTION] =
        "INSERT INTO mentions(event, article, sentence, start, end,"
        " source_start, source_end, target_start, target_end, verb_start,"
        " verb_end, role, modality, negated, reported_by, date_precision,"
        " dated, confidence, source_text, target_text, verb_text,"
        " sentence_text) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,"
        "?13,?14,?15,?16,?17,NULL,?18,?19,?20,?21)",
    /* Place columns (?22-?27): the place of the count's sentence, bound
     * by bind_place in insert_counts. */
    [Q_INS_COUNT] =
        "INSERT INTO counts(article, sentence, start, end, number_start,"
        " number_end, type, number, high, precision, object, object_code,"
        " actor_code, cumulative, since_year, singular, date, date_end,"
        " date_precision, number_text, text, place_name, place_geonames_id,"
        " place_country, place_adm1, place_lat, place_lon) VALUES(?1,?2,?3,"
        "?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?20,?21,"
        "?22,?23,?24,?25,?26,?27)",
    [Q_INS_QUOTE] =
        "INSERT INTO quotes(article, sentence, start, end, text, speaker,"
        " speaker_start, speaker_end, speaker_name, speaker_code, cue,"
        " direct, partial) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,"
        "?13)",
    [Q_AGG_EVENT] =
        "UPDATE events SET (num_mentions, num_articles, num_sources,"
        " first_seen, last_seen) = (SELECT count(*), count(DISTINCT"
        " m.article), count(DISTINCT a.source_key), min(a.date), max(a.date)"
        " FROM mentions m JOIN articles a ON a.id=m.article"
        " WHERE m.event=?1) WHERE id=?1",
    [Q_DEL_EVENT] = "DELETE FROM events WHERE id=?1 AND num_mentions=0",
};

tc_status tc_store_prepare(tc_store *s, tc_error *err)
{
    int i;
    for (i = 0; i < Q_COUNT_; i++)
        if (sqlite3_prepare_v3(s->db, sql[i], -1, SQLITE_PREPARE_PERSISTENT,
                               &s->q[i], NULL) != SQLITE_OK)
            return tc_store_sql_error(s, err, "cannot prepare statements");
    return TC_OK;
}

/* Steps a statement that returns no rows, then resets it. */
static bool run(sqlite3_stmt *st)
{
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    return rc == SQLITE_DONE;
}

static bool touch(tc_store *s, int64_t event)
{
    if (s->ntouched == s->captouched) {
        size_t cap = s->captouched ? s->captouched * 2 : 256;
        int64_t *p = realloc(s->touched, cap * sizeof *p);
        if (!p)
            return false;
        s->touched = p;
        s->captouched = cap;
    }
    s->touched[s->ntouched++] = event;
    return true;
}

void tc_store_hash(const tc_doc *doc, char out[17])
{
    tc_article_info a;
    uint64_t h = 1469598103934665603ull; /* FNV-1a, 64 bits */
    const char *parts[3];
    size_t lens[3], i, k;
    tc_doc_info(doc, &a);
    parts[0] = a.date;
    parts[1] = a.title;
    parts[2] = a.text;
    lens[0] = strlen(a.date);
    lens[1] = strlen(a.title);
    lens[2] = a.text_len;
    for (k = 0; k < 3; k++) {
        for (i = 0; i < lens[k]; i++) {
            h ^= (unsigned char)parts[k][i];
            h *= 1099511628211ull;
        }
        h ^= 0xff; /* separator: ("ab","c") differs from ("a","bc") */
        h *= 1099511628211ull;
    }
    snprintf(out, 17, "%016llx", (unsigned long long)h);
}

/* The host of a URL ("https://www.x.org/a" -> "x.org"), into `out`. */
static void url_domain(const char *url, char *out, size_t cap)
{
    const char *p = strstr(url, "://"), *end;
    size_t n;
    out[0] = '\0';
    if (!p)
        return;
    p += 3;
    if (strncmp(p, "www.", 4) == 0)
        p += 4;
    end = p + strcspn(p, "/:?#");
    n = (size_t)(end - p);
    if (n >= cap)
        n = cap - 1;
    memcpy(out, p, n);
    out[n] = '\0';
}

/* Deletes the rows of article `id`, remembering the events it mentioned. */
static bool delete_article(tc_store *s, int64_t id)
{
    sqlite3_stmt *st = s->q[Q_OLD_EVENTS];
    int rc, q;
    sqlite3_bind_int64(st, 1, id);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        if (!touch(s, sqlite3_column_int64(st, 0)))
            break;
    sqlite3_reset(st);
    if (rc != SQLITE_DONE)
        return false;
    for (q = Q_DEL_MENTIONS; q <= Q_DEL_ARTICLE; q++) {
        sqlite3_bind_int64(s->q[q], 1, id);
        if (!run(s->q[q]))
            return false;
    }
    return true;
}

static bool insert_article(tc_store *s, const tc_doc *doc, const char *hash,
                           int64_t *id)
{
    sqlite3_stmt *st = s->q[Q_INS_ARTICLE];
    tc_article_info a;
    char domain[256], key[1100], now[32];
    time_t t = time(NULL);
    struct tm tm;
    tc_doc_info(doc, &a);
    url_domain(a.url, domain, sizeof domain);
    if (*a.source)
        snprintf(key, sizeof key, "%s", a.source);
    else if (*domain)
        snprintf(key, sizeof key, "%s", domain);
    else /* unknown source: each article is a source of its own */
        snprintf(key, sizeof key, "article:%.1000s", a.id);
    gmtime_r(&t, &tm);
    strftime(now, sizeof now, "%Y-%m-%dT%H:%M:%SZ", &tm);
    tc_bind_str(st, 1, a.id, false);
    tc_bind_str(st, 2, a.url, false);
    tc_bind_str(st, 3, a.source, false);
    tc_bind_str(st, 4, domain, false);
    sqlite3_bind_text(st, 5, key, -1, SQLITE_TRANSIENT);
    tc_bind_str(st, 6, a.date, true);
    tc_bind_str(st, 7, a.title, false);
    tc_bind_str(st, 8, a.language, false);
    tc_bind_str(st, 9, hash, false);
    sqlite3_bind_int64(st, 10, (sqlite3_int64)a.text_len);
    sqlite3_bind_int64(st, 11, (sqlite3_int64)tc_doc_sentence_count(doc));
    sqlite3_bind_text(st, 12, now, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 13, a.text ? a.text : "", (int)a.text_len,
                      SQLITE_STATIC);
    if (!run(st))
        return false;
    *id = sqlite3_last_insert_rowid(s->db);
    return true;
}

static bool insert_actors(tc_store *s, const tc_doc *doc, int64_t article)
{
    sqlite3_stmt *st = s->q[Q_INS_ACTOR];
    tc_article_info a;
    size_t i, n = tc_doc_actor_count(doc);
    tc_doc_info(doc, &a);
    for (i = 0; i < n; i++) {
        tc_actor m;
        tc_doc_actor(doc, i, &m);
        sqlite3_bind_int64(st, 1, article);
        sqlite3_bind_int64(st, 2, (sqlite3_int64)m.sentence);
        sqlite3_bind_int64(st, 3, (sqlite3_int64)m.start);
        sqlite3_bind_int64(st, 4, (sqlite3_int64)m.end);
        sqlite3_bind_text(st, 5, a.text + m.start, (int)(m.end - m.start),
                          SQLITE_STATIC);
        tc_bind_str(st, 6, m.code, false);
        tc_bind_str(st, 7, m.country, false);
        tc_bind_str(st, 8, m.agent, false);
        tc_bind_str(st, 9, m.name, false);
        tc_bind_str(st, 10, m.type, false);
        tc_bind_str(st, 11, m.affiliation, false);
        tc_bind_str(st, 12, tc_match_kind_name(m.match), false);
        if (!run(st))
            return false;
    }
    return true;
}

/* The actor mention inside [start, end) with `code`, else the first one
 * inside it; NULL when none (the event's side has no mention). */
static bool side_actor(const tc_doc *doc, size_t start, size_t end,
                       const char *code, tc_actor *out)
{
    size_t i, n = tc_doc_actor_count(doc);
    bool found = false;
    if (start == end)
        return false;
    for (i = 0; i < n; i++) {
        tc_actor m;
        tc_doc_actor(doc, i, &m);
        if (m.start < start || m.end > end)
            continue;
        if (strcmp(m.code, code) == 0) {
            *out = m;
            return true;
        }
        if (!found)
            *out = m;
        found = true;
    }
    return found;
}

static const char *modality_class(const char *modality)
{
    if (strcmp(modality, "future") == 0 ||
        strcmp(modality, "hypothetical") == 0)
        return modality;
    return "asserted"; /* asserted, past (a caption), reported */
}

static void bind_side(sqlite3_stmt *st, int i, const tc_doc *doc,
                      size_t start, size_t end, const char *code)
{
    tc_actor m;
    if (side_actor(doc, start, end, code, &m)) {
        tc_bind_str(st, i, m.name, false);
        tc_bind_str(st, i + 1, m.country, false);
        tc_bind_str(st, i + 2, m.agent, false);
    } else {
        tc_bind_str(st, i, "", false);
        tc_bind_str(st, i + 1, "", false);
        tc_bind_str(st, i + 2, "", false);
    }
}

/* The place columns (name, geonames id, country, adm1, lat, lon) from
 * `first` on: the place of sentence `sentence` (1-based), or NULLs.
 * Returns the place's country when the sentence itself names the place,
 * else "". */
static const char *bind_place(sqlite3_stmt *st, int first, const tc_doc *doc,
                              size_t sentence)
{
    tc_place p;
    int k;
    if (sentence == 0 || tc_doc_sentence_place(doc, sentence - 1, &p) != TC_OK) {
        for (k = first; k < first + 6; k++)
            sqlite3_bind_null(st, k);
        return "";
    }
    tc_bind_str(st, first, p.name, true);
    if (p.geonames_id)
        sqlite3_bind_int64(st, first + 1, (sqlite3_int64)p.geonames_id);
    else
        sqlite3_bind_null(st, first + 1);
    tc_bind_str(st, first + 2, p.country, true);
    tc_bind_str(st, first + 3, p.adm1, true);
    if (p.has_coords) {
        sqlite3_bind_double(st, first + 4, p.lat);
        sqlite3_bind_double(st, first + 5, p.lon);
    } else {
        sqlite3_bind_null(st, first + 4);
        sqlite3_bind_null(st, first + 5);
    }
    return p.sentence == sentence ? p.country : "";
}

/* Upserts the event row of `e`; its id in *id. */
static bool upsert_event(tc_store *s, const tc_doc *doc, const tc_event *e,
                         int64_t *id)
{
    sqlite3_stmt *st = s->q[Q_UPS_EVENT];
    char base[4];
    int rc;
    snprintf(base, sizeof base, "%s", e->code);
    tc_bind_str(st, 1, e->date, false);
    tc_bind_str(st, 2, e->source, false);
    tc_bind_str(st, 3, e->target, false);
    tc_bind_str(st, 4, e->code, false);
    sqlite3_bind_int(st, 5, e->negated);
    tc_bind_str(st, 6, modality_class(e->modality), false);
    /* place_key (?7): the place's country, bound with the place below */
    tc_bind_str(st, 8, e->root, false);
    sqlite3_bind_text(st, 9, base, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 10, e->quad);
    /* One decimal, as the code table has it (not its float's digits). */
    sqlite3_bind_double(st, 11, round(e->goldstein * 10) / 10);
    tc_bind_str(st, 12, e->plover, false);
    tc_bind_str(st, 13, e->plover_mode, false);
    bind_side(st, 14, doc, e->source_start, e->source_end, e->source);
    bind_side(st, 17, doc, e->target_start, e->target_end, e->target);
    bind_place(st, 20, doc, e->sentence);
    tc_bind_str(st, 7, "", false); /* place_key: see Q_UPS_EVENT */
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        *id = sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    return rc == SQLITE_ROW;
}

static void bind_span(sqlite3_stmt *st, int i, const char *text, size_t start,
                      size_t end)
{
    sqlite3_bind_text(st, i, text + start, (int)(end - start), SQLITE_STATIC);
}

static bool insert_mention(tc_store *s, const tc_doc *doc, const tc_event *e,
                           int64_t event, int64_t article)
{
    sqlite3_stmt *st = s->q[Q_INS_MENTION];
    tc_article_info a;
    tc_sentence sent;
    tc_doc_info(doc, &a);
    if (tc_doc_sentence(doc, e->sentence - 1, &sent) != TC_OK)
        sent.start = sent.end = 0;
    sqlite3_bind_int64(st, 1, event);
    sqlite3_bind_int64(st, 2, article);
    sqlite3_bind_int64(st, 3, (sqlite3_int64)e->sentence);
    sqlite3_bind_int64(st, 4, (sqlite3_int64)e->start);
    sqlite3_bind_int64(st, 5, (sqlite3_int64)e->end);
    tc_bind_off(st, 6, e->source_start, e->source_end);
    tc_bind_off(st, 8, e->target_start, e->target_end);
    tc_bind_off(st, 10, e->verb_start, e->verb_end);
    tc_bind_str(st, 12, e->role, false);
    tc_bind_str(st, 13, e->modality, false);
    sqlite3_bind_int(st, 14, e->negated);
    tc_bind_str(st, 15, e->reported_by, false);
    tc_bind_str(st, 16, e->date_precision, false);
    sqlite3_bind_int(st, 17, e->dated);
    bind_span(st, 18, a.text, e->source_start, e->source_end);
    bind_span(st, 19, a.text, e->target_start, e->target_end);
    bind_span(st, 20, a.text, e->verb_start, e->verb_end);
    bind_span(st, 21, a.text, sent.start, sent.end);
    return run(st);
}

static bool insert_events(tc_store *s, const tc_doc *doc, int64_t article)
{
    size_t i, n = tc_doc_event_count(doc);
    for (i = 0; i < n; i++) {
        tc_event e;
        int64_t id;
        tc_doc_event(doc, i, &e);
        if (!upsert_event(s, doc, &e, &id) ||
            !insert_mention(s, doc, &e, id, article) || !touch(s, id))
            return false;
    }
    return true;
}

static bool insert_counts(tc_store *s, const tc_doc *doc, int64_t article)
{
    sqlite3_stmt *st = s->q[Q_INS_COUNT];
    tc_article_info a;
    size_t i, n = tc_doc_count_count(doc);
    tc_doc_info(doc, &a);
    for (i = 0; i < n; i++) {
        tc_count c;
        tc_doc_count(doc, i, &c);
        sqlite3_bind_int64(st, 1, article);
        sqlite3_bind_int64(st, 2, (sqlite3_int64)c.sentence);
        sqlite3_bind_int64(st, 3, (sqlite3_int64)c.start);
        sqlite3_bind_int64(st, 4, (sqlite3_int64)c.end);
        sqlite3_bind_int64(st, 5, (sqlite3_int64)c.number_start);
        sqlite3_bind_int64(st, 6, (sqlite3_int64)c.number_end);
        tc_bind_str(st, 7, c.type, false);
        sqlite3_bind_double(st, 8, c.number);
        sqlite3_bind_double(st, 9, c.high);
        tc_bind_str(st, 10, c.precision, false);
        tc_bind_str(st, 11, c.object, false);
        tc_bind_str(st, 12, c.object_code, false);
        tc_bind_str(st, 13, c.actor_code, false);
        sqlite3_bind_int(st, 14, c.cumulative);
        if (c.since_year)
            sqlite3_bind_int(st, 15, c.since_year);
        else
            sqlite3_bind_null(st, 15);
        sqlite3_bind_int(st, 16, c.singular);
        tc_bind_str(st, 17, c.date, true);
        tc_bind_str(st, 18, c.date_end, true);
        tc_bind_str(st, 19, c.date_precision, false);
        bind_span(st, 20, a.text, c.number_start, c.number_end);
        bind_span(st, 21, a.text, c.start, c.end);
        bind_place(st, 22, doc, c.sentence);
        if (!run(st))
            return false;
    }
    return true;
}

/* The text of a quote: its parts joined by a space (as in the JSONL). */
static char *quote_text(const char *text, const tc_quote *q)
{
    size_t i, n = 0;
    char *out, *p;
    for (i = 0; i < q->part_count; i++)
        n += q->part_end[i] - q->part_start[i] + 1;
    out = malloc(n + 1);
    if (!out)
        return NULL;
    p = out;
    for (i = 0; i < q->part_count; i++) {
        size_t len = q->part_end[i] - q->part_start[i];
        if (i)
            *p++ = ' ';
        memcpy(p, text + q->part_start[i], len);
        p += len;
    }
    *p = '\0';
    return out;
}

static bool insert_quotes(tc_store *s, const tc_doc *doc, int64_t article)
{
    sqlite3_stmt *st = s->q[Q_INS_QUOTE];
    tc_article_info a;
    size_t i, n = tc_doc_quote_count(doc);
    tc_doc_info(doc, &a);
    for (i = 0; i < n; i++) {
        tc_quote q;
        char *qt;
        bool ok;
        tc_doc_quote(doc, i, &q);
        qt = q.part_count ? quote_text(a.text, &q) : NULL;
        if (q.part_count && !qt)
            return false;
        sqlite3_bind_int64(st, 1, article);
        sqlite3_bind_int64(st, 2, (sqlite3_int64)q.sentence);
        sqlite3_bind_int64(st, 3, (sqlite3_int64)q.start);
        sqlite3_bind_int64(st, 4, (sqlite3_int64)q.end);
        if (qt)
            sqlite3_bind_text(st, 5, qt, -1, SQLITE_STATIC);
        else
            bind_span(st, 5, a.text, q.start, q.end);
        bind_span(st, 6, a.text, q.speaker_start, q.speaker_end);
        tc_bind_off(st, 7, q.speaker_start, q.speaker_end);
        tc_bind_str(st, 9, q.speaker_name, false);
        tc_bind_str(st, 10, q.speaker_code, false);
        bind_span(st, 11, a.text, q.cue_start, q.cue_end);
        sqlite3_bind_int(st, 12, q.direct);
        sqlite3_bind_int(st, 13, q.partial);
        ok = run(st);
        free(qt);
        if (!ok)
            return false;
    }
    return true;
}

/* Looks the article up: *old is its row id (0 if new); true when the
 * stored hash equals `hash`. */
static bool same_article(tc_store *s, const char *id, const char *hash,
                         int64_t *old, bool *ok)
{
    sqlite3_stmt *st = s->q[Q_SEL_ARTICLE];
    bool same = false;
    int rc;
    *old = 0;
    tc_bind_str(st, 1, id, false);
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        *old = sqlite3_column_int64(st, 0);
        const char *h = (const char *)sqlite3_column_text(st, 1);
        same = h && strcmp(h, hash) == 0;
    }
    *ok = rc == SQLITE_ROW || rc == SQLITE_DONE;
    sqlite3_reset(st);
    return same;
}

tc_status tc_store_put(tc_store *s, const tc_doc *doc, tc_put *result,
                       tc_error *err)
{
    tc_article_info a;
    char hash[17];
    int64_t old, id;
    size_t mark;
    bool ok;
    tc_put in_pg = TC_PUT_ADDED;
    tc_doc_info(doc, &a);
    tc_store_hash(doc, hash);
    if (s->pg) { /* PostgreSQL: look it up there, stage it here */
        if (tc_pg_lookup(s, a.id, hash, &in_pg, err) != TC_OK)
            return err ? err->code : TC_ERR_IO;
        if (in_pg == TC_PUT_UNCHANGED) {
            *result = TC_PUT_UNCHANGED;
            return TC_OK;
        }
    }
    if (!s->in_batch) {
        if (sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) !=
            SQLITE_OK)
            return tc_store_sql_error(s, err, "cannot start a transaction");
        s->in_batch = true;
    }
    if (same_article(s, a.id, hash, &old, &ok)) {
        *result = TC_PUT_UNCHANGED;
        return TC_OK;
    }
    *result = old ? TC_PUT_REPLACED : in_pg;
    /* A savepoint per article: a failed one leaves the batch as it was. */
    mark = s->ntouched;
    if (!ok || sqlite3_exec(s->db, "SAVEPOINT article", NULL, NULL, NULL) !=
                   SQLITE_OK)
        return tc_store_sql_error(s, err, "cannot store the article");
    if ((old && !delete_article(s, old)) ||
        !insert_article(s, doc, hash, &id) || !insert_actors(s, doc, id) ||
        !insert_events(s, doc, id) || !insert_counts(s, doc, id) ||
        !insert_quotes(s, doc, id)) {
        tc_store_sql_error(s, err, "cannot store the article");
        sqlite3_exec(s->db, "ROLLBACK TO article; RELEASE article", NULL,
                     NULL, NULL);
        s->ntouched = mark;
        return err ? err->code : TC_ERR_IO;
    }
    if (sqlite3_exec(s->db, "RELEASE article", NULL, NULL, NULL) != SQLITE_OK)
        return tc_store_sql_error(s, err, "cannot store the article");
    if (++s->pending >= s->batch)
        return tc_store_commit(s, err);
    return TC_OK;
}

static int cmp_id(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

/* Brings the totals of the touched events up to date. */
static bool update_totals(tc_store *s)
{
    size_t i;
    if (s->ntouched == 0)
        return true;
    qsort(s->touched, s->ntouched, sizeof *s->touched, cmp_id);
    for (i = 0; i < s->ntouched; i++) {
        if (i && s->touched[i] == s->touched[i - 1])
            continue;
        sqlite3_bind_int64(s->q[Q_AGG_EVENT], 1, s->touched[i]);
        sqlite3_bind_int64(s->q[Q_DEL_EVENT], 1, s->touched[i]);
        if (!run(s->q[Q_AGG_EVENT]) || !run(s->q[Q_DEL_EVENT]))
            return false;
    }
    s->ntouched = 0;
    return true;
}

tc_status tc_store_commit(tc_store *s, tc_error *err)
{
    if (!s->in_batch)
        return TC_OK;
    if (s->pg)
        return tc_pg_commit(s, err);
    if (!update_totals(s) ||
        sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
        tc_store_sql_error(s, err, "cannot commit");
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
        s->in_batch = false;
        s->ntouched = 0;
        return err ? err->code : TC_ERR_IO;
    }
    s->in_batch = false;
    s->pending = 0;
    return TC_OK;
}

void tc_store_close(tc_store *s)
{
    int i;
    if (!s)
        return;
    if (s->in_batch)
        tc_store_commit(s, NULL);
    for (i = 0; i < Q_COUNT_; i++)
        sqlite3_finalize(s->q[i]);
    sqlite3_close(s->db);
    tc_pg_close(s->pg);
    free(s->touched);
    free(s);
}
