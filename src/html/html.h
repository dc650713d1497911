/*
 * html.h - the HTML stage: a saved web page in, its article out.
 *
 * Input: the page's bytes in any encoding.  Output (tc_html_page, in an
 * arena): the metadata found in the page (title, publication date, author,
 * site name, canonical URL, language) and the article text, one line per
 * paragraph with blank lines between paragraphs, in page order: the title
 * first, then headings, paragraphs, list items, block quotes, captions and
 * pull quotes.  Every line of the text has a role (title, body, subhead,
 * caption, pullquote), which the text stage takes over instead of guessing.
 *
 * Steps: charset.c (bytes -> UTF-8), parse.c (libxml2 HTML parser under
 * caps; the tree walked into blocks), extract.c (which blocks are the
 * article), meta.c (metadata), load.c (the page into a tc_doc).
 */
#ifndef TC_HTML_H
#define TC_HTML_H

#include "../core/core.h"

/* Caps of the HTML stage (besides the page size, from tc_limits). */
#define TC_HTML_MAX_TAGS 1000000u  /* '<' followed by a tag name */
#define TC_HTML_MAX_DEPTH 512u     /* deeper elements count as inline */
#define TC_HTML_MAX_BLOCKS 200000u /* text blocks of one page */

/* Initializes libxml2's parser globals (idempotent; called by
 * tc_engine_new, so that engines may then be used from several threads). */
void tc_html_init(void);

/* ---- Charset: any page -> UTF-8 ---- */

/* How the page's bytes were decoded. */
typedef enum tc_html_charset {
    TC_HTML_UTF8 = 0,   /* valid UTF-8 (or repaired: few invalid bytes) */
    TC_HTML_CP1252,     /* latin-1 / cp1252, declared or detected */
    TC_HTML_OTHER       /* another declared charset, left to libxml2 */
} tc_html_charset;

/*
 * Decides the page's charset (byte-order mark, <meta charset>, http-equiv,
 * XML declaration, else the bytes themselves) and converts UTF-8 and cp1252
 * pages to valid UTF-8 in `out` (invalid UTF-8 bytes become U+FFFD).  For
 * TC_HTML_OTHER, `out` is left empty and `name` (32 bytes) holds the
 * declared name for the parser.
 */
tc_status tc_html_to_utf8(const char *s, size_t n, tc_sb *out,
                          tc_html_charset *cs, char name[32]);

/* ---- The extracted page ---- */

typedef struct tc_html_page {
    /* Metadata, never NULL ("" when not found). */
    const char *title, *date, *author, *site, *url, *language;
    /* The article text: paragraphs as lines, blank lines between them. */
    char *text;
    size_t len;
    /* The role (tc_role) of each line of `text`: line_roles[k] is the role
     * of the line after the k-th '\n'. */
    uint8_t *line_roles;
    size_t lines;
    size_t blocks_seen; /* text blocks in the whole page (for statistics) */
} tc_html_page;

/*
 * Extracts the article of a page.  Memory comes from `arena`.  Errors:
 * TC_ERR_LIMIT (more tags than TC_HTML_MAX_TAGS), TC_ERR_INPUT (the parser
 * found no document), TC_ERR_NOMEM; `why` (128 bytes) says which.  Linear
 * in the page.
 */
tc_status tc_html_extract(tc_arena *arena, const char *html, size_t n,
                          tc_html_page *out, char why[128]);

/* ---- Into the text stage ---- */

/*
 * Sets the role of each paragraph of the matching text `norm` from the
 * line roles of the extracted text (the text stage keeps line breaks, so
 * line numbers agree).  Called by the pipeline before tc_text_roles.
 */
void tc_html_preset_roles(const char *norm, tc_vec *paras,
                          const uint8_t *line_roles, size_t lines);

#endif /* TC_HTML_H */
