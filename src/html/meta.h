/*
 * meta.h - metadata of a page (private to src/html/): what the walk in
 * extract.c shows meta.c, and what meta.c makes of it.
 */
#ifndef TC_HTML_META_H
#define TC_HTML_META_H

#include "html.h"

#include <libxml/HTMLparser.h>

/* Sources of a publication date, best first. */
enum {
    DATE_JSONLD = 1,  /* JSON-LD datePublished */
    DATE_META_PUB,    /* article:published_time, itemprop datePublished */
    DATE_META_NAME,   /* <meta name="date">, pubdate, DC.date, ... */
    DATE_TIME,        /* <time datetime> */
    DATE_URL,         /* /2021/06/16/ in the canonical URL */
    DATE_TEXT,        /* a dateline near the top of the article */
    DATE_NONE
};

typedef struct tc_html_meta {
    tc_arena *arena;
    const char *og_title, *title_tag, *h1, *site, *canonical, *og_url;
    const char *lang, *author;
    char date[11];
    int date_rank; /* DATE_* of `date` */
} tc_html_meta;

void tc_html_meta_init(tc_html_meta *m, tc_arena *arena);

/* Looks at one element of the page (any element: the cheap test on its
 * name is here).  Returns false when out of memory. */
bool tc_html_meta_element(tc_html_meta *m, const xmlNode *node);

/* Offers a date found in text near the top of the article. */
void tc_html_meta_text_date(tc_html_meta *m, const char *s, size_t n);

/* The page's title, date, author, site, URL and language into `page`. */
bool tc_html_meta_finish(tc_html_meta *m, tc_html_page *page);

/* The value of attribute `name` of `node` (borrowed from the tree), or
 * NULL. */
const char *tc_html_attr(const xmlNode *node, const char *name);

#endif /* TC_HTML_META_H */
