/*
 * gazetteer.h - the places the engine knows: GeoNames cities (with ids,
 * coordinates and population), countries and first-level subdivisions
 * (ISO 3166-1 and 3166-2), and hand-written regions and spellings, loaded
 * from our gazetteer format (docs/FORMATS.md) into a lexicon, so that place
 * names are matched with the same keys, trie and fuzzy index as actors.
 *
 * Input:  gazetteer files (build/gazetteer.tsv, data/places-extra.txt).
 * Output: a frozen lexicon whose entry i is place i, and the place records.
 *
 * Build phase: tc_gazetteer_new, tc_gazetteer_load_*, tc_gazetteer_freeze.
 * Afterwards read-only and shareable between threads.
 */
#ifndef TC_GAZETTEER_H
#define TC_GAZETTEER_H

#include "lexicon.h"

typedef enum tc_place_kind {
    TC_PLACE_CITY = 0,
    TC_PLACE_ADM1,
    TC_PLACE_COUNTRY,
    TC_PLACE_REGION,
    TC_PLACE_KIND_COUNT_
} tc_place_kind;

/* "city", "adm1", "country", "region": the precision of a mention. */
const char *tc_place_kind_name(tc_place_kind kind);

typedef struct tc_place_rec {
    uint32_t geonames_id; /* 0 = none (countries, subdivisions, regions) */
    uint32_t population;  /* 0 = unknown */
    int32_t lat, lon;     /* 1e-5 degrees, when has_coords */
    uint8_t kind;         /* tc_place_kind */
    uint8_t has_coords;
    char country[4];      /* ISO 3166-1 alpha-3, or "" */
    char adm1[8];         /* ISO 3166-2 first-level code, or "" */
    uint32_t display;     /* string id of the name shown, 0: the first */
} tc_place_rec;

typedef struct tc_gazetteer tc_gazetteer;

tc_gazetteer *tc_gazetteer_new(const tc_allocator *alloc);
void tc_gazetteer_free(tc_gazetteer *g);

/*
 * Loads gazetteer texts: `paths[i]` names `texts[i]` (of `lens[i]` bytes)
 * in warnings.  Alias lines ("=") of any text add names to the records of
 * all of them.  Each bad line is a warning with file, line and byte, and is
 * counted in *errors; loading goes on.  TC_ERR_NOMEM and TC_ERR_LIMIT (over
 * 4,000,000 places) stop it.
 */
tc_status tc_gazetteer_load_texts(tc_gazetteer *g, const char *const *paths,
                                  const char *const *texts, const size_t *lens,
                                  size_t n, tc_warn_fn warn, void *warn_ctx,
                                  size_t *errors);
/* The same from files (each at most 256 MiB); a file that cannot be read
 * fails the load with TC_ERR_IO, naming it in `err`. */
tc_status tc_gazetteer_load_files(tc_gazetteer *g, const char *const *paths,
                                  size_t n, tc_warn_fn warn, void *warn_ctx,
                                  size_t *errors, tc_error *err);
/* Compiles the names into the matcher and builds the indexes. */
tc_status tc_gazetteer_freeze(tc_gazetteer *g);

/* ---- Lookup (after freeze) ---- */

size_t tc_gazetteer_count(const tc_gazetteer *g);
const tc_lexicon *tc_gazetteer_lexicon(const tc_gazetteer *g);
/* Place `i` (the lexicon's entry i), or NULL. */
const tc_place_rec *tc_gazetteer_place(const tc_gazetteer *g, uint32_t i);
/* Its display name (the first name of its line). */
const char *tc_gazetteer_name(const tc_gazetteer *g, uint32_t i);
/* The country record with this alpha-3 code, or -1. */
int32_t tc_gazetteer_country(const tc_gazetteer *g, const char *alpha3);
/* The cities in subdivision `adm1`, most populous first: sets *out and
 * returns how many. */
typedef struct tc_adm1_entry {
    char adm1[8];
    uint32_t population;
    uint32_t entry;
    char key0;        /* the first byte of its first name's key */
    uint8_t key_len;  /* that key's length (255: longer) */
} tc_adm1_entry;
size_t tc_gazetteer_in_adm1(const tc_gazetteer *g, const char *adm1,
                            const tc_adm1_entry **out);

#endif /* TC_GAZETTEER_H */
