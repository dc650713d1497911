/*
 * parallel.h - coding the articles of one reader on several threads, the
 * records written in input order (parallel.c).
 */
#ifndef TC_CLI_PARALLEL_H
#define TC_CLI_PARALLEL_H

#include "tacitus.h"

#include <stdio.h>

typedef struct tc_cli_par {
    int threads;
    FILE *out;
    /* Writes an analysed document's records (into a memory stream, on a
     * coding thread); or NULL, and then: */
    tc_status (*write)(const tc_doc *doc, FILE *out, void *ctx);
    /* hands the analysed document on, in input order, on the calling
     * thread (one writer to a database). */
    tc_status (*deliver)(const tc_doc *doc, void *ctx);
    /* An article written / rejected, in input order, on the calling thread. */
    void (*on_article)(void *ctx);
    void (*on_error)(void *ctx, const tc_error *err, tc_status st);
    void (*progress)(void *ctx, const tc_reader *r); /* or NULL */
    void *ctx;
} tc_cli_par;

/* Reads every article of `r` and codes it on `threads` threads; returns
 * TC_OK, TC_ERR_IO (the output failed) or TC_ERR_NOMEM. */
tc_status tc_cli_run_parallel(tc_engine *engine, tc_reader *r,
                              const tc_cli_par *par);

#endif
