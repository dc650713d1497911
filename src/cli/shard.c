/*
 * shard.c - `tacitus shard --shards N --out DIR INPUTS...`: the articles of
 * any input, as JSONL, in N files DIR/shard-001.jsonl ... balanced by size
 * (each article goes to the smallest shard so far, so each shard keeps
 * input order), for a Slurm array or any scheduler: one task per shard.
 * A record is what the reader reads back: {"id","date","title","url",
 * "source","language","text"}, fields left out when empty.
 */
#include "shard.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define MAX_SHARDS 10000

int tc_cli_shard(tc_engine *engine, long shards, const char *dir,
                 char **inputs, int ninputs)
{
    FILE **out;
    unsigned long long *size, articles = 0, rejected = 0;
    tc_doc *doc;
    long i;
    int k, status = 0;
    char path[4096];
    if (shards < 1 || shards > MAX_SHARDS) {
        fprintf(stderr, "tacitus: --shards must be 1 to %d\n", MAX_SHARDS);
        return 2;
    }
    if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
        fprintf(stderr, "tacitus: %s: cannot make the directory: %s\n", dir,
                strerror(errno));
        return 2;
    }
    out = calloc((size_t)shards, sizeof *out);
    size = calloc((size_t)shards, sizeof *size);
    doc = tc_doc_new(engine);
    if (!out || !size || !doc) {
        fprintf(stderr, "tacitus: out of memory\n");
        free(out);
        free(size);
        tc_doc_free(doc);
        return 2;
    }
    for (i = 0; i < shards && status == 0; i++) {
        snprintf(path, sizeof path, "%s/shard-%03ld.jsonl", dir, i + 1);
        out[i] = fopen(path, "w");
        if (!out[i]) {
            fprintf(stderr, "tacitus: %s: cannot write: %s\n", path, strerror(errno));
            status = 2;
        }
    }
    for (k = 0; k < (ninputs ? ninputs : 1) && status == 0; k++) {
        tc_error err;
        tc_reader *r = tc_reader_open(engine, ninputs ? inputs[k] : "-", &err);
        if (!r) {
            fprintf(stderr, "tacitus: %s: %s\n", err.file, err.message);
            rejected++;
            continue;
        }
        for (;;) {
            long best = 0, before;
            tc_status st = tc_reader_next(r, doc, &err);
            if (st == TC_DONE)
                break;
            if (st != TC_OK) {
                fprintf(stderr, "tacitus: %s:%llu:%llu: error: %s\n", err.file,
                        (unsigned long long)err.line,
                        (unsigned long long)err.byte, err.message);
                rejected++;
                if (st == TC_ERR_NOMEM)
                    break;
                continue;
            }
            for (i = 1; i < shards; i++)
                if (size[i] < size[best])
                    best = i;
            before = ftell(out[best]);
            if (tc_doc_write_input(doc, out[best]) != TC_OK || before < 0 ||
                ftell(out[best]) < before) {
                fprintf(stderr, "tacitus: cannot write shard %ld\n", best + 1);
                status = 2;
                break;
            }
            size[best] += (unsigned long long)(ftell(out[best]) - before);
            articles++;
        }
        tc_reader_close(r);
    }
    for (i = 0; i < shards; i++)
        if (out[i] && fclose(out[i]) != 0 && status == 0) {
            fprintf(stderr, "tacitus: cannot write shard %ld\n", i + 1);
            status = 2;
        }
    fprintf(stderr, "tacitus: %llu articles in %ld shards under %s\n", articles,
            shards, dir);
    tc_doc_free(doc);
    free(out);
    free(size);
    return status ? status : rejected ? 1 : 0;
}
