/*
 * quotes.c - who said what: direct quotations with their speaker and cue,
 * and indirect speech ("X said that ...") with its content, without a
 * parser.
 *
 * Quote marks are paired per paragraph on the matching text, where every
 * double mark (" “ ” „ « » ‹ ›) is '"' and every single one is '\'': a
 * closed paragraph opens with the next '"' and an open one closes with it
 * (machine translation turns marks around, so their direction is not
 * trusted); a quote opened at a paragraph's start and still open at its
 * end goes on into the next paragraph when that one opens with a mark.
 * Single marks quote only where they clearly do ('in their heads', not
 * "students' union").  Then, for each quote:
 *
 *  - the attribution after it ("X," he said / said Peskov / according to
 *    X / Peskov, the spokesman, said), else before it (Peskov said: "X" /
 *    told reporters, "X"), else the nearest cue before it in its sentence
 *    (said it was "worrying", blamed "saboteurs"): words quoted inside a
 *    paraphrase are `partial`;
 *  - a quote with no cue in its sentence is kept only when it is a
 *    sentence of its own (its speaker is then the previous quote's, or
 *    the subject of a cue in the sentence before); a short quote inside a
 *    sentence with no cue is a title or a label and is dropped;
 *  - quotes of one paragraph with nothing between them but an attribution
 *    are one quote in parts ("X," he said, "Y.");
 *  - a pull quote that repeats the body is not counted again; its
 *    attribution line names the speaker of the body quote when that has
 *    none; a pull quote without a body copy is a quote of its own;
 *  - the speaker resolves to an actor mention inside it, or, for he/she
 *    (it), to the nearest person (organisation) named before it outside
 *    quotes.
 *
 * Indirect speech: a cue verb with a subject and "that" or a clause after
 * it, a clause ending in ", X said", and "according to X" give records
 * with direct = false and the reported clause as content.
 *
 * Every search is a bounded window; the whole is linear in the tokens.
 */
#include "extract.h"

#include <stdlib.h>
#include <string.h>

#define QUOTE_MAX_BYTES 16384u /* an open quote that runs longer is dropped */
#define QUOTE_MAX_PARAS 10u    /* paragraphs one quote may run over */
#define QUOTES_MAX 10000u      /* records per article */
#define SPEAKER_MAX 10u        /* tokens in a speaker */
#define CUE_BEFORE_COLON 8u    /* "told reporters on Tuesday:" */
#define APPOSITION_MAX 12u     /* "Josh Earnest, the press secretary, said" */
#define SINGLE_MAX 40u         /* tokens inside single marks */
#define PRONOUN_PARAS 3u       /* paragraphs searched back for he/she/it */
#define PRONOUN_MENTIONS 64u   /* mentions looked at for one pronoun */
#define CONTEXT_PARAS 2u       /* a lone quote takes a speaker this far back */
#define SUBJECT_BACK 30u
#define MERGE_GAP 40u          /* tokens between two parts of one quote */       /* tokens back to the cue whose subject is shared */

/* ---- Word lists (sorted: looked up by binary search) ------------------ */

typedef struct word {
    const char *w;
    size_t n;
} word;

#define W(s) {s, sizeof(s) - 1}

/* Verbs (and "according") that report words: cues of quotes and of
 * indirect speech. */
static const word speech_cues[] = {
    W("according"), W("acknowledged"), W("acknowledges"), W("add"),
    W("added"), W("adding"), W("adds"), W("admits"), W("admitted"),
    W("announced"), W("announces"), W("answered"), W("answering"),
    W("argued"), W("argues"), W("arguing"), W("asked"), W("asking"),
    W("asks"), W("asserted"), W("asserts"), W("boasted"), W("cautioned"),
    W("chanted"), W("chanting"), W("chants"), W("charged"), W("claimed"),
    W("claiming"), W("claims"), W("commented"), W("complained"),
    W("conceded"), W("concluded"), W("confirmed"), W("contended"),
    W("continued"), W("countered"), W("declared"), W("declares"),
    W("emailed"), W("emphasised"), W("emphasized"), W("exclaimed"),
    W("explained"), W("explaining"), W("explains"), W("insisted"),
    W("insisting"), W("insists"), W("joked"), W("maintained"), W("mused"),
    W("noted"), W("notes"), W("noting"), W("observed"), W("pledged"),
    W("pointed"), W("posted"), W("predicted"), W("promised"), W("quipped"),
    W("read"), W("reads"), W("recalled"), W("recalls"), W("reiterated"),
    W("remarked"), W("repeated"), W("replied"), W("replying"), W("reported"),
    W("reports"), W("responded"), W("responding"), W("said"), W("sang"),
    W("say"), W("saying"), W("says"), W("shouted"), W("shouting"),
    W("singing"), W("sings"), W("state"), W("stated"), W("states"),
    W("stressed"), W("stresses"), W("stressing"), W("suggested"),
    W("suggests"), W("tell"), W("telling"), W("tells"), W("testified"),
    W("testifying"), W("texted"), W("told"), W("tweeted"), W("tweeting"),
    W("tweets"), W("urged"), W("vowed"), W("warned"), W("warning"),
    W("warns"), W("writes"), W("writing"), W("wrote"), W("yelled"),
    W("yelling")};

/* Verbs that attribute a label ("blamed 'Ukrainian saboteurs'", "called
 * it 'disgusting'"): cues of a quote in their sentence only. */
static const word label_cues[] = {
    W("accused"), W("blamed"), W("branded"), W("call"), W("called"),
    W("calling"), W("calls"), W("characterized"), W("criticized"),
    W("decried"), W("denounced"), W("described"), W("describes"),
    W("dismissed"), W("dubbed"), W("labeled"), W("labelled"), W("mocked"),
    W("nicknamed"), W("praised"), W("referred"), W("slammed"), W("termed")};

/* Words between a subject and its cue: "has also said". */
static const word aux_words[] = {
    W("again"), W("also"), W("bluntly"), W("did"), W("does"), W("earlier"),
    W("finally"), W("flatly"), W("further"), W("had"), W("has"), W("have"),
    W("just"), W("later"), W("often"), W("once"), W("previously"),
    W("privately"), W("publicly"), W("quickly"), W("recently"),
    W("repeatedly"), W("reportedly"), W("simply"), W("then"), W("would")};

/* Words that are never part of a speaker. */
static const word stop_words[] = {
    W("about"), W("after"), W("against"), W("also"), W("although"), W("and"),
    W("are"), W("as"), W("at"), W("be"), W("because"), W("been"), W("before"),
    W("but"), W("by"), W("can"), W("could"), W("during"), W("from"), W("had"),
    W("has"), W("have"), W("here"), W("how"), W("if"), W("in"), W("into"),
    W("is"), W("may"), W("might"), W("must"), W("nor"), W("not"), W("on"),
    W("or"), W("over"), W("should"), W("since"), W("so"), W("than"),
    W("that"), W("there"), W("this"), W("through"), W("to"), W("under"),
    W("until"), W("was"), W("were"), W("what"), W("when"), W("where"),
    W("whether"), W("which"), W("while"), W("who"), W("whom"), W("whose"),
    W("why"), W("will"), W("with"), W("without"), W("would")};

static const word pronouns[] = {
    W("he"), W("i"), W("it"), W("she"), W("they"), W("we"), W("you")};

/* Words that open a reported clause: "said the army ...", "says it". */
static const word openers[] = {
    W("a"), W("all"), W("an"), W("he"), W("her"), W("his"), W("i"), W("it"),
    W("its"), W("many"), W("more"), W("most"), W("no"), W("one"), W("our"),
    W("she"), W("some"), W("the"), W("their"), W("there"), W("these"),
    W("they"), W("this"), W("those"), W("we"), W("you")};

/* Time words after a cue: "said on Monday that", "said Tuesday". */
static const word time_words[] = {
    W("earlier"), W("last"), W("late"), W("later"), W("morning"), W("night"),
    W("on"), W("this"), W("today"), W("tonight"), W("week"), W("yesterday")};

#define LIST(a) (a), sizeof(a) / sizeof((a)[0])

static int cmp_word(const void *key, const void *item)
{
    const tc_sv *k = key;
    const word *w = item;
    int c = memcmp(k->p, w->w, TC_MIN(k->n, w->n));
    if (c)
        return c;
    return k->n < w->n ? -1 : k->n > w->n;
}

/* Words of the lists are 1 to 14 letters long. */
static bool in_list(const word *list, size_t n, tc_sv key)
{
    return key.n && key.n <= 14 &&
           bsearch(&key, list, n, sizeof *list, cmp_word) != NULL;
}

/* Where each initial letter's words start in a sorted list: letter l
 * ('a' + l) spans [first[l], first[l + 1]). */
typedef struct list_index {
    uint8_t first[27];
} list_index;

static void index_list(const word *list, size_t n, list_index *ix)
{
    size_t l, k = 0;
    for (l = 0; l < 27; l++) {
        while (k < n && (unsigned char)list[k].w[0] < 'a' + l)
            k++;
        ix->first[l] = (uint8_t)k;
    }
}

/* The lookup the per-token classes use: only the words of the key's
 * initial letter are searched. */
static bool in_indexed(const word *list, const list_index *ix, tc_sv key)
{
    unsigned l;
    if (key.n < 2 || key.n > 14)
        return false;
    l = (unsigned char)key.p[0] - 'a';
    if (l >= 26)
        return false;
    return bsearch(&key, list + ix->first[l], ix->first[l + 1] - ix->first[l],
                   sizeof *list, cmp_word) != NULL;
}

/* ---- The document as the finder sees it ------------------------------- */

enum { CUE_NONE = 0, CUE_SPEECH, CUE_LABEL };

typedef struct quote {
    uint32_t t0[TC_QUOTE_PARTS], t1[TC_QUOTE_PARTS]; /* content tokens */
    uint8_t nparts;
    uint32_t open, close;  /* first open and last close mark tokens */
    uint32_t para;
    uint32_t spk0, spk1;   /* speaker tokens, spk0 == spk1: none */
    uint32_t cue0, cue1;   /* cue tokens, cue0 == cue1: none */
    uint32_t attr_end;     /* first token after its attribution */
    bool attributed;       /* a cue of its own */
    bool partial;
    bool pull;             /* found in a pull quote */
    bool dropped;
} quote;

typedef struct qctx {
    const tc_quote_input *in;
    tc_arena *arena;
    tc_vec *out;
    size_t ntok;
    uint32_t *tok_sent;    /* sentence of each token */
    uint8_t *inq;          /* token inside quoted words */
    uint8_t *cue;          /* CUE_* of each token, computed once */
    uint8_t *used;         /* token is an attribution's cue */
    quote *qs;             /* this paragraph's quotes */
    size_t nq, capq;
    int32_t last_rec;      /* the last direct quote record, or -1 */
} qctx;

static const tc_tok *tok(const qctx *c, uint32_t i)
{
    return tc_vec_at(c->in->toks, i);
}

static tc_sv key(const qctx *c, uint32_t i)
{
    size_t n;
    const char *k = tc_key_of(c->in->keys, i, &n);
    return tc_sv_make(k, n);
}

static bool is(const qctx *c, uint32_t i, const char *w)
{
    return i < c->ntok && tc_sv_eq(key(c, i), tc_sv_cstr(w));
}

static bool punct(const qctx *c, uint32_t i, char ch)
{
    const tc_tok *t;
    if (i >= c->ntok)
        return false;
    t = tok(c, i);
    return t->kind == TC_TOKEN_PUNCT && t->end - t->start == 1 &&
           c->in->norm[t->start] == ch;
}

static bool has(const qctx *c, uint32_t i, const word *list, size_t n)
{
    return i < c->ntok && in_list(list, n, key(c, i));
}

static const tc_sent *sent_of(const qctx *c, uint32_t t)
{
    return tc_vec_at(c->in->sents, c->tok_sent[t]);
}

static uint32_t sent_first(const qctx *c, uint32_t t)
{
    return sent_of(c, t)->first_token;
}

static uint32_t sent_end(const qctx *c, uint32_t t)
{
    const tc_sent *s = sent_of(c, t);
    return s->first_token + s->token_count;
}

static uint32_t para_of(const qctx *c, uint32_t t)
{
    return sent_of(c, t)->para;
}

static bool is_pronoun(const qctx *c, uint32_t i)
{
    return has(c, i, LIST(pronouns));
}

static bool calendar(const qctx *c, uint32_t i)
{
    tc_sv k = key(c, i);
    return tc_wordlist_has(&tc_list_calendar_words, k.p, k.n) ||
           has(c, i, LIST(time_words));
}

static bool dmark(const qctx *c, uint32_t i)
{
    return punct(c, i, '"');
}

/* A mark of a quote found (double, or single when it quotes). */
static bool dmark_at(const qctx *c, uint32_t i)
{
    return dmark(c, i) || (punct(c, i, '\'') && !c->inq[i] && i > 0 &&
                           c->inq[i - 1]);
}

/* ---- Speakers --------------------------------------------------------- */

/* Whether token i can be part of a speaker. */
static bool np_token(const qctx *c, uint32_t i)
{
    const tc_tok *t = tok(c, i);
    if (c->inq[i] || c->cue[i])
        return false;
    if (t->kind == TC_TOKEN_PUNCT)
        return (punct(c, i, '-') && (t->flags & TC_TOKEN_JOINED)) ||
               punct(c, i, '.');
    return !has(c, i, LIST(stop_words)) && !has(c, i, LIST(aux_words));
}

/* "of"/"for" inside a speaker: "spokesman for the Kremlin". */
static bool np_glue(const qctx *c, uint32_t i)
{
    return is(c, i, "of") || is(c, i, "for");
}

/* The speaker ending just before `end` (the subject of a cue), scanning
 * no further back than `lo`: [*s0, end).  False when there is none. */
static bool np_before(const qctx *c, uint32_t end, uint32_t lo, uint32_t *s0)
{
    uint32_t k = end;
    if (end > lo && is_pronoun(c, end - 1)) {
        *s0 = end - 1;
        return true;
    }
    while (k > lo && end - k < SPEAKER_MAX) {
        uint32_t j = k - 1;
        if (punct(c, j, ')')) { /* "Rep. Gwen Moore (D-Wis.)" */
            uint32_t p = j;
            while (p > lo && j - p < 8 && !punct(c, p, '('))
                p--;
            if (!punct(c, p, '(') || p == lo)
                break;
            k = p;
            continue;
        }
        if (np_glue(c, j) && k < end && j > lo && np_token(c, j - 1) &&
            !punct(c, j - 1, '.')) {
            k = j;
            continue;
        }
        if (!np_token(c, j) || is_pronoun(c, j))
            break;
        k = j;
    }
    while (k < end && (punct(c, k, '.') || punct(c, k, '-')))
        k++;
    *s0 = k;
    return k < end;
}

/* The speaker starting at `start` (after "said" or "according to"): up to
 * a preposition, a comma, a time word or the sentence's end `hi`. */
static bool np_after(const qctx *c, uint32_t start, uint32_t hi, uint32_t *s1)
{
    uint32_t k = start;
    if (start < hi && is_pronoun(c, start)) {
        *s1 = start + 1;
        return true;
    }
    while (k < hi && k - start < SPEAKER_MAX) {
        if (np_glue(c, k) && k > start && k + 1 < hi && np_token(c, k + 1)) {
            k++;
            continue;
        }
        if (punct(c, k, '(') && k > start) { /* "Chaffetz (R-Utah)" */
            uint32_t e = k + 1;
            while (e < hi && e - k < 8 && !punct(c, e, ')'))
                e++;
            if (e >= hi || !punct(c, e, ')'))
                break;
            k = e + 1;
            continue;
        }
        if (!np_token(c, k) || is_pronoun(c, k) || calendar(c, k) ||
            (punct(c, k, '.') && !(tok(c, k)->flags & TC_TOKEN_JOINED)))
            break;
        if (punct(c, k, '.'))
            break; /* the sentence's period */
        k++;
    }
    *s1 = k;
    return k > start;
}

/* Skips "has also" before a cue, backwards. */
static uint32_t skip_aux_back(const qctx *c, uint32_t i, uint32_t lo)
{
    while (i > lo && has(c, i - 1, LIST(aux_words)))
        i--;
    return i;
}

/* The subject of the cue at `cue`: set q's speaker.  A cue without one
 * ("and said", ", noting") takes the subject of the cue before it in the
 * sentence (once, and not far back). */
static bool subject_at(const qctx *c, uint32_t cue, quote *q, int depth)
{
    uint32_t lo = sent_first(c, cue), end = skip_aux_back(c, cue, lo), s0, k;
    if (np_before(c, end, lo, &s0)) {
        q->spk0 = s0;
        q->spk1 = end;
        return true;
    }
    if (depth > 0)
        return false;
    for (k = end; k > lo && end - k < SUBJECT_BACK; k--)
        if (c->cue[k - 1] == CUE_SPEECH && !is(c, k - 1, "according") &&
            !c->inq[k - 1])
            return subject_at(c, k - 1, q, depth + 1);
    return false;
}

static bool subject_of(const qctx *c, uint32_t cue, quote *q)
{
    return subject_at(c, cue, q, 0);
}

static void set_cue(quote *q, uint32_t t0, uint32_t t1)
{
    q->cue0 = t0;
    q->cue1 = t1;
}

/* "according to X" at t: the speaker after "to". */
static bool according(const qctx *c, uint32_t t, uint32_t hi, quote *q)
{
    uint32_t s1;
    if (!is(c, t, "according") || !is(c, t + 1, "to") ||
        !np_after(c, t + 2, hi, &s1))
        return false;
    set_cue(q, t, t + 2);
    q->spk0 = t + 2;
    q->spk1 = s1;
    q->attr_end = s1;
    return true;
}

/* ---- Attribution of one quote ----------------------------------------- */

/* After the closing mark: ", he said", ", said Peskov", ", according to
 * X", ", Peskov, the spokesman, said". */
static bool attribution_after(const qctx *c, quote *q)
{
    uint32_t t = q->close + 1, hi, s1, k;
    if (t >= c->ntok || para_of(c, t) != q->para)
        return false;
    hi = sent_end(c, t);
    if (punct(c, t, ','))
        t++;
    if (t >= hi)
        return false;
    if (according(c, t, hi, q))
        return true;
    /* "..." -- Sonya Herridge */
    if (punct(c, t, '-') || is(c, t, "--")) {
        if (!np_after(c, t + 1, hi, &s1) || is_pronoun(c, t + 1))
            return false;
        q->spk0 = t + 1;
        q->spk1 = q->attr_end = s1;
        return true;
    }
    if (c->cue[t] == CUE_SPEECH) {
        if (!np_after(c, t + 1, hi, &s1))
            return false;
        set_cue(q, t, t + 1);
        q->spk0 = t + 1;
        q->spk1 = q->attr_end = s1;
        return true;
    }
    if (!np_after(c, t, hi, &s1) && !(t < hi && is_pronoun(c, t)))
        return false;
    q->spk0 = t;
    q->spk1 = s1;
    for (k = s1; k < hi && has(c, k, LIST(aux_words)); k++)
        ;
    if (k < hi && c->cue[k] == CUE_SPEECH && !is(c, k, "according")) {
        set_cue(q, k, k + 1);
        q->attr_end = k + 1;
        return true;
    }
    /* an apposition: "Josh Earnest, the press secretary, said" */
    if (!punct(c, s1, ','))
        return false;
    for (k = s1 + 1; k < hi && k - s1 < APPOSITION_MAX; k++) {
        uint32_t v = k + 1;
        if (c->inq[k] || !punct(c, k, ','))
            continue;
        while (v < hi && has(c, v, LIST(aux_words)))
            v++;
        if (v < hi && c->cue[v] == CUE_SPEECH && !is(c, v, "according")) {
            set_cue(q, v, v + 1);
            q->attr_end = v + 1;
            return true;
        }
        return false;
    }
    return false;
}

/* Whether the quote opens a clause of its own: at its sentence's start,
 * after a colon, after a cue ("said, "), or right after another quote. */
static bool opens_clause(const qctx *c, uint32_t o)
{
    uint32_t lo = sent_first(c, o), k;
    if (o == lo || punct(c, o - 1, ':') || dmark_at(c, o - 1) ||
        c->cue[o - 1] == CUE_SPEECH)
        return true;
    if (!punct(c, o - 1, ',') && !punct(c, o - 1, '-'))
        return false;
    for (k = o - 1; k > lo && o - 1 - k < CUE_BEFORE_COLON; k--)
        if (c->cue[k - 1] == CUE_SPEECH && !c->inq[k - 1])
            return true;
    return false;
}

/* Before the opening mark: `Peskov said: "`, `he told reporters, "`,
 * `said "`.  Otherwise the nearest cue before it in the sentence: the
 * quote is then a part of a paraphrase.  Cues an earlier quote's
 * attribution used are not taken again ("X," he said, "Y."). */
static bool attribution_before(const qctx *c, quote *q)
{
    uint32_t o = q->open, lo = sent_first(c, o), k;
    if (o == lo)
        return false;
    if (opens_clause(c, o)) {
        uint32_t from = c->cue[o - 1] ? o : o - 1;
        for (k = from; k > lo && from - k < CUE_BEFORE_COLON; k--) {
            if (c->inq[k - 1] || c->used[k - 1])
                break;
            if (c->cue[k - 1] == CUE_SPEECH && !is(c, k - 1, "according")) {
                set_cue(q, k - 1, k);
                subject_of(c, k - 1, q);
                return true;
            }
        }
    }
    for (k = o; k > lo; k--) {
        uint32_t t = k - 1;
        if (c->used[t] || c->inq[t])
            break;
        if (!c->cue[t])
            continue;
        if (is(c, t, "according")) {
            if (!according(c, t, sent_end(c, t), q))
                continue;
        } else {
            set_cue(q, t, t + 1);
            subject_of(c, t, q);
        }
        q->partial = true;
        return true;
    }
    return false;
}

/* Whether the quote is a sentence of its own (or several). */
static bool whole_sentence(const qctx *c, const quote *q)
{
    uint32_t after = q->close + 1;
    if (q->open != sent_first(c, q->open))
        return false;
    return after >= c->ntok || after >= sent_end(c, q->close) ||
           para_of(c, after) != q->para || punct(c, after, '.');
}

/* A lone quote's speaker: the subject of the last cue of the sentence
 * before it in its paragraph ("Trump told the crowd. "We will win.""). */
static bool context_speaker(const qctx *c, quote *q)
{
    uint32_t lo, k;
    const tc_sent *s = sent_of(c, q->open);
    if (q->open == 0 || c->tok_sent[q->open] == 0)
        return false;
    lo = ((const tc_sent *)tc_vec_at(c->in->sents,
                                     c->tok_sent[q->open] - 1))->first_token;
    if (sent_of(c, lo)->para != s->para)
        return false;
    for (k = q->open; k > lo; k--) {
        quote tmp = *q;
        if (c->cue[k - 1] != CUE_SPEECH || c->inq[k - 1])
            continue;
        if (is(c, k - 1, "according")
                ? according(c, k - 1, q->open, &tmp)
                : subject_of(c, k - 1, &tmp)) {
            q->spk0 = tmp.spk0;
            q->spk1 = tmp.spk1;
            set_cue(q, k - 1, is(c, k - 1, "according") ? k + 1 : k);
            return true;
        }
    }
    return false;
}

static void attribute(qctx *c, quote *q)
{
    q->spk0 = q->spk1 = q->cue0 = q->cue1 = 0;
    q->attr_end = q->close + 1;
    if (attribution_after(c, q)) {
        q->attributed = true;
        q->partial = !opens_clause(c, q->open);
        c->used[q->cue0] = 1;
        return;
    }
    q->attr_end = q->close + 1;
    if (attribution_before(c, q)) {
        q->attributed = true;
        if (!q->partial && q->cue1 > q->cue0)
            c->used[q->cue0] = 1;
        return;
    }
    q->spk0 = q->spk1 = 0;
    set_cue(q, 0, 0);
    if (!whole_sentence(c, q))
        q->dropped = true; /* a title, a name, a label: no one says it */
}

/* ---- Quote marks -------------------------------------------------------- */

static tc_status push_quote(qctx *c, const quote *q)
{
    if (c->nq == c->capq) {
        size_t cap = c->capq ? c->capq * 2 : 16;
        quote *n = tc_arena_alloc(c->arena, cap * sizeof *n);
        if (!n)
            return TC_ERR_NOMEM;
        if (c->nq)
            memcpy(n, c->qs, c->nq * sizeof *n);
        c->qs = n;
        c->capq = cap;
    }
    c->qs[c->nq++] = *q;
    return TC_OK;
}


static void para_tokens(const qctx *c, size_t p, uint32_t *t0, uint32_t *t1)
{
    const tc_para *pa = tc_vec_at(c->in->paras, p);
    const tc_sent *a, *b;
    *t0 = *t1 = 0;
    if (!pa->sentence_count)
        return;
    a = tc_vec_at(c->in->sents, pa->first_sentence);
    b = tc_vec_at(c->in->sents, pa->first_sentence + pa->sentence_count - 1);
    *t0 = a->first_token;
    *t1 = b->first_token + b->token_count;
}

static void add_part(quote *q, uint32_t t0, uint32_t t1)
{
    if (t1 <= t0)
        return;
    if (q->nparts < TC_QUOTE_PARTS) {
        q->t0[q->nparts] = t0;
        q->t1[q->nparts++] = t1;
    } else {
        q->t1[TC_QUOTE_PARTS - 1] = t1;
    }
}

static void mark_inside(qctx *c, const quote *q)
{
    uint32_t p, t;
    for (p = 0; p < q->nparts; p++)
        for (t = q->t0[p]; t < q->t1[p]; t++)
            c->inq[t] = 1;
}

/* A quote opened at paragraph p's first token and open at its end: the
 * paragraphs after it that open with a mark carry it on.  Returns the
 * paragraph where it closed (filling q), or p when it does not close. */
static size_t continue_quote(qctx *c, size_t p, uint32_t open, quote *q)
{
    const tc_para *first = tc_vec_at(c->in->paras, p);
    uint32_t t0, t1, t, from = open + 1;
    size_t k;
    memset(q, 0, sizeof *q);
    q->open = open;
    q->para = (uint32_t)p;
    para_tokens(c, p, &t0, &t1);
    add_part(q, from, t1);
    for (k = p + 1; k < c->in->paras->n && k - p <= QUOTE_MAX_PARAS; k++) {
        const tc_para *pa = tc_vec_at(c->in->paras, k);
        para_tokens(c, k, &t0, &t1);
        if (t0 == t1 || !dmark(c, t0) || pa->end - first->start > QUOTE_MAX_BYTES)
            return p;
        for (t = t0 + 1; t < t1 && !dmark(c, t); t++)
            ;
        if (t < t1) {
            add_part(q, t0 + 1, t);
            q->close = t;
            q->para = (uint32_t)k; /* where its attribution is looked for */
            return k;
        }
        add_part(q, t0 + 1, t1);
    }
    return p;
}

/* Single marks that clearly quote: an opening one before a word with a
 * space before it, a closing one after a word or a stop with none. */
static bool single_open(const qctx *c, uint32_t i, uint32_t t0)
{
    const tc_tok *t = tok(c, i);
    return punct(c, i, '\'') && (i == t0 || !(t->flags & TC_TOKEN_JOINED) ||
                                 punct(c, i - 1, '(')) &&
           i + 1 < c->ntok && (tok(c, i + 1)->flags & TC_TOKEN_JOINED) &&
           tok(c, i + 1)->kind == TC_TOKEN_WORD;
}

static bool single_close(const qctx *c, uint32_t i, uint32_t t1)
{
    const tc_tok *t = tok(c, i);
    return punct(c, i, '\'') && (t->flags & TC_TOKEN_JOINED) &&
           (i + 1 >= t1 || !(tok(c, i + 1)->flags & TC_TOKEN_JOINED) ||
            tok(c, i + 1)->kind == TC_TOKEN_PUNCT);
}

static tc_status single_quotes(qctx *c, size_t p, uint32_t t0, uint32_t t1)
{
    uint32_t i, j;
    for (i = t0; i < t1; i++) {
        quote q;
        if (c->inq[i] || !single_open(c, i, t0))
            continue;
        for (j = i + 2; j < t1 && j - i <= SINGLE_MAX && !c->inq[j]; j++)
            if (single_close(c, j, t1))
                break;
        if (j >= t1 || j - i > SINGLE_MAX || c->inq[j] || !single_close(c, j, t1))
            continue;
        memset(&q, 0, sizeof q);
        q.open = i;
        q.close = j;
        q.para = (uint32_t)p;
        add_part(&q, i + 1, j);
        mark_inside(c, &q);
        if (push_quote(c, &q) != TC_OK)
            return TC_ERR_NOMEM;
        i = j;
    }
    return TC_OK;
}

enum { GLYPH_NEUTRAL = 0, GLYPH_OPEN, GLYPH_CLOSE };

/* Which way the article's mark behind a '"' faces: “ „ « ‹ open, ” » ›
 * close, '"' neither. */
static int glyph(const qctx *c, uint32_t i)
{
    size_t at = tc_offmap_to_text(c->in->map, tok(c, i)->start);
    const unsigned char *s = (const unsigned char *)c->in->text + at;
    if (s[0] == 0xC2)
        return s[1] == 0xAB ? GLYPH_OPEN : s[1] == 0xBB ? GLYPH_CLOSE : 0;
    if (s[0] != 0xE2 || s[1] != 0x80)
        return GLYPH_NEUTRAL;
    if (s[2] == 0x9C || s[2] == 0x9E || s[2] == 0xB9)
        return GLYPH_OPEN;
    if (s[2] == 0x9D || s[2] == 0xBA)
        return GLYPH_CLOSE;
    return GLYPH_NEUTRAL;
}

/* Where the mark at i stands: after a space (or first) and before a word
 * it opens; glued to the word before and followed by a space, a stop or
 * the end it closes. */
static bool ctx_open(const qctx *c, uint32_t i, uint32_t t0, uint32_t t1)
{
    return (i == t0 || !(tok(c, i)->flags & TC_TOKEN_JOINED)) && i + 1 < t1 &&
           (tok(c, i + 1)->flags & TC_TOKEN_JOINED);
}

static bool ctx_close(const qctx *c, uint32_t i, uint32_t t0, uint32_t t1)
{
    return i > t0 && (tok(c, i)->flags & TC_TOKEN_JOINED) &&
           (i + 1 >= t1 || !(tok(c, i + 1)->flags & TC_TOKEN_JOINED) ||
            tok(c, i + 1)->kind == TC_TOKEN_PUNCT);
}

/* The quotes of paragraph p (and of those a quote runs on into).  Marks
 * pair in turn, except: a mark that can only close, where none is open,
 * is a stray; a straight mark opening a paragraph of curly ones is a
 * block-quote sign, and the curly opening mark after it opens instead.
 * Returns the last paragraph consumed. */
static size_t pair_marks(qctx *c, size_t p, tc_status *st)
{
    uint32_t t0, t1, i, open = 0;
    int open_glyph = 0;
    bool is_open = false;
    size_t last = p;
    para_tokens(c, p, &t0, &t1);
    for (i = t0; i < t1; i++) {
        quote q;
        int g;
        if (!dmark(c, i))
            continue;
        g = glyph(c, i);
        if (!is_open) {
            if (ctx_close(c, i, t0, t1) && !ctx_open(c, i, t0, t1) &&
                g != GLYPH_OPEN)
                continue; /* a stray closing mark */
            open = i;
            open_glyph = g;
            is_open = true;
            continue;
        }
        if (open_glyph == GLYPH_NEUTRAL && g == GLYPH_OPEN &&
            ctx_open(c, i, t0, t1) && !ctx_close(c, i, t0, t1)) {
            open = i;
            open_glyph = g;
            continue;
        }
        is_open = false;
        memset(&q, 0, sizeof q);
        q.open = open;
        q.close = i;
        q.para = (uint32_t)p;
        add_part(&q, open + 1, i);
        if (q.nparts == 0)
            continue;
        mark_inside(c, &q);
        *st = push_quote(c, &q);
        if (*st != TC_OK)
            return p;
    }
    if (is_open && open == t0) {
        quote q;
        last = continue_quote(c, p, open, &q);
        if (last != p && q.nparts) {
            mark_inside(c, &q);
            *st = push_quote(c, &q);
        }
    }
    if (*st == TC_OK)
        *st = single_quotes(c, p, t0, t1);
    return last;
}

/* ---- Merging parts ------------------------------------------------------ */

/* Quote b goes on from a: in the same paragraph, with nothing between but
 * punctuation, or a's attribution and what follows it up to a stop or a
 * comma ("X," she said, clapping. "Y."). */
static bool adjacent(const qctx *c, const quote *a, const quote *b)
{
    uint32_t t = a->close + 1;
    if (b->para != a->para || b->open - a->close > MERGE_GAP)
        return false;
    if (a->attributed && a->attr_end > a->close) {
        for (t = a->attr_end; t < b->open; t++)
            if (c->cue[t] == CUE_SPEECH || dmark(c, t))
                return false;
        return true;
    }
    while (t < b->open && tok(c, t)->kind == TC_TOKEN_PUNCT)
        t++;
    return t == b->open;
}

static void merge_into(quote *a, const quote *b)
{
    uint8_t k;
    for (k = 0; k < b->nparts; k++)
        add_part(a, b->t0[k], b->t1[k]);
    a->close = b->close;
    if (!a->attributed && b->attributed) {
        a->spk0 = b->spk0;
        a->spk1 = b->spk1;
        a->cue0 = b->cue0;
        a->cue1 = b->cue1;
        a->attr_end = b->attr_end;
        a->attributed = true;
        a->partial = b->partial;
    }
}

static int cmp_open(const void *x, const void *y)
{
    const quote *a = x, *b = y;
    return a->open < b->open ? -1 : a->open > b->open;
}

static void merge_parts(qctx *c)
{
    size_t i, out = 0;
    for (i = 0; i < c->nq; i++) {
        quote *b = &c->qs[i];
        if (out > 0) {
            quote *a = &c->qs[out - 1];
            bool joinable = !a->partial && !b->partial && !a->dropped &&
                            !(a->attributed && b->attributed) &&
                            adjacent(c, a, b);
            if (joinable && (!b->dropped || a->attributed)) {
                merge_into(a, b);
                continue;
            }
        }
        c->qs[out++] = *b;
    }
    c->nq = out;
}

/* ---- Speakers to actors ------------------------------------------------- */

/* The first mention of sentence s or after (mentions are in sentence
 * order). */
static size_t first_mention(const qctx *c, uint32_t s)
{
    size_t lo = 0, hi = c->in->mentions->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const tc_mention *m = tc_vec_at(c->in->mentions, mid);
        if (m->sentence < s)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static bool pronoun_wants(const qctx *c, uint32_t t, int *want)
{
    if (is(c, t, "he") || is(c, t, "she")) {
        *want = TC_ACTOR_PERSON;
        return true;
    }
    if (is(c, t, "it")) {
        *want = TC_ACTOR_ORG;
        return true;
    }
    return false;
}

static bool compatible(const tc_mention *m, int want)
{
    if (want == TC_ACTOR_PERSON)
        return m->type == TC_ACTOR_PERSON;
    return m->type == TC_ACTOR_ORG || m->type == TC_ACTOR_STATE ||
           m->type == TC_ACTOR_GROUP || m->type == TC_ACTOR_PLACE;
}

/* he/she/it: the nearest compatible mention before token t, outside
 * quoted words, within a few paragraphs. */
static int32_t resolve_pronoun(const qctx *c, uint32_t t, int want)
{
    size_t i = first_mention(c, c->tok_sent[t] + 1), seen = 0;
    uint32_t para = para_of(c, t);
    while (i-- > 0 && seen++ < PRONOUN_MENTIONS) {
        const tc_mention *m = tc_vec_at(c->in->mentions, i);
        if (m->tok0 >= t || c->inq[m->tok0])
            continue;
        if (para - para_of(c, m->tok0) > PRONOUN_PARAS)
            break;
        if (m->match == TC_MATCH_COREF && want != TC_ACTOR_PERSON)
            continue;
        if (compatible(m, want))
            return (int32_t)i;
    }
    return -1;
}

/* The actor a speaker span names: a person inside it first, else its
 * last mention; a pronoun resolved. */
static int32_t speaker_mention(const qctx *c, uint32_t s0, uint32_t s1)
{
    size_t i;
    int32_t best = -1;
    int want;
    if (s1 == s0 + 1 && pronoun_wants(c, s0, &want))
        return resolve_pronoun(c, s0, want);
    for (i = first_mention(c, c->tok_sent[s0]); i < c->in->mentions->n; i++) {
        const tc_mention *m = tc_vec_at(c->in->mentions, i);
        if (m->sentence > c->tok_sent[s1 - 1])
            break;
        if (m->tok0 < s0 || m->tok1 > s1)
            continue;
        if (best < 0 || m->type == TC_ACTOR_PERSON ||
            ((const tc_mention *)tc_vec_at(c->in->mentions, (size_t)best))
                    ->type != TC_ACTOR_PERSON)
            best = (int32_t)i;
    }
    return best;
}

/* ---- Records ------------------------------------------------------------ */

/* The norm range of tokens [t0, t1); the last part without a trailing
 * comma or colon ("accepted the policy of such a summit,"). */
static bool part_range(const qctx *c, uint32_t t0, uint32_t t1, bool last,
                       uint32_t *a, uint32_t *b)
{
    while (last && t1 > t0 && (punct(c, t1 - 1, ',') || punct(c, t1 - 1, ':')))
        t1--;
    while (t1 > t0 && tok(c, t1 - 1)->kind == TC_TOKEN_PUNCT &&
           !strchr(".!?,;:)]'\"", c->in->norm[tok(c, t1 - 1)->start]))
        t1--; /* a dash or an opening bracket left before a mark */
    if (t1 <= t0)
        return false;
    *a = tok(c, t0)->start;
    *b = tok(c, t1 - 1)->end;
    return true;
}

static tc_status emit(qctx *c, const quote *q, bool direct)
{
    tc_quote_rec r;
    tc_quote_rec *slot;
    tc_status st = TC_OK;
    uint8_t k;
    if (c->out->n >= QUOTES_MAX)
        return TC_OK;
    memset(&r, 0, sizeof r);
    for (k = 0; k < q->nparts; k++)
        if (part_range(c, q->t0[k], q->t1[k], k + 1 == q->nparts,
                       &r.part0[r.nparts],
                       &r.part1[r.nparts]))
            r.nparts++;
    if (!r.nparts)
        return TC_OK;
    r.sentence = c->tok_sent[q->t0[0]];
    r.spk0 = q->spk0;
    r.spk1 = q->spk1;
    r.cue0 = q->cue0;
    r.cue1 = q->cue1;
    r.mention = q->spk1 > q->spk0 ? speaker_mention(c, q->spk0, q->spk1) : -1;
    r.direct = direct;
    r.partial = q->partial;
    slot = tc_vec_push(c->out, &st);
    if (!slot)
        return st;
    *slot = r;
    if (direct)
        c->last_rec = (int32_t)(c->out->n - 1);
    return TC_OK;
}

/* A lone quote takes the speaker of the quote before it (a speaker goes
 * on talking), or of a cue in the sentence before. */
static void inherit(qctx *c, quote *q)
{
    const tc_quote_rec *prev;
    if (context_speaker(c, q))
        return;
    if (c->last_rec < 0)
        return;
    prev = tc_vec_at(c->out, (size_t)c->last_rec);
    if (prev->spk1 == prev->spk0 ||
        q->para - para_of(c, prev->spk0) > CONTEXT_PARAS)
        return;
    q->spk0 = prev->spk0;
    q->spk1 = prev->spk1;
}

/* ---- Pull quotes -------------------------------------------------------- */

/* The speaker of an attribution line: its words up to the first comma. */
static bool attribution_line(const qctx *c, size_t p, quote *q)
{
    uint32_t t0, t1, k;
    const tc_para *pa;
    if (p >= c->in->paras->n)
        return false;
    pa = tc_vec_at(c->in->paras, p);
    if (pa->role != TC_ROLE_ATTRIBUTION)
        return false;
    para_tokens(c, p, &t0, &t1);
    while (t0 < t1 && tok(c, t0)->kind == TC_TOKEN_PUNCT)
        t0++;
    for (k = t0; k < t1 && k - t0 < SPEAKER_MAX && !punct(c, k, ','); k++)
        ;
    if (k == t0)
        return false;
    q->spk0 = t0;
    q->spk1 = k;
    return true;
}

/* Whether every sentence of paragraph p repeats one of the body. */
static uint32_t repeated_sentence(const qctx *c, size_t p)
{
    const tc_para *pa = tc_vec_at(c->in->paras, p);
    uint32_t j, first = 0;
    for (j = 0; j < pa->sentence_count; j++) {
        const tc_sent *s = tc_vec_at(c->in->sents, pa->first_sentence + j);
        if (!s->repeat_of)
            return 0;
        if (!first)
            first = s->repeat_of;
    }
    return first;
}

typedef struct pull {
    uint32_t body_sentence; /* 1-based, repeated by the pull quote */
    quote speaker;          /* spk0, spk1 from the attribution line */
} pull;

/* ---- Direct quotes ------------------------------------------------------ */

static bool skipped_role(tc_role r)
{
    return r == TC_ROLE_BOILERPLATE || r == TC_ROLE_ATTRIBUTION;
}

static tc_status paragraph_quotes(qctx *c, size_t p, pull *pl, size_t *npl)
{
    const tc_para *pa = tc_vec_at(c->in->paras, p);
    size_t i;
    tc_status st = TC_OK;
    uint32_t rep = 0;
    if (pa->role == TC_ROLE_PULLQUOTE)
        rep = repeated_sentence(c, p);
    if (c->nq > 1) /* in text order: an attribution's cue is used once */
        qsort(c->qs, c->nq, sizeof *c->qs, cmp_open);
    for (i = 0; i < c->nq; i++)
        if (!c->qs[i].pull || !rep)
            attribute(c, &c->qs[i]);
    merge_parts(c);
    for (i = 0; i < c->nq && st == TC_OK; i++) {
        quote *q = &c->qs[i];
        if (q->pull) {
            quote spk = *q;
            bool named = attribution_line(c, p + 1, &spk);
            if (rep && named && *npl < 4) {
                pl[*npl].body_sentence = rep;
                pl[(*npl)++].speaker = spk;
            }
            if (rep)
                continue;
            if (named && !q->attributed) {
                q->spk0 = spk.spk0;
                q->spk1 = spk.spk1;
                q->dropped = false;
            }
        }
        if (q->dropped)
            continue;
        if (!q->attributed && q->spk1 == q->spk0)
            inherit(c, q);
        st = emit(c, q, true);
    }
    return st;
}

/* Gives the body quote a pull quote repeats the attribution line's
 * speaker when it has none. */
static void apply_pulls(qctx *c, const pull *pl, size_t npl)
{
    size_t k, i;
    for (k = 0; k < npl; k++) {
        const tc_sent *s = tc_vec_at(c->in->sents, pl[k].body_sentence - 1);
        for (i = 0; i < c->out->n; i++) {
            tc_quote_rec *r = tc_vec_at(c->out, i);
            if (!r->direct || r->part0[0] > s->end ||
                r->part1[r->nparts - 1] < s->start)
                continue;
            if (r->spk1 == r->spk0) {
                r->spk0 = pl[k].speaker.spk0;
                r->spk1 = pl[k].speaker.spk1;
                r->mention = speaker_mention(c, r->spk0, r->spk1);
            }
            break;
        }
    }
}

static tc_status direct_quotes(qctx *c)
{
    size_t p;
    pull pl[4];
    size_t npl = 0;
    tc_status st = TC_OK;
    for (p = 0; p < c->in->paras->n && st == TC_OK; p++) {
        const tc_para *pa = tc_vec_at(c->in->paras, p);
        size_t last, i;
        if (skipped_role(pa->role))
            continue;
        c->nq = 0;
        last = pair_marks(c, p, &st);
        for (i = 0; i < c->nq; i++)
            c->qs[i].pull = pa->role == TC_ROLE_PULLQUOTE;
        if (st == TC_OK)
            st = paragraph_quotes(c, p, pl, &npl);
        p = last;
    }
    apply_pulls(c, pl, npl);
    return st;
}

/* ---- Indirect speech ---------------------------------------------------- */

/* The content of "X said (on Monday) that ..." / "X said the army ...":
 * from the clause after the cue at t to the sentence's end. */
static bool reported_after(const qctx *c, uint32_t t, uint32_t hi,
                           uint32_t *c0)
{
    uint32_t k = t + 1, s1;
    if (is(c, t, "told") || is(c, t, "tells") || is(c, t, "tell")) {
        if (!np_after(c, k, hi, &s1))
            return false;
        k = s1; /* the one told */
    }
    while (k < hi && calendar(c, k))
        k++;
    if (k < hi && is(c, k, "that") && !c->inq[k]) {
        *c0 = k + 1;
        return *c0 + 2 < hi;
    }
    if (k == t + 1 && k < hi && !c->inq[k] &&
        (has(c, k, LIST(openers)) || tok(c, k)->kind == TC_TOKEN_NUMBER ||
         ((tok(c, k)->flags & TC_TOKEN_CAPITALIZED) && !calendar(c, k)))) {
        *c0 = k;
        return *c0 + 2 < hi;
    }
    return false;
}

/* Whether only time words and prepositional phrases follow the cue at t
 * to the sentence's end ("..., officials said on Monday."). */
static bool ends_sentence(const qctx *c, uint32_t from, uint32_t hi)
{
    uint32_t k;
    for (k = from; k < hi && k - from < 8; k++)
        if (punct(c, k, '.') || punct(c, k, '!') || punct(c, k, '?'))
            return true;
        else if (punct(c, k, ',') || punct(c, k, '"') || c->cue[k])
            return false;
    return k == hi;
}

/* "according to X, ..." / "..., according to X." */
static bool indirect_according(const qctx *c, uint32_t t, uint32_t lo,
                               uint32_t hi, quote *q)
{
    if (!according(c, t, hi, q))
        return false;
    if (t > lo + 3 && punct(c, t - 1, ','))
        add_part(q, lo, t - 1);
    else if (t <= lo + 3 && punct(c, q->spk1, ','))
        add_part(q, q->spk1 + 1, hi);
    return q->nparts > 0;
}

/* "..., the separatists said." / "..., said Peskov." */
static bool indirect_before(const qctx *c, uint32_t t, uint32_t lo,
                            uint32_t hi, quote *q)
{
    uint32_t end = skip_aux_back(c, t, lo), s0, s1, before, after;
    if (np_before(c, end, lo, &s0) && s0 > lo) {
        q->spk0 = s0;
        q->spk1 = end;
        before = s0;
        after = t + 1;
    } else if (np_after(c, t + 1, hi, &s1)) {
        q->spk0 = t + 1;
        q->spk1 = s1;
        before = t;
        after = s1;
    } else {
        return false;
    }
    if (before <= lo + 2 || !punct(c, before - 1, ',') ||
        !ends_sentence(c, after, hi))
        return false;
    set_cue(q, t, t + 1);
    add_part(q, lo, before - 1);
    return true;
}

static tc_status indirect_at(qctx *c, uint32_t t, uint32_t lo, uint32_t hi)
{
    quote q;
    uint32_t c0;
    bool found;
    memset(&q, 0, sizeof q);
    if (is(c, t, "according")) {
        found = indirect_according(c, t, lo, hi, &q);
    } else if (subject_of(c, t, &q) && reported_after(c, t, hi, &c0)) {
        set_cue(&q, t, t + 1);
        add_part(&q, c0, hi);
        found = true;
    } else {
        memset(&q, 0, sizeof q);
        found = indirect_before(c, t, lo, hi, &q);
    }
    if (!found || q.spk1 == q.spk0)
        return TC_OK;
    /* the reported clause without its final stop */
    while (q.t1[0] > q.t0[0] && tok(c, q.t1[0] - 1)->kind == TC_TOKEN_PUNCT &&
           !punct(c, q.t1[0] - 1, '"'))
        q.t1[0]--;
    if (q.t1[0] <= q.t0[0] + 1)
        return TC_OK;
    /* a clause that is all one direct quote is that quote */
    if (c->inq[q.t0[0]] && c->inq[q.t1[0] - 1] && q.t0[0] > 0 &&
        !c->inq[q.t0[0] - 1])
        return TC_OK;
    return emit(c, &q, false);
}

static tc_status indirect_speech(qctx *c)
{
    size_t s;
    tc_status st = TC_OK;
    for (s = 0; s < c->in->sents->n && st == TC_OK; s++) {
        const tc_sent *se = tc_vec_at(c->in->sents, s);
        const tc_para *pa = tc_vec_at(c->in->paras, se->para);
        uint32_t t, lo = se->first_token, hi = lo + se->token_count;
        if (skipped_role(pa->role) || pa->role == TC_ROLE_PULLQUOTE)
            continue;
        for (t = lo; t < hi && st == TC_OK; t++)
            if (c->cue[t] == CUE_SPEECH && !c->used[t] && !c->inq[t])
                st = indirect_at(c, t, lo, hi);
    }
    return st;
}

/* ---- Entry -------------------------------------------------------------- */

static int cmp_rec(const void *x, const void *y)
{
    const tc_quote_rec *a = x, *b = y;
    if (a->part0[0] != b->part0[0])
        return a->part0[0] < b->part0[0] ? -1 : 1;
    return (int)b->direct - (int)a->direct;
}

static tc_status set_up(qctx *c)
{
    size_t s, i;
    list_index speech_ix, label_ix;
    c->ntok = c->in->toks->n;
    c->tok_sent = tc_arena_alloc(c->arena, (c->ntok + 1) * sizeof *c->tok_sent);
    c->inq = tc_arena_calloc(c->arena, c->ntok + 1, 1);
    c->cue = tc_arena_calloc(c->arena, c->ntok + 1, 1);
    c->used = tc_arena_calloc(c->arena, c->ntok + 1, 1);
    if (!c->tok_sent || !c->inq || !c->cue || !c->used)
        return TC_ERR_NOMEM;
    for (s = 0; s < c->in->sents->n; s++) {
        const tc_sent *se = tc_vec_at(c->in->sents, s);
        for (i = se->first_token; i < se->first_token + se->token_count; i++)
            c->tok_sent[i] = (uint32_t)s;
    }
    index_list(LIST(speech_cues), &speech_ix);
    index_list(LIST(label_cues), &label_ix);
    for (i = 0; i < c->ntok; i++) {
        const tc_tok *t = tok(c, (uint32_t)i);
        tc_sv k;
        if (t->kind != TC_TOKEN_WORD)
            continue;
        k = key(c, (uint32_t)i);
        if (in_indexed(speech_cues, &speech_ix, k))
            c->cue[i] = CUE_SPEECH;
        else if (in_indexed(label_cues, &label_ix, k))
            c->cue[i] = CUE_LABEL;
    }
    /* "according" is a cue only before "to"; "pointed" before "out" */
    for (i = 0; i < c->ntok; i++)
        if (c->cue[i] && ((is(c, (uint32_t)i, "according") &&
                           !is(c, (uint32_t)i + 1, "to")) ||
                          (is(c, (uint32_t)i, "pointed") &&
                           !is(c, (uint32_t)i + 1, "out"))))
            c->cue[i] = CUE_NONE;
    return TC_OK;
}

tc_status tc_extract_quotes(const tc_quote_input *in, tc_arena *arena,
                            tc_vec *quotes)
{
    qctx c;
    tc_status st;
    memset(&c, 0, sizeof c);
    c.in = in;
    c.arena = arena;
    c.out = quotes;
    c.last_rec = -1;
    if (in->toks->n == 0)
        return TC_OK;
    st = set_up(&c);
    if (st == TC_OK)
        st = direct_quotes(&c);
    if (st == TC_OK)
        st = indirect_speech(&c);
    if (st == TC_OK && quotes->n > 1)
        qsort(quotes->p, quotes->n, sizeof(tc_quote_rec), cmp_rec);
    return st;
}
