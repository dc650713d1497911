/*
 * fuzz_gazetteer.c - libFuzzer target for the gazetteer loader: any bytes
 * as gazetteer texts (split at the first NUL into a main file and an
 * additions file, whose alias lines apply to both), loaded and frozen;
 * then every place is looked up by its own names and through the country
 * and subdivision indexes.  Bad lines must be reported, never crash.
 */
#include "lexicon/gazetteer.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

typedef struct lookup_ctx {
    const tc_gazetteer *g;
} lookup_ctx;

/* Matches a name's keys (joined by '\n') against the gazetteer. */
static bool match_name(void *ctx, const char *words)
{
    const lookup_ctx *c = ctx;
    const tc_lexicon *lx = tc_gazetteer_lexicon(c->g);
    tc_match_tok toks[20];
    size_t n = 0;
    const char *w = words;
    tc_name_hit hit;
    while (*w && n < 20) {
        const char *nl = strchr(w, '\n');
        size_t len = nl ? (size_t)(nl - w) : strlen(w);
        toks[n].key = tc_lexicon_key_id(lx, w, len);
        toks[n++].caps = 3;
        w += len + (nl ? 1 : 0);
    }
    hit = tc_lexicon_match(lx, toks, n, 0);
    if (n && hit.len == 0)
        abort(); /* a name must match itself */
    return true;
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    const char *paths[2] = {"fuzz-main", "fuzz-extra"};
    const char *texts[2];
    size_t lens[2], errors = 0, i;
    const unsigned char *nul = memchr(data, 0, size);
    tc_gazetteer *g = tc_gazetteer_new(NULL);
    lookup_ctx ctx;
    if (!g)
        return 0;
    texts[0] = (const char *)data;
    lens[0] = nul ? (size_t)(nul - data) : size;
    texts[1] = nul ? (const char *)nul + 1 : "";
    lens[1] = nul ? size - lens[0] - 1 : 0;
    if (tc_gazetteer_load_texts(g, paths, texts, lens, 2, NULL, NULL,
                                &errors) != TC_OK ||
        tc_gazetteer_freeze(g) != TC_OK) {
        tc_gazetteer_free(g);
        return 0;
    }
    ctx.g = g;
    for (i = 0; i < tc_gazetteer_count(g); i++) {
        const tc_place_rec *r = tc_gazetteer_place(g, (uint32_t)i);
        const tc_adm1_entry *e;
        size_t k, n;
        tc_lexicon_entry_names(tc_gazetteer_lexicon(g), (uint32_t)i,
                               match_name, &ctx);
        if (r->kind == TC_PLACE_COUNTRY && r->country[0] &&
            tc_gazetteer_country(g, r->country) < 0)
            abort(); /* every country is in the country index */
        n = tc_gazetteer_in_adm1(g, r->adm1, &e);
        for (k = 0; k < n; k++)
            if (strcmp(tc_gazetteer_place(g, e[k].entry)->adm1, r->adm1) != 0)
                abort();
        if (!tc_gazetteer_name(g, (uint32_t)i)[0])
            abort();
    }
    tc_gazetteer_free(g);
    return 0;
}
