/*
 * places.c - the places an article names, after its actors are found.
 *
 * Names are matched with the gazetteer's lexicon (the actor matcher's keys
 * and trie); an unknown capitalized word may be a misspelled place, on
 * guarded terms (below).  Each name is then resolved and judged:
 *
 *  - Resolution: among the places of that name, the highest score wins:
 *    size (log2 of the population; a country counts as 10^8 people, a
 *    subdivision as at least 300,000, a region 10^6), plus a bonus when
 *    its country is one the article names (actors and places), a larger
 *    one when its subdivision is named in the article ("Paris" in an
 *    article that names Texas), and the largest when a qualifier follows
 *    ("Paris, Texas").
 *  - Metonyms: a name that is also an actor mention ("Moscow said",
 *    "Like Washington, Paris insisted") is a place only in place context:
 *    a locative preposition before it (in, at, near, outside, from, to,
 *    into, ... across "the", a direction or "city of"), a place noun after
 *    it (region, oblast, province), an "of" after a noun of place or
 *    conquest (annexation of, outskirts of), a direction adjective
 *    ("eastern Ukraine"), or a list or parenthesis with a place.  A name
 *    inside a longer actor mention (Donetsk People's Republic) never is.
 *  - Other names are places in place context, or when they are a country,
 *    region or subdivision, or a city of 100,000 people or more or in a
 *    country of the article; not at the start of a sentence or in a title
 *    without context, not beside another unknown capitalized word (a
 *    person: Paris Hilton), not before a speech verb or a possessive.
 *  - Misspellings: a capitalized word of five letters or more that neither
 *    dictionary knows, in place context, is the place within one edit
 *    (the lexicon's fuzzy index: Lukansk -> Luhansk) when exactly one such
 *    place lies in a country of the article; a word of eight letters or
 *    more may be two edits away from a town of a subdivision the article
 *    names (Novosovsk -> Novoazovsk, Donetsk oblast).
 *
 * The place of a sentence (for events and counts): its most specific
 * mention (city, then subdivision, region, country; the first of equals),
 * else its paragraph's; else the article's dominant country (the country
 * most place mentions are in), else none.
 */
#include "extract.h"

#include <stdlib.h>
#include <string.h>

#define MAX_CANDS_PER_NAME 64u  /* places of one name looked at */
#define MAX_FUZZY_LOOKUPS 256u  /* misspelling lookups per article */
#define MAX_WIDE_LOOKUPS 16u    /* two-edit scans per article */
#define MAX_WIDE_SCAN 4000u     /* towns of one subdivision scanned */
#define BIG_CITY 100000u
#define TOWN 20000u             /* a place without context: at least this */
#define WALK_BACK 4u            /* words skipped looking for a preposition */

/* Score units: a quarter of a doubling of population. */
#define BONUS_COUNTRY 10
#define BONUS_ADM1 26
#define BONUS_QUALIFIER 160
#define FEW_ADM1S 2             /* subdivisions named, for BONUS_ADM1 */

void tc_places_init(tc_places *p, const tc_allocator *a, size_t max)
{
    memset(p, 0, sizeof *p);
    tc_vec_init(&p->mentions, a, sizeof(tc_place_mention), max);
    p->dominant = -1;
}

void tc_places_clear(tc_places *p)
{
    tc_vec_clear(&p->mentions);
    p->best = NULL;
    p->best_n = 0;
    p->dominant = -1;
    p->ncountries = p->nadm1s = 0;
}

void tc_places_free(tc_places *p)
{
    tc_vec_free(&p->mentions);
}

/* ---- Word classes ------------------------------------------------------ */

static bool word_in(const char *k, size_t n, const char *const *list)
{
    size_t i;
    for (i = 0; list[i]; i++)
        if (strlen(list[i]) == n && memcmp(list[i], k, n) == 0)
            return true;
    return false;
}

static const char *const locatives[] = {
    "in", "at", "near", "outside", "from", "to", "into", "inside", "across",
    "around", "towards", "toward", "through", "throughout", "within", "via",
    "along", "nearby", NULL};
/* Those that never take a person ("lost to Clinton", "a gift from Bush"). */
static const char *const strong_locatives[] = {
    "in", "at", "near", "outside", "inside", "across", "around",
    "throughout", "within", "nearby", NULL};
/* Words that may stand between a preposition and the name. */
static const char *const skippable[] = {
    "the", "a", "an", "city", "town", "village", "region", "province",
    "capital", "district", "port", "of", "north", "south", "east", "west",
    "eastern", "western", "northern", "southern", "central", "part", "parts",
    "outskirts", "suburbs", "centre", "center", "downtown", "area", NULL};
/* Nouns whose "of" names a place: the outskirts of X, the annexation of X. */
static const char *const place_of[] = {
    "annexation", "invasion", "occupation", "siege", "outskirts", "suburbs",
    "city", "town", "village", "region", "province", "capital", "centre",
    "center", "streets", "north", "south", "east", "west", "part", "parts",
    "liberation", "capture", "bombardment", "shelling", "residents", "mayor",
    "governor", "heart", "border", NULL};
/* Nouns after a name that make it a place: the Novosovsk region. */
static const char *const place_nouns[] = {
    "region", "oblast", "province", "district", "county", "city", "town",
    "village", "area", "governorate", "prefecture", "state", "airport",
    "municipality", "raion", "outskirts", NULL};
static const char *const directions[] = {
    "eastern", "western", "northern", "southern", "central", "northeastern",
    "northwestern", "southeastern", "southwestern", NULL};
/* Subdivisions named by a compass word alone (Cameroon's East, Fiji's
 * Western) are too often the word: never a place by that name alone. */
static const char *const compass[] = {
    "east", "west", "north", "south", "centre", "center", "central",
    "eastern", "western", "northern", "southern", "northeast", "northwest",
    "southeast", "southwest", "north-east", "north-west", "south-east",
    "south-west", "coast", "coastal", "capital", "lakes", "islands", "plateau",
    "littoral", "mountain", "upper", "lower", NULL};

/* ---- The article ------------------------------------------------------- */

typedef struct cand {
    uint32_t sent;           /* 0-based */
    uint32_t tok0, tok1;     /* the span, with a direction adjective */
    uint32_t name0;          /* the first token of the name itself */
    const uint32_t *entries; /* exact: the places of the name */
    uint32_t n;
    int32_t chosen;          /* gazetteer entry, -1 */
    int32_t qualifier;       /* index of a ", Texas" cand after it, -1 */
    uint8_t fuzzy, context, metonym, blocked, direction, accepted;
    uint8_t initial;         /* at a sentence start or in a title */
    uint8_t lonely;          /* beside an unknown capitalized word */
    uint8_t actor_use;       /* before a speech verb or a possessive */
    uint8_t name_word;       /* a word of a person's or a thing's name in
                              * this article (Clinton, Carson, Wall) */
} cand;

typedef struct article {
    const tc_gazetteer *g;
    const tc_lexicon *lx;    /* the gazetteer's */
    const tc_place_input *in;
    tc_arena *arena;
    tc_places *out;
    int32_t *cover;          /* per token: the actor mention over it, -1 */
    uint8_t *metonym_of;     /* per actor mention: a place name as well */
    tc_vec name_words;       /* uint32 gazetteer key ids, sorted */
    tc_vec cands;            /* cand */
    size_t fuzzy_lookups, wide_lookups;
} article;

static const tc_tok *tok_at(const article *a, uint32_t t)
{
    return tc_vec_at(a->in->toks, t);
}

static tc_sv key_at(const article *a, uint32_t t)
{
    size_t n;
    const char *k = tc_key_of(a->in->keys, t, &n);
    return tc_sv_make(k, n);
}

static bool key_in(const article *a, uint32_t t, const char *const *list)
{
    tc_sv k = key_at(a, t);
    return word_in(k.p, k.n, list);
}

static bool key_is(const article *a, uint32_t t, const char *w)
{
    tc_sv k = key_at(a, t);
    return k.n == strlen(w) && memcmp(k.p, w, k.n) == 0;
}

static const tc_sent *sent_at(const article *a, uint32_t s)
{
    return tc_vec_at(a->in->sents, s);
}

static bool in_title(const article *a, uint32_t s)
{
    const tc_para *p = tc_vec_at(a->in->paras, sent_at(a, s)->para);
    return p->role == TC_ROLE_TITLE || p->role == TC_ROLE_SUBHEAD;
}

static void add_country(tc_places *o, const char *c, uint32_t weight)
{
    size_t i;
    if (!c[0])
        return;
    for (i = 0; i < o->ncountries; i++)
        if (memcmp(o->countries[i], c, 4) == 0) {
            o->country_count[i] += weight;
            return;
        }
    if (o->ncountries < TC_PLACE_CONTEXT) {
        memcpy(o->countries[o->ncountries], c, 4);
        o->country_count[o->ncountries++] = weight;
    }
}

static bool has_country(const tc_places *o, const char *c)
{
    size_t i;
    for (i = 0; c[0] && i < o->ncountries; i++)
        if (memcmp(o->countries[i], c, 4) == 0)
            return true;
    return false;
}

static void add_adm1(tc_places *o, const char *c)
{
    size_t i;
    for (i = 0; i < o->nadm1s; i++)
        if (strcmp(o->adm1s[i], c) == 0)
            return;
    if (c[0] && o->nadm1s < TC_PLACE_CONTEXT)
        memcpy(o->adm1s[o->nadm1s++], c, 8);
}

static bool has_adm1(const tc_places *o, const char *c)
{
    size_t i;
    for (i = 0; c[0] && i < o->nadm1s; i++)
        if (strcmp(o->adm1s[i], c) == 0)
            return true;
    return false;
}

/* Actor mentions: which tokens they cover. */
static tc_status actor_cover(article *a)
{
    const tc_vec *m = a->in->mentions;
    size_t i, t;
    a->cover = tc_arena_alloc(a->arena, (a->in->toks->n + 1) * sizeof *a->cover);
    if (!a->cover)
        return TC_ERR_NOMEM;
    for (t = 0; t < a->in->toks->n; t++)
        a->cover[t] = -1;
    for (i = 0; m && i < m->n; i++) {
        const tc_mention *x = tc_vec_at(m, i);
        for (t = x->tok0; t < x->tok1 && t < a->in->toks->n; t++)
            a->cover[t] = (int32_t)i;
    }
    return TC_OK;
}

/* The countries actors name (only real countries: the gazetteer has
 * them), except through a place name itself ("Paris" as an actor is
 * France, but must not make the place Paris French), and except a lone
 * role noun or a pronoun, whose country is inferred from the others ("the
 * mayor" near "Paris"). */
static void actor_countries(article *a)
{
    const tc_vec *m = a->in->mentions;
    size_t i;
    for (i = 0; m && i < m->n; i++) {
        const tc_mention *x = tc_vec_at(m, i);
        if ((a->metonym_of && a->metonym_of[i]) || x->match == TC_MATCH_COREF ||
            (x->type == TC_ACTOR_AGENT && x->tok1 - x->tok0 < 2))
            continue; /* "Russian forces" counts, "the mayor" does not */
        if (tc_gazetteer_country(a->g, x->country) >= 0)
            add_country(a->out, x->country, 1);
    }
}

/* ---- Candidates -------------------------------------------------------- */

static bool is_inner_hyphen(const article *a, uint32_t t, uint32_t end)
{
    const tc_tok *k = tok_at(a, t);
    return k->kind == TC_TOKEN_PUNCT && k->end - k->start == 1 &&
           a->in->norm[k->start] == '-' && (k->flags & TC_TOKEN_JOINED) &&
           t + 1 < end && (tok_at(a, t + 1)->flags & TC_TOKEN_JOINED);
}

/* Whether the word at t may be a misspelled place: capitalized, five
 * letters or more, known to neither dictionary, in no actor mention. */
static bool fuzzy_word(const article *a, uint32_t t, uint32_t gaz_key)
{
    const tc_tok *k = tok_at(a, t);
    tc_sv key = key_at(a, t);
    size_t i;
    if (gaz_key || k->kind != TC_TOKEN_WORD || a->cover[t] >= 0 ||
        !(k->flags & TC_TOKEN_CAPITALIZED) || (k->flags & TC_TOKEN_ALL_CAPS) ||
        key.n < 5 || key.n >= 64)
        return false;
    for (i = 0; i < key.n; i++)
        if ((key.p[i] < 'a' || key.p[i] > 'z') && key.p[i] != '-')
            return false;
    return !a->in->actors || !tc_lexicon_key_id(a->in->actors, key.p, key.n);
}

static tc_status push_cand(article *a, uint32_t s, uint32_t t0, uint32_t t1,
                           const tc_name_hit *hit)
{
    tc_status st;
    cand *c = tc_vec_push(&a->cands, &st);
    if (!c)
        return st;
    c->sent = s;
    c->tok0 = c->name0 = t0;
    c->tok1 = t1;
    c->chosen = c->qualifier = -1;
    if (hit) {
        c->entries = hit->entries;
        c->n = TC_MIN(hit->entry_count, MAX_CANDS_PER_NAME);
    } else {
        c->fuzzy = 1;
    }
    return TC_OK;
}

/* The names of one sentence, exact and possibly misspelled. */
static tc_status sentence_cands(article *a, uint32_t s, tc_match_tok *mt,
                                uint32_t *map)
{
    const tc_sent *se = sent_at(a, s);
    uint32_t t, end = se->first_token + se->token_count;
    size_t n = 0, i;
    tc_status st = TC_OK;
    for (t = se->first_token; t < end; t++) {
        const tc_tok *k = tok_at(a, t);
        tc_sv key;
        if (is_inner_hyphen(a, t, end))
            continue;
        key = key_at(a, t);
        /* A name starts with a capitalized word: other words are looked up
         * only to continue one (Rostov-on-Don, Bosnia and Herzegovina). */
        mt[n].key = (k->flags & TC_TOKEN_CAPITALIZED) || (n && mt[n - 1].key)
                        ? tc_lexicon_key_id(a->lx, key.p, key.n)
                        : 0;
        mt[n].caps = (uint8_t)(((k->flags & TC_TOKEN_CAPITALIZED) ? 1 : 0) |
                               ((k->flags & TC_TOKEN_ALL_CAPS) ? 3 : 0));
        map[n++] = t;
    }
    for (i = 0; i < n && st == TC_OK;) {
        tc_name_hit hit = {0, NULL, 0};
        if (mt[i].key)
            hit = tc_lexicon_match(a->lx, mt, n, i);
        if (hit.len) {
            st = push_cand(a, s, map[i], map[i + hit.len - 1] + 1, &hit);
            i += hit.len;
            continue;
        }
        if (fuzzy_word(a, map[i], mt[i].key))
            st = push_cand(a, s, map[i], map[i] + 1, NULL);
        i++;
    }
    return st;
}

/* ---- Context ----------------------------------------------------------- */

static bool is_word(const article *a, uint32_t t)
{
    return tok_at(a, t)->kind == TC_TOKEN_WORD;
}

/* A locative preposition before the name, across a few skippable words
 * (2 when it never takes a person, 1 for to, from, via ...); or a noun of
 * place and "of" right before it (2). */
static int locative_before(const article *a, const cand *c)
{
    uint32_t first = sent_at(a, c->sent)->first_token, t = c->tok0, steps = 0;
    if (t >= first + 2 && key_is(a, t - 1, "of") && key_in(a, t - 2, place_of))
        return 2;
    while (t > first && steps++ <= WALK_BACK) {
        t--;
        if (key_in(a, t, locatives))
            return key_in(a, t, strong_locatives) ? 2 : 1;
        if (!key_in(a, t, skippable))
            return 0;
    }
    return 0;
}

static bool noun_after(const article *a, const cand *c)
{
    const tc_sent *se = sent_at(a, c->sent);
    return c->tok1 < se->first_token + se->token_count &&
           !(tok_at(a, c->tok1)->flags & TC_TOKEN_CAPITALIZED) &&
           key_in(a, c->tok1, place_nouns);
}

/* Another capitalized word right before or after (not across
 * punctuation), not a place noun: the name is part of a person's or a
 * thing's name (Paris Hilton, Georgia Tech). */
static bool beside_unknown(const article *a, const cand *c)
{
    const tc_sent *se = sent_at(a, c->sent);
    uint32_t end = se->first_token + se->token_count;
    uint32_t sides[2], i;
    sides[0] = c->name0 > se->first_token ? c->name0 - 1 : UINT32_MAX;
    sides[1] = c->tok1 < end ? c->tok1 : UINT32_MAX;
    for (i = 0; i < 2; i++) {
        uint32_t t = sides[i];
        tc_sv k;
        if (t == UINT32_MAX || !is_word(a, t) ||
            !(tok_at(a, t)->flags & TC_TOKEN_CAPITALIZED))
            continue;
        k = key_at(a, t);
        if (i == 0 && t == se->first_token && a->cover[t] < 0 &&
            !tc_lexicon_key_id(a->lx, k.p, k.n))
            continue; /* a sentence's first word is capitalized anyway */
        if (!word_in(k.p, k.n, place_nouns) && !word_in(k.p, k.n, directions))
            return true;
    }
    return false;
}

/* "Moscow said", "Kyiv's forces": the name acts. */
static bool acts(const article *a, const cand *c)
{
    const tc_sent *se = sent_at(a, c->sent);
    tc_sv k;
    if (c->tok1 >= se->first_token + se->token_count)
        return false;
    k = key_at(a, c->tok1);
    return (k.n == 2 && memcmp(k.p, "'s", 2) == 0) ||
           tc_wordlist_has(&tc_list_speech_verbs, k.p, k.n);
}

/* A direction adjective before a country or subdivision. */
static void direction(article *a, cand *c)
{
    uint32_t i;
    if (c->fuzzy || c->tok0 <= sent_at(a, c->sent)->first_token ||
        !key_in(a, c->tok0 - 1, directions))
        return;
    for (i = 0; i < c->n; i++) {
        const tc_place_rec *r = tc_gazetteer_place(a->g, c->entries[i]);
        if (r->kind == TC_PLACE_COUNTRY || r->kind == TC_PLACE_ADM1) {
            c->direction = 1;
            c->tok0--;
            return;
        }
    }
}

static int u32_cmp(const void *x, const void *y)
{
    uint32_t p = *(const uint32_t *)x, q = *(const uint32_t *)y;
    return p < q ? -1 : p > q;
}

/* Words of the article's names of people and things: the words of person
 * mentions, and capitalized words next to another capitalized word
 * (Bernie Sanders, Wall Street), not at a sentence's start.  A town of
 * that name needs place context. */
static tc_status collect_name_words(article *a)
{
    const tc_vec *toks = a->in->toks;
    size_t s, n;
    uint32_t t;
    tc_status st = TC_OK;
    for (s = 0; s < a->in->sents->n && st == TC_OK; s++) {
        const tc_sent *se = sent_at(a, (uint32_t)s);
        uint32_t end = se->first_token + se->token_count;
        for (t = se->first_token; t < end && st == TC_OK; t++) {
            const tc_tok *k = tc_vec_at(toks, t);
            const tc_mention *m = a->cover[t] >= 0
                ? tc_vec_at(a->in->mentions, (size_t)a->cover[t]) : NULL;
            bool caps_pair = false;
            tc_sv key;
            uint32_t id, *slot;
            if (k->kind != TC_TOKEN_WORD || !(k->flags & TC_TOKEN_CAPITALIZED))
                continue;
            if (t + 1 < end && !(k->flags & TC_TOKEN_ALL_CAPS))
                caps_pair = (tok_at(a, t + 1)->flags & TC_TOKEN_CAPITALIZED) &&
                            tok_at(a, t + 1)->kind == TC_TOKEN_WORD;
            if (t > se->first_token + 1 && !caps_pair)
                caps_pair = (tok_at(a, t - 1)->flags & TC_TOKEN_CAPITALIZED) &&
                            tok_at(a, t - 1)->kind == TC_TOKEN_WORD;
            if (!caps_pair && !(m && m->type == TC_ACTOR_PERSON))
                continue;
            key = key_at(a, t);
            id = tc_lexicon_key_id(a->lx, key.p, key.n);
            if (!id)
                continue;
            slot = tc_vec_push(&a->name_words, &st);
            if (slot)
                *slot = id;
        }
    }
    n = a->name_words.n;
    if (st == TC_OK && n)
        qsort(a->name_words.p, n, sizeof(uint32_t), u32_cmp);
    return st == TC_ERR_LIMIT ? TC_OK : st;
}

static bool is_name_word(const article *a, uint32_t t)
{
    tc_sv key = key_at(a, t);
    uint32_t id = tc_lexicon_key_id(a->lx, key.p, key.n);
    const uint32_t *w = a->name_words.p;
    size_t lo = 0, hi = a->name_words.n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (w[mid] == id)
            return true;
        if (w[mid] < id)
            lo = mid + 1;
        else
            hi = mid;
    }
    return false;
}

static bool has_kind(const article *a, const cand *c, tc_place_kind kind)
{
    uint32_t i;
    for (i = 0; i < c->n; i++)
        if (tc_gazetteer_place(a->g, c->entries[i])->kind == kind)
            return true;
    return false;
}

/* Whether one of the places of a name is the country `code` itself. */
static bool names_country(const article *a, const cand *c, const char *code)
{
    uint32_t i;
    for (i = 0; i < c->n; i++) {
        const tc_place_rec *r = tc_gazetteer_place(a->g, c->entries[i]);
        if (r->kind == TC_PLACE_COUNTRY && strcmp(r->country, code) == 0)
            return true;
    }
    return false;
}

static void read_context(article *a, cand *c)
{
    const tc_sent *se = sent_at(a, c->sent);
    uint32_t t;
    int32_t m = -1;
    int loc;
    bool same = true;
    direction(a, c);
    if (c->tok1 - c->name0 == 1) {
        tc_sv k = key_at(a, c->name0);
        if (key_in(a, c->name0, compass) ||
            tc_wordlist_has(&tc_list_calendar_words, k.p, k.n))
            c->blocked = 1; /* East, Central; March, August */
        c->name_word = (uint8_t)is_name_word(a, c->name0);
    }
    for (t = c->name0; t < c->tok1; t++) {
        if (a->cover[t] >= 0 && m < 0)
            m = a->cover[t];
        if (a->cover[t] != m)
            same = false;
    }
    if (m >= 0) {
        const tc_mention *x = tc_vec_at(a->in->mentions, (size_t)m);
        bool exact = same && x->tok0 == c->name0 && x->tok1 == c->tok1;
        if (exact && (x->type == TC_ACTOR_STATE || x->type == TC_ACTOR_PLACE)) {
            c->metonym = 1;
            if (a->metonym_of && (!names_country(a, c, x->country) ||
                                  has_kind(a, c, TC_PLACE_ADM1)))
                a->metonym_of[m] = 1; /* Paris; Georgia (or the state) */
        } else
            c->blocked = 1;
    }
    loc = locative_before(a, c);
    c->context = (uint8_t)(c->direction || loc || noun_after(a, c));
    if (c->name_word && loc == 1 && !c->direction && !noun_after(a, c))
        c->context = 0; /* "lost to Clinton": a person */
    c->initial = (uint8_t)(c->tok0 == se->first_token || in_title(a, c->sent));
    c->lonely = (uint8_t)(c->tok1 - c->name0 == 1 && beside_unknown(a, c));
    c->actor_use = (uint8_t)acts(a, c);
}

/* ---- Resolution -------------------------------------------------------- */

/* About 4 * log2(x): a quarter of a doubling. */
static int log4(uint64_t x)
{
    int n = 0;
    if (x < 2)
        return 0;
    while ((x >> n) > 1)
        n++;
    return 4 * n + (int)((x << 2 >> n) & 3);
}

static int importance(const tc_place_rec *r)
{
    uint64_t pop = r->population;
    if (r->kind == TC_PLACE_COUNTRY)
        pop = 100000000u;
    else if (r->kind == TC_PLACE_ADM1)
        pop = TC_MAX(pop, 300000u);
    else if (r->kind == TC_PLACE_REGION)
        pop = TC_MAX(pop, 1000000u);
    return log4(pop);
}

static bool qualifies(const tc_place_rec *r, const tc_place_rec *q)
{
    if (q->kind == TC_PLACE_ADM1)
        return strcmp(r->adm1, q->adm1) == 0;
    return q->kind == TC_PLACE_COUNTRY && strcmp(r->country, q->country) == 0;
}

static int score(const article *a, const tc_place_rec *r, const cand *qual)
{
    int s = importance(r);
    uint32_t i;
    if (has_country(a->out, r->country))
        s += BONUS_COUNTRY;
    /* a town of a subdivision the article names, when it names few (an
     * article on the primaries names every state) */
    if (r->kind == TC_PLACE_CITY && has_adm1(a->out, r->adm1) &&
        a->out->nadm1s <= FEW_ADM1S)
        s += BONUS_ADM1;
    for (i = 0; qual && i < qual->n; i++)
        if (qualifies(r, tc_gazetteer_place(a->g, qual->entries[i]))) {
            s += BONUS_QUALIFIER;
            break;
        }
    return s;
}

/* The highest score wins; but a subdivision or country beats a town under
 * 100,000 people of its own country that has the same name (Nevada,
 * Missouri is not what "Nevada" means), unless a qualifier chose the
 * town. */
static int32_t choose(const article *a, const uint32_t *entries, uint32_t n,
                      const cand *qual)
{
    int32_t best = -1, area = -1;
    int best_score = 0, area_score = 0;
    uint32_t i;
    const tc_place_rec *b;
    for (i = 0; i < n; i++) {
        const tc_place_rec *r = tc_gazetteer_place(a->g, entries[i]);
        int s = score(a, r, qual);
        if (best < 0 || s > best_score) {
            best = (int32_t)entries[i];
            best_score = s;
        }
        if (r->kind != TC_PLACE_CITY && (area < 0 || s > area_score)) {
            area = (int32_t)entries[i];
            area_score = s;
        }
    }
    if (best < 0 || area < 0 || best_score >= BONUS_QUALIFIER)
        return best;
    b = tc_gazetteer_place(a->g, (uint32_t)best);
    /* Georgia in an American article is the state */
    if (b->kind == TC_PLACE_COUNTRY && !has_country(a->out, b->country)) {
        for (i = 0; i < n; i++) {
            const tc_place_rec *r = tc_gazetteer_place(a->g, entries[i]);
            if (r->kind == TC_PLACE_ADM1 && has_country(a->out, r->country))
                return (int32_t)entries[i];
        }
    }
    if (b->kind == TC_PLACE_CITY && b->population < BIG_CITY &&
        strcmp(b->country, tc_gazetteer_place(a->g, (uint32_t)area)->country) == 0)
        return area;
    return best;
}

/* ", Texas" right after a name: the next candidate, a country or
 * subdivision, one comma away. */
static void find_qualifiers(article *a)
{
    size_t i;
    for (i = 0; i + 1 < a->cands.n; i++) {
        cand *c = tc_vec_at(&a->cands, i), *d = tc_vec_at(&a->cands, i + 1);
        if (c->fuzzy || d->fuzzy || d->sent != c->sent || d->tok0 != c->tok1 + 1 ||
            !key_is(a, c->tok1, ","))
            continue;
        if (choose(a, d->entries, d->n, NULL) >= 0) {
            const tc_place_rec *r =
                tc_gazetteer_place(a->g, (uint32_t)choose(a, d->entries, d->n, NULL));
            if (r->kind == TC_PLACE_ADM1 || r->kind == TC_PLACE_COUNTRY)
                c->qualifier = (int32_t)(i + 1);
        }
    }
}

static const cand *qual_of(const article *a, const cand *c)
{
    return c->qualifier >= 0 ? tc_vec_at(&a->cands, (size_t)c->qualifier) : NULL;
}

/* Chooses every exact name's place; the article's countries and
 * subdivisions grow from the unambiguous ones first. */
static void resolve_exact(article *a)
{
    size_t i;
    for (i = 0; i < a->cands.n; i++) {
        cand *c = tc_vec_at(&a->cands, i);
        const tc_place_rec *r;
        if (c->fuzzy || c->blocked)
            continue;
        c->chosen = choose(a, c->entries, c->n, qual_of(a, c));
        r = c->chosen >= 0 ? tc_gazetteer_place(a->g, (uint32_t)c->chosen) : NULL;
        if (r && r->kind == TC_PLACE_COUNTRY && !c->metonym &&
            !has_kind(a, c, TC_PLACE_ADM1))
            add_country(a->out, r->country, 1);
        if (r && r->kind == TC_PLACE_ADM1 && (c->context || c->qualifier < 0)) {
            add_adm1(a->out, r->adm1);
            add_country(a->out, r->country, 1);
        }
    }
    for (i = 0; i < a->cands.n; i++) {
        cand *c = tc_vec_at(&a->cands, i);
        if (!c->fuzzy && !c->blocked)
            c->chosen = choose(a, c->entries, c->n, qual_of(a, c));
    }
}

/* ---- Judgement --------------------------------------------------------- */

static bool plain_place(const article *a, const cand *c)
{
    const tc_place_rec *r = tc_gazetteer_place(a->g, (uint32_t)c->chosen);
    if (c->actor_use || c->lonely)
        return false;
    if (r->kind == TC_PLACE_COUNTRY || r->kind == TC_PLACE_REGION)
        return true;
    if (c->initial)
        return false;
    if (r->kind == TC_PLACE_ADM1)
        return true;
    if (c->name_word)
        return false;
    return r->population >= BIG_CITY ||
           (r->population >= TOWN && has_country(a->out, r->country));
}

static void judge(article *a)
{
    size_t i;
    for (i = 0; i < a->cands.n; i++) {
        cand *c = tc_vec_at(&a->cands, i);
        if (c->blocked || c->chosen < 0)
            continue;
        if ((c->context && !c->lonely) || c->qualifier >= 0)
            c->accepted = 1;
        else if (!c->metonym && !c->fuzzy)
            c->accepted = (uint8_t)plain_place(a, c);
        if (i > 0 && ((cand *)tc_vec_at(&a->cands, i - 1))->qualifier ==
                         (int32_t)i)
            c->accepted = 1; /* the Texas of "Paris, Texas" */
    }
}

/* Whether only "and", "or", ",", "(" stand between two names. */
static bool linked(const article *a, const cand *x, const cand *y)
{
    uint32_t t;
    if (x->sent != y->sent || y->tok0 < x->tok1 || y->tok0 - x->tok1 > 2 ||
        y->tok0 == x->tok1)
        return false;
    for (t = x->tok1; t < y->tok0; t++)
        if (!key_is(a, t, "and") && !key_is(a, t, "or") && !key_is(a, t, ",") &&
            !key_is(a, t, "("))
            return false;
    return true;
}

/* A name in a list or a parenthesis with a place is a place. */
static void propagate(article *a)
{
    bool changed = true;
    int rounds = 0;
    while (changed && rounds++ < 4) {
        size_t i;
        changed = false;
        for (i = 0; i + 1 < a->cands.n; i++) {
            cand *x = tc_vec_at(&a->cands, i), *y = tc_vec_at(&a->cands, i + 1);
            if (!linked(a, x, y) || x->accepted == y->accepted)
                continue;
            if (!x->accepted && !x->blocked && x->chosen >= 0)
                x->accepted = changed = true;
            else if (!y->accepted && !y->blocked && y->chosen >= 0)
                y->accepted = changed = true;
        }
    }
}

/* Also counts a fuzzy name as in context when a place is linked to it. */
static bool linked_to_place(const article *a, size_t i)
{
    const cand *c = tc_vec_at(&a->cands, i);
    return (i > 0 && ((const cand *)tc_vec_at(&a->cands, i - 1))->accepted &&
            linked(a, tc_vec_at(&a->cands, i - 1), c)) ||
           (i + 1 < a->cands.n &&
            ((const cand *)tc_vec_at(&a->cands, i + 1))->accepted &&
            linked(a, c, tc_vec_at(&a->cands, i + 1)));
}

/* ---- Misspellings ------------------------------------------------------ */

/* One edit: the gazetteer's fuzzy index; exactly one place in a country
 * of the article. */
static int32_t fuzzy_one(article *a, tc_sv key)
{
    uint32_t entries[32], words[32];
    size_t n = tc_lexicon_fuzzy(a->lx, key.p, key.n, entries, words, 32), i;
    int32_t found = -1;
    for (i = 0; i < TC_MIN(n, 32u); i++) {
        const tc_place_rec *r = tc_gazetteer_place(a->g, entries[i]);
        if (!has_country(a->out, r->country) || found == (int32_t)entries[i])
            continue;
        if (found >= 0)
            return -1; /* two places: no guess */
        found = (int32_t)entries[i];
    }
    return found;
}

typedef struct wide_ctx {
    tc_sv key;
    bool hit;
} wide_ctx;

static bool wide_name(void *ctx, const char *words)
{
    wide_ctx *w = ctx;
    size_t n = strlen(words);
    if (!memchr(words, '\n', n) &&
        tc_edit_distance(w->key.p, w->key.n, words, n, 2) <= 2)
        w->hit = true;
    return !w->hit;
}

/* The subdivisions of the places found so far (and those named). */
static void seen_adm1s(const article *a, tc_places *seen)
{
    size_t i;
    memset(seen, 0, sizeof *seen);
    for (i = 0; i < a->out->nadm1s; i++)
        add_adm1(seen, a->out->adm1s[i]);
    for (i = 0; i < a->cands.n; i++) {
        const cand *c = tc_vec_at(&a->cands, i);
        if (c->accepted && c->chosen >= 0)
            add_adm1(seen, tc_gazetteer_place(a->g, (uint32_t)c->chosen)->adm1);
    }
}

/* Two edits: a town of a subdivision of the places the article names. */
static int32_t fuzzy_two(article *a, tc_sv key)
{
    int32_t found = -1;
    size_t i, j;
    tc_places seen;
    seen_adm1s(a, &seen);
    for (i = 0; i < seen.nadm1s; i++) {
        const tc_adm1_entry *e;
        size_t n = tc_gazetteer_in_adm1(a->g, seen.adm1s[i], &e);
        for (j = 0; j < TC_MIN(n, MAX_WIDE_SCAN); j++) {
            wide_ctx w;
            /* the same first letter, about the same length */
            if (e[j].key0 != key.p[0] || (size_t)e[j].key_len + 2 < key.n ||
                e[j].key_len > key.n + 2)
                continue;
            w.key = key;
            w.hit = false;
            tc_lexicon_entry_names(a->lx, e[j].entry, wide_name, &w);
            if (!w.hit || found == (int32_t)e[j].entry)
                continue;
            if (found >= 0)
                return -1;
            found = (int32_t)e[j].entry;
        }
    }
    return found;
}

static void resolve_fuzzy(article *a)
{
    size_t i;
    for (i = 0; i < a->cands.n; i++) {
        cand *c = tc_vec_at(&a->cands, i);
        tc_sv key;
        if (!c->fuzzy || c->blocked || c->actor_use || c->lonely ||
            !(c->context || linked_to_place(a, i)))
            continue;
        key = key_at(a, c->name0);
        if (a->fuzzy_lookups++ < MAX_FUZZY_LOOKUPS)
            c->chosen = fuzzy_one(a, key);
        if (c->chosen < 0 && key.n >= 8 && c->context &&
            a->wide_lookups++ < MAX_WIDE_LOOKUPS)
            c->chosen = fuzzy_two(a, key);
        c->accepted = c->chosen >= 0;
    }
}

/* ---- Output ------------------------------------------------------------ */

static const char *region_name(article *a, const cand *c)
{
    const tc_tok *k = tok_at(a, c->tok0);
    const char *country = tc_gazetteer_name(a->g, (uint32_t)c->chosen);
    size_t dn = k->end - k->start, cn = strlen(country);
    char *s = tc_arena_alloc(a->arena, dn + cn + 2);
    size_t i;
    if (!s)
        return NULL;
    for (i = 0; i < dn; i++) {
        char ch = a->in->norm[k->start + i];
        s[i] = (char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
    }
    s[dn] = ' ';
    memcpy(s + dn + 1, country, cn + 1);
    return s;
}

static tc_status emit(article *a)
{
    size_t i;
    tc_status st = TC_OK;
    for (i = 0; i < a->cands.n && st == TC_OK; i++) {
        const cand *c = tc_vec_at(&a->cands, i);
        const tc_place_rec *r;
        tc_place_mention *m;
        /* a metonym ("Moscow said") is written as a place named by an
         * actor: GKG-style location lists keep it, events do not */
        bool as_actor = !c->accepted && c->metonym && !c->fuzzy && !c->blocked;
        if ((!c->accepted && !as_actor) || c->chosen < 0)
            continue;
        r = tc_gazetteer_place(a->g, (uint32_t)c->chosen);
        m = tc_vec_push(&a->out->mentions, &st);
        if (!m)
            break;
        m->sentence = c->sent;
        m->tok0 = c->direction ? c->tok0 : c->name0;
        m->tok1 = c->tok1;
        m->place = (uint32_t)c->chosen;
        m->kind = c->direction ? TC_PLACE_REGION : r->kind;
        m->fuzzy = c->fuzzy;
        m->as_actor = as_actor;
        if (c->direction) {
            m->name = region_name(a, c);
            if (!m->name)
                st = TC_ERR_NOMEM;
        }
    }
    return st;
}

/* City 0, subdivision 1, region 2, country 3. */
static int rank(tc_place_kind k)
{
    return k == TC_PLACE_CITY ? 0 : k == TC_PLACE_ADM1 ? 1
         : k == TC_PLACE_REGION ? 2 : 3;
}

static void best_places(article *a)
{
    tc_places *o = a->out;
    const tc_vec *sents = a->in->sents;
    int32_t *para_best;
    size_t i, np = a->in->paras->n;
    uint32_t top = 0;
    o->best = tc_arena_alloc(a->arena, (sents->n + 1) * sizeof *o->best);
    para_best = tc_arena_alloc(a->arena, (np + 1) * sizeof *para_best);
    if (!o->best || !para_best) {
        o->best = NULL;
        return;
    }
    o->best_n = sents->n;
    for (i = 0; i < sents->n; i++)
        o->best[i] = -1;
    for (i = 0; i < np; i++)
        para_best[i] = -1;
    for (i = 0; i < o->mentions.n; i++) {
        const tc_place_mention *m = tc_vec_at(&o->mentions, i);
        uint32_t p = sent_at(a, m->sentence)->para;
        int32_t *b = &o->best[m->sentence];
        if (m->as_actor)
            continue; /* "Moscow said" places nothing */
        if (*b < 0 || rank((tc_place_kind)m->kind) <
                          rank((tc_place_kind)((const tc_place_mention *)
                                   tc_vec_at(&o->mentions, (size_t)*b))->kind))
            *b = (int32_t)i;
        b = &para_best[p];
        if (*b < 0 || rank((tc_place_kind)m->kind) <
                          rank((tc_place_kind)((const tc_place_mention *)
                                   tc_vec_at(&o->mentions, (size_t)*b))->kind))
            *b = (int32_t)i;
    }
    for (i = 0; i < sents->n; i++)
        if (o->best[i] < 0)
            o->best[i] = para_best[sent_at(a, (uint32_t)i)->para];
    /* The dominant country: the one most place mentions are in. */
    {
        char codes[TC_PLACE_CONTEXT][4];
        uint32_t counts[TC_PLACE_CONTEXT];
        size_t nc = 0, j, k;
        for (j = 0; j < o->mentions.n; j++) {
            const tc_place_mention *m = tc_vec_at(&o->mentions, j);
            if (m->as_actor)
                continue;
            const char *c = tc_gazetteer_place(a->g, m->place)->country;
            for (k = 0; k < nc && memcmp(codes[k], c, 4) != 0; k++)
                ;
            if (k == nc && nc < TC_PLACE_CONTEXT && c[0]) {
                memcpy(codes[nc], c, 4);
                counts[nc++] = 0;
            }
            if (k < nc && ++counts[k] > top) {
                top = counts[k];
                o->dominant = tc_gazetteer_country(a->g, codes[k]);
            }
        }
    }
}

tc_status tc_extract_places(const tc_gazetteer *g, const tc_place_input *in,
                            tc_arena *arena, tc_places *out)
{
    article a;
    tc_match_tok *mt;
    uint32_t *map, s, longest = 0;
    tc_status st;
    tc_places_clear(out);
    memset(&a, 0, sizeof a);
    a.g = g;
    a.lx = tc_gazetteer_lexicon(g);
    a.in = in;
    a.arena = arena;
    a.out = out;
    tc_vec_init(&a.cands, tc_lexicon_allocator(a.lx), sizeof(cand),
                in->toks->n + 1);
    tc_vec_init(&a.name_words, tc_lexicon_allocator(a.lx), sizeof(uint32_t),
                4096);
    st = actor_cover(&a);
    if (st == TC_OK && in->mentions && in->mentions->n) {
        a.metonym_of = tc_arena_calloc(arena, in->mentions->n, 1);
        if (!a.metonym_of)
            st = TC_ERR_NOMEM;
    }
    for (s = 0; s < in->sents->n; s++)
        longest = TC_MAX(longest, sent_at(&a, s)->token_count);
    mt = tc_arena_alloc(arena, (longest + 1) * sizeof *mt);
    map = tc_arena_alloc(arena, (longest + 1) * sizeof *map);
    if (st == TC_OK && (!mt || !map))
        st = TC_ERR_NOMEM;
    for (s = 0; s < in->sents->n && st == TC_OK; s++)
        st = sentence_cands(&a, s, mt, map);
    if (st == TC_OK)
        st = collect_name_words(&a);
    if (st == TC_OK) {
        size_t i;
        for (i = 0; i < a.cands.n; i++)
            read_context(&a, tc_vec_at(&a.cands, i));
        actor_countries(&a);
        find_qualifiers(&a);
        resolve_exact(&a);
        judge(&a);
        propagate(&a);
        resolve_fuzzy(&a);
        propagate(&a);
        st = emit(&a);
    }
    if (st == TC_OK)
        best_places(&a);
    tc_vec_free(&a.cands);
    tc_vec_free(&a.name_words);
    return st;
}

/* ---- Resolution by name, for tools and tests ---------------------------- */

int32_t tc_places_resolve(const tc_gazetteer *g, const tc_places *found,
                          const char *name, size_t n)
{
    article a;
    tc_match_tok mt[16];
    size_t count = 0, i = 0;
    char key[128];
    tc_name_hit hit;
    memset(&a, 0, sizeof a);
    a.g = g;
    a.lx = tc_gazetteer_lexicon(g);
    a.out = (tc_places *)found; /* read only: score() does not write */
    while (i < n && count < 16) {
        size_t j = i, k;
        while (j < n && name[j] != ' ')
            j++;
        if (j > i) {
            k = tc_key_make(name + i, j - i, key, sizeof key);
            mt[count].key = tc_lexicon_key_id(a.lx, key, k);
            mt[count++].caps = 1;
        }
        i = j + 1;
    }
    if (count == 0)
        return -1;
    hit = tc_lexicon_match(a.lx, mt, count, 0);
    if (hit.len != count)
        return -1;
    return choose(&a, hit.entries, TC_MIN(hit.entry_count, MAX_CANDS_PER_NAME),
                  NULL);
}
