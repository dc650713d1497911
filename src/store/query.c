/*
 * query.c - `tacitus query`: events by date range, actor, country, side,
 * code, root, quad, place and words of their evidence sentences.  The SQL
 * is one fixed statement; every filter is a bound parameter that is NULL
 * when unused ("?N IS NULL OR ..."), and user text given to LIKE has its
 * wildcards escaped, so nothing the user types becomes SQL.
 */
#include "store_int.h"
#include "output.h"

#include <stdlib.h>
#include <string.h>

static const char query_sql[] =
    "SELECT e.id, e.date, e.source, e.target, e.code, e.root, e.quad,"
    " e.goldstein, e.plover, e.negated, e.modality, e.num_mentions,"
    " e.num_sources, e.num_articles, e.first_seen, e.last_seen,"
    " e.source_name, e.target_name, e.place_name,"
    " (SELECT a.doc_id FROM mentions m JOIN articles a ON a.id=m.article"
    "  WHERE m.event=e.id ORDER BY m.id LIMIT 1) AS article,"
    " (SELECT m.sentence_text FROM mentions m WHERE m.event=e.id"
    "  ORDER BY m.id LIMIT 1) AS evidence"
    " FROM events e WHERE"
    " (?1 IS NULL OR e.date >= ?1) AND (?2 IS NULL OR e.date <= ?2)"
    " AND (?3 IS NULL OR e.source LIKE ?3 || '%' ESCAPE '\\'"
    "  OR e.target LIKE ?3 || '%' ESCAPE '\\'"
    "  OR e.source_name LIKE '%' || ?3 || '%' ESCAPE '\\'"
    "  OR e.target_name LIKE '%' || ?3 || '%' ESCAPE '\\')"
    " AND (?4 IS NULL OR e.source_country = ?4 OR e.target_country = ?4)"
    " AND (?5 IS NULL OR e.source LIKE ?5 || '%' ESCAPE '\\')"
    " AND (?6 IS NULL OR e.target LIKE ?6 || '%' ESCAPE '\\')"
    " AND (?7 IS NULL OR e.code LIKE ?7 || '%' ESCAPE '\\')"
    " AND (?8 IS NULL OR e.root = ?8)"
    " AND (?9 IS NULL OR e.quad = ?9)"
    " AND (?10 IS NULL OR e.place_name LIKE '%' || ?10 || '%' ESCAPE '\\'"
    "  OR e.place_country = ?10)"
    " AND (?11 IS NULL OR EXISTS (SELECT 1 FROM mentions m WHERE"
    "  m.event=e.id AND m.sentence_text LIKE '%' || ?11 || '%' ESCAPE '\\'))"
    " ORDER BY e.date, e.id LIMIT ?12 OFFSET ?13";

/* `s` with LIKE's wildcards and the escape character escaped (owned). */
static char *like_escape(const char *s)
{
    char *out = malloc(strlen(s) * 2 + 1), *p = out;
    if (!out)
        return NULL;
    for (; *s; s++) {
        if (*s == '%' || *s == '_' || *s == '\\')
            *p++ = '\\';
        *p++ = *s;
    }
    *p = '\0';
    return out;
}

tc_status tc_store_query(tc_store *s, const tc_store_filter *f,
                         tc_out_format format, FILE *out, tc_error *err)
{
    const char *like[] = {f->actor, f->source, f->target, f->code, f->place,
                          f->text};
    const int like_at[] = {3, 5, 6, 7, 10, 11};
    char *esc[6] = {NULL};
    sqlite3_stmt *st = NULL;
    tc_status status = TC_OK;
    int i, rc;
    if (sqlite3_prepare_v2(s->db, query_sql, -1, &st, NULL) != SQLITE_OK)
        return tc_store_sql_error(s, err, "cannot query");
    tc_bind_str(st, 1, f->from, true);
    tc_bind_str(st, 2, f->to, true);
    for (i = 0; i < 6; i++) {
        if (!like[i] || !*like[i])
            continue;
        esc[i] = like_escape(like[i]);
        if (!esc[i]) {
            status = tc_error_set(err, TC_ERR_NOMEM, s->path, 0, 0,
                                  "out of memory");
            goto out;
        }
        sqlite3_bind_text(st, like_at[i], esc[i], -1, SQLITE_STATIC);
    }
    tc_bind_str(st, 4, f->country, true);
    tc_bind_str(st, 8, f->root, true);
    if (f->quad)
        sqlite3_bind_int(st, 9, f->quad);
    sqlite3_bind_int64(st, 12, f->limit > 0 ? f->limit : -1);
    sqlite3_bind_int64(st, 13, f->offset > 0 ? f->offset : 0);
    rc = tc_out_rows(st, format, out);
    if (rc != SQLITE_DONE)
        status = tc_store_sql_error(s, err, "cannot query");
out:
    sqlite3_finalize(st);
    for (i = 0; i < 6; i++)
        free(esc[i]);
    return status;
}
