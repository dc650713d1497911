/*
 * tabari_code.c - TABARI's sparse-parse coder over one record's text, with
 * the dictionaries of project.c (tabari_proj.h).  Used only for TABARI
 * projects (`tacitus code --tabari-project`, `tacitus eval tabari`): our
 * own event finder (events.c) is untouched by it.
 *
 * Per sentence:
 *  1. words, upper-cased; a word keeps its "'S" (verbs must not match
 *     "plan's"), actors and agents match without it;
 *  2. actors: the longest phrase at each word (words joined by '_' must
 *     be adjacent, a space lets up to GAP words come between); a dated
 *     code is chosen by the record's date; "---" blocks, "###" discards
 *     the record, "+++" makes the sentence complex (nothing coded);
 *  3. agents: "ACTOR['S] AGENT" and "AGENT OF [THE] ACTOR" join codes
 *     (ARN + ~GOV = ARNGOV; "NGM~" goes first); pronouns (he, she, it,
 *     they, him, them) stand for the sentence's first actor;
 *  4. compounds: actors separated only by commas and AND;
 *  5. verbs, left to right: a word is no verb after THE, A or AN, when
 *     capitalized inside the sentence, or when it is in a <NOUN> or
 *     <ADJECTIVE> list or inside an actor.  The verb's patterns are tried
 *     in order, the words before '*' leftwards from the verb and those
 *     after it rightwards ('_' = adjacent, else later words may come
 *     between); '+' and '$' take the actor at that place, '%' a compound
 *     whose members then act on each other, '^' any one word;
 *  6. the source is '$', else the clause's first actor before the verb,
 *     else the sentence's first; the target '+', else the first actor
 *     after the verb; DEFAULT options fill a missing one.  "a:b" codes
 *     source->target a and target->source b; "---" codes nothing; a code
 *     ending in '?' (TABARI's subordinate "said") is left to the verbs
 *     after it.  After an event, coding goes on from the next clause (AND,
 *     BUT, ';'), or stops (CODE BY SENTENCE), or goes on (CODE ALL).
 */
#include "../lexicon/tabari_proj.h"

#include <string.h>

#define GAP 3          /* words allowed between space-joined phrase words */
#define MAX_TOKS 1024  /* words of one sentence */
#define MAX_MEMBERS 16 /* actors of one compound */
#define MAX_SET_DEPTH 3

typedef struct tok {
    size_t start, end; /* in the text */
    const char *w;     /* upper case, in the arena */
    size_t n, base;    /* length; without a final 'S or ' */
    bool cap;          /* capitalized with lower-case letters after */
    char punct;        /* the character of a punctuation token, else 0 */
} tok;

enum { M_ACTOR = 1, M_AGENT, M_PRONOUN, M_NULL };

typedef struct mention {
    int t0, t1;        /* tokens [t0, t1) */
    int kind;
    const char *code;
    const char *root;  /* an actor's own code, before agents join it */
    bool prefix;       /* agent put before the actor */
    int group;         /* compound index, -1 none */
} mention;

typedef struct sent {
    const tb_dict *d;
    const tb_options *o;
    tc_arena *ar;
    tok *t;
    int n;
    int32_t day;
    const char *fwd;     /* FORWARD: unresolved pronouns, NULL none */
    int words;           /* before COMMA: deletions, for MINIMUM WORDS */
    mention m[MAX_TOKS];
    int nm;
    int owner[MAX_TOKS]; /* mention covering token, -1 */
    int first_actor;     /* mention index, -1 */
    bool complex, discard;
} sent;

typedef struct groupref { int members[MAX_MEMBERS]; int n; } groupref;

/* ---- Words ---------------------------------------------------------- */

static bool is_wordch(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
           (c >= '0' && c <= '9') || c == '\'' || c == '-' ||
           c == '&' || (unsigned char)c >= 0x80;
}

static char up(char c)
{
    return (char)(c >= 'a' && c <= 'z' ? c - 32 : c);
}

/* Splits text[b, e) into tokens. */
static int tokenize(tc_arena *ar, const char *s, size_t b, size_t e, tok *t,
                    int cap)
{
    size_t i = b;
    int n = 0;
    while (i < e && n < cap) {
        size_t j;
        char c = s[i];
        if ((unsigned char)c <= ' ' || c == '_') { /* spaces, controls, NUL */
            i++;
            continue;
        }
        memset(&t[n], 0, sizeof t[n]);
        t[n].start = i;
        if (!is_wordch(c) && c != '.') {
            t[n].punct = c;
            t[n].end = i + 1;
            t[n].w = ",";
            if (c != ',')
                t[n].w = c == ';' ? ";" : c == ':' ? ":" : "\"";
            t[n].n = t[n].base = 1;
            if (c == '?' || c == '!')
                t[n].w = ".";
            n++;
            i++;
            continue;
        }
        j = i;
        for (;;) {
            if (j < e && is_wordch(s[j])) {
                j++;
                continue;
            }
            if (j < e && j > i && s[j] == '.' && j + 1 < e && is_wordch(s[j + 1]) &&
                s[j + 1] != '\'') {
                j++; /* U.S.S.R, 0.8 */
                continue;
            }
            if (j < e && j > i && s[j] == '.' && memchr(s + i, '.', j - i) &&
                (j - 1 == i || s[j - 2] == '.'))
                j++; /* the last period of U.S. */
            break;
        }
        if (j == i) { /* a lone period */
            t[n].punct = '.';
            t[n].end = i + 1;
            t[n].w = ".";
            t[n].n = t[n].base = 1;
            n++;
            i++;
            continue;
        }
        {
            char *w = tc_arena_alloc(ar, j - i + 1);
            size_t k;
            bool lower = false;
            if (!w)
                return -1;
            for (k = 0; k < j - i; k++) {
                lower |= s[i + k] >= 'a' && s[i + k] <= 'z';
                w[k] = up(s[i + k]);
            }
            w[j - i] = '\0';
            t[n].w = w;
            t[n].n = t[n].base = j - i;
            if (t[n].n > 2 && w[t[n].n - 2] == '\'' && w[t[n].n - 1] == 'S')
                t[n].base = t[n].n - 2;
            else if (t[n].n > 1 && w[t[n].n - 1] == '\'')
                t[n].base = t[n].n - 1;
            t[n].cap = s[i] >= 'A' && s[i] <= 'Z' && lower;
        }
        t[n].end = j;
        n++;
        i = j;
    }
    return n;
}

static bool is(const tok *t, const char *w)
{
    return !t->punct && t->n == strlen(w) && memcmp(t->w, w, t->n) == 0;
}

static int words_in(const tok *t, int n)
{
    int i, k = 0;
    for (i = 0; i < n; i++)
        k += !t[i].punct;
    return k;
}

/* ---- Phrases -------------------------------------------------------- */

/* How a word is matched: MB_BASE, also without the text word's 'S;
 * MB_CLOSED, a word written with '_' matches only itself (inside verb
 * patterns and synsets: "KRONER_" is not "KRONEREN"). */
enum { MB_BASE = 1, MB_CLOSED = 2 };

static bool match_tok(const tb_word *w, const tok *t, int mode)
{
    bool base = mode & MB_BASE;
    if (t->punct)
        return false;
    if (w->w[0] == '&')
        return false;
    if ((mode & MB_CLOSED) && w->kind == TB_EXACT) {
        tb_word bare = *w;
        bare.kind = TB_BARE;
        return tb_word_match(&bare, t->w, t->n);
    }
    return tb_word_match(w, t->w, base ? t->base : t->n) ||
           (base && t->base != t->n && tb_word_match(w, t->w, t->n));
}

/* Matches phrase `ph` forward from token i; gaps allowed between
 * space-joined words when `gaps`.  Returns the end token or -1. */
static int match_phrase(const sent *s, const tb_phrase *ph, int i, int mode,
                        bool gaps, int depth);

static int match_set(const sent *s, const tb_synset *set, int i, int depth)
{
    int k, best = -1;
    if (!set || depth > MAX_SET_DEPTH)
        return -1;
    for (k = 0; k < set->n; k++) {
        int e = match_phrase(s, &set->members[k], i, MB_CLOSED, true, depth + 1);
        if (e > best)
            best = e;
    }
    return best;
}

static const tb_synset *set_named(const tb_dict *d, const char *name)
{
    size_t i;
    for (i = 0; i < d->nsets; i++)
        if (strcmp(d->sets[i].name, name) == 0)
            return &d->sets[i];
    return NULL;
}

static int match_phrase(const sent *s, const tb_phrase *ph, int i, int mode,
                        bool gaps, int depth)
{
    int k, p = i;
    for (k = 0; k < ph->n; k++) {
        bool adj = k == 0 || ph->joined[k - 1] || !gaps;
        int lim = adj ? p : p + GAP, q, e = -1;
        for (q = p; q <= lim && q < s->n; q++) {
            if (ph->words[k].w[0] == '&')
                e = match_set(s, set_named(s->d, ph->words[k].w), q, depth);
            else if (match_tok(&ph->words[k], &s->t[q],
                               k + 1 == ph->n ? mode : mode & ~MB_BASE))
                e = q + 1;
            if (e >= 0)
                break;
            if (s->t[q].punct)
                break;
        }
        if (e < 0)
            return -1;
        p = e;
    }
    return p;
}

/* ---- Actors, agents, pronouns ------------------------------------------ */

static const char *code_on(const tb_actor *a, int32_t day)
{
    const char *dflt = NULL;
    int i;
    for (i = 0; i < a->ncodes; i++) {
        const tb_code *c = &a->codes[i];
        if (!c->from && !c->to) {
            if (!dflt)
                dflt = c->code;
            continue;
        }
        if (day && (!c->from || day >= c->from) && (!c->to || day <= c->to))
            return c->code;
    }
    if (!day && !dflt && a->ncodes)
        return a->codes[0].code;
    return dflt ? dflt : "---";
}

static bool add_mention(sent *s, int t0, int t1, int kind, const char *code,
                        bool prefix)
{
    mention *m;
    int i;
    if (s->nm >= MAX_TOKS)
        return false;
    m = &s->m[s->nm];
    m->t0 = t0;
    m->t1 = t1;
    m->kind = kind;
    m->code = m->root = code;
    m->prefix = prefix;
    m->group = -1;
    for (i = t0; i < t1; i++)
        s->owner[i] = s->nm;
    s->nm++;
    return true;
}

static void find_mentions(sent *s)
{
    static const char *const pron[] = {"HE", "SHE", "IT", "THEY", "HIM", "THEM"};
    int i;
    size_t k;
    for (i = 0; i < s->n; i++)
        s->owner[i] = -1;
    for (i = 0; i < s->n; i++) {
        int best = -1, bestw = 0;
        const char *code = NULL;
        bool agent = false, prefix = false;
        if (s->t[i].punct)
            continue;
        for (k = 0; k < s->d->nactors; k++) {
            const tb_actor *a = &s->d->actors[k];
            int e = match_phrase(s, &a->ph, i, MB_BASE, true, 0);
            if (e > 0 && a->ph.n > bestw) {
                best = e;
                bestw = a->ph.n;
                code = code_on(a, s->day);
            }
        }
        for (k = 0; best < 0 && k < s->d->nagents; k++) {
            const tb_agent *g = &s->d->agents[k];
            int e = match_phrase(s, &g->ph, i, MB_BASE, true, 0);
            if (e > 0 && g->ph.n > bestw) {
                best = e;
                bestw = g->ph.n;
                code = g->code;
                agent = true;
                prefix = g->prefix;
            }
        }
        if (best < 0) {
            for (k = 0; k < sizeof pron / sizeof pron[0]; k++)
                if (is(&s->t[i], pron[k]))
                    add_mention(s, i, i + 1, M_PRONOUN, "", false);
            continue;
        }
        if (!agent && strcmp(code, "###") == 0)
            s->discard = true;
        if (!agent && strcmp(code, "+++") == 0)
            s->complex = true;
        add_mention(s, i, best,
                    agent ? M_AGENT : code[0] == '-' || code[0] == '#' ||
                                      code[0] == '+' ? M_NULL : M_ACTOR,
                    code, prefix);
        i = best - 1;
    }
}

static const char *join_codes(tc_arena *ar, const char *a, const char *b)
{
    size_t na = strlen(a), nb = strlen(b);
    char *c;
    if (strcmp(a, b) == 0 || (na > 3 && nb >= 3 && strstr(a + 3, b)))
        return a; /* NGM + NGM~: NGM; HGWGOVMED + ~GOV: HGWGOVMED */
    if (na > nb && strstr(a + 3, b) == a + na - nb)
        return a; /* WASHINGTON [USAGOV] + SECURITY_OFFICIALS_ [~GOV] */
    c = tc_arena_alloc(ar, na + nb + 1);
    if (!c)
        return a;
    memcpy(c, a, na);
    memcpy(c + na, b, nb + 1);
    return c;
}

/* Joins agent g to actor a, which it precedes or follows; "former" before
 * the phrase (or between actor and agent) makes the agent's code ELI. */
static void join_agent(sent *s, mention *a, mention *g)
{
    int t0 = a->t0 < g->t0 ? a->t0 : g->t0;
    bool former = (t0 > 0 && is(&s->t[t0 - 1], "FORMER")) ||
                  (a->t1 < g->t0 && is(&s->t[a->t1], "FORMER"));
    const char *code = former ? "ELI" : g->code;
    a->code = g->prefix && !former ? join_codes(s->ar, code, a->code)
                                   : join_codes(s->ar, a->code, code);
    if (g->t0 < a->t0)
        a->t0 = g->t0;
    if (g->t1 > a->t1)
        a->t1 = g->t1;
    g->kind = 0;
}

/* Agents join the actor before them ("Gondor's prime minister", "Arnor
 * former security officials"), just after them ("minister Calimehtar")
 * or after "of" or "in" ("the ambassadors of Arnor"); what is left of
 * them is dropped. */
static void attach_agents(sent *s)
{
    int i;
    for (i = 0; i < s->nm; i++) {
        mention *g = &s->m[i];
        if (g->kind != M_AGENT)
            continue;
        if (i > 0 && s->m[i - 1].kind == M_ACTOR &&
            (s->m[i - 1].t1 == g->t0 ||
             (s->m[i - 1].t1 + 1 == g->t0 && is(&s->t[g->t0 - 1], "FORMER")))) {
            join_agent(s, &s->m[i - 1], g);
            continue;
        }
        if (i + 1 < s->nm && s->m[i + 1].kind == M_ACTOR &&
            s->m[i + 1].t0 == g->t1) { /* "minister Calimehtar" */
            join_agent(s, &s->m[i + 1], g);
            continue;
        }
        if (i + 1 < s->nm && s->m[i + 1].kind == M_ACTOR && g->t1 < s->n &&
            (is(&s->t[g->t1], "OF") || is(&s->t[g->t1], "IN"))) {
            mention *a = &s->m[i + 1];
            int gap = a->t0 - g->t1 - 1;
            if (gap == 0 || (gap == 1 && is(&s->t[g->t1 + 1], "THE")))
                join_agent(s, a, g);
        }
    }
    for (i = 0; i < s->n; i++)
        s->owner[i] = -1;
    for (i = 0; i < s->nm; i++) {
        int k;
        if (s->m[i].kind == M_AGENT && s->o->convert_agent) {
            s->m[i].kind = M_ACTOR; /* SET: CONVERT AGENT = TRUE */
            s->m[i].code = join_codes(s->ar, "~", s->m[i].code);
        }
        if (!s->m[i].kind || s->m[i].kind == M_AGENT)
            continue;
        for (k = s->m[i].t0; k < s->m[i].t1; k++)
            s->owner[k] = i;
    }
}

/* Is token i in a <NOUN> or <ADJECTIVE> list? */
static bool listed(const sent *s, int i)
{
    size_t k;
    const tok *t = &s->t[i];
    for (k = 0; k < s->d->nnouns; k++)
        if (strlen(s->d->nouns[k]) == t->base &&
            memcmp(s->d->nouns[k], t->w, t->base) == 0)
            return true;
    return false;
}

/* Compounds are marked; then pronouns take the sentence's first actor
 * (and its compound: "Elrond and Gondor ... they"). */
static void resolve(sent *s)
{
    int i, g = 0;
    for (i = 0; i < s->nm; i++) {
        int j = i, k;
        if (s->m[i].kind != M_ACTOR || s->m[i].group >= 0)
            continue;
        for (k = i + 1; k < s->nm; k++) {
            int t;
            bool sep = true, conj = false;
            if (!s->m[k].kind || s->m[k].kind == M_AGENT)
                continue;
            if (s->m[k].kind != M_ACTOR)
                break;
            for (t = s->m[j].t1; t < s->m[k].t0; t++) {
                if (is(&s->t[t], "AND") &&
                    !(t > s->m[j].t1 && t + 1 < s->m[k].t0 && listed(s, t - 1) &&
                      listed(s, t + 1))) /* "awful and evil": no compound */
                    conj = true;
                else if (is(&s->t[t], "AND"))
                    sep = false;
                else if (!(s->t[t].punct == ',') && !is(&s->t[t], "THE") &&
                         !listed(s, t))
                    sep = false;
            }
            if (!sep || s->m[k].t0 == s->m[j].t1 ||
                (!conj && s->t[s->m[j].t1].punct != ','))
                break;
            s->m[i].group = s->m[k].group = g;
            j = k;
            if (conj)
                break;
        }
        if (s->m[i].group == g)
            g++;
    }
    s->first_actor = -1;
    for (i = 0; i < s->nm; i++) {
        if (s->m[i].kind == M_ACTOR && s->first_actor < 0)
            s->first_actor = i;
        if (s->m[i].kind == M_PRONOUN && s->first_actor >= 0) {
            s->m[i].kind = M_ACTOR;
            s->m[i].code = s->m[s->first_actor].code;
            s->m[i].group = s->m[s->first_actor].group;
        } else if (s->m[i].kind == M_PRONOUN && s->fwd) {
            s->m[i].kind = M_ACTOR; /* FORWARD: the story's actor */
            s->m[i].code = s->fwd;
        }
    }
}

/* The actor mentions of mention i's compound (or i alone). */
static void members(const sent *s, int i, groupref *r)
{
    int k;
    r->n = 0;
    if (s->m[i].group < 0) {
        r->members[r->n++] = i;
        return;
    }
    for (k = 0; k < s->nm && r->n < MAX_MEMBERS; k++)
        if (s->m[k].kind == M_ACTOR && s->m[k].group == s->m[i].group &&
            s->m[k].root[0]) /* not a pronoun standing for the compound */
            r->members[r->n++] = k;
}

/* ---- Patterns ------------------------------------------------------- */

typedef struct slots {
    int source, target, compound; /* mention indexes, -1 */
    int score; /* letters matched: 2 a literal word's, 1 a synset's */
} slots;

/* Letters of tokens [a, b). */
static int letters(const sent *s, int a, int b)
{
    int n = 0;
    for (; a < b; a++)
        n += (int)s->t[a].n;
    return n;
}

static int elem_weight(const tb_elem *e)
{
    return e->kind == TB_E_WORD || e->kind == TB_E_ALT ? 2
         : e->kind == TB_E_SYNSET ? 1 : 0;
}

/* The actor mention starting at token i (the first of its compound for
 * '%'), or -1. */
static int actor_at(const sent *s, int i)
{
    int m = i >= 0 && i < s->n ? s->owner[i] : -1;
    return m >= 0 && s->m[m].kind == M_ACTOR && s->m[m].t0 == i ? m : -1;
}

static int actor_ending(const sent *s, int i)
{
    int m = i >= 0 && i < s->n ? s->owner[i] : -1;
    return m >= 0 && s->m[m].kind == M_ACTOR && s->m[m].t1 == i + 1 ? m : -1;
}

/* Element e at token i, forward: returns the end token or -1. */
static int elem_fwd(const sent *s, const tb_elem *e, int i, slots *sl)
{
    int k, m, best = -1;
    if (i >= s->n)
        return -1;
    switch (e->kind) {
    case TB_E_WORD:
        return match_tok(&e->word, &s->t[i], MB_CLOSED) ? i + 1 : -1;
    case TB_E_SYNSET:
        return match_set(s, e->set, i, 0);
    case TB_E_ALT:
        for (k = 0; k < e->nalts; k++) {
            int x = match_phrase(s, &e->alts[k], i, MB_CLOSED, true, 0);
            if (x > best)
                best = x;
        }
        return best;
    case TB_E_SKIP: /* '^': an actor, skipped (not a source or target) */
        m = actor_at(s, i);
        return m < 0 ? -1 : s->m[m].t1;
    default:
        m = actor_at(s, i);
        if (m < 0)
            return -1;
        if (e->kind == TB_E_COMPOUND) {
            groupref r;
            members(s, m, &r);
            if (r.n < 2)
                return -1;
            sl->compound = m;
            return s->m[r.members[r.n - 1]].t1;
        }
        if (e->kind == TB_E_TARGET)
            sl->target = m;
        else
            sl->source = m;
        return s->m[m].t1;
    }
}

/* Element e ending at token i, backward: returns its first token or -1
 * (phrases are tried from each start that could end at i). */
static int elem_back(const sent *s, const tb_elem *e, int i, slots *sl)
{
    int b, m;
    if (i < 0)
        return -1;
    if (e->kind == TB_E_TARGET || e->kind == TB_E_SOURCE ||
        e->kind == TB_E_COMPOUND) {
        m = actor_ending(s, i);
        if (m < 0)
            return -1;
        if (e->kind == TB_E_COMPOUND) {
            groupref r;
            members(s, m, &r);
            if (r.n < 2)
                return -1;
            sl->compound = m;
            return s->m[r.members[0]].t0;
        }
        if (e->kind == TB_E_TARGET)
            sl->target = m;
        else
            sl->source = m;
        return s->m[m].t0;
    }
    for (b = i; b >= 0 && b > i - 8; b--)
        if (elem_fwd(s, e, b, sl) == i + 1)
            return b;
    return -1;
}

/* Matches pattern p around the verb at tokens [v0, v1). */
static bool match_pattern(const sent *s, const tb_pattern *p, int v0, int v1,
                          slots *sl)
{
    int star = -1, k, pos;
    for (k = 0; k < p->n; k++)
        if (p->e[k].kind == TB_E_VERB)
            star = k;
    sl->source = sl->target = sl->compound = -1;
    sl->score = 0;
    if (star < 0)
        return false;
    pos = v1;
    for (k = star + 1; k < p->n; k++) {
        bool adj = p->e[k - 1].joined;
        int q, e = -1;
        for (q = pos; q < s->n; q++) {
            e = elem_fwd(s, &p->e[k], q, sl);
            if (e >= 0 || adj)
                break;
        }
        if (e < 0)
            return false;
        sl->score += elem_weight(&p->e[k]) * letters(s, q, e);
        pos = e;
    }
    pos = v0 - 1;
    for (k = star - 1; k >= 0; k--) {
        bool adj = p->e[k].joined;
        int q, b = -1;
        for (q = pos; q >= 0; q--) {
            b = elem_back(s, &p->e[k], q, sl);
            if (b >= 0 || adj)
                break;
        }
        if (b < 0)
            return false;
        sl->score += elem_weight(&p->e[k]) * letters(s, b, q + 1);
        pos = b - 1;
    }
    return true;
}

/* ---- Verbs and events ----------------------------------------------- */

static bool nounish(const sent *s, int i)
{
    const tok *t = &s->t[i];
    if (t->punct || s->owner[i] >= 0)
        return true;
    if (i > 0 && (is(&s->t[i - 1], "THE") || is(&s->t[i - 1], "A") ||
                  is(&s->t[i - 1], "AN")))
        return true;
    if (t->cap && i > 0)
        return true;
    return listed(s, i);
}

typedef struct verb_hit {
    const tb_verb *v;
    int v0, v1;
    const char *code;
    slots sl;
} verb_hit;

/* Tries the verb entries at token i; true when one gives a code (which
 * may be "---"). */
static bool try_verb(const sent *s, int i, verb_hit *h)
{
    size_t k;
    int pass;
    /* entries with a root phrase first, then by the length of the form
     * that matches (ATTACKED before the stem ATTACK) */
    for (pass = 0; pass < 2; pass++) {
        const tb_verb *best = NULL;
        size_t bestlen = 0;
        int bestend = -1, p;
        for (k = 0; k < s->d->nverbs; k++) {
            const tb_verb *v = &s->d->verbs[k];
            int f, end = i + 1;
            size_t len = 0;
            if ((v->rest.n > 0) != (pass == 0))
                continue;
            for (f = 0; f < v->nforms; f++)
                if (match_tok(&v->forms[f], &s->t[i], 0) &&
                    strlen(v->forms[f].w) > len)
                    len = strlen(v->forms[f].w);
            if (!len)
                continue;
            if (v->rest.n) {
                end = match_phrase(s, &v->rest, i + 1, 0, true, 0);
                if (end < 0)
                    continue;
            }
            if (len > bestlen) {
                best = v;
                bestlen = len;
                bestend = end;
            }
        }
        if (!best)
            continue;
        h->v = best;
        h->v0 = i;
        h->v1 = bestend;
        {
            /* of the patterns that match, the one matching the most
             * letters (a literal word's counting twice a synset's) wins,
             * the first of equals (PATTERN-33c: "RESIST TO THE END OF
             * THE EARTH" over "RESIST TO THE END"; SYNSET-07: "DOLLAR"
             * over "&CURRENCY") */
            int win = -1, winscore = -1;
            slots sl;
            for (p = 0; p < best->npats; p++) {
                if (match_pattern(s, &best->pats[p], i, bestend, &sl) &&
                    sl.score > winscore) {
                    win = p;
                    winscore = sl.score;
                    h->sl = sl;
                }
            }
            if (win >= 0) {
                h->code = best->pats[win].code;
                return true;
            }
        }
        h->sl.source = h->sl.target = h->sl.compound = -1;
        h->code = best->code;
        return true;
    }
    return false;
}

static tc_status emit(sent *s, tc_vec *out, size_t sentence, const verb_hit *h,
                      int src, int tgt, const char *code, const char *scode,
                      const char *tcode)
{
    tc_status st;
    tc_tabari_event *e;
    size_t n = strcspn(code, ":?!");
    if (!scode[0] || !tcode[0] || strcmp(scode, tcode) == 0)
        return TC_OK;
    e = tc_vec_push(out, &st);
    if (!e)
        return st;
    e->sentence = sentence;
    e->source = scode;
    e->target = tcode;
    e->code = tc_arena_strndup(s->ar, code, n);
    e->verb_start = s->t[h->v0].start;
    e->verb_end = s->t[h->v1 - 1].end;
    e->start = e->verb_start;
    e->end = e->verb_end;
    if (src >= 0) {
        e->source_start = s->t[s->m[src].t0].start;
        e->source_end = s->t[s->m[src].t1 - 1].end;
        if (e->source_start < e->start)
            e->start = e->source_start;
    }
    if (tgt >= 0) {
        e->target_start = s->t[s->m[tgt].t0].start;
        e->target_end = s->t[s->m[tgt].t1 - 1].end;
        if (e->target_end > e->end)
            e->end = e->target_end;
    }
    return e->code ? TC_OK : TC_ERR_NOMEM;
}

/* How pick_actors chose: source and target from one compound (no cross
 * product), or the DEFAULT codes. */
enum { F_PAIR = 1, F_DEF_SRC = 2, F_DEF_TGT = 4 };

/* "FRO/BIL/SAM" (an actor that is a compound) into its codes. */
static int split_code(tc_arena *ar, const char *c, const char **out)
{
    int n = 0;
    while (n < MAX_MEMBERS) {
        size_t k = strcspn(c, "/");
        const char *p = tc_arena_strndup(ar, c, k);
        if (!p)
            break;
        out[n++] = p;
        if (!c[k])
            break;
        c += k + 1;
    }
    if (!n)
        out[n++] = c;
    return n;
}

/* Events of all source members on all target members, paired codes both
 * ways. */
static tc_status emit_all(sent *s, tc_vec *out, size_t sentence,
                          const verb_hit *h, int src, int tgt, int flags)
{
    const char *code = h->code, *colon = strchr(code, ':');
    groupref a, b;
    int i, j;
    tc_status st = TC_OK;
    if (h->sl.compound >= 0) {
        members(s, h->sl.compound, &a);
        b = a;
    } else {
        if (src >= 0 && !(flags & F_PAIR))
            members(s, src, &a);
        else {
            a.n = 1;
            a.members[0] = src;
        }
        if (tgt >= 0 && !(flags & F_PAIR))
            members(s, tgt, &b);
        else {
            b.n = 1;
            b.members[0] = tgt;
        }
    }
    for (i = 0; i < a.n && st == TC_OK; i++) {
        for (j = 0; j < b.n && st == TC_OK; j++) {
            int x = a.members[i], y = b.members[j], pi, pj, ni, nj;
            const char *sc = x >= 0 ? s->m[x].code
                           : flags & F_DEF_SRC ? s->o->def_source : NULL;
            const char *tc = y >= 0 ? s->m[y].code
                           : flags & F_DEF_TGT ? s->o->def_target : NULL;
            const char *sp[MAX_MEMBERS], *tp[MAX_MEMBERS];
            if (x >= 0 && x == y)
                continue;
            if (!sc || !tc)
                continue;
            ni = split_code(s->ar, sc, sp);
            nj = split_code(s->ar, tc, tp);
            for (pi = 0; pi < ni && st == TC_OK; pi++) {
                for (pj = 0; pj < nj && st == TC_OK; pj++) {
                    st = emit(s, out, sentence, h, x, y, code, sp[pi], tp[pj]);
                    if (st == TC_OK && colon)
                        st = emit(s, out, sentence, h, y, x, colon + 1, tp[pj],
                                  sp[pi]);
                }
            }
        }
    }
    return st;
}

/* The first actor mention in tokens [t0, t1) other than `not` (and, when
 * `group` >= 0, outside that compound), or -1. */
static int first_in(const sent *s, int t0, int t1, int not, int group)
{
    int k;
    for (k = 0; k < s->nm; k++)
        if (s->m[k].kind == M_ACTOR && s->m[k].t0 >= t0 && s->m[k].t1 <= t1 &&
            k != not && (group < 0 || s->m[k].group != group))
            return k;
    return -1;
}

static void passive(const sent *s, const verb_hit *h, int *src, int *tgt);
static bool same_actor(const sent *s, int a, int b);

/* Source and target of a verb hit, TABARI's way: the source is '$', else
 * the clause's first actor before the verb, else the sentence's; with
 * DEFAULT ... PRIOR a default one, else the first actor after the verb.
 * The target is '+', else the first actor after the verb outside the
 * source's compound; with DEFAULT ... AFTER a default one, else another
 * actor (a second member of the source's compound) or the default. */
static void pick_actors(const sent *s, const verb_hit *h, int clause0,
                        int *src, int *tgt, int *flags)
{
    const tb_options *o = s->o;
    int g;
    *flags = 0;
    *src = h->sl.source;
    *tgt = h->sl.target;
    if (h->sl.compound >= 0)
        return;
    if (*src < 0)
        *src = first_in(s, clause0, h->v0, *tgt, -1);
    if (*src < 0)
        *src = first_in(s, 0, h->v0, *tgt, -1);
    if (*src < 0 && o->def_source && o->def_prior)
        *flags |= F_DEF_SRC;
    g = *src >= 0 ? s->m[*src].group : -1;
    if (*tgt < 0)
        *tgt = first_in(s, h->v1, s->n, *src, g);
    if (*src < 0 && !(*flags & F_DEF_SRC)) { /* the first actor after */
        if (h->sl.target < 0) {
            *src = first_in(s, h->v1, s->n, -1, -1);
            *tgt = *src >= 0 ? first_in(s, h->v1, s->n, *src, s->m[*src].group)
                             : -1;
        } else {
            *src = first_in(s, h->v1, s->n, *tgt, -1);
        }
        if (*src < 0 && o->def_source)
            *flags |= F_DEF_SRC;
        g = *src >= 0 ? s->m[*src].group : -1;
    }
    if (*tgt < 0 && g >= 0) { /* another member of the source's compound */
        int k;
        for (k = 0; k < s->nm && *tgt < 0; k++)
            if (s->m[k].kind == M_ACTOR && k != *src && s->m[k].group == g)
                *tgt = k;
        if (*tgt >= 0) {
            *flags |= F_PAIR;
            return;
        }
    }
    if (h->sl.target < 0 && *src >= 0 && (*tgt < 0 || same_actor(s, *src, *tgt))) {
        /* "it requested that Elrond assist": another actor of the clause
         * before the verb */
        int k;
        for (k = 0; k < s->nm; k++)
            if (s->m[k].kind == M_ACTOR && s->m[k].t0 >= clause0 &&
                s->m[k].t1 <= h->v0 && !same_actor(s, *src, k)) {
                *tgt = k;
                break;
            }
    }
    if (*tgt < 0 && o->def_target && o->def_after) {
        *flags |= F_DEF_TGT;
        return;
    }
    if (*tgt < 0 && o->def_target)
        *flags |= F_DEF_TGT;
    if (h->sl.source < 0 && h->sl.target < 0)
        passive(s, h, src, tgt);
}

/* "X was opposed (earlier) by Y": Y the source, X the target. */
static void passive(const sent *s, const verb_hit *h, int *src, int *tgt)
{
    int k, by = -1, aux = -1, m;
    for (k = h->v0 - 1; k >= 0 && k >= h->v0 - 3; k--) {
        if (is(&s->t[k], "WAS") || is(&s->t[k], "WERE") || is(&s->t[k], "BEEN") ||
            is(&s->t[k], "BEING") || is(&s->t[k], "IS") || is(&s->t[k], "ARE")) {
            aux = k;
            break;
        }
        if (s->t[k].punct || s->owner[k] >= 0)
            break;
    }
    for (k = h->v1; aux >= 0 && k < s->n && k <= h->v1 + 2; k++) {
        if (is(&s->t[k], "BY")) {
            by = k;
            break;
        }
        if (s->t[k].punct || s->owner[k] >= 0)
            break;
    }
    m = by >= 0 ? actor_at(s, by + 1) : -1;
    if (m < 0 || *src < 0)
        return;
    *tgt = *src;
    *src = m;
}

/* Do mentions a and b stand for the same actor (a pronoun for its
 * antecedent, or one compound)? */
static bool same_actor(const sent *s, int a, int b)
{
    if (a < 0 || b < 0)
        return false;
    return a == b || (s->m[a].group >= 0 && s->m[a].group == s->m[b].group) ||
           strcmp(s->m[a].code, s->m[b].code) == 0;
}

/* "... or assail Arnor": OR before a verb starts a clause. */
static bool or_verb(const sent *s, int i)
{
    verb_hit h;
    return is(&s->t[i], "OR") && i + 1 < s->n && !nounish(s, i + 1) &&
           try_verb(s, i + 1, &h);
}

static bool clause_break(const sent *s, int i)
{
    return s->t[i].punct == ';' || or_verb(s, i) ||
           ((is(&s->t[i], "AND") || is(&s->t[i], "BUT")) &&
            s->owner[i] < 0 &&
            !(i > 0 && s->owner[i - 1] >= 0 && i + 1 < s->n &&
              s->owner[i + 1] >= 0) &&
            !(i > 0 && i + 1 < s->n && listed(s, i - 1) && listed(s, i + 1)));
}

static tc_status code_sentence(sent *s, tc_vec *out, size_t sentence)
{
    int i, clause0 = 0, last_src = -1, last_tgt = -1;
    size_t first_event = out->n;
    bool dominant = false;
    tc_status st = TC_OK;
    if (s->complex || s->words < s->o->min_words)
        return TC_OK;
    for (i = 0; i < s->n && st == TC_OK; i++) {
        verb_hit h;
        int src, tgt, f;
        if (clause_break(s, i))
            clause0 = i + 1;
        if (nounish(s, i) || !try_verb(s, i, &h))
            continue;
        if (strcmp(h.code, "###") == 0) {
            s->discard = true;
            return TC_OK;
        }
        if (strcmp(h.code, "+++") == 0)
            return TC_OK;
        if (h.code[0] == '-' || strchr(h.code, '?')) {
            i = h.v1 - 1;
            continue;
        }
        pick_actors(s, &h, clause0, &src, &tgt, &f);
        if (last_tgt >= 0 && !(f & (F_DEF_SRC | F_DEF_TGT)) &&
            h.sl.compound < 0 && h.sl.target < 0 &&
            (tgt < 0 || same_actor(s, src, tgt))) {
            /* "urged Bree to assist it": the previous event's actors */
            if (src < 0 || (f & F_PAIR) || same_actor(s, src, tgt))
                src = last_src;
            tgt = last_tgt;
            f &= ~F_PAIR;
        }
        if (strchr(h.code, '!')) { /* a dominant code: it alone */
            if (!dominant)
                out->n = first_event;
            dominant = true;
        } else if (dominant) {
            i = h.v1 - 1;
            continue;
        }
        st = emit_all(s, out, sentence, &h, src, tgt, f);
        if (src >= 0 && tgt >= 0) {
            last_src = src;
            last_tgt = tgt;
        }
        if (s->o->code_by == 1)
            break;
        i = h.v1 - 1;
        if (s->o->code_by == 0) {
            while (i + 1 < s->n && !clause_break(s, i + 1))
                i++;
        }
    }
    return st;
}

/* Sentence ends: '.', '?' or '!' tokens followed by the end or a
 * capitalized word. */
static bool sentence_end(const tok *t, int i, int n)
{
    return t[i].punct && t[i].w[0] == '.' &&
           (i + 1 == n || (t[i + 1].w[0] >= 'A' && t[i + 1].w[0] <= 'Z'));
}

/* FORWARD: the record's first actor named (not a pronoun), without its
 * agents. */
static void forward_out(const sent *s, tb_forward *fw)
{
    int i;
    if (!fw || fw->out[0])
        return;
    for (i = 0; i < s->nm; i++) {
        const mention *m = &s->m[i];
        if (m->kind == M_ACTOR && m->root && m->root[0] &&
            strlen(m->root) < sizeof fw->out) {
            memcpy(fw->out, m->root, strlen(m->root) + 1);
            return;
        }
    }
}

/* COMMA: drops a comma-bounded clause whose length in words is in the
 * options' range for its place (initial, internal, terminal), but not
 * one holding a member of a compound ("Mordor, the Shire, Fornost and
 * Bree"); the mentions are then found again.  False when nothing went. */
static bool drop_comma_clauses(sent *s)
{
    const tb_options *o = s->o;
    int c[64], nc = 0, i, k, end = s->n, out = 0;
    bool drop[65], any = false;
    if (o->comma_off)
        return false;
    for (i = 0; i < s->n && nc < 64; i++)
        if (s->t[i].punct == ',')
            c[nc++] = i;
    if (!nc)
        return false;
    while (end > 0 && s->t[end - 1].punct && s->t[end - 1].punct != ',')
        end--; /* the final period stays */
    for (k = 0; k <= nc; k++) { /* clause k: (c[k-1], c[k]) */
        int b = k ? c[k - 1] + 1 : 0, e = k < nc ? c[k] : end, w, m;
        int lo = !k ? o->comma_bmin : k == nc ? o->comma_emin : o->comma_min;
        int hi = !k ? o->comma_bmax : k == nc ? o->comma_emax : o->comma_max;
        drop[k] = false;
        if (e <= b)
            continue;
        w = words_in(s->t + b, e - b);
        if (w < lo || w > hi)
            continue;
        drop[k] = true;
        for (m = 0; m < s->nm; m++)
            if (s->m[m].kind == M_ACTOR && s->m[m].group >= 0 &&
                s->m[m].t0 < e && s->m[m].t1 > b)
                drop[k] = false;
    }
    /* one clause goes: the first internal one, else the initial, else the
     * terminal (DEMO-19: "X, in remarks published on Monday, urged Y to
     * ..." keeps its last clause) */
    for (k = 1; k < nc && !any; k++)
        any = drop[k];
    if (any)
        k--;
    else if (drop[0])
        k = 0, any = true;
    else if (drop[nc])
        k = nc, any = true;
    if (!any)
        return false;
    for (i = 0; i <= nc; i++)
        drop[i] = i == k;
    for (i = 0, k = 0; i < s->n; i++) {
        bool gone;
        while (k < nc && i > c[k])
            k++;
        /* token i is in clause k (or is comma c[k]); a dropped clause
         * takes the comma before it (the initial one, the comma after) */
        if (k < nc && i == c[k])
            gone = (k == 0 && drop[0]) || drop[k + 1];
        else
            gone = drop[k] && i < (k < nc ? c[k] : end);
        if (!gone)
            s->t[out++] = s->t[i];
    }
    s->n = out;
    return true;
}

static void find_all(sent *s)
{
    s->nm = 0;
    s->discard = s->complex = false;
    find_mentions(s);
    attach_agents(s);
    resolve(s);
}

/* Codes tokens t[0, n) as one sentence; *discard when the record is
 * to be dropped. */
static tc_status code_span(sent *s, const tb_dict *d, const tb_options *o,
                           tok *t, int n, int32_t day, tb_forward *fw,
                           tc_arena *arena, tc_vec *out, size_t sentence,
                           bool *discard)
{
    tc_status st;
    memset(s, 0, sizeof *s);
    s->d = d;
    s->o = o;
    s->ar = arena;
    s->t = t;
    s->n = n;
    s->day = day;
    s->fwd = fw && o->forward && fw->in[0] ? fw->in : NULL;
    s->words = words_in(t, n);
    find_all(s);
    if (drop_comma_clauses(s))
        find_all(s);
    forward_out(s, fw);
    if (s->discard) {
        *discard = true;
        return TC_OK;
    }
    st = code_sentence(s, out, sentence);
    *discard = s->discard;
    return st;
}

/* The text is tokenized CHUNK tokens at a time (a sentence cut by the
 * chunk's end is tokenized again with the next), so a record of any
 * length is coded in linear time and bounded memory for tokens; a
 * sentence past MAX_TOKS tokens is coded over its first MAX_TOKS and the
 * rest of it skipped. */
#define CHUNK (MAX_TOKS * 4)

tc_status tb_code_text(const tb_dict *d, const tb_options *o, const char *text,
                       size_t n, int32_t day, tb_forward *fw, tc_arena *arena,
                       tc_vec *out)
{
    tok *t = tc_arena_calloc(arena, CHUNK, sizeof *t);
    sent *s = tc_arena_calloc(arena, 1, sizeof *s);
    size_t sentence = 0, pos = 0;
    bool skip = false, discard = false;
    tc_status st = TC_OK;
    if (!t || !s)
        return TC_ERR_NOMEM;
    while (pos < n && st == TC_OK) {
        int nt = tokenize(arena, text, pos, n, t, CHUNK), b = 0, i;
        bool full = nt == CHUNK;
        if (nt < 0)
            return TC_ERR_NOMEM;
        if (nt == 0)
            break;
        for (i = 0; i < nt && st == TC_OK; i++) {
            bool end = (sentence_end(t, i, nt) && !(full && i + 1 == nt)) ||
                       (i + 1 == nt && !full);
            if (!end) {
                if (!skip && i + 1 - b == MAX_TOKS) { /* too long: cut */
                    st = code_span(s, d, o, t + b, MAX_TOKS, day, fw, arena,
                                   out, ++sentence, &discard);
                    skip = true;
                }
            } else {
                if (!skip)
                    st = code_span(s, d, o, t + b, i + 1 - b, day, fw, arena,
                                   out, ++sentence, &discard);
                skip = false;
                b = i + 1;
            }
            if (discard) {
                tc_vec_clear(out);
                return TC_OK;
            }
        }
        if (!full)
            break;
        /* the next chunk starts at the sentence left open, or past the
         * skipped rest of one cut */
        pos = skip || b >= nt ? t[nt - 1].end : t[b].start;
    }
    return st;
}
