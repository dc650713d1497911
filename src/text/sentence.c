/*
 * sentence.c - splits one paragraph of the matching text into sentences,
 * reading it the way a copy editor reads newswire.  A candidate end is a
 * run of '.', '!' or '?' (an ellipsis included), maybe closed by quotes or
 * brackets, then white space and something a sentence can open with (an
 * upper-case letter, a digit, an opening quote or bracket before one).
 * A few words around the candidate decide: titles ("Gen.") never end a
 * sentence; other abbreviations ("U.S.", "Inc.", "Jan.") end one only
 * before a common sentence opener; initials ("George W. Bush"), numbers and
 * "No. 1" are never split; a question or exclamation in quotes followed by
 * its attribution ("?" Putin asked) goes on; the wire credit of a dateline
 * ("(Reuters) -") stays with the first sentence.  Every look-around is
 * bounded or covers bytes no other look-around reads, so the split is
 * linear; a sentence over the byte cap is cut at its last space.
 */
#include "text.h"

#include <utf8proc.h>

#define LOOK_MAX 32   /* longest word looked at around a candidate end */
#define CREDIT_MAX 40 /* longest wire credit "(...)" after a dateline */
#define NAME_WORDS 4  /* most words of a name before a speech verb */

typedef struct splitter {
    const char *s;
    size_t end;
    size_t max_bytes; /* 0: no cap */
    tc_vec *sents;
} splitter;

/* What the text after a candidate end opens with. */
typedef enum opener {
    OPEN_OTHER = 0, /* punctuation, symbols: no sentence opens here */
    OPEN_LOWER,
    OPEN_UPPER, /* upper case, or a letter of a script without case */
    OPEN_DIGIT  /* a digit, or a currency sign before one */
} opener;

/* A candidate end: the terminator run s[run, run_end), closing quotes and
 * brackets up to `close`, white space up to `next`, opening quotes and
 * brackets up to `word`. */
typedef struct cand {
    size_t run, run_end, close, next, word;
    bool excl;   /* the run has '!' or '?' */
    bool quoted; /* a closing quote follows the run */
} cand;

static bool is_space(unsigned char c)
{
    return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' ||
           c == '\v';
}

static bool is_term(unsigned char c)
{
    return c == '.' || c == '!' || c == '?';
}

static bool is_closer(unsigned char c)
{
    return c == '"' || c == '\'' || c == ')' || c == ']';
}

static bool is_opener(unsigned char c)
{
    return c == '"' || c == '\'' || c == '(' || c == '[';
}

static bool is_alpha(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

static unsigned char at(const splitter *sp, size_t p)
{
    return (unsigned char)sp->s[p];
}

static size_t skip_space(const splitter *sp, size_t p)
{
    while (p < sp->end && is_space(at(sp, p)))
        p++;
    return p;
}

/* The opener class of the non-ASCII code point at p. */
static opener wide_opener(const splitter *sp, size_t p)
{
    int32_t cp;
    size_t len =
        tc_utf8_decode((const unsigned char *)sp->s + p, sp->end - p, &cp);
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LO:
        return OPEN_UPPER;
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LM:
        return OPEN_LOWER;
    case UTF8PROC_CATEGORY_ND:
        return OPEN_DIGIT;
    case UTF8PROC_CATEGORY_SC:
        return p + len < sp->end && is_digit(at(sp, p + len)) ? OPEN_DIGIT
                                                              : OPEN_OTHER;
    default:
        return OPEN_OTHER;
    }
}

static opener opener_at(const splitter *sp, size_t p)
{
    unsigned char c;
    if (p >= sp->end)
        return OPEN_OTHER;
    c = at(sp, p);
    if (c >= 0x80)
        return wide_opener(sp, p);
    if (c >= 'A' && c <= 'Z')
        return OPEN_UPPER;
    if (c >= 'a' && c <= 'z')
        return OPEN_LOWER;
    if (is_digit(c) || (c == '$' && p + 1 < sp->end && is_digit(at(sp, p + 1))))
        return OPEN_DIGIT;
    return OPEN_OTHER;
}

/* Length of the ASCII word at p, or 0 when it is longer than LOOK_MAX or
 * runs on into a digit or a non-ASCII letter. */
static size_t ascii_word_at(const splitter *sp, size_t p)
{
    size_t q = p;
    while (q < sp->end && q - p <= LOOK_MAX && is_alpha(at(sp, q)))
        q++;
    if (q - p > LOOK_MAX)
        return 0;
    if (q < sp->end && (is_digit(at(sp, q)) || at(sp, q) >= 0x80))
        return 0;
    return q - p;
}

/* A common sentence opener at p; a word followed by '-' or '.' ("A-10",
 * the initial "A.") is none. */
static bool starter_at(const splitter *sp, size_t p)
{
    size_t n = ascii_word_at(sp, p);
    if (n == 0 ||
        (p + n < sp->end && (at(sp, p + n) == '-' || at(sp, p + n) == '.')))
        return false;
    return tc_wordlist_has(&tc_list_sentence_starts, sp->s + p, n);
}

static void scan_cand(const splitter *sp, size_t i, cand *c)
{
    size_t p = i;
    c->run = i;
    c->excl = false;
    while (p < sp->end && is_term(at(sp, p))) {
        c->excl = c->excl || at(sp, p) != '.';
        p++;
    }
    c->run_end = p;
    c->quoted = p < sp->end && (at(sp, p) == '"' || at(sp, p) == '\'');
    while (p < sp->end && is_closer(at(sp, p)))
        p++;
    c->close = p;
    if (p < sp->end && !is_space(at(sp, p))) {
        c->next = c->word = sp->end; /* "1.5", "U.S.-led": no candidate */
        return;
    }
    p = skip_space(sp, p);
    c->next = p;
    while (p < sp->end && is_opener(at(sp, p)))
        p++;
    c->word = p;
}

/* A wire credit after a dateline: "(Reuters) -", "(AP) -". */
static bool credit_at(const splitter *sp, size_t p)
{
    size_t q, lim;
    if (p >= sp->end || at(sp, p) != '(')
        return false;
    lim = TC_MIN(sp->end, p + 1 + CREDIT_MAX);
    for (q = p + 1; q < lim && at(sp, q) != ')'; q++) {
        unsigned char c = at(sp, q);
        if (!is_alpha(c) && c < 0x80 && c != ' ' && c != '&' && c != '.' &&
            c != '-' && c != '/' && c != '\'')
            return false;
    }
    if (q >= lim || q == p + 1)
        return false;
    for (q++; q < lim + 3 && q < sp->end && at(sp, q) == ' '; q++)
        ;
    return q < sp->end && at(sp, q) == '-';
}

/* End of the name word at p ("Zelenskiy", "Gen.", "Al-Assad", "O'Brien"),
 * or p when it is too long. */
static size_t name_end(const splitter *sp, size_t p)
{
    size_t q = p;
    while (q < sp->end && q - p <= LOOK_MAX) {
        unsigned char c = at(sp, q);
        if (!is_alpha(c) && c < 0x80 && c != '.' && c != '-' && c != '\'')
            break;
        q++;
    }
    return q - p > LOOK_MAX ? p : q;
}

/* A quoted question or exclamation goes on when its attribution follows:
 * a capitalized name (not a sentence opener such as "He") and a speech
 * verb: "?" Zelenskiy asked. */
static bool attribution_at(const splitter *sp, size_t p)
{
    size_t words = 0, q, n;
    if (starter_at(sp, p))
        return false;
    while (words < NAME_WORDS && opener_at(sp, p) == OPEN_UPPER) {
        q = name_end(sp, p);
        if (q == p || q >= sp->end || at(sp, q) != ' ')
            return false;
        p = q + 1;
        words++;
    }
    n = ascii_word_at(sp, p);
    return words > 0 && n > 0 && tc_wordlist_has(&tc_list_speech_verbs, sp->s + p, n);
}

/* Start of the word before the period at p (letters, digits, inner
 * periods, non-ASCII), not before `lo`; SIZE_MAX when it is too long to
 * be an abbreviation. */
static size_t word_before(const splitter *sp, size_t lo, size_t p)
{
    size_t q = p;
    while (q > lo && p - q <= LOOK_MAX) {
        unsigned char c = at(sp, q - 1);
        if (!is_alpha(c) && !is_digit(c) && c != '.' && c < 0x80)
            break;
        q--;
    }
    return p - q > LOOK_MAX ? SIZE_MAX : q;
}

/* "U.S", "a.m", "Ph.D": groups of one or two ASCII letters joined by
 * periods. */
static bool is_dotted(const char *w, size_t n)
{
    size_t i, group = 0, dots = 0;
    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)w[i];
        if (c == '.') {
            if (group == 0)
                return false;
            group = 0;
            dots++;
        } else if (is_alpha(c) && group < 2) {
            group++;
        } else {
            return false;
        }
    }
    return dots > 0 && group > 0;
}

static bool all_digits(const char *w, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++)
        if (!is_digit((unsigned char)w[i]))
            return false;
    return n > 0;
}

/* The word w[0..n) is one letter: returns its category, or -1. */
static int single_letter(const char *w, size_t n)
{
    int32_t cp;
    int cat;
    if (n == 1)
        return is_alpha((unsigned char)w[0])
                   ? (w[0] <= 'Z' ? UTF8PROC_CATEGORY_LU : UTF8PROC_CATEGORY_LL)
                   : -1;
    if ((unsigned char)w[0] < 0x80 ||
        tc_utf8_decode((const unsigned char *)w, n, &cp) != n)
        return -1;
    cat = utf8proc_category(cp);
    if (cat == UTF8PROC_CATEGORY_LT)
        return UTF8PROC_CATEGORY_LU;
    if (cat != UTF8PROC_CATEGORY_LU && cat != UTF8PROC_CATEGORY_LL)
        return -1;
    return cat;
}

/* A single period with a plausible opener after it: decided by the word
 * before it. */
static bool period_breaks(const splitter *sp, const cand *c, size_t seg,
                          opener next)
{
    size_t ws = word_before(sp, seg, c->run), n;
    const char *w;
    bool starter;
    if (ws == SIZE_MAX || ws == c->run)
        return true;
    w = sp->s + ws;
    n = c->run - ws;
    starter = next == OPEN_UPPER && starter_at(sp, c->word);
    if (tc_wordlist_has(&tc_list_abbrev_titles, w, n))
        return false;
    if (single_letter(w, n) >= 0) /* an initial, "Plan B.", "p. 4" */
        return starter;
    if (tc_wordlist_has(&tc_list_number_prefixes, w, n))
        return next != OPEN_DIGIT;
    if (is_dotted(w, n) || tc_wordlist_has(&tc_list_abbrev_other, w, n))
        return starter;
    if (ws == seg && n <= 2 && all_digits(w, n)) /* "1. Stop the war." */
        return false;
    return true;
}

static bool is_break(const splitter *sp, const cand *c, size_t seg)
{
    opener next;
    if (c->next >= sp->end)
        return false;
    next = opener_at(sp, c->word);
    if (next != OPEN_UPPER && next != OPEN_DIGIT)
        return false;
    if (credit_at(sp, c->next))
        return false;
    if (c->excl)
        return !(c->quoted && next == OPEN_UPPER &&
                 attribution_at(sp, c->word));
    if (c->run_end - c->run > 1) /* an ellipsis */
        return next == OPEN_UPPER;
    return period_breaks(sp, c, seg, next);
}

static tc_status push_sent(const splitter *sp, size_t s, size_t e)
{
    tc_status st;
    tc_sent *out = tc_vec_push(sp->sents, &st);
    if (!out)
        return st;
    out->start = (uint32_t)s;
    out->end = (uint32_t)e;
    return TC_OK;
}

/* Where to cut the over-long sentence starting at s (e - s > max_bytes):
 * at its last space within the cap, else at a character boundary.  Sets
 * *piece_end (trimmed) and returns where the rest starts. */
static size_t cut_point(const splitter *sp, size_t s, size_t e,
                        size_t *piece_end)
{
    size_t lim = s + sp->max_bytes, p, cut;
    for (p = lim; p > s; p--) {
        if (is_space(at(sp, p))) {
            cut = p;
            while (cut > s && is_space(at(sp, cut - 1)))
                cut--;
            *piece_end = cut;
            return skip_space(sp, p);
        }
    }
    cut = lim;
    while (cut > s && (at(sp, cut) & 0xC0) == 0x80)
        cut--;
    if (cut == s) { /* a cap shorter than one character */
        cut = s + 1;
        while (cut < e && (at(sp, cut) & 0xC0) == 0x80)
            cut++;
    }
    *piece_end = cut;
    return skip_space(sp, cut);
}

/* Pushes s[s..e), trimmed, cut into pieces of at most max_bytes. */
static tc_status emit(const splitter *sp, size_t s, size_t e)
{
    tc_status st;
    s = skip_space(sp, s);
    while (e > s && is_space(at(sp, e - 1)))
        e--;
    while (s < e) {
        size_t piece_end, next;
        if (sp->max_bytes == 0 || e - s <= sp->max_bytes)
            return push_sent(sp, s, e);
        next = cut_point(sp, s, e, &piece_end);
        st = push_sent(sp, s, piece_end);
        if (st != TC_OK)
            return st;
        s = next;
    }
    return TC_OK;
}

tc_status tc_text_sentences(const char *norm, size_t start, size_t end,
                            size_t max_bytes, tc_vec *sents)
{
    splitter sp;
    size_t seg, i;
    tc_status st;
    if (start > end || !sents || (!norm && end > start))
        return TC_ERR_USAGE;
    if (end > UINT32_MAX)
        return TC_ERR_LIMIT;
    sp.s = norm;
    sp.end = end;
    sp.max_bytes = max_bytes;
    sp.sents = sents;
    seg = skip_space(&sp, start);
    i = seg;
    while (i < end) {
        cand c;
        if (!is_term((unsigned char)norm[i])) {
            i++;
            continue;
        }
        scan_cand(&sp, i, &c);
        if (is_break(&sp, &c, seg)) {
            st = emit(&sp, seg, c.close);
            if (st != TC_OK)
                return st;
            seg = c.next;
        }
        i = c.run_end;
    }
    return emit(&sp, seg, end);
}
