/*
 * places.c - JSONL place records, and the place object of event records:
 * {"name","geonames_id","country","adm1","lat","lon","precision"}, with
 * null for an unknown GeoNames id or coordinates.
 */
#include "emit.h"

#include <stdio.h>
#include <string.h>

static tc_status str_field(tc_sb *sb, const char *name, const char *v)
{
    tc_status st = tc_sb_puts(sb, name);
    return st == TC_OK ? tc_json_string(sb, v, strlen(v)) : st;
}

tc_status tc_emit_place_fields(tc_sb *sb, const tc_place *p, bool first)
{
    tc_status st = str_field(sb, first ? "\"name\":" : ",\"name\":", p->name);
    if (st == TC_OK && p->geonames_id)
        st = tc_sb_printf(sb, ",\"geonames_id\":%u", (unsigned)p->geonames_id);
    else if (st == TC_OK)
        st = tc_sb_puts(sb, ",\"geonames_id\":null");
    if (st == TC_OK)
        st = str_field(sb, ",\"country\":", p->country);
    if (st == TC_OK)
        st = str_field(sb, ",\"adm1\":", p->adm1);
    if (st == TC_OK && p->has_coords)
        st = tc_sb_printf(sb, ",\"lat\":%.5f,\"lon\":%.5f", p->lat, p->lon);
    else if (st == TC_OK)
        st = tc_sb_puts(sb, ",\"lat\":null,\"lon\":null");
    if (st == TC_OK)
        st = str_field(sb, ",\"precision\":", p->precision);
    return st;
}

tc_status tc_emit_sentence_place(tc_sb *sb, const tc_doc *doc, size_t i,
                                 const char *field)
{
    tc_place p;
    tc_status st = tc_sb_puts(sb, field);
    if (st != TC_OK)
        return st;
    if (tc_doc_sentence_place(doc, i, &p) != TC_OK)
        return tc_sb_puts(sb, "null");
    st = tc_sb_putc(sb, '{');
    if (st == TC_OK)
        st = tc_emit_place_fields(sb, &p, true);
    return st == TC_OK ? tc_sb_putc(sb, '}') : st;
}

static tc_status place_record(tc_sb *sb, const tc_doc *doc, size_t i)
{
    tc_article_info info;
    tc_place p;
    tc_status st;
    tc_doc_info(doc, &info);
    tc_doc_place(doc, i, &p);
    st = tc_sb_puts(sb, "{\"kind\":\"place\",\"article\":");
    if (st == TC_OK)
        st = tc_json_string(sb, info.id, strlen(info.id));
    if (st == TC_OK)
        st = tc_sb_printf(sb, ",\"sentence\":%zu,\"start\":%zu,\"end\":%zu",
                          p.sentence, p.start, p.end);
    if (st == TC_OK)
        st = tc_sb_puts(sb, ",\"text\":");
    if (st == TC_OK)
        st = tc_json_string(sb, info.text + p.start, p.end - p.start);
    if (st == TC_OK)
        st = tc_emit_place_fields(sb, &p, false);
    if (st == TC_OK)
        st = tc_sb_puts(sb, p.as_actor ? ",\"as_actor\":true" : ",\"as_actor\":false");
    return st == TC_OK ? tc_sb_putc(sb, '}') : st;
}

tc_status tc_doc_write_places(const tc_doc *doc, FILE *out)
{
    tc_sb sb;
    size_t i, n = tc_doc_place_count(doc);
    tc_status st = TC_OK;
    if (!doc || !out)
        return TC_ERR_USAGE;
    tc_sb_init(&sb, doc->alloc, 0);
    for (i = 0; i < n && st == TC_OK; i++) {
        st = place_record(&sb, doc, i);
        if (st == TC_OK)
            st = tc_sb_putc(&sb, '\n');
        if (st == TC_OK && fwrite(sb.p, 1, sb.n, out) != sb.n)
            st = TC_ERR_IO;
        tc_sb_clear(&sb);
    }
    tc_sb_free(&sb);
    return st;
}
