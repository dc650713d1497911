/*
 * article.c - the `article` record of `tacitus clean`: an article as a
 * reader reads it, with its metadata.
 *
 * `text` is the body: the paragraphs whose role is body, lead or subhead,
 * joined by blank lines.  `paragraphs` lists every paragraph of the article
 * in order with its role and its own text; `start`/`end` are byte offsets
 * into `text` for body paragraphs, and for the others (title, caption,
 * pull quote, attribution, boilerplate), which are not in `text`, both are
 * the offset where they stood (an empty range).
 */
#include "../doc.h"

#include <stdio.h>
#include <string.h>

static bool in_body(tc_role role)
{
    return role == TC_ROLE_BODY || role == TC_ROLE_LEAD ||
           role == TC_ROLE_SUBHEAD;
}

static tc_status str_field(tc_sb *sb, const char *name, const char *v)
{
    tc_status st = tc_sb_puts(sb, name);
    return st == TC_OK ? tc_json_string(sb, v, strlen(v)) : st;
}

/* The body text into `body`, the paragraph list into `list`. */
static tc_status paragraphs(const tc_doc *doc, tc_sb *body, tc_sb *list)
{
    const char *text = doc->text.text;
    size_t i, n = tc_doc_paragraph_count(doc);
    tc_status st = tc_sb_putc(list, '[');
    for (i = 0; i < n && st == TC_OK; i++) {
        tc_paragraph p;
        size_t start;
        tc_doc_paragraph(doc, i, &p);
        if (in_body(p.role) && body->n)
            st = tc_sb_puts(body, "\n\n");
        start = body->n;
        if (st == TC_OK && in_body(p.role))
            st = tc_sb_append(body, text + p.start, p.end - p.start);
        if (st == TC_OK)
            st = tc_sb_printf(list, "%s{\"role\":\"%s\",\"start\":%zu,"
                              "\"end\":%zu,\"text\":", i ? "," : "",
                              tc_role_name(p.role), start, body->n);
        if (st == TC_OK)
            st = tc_json_string(list, text + p.start, p.end - p.start);
        if (st == TC_OK)
            st = tc_sb_putc(list, '}');
    }
    return st == TC_OK ? tc_sb_putc(list, ']') : st;
}

tc_status tc_doc_write_article(const tc_doc *doc, FILE *out)
{
    tc_sb sb, body, list;
    tc_status st;
    if (!doc || !out)
        return TC_ERR_USAGE;
    tc_sb_init(&sb, doc->alloc, 0);
    tc_sb_init(&body, doc->alloc, 0);
    tc_sb_init(&list, doc->alloc, 0);
    st = paragraphs(doc, &body, &list);
    if (st == TC_OK)
        st = str_field(&sb, "{\"kind\":\"article\",\"id\":", doc->id);
    if (st == TC_OK)
        st = str_field(&sb, ",\"title\":", doc->title);
    if (st == TC_OK)
        st = str_field(&sb, ",\"date\":", doc->date);
    if (st == TC_OK)
        st = str_field(&sb, ",\"author\":", doc->author ? doc->author : "");
    if (st == TC_OK)
        st = str_field(&sb, ",\"url\":", doc->url);
    if (st == TC_OK)
        st = str_field(&sb, ",\"source\":", doc->source);
    if (st == TC_OK)
        st = str_field(&sb, ",\"language\":", doc->language);
    if (st == TC_OK)
        st = tc_sb_puts(&sb, ",\"text\":");
    if (st == TC_OK)
        st = tc_json_string(&sb, body.p ? body.p : "", body.n);
    if (st == TC_OK)
        st = tc_sb_puts(&sb, ",\"paragraphs\":");
    if (st == TC_OK)
        st = tc_sb_append(&sb, list.p, list.n);
    if (st == TC_OK)
        st = tc_sb_puts(&sb, "}\n");
    if (st == TC_OK && fwrite(sb.p, 1, sb.n, out) != sb.n)
        st = TC_ERR_IO;
    tc_sb_free(&sb);
    tc_sb_free(&body);
    tc_sb_free(&list);
    return st;
}
