/*
 * actors.c - every actor in an article, with its CAMEO code on the
 * article's date.
 *
 * Per sentence: the lexicon's longest matches over the token keys; then
 * composition ("Ukrainian soldiers" -> UKR + MIL, "the Russian and US
 * presidents" -> two, "pro-Russian separatists" -> separatists affiliated
 * with RUS, placed by context); role descriptions resolved by date ("the
 * French president" -> FRAGOV, Emmanuel Macron); misspelt names within one
 * edit, accepted only when unique and supported (a first name, a title, or
 * the same person named elsewhere); pronouns and "the latter" resolved to
 * the last compatible actor of the paragraph; and false friends (Jordan in
 * "Michael Jordan", Georgia near "Atlanta") left out.
 */
#include "extract.h"

#include <stdio.h>
#include <string.h>

#define KEY_BUF 128u
#define MAX_FUZZY 8u
#define FUZZY_MIN_KEY 6u
#define MAX_HOLDERS 4u

typedef struct raw {
    uint32_t m0, m1;   /* match-token range */
    uint32_t entry;
    uint8_t type;
    bool affil;        /* a pro-/anti- modifier, not an actor */
} raw;

/* A sentence as the matcher sees it: tokens without the hyphens inside
 * hyphenated words, each with its key id. */
typedef struct sentence_view {
    const tc_actor_input *in;
    const tc_sent *sent;
    uint32_t index;
    tc_match_tok *mt;
    uint32_t *tok;     /* document token of each match token */
    size_t n;
    raw *raws;
    size_t nraw;
} sentence_view;

typedef struct article {
    const tc_lexicon *lx;
    const tc_actor_input *in;
    tc_arena *arena;
    tc_vec *out;
    uint32_t *people;  /* persons named exactly in the article */
    size_t npeople;
    char dominant[4];  /* the country named most often */
} article;

static bool adjacent(const struct sentence_view *sv, const raw *x,
                     const raw *y);

/* ---- Codes ------------------------------------------------------------ */

static bool is_role_code(const char *c)
{
    static const char *const roles[] = {
        "AGR", "AID", "BUS", "COP", "CRM", "CVL", "DEV", "EDU", "ELI", "ENV",
        "GOV", "HLH", "HRI", "IGO", "INS", "JUD", "LAB", "LEG", "MED", "MIL",
        "MOD", "NGM", "NGO", "OPP", "PTY", "RAD", "REB", "REF", "REL", "SEP",
        "SET", "SPY", "UAF", "UNK"};
    size_t i;
    for (i = 0; i < sizeof roles / sizeof roles[0]; i++)
        if (memcmp(roles[i], c, 3) == 0)
            return true;
    return false;
}

void tc_code_split(const char *code, char country[4], char agent[4])
{
    size_t n = strlen(code), i;
    country[0] = agent[0] = '\0';
    if (n < 3)
        return;
    if (!is_role_code(code) || memcmp(code, "IGO", 3) == 0) {
        memcpy(country, code, 3);
        country[3] = '\0';
        i = 3;
    } else {
        i = 0; /* a role code without a country: "MIL", "GOVFRM" */
    }
    for (; i + 3 <= n; i += 3) {
        if (is_role_code(code + i)) {
            memcpy(agent, code + i, 3);
            agent[3] = '\0';
            return;
        }
    }
}

static const char *code_on(const tc_lexicon *lx, uint32_t entry, tc_day day)
{
    const tc_entry *e = tc_lexicon_entry(lx, entry);
    const tc_period *p = tc_entry_period_on(lx, e, day);
    return p ? tc_lexicon_str(lx, p->code) : "";
}

/* The country of an entry: its `country:` line or its code's first three
 * letters. */
static void entry_country(const tc_lexicon *lx, uint32_t entry, tc_day day,
                          char out[4])
{
    const tc_entry *e = tc_lexicon_entry(lx, entry);
    char agent[4];
    if (e->country[0]) {
        memcpy(out, e->country, 4);
        return;
    }
    tc_code_split(code_on(lx, entry, day), out, agent);
}

/* ---- Sentence view ---------------------------------------------------- */

static const tc_tok *doc_tok(const sentence_view *sv, uint32_t i)
{
    return tc_vec_at(sv->in->toks, i);
}

/* The key of match token i (KEY_BUF bytes of room). */
static size_t tok_key_at(const sentence_view *sv, size_t i, char *key)
{
    size_t n;
    const char *k = tc_key_of(sv->in->keys, sv->tok[i], &n);
    memcpy(key, k, n);
    return n;
}

static bool is_inner_hyphen(const tc_actor_input *in, uint32_t t, uint32_t end)
{
    const tc_tok *k = tc_vec_at(in->toks, t);
    return k->kind == TC_TOKEN_PUNCT && k->end - k->start == 1 &&
           in->norm[k->start] == '-' && (k->flags & TC_TOKEN_JOINED) &&
           t + 1 < end &&
           (((const tc_tok *)tc_vec_at(in->toks, t + 1))->flags &
            TC_TOKEN_JOINED);
}

static tc_status view_build(const article *a, sentence_view *sv)
{
    const tc_sent *s = sv->sent;
    uint32_t t, end = s->first_token + s->token_count;
    sv->mt = tc_arena_alloc(a->arena, (s->token_count + 1) * sizeof *sv->mt);
    sv->tok = tc_arena_alloc(a->arena, (s->token_count + 1) * sizeof *sv->tok);
    sv->raws = tc_arena_alloc(a->arena, (s->token_count + 1) * sizeof *sv->raws);
    if (!sv->mt || !sv->tok || !sv->raws)
        return TC_ERR_NOMEM;
    sv->n = sv->nraw = 0;
    for (t = s->first_token; t < end; t++) {
        const tc_tok *k = tc_vec_at(a->in->toks, t);
        const char *key;
        size_t kn;
        if (is_inner_hyphen(a->in, t, end))
            continue;
        key = tc_key_of(a->in->keys, t, &kn);
        sv->mt[sv->n].key = tc_lexicon_key_id(a->lx, key, kn);
        sv->mt[sv->n].caps = (uint8_t)(((k->flags & TC_TOKEN_CAPITALIZED) ? 1 : 0) |
                                       ((k->flags & TC_TOKEN_ALL_CAPS) ? 3 : 0));
        sv->tok[sv->n++] = t;
    }
    return TC_OK;
}

/* The text of match token i, lower-cased ASCII compare. */
static bool mt_is(const sentence_view *sv, size_t i, const char *word)
{
    const tc_tok *k;
    if (i >= sv->n)
        return false;
    k = doc_tok(sv, sv->tok[i]);
    return tc_sv_eq_nocase(tc_sv_make(sv->in->norm + k->start, k->end - k->start),
                           tc_sv_cstr(word));
}

/* ---- Raw matches ------------------------------------------------------ */

/* Of the entries a name has, the one to use on this date: a person whose
 * role covers it first, then anything that is not an agent. */
static uint32_t pick_entry(const article *a, const tc_name_hit *h)
{
    uint32_t i, best = h->entries[0];
    int best_score = -1;
    for (i = 0; i < h->entry_count; i++) {
        const tc_entry *e = tc_lexicon_entry(a->lx, h->entries[i]);
        const tc_period *p = tc_entry_period_on(a->lx, e, a->in->day);
        int score = (e->type != TC_ACTOR_AGENT) * 2;
        if (p && a->in->day && (!p->from || p->from <= a->in->day) &&
            (!p->to || a->in->day <= p->to))
            score += 4;
        if (score > best_score) {
            best = h->entries[i];
            best_score = score;
        }
    }
    return best;
}

/* "pro-Russian", "anti-Western": the state only qualifies what follows. */
static bool after_pro(const sentence_view *sv, uint32_t m0)
{
    uint32_t t = sv->tok[m0];
    const tc_tok *h, *w;
    if (t < sv->sent->first_token + 2)
        return false;
    h = doc_tok(sv, t - 1);
    w = doc_tok(sv, t - 2);
    return h->end - h->start == 1 && sv->in->norm[h->start] == '-' &&
           (tc_sv_eq_nocase(tc_sv_make(sv->in->norm + w->start, w->end - w->start),
                            tc_sv_cstr("pro")) ||
            tc_sv_eq_nocase(tc_sv_make(sv->in->norm + w->start, w->end - w->start),
                            tc_sv_cstr("anti")));
}

static void raw_matches(const article *a, sentence_view *sv)
{
    size_t i = 0;
    while (i < sv->n) {
        tc_name_hit h = tc_lexicon_match(a->lx, sv->mt, sv->n, i);
        raw *r;
        if (!h.len) {
            i++;
            continue;
        }
        r = &sv->raws[sv->nraw++];
        r->m0 = (uint32_t)i;
        r->m1 = (uint32_t)(i + h.len);
        r->entry = pick_entry(a, &h);
        r->type = tc_lexicon_entry(a->lx, r->entry)->type;
        r->affil = r->type == TC_ACTOR_STATE && after_pro(sv, r->m0);
        i += h.len;
    }
}

/* ---- False friends ---------------------------------------------------- */

/* Whether match token i lies inside a raw match. */
static bool covered(const sentence_view *sv, size_t i)
{
    size_t r;
    for (r = 0; r < sv->nraw; r++)
        if (sv->raws[r].m0 <= i && i < sv->raws[r].m1)
            return true;
    return false;
}

static bool unknown_capital(const sentence_view *sv, size_t i)
{
    const tc_tok *k;
    if (i >= sv->n || covered(sv, i))
        return false;
    k = doc_tok(sv, sv->tok[i]);
    return k->kind == TC_TOKEN_WORD && (k->flags & TC_TOKEN_CAPITALIZED) &&
           !tc_wordlist_has(&tc_list_calendar_words, sv->in->norm + k->start,
                            k->end - k->start);
}

/* A one-word state or place between capitalized words that name nothing
 * is part of a person's or a thing's name: Michael Jordan, Chad Smith. */
static bool inside_other_name(const sentence_view *sv, const raw *r)
{
    if (r->m1 - r->m0 != 1 ||
        (r->type != TC_ACTOR_STATE && r->type != TC_ACTOR_PLACE))
        return false;
    /* A capital at the start of a sentence is grammar, not a name. */
    if (r->m0 > 1 && unknown_capital(sv, r->m0 - 1))
        return true;
    return unknown_capital(sv, r->m1);
}

/* Whether a veto word of the entry occurs in the paragraph. */
static bool vetoed(const article *a, const sentence_view *sv, const raw *r)
{
    const tc_entry *e = tc_lexicon_entry(a->lx, r->entry);
    const tc_para *p = tc_vec_at(a->in->paras, sv->sent->para);
    const char *w = tc_lexicon_str(a->lx, e->veto);
    uint32_t s, t;
    if (!*w)
        return false;
    for (s = p->first_sentence; s < p->first_sentence + p->sentence_count; s++) {
        const tc_sent *se = tc_vec_at(a->in->sents, s);
        for (t = se->first_token; t < se->first_token + se->token_count; t++) {
            size_t kn;
            const char *key = tc_key_of(a->in->keys, t, &kn);
            const char *v = w;
            while (*v) {
                const char *nl = strchr(v, '\n');
                size_t vn = nl ? (size_t)(nl - v) : strlen(v);
                if (vn == kn && memcmp(v, key, kn) == 0)
                    return true;
                v += vn + (nl ? 1 : 0);
            }
        }
    }
    return false;
}

/* ---- Emitting mentions ------------------------------------------------ */

static tc_mention *emit(article *a, const sentence_view *sv, uint32_t m0,
                        uint32_t m1, uint32_t entry, tc_match_kind match)
{
    tc_status st;
    tc_mention *m = tc_vec_push(a->out, &st);
    const tc_entry *e = tc_lexicon_entry(a->lx, entry);
    if (!m)
        return NULL;
    m->sentence = sv->index;
    m->tok0 = sv->tok[m0];
    m->tok1 = sv->tok[m1 - 1] + 1;
    m->entry = entry;
    m->type = e->type;
    m->match = (uint8_t)match;
    snprintf(m->code, sizeof m->code, "%s", code_on(a->lx, entry, a->in->day));
    tc_code_split(m->code, m->country, m->agent);
    if (e->country[0])
        memcpy(m->country, e->country, 4);
    snprintf(m->affiliation, sizeof m->affiliation, "%s", e->affiliation);
    return m;
}

/* Exact when the text's keys are the canonical name's, else a variant. */
static bool canonical_first(void *ctx, const char *words)
{
    *(const char **)ctx = words;
    return false;
}

static tc_match_kind match_kind(const article *a, const sentence_view *sv,
                                const raw *r)
{
    const char *canon = "";
    uint32_t i;
    tc_lexicon_entry_names(a->lx, r->entry, canonical_first, &canon);
    for (i = r->m0; i < r->m1; i++) {
        size_t kn;
        const char *key = tc_key_of(sv->in->keys, sv->tok[i], &kn);
        if (strncmp(canon, key, kn) != 0)
            return TC_MATCH_VARIANT;
        canon += kn;
        if (*canon == '\n')
            canon++;
        else if (i + 1 < r->m1)
            return TC_MATCH_VARIANT;
    }
    return *canon ? TC_MATCH_VARIANT : TC_MATCH_EXACT;
}

/* Whether the state at r is used as an adjective inside a noun phrase
 * ("on the Ukrainian border", "the French president"): a determiner before
 * it and a lower-case word after it. */
static bool modifies_noun(const sentence_view *sv, const raw *r)
{
    static const char *const dets[] = {"the", "a", "an", "its", "their",
                                       "his", "her", "our"};
    const tc_tok *k;
    size_t i;
    bool det = false;
    if (r->m1 >= sv->n || r->m0 == 0)
        return false;
    for (i = 0; i < sizeof dets / sizeof dets[0]; i++)
        det = det || mt_is(sv, r->m0 - 1, dets[i]);
    k = doc_tok(sv, sv->tok[r->m1]);
    return det && k->kind == TC_TOKEN_WORD &&
           !(k->flags & TC_TOKEN_CAPITALIZED);
}

/* The country an agent without one belongs to: the nearest state named in
 * its sentence as a noun ("fighting ... around Ukraine"), else the nearest
 * one at all (not a pro-/anti- one), else the article's main country. */
static void context_country(const article *a, const sentence_view *sv,
                            uint32_t at, char out[4])
{
    size_t i, best = SIZE_MAX, best_dist = SIZE_MAX;
    int pass;
    for (pass = 0; pass < 2 && best == SIZE_MAX; pass++) {
        for (i = 0; i < sv->nraw; i++) {
            const raw *r = &sv->raws[i];
            size_t d = r->m0 > at ? r->m0 - at : at - r->m0;
            if (r->affil ||
                (r->type != TC_ACTOR_STATE && r->type != TC_ACTOR_PLACE))
                continue;
            /* "Russian troops": that state belongs to those troops */
            if (i + 1 < sv->nraw && sv->raws[i + 1].type == TC_ACTOR_AGENT &&
                adjacent(sv, r, &sv->raws[i + 1]) && sv->raws[i + 1].m0 != at)
                continue;
            if (pass == 0 && modifies_noun(sv, r))
                continue;
            if (d < best_dist) {
                best = i;
                best_dist = d;
            }
        }
    }
    if (best != SIZE_MAX)
        entry_country(a->lx, sv->raws[best].entry, a->in->day, out);
    else
        memcpy(out, a->dominant, 4);
}

/* "spokesman for the Kremlin", "the president of Somalia": the state or
 * organisation after "for" or "of", if any. */
static const raw *owner_after(const sentence_view *sv, size_t i)
{
    const raw *ag = &sv->raws[i], *n1 = i + 1 < sv->nraw ? &sv->raws[i + 1] : NULL;
    uint32_t k = ag->m1;
    if (!n1 || !(mt_is(sv, k, "for") || mt_is(sv, k, "of") || mt_is(sv, k, "in")))
        return NULL;
    k++;
    if (mt_is(sv, k, "the"))
        k++;
    if (n1->m0 != k || (n1->type != TC_ACTOR_STATE && n1->type != TC_ACTOR_ORG))
        return NULL;
    return n1;
}

/* Country + agent: "Ukrainian soldiers" -> UKRMIL.  A seat of government
 * that already has a role keeps it (Kremlin spokesman -> RUSGOV). */
static void compose_code(tc_mention *m, const char country[4],
                         const char *base_code, const char *agent_code)
{
    char c2[4], ag[4], bag[4];
    tc_code_split(agent_code, c2, ag);
    tc_code_split(base_code, c2, bag);
    if (bag[0] && (strcmp(ag, "GOV") == 0 || !ag[0]))
        snprintf(m->code, sizeof m->code, "%s", base_code);
    else
        snprintf(m->code, sizeof m->code, "%s%s", country, ag[0] ? ag : "");
    memcpy(m->country, country, 4);
    memcpy(m->agent, ag[0] ? ag : bag, 4);
}

/* The lower-case words of match tokens [m0, m1), space-separated. */
static size_t surface(const sentence_view *sv, uint32_t m0, uint32_t m1,
                      char *out, size_t cap)
{
    size_t len = 0;
    uint32_t i;
    for (i = m0; i < m1 && len + KEY_BUF + 1 < cap; i++) {
        if (len)
            out[len++] = ' ';
        len += tok_key_at(sv, i, out + len);
    }
    out[len] = '\0';
    return len;
}

/* The one person holding `title` for the mention's country on the date. */
static bool holder(article *a, tc_mention *m, const char *title)
{
    uint32_t holders[MAX_HOLDERS];
    size_t n = tc_lexicon_role_holders(a->lx, m->country, title, a->in->day,
                                       holders, MAX_HOLDERS);
    if (n != 1)
        return false;
    m->entry = holders[0];
    m->type = TC_ACTOR_PERSON;
    m->match = TC_MATCH_ROLE;
    snprintf(m->code, sizeof m->code, "%s",
             code_on(a->lx, holders[0], a->in->day));
    tc_code_split(m->code, m->country, m->agent);
    return true;
}

/* "the French president" on the article's date -> that person.  The
 * title as written is tried first ("chancellor", "secretary of state"),
 * then the agent's canonical title, unless the text names a deputy. */
static void resolve_role(article *a, const sentence_view *sv, tc_mention *m,
                         const raw *ag)
{
    static const char *const qualifiers[] = {"deputy", "vice", "first",
                                             "acting", "interim", "former",
                                             "ex", "assistant", "under"};
    const tc_entry *e = tc_lexicon_entry(a->lx, ag->entry);
    char text[512];
    size_t i, n;
    if (!m->country[0] || !a->in->day)
        return;
    n = surface(sv, ag->m0, ag->m1, text, sizeof text);
    if (holder(a, m, text))
        return;
    if (n > 1 && text[n - 1] == 's') {
        text[n - 1] = '\0'; /* "presidents" */
        if (holder(a, m, text))
            return;
    }
    for (i = 0; i < sizeof qualifiers / sizeof qualifiers[0]; i++)
        if (strstr(text, qualifiers[i]))
            return;
    holder(a, m, tc_lexicon_str(a->lx, e->name));
}

/* "former", "retired", "ex-" before a mention: someone out of office. */
static bool former(const sentence_view *sv, uint32_t m0)
{
    return m0 > 0 && (mt_is(sv, m0 - 1, "former") || mt_is(sv, m0 - 1, "retired") ||
                      mt_is(sv, m0 - 1, "ex"));
}

/* An agent (with or without a country before it) at raws[i]. */
static tc_status emit_agent(article *a, const sentence_view *sv, size_t i,
                            const raw *base, uint32_t m0)
{
    const raw *ag = &sv->raws[i];
    char country[4] = "";
    const char *base_code = "";
    tc_mention *m = emit(a, sv, m0, ag->m1, ag->entry,
                         match_kind(a, sv, ag));
    if (!m)
        return TC_ERR_NOMEM;
    if (!base && owner_after(sv, i))
        base = owner_after(sv, i);
    if (base && !base->affil) {
        entry_country(a->lx, base->entry, a->in->day, country);
        base_code = code_on(a->lx, base->entry, a->in->day);
    } else {
        context_country(a, sv, ag->m0, country);
        if (base) {
            entry_country(a->lx, base->entry, a->in->day, m->affiliation);
            if (m->tok0 >= 2)
                m->tok0 -= 2; /* the mention includes "pro-" */
        }
    }
    if (!country[0]) {
        tc_code_split(m->code, country, m->agent);
        if (former(sv, m0)) {
            snprintf(m->code, sizeof m->code, "ELI");
            memcpy(m->agent, "ELI", 4);
        }
        return TC_OK;
    }
    compose_code(m, country, base_code, code_on(a->lx, ag->entry, a->in->day));
    if (base && !base->affil)
        resolve_role(a, sv, m, ag);
    if (m->match != TC_MATCH_ROLE && former(sv, m0)) {
        snprintf(m->code, sizeof m->code, "%sELI", m->country);
        memcpy(m->agent, "ELI", 4);
    }
    return TC_OK;
}

/* ---- Fuzzy names ------------------------------------------------------ */

typedef struct first_word_ctx {
    const char *key;
    size_t n;
    bool found;
} first_word_ctx;

/* Whether a name of several words starts with a word within one edit of
 * the key (Anthony ~ Antony). */
static bool first_word_near(void *ctx, const char *words)
{
    first_word_ctx *c = ctx;
    const char *nl = strchr(words, '\n');
    if (nl && tc_edit_distance(c->key, c->n, words, (size_t)(nl - words), 1) <= 1)
        c->found = true;
    return !c->found;
}

static bool in_list(const uint32_t *list, size_t n, uint32_t x)
{
    size_t i;
    for (i = 0; i < n; i++)
        if (list[i] == x)
            return true;
    return false;
}

/* The one person a misspelt word may name, or UINT32_MAX. */
static uint32_t fuzzy_person(const article *a, const char *key, size_t kn)
{
    uint32_t entries[MAX_FUZZY], words[MAX_FUZZY], person = UINT32_MAX;
    size_t n = tc_lexicon_fuzzy(a->lx, key, kn, entries, words, MAX_FUZZY), i;
    if (n > MAX_FUZZY)
        return UINT32_MAX;
    for (i = 0; i < n; i++) {
        if (tc_lexicon_entry(a->lx, entries[i])->type != TC_ACTOR_PERSON)
            continue;
        if (person != UINT32_MAX && person != entries[i])
            return UINT32_MAX; /* not unique */
        person = entries[i];
    }
    return person;
}

/* A capitalized word no name matched, within one edit of one person's
 * name, supported by a first name, a title before it, or the same person
 * named exactly elsewhere in the article. */
static tc_status try_fuzzy(article *a, const sentence_view *sv, size_t i,
                           bool title_before)
{
    char key[KEY_BUF], prev[KEY_BUF];
    size_t kn, pn;
    uint32_t person;
    first_word_ctx fw;
    const tc_tok *k = doc_tok(sv, sv->tok[i]);
    if (k->kind != TC_TOKEN_WORD || !(k->flags & TC_TOKEN_CAPITALIZED))
        return TC_OK;
    kn = tok_key_at(sv, i, key);
    if (kn < FUZZY_MIN_KEY)
        return TC_OK;
    person = fuzzy_person(a, key, kn);
    if (person == UINT32_MAX)
        return TC_OK;
    fw.found = false;
    if (i > 0 && unknown_capital(sv, i - 1)) {
        pn = tok_key_at(sv, i - 1, prev);
        fw.key = prev;
        fw.n = pn;
        tc_lexicon_entry_names(a->lx, person, first_word_near, &fw);
    }
    if (!fw.found && !title_before && !in_list(a->people, a->npeople, person))
        return TC_OK;
    return emit(a, sv, (uint32_t)(fw.found ? i - 1 : i), (uint32_t)(i + 1),
                person, TC_MATCH_FUZZY)
               ? TC_OK
               : TC_ERR_NOMEM;
}

/* ---- Coreference ------------------------------------------------------ */

#define TC_IGO_WANTED 100 /* an organisation with an IGO code */

typedef struct coref_rule {
    const char *word1, *word2; /* "the latter"; "he" has no second word */
    int want;                  /* tc_actor_type, or -1 any */
    int back;                  /* 1 = most recent, 2 = the one before */
} coref_rule;

static const coref_rule corefs[] = {
    {"he", NULL, TC_ACTOR_PERSON, 1},   {"she", NULL, TC_ACTOR_PERSON, 1},
    {"his", NULL, TC_ACTOR_PERSON, 1},  {"her", NULL, TC_ACTOR_PERSON, 1},
    {"him", NULL, TC_ACTOR_PERSON, 1},  {"the", "latter", -1, 1},
    {"the", "former", -1, 2},           {"the", "alliance", TC_IGO_WANTED, 1},
    {"the", "bloc", TC_IGO_WANTED, 1},  {"the", "organisation", TC_IGO_WANTED, 1},
    {"the", "organization", TC_IGO_WANTED, 1},
    {"the", "group", TC_ACTOR_GROUP, 1}, {"the", "country", TC_ACTOR_STATE, 1},
};

/* Whether the document token before mention m is a preposition ("of
 * Ukraine"): such actors are seldom what a later "the country" means. */
static bool in_pp(const article *a, const tc_mention *m)
{
    static const char *const preps[] = {"of", "in", "on", "to", "at", "from",
                                        "into", "against", "with", NULL};
    const tc_tok *k;
    size_t i;
    if (m->tok0 == 0)
        return false;
    k = tc_vec_at(a->in->toks, m->tok0 - 1);
    for (i = 0; preps[i]; i++)
        if (tc_sv_eq_nocase(tc_sv_make(a->in->norm + k->start, k->end - k->start),
                            tc_sv_cstr(preps[i])))
            return true;
    return false;
}

static const tc_mention *antecedent_pass(const article *a, uint32_t para,
                                         int want, int back, bool no_pp);

/* The mention `back` steps before the end of the output that is of the
 * wanted type and in the paragraph, preferring one not inside a
 * prepositional phrase, or NULL. */
static const tc_mention *antecedent(const article *a, uint32_t para,
                                    int want, int back)
{
    const tc_mention *m = antecedent_pass(a, para, want, back, true);
    return m ? m : antecedent_pass(a, para, want, back, false);
}

static const tc_mention *antecedent_pass(const article *a, uint32_t para,
                                         int want, int back, bool no_pp)
{
    size_t i = a->out->n;
    uint32_t last_entry = UINT32_MAX;
    while (i-- > 0) {
        const tc_mention *m = tc_vec_at(a->out, i);
        const tc_sent *s = tc_vec_at(a->in->sents, m->sentence);
        if (s->para != para)
            return NULL;
        if (want == TC_IGO_WANTED
                ? (m->type != TC_ACTOR_ORG || strncmp(m->code, "IGO", 3) != 0)
                : (want >= 0 && m->type != want))
            continue;
        if (want < 0 && (m->type == TC_ACTOR_AGENT || m->entry == last_entry))
            continue;
        if (no_pp && in_pp(a, m))
            continue;
        last_entry = m->entry;
        if (--back == 0)
            return m;
    }
    return NULL;
}

static tc_status try_coref(article *a, const sentence_view *sv, size_t *i)
{
    const tc_tok *k = doc_tok(sv, sv->tok[*i]);
    char c0 = (char)(sv->in->norm[k->start] | 32);
    size_t r;
    /* Every rule's first word starts with h, s or t (he, she, the). */
    if (c0 != 'h' && c0 != 's' && c0 != 't')
        return TC_OK;
    for (r = 0; r < sizeof corefs / sizeof corefs[0]; r++) {
        const coref_rule *c = &corefs[r];
        size_t len = c->word2 ? 2 : 1;
        const tc_mention *ante;
        tc_mention *m, copy;
        if (!mt_is(sv, *i, c->word1) || (c->word2 && !mt_is(sv, *i + 1, c->word2)))
            continue;
        ante = antecedent(a, sv->sent->para, c->want, c->back);
        if (!ante)
            return TC_OK;
        copy = *ante;
        m = emit(a, sv, (uint32_t)*i, (uint32_t)(*i + len), copy.entry,
                 TC_MATCH_COREF);
        if (!m)
            return TC_ERR_NOMEM;
        memcpy(m->code, copy.code, sizeof m->code);
        memcpy(m->country, copy.country, 4);
        memcpy(m->agent, copy.agent, 4);
        m->type = copy.type;
        *i += len - 1;
        return TC_OK;
    }
    return TC_OK;
}

/* ---- One sentence ----------------------------------------------------- */

static bool adjacent(const sentence_view *sv, const raw *x, const raw *y)
{
    return y->m0 == x->m1 ||
           (y->m0 == x->m1 + 1 &&
            (mt_is(sv, x->m1, "'s") || mt_is(sv, x->m1, "'")));
}

static bool is_title_agent(const article *a, const raw *r)
{
    char c[4], ag[4];
    if (r->type != TC_ACTOR_AGENT)
        return false;
    tc_code_split(code_on(a->lx, r->entry, a->in->day), c, ag);
    return strcmp(ag, "GOV") == 0 || strcmp(ag, "MIL") == 0 ||
           strcmp(ag, "LEG") == 0 || strcmp(ag, "OPP") == 0;
}

/* "Chile's Defense Department", "Russia's Security Council": an
 * institution named after a state belongs to that state, whatever country
 * its own name points to elsewhere. */
static tc_status emit_owned_org(article *a, const sentence_view *sv, size_t *i)
{
    const raw *st = &sv->raws[*i], *org = &sv->raws[*i + 1];
    char country[4], oc[4], ag[4];
    tc_mention *m;
    entry_country(a->lx, st->entry, a->in->day, country);
    tc_code_split(code_on(a->lx, org->entry, a->in->day), oc, ag);
    *i += 1;
    m = emit(a, sv, st->m0, org->m1, org->entry, match_kind(a, sv, org));
    if (!m)
        return TC_ERR_NOMEM;
    if (strcmp(oc, country) != 0) {
        snprintf(m->code, sizeof m->code, "%s%s", country,
                 ag[0] && strcmp(ag, "IGO") != 0 ? ag : "GOV");
        tc_code_split(m->code, m->country, m->agent);
    }
    return TC_OK;
}

/* "his Security Council": an international body's name after a possessive
 * is the body of the person's (or country's) own state. */
static void own_institution(const article *a, const sentence_view *sv,
                            const raw *r, tc_mention *m)
{
    const tc_mention *owner;
    size_t before = a->out->n - 1;
    if (strncmp(m->code, "IGO", 3) != 0 || r->m0 == 0 ||
        !(mt_is(sv, r->m0 - 1, "his") || mt_is(sv, r->m0 - 1, "her") ||
          mt_is(sv, r->m0 - 1, "its") || mt_is(sv, r->m0 - 1, "their")))
        return;
    a->out->n = before; /* look behind this mention */
    owner = antecedent(a, sv->sent->para, -1, 1);
    a->out->n = before + 1;
    if (!owner || !owner->country[0] || strcmp(owner->country, "IGO") == 0)
        return;
    snprintf(m->code, sizeof m->code, "%sGOV", owner->country);
    tc_code_split(m->code, m->country, m->agent);
}

/* "Senator Marco Rubio" without a date: the role the title names (a
 * period with it, else the person's country with the title's role). */
static void title_period(const article *a, const raw *title, tc_mention *m)
{
    char c[4], ag[4];
    const tc_period *p;
    if (a->in->day)
        return;
    tc_code_split(code_on(a->lx, title->entry, 0), c, ag);
    if (!ag[0] || strcmp(ag, m->agent) == 0)
        return;
    p = tc_entry_period_with(a->lx, tc_lexicon_entry(a->lx, m->entry), ag);
    if (p)
        snprintf(m->code, sizeof m->code, "%s", tc_lexicon_str(a->lx, p->code));
    else if (m->country[0])
        snprintf(m->code, sizeof m->code, "%s%s", m->country, ag);
    tc_code_split(m->code, m->country, m->agent);
}

/* Emits the mention that starts at raws[*i]; leaves *i on the last raw
 * match it used. */
static tc_status one_raw(article *a, const sentence_view *sv, size_t *i)
{
    const raw *r = &sv->raws[*i];
    const raw *n1 = *i + 1 < sv->nraw ? &sv->raws[*i + 1] : NULL;
    const raw *n2 = *i + 2 < sv->nraw ? &sv->raws[*i + 2] : NULL;
    tc_mention *m;
    /* [country] [title] [person] and [title] [person]: the person. */
    if (r->type != TC_ACTOR_PERSON && r->type != TC_ACTOR_AGENT && n1 && n2 &&
        adjacent(sv, r, n1) && is_title_agent(a, n1) &&
        n2->type == TC_ACTOR_PERSON && adjacent(sv, n1, n2)) {
        *i += 2;
        m = emit(a, sv, r->m0, n2->m1, n2->entry, match_kind(a, sv, n2));
        if (m)
            title_period(a, n1, m);
        return m ? TC_OK : TC_ERR_NOMEM;
    }
    /* "Chinese President Xi Jinping" when the title is part of the name */
    if (r->type == TC_ACTOR_STATE && !r->affil && n1 &&
        n1->type == TC_ACTOR_PERSON && adjacent(sv, r, n1)) {
        *i += 1;
        m = emit(a, sv, r->m0, n1->m1, n1->entry, match_kind(a, sv, n1));
        return m ? TC_OK : TC_ERR_NOMEM;
    }
    if (is_title_agent(a, r) && n1 && n1->type == TC_ACTOR_PERSON &&
        adjacent(sv, r, n1)) {
        *i += 1;
        m = emit(a, sv, r->m0, n1->m1, n1->entry, match_kind(a, sv, n1));
        if (m)
            title_period(a, r, m);
        return m ? TC_OK : TC_ERR_NOMEM;
    }
    /* [state] and [state] [agent]: the agent for each. */
    if (r->type == TC_ACTOR_STATE && n1 && n2 && n1->type == TC_ACTOR_STATE &&
        n1->m0 == r->m1 + 1 && (mt_is(sv, r->m1, "and") || mt_is(sv, r->m1, ",")) &&
        n2->type == TC_ACTOR_AGENT && adjacent(sv, n1, n2)) {
        tc_status st = emit_agent(a, sv, *i + 2, r, r->m0);
        if (st == TC_OK)
            st = emit_agent(a, sv, *i + 2, n1, n1->m0);
        *i += 2;
        return st;
    }
    if (r->type == TC_ACTOR_STATE && !r->affil && n1 &&
        n1->type == TC_ACTOR_ORG && adjacent(sv, r, n1))
        return emit_owned_org(a, sv, i);
    if (r->type != TC_ACTOR_AGENT && r->type != TC_ACTOR_PERSON && n1 &&
        n1->type == TC_ACTOR_AGENT && adjacent(sv, r, n1)) {
        *i += 1;
        return emit_agent(a, sv, *i, r, r->m0);
    }
    if (r->type == TC_ACTOR_AGENT)
        return emit_agent(a, sv, *i, NULL, r->m0);
    if (r->affil || inside_other_name(sv, r) || vetoed(a, sv, r))
        return TC_OK;
    m = emit(a, sv, r->m0, r->m1, r->entry, match_kind(a, sv, r));
    if (m && r->type == TC_ACTOR_ORG)
        own_institution(a, sv, r, m);
    return m ? TC_OK : TC_ERR_NOMEM;
}

static tc_status walk_sentence(article *a, sentence_view *sv)
{
    size_t i = 0, ri = 0;
    tc_status st = TC_OK;
    while (i < sv->n && st == TC_OK) {
        bool title;
        size_t before;
        if (ri < sv->nraw && sv->raws[ri].m0 == i) {
            st = one_raw(a, sv, &ri); /* ri: the last raw it used */
            i = sv->raws[ri].m1;
            ri++;
            continue;
        }
        title = ri > 0 && sv->raws[ri - 1].m1 == i &&
                is_title_agent(a, &sv->raws[ri - 1]);
        before = a->out->n;
        st = try_coref(a, sv, &i);
        if (st == TC_OK && a->out->n == before)
            st = try_fuzzy(a, sv, i, title);
        i++;
    }
    return st;
}

/* ---- The article ------------------------------------------------------ */

/* Persons named exactly, and the most-named country, from a first pass. */
static tc_status survey(article *a, sentence_view *views, size_t ns)
{
    size_t s, i, best = 0, cap = 64;
    struct { char c[4]; size_t n; } counts[64];
    size_t ncounts = 0;
    a->people = tc_arena_alloc(a->arena, sizeof *a->people * 256);
    if (!a->people)
        return TC_ERR_NOMEM;
    for (s = 0; s < ns; s++) {
        for (i = 0; i < views[s].nraw; i++) {
            const raw *r = &views[s].raws[i];
            char c[4];
            size_t k;
            if (r->type == TC_ACTOR_PERSON && a->npeople < 256 &&
                !in_list(a->people, a->npeople, r->entry))
                a->people[a->npeople++] = r->entry;
            if (r->type != TC_ACTOR_STATE || r->affil)
                continue;
            entry_country(a->lx, r->entry, a->in->day, c);
            for (k = 0; k < ncounts && strcmp(counts[k].c, c) != 0; k++)
                ;
            if (k == ncounts && ncounts < cap) {
                memcpy(counts[k].c, c, 4);
                counts[k].n = 0;
                ncounts++;
            }
            if (k < ncounts && ++counts[k].n > best) {
                best = counts[k].n;
                memcpy(a->dominant, counts[k].c, 4);
            }
        }
    }
    return TC_OK;
}

tc_status tc_extract_actors(const tc_lexicon *lx, const tc_actor_input *in,
                            tc_arena *arena, tc_vec *mentions)
{
    article a;
    sentence_view *views;
    size_t s, ns = in->sents->n;
    tc_status st = TC_OK;
    memset(&a, 0, sizeof a);
    a.lx = lx;
    a.in = in;
    a.arena = arena;
    a.out = mentions;
    views = tc_arena_calloc(arena, ns + 1, sizeof *views);
    if (!views)
        return TC_ERR_NOMEM;
    for (s = 0; s < ns && st == TC_OK; s++) {
        views[s].in = in;
        views[s].sent = tc_vec_at(in->sents, s);
        views[s].index = (uint32_t)s;
        st = view_build(&a, &views[s]);
        if (st == TC_OK)
            raw_matches(&a, &views[s]);
    }
    if (st == TC_OK)
        st = survey(&a, views, ns);
    for (s = 0; s < ns && st == TC_OK; s++)
        st = walk_sentence(&a, &views[s]);
    return st;
}
