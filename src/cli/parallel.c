/*
 * parallel.c - coding articles on several threads, output in input order.
 *
 * The engine is read-only once loaded, so threads share it; each article
 * gets a document of its own.  A ring of 4 x threads slots: the calling
 * thread reads article n into slot n % ring (tc_reader_next), the workers
 * take loaded slots in order, analyse them and write their records into a
 * memory stream, and the calling thread prints slot n's records (or hands
 * its document to the one writer of a database, or says its error) before
 * it reads article n + ring into it.  So output order is
 * input order, memory is bounded by the ring, and the reader never waits
 * for more than the oldest article.
 */
#include "parallel.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { SLOT_FREE = 0, SLOT_LOADED, SLOT_WORKING, SLOT_DONE };

typedef struct slot {
    tc_doc *doc;
    int state;
    tc_status st;        /* of reading or analysing */
    bool reported;       /* a read error, said when read */
    tc_error err;
    char *out;           /* the records, from open_memstream */
    size_t out_len;
} slot;

typedef struct pool {
    const tc_cli_par *par;
    slot *slots;
    size_t ring;
    size_t loaded;       /* articles read so far */
    size_t next_work;    /* the next article a worker takes */
    bool quit;
    pthread_mutex_t mu;
    pthread_cond_t work; /* a slot was loaded, or quit */
    pthread_cond_t done; /* a slot was coded */
} pool;

static void code_slot(pool *p, slot *s)
{
    FILE *mem;
    s->out = NULL;
    s->out_len = 0;
    s->st = tc_doc_analyze(s->doc, &s->err);
    if (s->st != TC_OK || !p->par->write)
        return;
    mem = open_memstream(&s->out, &s->out_len);
    if (!mem) {
        s->st = TC_ERR_NOMEM;
        return;
    }
    s->st = p->par->write(s->doc, mem, p->par->ctx);
    if (fclose(mem) != 0 && s->st == TC_OK)
        s->st = TC_ERR_NOMEM;
    if (s->st != TC_OK)
        s->st = TC_ERR_IO; /* a write into memory failed: out of memory */
}

static void *worker(void *arg)
{
    pool *p = arg;
    for (;;) {
        slot *s;
        pthread_mutex_lock(&p->mu);
        while (!p->quit && p->next_work >= p->loaded)
            pthread_cond_wait(&p->work, &p->mu);
        if (p->next_work >= p->loaded) { /* quit and nothing left */
            pthread_mutex_unlock(&p->mu);
            return NULL;
        }
        s = &p->slots[p->next_work++ % p->ring];
        /* a slot whose read failed is done already (and may hold a later
         * article by now): only a loaded one is taken, by one worker */
        if (s->state != SLOT_LOADED) {
            pthread_mutex_unlock(&p->mu);
            continue;
        }
        s->state = SLOT_WORKING;
        pthread_mutex_unlock(&p->mu);
        code_slot(p, s);
        pthread_mutex_lock(&p->mu);
        s->state = SLOT_DONE;
        pthread_cond_broadcast(&p->done);
        pthread_mutex_unlock(&p->mu);
    }
}

/* Waits for slot s to be coded, then hands its records or its error on.
 * Returns TC_ERR_IO when the output cannot be written, TC_ERR_NOMEM when
 * the run cannot go on. */
static tc_status finish(pool *p, slot *s)
{
    tc_status st = TC_OK;
    pthread_mutex_lock(&p->mu);
    while (s->state != SLOT_DONE)
        pthread_cond_wait(&p->done, &p->mu);
    pthread_mutex_unlock(&p->mu);
    if (s->st == TC_OK) {
        if (p->par->deliver)
            st = p->par->deliver(s->doc, p->par->ctx) == TC_OK ? TC_OK : TC_ERR_IO;
        else if (s->out_len &&
                 fwrite(s->out, 1, s->out_len, p->par->out) != s->out_len)
            st = TC_ERR_IO;
        p->par->on_article(p->par->ctx);
    } else if (s->st == TC_ERR_IO) {
        st = TC_ERR_NOMEM;
    } else {
        if (!s->reported)
            p->par->on_error(p->par->ctx, &s->err, s->st);
        if (s->st == TC_ERR_NOMEM)
            st = TC_ERR_NOMEM;
    }
    free(s->out);
    s->out = NULL;
    pthread_mutex_lock(&p->mu);
    s->state = SLOT_FREE;
    pthread_mutex_unlock(&p->mu);
    return st;
}

tc_status tc_cli_run_parallel(tc_engine *engine, tc_reader *r,
                              const tc_cli_par *par)
{
    pool p;
    pthread_t *tids;
    size_t i, n = par->threads > 1 ? (size_t)par->threads : 1, started = 0;
    size_t first = 0; /* the oldest article not yet handed on */
    tc_status st = TC_OK;
    memset(&p, 0, sizeof p);
    p.par = par;
    p.ring = 4 * n;
    p.slots = calloc(p.ring, sizeof *p.slots);
    tids = calloc(n, sizeof *tids);
    if (!p.slots || !tids) {
        free(p.slots);
        free(tids);
        return TC_ERR_NOMEM;
    }
    for (i = 0; i < p.ring && st == TC_OK; i++)
        if (!(p.slots[i].doc = tc_doc_new(engine)))
            st = TC_ERR_NOMEM;
    pthread_mutex_init(&p.mu, NULL);
    pthread_cond_init(&p.work, NULL);
    pthread_cond_init(&p.done, NULL);
    for (i = 0; i < n && st == TC_OK; i++) {
        if (pthread_create(&tids[i], NULL, worker, &p) != 0)
            break;
        started++;
    }
    if (st == TC_OK && !started)
        st = TC_ERR_NOMEM;
    while (st == TC_OK) {
        slot *s = &p.slots[p.loaded % p.ring];
        tc_status rs;
        if (p.loaded - first == p.ring) { /* the ring is full */
            st = finish(&p, &p.slots[first % p.ring]);
            first++;
            if (st != TC_OK)
                break;
        }
        rs = tc_reader_next(r, s->doc, &s->err);
        if (rs == TC_DONE)
            break;
        /* a record the reader rejects is said now, beside the reader's
         * warnings, as one thread would say it */
        s->reported = rs != TC_OK;
        if (s->reported)
            par->on_error(par->ctx, &s->err, rs);
        pthread_mutex_lock(&p.mu);
        s->st = rs;
        s->state = rs == TC_OK ? SLOT_LOADED : SLOT_DONE;
        p.loaded++;
        pthread_cond_signal(&p.work);
        pthread_mutex_unlock(&p.mu);
        if (par->progress)
            par->progress(par->ctx, r);
    }
    /* the rest, in order (after an error, only to free them) */
    while (first < p.loaded) {
        tc_status fs = finish(&p, &p.slots[first % p.ring]);
        if (st == TC_OK)
            st = fs;
        first++;
    }
    pthread_mutex_lock(&p.mu);
    p.quit = true;
    pthread_cond_broadcast(&p.work);
    pthread_mutex_unlock(&p.mu);
    for (i = 0; i < started; i++)
        pthread_join(tids[i], NULL);
    for (i = 0; i < p.ring; i++)
        tc_doc_free(p.slots[i].doc);
    pthread_mutex_destroy(&p.mu);
    pthread_cond_destroy(&p.work);
    pthread_cond_destroy(&p.done);
    free(p.slots);
    free(tids);
    return st;
}
