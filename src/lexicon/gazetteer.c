/*
 * gazetteer.c - loading our gazetteer format into a lexicon of places.
 *
 * A line is a place: KIND ID COUNTRY ADM1 LAT LON POPULATION NAMES, the
 * first seven fields separated by blanks (tabs in the generated file) and
 * NAMES the rest of the line, ';'-separated, the first one shown.  An alias
 * line "= ID NAMES" adds names (spellings, transliterations, exonyms) to
 * the place with that id, wherever it is defined; "n ID NAMES" does the
 * same and makes the first of them the name shown (Genève -> Geneva).
 * Every place becomes one
 * lexicon entry of type place, so names are matched by the lexicon's keys
 * (case, diacritics and abbreviation dots folded) and trie, and places
 * that are not small towns go into its fuzzy index for misspellings.
 */
#include "gazetteer.h"

#include <stdlib.h>
#include <string.h>

#define GAZ_MAX_FILE (256u * 1024u * 1024u)
#define GAZ_MAX_PLACES 4000000u
#define GAZ_MAX_LINE 4096u
#define GAZ_MAX_NAMES 32u
#define GAZ_ID_MAX 16u
/* Places at least this large (and every country, subdivision and region)
 * are found when misspelled; below it, too many small towns lie within one
 * edit of ordinary names. */
#define GAZ_FUZZY_MIN_POP 50000u

typedef struct alias {
    char id[GAZ_ID_MAX];
    const char *names;  /* into the caller's text, until load returns */
    size_t names_len;
    const char *path;
    uint64_t line, byte;
    bool used;
    bool display;       /* an "n" line: its first name is shown */
} alias;

typedef struct country_ix {
    char code[4];
    uint32_t entry;
} country_ix;

struct tc_gazetteer {
    const tc_allocator *alloc;
    tc_lexicon *lx;
    tc_vec places;      /* tc_place_rec, one per lexicon entry */
    tc_vec countries;   /* country_ix, sorted at freeze */
    tc_vec by_adm1;     /* tc_adm1_entry of cities with an adm1, sorted */
    bool frozen;
};

static const char *const kind_names[TC_PLACE_KIND_COUNT_] = {
    "city", "adm1", "country", "region"};

const char *tc_place_kind_name(tc_place_kind kind)
{
    return (unsigned)kind < TC_PLACE_KIND_COUNT_ ? kind_names[kind] : "city";
}

tc_gazetteer *tc_gazetteer_new(const tc_allocator *alloc)
{
    const tc_allocator *a = alloc ? alloc : tc_default_allocator();
    tc_gazetteer *g = tc_malloc(a, sizeof *g);
    if (!g)
        return NULL;
    memset(g, 0, sizeof *g);
    g->alloc = a;
    g->lx = tc_lexicon_new(a);
    if (!g->lx) {
        tc_free(a, g);
        return NULL;
    }
    tc_vec_init(&g->places, a, sizeof(tc_place_rec), GAZ_MAX_PLACES);
    tc_vec_init(&g->countries, a, sizeof(country_ix), 0);
    tc_vec_init(&g->by_adm1, a, sizeof(tc_adm1_entry), 0);
    return g;
}

void tc_gazetteer_free(tc_gazetteer *g)
{
    if (!g)
        return;
    tc_lexicon_free(g->lx);
    tc_vec_free(&g->places);
    tc_vec_free(&g->countries);
    tc_vec_free(&g->by_adm1);
    tc_free(g->alloc, g);
}

/* ---- Fields ------------------------------------------------------------ */

typedef struct line_in {
    const char *path;
    const char *p;      /* the line, without its end */
    size_t n;
    size_t pos;         /* scan position */
    uint64_t line, byte; /* 1-based line; byte offset of the line in the file */
} line_in;

static bool is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r';
}

/* The next blank-separated field (empty at the end of the line). */
static tc_sv next_field(line_in *l, uint64_t *at)
{
    size_t s;
    while (l->pos < l->n && is_blank(l->p[l->pos]))
        l->pos++;
    s = l->pos;
    while (l->pos < l->n && !is_blank(l->p[l->pos]))
        l->pos++;
    *at = l->byte + s;
    return tc_sv_make(l->p + s, l->pos - s);
}

/* The rest of the line, trimmed. */
static tc_sv rest(line_in *l, uint64_t *at)
{
    tc_sv r;
    while (l->pos < l->n && is_blank(l->p[l->pos]))
        l->pos++;
    *at = l->byte + l->pos;
    r = tc_sv_trim(tc_sv_make(l->p + l->pos, l->n - l->pos));
    return r;
}

static bool is_upper(char c)
{
    return c >= 'A' && c <= 'Z';
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* CC or CC-XXX (ISO 3166-1 alpha-2, ISO 3166-2). */
static bool iso_code(tc_sv f, bool sub)
{
    size_t i;
    if (f.n < 2 || !is_upper(f.p[0]) || !is_upper(f.p[1]))
        return false;
    if (!sub)
        return f.n == 2;
    if (f.n < 4 || f.n > 7 || f.p[2] != '-')
        return false;
    for (i = 3; i < f.n; i++)
        if (!is_upper(f.p[i]) && !is_digit(f.p[i]))
            return false;
    return true;
}

static bool parse_u32(tc_sv f, uint32_t *out)
{
    uint64_t v = 0;
    size_t i;
    if (f.n == 0 || f.n > 10)
        return false;
    for (i = 0; i < f.n; i++) {
        if (!is_digit(f.p[i]))
            return false;
        v = v * 10 + (uint64_t)(f.p[i] - '0');
    }
    if (v > UINT32_MAX)
        return false;
    *out = (uint32_t)v;
    return true;
}

/* A decimal with at most five decimals, in 1e-5 units, within +-max. */
static bool parse_coord(tc_sv f, int32_t max, int32_t *out)
{
    int64_t whole = 0, frac = 0;
    size_t i = 0, digits = 0, decimals = 0;
    bool neg = f.n > 0 && f.p[0] == '-';
    for (i = neg ? 1 : 0; i < f.n && is_digit(f.p[i]) && digits < 4; i++) {
        whole = whole * 10 + (f.p[i] - '0');
        digits++;
    }
    if (digits == 0)
        return false;
    if (i < f.n && f.p[i] == '.') {
        for (i++; i < f.n && is_digit(f.p[i]) && decimals < 5; i++) {
            frac = frac * 10 + (f.p[i] - '0');
            decimals++;
        }
        if (decimals == 0)
            return false;
    }
    if (i != f.n)
        return false;
    while (decimals++ < 5)
        frac *= 10;
    whole = whole * 100000 + frac;
    if (whole > (int64_t)max * 100000)
        return false;
    *out = (int32_t)(neg ? -whole : whole);
    return true;
}

static bool is_dash(tc_sv f)
{
    return f.n == 1 && f.p[0] == '-';
}

/* ---- Lines ------------------------------------------------------------- */

typedef struct loader {
    tc_gazetteer *g;
    tc_warn_fn warn;
    void *warn_ctx;
    size_t *errors;
    alias *aliases;
    size_t alias_count;
} loader;

static void bad(loader *ld, const line_in *l, uint64_t at, const char *what)
{
    (*ld->errors)++;
    tc_warn_line(ld->warn, ld->warn_ctx, l->path, l->line, at, what,
                 l->p + (at - l->byte));
}

/* Keeps one place record per lexicon entry, whatever failed. */
static tc_status sync_places(tc_gazetteer *g, const tc_place_rec *rec)
{
    tc_status st = TC_OK;
    while (g->places.n < tc_lexicon_entry_count(g->lx)) {
        tc_place_rec *r = tc_vec_push(&g->places, &st);
        if (!r)
            return st;
        *r = *rec;
    }
    return st;
}

/* Adds the ';'-separated names to entry `e` (the last one added); the
 * first one made the entry when `first` is set. */
static tc_status add_names(loader *ld, const line_in *l, uint64_t at,
                           uint32_t e, tc_sv names, bool skip_first)
{
    size_t i = 0, count = 0;
    while (i < names.n && count < GAZ_MAX_NAMES) {
        const char *semi = memchr(names.p + i, ';', names.n - i);
        size_t end = semi ? (size_t)(semi - names.p) : names.n;
        tc_sv nm = tc_sv_trim(tc_sv_make(names.p + i, end - i));
        if (nm.n && !(skip_first && count == 0)) {
            tc_status st = tc_lexicon_add_name(ld->g->lx, e, nm.p, nm.n);
            if (st == TC_ERR_INPUT)
                bad(ld, l, at + (size_t)(nm.p - names.p), "bad place name");
            else if (st != TC_OK)
                return st;
        }
        count += nm.n > 0;
        i = end + 1;
    }
    return TC_OK;
}

/* Makes the first of `names` the name shown for place `e`. */
static tc_status set_display(tc_gazetteer *g, uint32_t e, tc_sv names)
{
    const char *semi = memchr(names.p, ';', names.n);
    tc_sv first = tc_sv_trim(
        tc_sv_make(names.p, semi ? (size_t)(semi - names.p) : names.n));
    tc_place_rec *r = e < g->places.n ? tc_vec_at(&g->places, e) : NULL;
    if (!r || first.n == 0)
        return TC_OK;
    r->display = tc_lexicon_intern(g->lx, first.p, first.n);
    return r->display ? TC_OK : TC_ERR_NOMEM;
}

static int alias_cmp(const void *x, const void *y)
{
    return strcmp(((const alias *)x)->id, ((const alias *)y)->id);
}

static alias *find_alias(loader *ld, tc_sv id)
{
    size_t lo = 0, hi = ld->alias_count;
    char key[GAZ_ID_MAX];
    if (id.n >= GAZ_ID_MAX)
        return NULL;
    memcpy(key, id.p, id.n);
    key[id.n] = '\0';
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(ld->aliases[mid].id, key);
        if (c == 0) {
            while (mid > 0 && strcmp(ld->aliases[mid - 1].id, key) == 0)
                mid--;
            return &ld->aliases[mid];
        }
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

/* The names of every alias line for `id`, added to entry `e`. */
static tc_status apply_aliases(loader *ld, tc_sv id, uint32_t e)
{
    alias *a = find_alias(ld, id);
    alias *end = ld->aliases + ld->alias_count;
    tc_status st = TC_OK;
    for (; a && a < end && st == TC_OK && strlen(a->id) == id.n &&
           memcmp(a->id, id.p, id.n) == 0;
         a++) {
        line_in l;
        memset(&l, 0, sizeof l);
        l.path = a->path;
        l.p = a->names;
        l.n = a->names_len;
        l.line = a->line;
        l.byte = a->byte;
        a->used = true;
        st = add_names(ld, &l, a->byte, e, tc_sv_make(a->names, a->names_len),
                       false);
        if (st == TC_OK && a->display)
            st = set_display(ld->g, e, tc_sv_make(a->names, a->names_len));
    }
    return st;
}

/* Reads the seven fields after the kind; returns the failing field's
 * offset in *at and a message, or NULL when the record is good. */
static const char *read_record(line_in *l, char kind, tc_place_rec *r,
                               tc_sv *id, uint64_t *at)
{
    tc_sv f;
    bool lat_dash, lon_dash;
    memset(r, 0, sizeof *r);
    r->kind = kind == 'p' ? TC_PLACE_CITY : kind == 'a' ? TC_PLACE_ADM1
            : kind == 'c' ? TC_PLACE_COUNTRY : TC_PLACE_REGION;
    *id = next_field(l, at);
    if (kind == 'p' && (!parse_u32(*id, &r->geonames_id) || !r->geonames_id))
        return "bad GeoNames id";
    if ((kind == 'c' && !iso_code(*id, false)) ||
        (kind == 'a' && !iso_code(*id, true)) || (kind == 'r' && !is_dash(*id)))
        return "bad place id";
    f = next_field(l, at);
    if (!is_dash(f) && (f.n != 3 || !is_upper(f.p[0]) || !is_upper(f.p[1]) ||
                        !is_upper(f.p[2])))
        return "bad country code";
    if (!is_dash(f))
        memcpy(r->country, f.p, 3);
    f = next_field(l, at);
    if (!is_dash(f) && !iso_code(f, true))
        return "bad subdivision code";
    if (!is_dash(f))
        memcpy(r->adm1, f.p, f.n);
    f = next_field(l, at);
    lat_dash = is_dash(f);
    if (!lat_dash && !parse_coord(f, 90, &r->lat))
        return "bad latitude";
    f = next_field(l, at);
    lon_dash = is_dash(f);
    if (lat_dash != lon_dash || (!lon_dash && !parse_coord(f, 180, &r->lon)))
        return "bad longitude";
    r->has_coords = !lat_dash;
    f = next_field(l, at);
    if (!parse_u32(f, &r->population))
        return "bad population";
    return NULL;
}

static tc_status place_line(loader *ld, line_in *l, char kind)
{
    tc_gazetteer *g = ld->g;
    tc_place_rec rec;
    tc_sv id, names, first;
    uint64_t at;
    uint32_t e;
    const char *semi;
    const char *why = read_record(l, kind, &rec, &id, &at);
    tc_status st;
    if (why) {
        bad(ld, l, at, why);
        return TC_OK;
    }
    names = rest(l, &at);
    semi = memchr(names.p, ';', names.n);
    first = tc_sv_trim(tc_sv_make(names.p, semi ? (size_t)(semi - names.p)
                                                : names.n));
    if (first.n == 0) {
        bad(ld, l, at, "no place name");
        return TC_OK;
    }
    if (g->places.n >= GAZ_MAX_PLACES)
        return TC_ERR_LIMIT;
    st = tc_lexicon_add_entry(g->lx, TC_ACTOR_PLACE, first.p, first.n, &e);
    if (st == TC_OK || st == TC_ERR_INPUT) {
        tc_status s2 = sync_places(g, &rec);
        if (s2 != TC_OK)
            return s2;
    }
    if (st == TC_ERR_INPUT) {
        bad(ld, l, at, "bad place name");
        return TC_OK;
    }
    if (st != TC_OK)
        return st;
    if (rec.kind != TC_PLACE_CITY || rec.population >= GAZ_FUZZY_MIN_POP)
        tc_lexicon_set_fuzzy(g->lx, e);
    st = add_names(ld, l, at, e, names, true);
    if (st == TC_OK && ld->alias_count && !is_dash(id))
        st = apply_aliases(ld, id, e);
    return st;
}

static tc_status alias_line(loader *ld, line_in *l, tc_vec *out, bool display)
{
    uint64_t at, names_at;
    tc_sv id = next_field(l, &at), names;
    alias *a;
    tc_status st;
    if (!(iso_code(id, false) || iso_code(id, true) ||
          (parse_u32(id, &(uint32_t){0}) && id.n < GAZ_ID_MAX))) {
        bad(ld, l, at, "bad place id");
        return TC_OK;
    }
    names = rest(l, &names_at);
    if (names.n == 0) {
        bad(ld, l, names_at, "no place name");
        return TC_OK;
    }
    a = tc_vec_push(out, &st);
    if (!a)
        return st;
    memcpy(a->id, id.p, id.n);
    a->names = names.p;
    a->names_len = names.n;
    a->path = l->path;
    a->line = l->line;
    a->byte = names_at;
    a->display = display;
    return TC_OK;
}

/* Calls `fn` on every non-blank, non-comment line of a text; a line too
 * long is reported in the second pass (read_place). */
typedef tc_status (*line_fn)(loader *ld, line_in *l, void *ctx);
static tc_status read_place(loader *ld, line_in *l, void *ctx);

static tc_status each_line(loader *ld, const char *path, const char *text,
                           size_t n, line_fn fn, void *ctx)
{
    size_t pos = 0;
    uint64_t line = 0;
    tc_status st = TC_OK;
    while (pos < n && st == TC_OK) {
        const char *nl = memchr(text + pos, '\n', n - pos);
        size_t end = nl ? (size_t)(nl - text) : n;
        line_in l;
        memset(&l, 0, sizeof l);
        l.path = path;
        l.p = text + pos;
        l.n = end - pos;
        l.line = ++line;
        l.byte = pos;
        while (l.pos < l.n && is_blank(l.p[l.pos]))
            l.pos++;
        if (l.pos < l.n && l.p[l.pos] != '#') {
            if (l.n > GAZ_MAX_LINE && fn == read_place)
                bad(ld, &l, l.byte, "gazetteer line too long");
            else if (l.n <= GAZ_MAX_LINE)
                st = fn(ld, &l, ctx);
        }
        pos = end + 1;
    }
    return st;
}

static tc_status collect_alias(loader *ld, line_in *l, void *ctx)
{
    uint64_t at;
    tc_sv kind = next_field(l, &at);
    if (kind.n == 1 && (kind.p[0] == '=' || kind.p[0] == 'n'))
        return alias_line(ld, l, ctx, kind.p[0] == 'n');
    return TC_OK;
}

static tc_status read_place(loader *ld, line_in *l, void *ctx)
{
    uint64_t at;
    tc_sv kind = next_field(l, &at);
    (void)ctx;
    if (kind.n == 1 && (kind.p[0] == '=' || kind.p[0] == 'n'))
        return TC_OK; /* read in the first pass */
    if (kind.n != 1 || !strchr("pacr", kind.p[0])) {
        bad(ld, l, at, "bad place kind (want p, a, c, r, = or n)");
        return TC_OK;
    }
    return place_line(ld, l, kind.p[0]);
}

tc_status tc_gazetteer_load_texts(tc_gazetteer *g, const char *const *paths,
                                  const char *const *texts, const size_t *lens,
                                  size_t n, tc_warn_fn warn, void *warn_ctx,
                                  size_t *errors)
{
    loader ld;
    tc_vec aliases;
    size_t i, ignored = 0;
    tc_status st = TC_OK;
    if (g->frozen)
        return TC_ERR_USAGE;
    memset(&ld, 0, sizeof ld);
    ld.g = g;
    ld.warn = warn;
    ld.warn_ctx = warn_ctx;
    ld.errors = errors ? errors : &ignored;
    tc_vec_init(&aliases, g->alloc, sizeof(alias), GAZ_MAX_PLACES);
    for (i = 0; i < n && st == TC_OK; i++)
        st = each_line(&ld, paths[i], texts[i], lens[i], collect_alias,
                       &aliases);
    if (st == TC_OK && aliases.n)
        qsort(aliases.p, aliases.n, sizeof(alias), alias_cmp);
    ld.aliases = aliases.p;
    ld.alias_count = aliases.n;
    for (i = 0; i < n && st == TC_OK; i++)
        st = each_line(&ld, paths[i], texts[i], lens[i], read_place, NULL);
    for (i = 0; i < aliases.n && st == TC_OK; i++) {
        const alias *a = &ld.aliases[i];
        if (!a->used) {
            line_in l;
            memset(&l, 0, sizeof l);
            l.path = a->path;
            l.p = a->names;
            l.n = a->names_len;
            l.line = a->line;
            l.byte = a->byte;
            bad(&ld, &l, a->byte, "no place with this id for the names");
        }
    }
    tc_vec_free(&aliases);
    return st;
}

tc_status tc_gazetteer_load_files(tc_gazetteer *g, const char *const *paths,
                                  size_t n, tc_warn_fn warn, void *warn_ctx,
                                  size_t *errors, tc_error *err)
{
    char *texts[8] = {NULL};
    size_t lens[8] = {0}, i;
    tc_status st = TC_OK;
    if (n > 8)
        return tc_error_set(err, TC_ERR_USAGE, NULL, 0, 0,
                            "at most 8 gazetteer files");
    for (i = 0; i < n && st == TC_OK; i++) {
        st = tc_read_file(g->alloc, paths[i], GAZ_MAX_FILE, &texts[i], &lens[i]);
        if (st != TC_OK)
            tc_error_set(err, st, paths[i], 0, 0,
                         st == TC_ERR_LIMIT
                             ? "gazetteer over 256 MiB"
                             : "cannot read the gazetteer (build it with make, "
                               "or set TACITUS_GAZETTEER or --gazetteer)");
    }
    if (st == TC_OK) {
        st = tc_gazetteer_load_texts(g, paths, (const char *const *)texts,
                                     lens, n, warn, warn_ctx, errors);
        if (st != TC_OK)
            tc_error_set(err, st, NULL, 0, 0, "cannot load the gazetteer: %s",
                         tc_status_str(st));
    }
    for (i = 0; i < n; i++)
        tc_free(g->alloc, texts[i]);
    return st;
}

/* ---- Indexes ----------------------------------------------------------- */

static int country_cmp(const void *x, const void *y)
{
    return strcmp(((const country_ix *)x)->code, ((const country_ix *)y)->code);
}

static int adm1_cmp(const void *x, const void *y)
{
    const tc_adm1_entry *p = x, *q = y;
    int c = strcmp(p->adm1, q->adm1);
    if (c)
        return c;
    if (p->population != q->population)
        return p->population > q->population ? -1 : 1;
    return p->entry < q->entry ? -1 : p->entry > q->entry;
}

/* Notes the first byte and length of a place's first name's key. */
static bool first_key(void *ctx, const char *words)
{
    tc_adm1_entry *a = ctx;
    size_t n = strlen(words);
    a->key0 = words[0];
    a->key_len = (uint8_t)TC_MIN(n, 255u);
    return false;
}

static tc_status build_indexes(tc_gazetteer *g)
{
    uint32_t i;
    tc_status st = TC_OK;
    for (i = 0; i < g->places.n && st == TC_OK; i++) {
        const tc_place_rec *r = tc_vec_at(&g->places, i);
        if (r->kind == TC_PLACE_COUNTRY && r->country[0]) {
            country_ix *c = tc_vec_push(&g->countries, &st);
            if (c) {
                memcpy(c->code, r->country, 4);
                c->entry = i;
            }
        } else if (r->kind == TC_PLACE_CITY && r->adm1[0]) {
            tc_adm1_entry *a = tc_vec_push(&g->by_adm1, &st);
            if (a) {
                memcpy(a->adm1, r->adm1, sizeof a->adm1);
                a->population = r->population;
                a->entry = i;
                tc_lexicon_entry_names(g->lx, i, first_key, a);
            }
        }
    }
    if (st != TC_OK)
        return st;
    if (g->countries.n)
        qsort(g->countries.p, g->countries.n, sizeof(country_ix), country_cmp);
    if (g->by_adm1.n)
        qsort(g->by_adm1.p, g->by_adm1.n, sizeof(tc_adm1_entry), adm1_cmp);
    return TC_OK;
}

tc_status tc_gazetteer_freeze(tc_gazetteer *g)
{
    tc_status st;
    if (g->frozen)
        return TC_OK;
    st = tc_lexicon_freeze(g->lx);
    if (st == TC_OK)
        st = build_indexes(g);
    if (st == TC_OK)
        g->frozen = true;
    return st;
}

/* ---- Lookup ------------------------------------------------------------ */

size_t tc_gazetteer_count(const tc_gazetteer *g)
{
    return g ? g->places.n : 0;
}

const tc_lexicon *tc_gazetteer_lexicon(const tc_gazetteer *g)
{
    return g->lx;
}

const tc_place_rec *tc_gazetteer_place(const tc_gazetteer *g, uint32_t i)
{
    return i < g->places.n ? tc_vec_at(&g->places, i) : NULL;
}

const char *tc_gazetteer_name(const tc_gazetteer *g, uint32_t i)
{
    const tc_entry *e = tc_lexicon_entry(g->lx, i);
    const tc_place_rec *r = tc_gazetteer_place(g, i);
    if (r && r->display)
        return tc_lexicon_str(g->lx, r->display);
    return e ? tc_lexicon_str(g->lx, e->name) : "";
}

int32_t tc_gazetteer_country(const tc_gazetteer *g, const char *alpha3)
{
    const country_ix *c = g->countries.p;
    size_t lo = 0, hi = g->countries.n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int d = strcmp(c[mid].code, alpha3);
        if (d == 0)
            return (int32_t)c[mid].entry;
        if (d < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

size_t tc_gazetteer_in_adm1(const tc_gazetteer *g, const char *adm1,
                            const tc_adm1_entry **out)
{
    const tc_adm1_entry *e = g->by_adm1.p;
    size_t lo = 0, hi = g->by_adm1.n, first;
    *out = NULL;
    if (!e)
        return 0;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(e[mid].adm1, adm1) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    first = lo;
    hi = g->by_adm1.n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(e[mid].adm1, adm1) <= 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    *out = e + first;
    return lo - first;
}
