/*
 * project.c - TABARI projects: the .project file, the records of its text
 * file, its .options file and OPTION records, and its actors, agents and
 * verbs files read as TABARI reads them (tabari_proj.h), for the coder of
 * src/extract/tabari_code.c.
 *
 * peer.c and tabari.c read the same dictionaries into our own lexicon and
 * pattern format, which cannot hold all of TABARI's semantics (stems,
 * '_' versus ' ' connectors, '%' slots, paired codes); this reader keeps
 * them as written.
 *
 * Project file: lines "<actorsfile> NAME", "<verbsfile>", "<agentsfile>",
 * "<optionsfile>", "<textfile>"; other tags are ignored.  Text file: a
 * record is a header line "DATE ID [FIELD]" (DATE YYMMDD or YYYYMMDD),
 * then lines up to a blank line; a line holding "slash-star" opens the
 * comment, which runs to the record's end.  Lines before the first header
 * and between records ('#' banners) are skipped.
 */
#include "tabari_proj.h"
#include "verbs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_FILE (64u * 1024u * 1024u)
#define MAX_LINE 4096u

/* ---- Words and phrases ---------------------------------------------- */

static char up(char c)
{
    return (char)(c >= 'a' && c <= 'z' ? c - 32 : c);
}

int32_t tb_date(const char *s, size_t n)
{
    int y, m, d;
    if (!tc_digits(s, n) || (n != 6 && n != 8))
        return 0;
    if (n == 6) {
        y = tc_number(s, 2);
        y += y < 30 ? 2000 : 1900;
    } else {
        y = tc_number(s, 4);
    }
    m = tc_number(s + n - 4, 2);
    d = tc_number(s + n - 2, 2);
    if (m < 1 || m > 12 || d < 1 || d > 31)
        return 0;
    return (int32_t)(y * 10000 + m * 100 + d);
}

bool tb_word_match(const tb_word *w, const char *t, size_t tn)
{
    static const char *const endings[] = {"S", "ES", "D", "ED", "EN", "ING"};
    size_t n = strlen(w->w), i;
    if (tn < n || memcmp(w->w, t, n) != 0)
        return false;
    if (tn == n || w->kind == TB_STEM)
        return true;
    if (w->kind == TB_BARE)
        return false;
    for (i = 0; i < sizeof endings / sizeof endings[0]; i++)
        if (strlen(endings[i]) == tn - n && memcmp(t + n, endings[i], tn - n) == 0)
            return true;
    return false;
}

/* Reads the phrase "A_B C_" into `ph`: words upper-cased, joined flags
 * from the '_' between them; a last word without '_' is a stem, one with
 * a trailing '=' bare.  False when empty or out of memory. */
static bool parse_phrase(tc_arena *ar, const char *s, size_t n, tb_phrase *ph)
{
    size_t i = 0, k = 0, cap = 1;
    for (i = 0; i < n; i++)
        cap += s[i] == '_' || s[i] == ' ' || s[i] == '\t';
    ph->words = tc_arena_calloc(ar, cap, sizeof *ph->words);
    ph->joined = tc_arena_calloc(ar, cap, 1);
    if (!ph->words || !ph->joined)
        return false;
    i = 0;
    while (i < n) {
        size_t b, e;
        char *w;
        while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '_'))
            i++;
        b = i;
        while (i < n && s[i] != ' ' && s[i] != '\t' && s[i] != '_')
            i++;
        e = i;
        if (e == b)
            break;
        w = tc_arena_alloc(ar, e - b + 1);
        if (!w)
            return false;
        {
            size_t j, m = 0;
            for (j = b; j < e; j++)
                if (s[j] != '~')
                    w[m++] = up(s[j]);
            w[m] = '\0';
            if (m && w[m - 1] == '=') {
                w[--m] = '\0';
                ph->words[k].kind = TB_BARE;
            } else {
                ph->words[k].kind = i < n && s[i] == '_' ? TB_EXACT : TB_STEM;
            }
        }
        ph->words[k].w = w;
        ph->joined[k] = i < n && s[i] == '_';
        k++;
    }
    ph->n = (uint16_t)k;
    if (k)
        ph->joined[k - 1] = false;
    return k > 0;
}

/* Grows an array of `size`-byte items held by the dictionary. */
static bool grow(const tc_allocator *a, void **arr, size_t *cap, size_t n,
                 size_t size)
{
    void *p;
    size_t nc;
    if (n < *cap)
        return true;
    nc = *cap ? *cap * 2 : 64;
    p = tc_realloc(a, *arr, nc * size);
    if (!p)
        return false;
    *arr = p;
    *cap = nc;
    return true;
}

static tc_sv next_line(const char **p, const char *end)
{
    const char *b = *p, *e = memchr(b, '\n', (size_t)(end - b));
    tc_sv v;
    if (!e)
        e = end;
    *p = e < end ? e + 1 : end;
    v = tc_sv_make(b, (size_t)(e - b));
    while (v.n && (v.p[v.n - 1] == '\r'))
        v.n--;
    return v;
}

/* Cuts a ';' comment off a line. */
static tc_sv uncomment(tc_sv v)
{
    const char *c = memchr(v.p, ';', v.n);
    if (c)
        v.n = (size_t)(c - v.p);
    return tc_sv_trim(v);
}

/* ---- Actors and agents ------------------------------------------------ */

/* "[CODE]", "[CODE YYMMDD-YYMMDD]", "[CODE <D]", "[CODE >D]" into *c. */
static bool parse_code(tc_arena *ar, tc_sv g, tb_code *c)
{
    size_t i = 0, b;
    g = tc_sv_trim(g);
    memset(c, 0, sizeof *c);
    while (i < g.n && g.p[i] != ' ' && g.p[i] != '\t')
        i++;
    {
        char *s = tc_arena_alloc(ar, i + 1);
        size_t j;
        if (!s)
            return false;
        for (j = 0; j < i; j++)
            s[j] = up(g.p[j]);
        s[i] = '\0';
        c->code = s;
    }
    g = tc_sv_trim(tc_sv_make(g.p + i, g.n - i));
    if (!g.n)
        return true;
    if (g.p[0] == '<' || g.p[0] == '>') {
        tc_sv d = tc_sv_trim(tc_sv_make(g.p + 1, g.n - 1));
        int32_t day = tb_date(d.p, d.n);
        if (!day)
            return false;
        if (g.p[0] == '<')
            c->to = day - 1;
        else
            c->from = day + 1;
        return true;
    }
    for (b = 0; b < g.n && g.p[b] != '-'; b++)
        ;
    if (b == g.n)
        return false;
    {
        tc_sv x = tc_sv_trim(tc_sv_make(g.p, b));
        tc_sv y = tc_sv_trim(tc_sv_make(g.p + b + 1, g.n - b - 1));
        c->from = tb_date(x.p, x.n);
        c->to = tb_date(y.p, y.n);
        return c->from && c->to;
    }
}

typedef struct actor_reader {
    tb_dict *d;
    const tc_allocator *a;
    bool agents;
    tb_code codes[TB_MAX_CODES];
    size_t ncodes;
    size_t first; /* the entry's first phrase in d->actors */
    bool open;    /* an entry awaits its codes */
} actor_reader;

/* Gives the pending entry's codes to its phrases. */
static bool close_entry(actor_reader *r)
{
    size_t i;
    tb_code *c;
    if (!r->open)
        return true;
    r->open = false;
    if (!r->ncodes) {
        r->d->nactors = r->first; /* no code: dropped */
        return true;
    }
    c = tc_arena_calloc(&r->d->arena, r->ncodes, sizeof *c);
    if (!c)
        return false;
    memcpy(c, r->codes, r->ncodes * sizeof *c);
    for (i = r->first; i < r->d->nactors; i++) {
        r->d->actors[i].codes = c;
        r->d->actors[i].ncodes = (uint16_t)r->ncodes;
    }
    r->ncodes = 0;
    return true;
}

/* Reads the "[...]" groups of a line from position `i`. */
static bool read_codes(actor_reader *r, tc_sv v, size_t i)
{
    while (i < v.n) {
        const char *e;
        if (v.p[i] != '[') {
            i++;
            continue;
        }
        e = memchr(v.p + i, ']', v.n - i);
        if (!e)
            return false;
        if (r->ncodes < TB_MAX_CODES &&
            !parse_code(&r->d->arena, tc_sv_make(v.p + i + 1, (size_t)(e - v.p - i - 1)),
                        &r->codes[r->ncodes]))
            return false;
        if (r->ncodes < TB_MAX_CODES && r->codes[r->ncodes].code[0])
            r->ncodes++;
        i = (size_t)(e - v.p) + 1;
    }
    return true;
}

static bool add_actor_phrase(actor_reader *r, tc_sv ph)
{
    tb_dict *d = r->d;
    tb_actor *x;
    if (!grow(r->a, (void **)&d->actors, &d->cap_actors, d->nactors, sizeof *x))
        return false;
    x = &d->actors[d->nactors];
    memset(x, 0, sizeof *x);
    if (!parse_phrase(&d->arena, ph.p, ph.n, &x->ph))
        return true; /* empty phrase: ignored */
    d->nactors++;
    return true;
}

static bool add_agent(actor_reader *r, tc_sv ph, tc_sv code)
{
    tb_dict *d = r->d;
    tb_agent *g;
    size_t i, k = 0;
    char *c;
    if (!grow(r->a, (void **)&d->agents, &d->cap_agents, d->nagents, sizeof *g))
        return false;
    g = &d->agents[d->nagents];
    memset(g, 0, sizeof *g);
    code = tc_sv_trim(code);
    c = tc_arena_alloc(&d->arena, code.n + 1);
    if (!c)
        return false;
    for (i = 0; i < code.n; i++)
        if (code.p[i] != '~' && code.p[i] != ' ')
            c[k++] = up(code.p[i]);
    c[k] = '\0';
    g->prefix = code.n && code.p[code.n - 1] == '~';
    g->code = c;
    if (!k || !parse_phrase(&d->arena, ph.p, ph.n, &g->ph))
        return true;
    d->nagents++;
    return true;
}

static bool add_noun(tb_dict *d, const tc_allocator *a, tc_sv v)
{
    char *w;
    size_t i;
    v = uncomment(v);
    while (v.n && v.p[v.n - 1] == '_')
        v.n--;
    if (!v.n)
        return true;
    if (!grow(a, (void **)&d->nouns, &d->cap_nouns, d->nnouns, sizeof *d->nouns))
        return false;
    w = tc_arena_alloc(&d->arena, v.n + 1);
    if (!w)
        return false;
    for (i = 0; i < v.n; i++)
        w[i] = up(v.p[i]);
    w[v.n] = '\0';
    d->nouns[d->nnouns++] = w;
    return true;
}

/* One line of an actors or agents file. */
static bool actor_line(actor_reader *r, tc_sv v, bool *ok)
{
    const char *br;
    *ok = true;
    v = uncomment(v);
    if (!v.n)
        return true;
    if (v.p[0] == '[')
        return (*ok = read_codes(r, v, 0)), true;
    if (v.p[0] == '+') {
        if (!r->open)
            return (*ok = false), true;
        return add_actor_phrase(r, tc_sv_trim(tc_sv_make(v.p + 1, v.n - 1)));
    }
    br = memchr(v.p, '[', v.n);
    if (r->agents) {
        const char *e = br ? memchr(br, ']', (size_t)(v.p + v.n - br)) : NULL;
        if (!e)
            return (*ok = false), true;
        return add_agent(r, tc_sv_trim(tc_sv_make(v.p, (size_t)(br - v.p))),
                         tc_sv_make(br + 1, (size_t)(e - br - 1)));
    }
    if (!close_entry(r))
        return false;
    r->first = r->d->nactors;
    r->open = true;
    if (!add_actor_phrase(r, tc_sv_trim(tc_sv_make(v.p, br ? (size_t)(br - v.p) : v.n))))
        return false;
    if (br)
        *ok = read_codes(r, v, (size_t)(br - v.p));
    return true;
}

tc_status tb_load_actors(tb_dict *d, const tc_allocator *a, const char *path,
                         bool agents, tc_warn_fn warn, void *ctx, size_t *bad)
{
    char *text;
    size_t len;
    tc_status st = tc_read_file(a, path, MAX_FILE, &text, &len);
    if (st != TC_OK)
        return st;
    st = tb_read_actors(d, a, path, text, len, agents, warn, ctx, bad);
    tc_free(a, text);
    return st;
}

tc_status tb_read_actors(tb_dict *d, const tc_allocator *a, const char *path,
                         const char *text, size_t len, bool agents,
                         tc_warn_fn warn, void *ctx, size_t *bad)
{
    actor_reader r;
    const char *p, *end;
    uint64_t line = 0;
    int block = 0; /* 1 inside <NOUN> or <ADJECTIVE> */
    tc_status st = TC_OK;
    memset(&r, 0, sizeof r);
    r.d = d;
    r.a = a;
    r.agents = agents;
    for (p = text, end = text + len; p < end;) {
        const char *b = p;
        tc_sv v = next_line(&p, end);
        bool ok = true;
        line++;
        if (v.n && v.p[0] == '~')
            break;
        if (!v.n || v.p[0] == '#' || v.p[0] == '/')
            continue;
        if (tc_sv_starts_nocase(v, tc_sv_cstr("<NOUN>")) ||
            tc_sv_starts_nocase(v, tc_sv_cstr("<ADJECTIVE>"))) {
            block = 1;
            continue;
        }
        if (v.p[0] == '<') {
            block = 0;
            continue;
        }
        if (block) {
            if (!add_noun(d, a, v))
                st = TC_ERR_NOMEM;
        } else if (!actor_line(&r, v, &ok)) {
            st = TC_ERR_NOMEM;
        }
        if (st != TC_OK)
            break;
        if (!ok) {
            (*bad)++;
            tc_warn_line(warn, ctx, path, line, (uint64_t)(b - text),
                         "bad TABARI dictionary line", b);
        }
    }
    if (st == TC_OK && !close_entry(&r))
        st = TC_ERR_NOMEM;
    return st;
}

/* ---- Verbs ---------------------------------------------------------- */

typedef struct verb_reader {
    tb_dict *d;
    const tc_allocator *a;
    tb_pattern *pats; /* the current verb's patterns */
    size_t npats, cap_pats;
    int section; /* 0 verbs, 1 synsets, 2 time */
} verb_reader;

static const tb_synset *find_set(const tb_dict *d, const char *name, size_t n)
{
    size_t i;
    for (i = 0; i < d->nsets; i++)
        if (strlen(d->sets[i].name) == n && memcmp(d->sets[i].name, name, n) == 0)
            return &d->sets[i];
    return NULL;
}

/* Parses "{ A | B C }" starting at s[0] == '{' into an element; *used gets
 * the bytes read. */
static bool parse_alts(tc_arena *ar, const char *s, size_t n, tb_elem *e,
                       size_t *used)
{
    const char *close = memchr(s, '}', n);
    size_t i, b, k = 0;
    if (!close || memchr(s + 1, '{', (size_t)(close - s - 1)))
        return false; /* unclosed, or nested (not TABARI's): a warning */
    e->kind = TB_E_ALT;
    e->alts = tc_arena_calloc(ar, TB_MAX_ALTS, sizeof *e->alts);
    if (!e->alts)
        return false;
    for (b = i = 1; i <= (size_t)(close - s); i++) {
        if (s[i] == '|' || s + i == close) {
            if (k < TB_MAX_ALTS &&
                parse_phrase(ar, s + b, i - b, &e->alts[k]))
                k++;
            b = i + 1;
        }
    }
    e->nalts = (uint16_t)k;
    *used = (size_t)(close - s) + 1;
    return k > 0;
}

/* Parses a pattern's words (the text between "-" and "[") into p. */
static bool parse_pattern(verb_reader *r, const char *s, size_t n, tb_pattern *p)
{
    tb_elem *e = tc_arena_calloc(&r->d->arena, TB_MAX_ELEMS, sizeof *e);
    size_t i = 0, k = 0;
    if (!e)
        return false;
    while (i < n && k < TB_MAX_ELEMS) {
        size_t b;
        while (i < n && (s[i] == ' ' || s[i] == '\t'))
            i++;
        if (i >= n)
            break;
        if (s[i] == '_') { /* "{...}_WORD": join to the previous element */
            if (k)
                e[k - 1].joined = true;
            i++;
            continue;
        }
        if (s[i] == '{') {
            size_t used;
            if (!parse_alts(&r->d->arena, s + i, n - i, &e[k], &used))
                return false;
            i += used;
        } else if (strchr("*+$%^", s[i])) {
            e[k].kind = s[i] == '*' ? TB_E_VERB : s[i] == '+' ? TB_E_TARGET
                      : s[i] == '$' ? TB_E_SOURCE : s[i] == '%' ? TB_E_COMPOUND
                                                  : TB_E_SKIP;
            i++;
        } else {
            tb_phrase ph;
            b = i;
            while (i < n && s[i] != ' ' && s[i] != '\t' && s[i] != '_' &&
                   s[i] != '{')
                i++;
            if (s[b] == '&') {
                e[k].kind = TB_E_SYNSET;
                e[k].set = find_set(r->d, s + b, i - b);
                if (!e[k].set)
                    return false;
            } else {
                /* "REAL~_PLEASANT": '~' keeps a word joined by '_' a stem */
                bool tilde = i > b && s[i - 1] == '~';
                size_t wn = i - b - tilde;
                if (!wn || !parse_phrase(&r->d->arena, s + b,
                                         wn + (!tilde && i < n && s[i] == '_'), &ph))
                    return false;
                e[k].kind = TB_E_WORD;
                e[k].word = ph.words[0];
                if ((tilde || !(i < n && s[i] == '_')) &&
                    ph.words[0].kind != TB_BARE)
                    e[k].word.kind = TB_STEM;
            }
        }
        if (i < n && s[i] == '_') {
            /* "IN_*" joins IN to the verb; "IN_ *" only closes IN */
            if (i + 1 < n && s[i + 1] != ' ' && s[i + 1] != '\t')
                e[k].joined = true;
            i++;
        }
        k++;
    }
    p->e = e;
    p->n = (uint16_t)k;
    return k > 0;
}

/* "...[CODE]" -> the code (upper case) and the text before '['. */
static bool split_code(tc_arena *ar, tc_sv v, tc_sv *words, const char **code)
{
    const char *b = memchr(v.p, '[', v.n), *e;
    char *c;
    size_t i, k = 0;
    if (!b)
        return false;
    e = memchr(b, ']', (size_t)(v.p + v.n - b));
    if (!e)
        return false;
    *words = tc_sv_trim(tc_sv_make(v.p, (size_t)(b - v.p)));
    c = tc_arena_alloc(ar, (size_t)(e - b));
    if (!c)
        return false;
    for (i = 1; b + i < e; i++)
        if (b[i] != ' ')
            c[k++] = up(b[i]);
    c[k] = '\0';
    *code = c;
    return true;
}

static bool close_verb(verb_reader *r)
{
    tb_verb *v;
    if (!r->d->nverbs)
        return true;
    v = &r->d->verbs[r->d->nverbs - 1];
    if (r->npats) {
        v->pats = tc_arena_calloc(&r->d->arena, r->npats, sizeof *v->pats);
        if (!v->pats)
            return false;
        memcpy(v->pats, r->pats, r->npats * sizeof *v->pats);
        v->npats = (uint16_t)r->npats;
    }
    r->npats = 0;
    return true;
}

static bool verb_head(verb_reader *r, tc_sv v, bool *ok)
{
    tb_dict *d = r->d;
    tb_verb *x;
    tc_sv words;
    tb_phrase ph;
    if (!close_verb(r) ||
        !grow(r->a, (void **)&d->verbs, &d->cap_verbs, d->nverbs, sizeof *x))
        return false;
    x = &d->verbs[d->nverbs];
    memset(x, 0, sizeof *x);
    if (!split_code(&d->arena, v, &words, &x->code) ||
        !parse_phrase(&d->arena, words.p, words.n, &ph))
        return (*ok = false), true;
    x->forms = tc_arena_calloc(&d->arena, 16, sizeof *x->forms);
    if (!x->forms)
        return false;
    x->forms[0] = ph.words[0];
    x->nforms = 1;
    if (ph.n > 1) {
        x->rest.words = ph.words + 1;
        x->rest.joined = ph.joined + 1;
        x->rest.n = (uint16_t)(ph.n - 1);
        /* "CALLED_ON": the verb's word is exact, and ON adjacent */
    }
    x->forms[0].kind = ph.n > 1 && ph.joined[0] ? TB_EXACT : ph.words[0].kind;
    if (ph.n > 1 && !ph.joined[0] && ph.words[0].kind == TB_STEM)
        x->forms[0].kind = TB_STEM;
    d->nverbs++;
    return true;
}

static bool verb_forms(verb_reader *r, tc_sv v)
{
    tb_verb *x;
    tb_phrase ph;
    size_t i;
    if (!r->d->nverbs)
        return false;
    x = &r->d->verbs[r->d->nverbs - 1];
    v = tc_sv_trim(tc_sv_make(v.p + 1, v.n - 1));
    if (!v.n || v.p[v.n - 1] != '}')
        return false; /* "{ FORMS" unclosed */
    v.n--;
    if (memchr(v.p, '{', v.n) || memchr(v.p, '}', v.n))
        return false; /* nested: not TABARI's */
    if (!parse_phrase(&r->d->arena, v.p, v.n, &ph))
        return false;
    for (i = 0; i < ph.n && x->nforms < 16; i++) {
        tb_word w = ph.words[i];
        /* a form written "ACTING_" is exact; each form is its own word */
        w.kind = ph.joined[i] || (i + 1 == ph.n && v.n && v.p[v.n - 1] == '_')
                     ? TB_EXACT : w.kind;
        x->forms[x->nforms++] = w;
    }
    return true;
}

static bool verb_pattern(verb_reader *r, tc_sv v, uint64_t line, bool *ok)
{
    tb_pattern p;
    tc_sv words;
    memset(&p, 0, sizeof p);
    if (!r->d->nverbs || !split_code(&r->d->arena, v, &words, &p.code))
        return (*ok = false), true;
    words = tc_sv_trim(tc_sv_make(words.p + 1, words.n - 1)); /* the '-' */
    if (!parse_pattern(r, words.p, words.n, &p))
        return (*ok = false), true;
    p.line = (uint32_t)line;
    if (!grow(r->a, (void **)&r->pats, &r->cap_pats, r->npats, sizeof p))
        return false;
    r->pats[r->npats++] = p;
    return true;
}

static bool synset_line(verb_reader *r, tc_sv v, bool *ok)
{
    tb_dict *d = r->d;
    tb_synset *s;
    if (v.p[0] == '&') {
        char *name;
        size_t i;
        if (!grow(r->a, (void **)&d->sets, &d->cap_sets, d->nsets, sizeof *s))
            return false;
        s = &d->sets[d->nsets++];
        memset(s, 0, sizeof *s);
        name = tc_arena_alloc(&d->arena, v.n + 1);
        s->members = tc_arena_calloc(&d->arena, 64, sizeof *s->members);
        if (!name || !s->members)
            return false;
        for (i = 0; i < v.n && v.p[i] != ' '; i++)
            name[i] = up(v.p[i]);
        name[i] = '\0';
        s->name = name;
        return true;
    }
    if (v.p[0] != '+' || !d->nsets)
        return (*ok = false), true;
    s = &d->sets[d->nsets - 1];
    if (s->n < 64 &&
        parse_phrase(&d->arena, v.p + 1, v.n - 1, &s->members[s->n]))
        s->n++;
    return true;
}

tc_status tb_load_verbs(tb_dict *d, const tc_allocator *a, const char *path,
                        tc_warn_fn warn, void *ctx, size_t *bad)
{
    char *text;
    size_t len;
    tc_status st = tc_read_file(a, path, MAX_FILE, &text, &len);
    if (st != TC_OK)
        return st;
    st = tb_read_verbs(d, a, path, text, len, warn, ctx, bad);
    tc_free(a, text);
    return st;
}

tc_status tb_read_verbs(tb_dict *d, const tc_allocator *a, const char *path,
                        const char *text, size_t len, tc_warn_fn warn,
                        void *ctx, size_t *bad)
{
    verb_reader r;
    const char *p, *end;
    uint64_t line = 0, pbyte;
    tc_status st = TC_OK;
    if (tc_verbs_is_petrarch(text, len, &line, &pbyte)) {
        (*bad)++;
        tc_warn_line(warn, ctx, path, line, pbyte, TC_PETRARCH_VERBS_MSG,
                     text + pbyte);
        return TC_OK;
    }
    line = 0;
    memset(&r, 0, sizeof r);
    r.d = d;
    r.a = a;
    for (p = text, end = text + len; p < end && st == TC_OK;) {
        const char *b = p;
        tc_sv v = uncomment(next_line(&p, end));
        bool ok = true, mem = true;
        line++;
        if (v.n && v.p[0] == '~')
            break;
        if (!v.n || v.p[0] == '#')
            continue;
        if (v.p[0] == '<') {
            r.section = tc_sv_starts_nocase(v, tc_sv_cstr("<SYNSETS>")) ? 1
                      : tc_sv_starts_nocase(v, tc_sv_cstr("<TIME>")) ? 2 : 0;
            continue;
        }
        if (r.section == 1)
            mem = synset_line(&r, v, &ok);
        else if (r.section == 2)
            continue; /* time shifts: not coded */
        else if (v.p[0] == '-')
            mem = verb_pattern(&r, v, line, &ok);
        else if (v.p[0] == '{')
            ok = verb_forms(&r, v);
        else
            mem = verb_head(&r, v, &ok);
        if (!mem)
            st = TC_ERR_NOMEM;
        else if (!ok) {
            (*bad)++;
            tc_warn_line(warn, ctx, path, line, (uint64_t)(b - text),
                         "TABARI verbs line not read", b);
        }
    }
    if (st == TC_OK && !close_verb(&r))
        st = TC_ERR_NOMEM;
    tc_free(a, r.pats);
    return st;
}

/* ---- Options ---------------------------------------------------------- */

void tb_options_default(tb_options *o)
{
    memset(o, 0, sizeof *o);
    o->min_words = 8;
    o->comma_min = o->comma_emin = 2; /* TABARI's defaults */
    o->comma_max = o->comma_emax = 10;
    o->comma_bmin = 255;
    o->comma_bmax = 0;
}


static bool has(tc_sv v, const char *what)
{
    size_t n = strlen(what), i;
    for (i = 0; i + n <= v.n; i++)
        if (tc_sv_eq_nocase(tc_sv_make(v.p + i, n), tc_sv_make(what, n)))
            return true;
    return false;
}

/* The code in "[X]" after `key`, interned in the arena, or NULL. */
static const char *bracket_after(tc_arena *ar, tc_sv v, const char *key)
{
    size_t n = strlen(key), i;
    for (i = 0; i + n <= v.n; i++) {
        if (tc_sv_eq_nocase(tc_sv_make(v.p + i, n), tc_sv_make(key, n))) {
            const char *b = memchr(v.p + i, '[', v.n - i), *e;
            if (!b)
                return NULL;
            e = memchr(b, ']', (size_t)(v.p + v.n - b));
            if (!e)
                return NULL;
            return tc_arena_strndup(ar, b + 1, (size_t)(e - b - 1));
        }
    }
    return NULL;
}

static int number_after(tc_sv v, const char *key, int dflt)
{
    size_t n = strlen(key), i;
    for (i = 0; i + n <= v.n; i++) {
        if (tc_sv_eq_nocase(tc_sv_make(v.p + i, n), tc_sv_make(key, n))) {
            i += n;
            while (i < v.n && (v.p[i] < '0' || v.p[i] > '9'))
                i++;
            return i < v.n ? atoi(v.p + i) : dflt;
        }
    }
    return dflt;
}

/* "COMMA: MIN = 4 MAX = 6 EMIN = 3 EMAX = 6 BMIN = 3 BMAX = 8" or
 * "COMMA: OFF". */
static bool comma_line(tb_options *o, tc_sv v)
{
    static const char *const keys[] = {"MIN", "MAX", "EMIN", "EMAX", "BMIN", "BMAX"};
    int *vals[6];
    size_t i = 6, k;
    vals[0] = &o->comma_min;
    vals[1] = &o->comma_max;
    vals[2] = &o->comma_emin;
    vals[3] = &o->comma_emax;
    vals[4] = &o->comma_bmin;
    vals[5] = &o->comma_bmax;
    if (has(v, "OFF")) {
        o->comma_off = true;
        return true;
    }
    o->comma_off = false;
    while (i < v.n) {
        size_t b;
        while (i < v.n && !((v.p[i] >= 'A' && v.p[i] <= 'Z') ||
                            (v.p[i] >= 'a' && v.p[i] <= 'z')))
            i++;
        b = i;
        while (i < v.n && ((v.p[i] >= 'A' && v.p[i] <= 'Z') ||
                           (v.p[i] >= 'a' && v.p[i] <= 'z')))
            i++;
        for (k = 0; k < 6; k++) {
            if (i - b == strlen(keys[k]) &&
                tc_sv_eq_nocase(tc_sv_make(v.p + b, i - b), tc_sv_cstr(keys[k]))) {
                while (i < v.n && (v.p[i] == ' ' || v.p[i] == '='))
                    i++;
                if (i < v.n && v.p[i] >= '0' && v.p[i] <= '9')
                    *vals[k] = atoi(v.p + i);
            }
        }
    }
    return true;
}

bool tb_options_line(tb_options *o, tc_arena *ar, const char *s, size_t n)
{
    tc_sv v = tc_sv_trim(tc_sv_make(s, n));
    if (tc_sv_starts_nocase(v, tc_sv_cstr("DEFAULT:"))) {
        if (has(v, "OFF")) {
            o->def_source = o->def_target = NULL;
            o->def_prior = o->def_after = false;
            return true;
        }
        if (has(v, "SOURCE"))
            o->def_source = bracket_after(ar, v, "SOURCE");
        if (has(v, "TARGET"))
            o->def_target = bracket_after(ar, v, "TARGET");
        o->def_prior = has(v, "PRIOR");
        o->def_after = has(v, "AFTER");
        return true;
    }
    if (tc_sv_starts_nocase(v, tc_sv_cstr("FORWARD:"))) {
        /* the mask is not read: a story is the records whose ids agree
         * but for their last '-' field */
        o->forward = !has(v, " OFF");
        return true;
    }
    if (tc_sv_starts_nocase(v, tc_sv_cstr("COMMA:")))
        return comma_line(o, v);
    if (tc_sv_starts_nocase(v, tc_sv_cstr("COMPLEX:"))) {
        o->complex_verbs = number_after(v, "VERBS", 0);
        o->complex_conj = number_after(v, "CONJ", 0);
        return true;
    }
    if (!tc_sv_starts_nocase(v, tc_sv_cstr("SET:")))
        return false;
    if (has(v, "CODE BY SENTENCE"))
        o->code_by = 1;
    else if (has(v, "CODE BY CLAUSE"))
        o->code_by = 0;
    else if (has(v, "CODE ALL"))
        o->code_by = 2;
    else if (has(v, "MINIMUM WORDS"))
        o->min_words = number_after(v, "MINIMUM WORDS", 8);
    else if (has(v, "TIME SHIFT"))
        o->time_shift = has(v, "TRUE");
    else if (has(v, "CONVERT AGENT"))
        o->convert_agent = has(v, "TRUE");
    else
        return false;
    return true;
}

/* ---- The project handle ------------------------------------------------ */

struct tc_tabari {
    tc_allocator alloc;
    tb_dict dict;
    tb_options opt;
    tc_arena opt_arena; /* strings of options */
    tc_arena rec_arena; /* the current record and its events */
    tc_vec events;      /* tc_tabari_event */
    tb_forward fwd;     /* FORWARD: the story's actor */
    char story[128];    /* the story of the record read last */
    char fwd_story[128];/* the story fwd belongs to */
    char *text;         /* the text file */
    size_t text_len, pos;
    uint64_t line;
    bool skipping;      /* inside lines skipped for want of a header */
    tc_warn_fn warn;    /* lines of the text file that are no header */
    void *warn_ctx;
    char text_path[2048];
};

/* The directory part of `path` joined with `name` (absolute names kept). */
static void join_path(const char *path, const char *name, char *out, size_t cap)
{
    const char *slash = strrchr(path, '/');
    if (name[0] == '/' || !slash)
        snprintf(out, cap, "%s", name);
    else
        snprintf(out, cap, "%.*s/%s", (int)(slash - path), path, name);
}

static void read_options(tc_tabari *t, const char *text, size_t len)
{
    const char *p, *end;
    for (p = text, end = text + len; p < end;) {
        tc_sv v = tc_sv_trim(next_line(&p, end));
        if (v.n && v.p[0] == '~')
            break;
        if (v.n && v.p[0] != '/')
            tb_options_line(&t->opt, &t->opt_arena, v.p, v.n);
    }
}

static tc_status load_options_file(tc_tabari *t, const char *path)
{
    char *text;
    size_t len;
    tc_status st = tc_read_file(&t->alloc, path, MAX_FILE, &text, &len);
    if (st != TC_OK)
        return st;
    read_options(t, text, len);
    tc_free(&t->alloc, text);
    return TC_OK;
}

/* Reads the value of "<tag> VALUE" lines of the project. */
static bool project_value(tc_sv v, const char *tag, char *out, size_t cap)
{
    size_t n = strlen(tag);
    tc_sv rest;
    if (v.n < n || !tc_sv_eq_nocase(tc_sv_make(v.p, n), tc_sv_make(tag, n)))
        return false;
    rest = tc_sv_trim(tc_sv_make(v.p + n, v.n - n));
    snprintf(out, cap, "%.*s", (int)rest.n, rest.p);
    return rest.n > 0;
}

static tc_status open_files(tc_tabari *t, const char *project, tc_warn_fn warn,
                            void *ctx, tc_error *err)
{
    static const char *const tags[] = {"<actorsfile>", "<agentsfile>",
                                       "<verbsfile>", "<optionsfile>",
                                       "<textfile>"};
    char *text, val[1024], path[2048], file[5][2048];
    size_t len, bad = 0, i;
    const char *p, *end;
    tc_status st = tc_read_file(&t->alloc, project, MAX_FILE, &text, &len);
    if (st != TC_OK)
        return tc_error_set(err, st, project, 0, 0, "cannot read the project");
    memset(file, 0, sizeof file);
    for (p = text, end = text + len; p < end;) {
        tc_sv v = tc_sv_trim(next_line(&p, end));
        for (i = 0; i < 5; i++)
            if (project_value(v, tags[i], val, sizeof val))
                join_path(project, val, file[i], sizeof file[i]);
    }
    tc_free(&t->alloc, text);
    if (!file[4][0])
        return tc_error_set(err, TC_ERR_INPUT, project, 0, 0,
                            "the project names no <textfile>");
    for (i = 0; i < 4 && st == TC_OK; i++) {
        if (!file[i][0])
            continue;
        memcpy(path, file[i], sizeof path);
        st = i == 3 ? load_options_file(t, path)
           : i == 2 ? tb_load_verbs(&t->dict, &t->alloc, path, warn, ctx, &bad)
                    : tb_load_actors(&t->dict, &t->alloc, path, i == 1, warn,
                                     ctx, &bad);
    }
    if (st == TC_OK)
        st = tc_read_file(&t->alloc, file[4], MAX_FILE, &t->text, &t->text_len);
    if (st == TC_OK)
        snprintf(t->text_path, sizeof t->text_path, "%s", file[4]);
    if (st != TC_OK)
        return tc_error_set(err, st, i < 5 && file[i ? i - 1 : 0][0] ? path : file[4],
                            0, 0, "cannot load: %s", tc_status_str(st));
    return TC_OK;
}

static tc_tabari *new_handle(const tc_allocator *alloc, const char *name,
                             tc_warn_fn warn, void *warn_ctx, tc_error *err)
{
    const tc_allocator *a = alloc ? alloc : tc_default_allocator();
    tc_tabari *t = tc_malloc(a, sizeof *t);
    if (!t) {
        tc_error_set(err, TC_ERR_NOMEM, name, 0, 0, "out of memory");
        return NULL;
    }
    memset(t, 0, sizeof *t);
    t->alloc = *a;
    t->warn = warn;
    t->warn_ctx = warn_ctx;
    tc_arena_init(&t->dict.arena, &t->alloc);
    tc_arena_init(&t->opt_arena, &t->alloc);
    tc_arena_init(&t->rec_arena, &t->alloc);
    tc_vec_init(&t->events, &t->alloc, sizeof(tc_tabari_event), 1u << 20);
    tb_options_default(&t->opt);
    return t;
}

tc_tabari *tc_tabari_open(const char *project, const tc_allocator *alloc,
                          tc_warn_fn warn, void *warn_ctx, tc_error *err)
{
    tc_tabari *t = new_handle(alloc, project, warn, warn_ctx, err);
    if (t && open_files(t, project, warn, warn_ctx, err) != TC_OK) {
        tc_tabari_close(t);
        return NULL;
    }
    return t;
}

tc_tabari *tb_tabari_open_mem(const tc_allocator *alloc, const tb_source src[5],
                              tc_warn_fn warn, void *warn_ctx, tc_error *err)
{
    tc_tabari *t = new_handle(alloc, src[4].name, warn, warn_ctx, err);
    size_t bad = 0;
    tc_status st = TC_OK;
    if (!t)
        return NULL;
    snprintf(t->text_path, sizeof t->text_path, "%s", src[4].name);
    if (src[0].text)
        st = tb_read_actors(&t->dict, &t->alloc, src[0].name, src[0].text,
                            src[0].len, false, warn, warn_ctx, &bad);
    if (st == TC_OK && src[1].text)
        st = tb_read_actors(&t->dict, &t->alloc, src[1].name, src[1].text,
                            src[1].len, true, warn, warn_ctx, &bad);
    if (st == TC_OK && src[2].text)
        st = tb_read_verbs(&t->dict, &t->alloc, src[2].name, src[2].text,
                           src[2].len, warn, warn_ctx, &bad);
    if (st == TC_OK && src[3].text)
        read_options(t, src[3].text, src[3].len);
    if (st == TC_OK) {
        t->text = tc_malloc(&t->alloc, src[4].len + 1);
        if (!t->text)
            st = TC_ERR_NOMEM;
        else {
            if (src[4].len)
                memcpy(t->text, src[4].text, src[4].len);
            t->text[src[4].len] = '\0';
            t->text_len = src[4].len;
        }
    }
    if (st != TC_OK) {
        tc_error_set(err, st, src[4].name, 0, 0, "cannot load: %s",
                     tc_status_str(st));
        tc_tabari_close(t);
        return NULL;
    }
    return t;
}

void tc_tabari_close(tc_tabari *t)
{
    if (!t)
        return;
    tc_free(&t->alloc, t->dict.actors);
    tc_free(&t->alloc, t->dict.agents);
    tc_free(&t->alloc, t->dict.verbs);
    tc_free(&t->alloc, t->dict.sets);
    tc_free(&t->alloc, t->dict.nouns);
    tc_arena_free(&t->dict.arena);
    tc_arena_free(&t->opt_arena);
    tc_arena_free(&t->rec_arena);
    tc_vec_free(&t->events);
    tc_free(&t->alloc, t->text);
    tc_free(&t->alloc, t);
}

/* The first comment opener (slash, star) in a line, or NULL. */
static const char *comment_mark(const char *s, size_t n)
{
    size_t i;
    for (i = 0; i + 1 < n; i++)
        if (s[i] == '/' && s[i + 1] == '*')
            return s + i;
    return NULL;
}

/* Splits a header line into its fields; false when it is not a header. */
static bool header(tc_sv v, tc_sv f[3])
{
    size_t i = 0, k;
    for (k = 0; k < 3; k++) {
        size_t b;
        while (i < v.n && (v.p[i] == ' ' || v.p[i] == '\t'))
            i++;
        b = i;
        while (i < v.n && v.p[i] != ' ' && v.p[i] != '\t')
            i++;
        f[k] = tc_sv_make(v.p + b, i - b);
    }
    while (i < v.n && (v.p[i] == ' ' || v.p[i] == '\t'))
        i++;
    return i == v.n && f[0].n >= 5 && f[0].n <= 9 && tc_digits(f[0].p, f[0].n) &&
           f[1].n > 0;
}

tc_status tc_tabari_next(tc_tabari *t, tc_tabari_record *out)
{
    const char *end = t->text + t->text_len, *p = t->text + t->pos;
    tc_sb text, comment;
    tc_sv f[3];
    bool in_comment = false;
    char date[16];
    int32_t day;
    tc_status st = TC_OK;
    tc_arena_reset(&t->rec_arena);
    for (;;) {
        tc_sv v;
        if (p >= end) {
            t->pos = t->text_len;
            return TC_DONE;
        }
        v = next_line(&p, end);
        t->line++;
        if (header(v, f))
            break;
        v = tc_sv_trim(v);
        if (v.n && v.p[0] != '#' && !t->skipping) /* once a block */
            tc_warn_line(t->warn, t->warn_ctx, t->text_path, t->line,
                         (uint64_t)(v.p - t->text),
                         "not a record header (DATE ID [FIELD]): lines skipped "
                         "to the next blank line",
                         v.p);
        t->skipping = v.n > 0;
    }
    t->skipping = false;
    memset(out, 0, sizeof *out);
    out->line = t->line;
    out->id = tc_arena_strndup(&t->rec_arena, f[1].p, f[1].n);
    out->extra = tc_arena_strndup(&t->rec_arena, f[2].p, f[2].n);
    { /* the story: the id but for its last '-' field */
        size_t k = f[1].n;
        while (k > 0 && f[1].p[k - 1] != '-')
            k--;
        snprintf(t->story, sizeof t->story, "%.*s", (int)(k ? k - 1 : f[1].n),
                 f[1].p);
    }
    day = tb_date(f[0].p, f[0].n);
    if (day)
        snprintf(date, sizeof date, "%04u-%02u-%02u",
                 (unsigned)(day / 10000) % 10000u, (unsigned)(day / 100 % 100),
                 (unsigned)(day % 100));
    else
        date[0] = '\0';
    out->date = tc_arena_strndup(&t->rec_arena, date, strlen(date));
    tc_sb_init(&text, &t->alloc, MAX_FILE);
    tc_sb_init(&comment, &t->alloc, MAX_FILE);
    while (p < end && st == TC_OK) {
        const char *mark;
        tc_sv v = next_line(&p, end);
        t->line++;
        if (!tc_sv_trim(v).n)
            break;
        mark = in_comment ? NULL : comment_mark(v.p, v.n);
        if (mark) {
            st = tc_sb_append(&text, v.p, (size_t)(mark - v.p));
            if (st == TC_OK)
                st = tc_sb_append(&comment, mark + 2, (size_t)(v.p + v.n - mark - 2));
            in_comment = true;
        } else {
            st = tc_sb_append(in_comment ? &comment : &text, v.p, v.n);
        }
        if (st == TC_OK)
            st = tc_sb_putc(in_comment ? &comment : &text, in_comment ? '\n' : ' ');
    }
    t->pos = (size_t)(p - t->text);
    if (st == TC_OK) {
        out->text = tc_arena_strndup(&t->rec_arena, text.n ? text.p : "", text.n);
        out->comment = tc_arena_strndup(&t->rec_arena, comment.n ? comment.p : "",
                                        comment.n);
        if (!out->text || !out->comment || !out->id || !out->extra || !out->date)
            st = TC_ERR_NOMEM;
    }
    tc_sb_free(&text);
    tc_sb_free(&comment);
    return st;
}

size_t tc_tabari_apply_options(tc_tabari *t, const char *comment)
{
    const char *p = comment;
    size_t n = 0;
    while ((p = strstr(p, "OPTION:")) != NULL) {
        const char *e = p + 7;
        while (*e && *e != '}' && *e != '\n' && !(e[0] == '*' && e[1] == '/'))
            e++;
        n += tb_options_line(&t->opt, &t->opt_arena, p + 7, (size_t)(e - p - 7));
        p = e;
    }
    return n;
}

tc_status tc_tabari_code(tc_tabari *t, const char *text, size_t len,
                         const char *date, size_t *count)
{
    int32_t day = 0;
    tc_status st;
    if (date && date[0]) {
        char d[9];
        size_t i, k = 0;
        for (i = 0; date[i] && k < 8; i++)
            if (date[i] != '-')
                d[k++] = date[i];
        day = tb_date(d, k);
    }
    tc_vec_clear(&t->events);
    if (strcmp(t->story, t->fwd_story) != 0) { /* a new story */
        memset(&t->fwd, 0, sizeof t->fwd);
        memcpy(t->fwd_story, t->story, sizeof t->story);
    } else if (t->fwd.out[0]) {
        memcpy(t->fwd.in, t->fwd.out, sizeof t->fwd.in);
        t->fwd.out[0] = '\0';
    }
    st = tb_code_text(&t->dict, &t->opt, text, len, day, &t->fwd,
                      &t->rec_arena, &t->events);
    if (count)
        *count = t->events.n;
    return st;
}

tc_status tc_tabari_event_at(const tc_tabari *t, size_t i, tc_tabari_event *out)
{
    if (i >= t->events.n)
        return TC_ERR_USAGE;
    *out = *(const tc_tabari_event *)tc_vec_at(&t->events, i);
    return TC_OK;
}
