/*
 * fuzz_ingest.c - libFuzzer target for the ingest stage: any bytes as a
 * JSONL feed (and, on the first byte's low bit, as sniffed standard input),
 * read record by record to the end; every record that loads is analysed.
 * A bad record must give an error with a location and never stop the loop.
 */
#include "tacitus.h"

#include <stdlib.h>

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    static tc_engine *engine;
    static tc_doc *doc;
    tc_reader *r;
    tc_error err;
    tc_status st;
    size_t records = 0;
    if (!engine) {
        tc_options opt;
        tc_options_init(&opt);
        opt.limits.max_record_bytes = 1u << 20;
        engine = tc_engine_new(&opt, NULL);
        doc = tc_doc_new(engine);
    }
    r = tc_reader_open_memory(engine, size && (data[0] & 1) ? "-" : "f.jsonl",
                              (const char *)data, size, TC_FORMAT_AUTO, &err);
    if (!r)
        return 0;
    while ((st = tc_reader_next(r, doc, &err)) != TC_DONE) {
        if (st == TC_OK)
            tc_doc_analyze(doc, &err);
        else if (err.file[0] == '\0' || st == TC_ERR_NOMEM)
            abort(); /* every rejection names its input */
        if (++records > size + 1)
            abort(); /* the reader must always make progress */
    }
    tc_reader_close(r);
    return 0;
}
