/*
 * fuzz_html.c - libFuzzer target for the HTML stage: any bytes as a saved
 * web page, through charset detection, libxml2's parser, the walk, the
 * choice of the article, metadata and the text stage, then written as a
 * `clean` record.  A rejected page must name its input; every paragraph
 * offset must lie in the article text and every metadata string must be
 * valid UTF-8 (the record's JSON is written through the same checks).
 */
#include "tacitus.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

static bool valid_utf8(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        size_t k = *p < 0x80 ? 1 : *p >= 0xF0 ? 4 : *p >= 0xE0 ? 3 : 2;
        size_t i;
        if (*p >= 0x80 && *p < 0xC2)
            return false;
        for (i = 1; i < k; i++)
            if ((p[i] & 0xC0) != 0x80)
                return false;
        p += k;
    }
    return true;
}

static void check(const tc_doc *doc)
{
    tc_article_info info;
    size_t i, n = tc_doc_paragraph_count(doc);
    tc_doc_info(doc, &info);
    for (i = 0; i < n; i++) {
        tc_paragraph p;
        tc_doc_paragraph(doc, i, &p);
        if (p.start > p.end || p.end > info.text_len)
            abort();
    }
    if (!valid_utf8(info.title) || !valid_utf8(info.author) ||
        !valid_utf8(info.url) || !valid_utf8(info.source) ||
        !valid_utf8(info.language) || strlen(info.date) > 10)
        abort();
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    static tc_engine *engine;
    static tc_doc *doc;
    static FILE *sink;
    tc_reader *r;
    tc_error err;
    tc_status st;
    if (!engine) {
        engine = tc_engine_new(NULL, NULL);
        doc = tc_doc_new(engine);
        sink = fopen("/dev/null", "w");
    }
    r = tc_reader_open_memory(engine, "page.html", (const char *)data, size,
                              TC_FORMAT_HTML, &err);
    if (!r)
        return 0;
    st = tc_reader_next(r, doc, &err);
    if (st == TC_OK && tc_doc_analyze(doc, &err) == TC_OK) {
        check(doc);
        if (sink && tc_doc_write_article(doc, sink) != TC_OK)
            abort();
    } else if (st != TC_OK && (err.file[0] == '\0' || st == TC_ERR_NOMEM)) {
        abort(); /* every rejection names its input */
    }
    tc_reader_close(r);
    return 0;
}
