/*
 * token.c - splits one sentence of the matching text into tokens: words
 * (Unicode letters, digits and marks, with inner apostrophes: O'Brien),
 * abbreviations that keep their period (U.S., Mr., a.m., the initial J.),
 * numbers (150,000  1.5), clitics split from their host (Ukraine 's, do
 * n't), hyphenated words split at the hyphen, one token per punctuation
 * mark ("..." and "--" whole) and one per other symbol ($ % emoji U+FFFD).
 * Flags say whether a token is capitalized, in capitals, glued to the one
 * before it, or an abbreviation.  ASCII takes fast paths and utf8proc
 * classifies the rest.  Linear: every look-ahead is bounded, or covers
 * bytes that the main loop then consumes.
 */
#include "text.h"

#include <string.h>

#include <utf8proc.h>

#define ABBREV_MAX 32 /* longest word looked up in the abbreviation lists */
#define DOTTED_MAX 8  /* most letter groups in "U.S.S.R."-like words */

typedef struct tokenizer {
    const char *s;
    size_t end;
    tc_vec *toks;
    bool first;  /* no token pushed yet */
    bool spaced; /* white space since the last token */
} tokenizer;

/* What a code point can be part of. */
typedef enum cclass {
    CL_WORD, /* letters and digits: start or continue a word */
    CL_MARK, /* combining marks: continue a word */
    CL_PUNCT,
    CL_SYMBOL
} cclass;

static bool is_space(unsigned char c)
{
    return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' ||
           c == '\v';
}

static bool is_alpha(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_upper(unsigned char c)
{
    return c >= 'A' && c <= 'Z';
}

static bool is_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

static bool is_alnum(unsigned char c)
{
    return is_alpha(c) || is_digit(c);
}

/* ASCII marks that are punctuation; the other printable ones ($ % & + < =
 * > @ # ^ _ ` | ~ * \) are symbols. */
static bool is_ascii_punct(unsigned char c)
{
    return c != '\0' && strchr("!\"'(),-./:;?[]{}", c) != NULL;
}

static unsigned char at(const tokenizer *tz, size_t p)
{
    return (unsigned char)tz->s[p];
}

static size_t decode(const tokenizer *tz, size_t p, int32_t *cp)
{
    return tc_utf8_decode((const unsigned char *)tz->s + p, tz->end - p, cp);
}

static cclass cp_class(int32_t cp)
{
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
        return CL_WORD;
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
        return CL_MARK;
    case UTF8PROC_CATEGORY_PC:
    case UTF8PROC_CATEGORY_PD:
    case UTF8PROC_CATEGORY_PS:
    case UTF8PROC_CATEGORY_PE:
    case UTF8PROC_CATEGORY_PI:
    case UTF8PROC_CATEGORY_PF:
    case UTF8PROC_CATEGORY_PO:
        return CL_PUNCT;
    default:
        return CL_SYMBOL;
    }
}

/* Byte length of the word character (letter, digit, or mark when not at
 * the start) at p, or 0. */
static size_t word_char_len(const tokenizer *tz, size_t p, bool at_start)
{
    int32_t cp;
    size_t len;
    cclass k;
    if (p >= tz->end)
        return 0;
    if (at(tz, p) < 0x80)
        return is_alnum(at(tz, p)) ? 1 : 0;
    len = decode(tz, p, &cp);
    k = cp_class(cp);
    return k == CL_WORD || (k == CL_MARK && !at_start) ? len : 0;
}

/* Case of the non-ASCII character at *p, which it steps over: 1 upper-case
 * letter, 0 other letter, -1 digit, -2 anything else. */
static int wide_case(const tokenizer *tz, size_t *p)
{
    int32_t cp;
    *p += decode(tz, *p, &cp);
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LT:
        return 1;
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
        return 0;
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
        return -1;
    default:
        return -2;
    }
}

/* The same for any character, ASCII first. */
static int char_case(const tokenizer *tz, size_t *p)
{
    unsigned char c = at(tz, *p);
    if (c >= 0x80)
        return wide_case(tz, p);
    (*p)++;
    if (c >= 'a' && c <= 'z')
        return 0;
    if (c >= 'A' && c <= 'Z')
        return 1;
    return is_digit(c) ? -1 : -2;
}

static tc_status push(tokenizer *tz, size_t s, size_t e, tc_token_kind kind,
                      unsigned flags)
{
    tc_status st;
    tc_tok *t = tc_vec_push(tz->toks, &st);
    if (!t)
        return st;
    if (!tz->first && !tz->spaced)
        flags |= TC_TOKEN_JOINED;
    t->start = (uint32_t)s;
    t->end = (uint32_t)e;
    t->kind = (uint8_t)kind;
    t->flags = (uint8_t)flags;
    tz->first = false;
    tz->spaced = false;
    return TC_OK;
}

/* Pushes s[s..e) as a word or number, with its case flags. */
static tc_status push_word(tokenizer *tz, size_t s, size_t e, unsigned flags)
{
    size_t p = s, letters = 0, uppers = 0;
    bool digits = false, apos = false, cap = false;
    while (p < e) {
        int c = char_case(tz, &p);
        if (c >= 0) {
            if (letters == 0)
                cap = c == 1;
            letters++;
            uppers += (size_t)c;
        } else if (c == -1) {
            digits = true;
        } else if (tz->s[p - 1] == '\'') {
            apos = true;
        }
    }
    if (cap)
        flags |= TC_TOKEN_CAPITALIZED;
    if (letters >= 2 && uppers == letters)
        flags |= TC_TOKEN_ALL_CAPS;
    return push(tz, s, e,
                letters == 0 && digits && !apos ? TC_TOKEN_NUMBER
                                                : TC_TOKEN_WORD,
                flags);
}

/* Length of the clitic ('s 'm 'd 'll 're 've) whose apostrophe is at p,
 * or 0. */
static size_t clitic_len(const tokenizer *tz, size_t p)
{
    size_t n = 0;
    unsigned char a, b;
    while (n < 3 && p + 1 + n < tz->end && is_alpha(at(tz, p + 1 + n)))
        n++;
    if (n == 0 || n > 2 || word_char_len(tz, p + 1 + n, false) > 0)
        return 0;
    a = (unsigned char)(at(tz, p + 1) | 0x20);
    if (n == 1)
        return a == 's' || a == 'm' || a == 'd' ? 2 : 0;
    b = (unsigned char)(at(tz, p + 2) | 0x20);
    if ((a == 'l' && b == 'l') || (a == 'r' && b == 'e') ||
        (a == 'v' && b == 'e'))
        return 3;
    return 0;
}

/* The word that started at ws meets an apostrophe at p: returns where the
 * word ends (p before a clitic or a non-word, p - 1 before "n't"), or
 * SIZE_MAX when the apostrophe is inside the word (O'Brien). */
static size_t apostrophe_stop(const tokenizer *tz, size_t ws, size_t p)
{
    if (word_char_len(tz, p + 1, true) == 0 || clitic_len(tz, p) > 0)
        return p;
    if (p - ws >= 2 && (at(tz, p - 1) | 0x20) == 'n' &&
        (at(tz, p + 1) | 0x20) == 't' && word_char_len(tz, p + 2, false) == 0)
        return p - 1;
    return SIZE_MAX;
}

/* End of the plain word starting at p: word characters, apostrophes inside
 * it, and '.' or ',' between two digits (150,000  1.5). */
static size_t word_end(const tokenizer *tz, size_t p)
{
    size_t ws = p, n;
    while (p < tz->end) {
        unsigned char c = at(tz, p);
        if (is_alnum(c)) {
            p++;
            continue;
        }
        if ((c == '.' || c == ',') && p > ws && is_digit(at(tz, p - 1)) &&
            p + 1 < tz->end && is_digit(at(tz, p + 1))) {
            p++;
            continue;
        }
        if (c == '\'') {
            size_t stop = apostrophe_stop(tz, ws, p);
            if (stop != SIZE_MAX)
                return stop;
            p++;
            continue;
        }
        n = word_char_len(tz, p, false);
        if (n == 0)
            break;
        p += n;
    }
    return p;
}

/* End of "U.S.", "a.m.", "Ph.D." (two to DOTTED_MAX groups of one or two
 * ASCII letters, each with its period) at p, or 0. */
static size_t dotted_end(const tokenizer *tz, size_t p)
{
    size_t groups = 0, q;
    while (groups < DOTTED_MAX) {
        for (q = p; q < tz->end && q - p < 2 && is_alpha(at(tz, q)); q++)
            ;
        if (q == p || q >= tz->end || at(tz, q) != '.')
            break;
        p = q + 1;
        groups++;
    }
    if (groups < 2 || word_char_len(tz, p, false) > 0)
        return 0;
    return p;
}

/* True when nothing but closing quotes, brackets and spaces follows p. */
static bool only_closers_after(const tokenizer *tz, size_t p)
{
    while (p < tz->end) {
        unsigned char c = at(tz, p);
        if (!is_space(c) && c != '"' && c != '\'' && c != ')' && c != ']')
            return false;
        p++;
    }
    return true;
}

static bool digit_after(const tokenizer *tz, size_t p)
{
    while (p < tz->end && at(tz, p) == ' ')
        p++;
    return p < tz->end && is_digit(at(tz, p));
}

/* The upper-case letter s[p..q) and the period at q make an initial
 * ("J.", "Ł."), unless it ends the sentence ("Plan B."). */
static bool is_initial(const tokenizer *tz, size_t q)
{
    return q < tz->end && at(tz, q) == '.' &&
           (q + 1 >= tz->end || at(tz, q + 1) != '.') &&
           !only_closers_after(tz, q + 1);
}

/* End of the non-ASCII initial s[p..q) and its period ("Ł."), or 0. */
static size_t wide_initial_end(const tokenizer *tz, size_t p, size_t q)
{
    int32_t cp;
    int cat;
    if (decode(tz, p, &cp) != q - p)
        return 0;
    cat = utf8proc_category(cp);
    if (cat != UTF8PROC_CATEGORY_LU && cat != UTF8PROC_CATEGORY_LT)
        return 0;
    return is_initial(tz, q) ? q + 1 : 0;
}

static bool all_alpha(const char *w, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++)
        if (!is_alpha((unsigned char)w[i]))
            return false;
    return true;
}

/* The word s[p..q) is followed by a period: returns the end of the
 * abbreviation it starts (period included), or 0. */
static size_t abbrev_end(const tokenizer *tz, size_t p, size_t q)
{
    size_t n = q - p, d;
    const char *w = tz->s + p;
    if (at(tz, p) >= 0x80)
        return wide_initial_end(tz, p, q);
    if (n > ABBREV_MAX || !all_alpha(w, n))
        return 0;
    if (n <= 2) {
        d = dotted_end(tz, p);
        if (d)
            return d;
    }
    if (q + 1 < tz->end && at(tz, q + 1) == '.') /* "etc..." */
        return 0;
    if (n == 1 && is_upper(at(tz, p)))
        return is_initial(tz, q) ? q + 1 : 0;
    if (tc_wordlist_has(&tc_list_number_prefixes, w, n))
        return digit_after(tz, q + 1) ? q + 1 : 0;
    if (tc_wordlist_has(&tc_list_abbrev_titles, w, n) ||
        tc_wordlist_has(&tc_list_abbrev_other, w, n))
        return q + 1;
    return 0;
}

static tc_status word(tokenizer *tz, size_t *p)
{
    size_t s = *p, e = word_end(tz, s), a;
    if (e <= s) /* cannot happen: s holds a word character */
        e = s + 1;
    if (e < tz->end && at(tz, e) == '.') {
        a = abbrev_end(tz, s, e);
        if (a) {
            *p = a;
            return push_word(tz, s, a, TC_TOKEN_ABBREV);
        }
    }
    *p = e;
    return push_word(tz, s, e, 0);
}

/* An ASCII mark: "..." and "--" whole, a clitic after a word ("U.S.'s"),
 * else one punctuation or symbol byte. */
static tc_status ascii_mark(tokenizer *tz, size_t *p)
{
    size_t s = *p, n = 1;
    unsigned char c = at(tz, s);
    if (c == '\'' && !tz->first && !tz->spaced) {
        n = clitic_len(tz, s);
        if (n > 0) {
            *p = s + n;
            return push_word(tz, s, s + n, 0);
        }
        n = 1;
    } else if (c == '.' && s + 2 < tz->end && at(tz, s + 1) == '.' &&
               at(tz, s + 2) == '.') {
        n = 3;
    } else if (c == '-' && s + 1 < tz->end && at(tz, s + 1) == '-') {
        n = 2;
    }
    *p = s + n;
    return push(tz, s, s + n,
                is_ascii_punct(c) ? TC_TOKEN_PUNCT : TC_TOKEN_SYMBOL, 0);
}

/* A non-ASCII character: a word, or one punctuation or symbol token. */
static tc_status wide_char(tokenizer *tz, size_t *p)
{
    int32_t cp;
    size_t s = *p, len = decode(tz, s, &cp);
    cclass k = cp_class(cp);
    if (k == CL_WORD)
        return word(tz, p);
    *p = s + len;
    return push(tz, s, s + len,
                k == CL_PUNCT ? TC_TOKEN_PUNCT : TC_TOKEN_SYMBOL, 0);
}

tc_status tc_text_tokens(const char *norm, size_t start, size_t end,
                         tc_vec *toks)
{
    tokenizer tz;
    size_t p = start;
    tc_status st = TC_OK;
    if (start > end || !toks || (!norm && end > start))
        return TC_ERR_USAGE;
    if (end > UINT32_MAX)
        return TC_ERR_LIMIT;
    tz.s = norm;
    tz.end = end;
    tz.toks = toks;
    tz.first = true;
    tz.spaced = false;
    while (p < end && st == TC_OK) {
        unsigned char c = (unsigned char)norm[p];
        if (is_space(c)) {
            tz.spaced = true;
            p++;
        } else if (is_alnum(c)) {
            st = word(&tz, &p);
        } else if (c < 0x80) {
            st = ascii_mark(&tz, &p);
        } else {
            st = wide_char(&tz, &p);
        }
    }
    return st;
}
