/*
 * roles.c - what each paragraph is to the article: title, lead, body,
 * caption, subhead, pull quote, attribution or boilerplate.
 *
 * Scraped articles mix the story with its furniture.  The event coder needs
 * to know which is which: a caption reports a past event, a headline is
 * coded but marked, a pull quote repeats a body quote (count it once), a
 * comment form is not news.  The evidence is shape (length, final
 * punctuation, quotes), position, and the phrase lists in data/.  Every test
 * here is bounded: shapes are measured once, phrase matching only looks at
 * short paragraphs, and a pull quote's repeat is found with memmem over one
 * "key" string (the article's letters and digits, lower-cased) built once,
 * for at most PULLQUOTE_CANDIDATES quotes, so no input makes it quadratic.
 */
#define _GNU_SOURCE /* memmem */
#include "text.h"

#include <string.h>

#define SHORT_WORDS 30u      /* boilerplate and captions are short */
#define TITLE_MAX_WORDS 25u
#define TITLE_MAX_BYTES 250u
#define SUBHEAD_MAX_WORDS 12u
#define ATTRIB_MAX_WORDS 15u
#define BODY_MIN_WORDS 6u     /* a sentence that follows a subhead */
#define CAPTION_MAX_WORDS 60u
#define PULLQUOTE_MAX_WORDS 80u
#define PULLQUOTE_CANDIDATES 20u
#define REPEAT_MAX_HITS 64u    /* occurrences looked at per quote sentence */
#define REPEAT_MIN_KEY 16u     /* letters and digits a repeat must share */

typedef struct para_shape {
    uint32_t words;
    bool final_stop;   /* ends with . ! ? ; or : (quotes aside) */
    bool ellipsis;     /* ends with "..." */
    bool quoted;       /* opens and closes with a double quote */
    bool upper_start;  /* starts with an upper-case letter or a digit */
} para_shape;

typedef struct roles {
    const char *s;      /* the matching text */
    tc_para *ps;
    size_t np;
    tc_vec *sents;
    const tc_vec *toks;
    para_shape *sh;     /* one per paragraph */
    bool caption_first[256]; /* first bytes of the caption markers */
    tc_arena *arena;
    char *key;          /* letters and digits of every sentence, lower case */
    size_t key_len;
    uint32_t *sent_key; /* sentence i's key starts at sent_key[i] */
} roles;

static bool is_alnum_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9') || c >= 0x80;
}

static unsigned char lower(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') ? (unsigned char)(c + 32) : c;
}

/* The paragraph's words (from its tokens) and the shape of its ends. */
static void shape_of(const roles *r, const tc_para *p, para_shape *sh)
{
    const char *s = r->s;
    size_t i, end = p->end;
    memset(sh, 0, sizeof *sh);
    if (p->sentence_count) {
        const tc_sent *a = tc_vec_at(r->sents, p->first_sentence);
        const tc_sent *b = tc_vec_at(r->sents,
                                     p->first_sentence + p->sentence_count - 1);
        for (i = a->first_token; i < b->first_token + b->token_count; i++) {
            const tc_tok *t = tc_vec_at(r->toks, i);
            sh->words += t->kind == TC_TOKEN_WORD || t->kind == TC_TOKEN_NUMBER;
        }
    }
    sh->quoted = p->end - p->start >= 2 && s[p->start] == '"' &&
                 s[p->end - 1] == '"';
    while (end > p->start && (s[end - 1] == '"' || s[end - 1] == '\'' ||
                              s[end - 1] == ')' || s[end - 1] == '*'))
        end--;
    if (end > p->start)
        sh->final_stop = strchr(".!?;:", s[end - 1]) != NULL;
    sh->ellipsis = end - p->start >= 3 && memcmp(s + end - 3, "...", 3) == 0;
    i = p->start;
    while (i < p->end && (s[i] == '"' || s[i] == '\''))
        i++;
    sh->upper_start = i < p->end && ((s[i] >= 'A' && s[i] <= 'Z') ||
                                     (s[i] >= '0' && s[i] <= '9') ||
                                     (unsigned char)s[i] >= 0xC0);
}

/* ---- Phrase lists --------------------------------------------------- */

/* The length of the entry of `list` that s[i..end) starts with (ending at a
 * word boundary when the entry ends in a letter), or 0. */
static size_t phrase_at(const char *s, size_t i, size_t end,
                        const tc_wordlist *list)
{
    unsigned char c = lower((unsigned char)s[i]);
    size_t lo = 0, hi = list->count, k;
    /* The list is sorted: find the first entry starting with c. */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if ((unsigned char)list->words[mid][0] < c)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (k = lo; k < list->count && (unsigned char)list->words[k][0] == c;
         k++) {
        const char *w = list->words[k];
        size_t n = list->lens[k];
        if (n > end - i ||
            !tc_sv_eq_nocase(tc_sv_make(s + i, n), tc_sv_make(w, n)))
            continue;
        if (i + n == end || !is_alnum_byte((unsigned char)w[n - 1]) ||
            !is_alnum_byte((unsigned char)s[i + n]))
            return n;
    }
    return 0;
}

/* Whether the paragraph opens with a phrase of `list`. */
static bool starts_with_phrase(const char *s, const tc_para *p,
                               const tc_wordlist *list)
{
    size_t i = p->start;
    while (i < p->end && strchr("\"'-*|>#[( ", s[i]))
        i++;
    return i < p->end && phrase_at(s, i, p->end, list) > 0;
}

/* Whether a caption marker starts at one of the paragraph's tokens. */
static bool has_caption_marker(const roles *r, const tc_para *p)
{
    const tc_sent *a, *b;
    size_t i;
    if (!p->sentence_count)
        return false;
    a = tc_vec_at(r->sents, p->first_sentence);
    b = tc_vec_at(r->sents, p->first_sentence + p->sentence_count - 1);
    for (i = a->first_token; i < b->first_token + b->token_count; i++) {
        const tc_tok *t = tc_vec_at(r->toks, i);
        if (r->caption_first[(unsigned char)r->s[t->start]] &&
            phrase_at(r->s, t->start, p->end, &tc_list_caption_markers))
            return true;
    }
    return false;
}

static void first_bytes(const tc_wordlist *list, bool first[256])
{
    size_t k;
    for (k = 0; k < list->count; k++) {
        unsigned char c = (unsigned char)list->words[k][0];
        first[c] = true;
        first[(c >= 'a' && c <= 'z') ? c - 32 : c] = true;
    }
}

/* ---- Boilerplate, title, captions ----------------------------------- */

/* Comment forms close the article: what follows them is comments. */
static bool opens_comments(const char *s, const tc_para *p)
{
    static const char *const marks[] = {"leave a reply", "leave a comment",
                                        "post a comment", "comments are closed",
                                        "add a comment"};
    size_t k;
    for (k = 0; k < sizeof marks / sizeof marks[0]; k++) {
        tc_sv v = tc_sv_make(s + p->start, p->end - p->start);
        if (tc_sv_starts_nocase(v, tc_sv_cstr(marks[k])))
            return true;
    }
    return false;
}

static void mark_boilerplate(roles *r)
{
    size_t i;
    bool comments = false;
    for (i = 0; i < r->np; i++) {
        tc_para *p = &r->ps[i];
        if (!comments && (r->sh[i].words > SHORT_WORDS ||
                          !starts_with_phrase(r->s, p, &tc_list_boilerplate)))
            continue;
        p->role = TC_ROLE_BOILERPLATE;
        /* Only in the second half: a story may quote "leave a comment". */
        if (i * 2 >= r->np && opens_comments(r->s, p))
            comments = true;
    }
}

static bool title_first(const roles *r, bool has_title)
{
    const tc_para *p = &r->ps[0];
    const para_shape *sh = &r->sh[0];
    if (p->role != TC_ROLE_BODY)
        return false;
    if (has_title)
        return true;
    return r->np > 1 && sh->words <= TITLE_MAX_WORDS &&
           p->end - p->start <= TITLE_MAX_BYTES && p->sentence_count <= 2 &&
           !sh->final_stop && !sh->quoted;
}

static void mark_captions(roles *r)
{
    size_t i;
    for (i = 0; i < r->np; i++) {
        tc_para *p = &r->ps[i];
        if (p->role == TC_ROLE_BODY && p->sentence_count <= 3 &&
            r->sh[i].words <= CAPTION_MAX_WORDS && has_caption_marker(r, p))
            p->role = TC_ROLE_CAPTION;
    }
}

/* ---- Pull quotes and their repeats ---------------------------------- */

/* The key string: every sentence's letters and digits, lower-cased, in
 * order, with where each sentence's part starts. */
static tc_status build_key(roles *r)
{
    size_t i, j, n = r->sents->n;
    if (r->key)
        return TC_OK;
    r->sent_key = tc_arena_calloc(r->arena, n + 1, sizeof *r->sent_key);
    r->key = tc_arena_alloc(r->arena, r->ps[r->np - 1].end + 1);
    if (!r->sent_key || !r->key)
        return TC_ERR_NOMEM;
    for (i = 0; i < n; i++) {
        const tc_sent *se = tc_vec_at(r->sents, i);
        char *out = r->key + r->key_len;
        r->sent_key[i] = (uint32_t)r->key_len;
        for (j = se->start; j < se->end; j++) {
            unsigned char c = (unsigned char)r->s[j];
            unsigned char l = (unsigned char)(c | 32);
            /* letters lower-cased, digits and non-ASCII bytes kept */
            if ((unsigned)(l - 'a') < 26u)
                *out++ = (char)l;
            else if ((unsigned)(c - '0') < 10u || c >= 0x80)
                *out++ = (char)c;
        }
        r->key_len = (size_t)(out - r->key);
    }
    r->sent_key[n] = (uint32_t)r->key_len;
    return TC_OK;
}

/* The sentence whose key holds position `pos` (binary search). */
static size_t sentence_at(const roles *r, size_t pos)
{
    size_t lo = 0, hi = r->sents->n;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (r->sent_key[mid] <= pos)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

/* The 1-based number of a body sentence that contains sentence q's words,
 * or 0. */
static uint32_t repeat_of(const roles *r, size_t q)
{
    const char *needle = r->key + r->sent_key[q];
    size_t len = r->sent_key[q + 1] - r->sent_key[q], from = 0, hits = 0;
    if (len < REPEAT_MIN_KEY)
        return 0;
    while (from + len <= r->key_len && hits++ < REPEAT_MAX_HITS) {
        const char *m = memmem(r->key + from, r->key_len - from, needle, len);
        size_t pos, k;
        const tc_sent *se;
        if (!m)
            break;
        pos = (size_t)(m - r->key);
        from = pos + 1;
        k = sentence_at(r, pos);
        se = tc_vec_at(r->sents, k);
        if (k != q && pos + len <= r->sent_key[k + 1] &&
            r->ps[se->para].role == TC_ROLE_BODY)
            return (uint32_t)(k + 1);
    }
    return 0;
}

static tc_status find_repeats(roles *r, size_t para, bool *any)
{
    const tc_para *p = &r->ps[para];
    size_t j;
    tc_status st = build_key(r);
    *any = false;
    for (j = 0; st == TC_OK && j < p->sentence_count; j++) {
        size_t q = p->first_sentence + j;
        tc_sent *se = tc_vec_at(r->sents, q);
        se->repeat_of = repeat_of(r, q);
        *any = *any || se->repeat_of != 0;
    }
    return st;
}

static bool attribution_like(const roles *r, size_t i)
{
    const para_shape *sh = &r->sh[i];
    return r->ps[i].role == TC_ROLE_BODY && sh->words <= ATTRIB_MAX_WORDS &&
           !sh->quoted && (!sh->final_stop || sh->words <= 6);
}

static tc_status mark_pullquotes(roles *r)
{
    size_t i, tried = 0;
    for (i = 0; i < r->np && tried < PULLQUOTE_CANDIDATES; i++) {
        bool repeats, attributed;
        tc_status st;
        if (r->ps[i].role == TC_ROLE_PULLQUOTE) {
            /* set apart by the page's markup: only its repeats to find */
            tried++;
            st = find_repeats(r, i, &repeats);
            if (st != TC_OK)
                return st;
            continue;
        }
        if (r->ps[i].role != TC_ROLE_BODY || !r->sh[i].quoted ||
            r->sh[i].words > PULLQUOTE_MAX_WORDS)
            continue;
        tried++;
        attributed = i + 1 < r->np && attribution_like(r, i + 1);
        st = find_repeats(r, i, &repeats);
        if (st != TC_OK)
            return st;
        if (!repeats && !attributed)
            continue;
        r->ps[i].role = TC_ROLE_PULLQUOTE;
        if (attributed)
            r->ps[i + 1].role = TC_ROLE_ATTRIBUTION;
    }
    return TC_OK;
}

/* ---- Subheads and the lead ------------------------------------------ */

static bool subhead_like(const roles *r, size_t i)
{
    const para_shape *sh = &r->sh[i];
    return r->ps[i].role == TC_ROLE_BODY && r->ps[i].sentence_count == 1 &&
           sh->words >= 1 && sh->words <= SUBHEAD_MAX_WORDS &&
           sh->upper_start && !sh->quoted && (!sh->final_stop || sh->ellipsis);
}

/* A subhead introduces body text, not another short line. */
static bool body_text(const roles *r, size_t i)
{
    return r->ps[i].role == TC_ROLE_BODY && r->sh[i].final_stop &&
           r->sh[i].words > BODY_MIN_WORDS;
}

static void mark_subheads(roles *r, size_t lead)
{
    size_t i;
    for (i = lead + 1; i + 1 < r->np; i++)
        if (subhead_like(r, i) && body_text(r, i + 1))
            r->ps[i].role = TC_ROLE_SUBHEAD;
}

tc_status tc_text_roles(tc_arena *arena, const char *norm, tc_vec *paras,
                        tc_vec *sents, const tc_vec *toks, bool has_title)
{
    roles r;
    size_t i, first = 0;
    tc_status st;
    memset(&r, 0, sizeof r);
    r.s = norm;
    r.ps = paras->p;
    r.np = paras->n;
    r.sents = sents;
    r.toks = toks;
    r.arena = arena;
    first_bytes(&tc_list_caption_markers, r.caption_first);
    if (r.np == 0)
        return TC_OK;
    r.sh = tc_arena_calloc(arena, r.np, sizeof *r.sh);
    if (!r.sh)
        return TC_ERR_NOMEM;
    for (i = 0; i < r.np; i++)
        shape_of(&r, &r.ps[i], &r.sh[i]);
    mark_boilerplate(&r);
    if (title_first(&r, has_title)) {
        r.ps[0].role = TC_ROLE_TITLE;
        first = 1;
    }
    mark_captions(&r);
    st = mark_pullquotes(&r);
    if (st != TC_OK)
        return st;
    for (i = first; i < r.np && r.ps[i].role != TC_ROLE_BODY; i++)
        ;
    if (i < r.np) {
        r.ps[i].role = TC_ROLE_LEAD;
        mark_subheads(&r, i);
    }
    return TC_OK;
}
