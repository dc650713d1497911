/*
 * load.c - an HTML page into a document: the article extracted, its
 * metadata merged with what the caller knows (a JSONL record's fields win
 * over the page's), and the line roles handed to the text stage.
 */
#include "doc.h"
#include "html.h"

#include <string.h>

static const char *pick(const char *given, const char *found)
{
    return given && given[0] ? given : found;
}

static tc_status copy_roles(tc_doc *doc, const tc_html_page *page)
{
    uint8_t *roles;
    if (!page->lines)
        return TC_OK;
    roles = tc_arena_alloc(&doc->arena, page->lines);
    if (!roles)
        return TC_ERR_NOMEM;
    memcpy(roles, page->line_roles, page->lines);
    doc->line_roles = roles;
    doc->line_role_count = page->lines;
    return TC_OK;
}

tc_status tc_html_load(tc_doc *doc, const tc_article_in *meta,
                       const char *html, size_t n, tc_error *err)
{
    const char *id = meta->id ? meta->id : "";
    tc_arena scratch;
    tc_html_page page;
    tc_article_in in;
    char why[128];
    tc_status st;
    tc_arena_init(&scratch, doc->alloc);
    st = tc_html_extract(&scratch, html, n, &page, why);
    if (st != TC_OK) {
        tc_error_set(err, st, id, 0, 0, "HTML: %s; skipped", why);
        goto out;
    }
    if (page.len == 0) {
        st = tc_error_set(err, TC_ERR_INPUT, id, 0, 0,
                          "HTML: no article text and no title; skipped");
        goto out;
    }
    in = *meta;
    in.title = page.title; /* the first line of the text */
    in.date = pick(meta->date, page.date);
    in.url = pick(meta->url, page.url);
    in.source = pick(meta->source, page.site);
    in.language = pick(meta->language, page.language);
    in.author = pick(meta->author, page.author);
    in.text = page.text;
    in.text_len = page.len;
    st = tc_doc_set(doc, &in, err);
    if (st == TC_OK && copy_roles(doc, &page) != TC_OK)
        st = tc_error_set(err, TC_ERR_NOMEM, id, 0, 0, "out of memory");
out:
    tc_arena_free(&scratch);
    return st;
}
