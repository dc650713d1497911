/*
 * meta.c - what a page says about its article: title, publication date,
 * author, site name, canonical URL and language.
 *
 * The walk (extract.c) shows every element here.  Each kind of evidence has
 * a rank, and a date from a better source replaces one from a worse:
 * JSON-LD datePublished, article:published_time (and itemprop
 * datePublished), <meta name="date"> and its cousins, <time datetime>, a
 * date in the canonical URL (/2021/06/16/), a dateline near the top of the
 * article.  The title is og:title, else the first <h1> when the <title>
 * contains it, else the <title> without its site suffix ("Story | Site").
 * Every value is capped and copied into the page's arena.
 */
#include "meta.h"

#include "ingest/ingest.h"

#include <string.h>
#include <strings.h>

#define META_MAX 1024u     /* bytes kept of one value */
#define JSONLD_MAX 262144u /* bytes of a JSON-LD script searched */

void tc_html_meta_init(tc_html_meta *m, tc_arena *arena)
{
    memset(m, 0, sizeof *m);
    m->arena = arena;
    m->date_rank = DATE_NONE;
}

const char *tc_html_attr(const xmlNode *node, const char *name)
{
    const xmlAttr *a;
    for (a = node->properties; a; a = a->next) {
        if (!a->name || strcasecmp((const char *)a->name, name) != 0)
            continue;
        if (a->children && a->children->content)
            return (const char *)a->children->content;
        return "";
    }
    return NULL;
}

/* A copy of s with white space collapsed and trimmed, capped. */
static const char *keep(tc_html_meta *m, const char *s, bool *ok)
{
    size_t n = strlen(s), i, o = 0;
    char *p;
    bool space = false;
    if (n > META_MAX)
        n = META_MAX;
    p = tc_arena_alloc(m->arena, n + 1);
    if (!p) {
        *ok = false;
        return NULL;
    }
    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
            space = o > 0;
            continue;
        }
        if (space)
            p[o++] = ' ';
        space = false;
        p[o++] = (char)c;
    }
    o = tc_utf8_valid_prefix(p, o); /* a value cut inside a character */
    p[o] = '\0';
    return o ? p : NULL;
}

static void set_once(tc_html_meta *m, const char **slot, const char *v,
                     bool *ok)
{
    if (!*slot && v && *v)
        *slot = keep(m, v, ok);
}

static void offer_date(tc_html_meta *m, const char *s, size_t n, int rank)
{
    char buf[11];
    if (rank >= m->date_rank || n == 0 || n > 64)
        return;
    if (tc_date_parse(s, n, buf) == TC_OK) {
        memcpy(m->date, buf, sizeof buf);
        m->date_rank = rank;
    }
}

/* The text of an element: its text children and those of its children
 * (enough for <title> and <h1>), capped. */
static void gather(const xmlNode *c, char *buf, size_t *n)
{
    for (; c && *n < META_MAX; c = c->next) {
        const xmlNode *t = c->type == XML_TEXT_NODE ? c : c->children;
        for (; t && *n < META_MAX; t = t->next) {
            size_t k;
            if (t->type != XML_TEXT_NODE || !t->content)
                continue;
            k = TC_MIN(strlen((const char *)t->content), META_MAX - *n);
            memcpy(buf + *n, t->content, k);
            *n += k;
            if (t == c)
                break;
        }
    }
}

static const char *text_of(tc_html_meta *m, const xmlNode *node, bool *ok)
{
    char buf[META_MAX + 1];
    size_t n = 0;
    gather(node->children, buf, &n);
    buf[n] = '\0';
    return n ? keep(m, buf, ok) : NULL;
}

/* "datePublished": "2021-06-16T..." and "author": {..."name": "..."} in a
 * JSON-LD script, found by scanning (a page's JSON-LD is often not valid
 * JSON, and we need two strings of it). */
static const char *json_string_after(const char *s, const char *end,
                                     const char *key, size_t *len)
{
    const char *p = s;
    size_t k = strlen(key);
    while (p && p < end) {
        const char *q;
        p = memchr(p, '"', (size_t)(end - p));
        if (!p || (size_t)(end - p) < k + 2)
            return NULL;
        p++;
        if (memcmp(p, key, k) != 0 || p[k] != '"')
            continue;
        q = p + k + 1;
        while (q < end && (*q == ' ' || *q == '\n' || *q == '\t' || *q == ':' ||
                           *q == '\r'))
            q++;
        if (q < end && *q == '"') {
            const char *e = memchr(q + 1, '"', (size_t)(end - q - 1));
            if (!e)
                return NULL;
            *len = (size_t)(e - q - 1);
            return q + 1;
        }
        if (q < end && (*q == '{' || *q == '[')) {
            /* "author": {"@type": "Person", "name": "..."} */
            const char *win = q + 400 < end ? q + 400 : end;
            return json_string_after(q, win, "name", len);
        }
    }
    return NULL;
}

static void jsonld(tc_html_meta *m, const xmlNode *node, bool *ok)
{
    const xmlNode *c = node->children;
    const char *s, *end, *v;
    size_t n, len;
    char buf[META_MAX + 1];
    if (!c || !c->content)
        return;
    s = (const char *)c->content;
    n = strlen(s);
    end = s + TC_MIN(n, JSONLD_MAX);
    v = json_string_after(s, end, "datePublished", &len);
    if (v)
        offer_date(m, v, len, DATE_JSONLD);
    if (!m->author) {
        v = json_string_after(s, end, "author", &len);
        if (v && len > 0 && len < META_MAX && !memchr(v, '\\', len)) {
            memcpy(buf, v, len);
            buf[len] = '\0';
            if (!strstr(buf, "://"))
                m->author = keep(m, buf, ok);
        }
    }
}

static bool name_is(const char *v, const char *const *names, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++)
        if (strcasecmp(v, names[i]) == 0)
            return true;
    return false;
}

static void meta_tag(tc_html_meta *m, const xmlNode *node, bool *ok)
{
    static const char *const pub[] = {
        "article:published_time", "og:published_time", "datepublished",
        "og:article:published_time", "published_time", "article.published"};
    static const char *const dates[] = {
        "date", "pubdate", "publishdate", "publish-date", "publish_date",
        "dc.date", "dc.date.issued", "dcterms.date", "dcterms.created",
        "sailthru.date", "parsely-pub-date", "date.published",
        "dc.date.created", "originalpublicationdate", "article_date_original",
        "cxenseparse:recs:publishtime", "citation_publication_date",
        "last-modified"};
    const char *key = tc_html_attr(node, "property");
    const char *content = tc_html_attr(node, "content");
    if (!key)
        key = tc_html_attr(node, "name");
    if (!key)
        key = tc_html_attr(node, "itemprop");
    if (!key) {
        key = tc_html_attr(node, "http-equiv");
        if (key && content && strcasecmp(key, "content-language") == 0)
            set_once(m, &m->lang, content, ok);
        return;
    }
    if (!content)
        return;
    if (strcasecmp(key, "og:title") == 0 || strcasecmp(key, "twitter:title") == 0)
        set_once(m, &m->og_title, content, ok);
    else if (strcasecmp(key, "og:site_name") == 0)
        set_once(m, &m->site, content, ok);
    else if (strcasecmp(key, "og:url") == 0)
        set_once(m, &m->og_url, content, ok);
    else if (strcasecmp(key, "author") == 0 ||
             (strcasecmp(key, "article:author") == 0 && !strstr(content, "://")))
        set_once(m, &m->author, content, ok);
    else if (name_is(key, pub, sizeof pub / sizeof *pub))
        offer_date(m, content, strlen(content), DATE_META_PUB);
    else if (name_is(key, dates, sizeof dates / sizeof *dates))
        offer_date(m, content, strlen(content), DATE_META_NAME);
}

bool tc_html_meta_element(tc_html_meta *m, const xmlNode *node)
{
    const char *name = (const char *)node->name, *v;
    bool ok = true;
    switch (name[0]) {
    case 'h':
        if (strcmp(name, "html") == 0) {
            v = tc_html_attr(node, "lang");
            set_once(m, &m->lang, v ? v : tc_html_attr(node, "xml:lang"), &ok);
        } else if (strcmp(name, "h1") == 0 && !m->h1) {
            m->h1 = text_of(m, node, &ok);
        }
        break;
    case 'm':
        if (strcmp(name, "meta") == 0)
            meta_tag(m, node, &ok);
        break;
    case 'l':
        if (strcmp(name, "link") == 0) {
            v = tc_html_attr(node, "rel");
            if (v && strcasecmp(v, "canonical") == 0)
                set_once(m, &m->canonical, tc_html_attr(node, "href"), &ok);
        }
        break;
    case 't':
        if (strcmp(name, "title") == 0 && !m->title_tag)
            m->title_tag = text_of(m, node, &ok);
        else if (strcmp(name, "time") == 0) {
            v = tc_html_attr(node, "datetime");
            if (v) {
                const char *ip = tc_html_attr(node, "itemprop");
                bool pub = tc_html_attr(node, "pubdate") ||
                           (ip && strcasecmp(ip, "datePublished") == 0);
                offer_date(m, v, strlen(v), pub ? DATE_META_PUB : DATE_TIME);
            }
        }
        break;
    case 's':
        if (strcmp(name, "script") == 0) {
            v = tc_html_attr(node, "type");
            if (v && strcasecmp(v, "application/ld+json") == 0)
                jsonld(m, node, &ok);
        }
        break;
    default:
        break;
    }
    if (name[0] != 'm' && name[0] != 't') {
        /* itemprop="datePublished" on any element */
        v = tc_html_attr(node, "itemprop");
        if (v && strcasecmp(v, "datePublished") == 0) {
            const char *c = tc_html_attr(node, "content");
            if (!c)
                c = tc_html_attr(node, "datetime");
            if (c)
                offer_date(m, c, strlen(c), DATE_META_PUB);
        }
    }
    return ok;
}

/* ---- Dates in text and URLs --------------------------------------------- */

static bool digits_at(const char *s, size_t n, size_t i, size_t k)
{
    return i + k <= n && tc_digits(s + i, k);
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* YYYY/MM/DD, YYYY-MM-DD or YYYY_MM_DD in a URL, delimited by non-digits. */
static bool url_date(const char *s, char out[11])
{
    size_t n = strlen(s), i;
    for (i = 0; i + 10 <= n; i++) {
        char sep = s[i + 4];
        char buf[11];
        if ((i > 0 && is_digit(s[i - 1])) || !digits_at(s, n, i, 4) ||
            (sep != '/' && sep != '-' && sep != '_') || s[i + 7] != sep ||
            !digits_at(s, n, i + 5, 2) || !digits_at(s, n, i + 8, 2) ||
            (i + 10 < n && is_digit(s[i + 10])))
            continue;
        snprintf(buf, sizeof buf, "%.4s-%.2s-%.2s", s + i, s + i + 5, s + i + 8);
        if (tc_date_parse(buf, 10, out) == TC_OK)
            return true;
    }
    return false;
}

/* DD.MM.YYYY (German and others) at s[i..]. */
static bool dotted_date(const char *s, size_t n, size_t i, char out[11])
{
    size_t d = 1 + (i + 1 < n && is_digit(s[i + 1]));
    size_t j = i + d;
    size_t mo;
    char buf[11];
    if (j >= n || s[j] != '.')
        return false;
    mo = 1 + (j + 2 < n && is_digit(s[j + 2]));
    if (!digits_at(s, n, j + 1, mo) || j + 1 + mo >= n || s[j + 1 + mo] != '.')
        return false;
    j += 1 + mo + 1;
    if (j < n && s[j] == ' ')
        j++;
    if (!digits_at(s, n, j, 4) || (j + 4 < n && is_digit(s[j + 4])))
        return false;
    snprintf(buf, sizeof buf, "%.4s-%02d-%02d", s + j,
             tc_number(s + i + d + 1, mo), tc_number(s + i, d));
    return tc_date_parse(buf, 10, out) == TC_OK;
}

/* Month names of the languages tc_date_parse does not read (it reads
 * English), lower case, with the month number. */
static const struct {
    const char *name;
    int month;
} months[] = {
    {"januar", 1}, {"jänner", 1}, {"janvier", 1}, {"enero", 1},
    {"gennaio", 1}, {"januari", 1}, {"februar", 2}, {"février", 2},
    {"febrero", 2}, {"febbraio", 2}, {"februari", 2}, {"märz", 3},
    {"mars", 3}, {"marzo", 3}, {"maart", 3}, {"avril", 4}, {"abril", 4},
    {"aprile", 4}, {"mai", 5}, {"mayo", 5}, {"maggio", 5}, {"mei", 5},
    {"juni", 6}, {"juin", 6}, {"junio", 6}, {"giugno", 6}, {"juli", 7},
    {"juillet", 7}, {"julio", 7}, {"luglio", 7}, {"august", 8}, {"août", 8},
    {"agosto", 8}, {"augustus", 8}, {"september", 9}, {"septembre", 9},
    {"septiembre", 9}, {"settembre", 9}, {"oktober", 10}, {"octobre", 10},
    {"octubre", 10}, {"ottobre", 10}, {"november", 11}, {"novembre", 11},
    {"noviembre", 11}, {"dezember", 12}, {"décembre", 12}, {"diciembre", 12},
    {"dicembre", 12}, {"december", 12}};

/* "3. März 2021", "16 juin 2021", "5 de mayo de 2021" at s[i..]. */
static bool named_date(const char *s, size_t n, size_t i, char out[11])
{
    size_t d = 1 + (i + 1 < n && is_digit(s[i + 1])), j = i + d, k;
    char buf[11];
    if (j < n && s[j] == '.')
        j++;
    while (j < n && s[j] == ' ')
        j++;
    if (j + 3 < n && strncmp(s + j, "de ", 3) == 0)
        j += 3;
    for (k = 0; k < sizeof months / sizeof *months; k++) {
        size_t len = strlen(months[k].name), y;
        if (j + len > n || strncasecmp(s + j, months[k].name, len) != 0)
            continue;
        y = j + len;
        if (y < n && s[y] == '.')
            y++;
        while (y < n && s[y] == ' ')
            y++;
        if (y + 3 < n && strncmp(s + y, "de ", 3) == 0)
            y += 3;
        if (!digits_at(s, n, y, 4) || (y + 4 < n && is_digit(s[y + 4])))
            return false;
        snprintf(buf, sizeof buf, "%.4s-%02d-%02d", s + y, months[k].month,
                 tc_number(s + i, d));
        return tc_date_parse(buf, 10, out) == TC_OK;
    }
    return false;
}

void tc_html_meta_text_date(tc_html_meta *m, const char *s, size_t n)
{
    size_t i;
    char out[11];
    if (m->date_rank <= DATE_TEXT)
        return;
    for (i = 0; i < n; i++) {
        size_t a, b;
        if (!is_digit(s[i]) || (i > 0 && is_digit(s[i - 1])))
            continue;
        if (dotted_date(s, n, i, out) || named_date(s, n, i, out)) {
            offer_date(m, out, 10, DATE_TEXT);
            return;
        }
        /* A year: try the written dates that end with it. */
        if (!digits_at(s, n, i, 4) || (i + 4 < n && is_digit(s[i + 4])) ||
            (s[i] != '1' && s[i] != '2'))
            continue;
        for (a = i > 24 ? i - 24 : 0; a + 4 < i; a++) {
            if (a > 0 && s[a - 1] != ' ')
                continue;
            b = i + 4;
            if (tc_date_parse(s + a, b - a, out) == TC_OK) {
                offer_date(m, out, 10, DATE_TEXT);
                return;
            }
        }
        if (digits_at(s, n, i, 4) && i + 10 <= n) {
            offer_date(m, s + i, 10, DATE_TEXT); /* 2021-06-16 */
            if (m->date_rank == DATE_TEXT)
                return;
        }
    }
}

/* ---- The title -------------------------------------------------------- */

/* The <title> without a site name before or after a separator: the
 * longest part. */
static const char *clean_title(tc_html_meta *m, const char *t, bool *ok)
{
    static const char *const seps[] = {" | ", " - ", " \xE2\x80\x93 ",
                                       " \xE2\x80\x94 ", " :: ", " \xC2\xB7 ",
                                       " \xC2\xBB ", " // "};
    const char *best = t, *p = t;
    size_t best_len = 0, k;
    char buf[META_MAX + 1];
    for (;;) {
        const char *next = NULL;
        size_t sep_len = 0;
        for (k = 0; k < sizeof seps / sizeof *seps; k++) {
            const char *q = strstr(p, seps[k]);
            if (q && (!next || q < next)) {
                next = q;
                sep_len = strlen(seps[k]);
            }
        }
        if (!next) {
            if (strlen(p) > best_len) {
                best = p;
                best_len = strlen(p);
            }
            break;
        }
        if ((size_t)(next - p) > best_len) {
            best = p;
            best_len = (size_t)(next - p);
        }
        p = next + sep_len;
    }
    if (best == t && best_len == strlen(t))
        return t;
    memcpy(buf, best, best_len);
    buf[best_len] = '\0';
    return keep(m, buf, ok);
}

bool tc_html_meta_finish(tc_html_meta *m, tc_html_page *page)
{
    bool ok = true;
    const char *title = m->og_title;
    char d[11];
    if (!title && m->h1 && m->title_tag && strstr(m->title_tag, m->h1))
        title = m->h1;
    if (!title && m->title_tag)
        title = clean_title(m, m->title_tag, &ok);
    if (!title)
        title = m->h1;
    page->title = title ? title : "";
    page->url = m->canonical ? m->canonical : m->og_url ? m->og_url : "";
    if (m->date_rank > DATE_URL && page->url[0] && url_date(page->url, d)) {
        memcpy(m->date, d, sizeof d);
        m->date_rank = DATE_URL;
    }
    page->date = m->date_rank < DATE_NONE ? keep(m, m->date, &ok) : "";
    page->author = m->author ? m->author : "";
    page->site = m->site ? m->site : "";
    page->language = m->lang ? m->lang : "";
    if (!page->date)
        page->date = "";
    return ok;
}
