/*
 * roles.c - what each paragraph is to the article: title, lead, body,
 * caption, subhead, pull quote, attribution or boilerplate.
 *
 * Scraped articles mix the story with its furniture.  The event coder needs
 * to know which is which: a caption reports a past event, a headline is
 * coded but marked, a pull quote repeats a body quote (count it once), a
 * comment form is not news.  The evidence is shape (length, final
 * punctuation, quotes), position, and the phrase lists in data/.  Every test
 * here is bounded: phrase matching only looks at short paragraphs, and the
 * pull-quote search has a fixed work budget, so no input makes it
 * quadratic.
 */
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
#define REPEAT_BUDGET 4000000u /* byte comparisons per article */
#define REPEAT_MIN_KEY 16u     /* letters and digits a repeat must share */

typedef struct para_shape {
    size_t words;
    bool final_stop;   /* ends with . ! ? ; or : (quotes aside) */
    bool ellipsis;     /* ends with "..." */
    bool quoted;       /* opens and closes with a double quote */
    bool upper_start;  /* starts with an upper-case letter or a digit */
} para_shape;

static bool is_space(char c)
{
    return c == ' ' || c == '\n';
}

static bool is_alnum_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9') || c >= 0x80;
}

static void shape_of(const char *s, const tc_para *p, para_shape *sh)
{
    size_t i, end = p->end;
    bool in_word = false;
    memset(sh, 0, sizeof *sh);
    for (i = p->start; i < p->end; i++) {
        bool sp = is_space(s[i]);
        if (!sp && !in_word)
            sh->words++;
        in_word = !sp;
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

/* Whether the paragraph opens with a phrase of `list` (whole words). */
static bool starts_with_phrase(const char *s, const tc_para *p,
                               const tc_wordlist *list)
{
    size_t i = p->start, k;
    while (i < p->end && strchr("\"'-*|>#[( ", s[i]))
        i++;
    for (k = 0; k < list->count; k++) {
        tc_sv w = tc_sv_cstr(list->words[k]);
        tc_sv v = tc_sv_make(s + i, p->end - i);
        if (tc_sv_starts_nocase(v, w) &&
            (v.n == w.n || !is_alnum_byte((unsigned char)v.p[w.n]) ||
             !is_alnum_byte((unsigned char)w.p[w.n - 1])))
            return true;
    }
    return false;
}

/* Whether the paragraph contains a phrase of `list` anywhere. */
static bool contains_phrase(const char *s, const tc_para *p,
                            const tc_wordlist *list)
{
    size_t i, k;
    for (i = p->start; i < p->end; i++) {
        for (k = 0; k < list->count; k++) {
            tc_sv w = tc_sv_cstr(list->words[k]);
            if (tc_sv_starts_nocase(tc_sv_make(s + i, p->end - i), w) &&
                (i == p->start || !is_alnum_byte((unsigned char)s[i - 1]) ||
                 !is_alnum_byte((unsigned char)w.p[0])))
                return true;
        }
    }
    return false;
}

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

static void mark_boilerplate(const char *s, tc_para *ps, size_t n)
{
    size_t i;
    bool comments = false;
    for (i = 0; i < n; i++) {
        para_shape sh;
        shape_of(s, &ps[i], &sh);
        if (sh.words > SHORT_WORDS && !comments)
            continue;
        if (comments || starts_with_phrase(s, &ps[i], &tc_list_boilerplate)) {
            ps[i].role = TC_ROLE_BOILERPLATE;
            /* Only in the second half: a story may quote "leave a comment". */
            if (i * 2 >= n && opens_comments(s, &ps[i]))
                comments = true;
        }
    }
}

static void mark_captions(const char *s, tc_para *ps, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++) {
        para_shape sh;
        if (ps[i].role != TC_ROLE_BODY || ps[i].sentence_count > 3)
            continue;
        shape_of(s, &ps[i], &sh);
        if (sh.words <= CAPTION_MAX_WORDS &&
            contains_phrase(s, &ps[i], &tc_list_caption_markers))
            ps[i].role = TC_ROLE_CAPTION;
    }
}

/* ---- Pull quotes and their repeats ---------------------------------- */

/* Advances to the next letter or digit at or after *i (below end), lower
 * cased; returns 0 at the end. */
static unsigned char next_key(const char *s, size_t *i, size_t end)
{
    while (*i < end && !is_alnum_byte((unsigned char)s[*i]))
        (*i)++;
    if (*i >= end)
        return 0;
    return (unsigned char)((s[*i] >= 'A' && s[*i] <= 'Z') ? s[*i] + 32 : s[*i]);
}

/* Whether the letters and digits of needle[a,b) occur in hay[c,d), charging
 * the comparisons to *budget. */
static bool key_contains(const char *s, size_t c, size_t d, size_t a, size_t b,
                         size_t *budget)
{
    size_t start, first = a;
    unsigned char f = next_key(s, &first, b);
    if (!f)
        return false;
    for (start = c; start < d; start++) {
        size_t h = start, k = first;
        if (!is_alnum_byte((unsigned char)s[start]))
            continue;
        for (;;) {
            unsigned char x = next_key(s, &k, b), y;
            if (*budget == 0)
                return false;
            (*budget)--;
            if (!x)
                return true;
            y = next_key(s, &h, d);
            if (x != y)
                break;
            h++;
            k++;
        }
    }
    return false;
}

static size_t key_length(const char *s, size_t a, size_t b)
{
    size_t n = 0;
    for (; a < b; a++)
        n += is_alnum_byte((unsigned char)s[a]);
    return n;
}

/* For each sentence of pull quote `q`, the body sentence it repeats. */
static bool find_repeats(const char *s, tc_para *ps, size_t np, size_t q,
                         tc_vec *sents, size_t *budget)
{
    size_t j, k;
    bool any = false;
    for (j = 0; j < ps[q].sentence_count; j++) {
        tc_sent *qs = tc_vec_at(sents, ps[q].first_sentence + j);
        if (key_length(s, qs->start, qs->end) < REPEAT_MIN_KEY)
            continue;
        for (k = 0; k < sents->n && *budget; k++) {
            tc_sent *bs = tc_vec_at(sents, k);
            if (bs->para == q || bs->para >= np ||
                ps[bs->para].role != TC_ROLE_BODY)
                continue;
            if (key_contains(s, bs->start, bs->end, qs->start, qs->end,
                             budget)) {
                qs->repeat_of = (uint32_t)(k + 1);
                any = true;
                break;
            }
        }
    }
    return any;
}

static bool attribution_like(const char *s, const tc_para *p)
{
    para_shape sh;
    shape_of(s, p, &sh);
    return p->role == TC_ROLE_BODY && sh.words <= ATTRIB_MAX_WORDS &&
           !sh.quoted && (!sh.final_stop || sh.words <= 6);
}

static void mark_pullquotes(const char *s, tc_para *ps, size_t n,
                            tc_vec *sents)
{
    size_t i, tried = 0, budget = REPEAT_BUDGET;
    for (i = 0; i < n && tried < PULLQUOTE_CANDIDATES; i++) {
        para_shape sh;
        bool repeats, attributed;
        if (ps[i].role != TC_ROLE_BODY)
            continue;
        shape_of(s, &ps[i], &sh);
        if (!sh.quoted || sh.words > PULLQUOTE_MAX_WORDS)
            continue;
        tried++;
        attributed = i + 1 < n && attribution_like(s, &ps[i + 1]);
        repeats = find_repeats(s, ps, n, i, sents, &budget);
        if (!repeats && !attributed)
            continue;
        ps[i].role = TC_ROLE_PULLQUOTE;
        if (attributed)
            ps[i + 1].role = TC_ROLE_ATTRIBUTION;
    }
}

/* ---- Subheads and the lead ------------------------------------------ */

static bool subhead_like(const char *s, const tc_para *p)
{
    para_shape sh;
    if (p->role != TC_ROLE_BODY || p->sentence_count != 1)
        return false;
    shape_of(s, p, &sh);
    return sh.words >= 1 && sh.words <= SUBHEAD_MAX_WORDS && sh.upper_start &&
           !sh.quoted && (!sh.final_stop || sh.ellipsis);
}

/* A subhead introduces body text, not another short line. */
static bool body_text(const char *s, const tc_para *p)
{
    para_shape sh;
    if (p->role != TC_ROLE_BODY)
        return false;
    shape_of(s, p, &sh);
    return sh.final_stop && sh.words > BODY_MIN_WORDS;
}

static void mark_subheads(const char *s, tc_para *ps, size_t n,
                          size_t first_body)
{
    size_t i;
    for (i = first_body + 1; i + 1 < n; i++)
        if (subhead_like(s, &ps[i]) && body_text(s, &ps[i + 1]))
            ps[i].role = TC_ROLE_SUBHEAD;
}

static bool title_first(const char *s, const tc_para *ps, size_t n,
                        bool has_title)
{
    para_shape sh;
    if (ps[0].role != TC_ROLE_BODY)
        return false;
    if (has_title)
        return true;
    shape_of(s, &ps[0], &sh);
    return n > 1 && sh.words <= TITLE_MAX_WORDS &&
           ps[0].end - ps[0].start <= TITLE_MAX_BYTES &&
           ps[0].sentence_count <= 2 && !sh.final_stop && !sh.quoted;
}

void tc_text_roles(const char *norm, size_t n, tc_vec *paras, tc_vec *sents,
                   bool has_title)
{
    tc_para *ps = paras->p;
    size_t np = paras->n, i, first = 0;
    (void)n;
    if (np == 0)
        return;
    mark_boilerplate(norm, ps, np);
    if (title_first(norm, ps, np, has_title)) {
        ps[0].role = TC_ROLE_TITLE;
        first = 1;
    }
    mark_captions(norm, ps, np);
    mark_pullquotes(norm, ps, np, sents);
    for (i = first; i < np && ps[i].role != TC_ROLE_BODY; i++)
        ;
    if (i < np) {
        ps[i].role = TC_ROLE_LEAD;
        mark_subheads(norm, ps, np, i);
    }
}
