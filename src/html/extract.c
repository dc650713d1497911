/*
 * extract.c - the article of a web page: parse, walk, choose, write.
 *
 * 1. Parse.  The page (as UTF-8, charset.c) goes to libxml2's HTML parser
 *    with recovery on, no network, no errors printed and no HTML_PARSE_HUGE;
 *    a page with more than TC_HTML_MAX_TAGS tags is refused before parsing.
 * 2. Walk.  One iterative pass over the tree (no recursion, so 30,000
 *    nested tags cost nothing special) cuts the text into blocks: runs of
 *    inline text between block-level tags or <br>, whitespace collapsed.
 *    Each block remembers its owner element, its characters and how many
 *    are inside links, and the evidence of its ancestors' tags, classes and
 *    ids (nav, footer, comment, share, related, cookie ... against article,
 *    content, post, entry ...), and whether it is a caption or pull quote.
 *    Scripts, styles, forms' controls and hidden elements are skipped.
 * 3. Choose.  Each block of prose (long enough, few links) gives points to
 *    the elements above it, less the further up; an element's score is
 *    scaled down by its link density and moved by its class evidence.  The
 *    best element, with its parent when the parent scores as well, and the
 *    siblings that score well, is the article; inside it, blocks under
 *    boilerplate evidence, link lists and empty lines are dropped.  Pages
 *    where no element stands out fall back to every block of prose.
 * 4. Write.  The title, then the kept blocks in page order, one line each,
 *    with roles: headings are subheads, figure captions captions, pull
 *    quotes pull quotes, the rest body.
 *
 * Every pass is linear in the tree; scores go up at most five levels.
 */
#include "meta.h"

#include "text/text.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern const tc_wordlist tc_list_stopwords; /* data/stopwords.txt */

#define SCORE_LEVELS 5
#define MIN_SCORE_CHARS 40u

/* Tag kinds. */
enum {
    T_INLINE = 0, T_SKIP, T_HEAD, T_BR, T_HR, T_A, T_P, T_H1, T_H, T_LI,
    T_BLOCKQUOTE, T_PRE, T_TD, T_DIV, T_ARTICLE, T_MAIN, T_BODY, T_LIST,
    T_TABLE, T_NAV, T_FOOTER, T_HEADER, T_ASIDE, T_FORM, T_FIGURE,
    T_FIGCAPTION, T_DT
};

/* Evidence, inherited from ancestors. */
#define F_NEG 0x01u      /* boilerplate tag, class or id */
#define F_POS 0x02u      /* article-like class or id */
#define F_CAPTION 0x04u
#define F_PULLQUOTE 0x08u
#define F_ASIDE 0x10u
#define F_STRONG 0x20u   /* itemprop=articleBody and the like */
#define F_HEAD 0x40u     /* inside <head>: no text */

typedef struct tag_kind {
    const char *name;
    uint8_t kind;
} tag_kind;

/* Sorted by name for bsearch. */
static const tag_kind tags[] = {
    {"a", T_A}, {"address", T_DIV}, {"applet", T_SKIP}, {"article", T_ARTICLE},
    {"aside", T_ASIDE}, {"audio", T_SKIP}, {"blockquote", T_BLOCKQUOTE},
    {"body", T_BODY}, {"br", T_BR}, {"button", T_SKIP}, {"canvas", T_SKIP},
    {"caption", T_FIGCAPTION}, {"center", T_DIV}, {"dd", T_LI},
    {"details", T_DIV}, {"dialog", T_SKIP}, {"dir", T_LIST}, {"div", T_DIV},
    {"dl", T_LIST}, {"dt", T_DT}, {"embed", T_SKIP}, {"fieldset", T_DIV},
    {"figcaption", T_FIGCAPTION}, {"figure", T_FIGURE}, {"footer", T_FOOTER},
    {"form", T_FORM}, {"frameset", T_SKIP}, {"h1", T_H1}, {"h2", T_H},
    {"h3", T_H}, {"h4", T_H}, {"h5", T_H}, {"h6", T_H}, {"head", T_HEAD},
    {"header", T_HEADER}, {"hgroup", T_DIV}, {"hr", T_HR}, {"html", T_BODY},
    {"iframe", T_SKIP}, {"input", T_SKIP}, {"li", T_LI}, {"main", T_MAIN},
    {"map", T_SKIP}, {"math", T_SKIP}, {"menu", T_NAV}, {"nav", T_NAV},
    {"noscript", T_SKIP}, {"object", T_SKIP}, {"ol", T_LIST},
    {"option", T_SKIP}, {"p", T_P}, {"picture", T_SKIP}, {"pre", T_PRE},
    {"script", T_SKIP}, {"section", T_DIV}, {"select", T_SKIP},
    {"style", T_SKIP}, {"summary", T_DIV}, {"svg", T_SKIP}, {"table", T_TABLE},
    {"tbody", T_TABLE}, {"td", T_TD}, {"template", T_SKIP},
    {"textarea", T_SKIP}, {"tfoot", T_TABLE}, {"th", T_TD}, {"thead", T_TABLE},
    {"title", T_SKIP}, {"tr", T_TABLE}, {"ul", T_LIST}, {"video", T_SKIP}};

static int tag_cmp(const void *key, const void *item)
{
    return strcmp(key, ((const tag_kind *)item)->name);
}

static uint8_t tag_of(const xmlNode *node)
{
    const tag_kind *t = bsearch(node->name, tags, sizeof tags / sizeof tags[0],
                                sizeof tags[0], tag_cmp);
    return t ? t->kind : T_INLINE;
}

static bool is_block(uint8_t k)
{
    return k >= T_P;
}

/* ---- The walk's records ------------------------------------------------ */

typedef struct elem {
    int32_t parent;
    uint8_t tag;
    uint8_t flags;     /* own evidence (not inherited) */
    bool scored, chosen, in_content, neg_in_content;
    float score;
    uint32_t chars, link_chars; /* of the subtree */
    uint32_t first;             /* its first block, +1 (0: none) */
    uint32_t prose;             /* chars of its prose blocks */
#ifdef TC_HTML_DEBUG
    const xmlNode *node;
#endif
} elem;

typedef struct block {
    uint32_t start, end;       /* in the walk's text */
    uint32_t chars, link_chars;
    int32_t elem;              /* owner element */
    uint8_t tag;               /* owner's tag */
    uint8_t flags;             /* inherited evidence */
    uint8_t role;
    bool keep;
} block;

typedef struct frame {
    const xmlNode *node;
    int32_t elem;        /* -1 for inline elements */
    uint8_t tag, flags;  /* flags: inherited evidence */
    int32_t prev_owner;  /* owner frame before this one */
} frame;

typedef struct walker {
    tc_arena *arena;
    tc_sb text;
    block *blocks;
    size_t nb, capb;
    elem *elems;
    size_t ne, cape;
    frame stack[TC_HTML_MAX_DEPTH];
    size_t depth;
    int32_t owner;       /* frame of the innermost block element, or -1 */
    unsigned links;      /* open <a> elements */
    uint32_t bstart, bchars, blinks;
    bool space, nomem;
    tc_html_meta meta;
} walker;

/* Grows an arena array by doubling (the old copy stays in the arena; the
 * total stays under twice the final size). */
static void *grow(tc_arena *a, void *p, size_t *cap, size_t n, size_t size)
{
    size_t ncap = *cap ? *cap * 2 : 256;
    void *q;
    if (n < *cap)
        return p;
    q = tc_arena_alloc(a, ncap * size);
    if (!q)
        return NULL;
    if (n)
        memcpy(q, p, n * size);
    *cap = ncap;
    return q;
}

/* ---- Class and id evidence -------------------------------------------- */

/* Substrings that mark boilerplate in a class or id, and whole words. */
static const char *const neg_parts[] = {
    "comment", "share", "sharing", "social", "related", "sidebar", "cookie",
    "consent", "newsletter", "subscri", "footer", "breadcrumb", "advert",
    "promo", "sponsor", "popup", "modal", "masthead", "pagination", "disqus",
    "outbrain", "taboola", "recommend", "navigation", "navbar", "menu",
    "toolbar", "byline", "dateline", "author", "signup", "login",
    "skiplink", "tagcloud", "shoutbox", "sitemap", "rating", "reply",
    "respond"};
static const char *const neg_words[] = {
    "ad", "ads", "nav", "meta", "date", "time", "share", "header", "follow",
    "social", "sns", "related", "aside"};
/* Negative words that win over positive ones in the same class. */
static const char *const hard_neg[] = {"comment", "related", "share",
                                       "footer", "cookie", "newsletter",
                                       "subscri", "recommend"};
static const char *const pos_parts[] = {
    "article", "content", "entry", "story", "post", "text", "body", "main",
    "blog", "news", "artikel", "beitrag", "inhalt"};

static bool has_part(const char *v, const char *const *list, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++)
        if (strstr(v, list[i]))
            return true;
    return false;
}

/* Whether a word of v (split at space, '-', '_') is in the list. */
static bool has_word(const char *v, const char *const *list, size_t n)
{
    const char *p = v;
    while (*p) {
        size_t len = strcspn(p, " -_"), i;
        for (i = 0; i < n && len; i++)
            if (strlen(list[i]) == len && memcmp(p, list[i], len) == 0)
                return true;
        p += len;
        p += *p != '\0';
    }
    return false;
}

/* Lower-cases `s` into buf (capped) and returns buf. */
static const char *lowered(const char *s, char *buf, size_t cap)
{
    size_t i;
    for (i = 0; s[i] && i + 1 < cap; i++)
        buf[i] = (char)((s[i] >= 'A' && s[i] <= 'Z') ? s[i] + 32 : s[i]);
    buf[i] = '\0';
    return buf;
}

static bool hidden(const xmlNode *node)
{
    const char *v = tc_html_attr(node, "hidden");
    char buf[128];
    if (v)
        return true;
    v = tc_html_attr(node, "aria-hidden");
    if (v && strcmp(v, "true") == 0)
        return true;
    v = tc_html_attr(node, "style");
    if (v) {
        lowered(v, buf, sizeof buf);
        return strstr(buf, "display:none") || strstr(buf, "display: none") ||
               strstr(buf, "visibility:hidden");
    }
    return false;
}

/* The evidence of an element's own class, id, itemprop and role. */
static uint8_t evidence(const xmlNode *node, uint8_t tag)
{
    static const char *const attrs[] = {"class", "id", "role", "itemprop"};
    uint8_t f = 0;
    char buf[256];
    size_t i;
    for (i = 0; i < 4; i++) {
        const char *v = tc_html_attr(node, attrs[i]);
        if (!v || !*v)
            continue;
        lowered(v, buf, sizeof buf);
        if (strstr(buf, "articlebody") || strstr(buf, "article-body") ||
            strstr(buf, "article__body") || strstr(buf, "entry-content") ||
            strstr(buf, "post-content") || strstr(buf, "story-body"))
            f |= F_STRONG;
        if (strstr(buf, "caption") || strstr(buf, "bildunterschrift"))
            f |= F_CAPTION;
        if (strstr(buf, "pullquote") || strstr(buf, "pull-quote") ||
            strstr(buf, "pull_quote"))
            f |= F_PULLQUOTE;
        bool neg = has_part(buf, neg_parts, sizeof neg_parts / sizeof *neg_parts) ||
                   has_word(buf, neg_words, sizeof neg_words / sizeof *neg_words);
        bool pos = has_part(buf, pos_parts, sizeof pos_parts / sizeof *pos_parts);
        if (neg && (!pos || has_part(buf, hard_neg, sizeof hard_neg / sizeof *hard_neg)))
            f |= F_NEG; /* "comment-body" is a comment */
        else if (pos && !neg)
            f |= F_POS; /* "content-sidebar-wrap" is neither */
    }
    /* Class words on the article itself are its categories and tags
     * (WordPress: "tag-sharing category-news"), not evidence against it. */
    if ((f & F_STRONG) || tag == T_ARTICLE || tag == T_MAIN ||
        tag == T_BODY)
        f = (uint8_t)(f & ~F_NEG);
    if (f & F_STRONG)
        f |= F_POS;
    switch (tag) {
    case T_NAV: case T_FOOTER: case T_FORM: case T_HEADER:
        f |= F_NEG;
        break;
    case T_ASIDE:
        f |= F_NEG | F_ASIDE;
        break;
    case T_FIGCAPTION:
        f |= F_CAPTION;
        break;
    case T_ARTICLE: case T_MAIN:
        f |= F_POS;
        break;
    default:
        break;
    }
    return f;
}

/* ---- Text ---------------------------------------------------------------- */

static void flush(walker *w)
{
    block *b;
    const frame *o;
    if (w->text.n == w->bstart || w->nomem)
        goto reset;
    if (w->nb >= TC_HTML_MAX_BLOCKS) {
        w->text.n = w->bstart; /* past the cap: dropped */
        goto reset;
    }
    w->blocks = grow(w->arena, w->blocks, &w->capb, w->nb, sizeof *b);
    if (!w->blocks) {
        w->nomem = true;
        goto reset;
    }
    b = &w->blocks[w->nb++];
    memset(b, 0, sizeof *b);
    o = w->owner >= 0 ? &w->stack[w->owner] : NULL;
    b->start = w->bstart;
    b->end = (uint32_t)w->text.n;
    b->chars = w->bchars;
    b->link_chars = w->blinks;
    b->elem = o ? o->elem : -1;
    b->tag = o ? o->tag : T_BODY;
    b->flags = o ? o->flags : 0;
reset:
    w->bstart = (uint32_t)w->text.n;
    w->bchars = w->blinks = 0;
    w->space = false;
}

/* Appends text with white space collapsed (U+2028 and U+2029 count as
 * white space: line breaks are the stage's paragraph marks). */
static void add_text(walker *w, const char *s, size_t n)
{
    size_t i = 0;
    if (w->depth && (w->stack[w->depth - 1].flags & F_HEAD))
        return;
    while (i < n && !w->nomem) {
        unsigned char c = (unsigned char)s[i];
        size_t run;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
            c == '\v') {
            w->space = w->text.n > w->bstart;
            i++;
            continue;
        }
        if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
            ((unsigned char)s[i + 2] == 0xA8 || (unsigned char)s[i + 2] == 0xA9)) {
            w->space = w->text.n > w->bstart;
            i += 3;
            continue;
        }
        for (run = i; run < n; run++) {
            unsigned char d = (unsigned char)s[run];
            if (d == ' ' || d == '\t' || d == '\n' || d == '\r' || d == '\f' ||
                d == '\v' || d == 0xE2)
                break;
        }
        if (run == i)
            run = i + 1; /* a lone 0xE2 lead byte */
        if (w->space && tc_sb_putc(&w->text, ' ') != TC_OK)
            w->nomem = true;
        w->space = false;
        if (tc_sb_append(&w->text, s + i, run - i) != TC_OK)
            w->nomem = true;
        for (; i < run; i++) {
            bool lead = ((unsigned char)s[i] & 0xC0) != 0x80;
            w->bchars += lead;
            w->blinks += lead && w->links;
        }
    }
}

/* ---- The walk ------------------------------------------------------------ */

static int32_t new_elem(walker *w, uint8_t tag, uint8_t flags)
{
    elem *e;
    if (w->ne >= TC_HTML_MAX_TAGS)
        return -1;
    w->elems = grow(w->arena, w->elems, &w->cape, w->ne, sizeof *e);
    if (!w->elems) {
        w->nomem = true;
        return -1;
    }
    e = &w->elems[w->ne];
    memset(e, 0, sizeof *e);
    e->parent = w->owner >= 0 ? w->stack[w->owner].elem : -1;
    e->tag = tag;
    e->flags = flags;
    return (int32_t)w->ne++;
}

/* Enters a node; true when its children are to be walked. */
static bool enter(walker *w, const xmlNode *node)
{
    uint8_t tag, own, inherited;
    frame *f;
    if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
        if (node->content)
            add_text(w, (const char *)node->content,
                     strlen((const char *)node->content));
        return false;
    }
    if (node->type != XML_ELEMENT_NODE || !node->name)
        return false;
    if (!tc_html_meta_element(&w->meta, node))
        w->nomem = true;
    tag = tag_of(node);
    if (tag == T_SKIP)
        return false;
    if (tag == T_BR || tag == T_HR) {
        flush(w);
        return false;
    }
    if (tag != T_HEAD && hidden(node))
        return false;
    if (w->depth == TC_HTML_MAX_DEPTH)
        return true; /* too deep: its text joins the enclosing block */
    own = evidence(node, tag);
    inherited = w->depth ? w->stack[w->depth - 1].flags : 0;
    if (tag == T_BLOCKQUOTE && (inherited & F_ASIDE))
        own |= F_PULLQUOTE;
    /* Captions and pull quotes are decided later, from the element's size
     * (a "has-caption" class on the whole article is no caption). */
    inherited = (uint8_t)((inherited | own) & ~(F_CAPTION | F_PULLQUOTE));
    if (tag == T_HEAD)
        inherited |= F_HEAD;
    f = &w->stack[w->depth];
    f->node = node;
    f->tag = tag;
    f->flags = inherited;
    f->elem = -1;
    f->prev_owner = w->owner;
    if (is_block(tag)) {
        flush(w);
        f->elem = new_elem(w, tag, own);
        if (f->elem >= 0)
            w->owner = (int32_t)w->depth;
#ifdef TC_HTML_DEBUG
        if (f->elem >= 0)
            w->elems[f->elem].node = node;
#endif
    }
    if (tag == T_A)
        w->links++;
    w->depth++;
    return true;
}

static void leave(walker *w, const xmlNode *node)
{
    frame *f;
    if (w->depth == 0 || w->stack[w->depth - 1].node != node)
        return;
    f = &w->stack[--w->depth];
    if (f->tag == T_A && w->links)
        w->links--;
    if (f->elem >= 0) {
        flush(w);
        w->owner = f->prev_owner;
    }
}

static void walk(walker *w, const xmlNode *root)
{
    const xmlNode *node = root;
    for (;;) {
        if (enter(w, node) && node->children) {
            node = node->children;
            continue;
        }
        leave(w, node);
        while (node != root && !node->next) {
            node = node->parent;
            leave(w, node);
        }
        if (node == root)
            break;
        node = node->next;
    }
    flush(w);
}

/* ---- Choosing the article ------------------------------------------------ */

/* Commas and function words of a block: prose has both. */
static void prose_counts(const char *s, size_t n, unsigned *commas,
                         unsigned *words, unsigned *stops)
{
    size_t i = 0;
    *commas = *words = *stops = 0;
    while (i < n) {
        size_t j;
        while (i < n && (s[i] == ' ' || s[i] == '(' || s[i] == '"'))
            i++;
        for (j = i; j < n && s[j] != ' '; j++)
            ;
        if (j > i) {
            size_t e = j;
            while (e > i && strchr(",.;:!?)\"'", s[e - 1]))
                e--;
            *commas += s[j - 1] == ',';
            (*words)++;
            if (e > i && e - i <= 6 && tc_wordlist_has(&tc_list_stopwords,
                                                       s + i, e - i))
                (*stops)++;
        }
        i = j;
    }
}

static float initial_score(const elem *e)
{
    float s = 0;
    switch (e->tag) {
    case T_DIV: case T_ARTICLE: case T_MAIN: s = 5; break;
    case T_PRE: case T_TD: case T_BLOCKQUOTE: s = 3; break;
    case T_LIST: case T_LI: case T_DT: case T_FORM: s = -3; break;
    case T_H1: case T_H: s = -5; break;
    default: break;
    }
    if (e->flags & F_NEG)
        s -= 25;
    if (e->flags & F_POS)
        s += 25;
    if (e->flags & F_STRONG)
        s += 25;
    return s;
}

/* Every block of prose gives points to the elements above its owner. */
static void score_blocks(walker *w)
{
    size_t i;
    for (i = 0; i < w->nb; i++) {
        const block *b = &w->blocks[i];
        unsigned commas, words, stops;
        float points;
        int32_t e;
        int level;
        if (b->elem < 0)
            continue;
        if (!w->elems[b->elem].first)
            w->elems[b->elem].first = (uint32_t)i + 1;
        w->elems[b->elem].chars += b->chars;
        w->elems[b->elem].link_chars += b->link_chars;
        if (b->chars < MIN_SCORE_CHARS || b->link_chars * 2 > b->chars)
            continue;
        if (!(b->flags & F_NEG) && b->link_chars * 4 < b->chars)
            w->elems[b->elem].prose += b->chars;
        prose_counts(w->text.p + b->start, b->end - b->start, &commas, &words,
                     &stops);
        points = 1.0f + (float)commas + (float)TC_MIN(b->chars / 100u, 3u);
        if (words >= 8 && stops * 10 < words)
            points *= 0.5f; /* few function words: not running prose */
        e = w->elems[b->elem].parent;
        for (level = 0; e >= 0 && level < SCORE_LEVELS; level++) {
            elem *a = &w->elems[e];
            if (!a->scored) {
                a->score = initial_score(a);
                a->scored = true;
            }
            a->score += points / (level == 0 ? 1.0f
                                  : level == 1 ? 2.0f : (float)level * 3.0f);
            e = a->parent;
        }
    }
    /* Subtree totals: children come after their parent. */
    for (i = w->ne; i-- > 0;) {
        const elem *c = &w->elems[i];
        if (c->parent >= 0) {
            elem *p = &w->elems[c->parent];
            p->chars += c->chars;
            p->link_chars += c->link_chars;
            p->prose += c->prose;
            if (c->first && (!p->first || c->first < p->first))
                p->first = c->first;
        }
    }
}

static float position_weight = 0.3f;

/* The score scaled by (1 - link density), and up to 30% more for text
 * early in the page (the story comes before the comments under it). */
static float final_score(const walker *w, const elem *e)
{
    float ld = e->chars ? (float)e->link_chars / (float)e->chars : 0.0f;
    float early = w->nb && e->first
                      ? 1.0f - (float)(e->first - 1) / (float)w->nb : 0.0f;
    return e->scored ? e->score * (1.0f - ld) *
                           (1.0f + position_weight * early)
                     : 0.0f;
}

static unsigned strong_min = 200;

/* The first element marked as the article body (itemprop=articleBody,
 * entry-content, ...) that holds prose, or -1. */
static int32_t strong_elem(const walker *w)
{
    size_t i;
    for (i = 0; i < w->ne; i++)
        if ((w->elems[i].flags & F_STRONG) && w->elems[i].prose >= strong_min)
            return (int32_t)i;
    return -1;
}

static int32_t best_elem(const walker *w)
{
    int32_t best = -1;
    float top = 0;
    size_t i;
    for (i = 0; i < w->ne; i++) {
        float s = final_score(w, &w->elems[i]);
        if (w->elems[i].tag == T_BODY)
            continue;
        if (s > top) {
            top = s;
            best = (int32_t)i;
        }
    }
    return best;
}

/* The parent of the best element takes its place when it scores higher
 * (the article was split into several boxes). */
static int32_t promote(const walker *w, int32_t top)
{
    float last = final_score(w, &w->elems[top]), floor = last / 3.0f;
    int32_t p = w->elems[top].parent;
    while (p >= 0 && w->elems[p].tag != T_BODY) {
        const elem *e = &w->elems[p];
        float s = final_score(w, e);
        if (e->scored) {
            if (s < floor)
                break;
            if (s > last)
                return p;
            last = s;
        }
        p = e->parent;
    }
    return top;
}

static float climb_share = 0.35f;
static unsigned climb_min = 150;
static float climb_links = 0.4f;
static unsigned climb_abs = 500;

#define CLIMB_LEVELS 8

/* Up to an ancestor that holds much more prose than the element (wrappers
 * with nothing more are passed over): an article cut into boxes, one box
 * per paragraph or section.  Stops at a link-heavy ancestor. */
static int32_t climb(const walker *w, int32_t top)
{
    int32_t a = w->elems[top].parent;
    int level;
    for (level = 0; a >= 0 && level < CLIMB_LEVELS; level++) {
        const elem *p = &w->elems[a];
        const elem *e = &w->elems[top];
        uint32_t extra = p->prose - e->prose;
        if (p->tag == T_BODY || !p->chars ||
            (float)p->link_chars > climb_links * (float)p->chars)
            break;
        if (extra >= climb_min && ((float)extra >= climb_share * (float)e->prose ||
                                   extra >= climb_abs))
            top = a;
        a = p->parent;
    }
    return top;
}

static void choose(walker *w, int32_t top)
{
    float threshold = final_score(w, &w->elems[top]) * 0.2f;
    int32_t parent = w->elems[top].parent;
    size_t i;
    if (threshold < 10)
        threshold = 10;
    w->elems[top].chosen = true;
    for (i = 0; parent >= 0 && i < w->ne; i++) {
        elem *e = &w->elems[i];
        float ld;
        if (e->parent != parent || (int32_t)i == top || (e->flags & F_NEG))
            continue;
        ld = e->chars ? (float)e->link_chars / (float)e->chars : 0;
        if (final_score(w, e) >= threshold ||
            (e->tag == T_P && e->chars > 80 && ld < 0.25f))
            e->chosen = true;
    }
    for (i = 0; i < w->ne; i++) {
        elem *e = &w->elems[i];
        const elem *p = e->parent >= 0 ? &w->elems[e->parent] : NULL;
        e->in_content = e->chosen || (p && p->in_content);
        e->neg_in_content = e->in_content && !e->chosen &&
                            ((e->flags & F_NEG) || (p && p->neg_in_content));
    }
}

#define SET_APART_LEVELS 4
#define CAPTION_MAX_CHARS 600u
#define PULLQUOTE_MAX_CHARS 800u

/* F_CAPTION or F_PULLQUOTE when an element near the block's owner is a
 * short caption or pull quote. */
static uint8_t set_apart(const walker *w, const block *b)
{
    int32_t e = b->elem;
    int level;
    for (level = 0; e >= 0 && level < SET_APART_LEVELS; level++) {
        const elem *x = &w->elems[e];
        if ((x->flags & F_CAPTION) && x->chars <= CAPTION_MAX_CHARS)
            return F_CAPTION;
        if ((x->flags & F_PULLQUOTE) && x->chars <= PULLQUOTE_MAX_CHARS)
            return F_PULLQUOTE;
        e = x->parent;
    }
    return 0;
}

static bool block_ok(const walker *w, const block *b)
{
    const elem *e = &w->elems[b->elem];
    if (e->in_content && (b->flags & (F_PULLQUOTE | F_CAPTION)))
        return b->link_chars * 2 <= b->chars; /* kept apart, by role */
    if (!e->in_content || e->neg_in_content)
        return false;
    if (b->link_chars * 2 > b->chars &&
        (b->tag == T_LI || b->tag == T_DT || b->chars < 40 ||
         b->link_chars * 10 > b->chars * 9))
        return false;
    return true;
}

/* No element stands out: every block of prose, outside boilerplate. */
static bool block_prose(const walker *w, const block *b)
{
    unsigned commas, words, stops;
    if ((b->flags & F_NEG) || b->chars < 40 || b->link_chars * 3 > b->chars)
        return false;
    prose_counts(w->text.p + b->start, b->end - b->start, &commas, &words,
                 &stops);
    return words >= 6 && (stops * 10 >= words || commas > 0);
}

#define ORPHAN_MAX_CHARS 60u

/* Whether a kept block reads like a heading: short, or ending with ':'. */
static bool heading_like(const walker *w, const block *b)
{
    char last = b->end > b->start ? w->text.p[b->end - 1] : '.';
    if (b->tag == T_LI || b->tag == T_DT || b->tag == T_TD)
        return false; /* list items and cells are content, short or not */
    if (last == ':')
        return b->chars <= 2 * ORPHAN_MAX_CHARS;
    return b->chars <= ORPHAN_MAX_CHARS && !strchr(".!?\"\xBB)", last);
}

/* A heading introduces what follows it: one followed by a dropped block
 * (a list of links, a form) or by nothing is dropped too ("You might also
 * like:", "Related coverage").  From the end, so chains of them go. */
static void drop_orphans(walker *w)
{
    size_t i = w->nb;
    int next = -1; /* the next block: -1 none, 0 dropped, 1 kept */
    while (i-- > 0) {
        block *b = &w->blocks[i];
        if (b->keep && !(b->flags & (F_CAPTION | F_PULLQUOTE)) &&
            next == 0 && heading_like(w, b))
            b->keep = false;
        /* Only what was dropped inside the article counts: a heading
         * may end the article. */
        next = b->keep ? 1
               : (b->elem >= 0 && w->elems[b->elem].in_content) ? 0 : next;
    }
}

static unsigned lead_back = 6;
static unsigned lead_min = 80;

/* A lead or teaser standing just before the article box (often in the
 * article's <header>, with the title and byline): prose among the few
 * blocks before the first kept one is kept. */
static void rescue_lead(walker *w)
{
    size_t first, i, seen = 0;
    for (first = 0; first < w->nb && !w->blocks[first].keep; first++)
        ;
    if (first == w->nb)
        return;
    for (i = first; i-- > 0 && seen < lead_back;) {
        block *b = &w->blocks[i];
        unsigned commas, words, stops;
        char last = w->text.p[b->end - 1];
        seen++;
        if (b->chars < lead_min)
            continue; /* title, byline, date */
        prose_counts(w->text.p + b->start, b->end - b->start, &commas,
                     &words, &stops);
        if (b->link_chars * 4 > b->chars || stops * 10 < words ||
            !strchr(".!?\"\xBB)", last))
            break;
        b->keep = true;
    }
}

static uint8_t role_of(const block *b)
{
    if (b->flags & F_PULLQUOTE)
        return TC_ROLE_PULLQUOTE;
    if (b->flags & F_CAPTION)
        return TC_ROLE_CAPTION;
    if (b->tag == T_H1 || b->tag == T_H)
        return TC_ROLE_SUBHEAD;
    return TC_ROLE_BODY;
}

#ifdef TC_HTML_DEBUG
static void debug_dump(const walker *w, int32_t top)
{
    size_t i;
    fprintf(stderr, "top=%d\n", top);
    for (i = 0; i < w->nb; i++) {
        const block *b = &w->blocks[i];
        const elem *e = b->elem >= 0 ? &w->elems[b->elem] : NULL;
        const char *why = "";
        int32_t x = b->elem;
        while (e && e->neg_in_content && x >= 0) {
            if (w->elems[x].flags & F_NEG) {
                const xmlNode *nd = w->elems[x].node;
                why = tc_html_attr(nd, "class") ? tc_html_attr(nd, "class")
                      : tc_html_attr(nd, "id") ? tc_html_attr(nd, "id")
                      : (const char *)nd->name;
                break;
            }
            x = w->elems[x].parent;
        }
        fprintf(stderr, "%c e%-5d t%-2d f%02x c%-5u l%-5u in%d neg%d {%s} %.*s\n", b->keep ? '+' : '-', b->elem, b->tag, b->flags, b->chars,
                b->link_chars, e ? e->in_content : -1,
                e ? e->neg_in_content : -1, why,
                (int)TC_MIN(b->end - b->start, 5000u), w->text.p + b->start);
    }
    for (i = 0; i < w->ne; i++)
        if (final_score(w, &w->elems[i]) > 10)
            fprintf(stderr, "e%zu parent %d tag %d score %.1f final %.1f chars %u links %u\n",
                    i, w->elems[i].parent, w->elems[i].tag, w->elems[i].score,
                    final_score(w, &w->elems[i]), w->elems[i].chars, w->elems[i].link_chars);
}
#endif

static size_t select_blocks(walker *w)
{
    int32_t top;
    size_t i, kept = 0, chars = 0;
    score_blocks(w);
    for (i = 0; i < w->nb; i++)
        w->blocks[i].flags |= set_apart(w, &w->blocks[i]);
    top = best_elem(w);
    if (top >= 0) {
        int32_t strong = strong_elem(w);
        if (strong >= 0)
            choose(w, strong);
        else
            choose(w, climb(w, promote(w, top)));
        for (i = 0; i < w->nb; i++) {
            block *b = &w->blocks[i];
            b->keep = b->elem >= 0 && block_ok(w, b);
            kept += b->keep;
            chars += b->keep ? b->chars : 0;
        }
    }
    if (chars < 100) {
        kept = 0;
        for (i = 0; i < w->nb; i++) {
            block *b = &w->blocks[i];
            b->keep = block_prose(w, b);
            kept += b->keep;
        }
    }
    for (i = 0; kept == 0 && i < w->nb; i++) {
        /* A page too small to judge: whatever is not boilerplate. */
        block *b = &w->blocks[i];
        b->keep = !(b->flags & F_NEG) && b->link_chars * 2 <= b->chars;
    }
    if (top >= 0)
        rescue_lead(w);
    drop_orphans(w);
    for (i = 0; i < w->nb; i++)
        w->blocks[i].role = role_of(&w->blocks[i]);
#ifdef TC_HTML_DEBUG
    if (getenv("TC_HTML_DEBUG"))
        debug_dump(w, top);
#endif
    return kept;
}

/* ---- Writing the article ------------------------------------------------- */

static bool same_text(const char *a, size_t an, const char *b)
{
    return strlen(b) == an && memcmp(a, b, an) == 0;
}

/* Looks for a dateline in the short blocks before the first kept one. */
static void text_date(walker *w)
{
    size_t i, seen = 0;
    for (i = 0; i < w->nb && seen < 12; i++) {
        const block *b = &w->blocks[i];
        if (b->keep && b->role == TC_ROLE_BODY && b->chars > 120)
            break;
        if (b->chars <= 120 && (b->keep || b->elem >= 0)) {
            tc_html_meta_text_date(&w->meta, w->text.p + b->start,
                                   b->end - b->start);
            seen += b->keep;
        }
    }
}

static tc_status write_page(walker *w, tc_html_page *out)
{
    size_t i, len = 0, lines = 0, t, li = 0;
    char *p;
    if (!tc_html_meta_finish(&w->meta, out))
        return TC_ERR_NOMEM;
    t = strlen(out->title);
    for (i = 0; i < w->nb; i++)
        if (w->blocks[i].keep) {
            len += w->blocks[i].end - w->blocks[i].start + 2;
            lines += 2;
        }
    out->text = p = tc_arena_alloc(w->arena, t + 2 + len + 1);
    out->line_roles = tc_arena_calloc(w->arena, lines + 3, 1);
    if (!p || !out->line_roles)
        return TC_ERR_NOMEM;
    if (t) {
        memcpy(p, out->title, t);
        memcpy(p + t, "\n\n", 2);
        p += t + 2;
        out->line_roles[li] = TC_ROLE_TITLE;
        li += 2;
    }
    for (i = 0; i < w->nb; i++) {
        const block *b = &w->blocks[i];
        size_t n = b->end - b->start;
        if (!b->keep ||
            (b->tag == T_H1 && same_text(w->text.p + b->start, n, out->title)))
            continue;
        memcpy(p, w->text.p + b->start, n);
        memcpy(p + n, "\n\n", 2);
        p += n + 2;
        out->line_roles[li] = b->role;
        li += 2;
    }
    while (p > out->text && p[-1] == '\n')
        p--;
    *p = '\0';
    out->len = (size_t)(p - out->text);
    out->lines = li ? li - 1 : 0;
    out->blocks_seen = w->nb;
    return TC_OK;
}

/* ---- Parsing ------------------------------------------------------------- */

void tc_html_init(void)
{
    xmlInitParser();
}

static size_t count_tags(const char *s, size_t n)
{
    size_t count = 0;
    const char *p = s, *end = s + n;
    while ((p = memchr(p, '<', (size_t)(end - p))) != NULL) {
        p++;
        if (p < end && (((*p | 32) >= 'a' && (*p | 32) <= 'z') || *p == '/'))
            count++;
    }
    return count;
}

/* libxml2 stops at 256 nested elements (without HTML_PARSE_HUGE, which we
 * keep off); *too_deep tells that it did. */
static htmlDocPtr parse(const char *s, size_t n, const char *encoding,
                        bool ignore_meta, bool *too_deep)
{
    htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
    htmlDocPtr doc;
    int opts = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
               HTML_PARSE_NONET | HTML_PARSE_COMPACT | HTML_PARSE_NOBLANKS;
    if (!ctxt)
        return NULL;
    if (ignore_meta)
        opts |= HTML_PARSE_IGNORE_ENC;
    doc = htmlCtxtReadMemory(ctxt, s, (int)n, NULL, encoding, opts);
    *too_deep = ctxt->lastError.message &&
                strstr(ctxt->lastError.message, "Excessive depth");
    htmlFreeParserCtxt(ctxt);
    return doc;
}

tc_status tc_html_extract(tc_arena *arena, const char *html, size_t n,
                          tc_html_page *out, char why[128])
{
    walker *w;
    tc_sb utf8;
    tc_html_charset cs;
    char name[32];
    htmlDocPtr doc = NULL;
    xmlNode *root;
    bool too_deep = false;
    tc_status st;
    memset(out, 0, sizeof *out);
    why[0] = '\0';
    if (n > (size_t)INT32_MAX)
        n = (size_t)INT32_MAX; /* tc_limits keeps pages far below */
    if (count_tags(html, n) > TC_HTML_MAX_TAGS) {
        snprintf(why, 128, "more than %u tags", TC_HTML_MAX_TAGS);
        return TC_ERR_LIMIT;
    }
    w = tc_arena_calloc(arena, 1, sizeof *w);
    if (!w)
        return TC_ERR_NOMEM;
    w->arena = arena;
    w->owner = -1;
    tc_sb_init(&w->text, arena->alloc, 0);
    tc_sb_init(&utf8, arena->alloc, 0);
    tc_html_meta_init(&w->meta, arena);
    st = tc_html_to_utf8(html, n, &utf8, &cs, name);
    if (st != TC_OK)
        goto out;
    if (cs == TC_HTML_OTHER)
        doc = parse(html, n, name, false, &too_deep);
    else
        doc = parse(utf8.p ? utf8.p : "", utf8.n, "UTF-8", true, &too_deep);
    tc_sb_free(&utf8);
    root = doc ? xmlDocGetRootElement(doc) : NULL;
    if (!root) {
        snprintf(why, 128, "no HTML document found");
        st = TC_ERR_INPUT;
        goto out;
    }
    walk(w, root);
    st = w->nomem ? TC_ERR_NOMEM : TC_OK;
    if (st == TC_OK && w->nb)
        select_blocks(w);
    if (st == TC_OK) {
        text_date(w);
        st = write_page(w, out);
    }
    if (st == TC_OK && too_deep && out->len == 0) {
        snprintf(why, 128, "elements nested deeper than 256: the page is cut "
                           "there, and nothing was left before it");
        st = TC_ERR_LIMIT;
    }
out:
    if (st == TC_ERR_NOMEM)
        snprintf(why, 128, "out of memory");
    if (doc)
        xmlFreeDoc(doc);
    tc_sb_free(&utf8);
    tc_sb_free(&w->text);
    return st;
}

void tc_html_preset_roles(const char *norm, tc_vec *paras,
                          const uint8_t *line_roles, size_t lines)
{
    size_t i, line = 0, pos = 0;
    for (i = 0; i < paras->n; i++) {
        tc_para *p = tc_vec_at(paras, i);
        const char *nl;
        while (pos < p->start &&
               (nl = memchr(norm + pos, '\n', p->start - pos)) != NULL) {
            line++;
            pos = (size_t)(nl - norm) + 1;
        }
        pos = p->start;
        if (line < lines)
            p->role = (tc_role)line_roles[line];
    }
}
