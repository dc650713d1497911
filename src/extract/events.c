/*
 * events.c - who did what to whom: CAMEO events from the verbs and event
 * nouns of each sentence, with their actors, without a parser.
 *
 * Per sentence: clauses are cut at semicolons, colons, contrastive
 * conjunctions and the "that" after a speech verb; each verb or event noun
 * the patterns know is tried against its patterns, most specific first;
 * the source is the subject (the first actor of the clause before the verb,
 * with the actors joined to it by "and"), the target the pattern's $T; in
 * the passive ("was shelled by") they trade places.  Each event records
 * whether it is negated ("did not invade", "refused to"), its modality
 * (asserted, future, hypothetical, past for captions, reported) and who
 * reported it ("Kiev announced ...", "..., the separatists said").
 */
#include "extract.h"

#include <stdio.h>
#include <string.h>

#define KEY_BUF 128u
#define MAX_HEADS 4u
#define MAX_SOURCES 6u
#define LOOKBACK 4u
#define MAX_CANDIDATES 512u

typedef struct tinfo {
    uint32_t word;          /* pattern vocabulary id, 0 = none */
    unsigned cls;           /* word classes (the lists below) */
    bool used;              /* a word of an event already coded */
    bool glued;             /* "-fire" of "cease-fire": part of the word before */
    int32_t mention;        /* the mention starting here, or -1 */
    int32_t inside;         /* the mention covering this token, or -1 */
    uint16_t clause;
} tinfo;

typedef struct ev_sentence {
    const tc_event_input *in;
    const tc_sent *sent;
    uint32_t index;
    uint32_t t0, n;         /* first document token, count */
    tinfo *ti;
    int32_t reporter;       /* ", X said" at the end: a mention, or -1 */
} ev_sentence;

static const char *tok_text(const ev_sentence *es, uint32_t i, size_t *n)
{
    const tc_tok *k = tc_vec_at(es->in->toks, es->t0 + i);
    *n = k->end - k->start;
    return es->in->norm + k->start;
}

/* Whether token i is the word w (lower case): on its key for words, on
 * its text for punctuation ("-", "'s"). */
static bool tok_is(const ev_sentence *es, uint32_t i, const char *w)
{
    size_t n;
    const char *s;
    if (i >= es->n)
        return false;
    if (w[0] >= 'a' && w[0] <= 'z')
        return tc_key_is(es->in->keys, es->t0 + i, w);
    s = tok_text(es, i, &n);
    return tc_sv_eq_nocase(tc_sv_make(s, n), tc_sv_cstr(w));
}

static unsigned list_bit(const char *const *list);

/* Whether token i is a word of `list`: one bit test (set_up looked the
 * token's word classes up once). */
static bool tok_in(const ev_sentence *es, uint32_t i, const char *const *list)
{
    return i < es->n && (es->ti[i].cls & list_bit(list)) != 0;
}

static const tc_mention *mention(const ev_sentence *es, int32_t m)
{
    return m >= 0 ? tc_vec_at(es->in->mentions, (size_t)m) : NULL;
}

/* ---- Sentence set-up -------------------------------------------------- */

static const char *const speech_words[] = {
    "said", "says", "say", "announced", "announces", "claimed", "claims",
    "reported", "reports", "stated", "told", "added", "insisted", "noted",
    "warned", "alleged", "confirmed", "declared", "announcing", "saying",
    "claiming", NULL};

static const char *const rel_words[] = {"which", "who", "whom", "where",
                                        "whose", NULL};
static const char *const preps_cut[] = {"in", "of", "by", "for", "with",
                                        "under", "during", NULL};

static const char *const cut_words[] = {"but", "while", "whereas",
                                        "although", "though", "however",
                                        NULL};

/* Verbs of belief: "Analysts fear that North Korea could attack". */
static const char *const belief_words[] = {
    "fear", "fears", "feared", "believe", "believes", "believed", "think",
    "thinks", "thought", "expect", "expects", "expected", "worry", "worries",
    "worried", "suspect", "suspects", "suspected", "hope", "hopes", "hoped",
    NULL};

static void mark_mentions(ev_sentence *es, size_t *mi)
{
    const tc_vec *mv = es->in->mentions;
    uint32_t i;
    for (i = 0; i < es->n; i++)
        es->ti[i].mention = es->ti[i].inside = -1;
    while (*mi < mv->n) {
        const tc_mention *m = tc_vec_at(mv, *mi);
        uint32_t t;
        if (m->sentence != es->index)
            break;
        if (m->tok0 >= es->t0 && m->tok0 - es->t0 < es->n &&
            es->ti[m->tok0 - es->t0].mention < 0) {
            es->ti[m->tok0 - es->t0].mention = (int32_t)*mi;
            for (t = m->tok0; t < m->tok1 && t - es->t0 < es->n; t++)
                if (es->ti[t - es->t0].inside < 0)
                    es->ti[t - es->t0].inside = (int32_t)*mi;
        }
        (*mi)++;
    }
}

/* Whether token i can open a reported clause: an actor, a number, a
 * pronoun or a determiner ("says 61,000 people", "said the army"), not the
 * object of the speech verb ("claimed responsibility"). */
static bool starts_clause(const ev_sentence *es, uint32_t i)
{
    static const char *const openers[] = {"it", "they", "he", "she", "we",
                                          "the", "a", "an", "its", "their",
                                          "his", "her", "some", "many",
                                          "all", NULL};
    const tc_tok *k = tc_vec_at(es->in->toks, es->t0 + i);
    size_t j;
    if (es->ti[i].mention >= 0 || k->kind == TC_TOKEN_NUMBER)
        return true;
    for (j = 0; openers[j]; j++)
        if (tok_is(es, i, openers[j]))
            return true;
    return false;
}

static void cut_clauses(ev_sentence *es)
{
    uint16_t c = 0;
    uint32_t i;
    for (i = 0; i < es->n; i++) {
        size_t n;
        const char *s = tok_text(es, i, &n);
        if (n == 1 && (s[0] == ';' || s[0] == ':'))
            c++;
        else if (tok_in(es, i, cut_words) && i > 0)
            c++;
        else if (tok_is(es, i, "that") && i > 0 &&
                 (tok_in(es, i - 1, speech_words) || tok_in(es, i - 1, belief_words)))
            c++;
        else if (tok_is(es, i, "and") && i > 0 && tok_is(es, i - 1, ","))
            c++; /* ", and Iran refused": a new clause, with its own subject */
        else if (tok_in(es, i, rel_words) && i > 0 &&
                 (tok_is(es, i - 1, ",") || tok_in(es, i - 1, preps_cut)))
            c++;
        else if (i > 1 && tok_in(es, i - 1, speech_words) &&
                 es->ti[i - 2].inside >= 0 && starts_clause(es, i))
            c++; /* "Moscow says 61,000 people ..." */
        es->ti[i].clause = c;
    }
}

/* "cease-fire", "sit-in": when the word without its hyphen is a pattern
 * word ("ceasefire"), the three tokens read as that one word. */
static void glue_hyphens(const tc_verbs *v, ev_sentence *es)
{
    uint32_t i;
    for (i = 0; i + 2 < es->n; i++) {
        const tc_tok *h = tc_vec_at(es->in->toks, es->t0 + i + 1);
        const tc_tok *b = tc_vec_at(es->in->toks, es->t0 + i + 2);
        char joined[256];
        size_t na, nb;
        const char *ka, *kb;
        uint32_t id;
        if (!tok_is(es, i + 1, "-") || !(h->flags & TC_TOKEN_JOINED) ||
            !(b->flags & TC_TOKEN_JOINED))
            continue;
        ka = tc_key_of(es->in->keys, es->t0 + i, &na);
        kb = tc_key_of(es->in->keys, es->t0 + i + 2, &nb);
        if (!na || !nb || na + nb > sizeof joined)
            continue;
        memcpy(joined, ka, na);
        memcpy(joined + na, kb, nb);
        id = tc_verbs_word(v, joined, na + nb);
        if (!id)
            continue;
        es->ti[i].word = id;
        es->ti[i].cls = tc_verbs_class(v, id);
        es->ti[i + 1].glued = es->ti[i + 2].glued = true;
        es->ti[i + 1].word = es->ti[i + 2].word = 0;
        i += 2;
    }
}

static tc_status set_up(const tc_verbs *v, tc_arena *arena, ev_sentence *es,
                        size_t *mi)
{
    uint32_t i;
    es->t0 = es->sent->first_token;
    es->n = es->sent->token_count;
    es->ti = tc_arena_calloc(arena, es->n + 1, sizeof *es->ti);
    if (!es->ti)
        return TC_ERR_NOMEM;
    for (i = 0; i < es->n; i++) {
        size_t n, kn;
        const char *s = tok_text(es, i, &n), *key;
        const tc_tok *k = tc_vec_at(es->in->toks, es->t0 + i);
        /* Patterns and word classes hold words, and "'s", "n't", "'ll". */
        if (k->kind == TC_TOKEN_NUMBER ||
            (k->kind == TC_TOKEN_PUNCT && s[0] != '\''))
            continue;
        key = tc_key_of(es->in->keys, es->t0 + i, &kn);
        es->ti[i].word = tc_verbs_word(v, key, kn);
        es->ti[i].cls = es->ti[i].word ? tc_verbs_class(v, es->ti[i].word) : 0;
    }
    glue_hyphens(v, es);
    mark_mentions(es, mi);
    cut_clauses(es);
    return TC_OK;
}

/* ---- Pattern matching ------------------------------------------------- */

typedef struct pmatch {
    int32_t targets[2];
    uint32_t ntargets;
    int32_t source;          /* a $S mention, or -1 */
    uint32_t end;            /* first token after the match */
    bool each_other;
    uint32_t words[24];      /* tokens matched by literal words */
    uint32_t nwords;
} pmatch;

/* Whether word is one of the element's alternatives (sorted by id: long
 * lists are searched by halves). */
static bool word_in(const tc_verbs *v, const tc_pat_elem *e, uint32_t word)
{
    const uint32_t *w = tc_verbs_words(v) + e->first;
    uint32_t k, lo = 0, hi = e->count;
    if (!word)
        return false;
    if (e->count <= 8) {
        for (k = 0; k < e->count; k++)
            if (w[k] == word)
                return true;
        return false;
    }
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (w[mid] == word)
            return true;
        if (w[mid] < word)
            lo = mid + 1;
        else
            hi = mid;
    }
    return false;
}

/* Finds a token at pos..pos+allow (same clause, not inside an actor)
 * that is one of the element's words. */
static bool find_word(const ev_sentence *es, const tc_verbs *v,
                      const tc_pat_elem *e, uint32_t *pos, uint32_t allow,
                      uint16_t clause)
{
    uint32_t j, end = *pos + allow;
    for (j = *pos; j < es->n && j <= end; j++) {
        if (es->ti[j].clause != clause)
            return false;
        if (es->ti[j].glued) {
            end++; /* the rest of a hyphenated word costs nothing */
            continue;
        }
        /* A word may be a role noun the actor stage found ("troops"). */
        if (word_in(v, e, es->ti[j].word)) {
            *pos = j + 1;
            return true;
        }
        if (es->ti[j].mention >= 0)
            return false; /* words do not skip over actors */
    }
    return false;
}

static bool find_target(const ev_sentence *es, uint32_t *pos, uint32_t allow,
                        uint16_t clause, int32_t *out)
{
    uint32_t j;
    for (j = *pos; j < es->n && j <= *pos + allow + 3; j++) {
        const tc_mention *m;
        if (es->ti[j].clause != clause)
            return false;
        if (es->ti[j].mention < 0)
            continue;
        if ((j > 0 && tok_is(es, j - 1, "by")) ||
            (j > 1 && tok_is(es, j - 1, "the") && tok_is(es, j - 2, "by")))
            return false; /* the agent, not the target */
        m = mention(es, es->ti[j].mention);
        *out = es->ti[j].mention;
        *pos = m->tok1 - es->t0;
        return true;
    }
    return false;
}

/* Whether the words a `*` skipped over turn the pattern around: "a
 * suspension of", "a cut in", "the end of". */
static bool reverses(const ev_sentence *es, uint32_t from, uint32_t to)
{
    static const char *const words[] = {"suspension", "suspended", "suspend",
                                        "cut", "cuts", "halt", "halted",
                                        "freeze", "end", "reduction",
                                        "reduced", "withdrawal", "no", NULL};
    uint32_t j, k;
    for (j = from; j < to; j++)
        for (k = 0; words[k]; k++)
            if (tok_is(es, j, words[k]))
                return true;
    return false;
}

/* The mention that ends just before token `pos` (within `allow` tokens),
 * or -1; *pos moves to its first token. */
static int32_t mention_before(const ev_sentence *es, uint32_t *pos,
                              uint32_t allow)
{
    uint32_t j = *pos, steps = 0;
    while (j > 0 && steps <= allow + 3) {
        j--;
        steps++;
        if (es->ti[j].inside >= 0) {
            int32_t m = es->ti[j].inside;
            const tc_mention *mm = mention(es, m);
            *pos = mm->tok0 - es->t0;
            return m;
        }
    }
    return -1;
}

/* Matches the elements written before the head ("failed to @agree"),
 * right to left from the head at `head`. */
static bool match_before(const ev_sentence *es, const tc_verbs *v,
                         const tc_pattern *p, uint32_t head, bool given_target,
                         pmatch *m)
{
    uint32_t pos = head, allow = 2, k = p->pre;
    while (k-- > 0) {
        const tc_pat_elem *e = tc_verbs_elem(v, p->first_elem + k);
        int32_t found;
        uint32_t j, steps;
        bool hit = false;
        switch (e->kind) {
        case TC_PE_SKIP:
            allow = 6;
            continue;
        case TC_PE_TARGET:
        case TC_PE_SOURCE:
            if (e->kind == TC_PE_TARGET && given_target && m->ntargets == 0) {
                m->ntargets = 1;
                continue;
            }
            found = mention_before(es, &pos, allow);
            if (found < 0)
                return false;
            if (e->kind == TC_PE_SOURCE)
                m->source = found;
            else if (m->ntargets < 2)
                m->targets[m->ntargets++] = found;
            break;
        case TC_PE_EACH_OTHER:
            return false; /* only after the head */
        default:
            for (j = pos, steps = 0; j > 0 && steps <= allow; steps++) {
                j--;
                if (es->ti[j].glued) {
                    steps--;
                    continue;
                }
                if (word_in(v, e, es->ti[j].word)) {
                    hit = true;
                    break;
                }
                if (es->ti[j].inside >= 0)
                    break; /* words do not skip over actors */
            }
            if (!hit) {
                if (e->optional)
                    continue;
                return false;
            }
            pos = j;
            if (m->nwords < 24)
                m->words[m->nwords++] = j;
            break;
        }
        allow = 2;
    }
    return true;
}

/* Matches pattern p after the head at `start`.  With `given_target`
 * (the passive), a $T needs nothing in the text. */
static bool match_pattern(const ev_sentence *es, const tc_verbs *v,
                          const tc_pattern *p, uint32_t start, uint16_t clause,
                          bool given_target, bool loose, pmatch *m)
{
    uint32_t pos = start, allow = 2, k, skip_from = UINT32_MAX;
    m->ntargets = m->nwords = 0;
    m->each_other = false;
    m->targets[0] = m->targets[1] = -1;
    m->source = -1;
    if (p->pre && !match_before(es, v, p, start - 1, given_target, m))
        return false;
    for (k = p->pre; k < p->elem_count; k++) {
        const tc_pat_elem *e = tc_verbs_elem(v, p->first_elem + k);
        if (e->kind == TC_PE_SOURCE) {
            if (!find_target(es, &pos, allow, clause, &m->source))
                return false;
            allow = 2;
            continue;
        }
        if (e->kind == TC_PE_SKIP) {
            allow = 6;
            skip_from = pos;
            continue;
        }
        if (e->kind == TC_PE_TARGET) {
            if (given_target && m->ntargets == 0) {
                m->ntargets = 1;
                continue;
            }
            if (!find_target(es, &pos, allow, clause, &m->targets[m->ntargets])) {
                if (!loose)
                    return false;
                continue; /* "lifted a ban": the event without its target */
            }
            m->ntargets++;
            /* "called on Libya's internationally recognized government to" */
            allow = 4;
            continue;
        } else if (e->kind == TC_PE_EACH_OTHER) {
            if (!(tok_is(es, pos, "each") && tok_is(es, pos + 1, "other")))
                return false;
            m->each_other = true;
            pos += 2;
        } else if (!find_word(es, v, e, &pos, allow, clause)) {
            if (!e->optional)
                return false;
            continue;
        } else {
            /* "announced a suspension of aid" is no aid */
            if (skip_from != UINT32_MAX && reverses(es, skip_from, pos - 1))
                return false;
            if (m->nwords < 24)
                m->words[m->nwords++] = pos - 1;
        }
        skip_from = UINT32_MAX;
        allow = 2;
    }
    m->end = pos;
    return true;
}

/* ---- Subjects, voice, negation, modality, reporters ------------------- */

static const char *const preps[] = {
    "in", "on", "by", "with", "of", "for", "from", "to", "at", "against",
    "between", "near", "around", "after", "before", "over", "into", "about",
    "across", "than", "toward", "towards", "under", "among", "like", NULL};

static uint32_t clause_start(const ev_sentence *es, uint32_t i)
{
    while (i > 0 && es->ti[i - 1].clause == es->ti[i].clause)
        i--;
    return i;
}

/* The subject before `verb`: the first actor of the clause not governed
 * by a preposition, with those joined to it by "and" or commas. */
/* Whether the mention at j can be a subject: not nested in another one,
 * not a possessive ("his envoy"). */
static bool subject_ok(const ev_sentence *es, uint32_t j)
{
    const tc_mention *m = mention(es, es->ti[j].mention);
    if (es->ti[j].inside != es->ti[j].mention)
        return false;
    return !(m->match == TC_MATCH_COREF &&
             (tok_is(es, j, "his") || tok_is(es, j, "her") ||
              tok_is(es, j, "its") || tok_is(es, j, "their")));
}

/* Whether mention m names an actor already in out[0..n). */
static bool same_actor(const ev_sentence *es, const int32_t *out, size_t n,
                       int32_t m)
{
    const tc_mention *x = mention(es, m);
    size_t k;
    for (k = 0; k < n; k++) {
        const tc_mention *y = mention(es, out[k]);
        if (y->entry == x->entry && y->type == x->type &&
            strcmp(y->code, x->code) == 0)
            return true;
    }
    return false;
}

/* Steps over a parenthesis at j: "Vladimir Putin (left) and Joe Biden". */
static uint32_t skip_paren(const ev_sentence *es, uint32_t j, uint32_t limit)
{
    uint32_t k;
    if (!tok_is(es, j, "("))
        return j;
    for (k = j + 1; k < limit && k < j + 6; k++)
        if (tok_is(es, k, ")"))
            return k + 1;
    return j;
}

static size_t subjects_from(const ev_sentence *es, uint32_t verb, int32_t *out,
                            bool after_of);

static size_t subjects(const ev_sentence *es, uint32_t verb, int32_t *out)
{
    size_t n = subjects_from(es, verb, out, false);
    /* "each of the Russian and American presidents had accepted" */
    return n ? n : subjects_from(es, verb, out, true);
}

static size_t subjects_from(const ev_sentence *es, uint32_t verb, int32_t *out,
                            bool after_of)
{
    uint32_t j = clause_start(es, verb);
    size_t n = 0;
    for (; j < verb; j++) {
        const tc_mention *m;
        if (es->ti[j].mention < 0 || !subject_ok(es, j))
            continue;
        if (j > 0 && tok_in(es, j - 1, preps) &&
            !(after_of && tok_is(es, j - 1, "of")))
            continue;
        if (j > 1 && tok_is(es, j - 1, "the") && tok_in(es, j - 2, preps) &&
            !(after_of && tok_is(es, j - 2, "of")))
            continue;
        m = mention(es, es->ti[j].mention);
        out[n++] = es->ti[j].mention;
        j = skip_paren(es, m->tok1 - es->t0, verb);
        /* "A and B", "A, B and C" */
        while (n < MAX_SOURCES && j + 1 < verb &&
               (tok_is(es, j, "and") || tok_is(es, j, ",")) &&
               ((es->ti[j + 1].mention >= 0 && subject_ok(es, j + 1)) ||
                (tok_is(es, j + 1, "and") && es->ti[j + 2].mention >= 0 &&
                 subject_ok(es, j + 2)))) {
            j += es->ti[j + 1].mention >= 0 ? 1 : 2;
            /* "Sergei Lavrov, Russia's foreign minister, said": an
             * apposition names the same actor again */
            if (!same_actor(es, out, n, es->ti[j].mention))
                out[n++] = es->ti[j].mention;
            j = skip_paren(es, mention(es, es->ti[j].mention)->tok1 - es->t0, verb);
        }
        return n;
    }
    return 0;
}

static const char *const be_words[] = {"is",   "are", "was",  "were", "been",
                                       "being", "be", "get",  "got",  "gets",
                                       NULL};

static bool passive(const ev_sentence *es, uint32_t verb, unsigned forms)
{
    uint32_t k;
    if (!(forms & (TC_FORM_PART | TC_FORM_PAST)))
        return false;
    for (k = 1; k <= 3 && k <= verb; k++) {
        if (tok_in(es, verb - k, be_words))
            return true;
        if (es->ti[verb - k].mention >= 0 || es->ti[verb - k].inside >= 0)
            return false;
    }
    return false;
}

/* "by X" after position `from` (the agent of a passive or a noun). */
static int32_t by_agent(const ev_sentence *es, uint32_t from, uint16_t clause)
{
    uint32_t j;
    for (j = from; j < es->n && j < from + 8 && es->ti[j].clause == clause; j++)
        if (tok_is(es, j, "by")) {
            uint32_t k;
            for (k = j + 1; k < es->n && k <= j + 3; k++)
                if (es->ti[k].mention >= 0)
                    return es->ti[k].mention;
            return -1;
        }
    return -1;
}

static const char *const neg_words[] = {"not", "n't", "never", "refused",
                                        "declined", "failed", "denied",
                                        "refuses", "declines", "denies",
                                        "without", NULL};
static const char *const future_words[] = {"will", "'ll", "shall", "plans",
                                           "planned", "plan", "intends",
                                           "set", "expected", "scheduled",
                                           "due", "upcoming", "proposed",
                                           "going", NULL};
static const char *const hypo_words[] = {"could", "may", "might", "can",
                                         "would", "should", "if", "unless",
                                         "possible", "potential", "fears",
                                         "feared", "fear", "risk", NULL};

static bool negated(const ev_sentence *es, uint32_t verb)
{
    uint32_t k, c0 = clause_start(es, verb);
    for (k = 1; k <= LOOKBACK && k <= verb - c0; k++) {
        uint32_t t = verb - k;
        if (tok_in(es, t, neg_words))
            return true;
        /* "never unify NATO and demand": the negation was another verb's */
        if (tok_is(es, t, "and") || tok_is(es, t, "or") || tok_is(es, t, ",") ||
            es->ti[t].inside >= 0)
            return false;
    }
    return false;
}

/* Modality from the words before the verb in its clause (and a caption is
 * history, not news). */
static uint8_t modality(const ev_sentence *es, uint32_t verb, uint32_t end,
                        tc_role role)
{
    uint32_t k, c0 = clause_start(es, verb);
    uint8_t mod = TC_MOD_ASSERTED;
    if (role == TC_ROLE_CAPTION)
        return TC_MOD_PAST;
    for (k = c0; k < verb; k++) {
        if (tok_in(es, k, hypo_words))
            return TC_MOD_HYPOTHETICAL;
        if (tok_in(es, k, future_words) && verb - k <= 6)
            mod = TC_MOD_FUTURE;
    }
    /* "a meeting ... is scheduled for Thursday" */
    for (k = end; k < es->n && es->ti[k].clause == es->ti[verb].clause; k++)
        if (tok_is(es, k, "scheduled") || tok_is(es, k, "planned"))
            mod = TC_MOD_FUTURE;
    /* "fears that Moscow could invade": the fear governs what follows */
    for (k = 0; k < c0; k++)
        if (tok_is(es, k, "fears") || tok_is(es, k, "feared") ||
            tok_is(es, k, "if"))
            return TC_MOD_HYPOTHETICAL;
    return mod;
}

/* The actor who reports the event at `verb`: the subject of a speech verb
 * before it, "according to X", or ", X said" after it. */
static int32_t reporter(const ev_sentence *es, uint32_t verb)
{
    uint32_t k;
    int32_t subj[MAX_SOURCES];
    for (k = 0; k + 2 < es->n; k++) {
        uint32_t at = k + 2 + (tok_is(es, k + 2, "the") ? 1 : 0);
        if (tok_is(es, k, "according") && tok_is(es, k + 1, "to") && at < es->n &&
            es->ti[at].mention >= 0)
            return es->ti[at].mention;
    }
    for (k = verb; k-- > 0;) {
        if (!tok_in(es, k, speech_words) || es->ti[k].inside >= 0)
            continue;
        if (es->ti[k].clause == es->ti[verb].clause &&
            !(k + 1 < es->n && es->ti[k + 1].mention >= 0))
            continue; /* "X said it would ..." is handled as the same clause */
        return subjects(es, k, subj) ? subj[0] : -1;
    }
    return es->reporter;
}

/* ", X said." or ", said X" near the end: the whole sentence is X's. */
static int32_t end_reporter(const ev_sentence *es)
{
    uint32_t k;
    for (k = 1; k < es->n; k++) {
        if (!tok_in(es, k, speech_words))
            continue;
        if (es->ti[k - 1].inside >= 0) {
            const tc_mention *m = mention(es, es->ti[k - 1].inside);
            uint32_t s = m->tok0 - es->t0;
            if (s > 0 && (tok_is(es, s - 1, ",") || tok_is(es, s - 1, "\"")))
                return es->ti[k - 1].inside;
        }
        if (k + 1 < es->n && es->ti[k + 1].mention >= 0 &&
            (tok_is(es, k - 1, ",") || tok_is(es, k - 1, "\"")))
            return es->ti[k + 1].mention;
    }
    return -1;
}

/* ---- Events ----------------------------------------------------------- */

static const char *const intent_words[] = {
    "willing", "ready", "prepared", "offered", "offers", "offer", "agreed",
    "agrees", "agree", "pledged", "pledges", "pledge", "promised",
    "promises", "promise", "vowed", "vows", "intends", "intend", "plans",
    "planned", "wants", "seeks", "sought", NULL};

/* "X is willing to withdraw its troops": cooperation announced, not done,
 * is CAMEO's intent to cooperate (03x). */
static uint16_t intent_code(const tc_verbs *v, const ev_sentence *es,
                            uint32_t verb, uint16_t code)
{
    static const struct {
        const char *root, *intent;
    } map[] = {{"04", "036"}, {"05", "032"}, {"06", "031"}, {"07", "033"},
               {"08", "035"}};
    const tc_code_info *c = tc_verbs_code(v, code), *to;
    uint32_t k, c0 = clause_start(es, verb);
    size_t r;
    bool intent = false;
    for (k = verb >= c0 + 4 ? verb - 4 : c0; k < verb; k++)
        intent = intent || tok_in(es, k, intent_words);
    if (!intent || !c)
        return code;
    for (r = 0; r < sizeof map / sizeof map[0]; r++) {
        if (strcmp(c->root, map[r].root) != 0)
            continue;
        to = tc_verbs_find_code(v, map[r].intent);
        return to ? (uint16_t)(to - tc_verbs_code(v, 0)) : code;
    }
    return code;
}

typedef struct ev_ctx {
    const tc_verbs *v;
    tc_vec *out;
    size_t sentence_first;   /* first event of the sentence in out */
    tc_role role;
    bool discard;            /* a "###" pattern matched: drop the sentence */
} ev_ctx;

static uint32_t span_start(const ev_sentence *es, int32_t m, uint32_t t)
{
    const tc_mention *x = mention(es, m);
    return x && x->tok0 < t ? x->tok0 : t;
}

static uint32_t span_end(const ev_sentence *es, int32_t m, uint32_t t)
{
    const tc_mention *x = mention(es, m);
    return x && x->tok1 > t ? x->tok1 : t;
}

static bool same_event(const tc_event_rec *a, const tc_event_rec *b)
{
    return a->source == b->source && a->target == b->target &&
           a->code == b->code && a->sentence == b->sentence;
}

typedef struct ev_draft {
    uint32_t head, end;       /* sentence tokens */
    uint16_t code;
    uint8_t negated, modality, nominal;
    int32_t reporter;
} ev_draft;

static tc_status emit(ev_ctx *c, const ev_sentence *es, const ev_draft *d,
                      int32_t src, int32_t tgt)
{
    tc_event_rec r, *slot;
    tc_status st;
    size_t i;
    if ((src < 0 && tgt < 0) || src == tgt)
        return TC_OK;
    memset(&r, 0, sizeof r);
    r.sentence = es->index;
    r.verb0 = es->t0 + d->head;
    r.verb1 = r.verb0 + 1;
    r.source = src;
    r.target = tgt;
    r.reporter = d->reporter == src ? -1 : d->reporter;
    r.code = d->code;
    r.negated = d->negated;
    r.modality = d->modality;
    r.nominal = d->nominal;
    r.clause = es->ti[d->head].clause;
    if (r.reporter >= 0 && r.modality == TC_MOD_ASSERTED)
        r.modality = TC_MOD_REPORTED;
    r.tok0 = span_start(es, tgt, span_start(es, src, r.verb0));
    r.tok1 = span_end(es, tgt, span_end(es, src, es->t0 + d->end));
    for (i = c->sentence_first; i < c->out->n; i++)
        if (same_event(tc_vec_at(c->out, i), &r))
            return TC_OK;
    slot = tc_vec_push(c->out, &st);
    if (!slot)
        return st;
    *slot = r;
    return TC_OK;
}

/* Emits the events of one matched pattern. */
static tc_status emit_match(ev_ctx *c, const ev_sentence *es, ev_draft *d,
                            const int32_t *src, size_t ns, const pmatch *m)
{
    size_t a, b;
    tc_status st = TC_OK;
    if (m->ntargets == 2 && m->targets[1] >= 0) {
        st = emit(c, es, d, m->targets[0], m->targets[1]);
        return st == TC_OK ? emit(c, es, d, m->targets[1], m->targets[0]) : st;
    }
    /* "Putin and Biden met": a compound subject and no target is a
     * meeting of each with each. */
    if (m->each_other || (ns >= 2 && m->ntargets == 0 && !d->nominal)) {
        for (a = 0; a < ns && st == TC_OK; a++)
            for (b = 0; b < ns && st == TC_OK; b++)
                if (a != b)
                    st = emit(c, es, d, src[a], src[b]);
        return st;
    }
    for (a = 0; a < (ns ? ns : 1) && st == TC_OK; a++)
        st = emit(c, es, d, ns ? src[a] : -1, m->targets[0]);
    return st;
}

static const char *const dets[] = {"the", "a", "an", "its", "their", "his",
                                   "her", "this", "these", "those", "new",
                                   "further", "renewed", "fresh", NULL};

static bool noun_context(const ev_sentence *es, uint32_t i)
{
    const tc_tok *k;
    if (i == 0)
        return false;
    k = tc_vec_at(es->in->toks, es->t0 + i - 1);
    return tok_in(es, i - 1, dets) || es->ti[i - 1].inside >= 0 ||
           tok_is(es, i - 1, "'s") || k->kind == TC_TOKEN_NUMBER;
}

/* "it has seized", "they attacked": the last actor of the paragraph
 * before the pronoun that is not a person (people are resolved by the
 * actor stage: he, she). */
static int32_t pronoun_subject(const ev_sentence *es, uint32_t verb)
{
    uint32_t j = clause_start(es, verb), para = es->sent->para;
    int32_t k;
    for (; j < verb; j++)
        if (tok_is(es, j, "it") || tok_is(es, j, "they"))
            break;
    if (j == verb)
        return -1;
    for (k = (int32_t)es->in->mentions->n - 1; k >= 0; k--) {
        const tc_mention *m = tc_vec_at(es->in->mentions, (size_t)k);
        const tc_sent *ms = tc_vec_at(es->in->sents, m->sentence);
        if (m->sentence > es->index ||
            (m->sentence == es->index && m->tok0 >= es->t0 + j))
            continue;
        if (ms->para != para)
            return -1;
        if (m->type != TC_ACTOR_PERSON && m->match != TC_MATCH_COREF)
            return k;
    }
    return -1;
}

/* CAMEO codes a refused cooperation as a rejection: "will not lift the
 * ban" (085 negated) is 1244, "refused to meet" (04x) is 125.  Changes
 * *code and returns true for roots 03-08. */
static bool refusal_code(const tc_verbs *v, uint16_t *code)
{
    static const struct {
        const char *from, *to;
    } map[] = {{"081", "1241"}, {"082", "1242"}, {"083", "1241"},
               {"084", "1243"}, {"085", "1244"}, {"086", "1245"},
               {"087", "1246"}, {"08", "124"},   {"04", "125"},
               {"06", "121"},   {"07", "122"},   {"03", "120"},
               {"05", "120"}};
    const tc_code_info *c = tc_verbs_code(v, *code), *to;
    size_t k;
    for (k = 0; c && k < sizeof map / sizeof map[0]; k++) {
        if (strncmp(c->code, map[k].from, strlen(map[k].from)) != 0)
            continue;
        to = tc_verbs_find_code(v, map[k].to);
        if (!to)
            return false;
        *code = (uint16_t)(to - tc_verbs_code(v, 0));
        return true;
    }
    return false;
}

/* Sources, targets and the reading of one pattern match. */
static tc_status realize(ev_ctx *c, const ev_sentence *es, uint32_t i,
                         const tc_pattern *p, bool pas, pmatch *m)
{
    int32_t src[MAX_SOURCES];
    size_t ns = 0;
    uint16_t clause = es->ti[i].clause;
    ev_draft d;
    d.head = i;
    d.end = m->end > i + 1 ? m->end : i + 1;
    d.code = intent_code(c->v, es, i, p->code);
    d.nominal = p->nominal;
    d.negated = (uint8_t)negated(es, i);
    if (d.negated && refusal_code(c->v, &d.code))
        d.negated = 0; /* "will not lift the ban" is a refusal that happened */
    d.modality = modality(es, i, d.end, c->role);
    d.reporter = reporter(es, i);
    if (p->nominal) {
        /* "Russian shelling", "Russia's invasion", then "shelling by X" */
        int32_t s = i > 0 && es->ti[i - 1].inside >= 0 ? es->ti[i - 1].inside : -1;
        if (s < 0 && i > 1 && tok_is(es, i - 1, "'s") && es->ti[i - 2].inside >= 0)
            s = es->ti[i - 2].inside;
        if (s < 0)
            s = by_agent(es, i + 1, clause);
        if (s >= 0)
            src[ns++] = s;
        if (m->ntargets == 0 && d.reporter >= 0 && ns)
            m->targets[0] = d.reporter; /* "Kiev announced shelling by X" */
    } else if (pas) {
        int32_t s = by_agent(es, d.end, clause), t[MAX_SOURCES];
        size_t nt = subjects(es, i, t), k;
        tc_status st = TC_OK;
        if (s >= 0)
            src[ns++] = s;
        for (k = 0; k < nt && st == TC_OK; k++) {
            m->targets[0] = t[k];
            st = emit_match(c, es, &d, src, ns, m);
        }
        return st;
    } else if (m->source >= 0) {
        src[ns++] = m->source; /* the pattern's own $S */
    } else {
        ns = subjects(es, i, src);
        if (!ns && tok_in(es, i, speech_words) && i + 1 < es->n &&
            es->ti[i + 1].mention >= 0) {
            src[ns++] = es->ti[i + 1].mention; /* "..., said Peskov" */
        } else if (!ns && (src[0] = pronoun_subject(es, i)) >= 0) {
            ns = 1;
        }
    }
    return emit_match(c, es, &d, src, ns, m);
}

/* Whether nothing after the verb at i looks like its object: the clause
 * ends, or a preposition, a punctuation mark or a date word follows. */
static bool intransitive(const ev_sentence *es, uint32_t i)
{
    const tc_tok *k;
    if (i + 1 >= es->n || es->ti[i + 1].clause != es->ti[i].clause)
        return true;
    k = tc_vec_at(es->in->toks, es->t0 + i + 1);
    return k->kind == TC_TOKEN_PUNCT || tok_in(es, i + 1, preps) ||
           tok_in(es, i + 1, be_words) || tok_is(es, i + 1, "again") ||
           tok_is(es, i + 1, "today") || tok_is(es, i + 1, "yesterday") ||
           tok_is(es, i + 1, "briefly") || (k->flags & TC_TOKEN_CAPITALIZED);
}

/* Realizes a match and marks the words it used: they are not events of
 * their own ("lifted a ban"), but a verb among them may be ("accused of
 * amassing troops"). */
static tc_status use_match(ev_ctx *c, const ev_sentence *es, uint32_t i,
                           const tc_pattern *p, bool pas, pmatch *m)
{
    uint32_t w;
    for (w = 0; w < m->nwords; w++)
        ((ev_sentence *)es)->ti[m->words[w]].used = true;
    if (p->action == TC_PAT_DISCARD)
        c->discard = true;
    if (p->action != TC_PAT_EVENT)
        return TC_OK; /* "---": these words code nothing */
    return realize(c, es, i, p, pas, m);
}

typedef struct reading {
    bool noun_first;   /* try the event-noun reading first */
    bool subject_noun; /* "demands were rejected": no noun reading */
    bool modifier;     /* "forces backed by Russia": no event at all */
} reading;

/* How to read the token at i, given the forms it can be. */
static reading read_head(const ev_sentence *es, uint32_t i, unsigned all)
{
    reading r;
    r.noun_first = noun_context(es, i);
    /* "-ing" without an auxiliary is a gerund: "fighting between ..." */
    if ((all & TC_FORM_ING) && (all & TC_FORM_NOUN) &&
        !(i > 0 && tok_in(es, i - 1, be_words)) &&
        (tok_is(es, i + 1, "between") || tok_is(es, i + 1, "of")))
        r.noun_first = true;
    r.subject_noun = i + 1 < es->n && tok_in(es, i + 1, be_words);
    r.modifier = !(all & (TC_FORM_BASE | TC_FORM_S | TC_FORM_NOUN)) && i > 0 &&
                 es->ti[i - 1].inside >= 0 && tok_is(es, i + 1, "by");
    /* "U.S.-backed", "Russian-led": half of a compound adjective */
    if (i > 0 && tok_is(es, i - 1, "-") &&
        (((const tc_tok *)tc_vec_at(es->in->toks, es->t0 + i))->flags &
         TC_TOKEN_JOINED))
        r.modifier = true;
    /* "against visiting Saudi Crown Prince ...": an adjective */
    if ((all & TC_FORM_ING) && !(all & TC_FORM_NOUN) && i > 0 &&
        i + 1 < es->n && es->ti[i + 1].mention >= 0 &&
        (tok_in(es, i - 1, preps) || tok_in(es, i - 1, dets)))
        r.modifier = true;
    return r;
}

typedef struct candidate {
    const tc_pattern *p;
    bool pas;
    pmatch m;
} candidate;

/* Tries one head's patterns in one reading.  True with *full on a full
 * match; the first match without its target is kept in *loose. */
static bool try_head(const ev_sentence *es, const tc_verbs *v, uint32_t i,
                     uint32_t head, unsigned forms, bool nominal,
                     candidate *full, candidate *loose)
{
    const tc_pattern *cand[MAX_CANDIDATES];
    uint32_t window[3];
    size_t np, k, nw = 0;
    bool pas = !nominal && passive(es, i, forms);
    /* Only patterns whose first word is one of the next three words, and
     * those that start otherwise, can match. */
    for (k = i + 1; k < es->n && k <= i + 3; k++)
        window[nw++] = es->ti[k].word;
    np = tc_verbs_candidates(v, head, window, nw, cand, MAX_CANDIDATES);
    for (k = 0; k < np; k++) {
        const tc_pattern *p = cand[k];
        if (p->nominal != nominal)
            continue;
        if (match_pattern(es, v, p, i + 1, es->ti[i].clause,
                          pas && p->targets > 0, false, &full->m)) {
            full->p = p;
            full->pas = pas;
            return true;
        }
        /* Without its target, a bare "meet $T" only stands when the verb
         * has no other object ("met on Monday"), not "meet these targets". */
        if (!loose->p && p->targets > 0 &&
            (p->literals > 0 || intransitive(es, i)) &&
            match_pattern(es, v, p, i + 1, es->ti[i].clause, pas, true,
                          &loose->m)) {
            loose->p = p;
            loose->pas = pas;
        }
    }
    return false;
}

/* Whether head h may be read as a noun (or a verb) at i. */
static bool reading_allowed(const ev_sentence *es, uint32_t i, unsigned forms,
                            bool nominal, const reading *r)
{
    if (nominal)
        return (forms & TC_FORM_NOUN) && !r->subject_noun && !es->ti[i].used;
    /* "fighting", "shelling" after a determiner are nouns */
    return (forms & ~TC_FORM_NOUN) && !(r->noun_first && (forms & TC_FORM_ING));
}

/* Tries the patterns of every head the token at i is a form of: full
 * matches in the preferred reading, then in the other, then the first
 * match that lacked only its target. */
static tc_status try_token(ev_ctx *c, const ev_sentence *es, uint32_t i)
{
    uint32_t heads[MAX_HEADS];
    unsigned forms[MAX_HEADS], all = 0;
    size_t nh = tc_verbs_heads(c->v, es->ti[i].word, heads, forms, MAX_HEADS);
    size_t h;
    candidate full, loose;
    reading r;
    int round;
    for (h = 0; h < nh; h++)
        all |= forms[h];
    r = read_head(es, i, all);
    if (r.modifier)
        return TC_OK;
    loose.p = NULL;
    for (round = 0; round < 2; round++) {
        bool nominal = round == 0 ? r.noun_first : !r.noun_first;
        for (h = 0; h < nh; h++)
            if (reading_allowed(es, i, forms[h], nominal, &r) &&
                try_head(es, c->v, i, heads[h], forms[h], nominal, &full,
                         &loose))
                return use_match(c, es, i, full.p, full.pas, &full.m);
    }
    return loose.p ? use_match(c, es, i, loose.p, loose.pas, &loose.m) : TC_OK;
}

/* A plain statement (010: said, announced) is news only when nothing else
 * in the sentence is; specific comments (011-019) stay. */
static void drop_statements(ev_ctx *c)
{
    size_t i, out = c->sentence_first;
    bool other = false;
    for (i = c->sentence_first; i < c->out->n; i++) {
        const tc_event_rec *r = tc_vec_at(c->out, i);
        other = other ||
                (strcmp(tc_verbs_code(c->v, r->code)->code, "010") != 0 &&
                 !r->negated && r->modality != TC_MOD_HYPOTHETICAL);
    }
    if (!other)
        return;
    for (i = c->sentence_first; i < c->out->n; i++) {
        tc_event_rec *r = tc_vec_at(c->out, i);
        if (strcmp(tc_verbs_code(c->v, r->code)->code, "010") == 0)
            continue;
        *(tc_event_rec *)tc_vec_at(c->out, out++) = *r;
    }
    c->out->n = out;
}

/* The main event first: verbs before event nouns, then by clause, then in
 * text order (an insertion sort: a sentence has few events). */
static void order_sentence(ev_ctx *c)
{
    size_t i, j;
    for (i = c->sentence_first + 1; i < c->out->n; i++) {
        tc_event_rec x = *(tc_event_rec *)tc_vec_at(c->out, i);
        for (j = i; j > c->sentence_first; j--) {
            tc_event_rec *y = tc_vec_at(c->out, j - 1);
            if (y->nominal < x.nominal ||
                (y->nominal == x.nominal && y->clause <= x.clause))
                break;
            *(tc_event_rec *)tc_vec_at(c->out, j) = *y;
        }
        *(tc_event_rec *)tc_vec_at(c->out, j) = x;
    }
}

/* ---- Word classes ----------------------------------------------------- */

static const char *const *const class_lists[] = {
    speech_words, cut_words, rel_words, preps_cut, belief_words, preps,
    be_words,     neg_words, future_words, hypo_words, intent_words, dets};

#define N_CLASS_LISTS (sizeof class_lists / sizeof class_lists[0])

static unsigned list_bit(const char *const *list)
{
    size_t k;
    for (k = 0; k < N_CLASS_LISTS; k++)
        if (class_lists[k] == list)
            return 1u << k;
    return 0;
}

tc_status tc_events_register(tc_verbs *v)
{
    size_t k, w;
    tc_status st = TC_OK;
    for (k = 0; k < N_CLASS_LISTS && st == TC_OK; k++)
        for (w = 0; class_lists[k][w] && st == TC_OK; w++)
            st = tc_verbs_add_class(v, class_lists[k][w], 1u << k);
    return st;
}

tc_status tc_extract_events(const tc_verbs *v, const tc_event_input *in,
                            tc_arena *arena, tc_vec *events)
{
    ev_ctx c;
    size_t s, mi = 0;
    tc_status st = TC_OK;
    memset(&c, 0, sizeof c);
    c.v = v;
    c.out = events;
    for (s = 0; s < in->sents->n && st == TC_OK; s++) {
        ev_sentence es;
        uint32_t i;
        memset(&es, 0, sizeof es);
        es.in = in;
        es.sent = tc_vec_at(in->sents, s);
        es.index = (uint32_t)s;
        c.role = ((const tc_para *)tc_vec_at(in->paras, es.sent->para))->role;
        st = set_up(v, arena, &es, &mi);
        if (st != TC_OK || c.role == TC_ROLE_BOILERPLATE ||
            c.role == TC_ROLE_ATTRIBUTION || es.sent->repeat_of)
            continue;
        es.reporter = end_reporter(&es);
        c.sentence_first = events->n;
        c.discard = false;
        for (i = 0; i < es.n && st == TC_OK && !c.discard; i++)
            if (es.ti[i].word && es.ti[i].inside < 0)
                st = try_token(&c, &es, i);
        if (c.discard) { /* "###": nothing of this sentence is coded */
            events->n = c.sentence_first;
            continue;
        }
        drop_statements(&c);
        order_sentence(&c);
    }
    return st;
}
