/*
 * peer.c - the actor and agent dictionaries that TABARI and PETRARCH-2
 * users already own, read as they are, one line at a time, into the
 * lexicon.  A bad line is reported with its file, line and byte (of the
 * line's start) and skipped; the rest of the file loads.
 *
 * Lines.  TABARI: '#' or '/' in the first column comments a line out, ';'
 * starts a comment, a line starting with '~' ("~~FINISH") ends the file,
 * and <NOUN>...</NOUN> and <ADJECTIVE>...</ADJECTIVE> blocks (words for the
 * verb patterns, not actors) are skipped.  PETRARCH: <!-- ... --> comments
 * (over several lines too), a line opening with "<!" is a comment, and '#'
 * starts one anywhere.
 *
 * Entries.  "PHRASE [CODE] [CODE DATES] ..."; the code groups may also
 * follow on lines of their own that start with '[', and lines starting
 * with '+' are more names of the entry above.  Agents are one line each:
 * "PHRASE [~CODE]" (an agent code appended to an actor's) or
 * "PHRASE [CODE~]" (put before it: stored without the tilde, with the
 * roles string "prefix"); PETRARCH's agents files add "{PLURAL}" and
 * macros ("!PERSON! = MAN, MEN" then "CONGRESS!PERSON!").
 *
 * Phrases.  Words are joined by '_' or spaces.  TABARI reads a last word
 * without a trailing '_' as a stem (any ending) and a space as "other
 * words may come between"; the lexicon matches whole words in sequence,
 * so both are read as plain words and the '_', '=' and '~' markers are
 * dropped.  An actor phrase's leading "THE" is dropped (the lexicon wants
 * a name's first word capitalized in the text, and "the" rarely is).  The
 * files are in capitals, which the lexicon would take as "matches capitals
 * only", so a phrase is title-cased (agents: lower-cased) unless it is one
 * word written as an acronym: with a period (U.N.), without a vowel (MSF),
 * or, for actors, of two or three letters (UN, IMF, USA).
 *
 * Plurals (agents).  PETRARCH: a phrase without braces gets its regular
 * plural (-ies after a consonant and y, -es after s, x, z, ch, sh, else
 * -s); "{FORM}" gives the plural instead, and "{}" none.  Macro phrases get
 * none.  TABARI: a phrase whose last word is a stem also gets the regular
 * plural, the nearest we come to TABARI's stem matching.
 *
 * Codes.  Upper-cased; compounds ("ELR/GAL") and actor:agent pairs are
 * kept as written.  "---" (TABARI's null code: the phrase is known and
 * names no actor, so it blocks a shorter match), "###" (discard the
 * sentence) and "+++" (complex) are kept as codes for the extract stage to
 * act on.  Dates are YYMMDD or YYYYMMDD: "<D" before D, "A-B" from A to B
 * inclusive, ">D" after D (TABARI) or from D on (PETRARCH), each as its
 * own reader does.  An actor with only dated codes gets "---" as its
 * default, since neither coder codes a date no group covers.
 *
 * Types.  Agents are TC_ACTOR_AGENT.  An actor whose default code (else its
 * first) is three letters, and not one of CAMEO's for IGOs, NGOs and the
 * like (IGO, IMG, MNC, NGM, NGO, UIS, UNO), is a TC_ACTOR_STATE; any other
 * is a TC_ACTOR_ORG.  Both need a capitalized first word in the text.
 *
 * Work is linear in the file: each line is read once, an entry is kept
 * until the next one starts, and a line may make at most MAX_FORMS names.
 */
#include "lexicon.h"

#include <string.h>

#define MAX_WORDS 16   /* the most words a lexicon name may have */
#define MAX_PHRASE 512 /* bytes of one phrase, macros expanded */
#define MAX_FORMS 64   /* names one line may make */
#define MAX_MACROS 256
#define MAX_MACRO_DEPTH 4 /* markers in one phrase */
#define MAX_CODE 63
#define MAX_BUF (16u * 1024u * 1024u) /* one entry's names and codes */
#define NULL_CODE "---"
#define ROLE_PREFIX "prefix"

typedef enum peer_fmt { FMT_TABARI, FMT_PETRARCH } peer_fmt;

typedef struct pend_name { /* a name of the entry being read */
    size_t off, len;       /* in peer.buf */
    uint64_t line, byte;
} pend_name;

typedef struct pend_code { /* a code of the entry being read */
    size_t off, len;       /* in peer.buf */
    tc_day from, to;
    bool prefix; /* an agent code put before the actor's */
} pend_code;

typedef struct macro {     /* PETRARCH "!NAME! = A, B, C" */
    size_t name, name_len; /* in peer.mtext */
    size_t list, list_len;
} macro;

typedef struct peer {
    tc_lexicon *lx;
    const char *path;
    tc_warn_fn warn;
    void *warn_ctx;
    size_t *errors;
    peer_fmt fmt;
    bool agents;
    tc_status st;        /* out of memory: stop */
    uint64_t line, byte; /* of the current line */
    size_t forms;        /* names the current line made */
    /* the entry being read */
    bool open, bad, had_error;
    uint64_t e_line, e_byte;
    tc_sb buf;
    tc_vec names, codes;
    /* TABARI's <NOUN> and <ADJECTIVE> blocks */
    const char *block_end;
    uint64_t block_line, block_byte;
    /* PETRARCH: comments, macros, the line without its comments */
    bool in_comment;
    uint64_t comment_line, comment_byte;
    tc_sb clean;
    tc_sb mtext; /* the macros' names and lists */
    macro macros[MAX_MACROS];
    size_t nmacros;
} peer;

/* ---- Small helpers ---------------------------------------------------- */

static bool is_upper(char c)
{
    return c >= 'A' && c <= 'Z';
}

static bool is_lower(char c)
{
    return c >= 'a' && c <= 'z';
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r';
}

static char to_upper(char c)
{
    return is_lower(c) ? (char)(c - 32) : c;
}

static char to_lower(char c)
{
    return is_upper(c) ? (char)(c + 32) : c;
}

static bool is_vowel(char c)
{
    c = to_upper(c);
    return c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U';
}

static const char *sv_find(tc_sv h, const char *needle)
{
    size_t m = strlen(needle), i;
    for (i = 0; i + m <= h.n; i++)
        if (h.p[i] == needle[0] && memcmp(h.p + i, needle, m) == 0)
            return h.p + i;
    return NULL;
}

static bool sv_starts(tc_sv v, const char *prefix)
{
    size_t m = strlen(prefix);
    return v.n >= m && memcmp(v.p, prefix, m) == 0;
}

/* The part of v from p on. */
static tc_sv sv_from(tc_sv v, const char *p)
{
    return tc_sv_make(p, v.n - (size_t)(p - v.p));
}

/* ---- Errors ----------------------------------------------------------- */

static void report_at(peer *p, uint64_t line, uint64_t byte, const char *what,
                      tc_sv detail)
{
    tc_error e;
    size_t n = TC_MIN(detail.n, 60);
    (*p->errors)++;
    if (p->open)
        p->had_error = true;
    if (!p->warn)
        return;
    while (n > 0 && n < detail.n && (detail.p[n] & 0xC0) == 0x80)
        n--; /* do not cut a character in two */
    tc_error_set(&e, TC_ERR_INPUT, p->path, line, byte, "%s \"%.*s\"", what,
                 (int)n, detail.p);
    p->warn(p->warn_ctx, &e);
}

static void report(peer *p, const char *what, tc_sv detail)
{
    report_at(p, p->line, p->byte, what, detail);
}

/* True when st is TC_OK; else out of memory stops the load and anything
 * else is a bad line. */
static bool ok(peer *p, tc_status st, const char *what, tc_sv detail)
{
    if (st == TC_OK)
        return true;
    if (st == TC_ERR_NOMEM)
        p->st = st;
    else
        report(p, what, detail);
    return false;
}

/* ---- Dates ------------------------------------------------------------ */

static int month_len(int y, int m)
{
    static const int d[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : d[m - 1];
}

/* The day before (delta -1) or after (+1) a valid day. */
static tc_day day_shift(tc_day day, int delta)
{
    int y = day / 10000, m = day / 100 % 100, d = day % 100 + delta;
    if (d < 1) {
        m = m == 1 ? 12 : m - 1;
        y -= m == 12;
        d = month_len(y, m);
    } else if (d > month_len(y, m)) {
        d = 1;
        m = m == 12 ? 1 : m + 1;
        y += m == 1;
    }
    return y * 10000 + m * 100 + d;
}

/* YYMMDD (TABARI) or YYYYMMDD (PETRARCH). */
static bool parse_date(tc_sv s, tc_day *out)
{
    char iso[10];
    size_t i;
    for (i = 0; i < s.n; i++)
        if (!is_digit(s.p[i]))
            return false;
    if (s.n == 6)
        return tc_day_parse(s.p, 6, false, out) == TC_OK;
    if (s.n != 8)
        return false;
    memcpy(iso, s.p, 4);
    iso[4] = '-';
    memcpy(iso + 5, s.p + 4, 2);
    iso[7] = '-';
    memcpy(iso + 8, s.p + 6, 2);
    return tc_day_parse(iso, 10, false, out) == TC_OK;
}

/* "", "<D", ">D" or "A-B", blanks allowed around the signs. */
static bool parse_dates(const peer *p, tc_sv s, tc_day *from, tc_day *to)
{
    const char *dash = memchr(s.p, '-', s.n);
    tc_day d;
    *from = *to = 0;
    if (s.n == 0)
        return true;
    if (s.p[0] == '<' || s.p[0] == '>') {
        if (!parse_date(tc_sv_trim(tc_sv_make(s.p + 1, s.n - 1)), &d))
            return false;
        if (s.p[0] == '<')
            *to = day_shift(d, -1);
        else
            *from = p->fmt == FMT_TABARI ? day_shift(d, 1) : d;
        return true;
    }
    if (!dash ||
        !parse_date(tc_sv_trim(tc_sv_make(s.p, (size_t)(dash - s.p))), from) ||
        !parse_date(tc_sv_trim(sv_from(s, dash + 1)), to))
        return false;
    return *from <= *to;
}

/* ---- Codes ------------------------------------------------------------ */

static bool is_special(const char *s, size_t n)
{
    return n == 3 && (memcmp(s, "---", 3) == 0 || memcmp(s, "###", 3) == 0 ||
                      memcmp(s, "+++", 3) == 0);
}

/* A code's parts (split at '/' and ':') are special codes or 2-15 letters
 * and digits.  Writes the upper-cased code to out. */
static bool norm_code(tc_sv c, char out[MAX_CODE + 1])
{
    size_t i, start = 0;
    if (c.n == 0 || c.n > MAX_CODE)
        return false;
    for (i = 0; i <= c.n; i++) {
        if (i < c.n && c.p[i] != '/' && c.p[i] != ':') {
            out[i] = to_upper(c.p[i]);
            continue;
        }
        if (!is_special(out + start, i - start)) {
            size_t k;
            if (i - start < 2 || i - start > 15)
                return false;
            for (k = start; k < i; k++)
                if (!is_upper(out[k]) && !is_digit(out[k]))
                    return false;
        }
        out[i] = i < c.n ? c.p[i] : '\0';
        start = i + 1;
    }
    return true;
}

static void push_code(peer *p, const char *code, tc_day from, tc_day to,
                      bool prefix)
{
    tc_status st;
    size_t off = p->buf.n, n = strlen(code);
    pend_code *c;
    if (!ok(p, tc_sb_append(&p->buf, code, n),
            "entry too large:", tc_sv_cstr(code)))
        return;
    c = tc_vec_push(&p->codes, &st);
    if (!ok(p, c ? TC_OK : st, "entry too large:", tc_sv_cstr(code)))
        return;
    c->off = off;
    c->len = n;
    c->from = from;
    c->to = to;
    c->prefix = prefix;
}

/* One actor group without its brackets: "CODE", "CODE <D", "CODE A-B". */
static void actor_group(peer *p, tc_sv g)
{
    char code[MAX_CODE + 1];
    size_t k = 0;
    tc_day from, to;
    while (k < g.n && !is_space(g.p[k]) && g.p[k] != '<' && g.p[k] != '>')
        k++;
    if (!norm_code(tc_sv_make(g.p, k), code)) {
        report(p, "bad code in", g);
        return;
    }
    if (!parse_dates(p, tc_sv_trim(tc_sv_make(g.p + k, g.n - k)), &from, &to)) {
        report(p, "bad date restriction in", g);
        return;
    }
    push_code(p, code, from, to, false);
}

/* "[~CODE]" or "[CODE~]", alone. */
static void agent_group(peer *p, tc_sv g)
{
    char code[MAX_CODE + 1];
    bool prefix = g.n > 1 && g.p[g.n - 1] == '~';
    if (g.n < 2 || (g.p[0] != '~' && !prefix)) {
        report(p, "agent code without '~':", g);
        return;
    }
    if (!norm_code(tc_sv_trim(prefix ? tc_sv_make(g.p, g.n - 1)
                                     : tc_sv_make(g.p + 1, g.n - 1)),
                   code)) {
        report(p, "bad agent code", g);
        return;
    }
    push_code(p, code, 0, 0, prefix);
}

/* "[...] [...] ...": every group of the rest of a line. */
static void code_groups(peer *p, tc_sv s)
{
    size_t groups = 0;
    for (s = tc_sv_trim(s); s.n && p->st == TC_OK; s = tc_sv_trim(s)) {
        const char *close = memchr(s.p, ']', s.n);
        tc_sv g;
        if (s.p[0] != '[') {
            report(p, "text after the codes:", s);
            return;
        }
        if (!close) {
            report(p, "missing ']' in", s);
            return;
        }
        g = tc_sv_trim(tc_sv_make(s.p + 1, (size_t)(close - s.p) - 1));
        if (p->agents && groups++ > 0)
            report(p, "more than one code for an agent:", s);
        else if (p->agents)
            agent_group(p, g);
        else
            actor_group(p, g);
        s = sv_from(s, close + 1);
    }
}

/* ---- Names ------------------------------------------------------------ */

/* One word, written as an acronym (see the top of the file). */
static bool keep_capitals(const char *s, size_t n, bool agents)
{
    size_t i, letters = 0, vowels = 0;
    if (memchr(s, ' ', n) || memchr(s, '-', n))
        return false;
    if (memchr(s, '.', n))
        return true;
    for (i = 0; i < n; i++) {
        letters += is_upper(s[i]) || is_lower(s[i]);
        vowels += is_vowel(s[i]);
    }
    return letters >= 2 && (vowels == 0 || (!agents && letters <= 3));
}

static bool is_minor_word(const char *w, size_t n)
{
    static const char *const minor[] = {"a",  "an",  "and", "at", "by",
                                        "de", "for", "in",  "of", "on",
                                        "or", "the", "to"};
    size_t i;
    for (i = 0; i < sizeof minor / sizeof minor[0]; i++)
        if (strlen(minor[i]) == n && memcmp(minor[i], w, n) == 0)
            return true;
    return false;
}

/* Lower-cases s; for actors, capitalizes each word but the small ones
 * inside a name ("Group of 77") and each part after '-' or '.'. */
static void fix_case(char *s, size_t n, bool agents)
{
    size_t i, w = 0;
    for (i = 0; i < n; i++)
        s[i] = to_lower(s[i]);
    if (agents)
        return;
    for (i = 0; i <= n; i++) {
        size_t k;
        if (i < n && s[i] != ' ')
            continue;
        if (w == 0 || !is_minor_word(s + w, i - w))
            for (k = w; k < i; k++)
                if (k == w || s[k - 1] == '-' || s[k - 1] == '.')
                    s[k] = to_upper(s[k]);
        w = i + 1;
    }
}

/* Words as the lexicon counts them: a possessive 's is one of its own. */
static size_t count_words(const char *s, size_t n)
{
    size_t i, words = 0;
    for (i = 0; i < n; i++) {
        bool sep = s[i] == ' ' || s[i] == '-' || s[i] == ',';
        bool next =
            i + 1 == n || s[i + 1] == ' ' || s[i + 1] == '-' || s[i + 1] == ',';
        if (sep || !next)
            continue;
        words++;
        if (i >= 2 && (s[i] == 's' || s[i] == 'S') && s[i - 1] == '\'')
            words++;
    }
    return words;
}

/* The phrase with '_' as a space, TABARI's '=' and '~' markers gone, runs
 * of blanks as one space, and no leading "THE" for an actor. */
static size_t clean_phrase(const peer *p, tc_sv form, char *out)
{
    size_t i, n = 0;
    bool gap = false;
    for (i = 0; i < form.n; i++) {
        char c = form.p[i];
        if (c == '_' || c == '=' || c == '~' || is_space(c)) {
            gap = n > 0;
            continue;
        }
        if (n + 2 >= MAX_PHRASE)
            return MAX_PHRASE;
        if (gap)
            out[n++] = ' ';
        out[n++] = c;
        gap = false;
    }
    if (!p->agents && n > 4 && (out[0] | 32) == 't' && (out[1] | 32) == 'h' &&
        (out[2] | 32) == 'e' && out[3] == ' ') {
        memmove(out, out + 4, n - 4);
        n -= 4;
    }
    return n;
}

/* Adds one name of the entry being read. */
static bool add_form(peer *p, tc_sv form)
{
    char s[MAX_PHRASE];
    size_t n = clean_phrase(p, form, s), off = p->buf.n;
    pend_name *nm;
    tc_status st;
    const char *problem = NULL;
    if (n == 0)
        problem = "no phrase in";
    else if (n >= MAX_PHRASE)
        problem = "phrase too long:";
    else if (memchr(s, '\0', n))
        problem = "NUL byte in";
    else if (count_words(s, n) > MAX_WORDS)
        problem = "more than 16 words in";
    if (problem) {
        report(p, problem, form);
        return false;
    }
    if (++p->forms > MAX_FORMS) {
        report(p, "a line makes more than 64 names:", form);
        return false;
    }
    if (!keep_capitals(s, n, p->agents))
        fix_case(s, n, p->agents);
    if (!ok(p, tc_sb_append(&p->buf, s, n), "entry too large:", form))
        return false;
    nm = tc_vec_push(&p->names, &st);
    if (!ok(p, nm ? TC_OK : st, "entry too large:", form))
        return false;
    nm->off = off;
    nm->len = n;
    nm->line = p->line;
    nm->byte = p->byte;
    return true;
}

/* The regular plural of a phrase ending in a letter, into out. */
static bool regular_plural(tc_sv s, char out[MAX_PHRASE])
{
    char last = s.n ? to_upper(s.p[s.n - 1]) : 0;
    char prev = s.n > 1 ? to_upper(s.p[s.n - 2]) : 0;
    const char *end = "S";
    size_t keep = s.n;
    if (!is_upper(last) || s.n + 4 > MAX_PHRASE)
        return false;
    if (last == 'Y' && !is_vowel(prev)) {
        keep--;
        end = "IES";
    } else if (last == 'S' || last == 'X' || last == 'Z' ||
               (last == 'H' && (prev == 'C' || prev == 'S'))) {
        end = "ES";
    }
    memcpy(out, s.p, keep);
    memcpy(out + keep, end, strlen(end) + 1);
    return true;
}

static macro *find_macro(peer *p, tc_sv name)
{
    size_t i;
    for (i = 0; i < p->nmacros; i++) {
        const macro *m = &p->macros[i];
        if (tc_sv_eq(tc_sv_make(p->mtext.p + m->name, m->name_len), name))
            return &p->macros[i];
    }
    return NULL;
}

static bool expand(peer *p, tc_sv s, int depth);

/* Adds s with the marker s[a..b] (the '!'s included) replaced by each
 * item of m's list in turn. */
static bool expand_items(peer *p, tc_sv s, const char *a, const char *b,
                         const macro *m, int depth)
{
    size_t head = (size_t)(a - s.p), tail = s.n - (size_t)(b + 1 - s.p);
    tc_sv list = tc_sv_make(p->mtext.p + m->list, m->list_len);
    while (list.n) {
        const char *comma = memchr(list.p, ',', list.n);
        size_t len = comma ? (size_t)(comma - list.p) : list.n;
        tc_sv item = tc_sv_trim(tc_sv_make(list.p, len));
        char buf[MAX_PHRASE];
        list = comma ? sv_from(list, comma + 1) : tc_sv_make(list.p, 0);
        if (item.n == 0)
            continue;
        if (head + item.n + tail >= MAX_PHRASE) {
            report(p, "phrase too long:", s);
            return false;
        }
        memcpy(buf, s.p, head);
        memcpy(buf + head, item.p, item.n);
        memcpy(buf + head + item.n, b + 1, tail);
        if (!expand(p, tc_sv_make(buf, head + item.n + tail), depth + 1))
            return false;
    }
    return true;
}

/* Adds every form of a phrase with "!NAME!" markers. */
static bool expand(peer *p, tc_sv s, int depth)
{
    const char *a = memchr(s.p, '!', s.n), *b;
    const macro *m = NULL;
    if (!a)
        return add_form(p, s);
    b = memchr(a + 1, '!', s.n - (size_t)(a + 1 - s.p));
    if (b)
        m = find_macro(p, tc_sv_make(a + 1, (size_t)(b - a - 1)));
    if (!b)
        report(p, "unclosed macro marker in", s);
    else if (!m)
        report(p, "undefined macro in", s);
    else if (depth >= MAX_MACRO_DEPTH)
        report(p, "too many macros in", s);
    else
        return expand_items(p, s, a, b, m, depth);
    return false;
}

/* Adds a phrase, with its regular plural when `plural` is set. */
static bool add_phrase(peer *p, tc_sv s, bool plural)
{
    char buf[MAX_PHRASE];
    if (s.n == 0) {
        report(p, "no phrase in", s);
        return false;
    }
    if (memchr(s.p, '[', s.n) || memchr(s.p, ']', s.n) ||
        memchr(s.p, '{', s.n) || memchr(s.p, '}', s.n)) {
        report(p, "bad character in phrase", s);
        return false;
    }
    if (p->fmt == FMT_PETRARCH && p->agents && memchr(s.p, '!', s.n))
        return expand(p, s, 0);
    if (!add_form(p, s))
        return false;
    return !plural || !regular_plural(s, buf) || add_form(p, tc_sv_cstr(buf));
}

/* ---- Entries ---------------------------------------------------------- */

static bool has_default(const peer *p)
{
    size_t i;
    for (i = 0; i < p->codes.n; i++) {
        const pend_code *c = tc_vec_at(&p->codes, i);
        if (!c->from && !c->to)
            return true;
    }
    return false;
}

/* CAMEO's three-letter codes for what is not a state. */
static bool is_sector_code(const char *c)
{
    static const char *const sectors[] = {"IGO", "IMG", "MNC", "NGM",
                                          "NGO", "UIS", "UNO"};
    size_t i;
    for (i = 0; i < sizeof sectors / sizeof sectors[0]; i++)
        if (memcmp(sectors[i], c, 3) == 0)
            return true;
    return false;
}

/* See "Types" at the top of the file. */
static tc_actor_type actor_type(const peer *p)
{
    const pend_code *pick = NULL;
    size_t i;
    for (i = 0; i < p->codes.n; i++) {
        const pend_code *c = tc_vec_at(&p->codes, i);
        if (is_special(p->buf.p + c->off, c->len))
            continue;
        if (!pick || (!c->from && !c->to && (pick->from || pick->to)))
            pick = c;
    }
    if (pick && pick->len == 3 && is_upper(p->buf.p[pick->off]) &&
        is_upper(p->buf.p[pick->off + 1]) &&
        is_upper(p->buf.p[pick->off + 2]) &&
        !is_sector_code(p->buf.p + pick->off))
        return TC_ACTOR_STATE;
    return TC_ACTOR_ORG;
}

/* A failed lexicon call for a pending item read on line/byte. */
static void failed(peer *p, tc_status st, const pend_name *at, const char *what,
                   tc_sv detail)
{
    if (st == TC_ERR_NOMEM)
        p->st = st;
    else
        report_at(p, at->line, at->byte, what, detail);
}

static void commit(peer *p)
{
    const pend_name *nm = p->names.p;
    tc_actor_type type = p->agents ? TC_ACTOR_AGENT : actor_type(p);
    uint32_t entry;
    size_t i;
    tc_status st;
    if (!p->agents && !has_default(p))
        push_code(p, NULL_CODE, 0, 0, false);
    st = tc_lexicon_add_entry(p->lx, type, p->buf.p + nm[0].off, nm[0].len,
                              &entry);
    if (st != TC_OK) {
        failed(p, st, &nm[0], "cannot add entry",
               tc_sv_make(p->buf.p + nm[0].off, nm[0].len));
        return;
    }
    for (i = 1; i < p->names.n && p->st == TC_OK; i++) {
        tc_sv s = tc_sv_make(p->buf.p + nm[i].off, nm[i].len);
        st = tc_lexicon_add_name(p->lx, entry, s.p, s.n);
        if (st != TC_OK)
            failed(p, st, &nm[i], "cannot add name", s);
    }
    for (i = 0; i < p->codes.n && p->st == TC_OK; i++) {
        const pend_code *c = tc_vec_at(&p->codes, i);
        st = tc_lexicon_add_code(p->lx, entry, p->buf.p + c->off, c->len,
                                 c->from, c->to, c->prefix ? ROLE_PREFIX : NULL,
                                 c->prefix ? strlen(ROLE_PREFIX) : 0);
        if (st != TC_OK)
            failed(p, st, &nm[0], "cannot add code to",
                   tc_sv_make(p->buf.p + nm[0].off, nm[0].len));
    }
}

/* Ends the entry being read: adds it, or reports it has no code. */
static void flush(peer *p)
{
    if (p->open && !p->bad && p->names.n && p->st == TC_OK) {
        const pend_name *nm = p->names.p;
        if (p->codes.n)
            commit(p);
        else if (!p->had_error)
            report_at(p, p->e_line, p->e_byte, "no code for",
                      tc_sv_make(p->buf.p + nm[0].off, nm[0].len));
    }
    p->open = p->bad = p->had_error = false;
    tc_vec_clear(&p->names);
    tc_vec_clear(&p->codes);
    tc_sb_clear(&p->buf);
}

static void begin(peer *p)
{
    flush(p);
    p->open = true;
    p->e_line = p->line;
    p->e_byte = p->byte;
}

/* "PHRASE {PLURAL} [~CODE]" */
static void agent_line(peer *p, tc_sv head, tc_sv groups)
{
    const char *open = memchr(head.p, '{', head.n);
    const char *close =
        open ? memchr(open, '}', head.n - (size_t)(open - head.p)) : NULL;
    tc_sv plural = tc_sv_make(head.p, 0);
    if (open && (!close || tc_sv_trim(sv_from(head, close + 1)).n)) {
        report(p, close ? "text after '}' in" : "missing '}' in", head);
        p->bad = true;
        return;
    }
    if (open) {
        plural = tc_sv_trim(tc_sv_make(open + 1, (size_t)(close - open - 1)));
        head = tc_sv_trim(tc_sv_make(head.p, (size_t)(open - head.p)));
    }
    if (groups.n == 0) {
        report(p, "no code for agent", head);
        p->bad = true;
        return;
    }
    code_groups(p, groups);
    if (p->had_error || !add_phrase(p, head, !open) ||
        (plural.n && !add_phrase(p, plural, false)))
        p->bad = true;
}

static void entry_line(peer *p, tc_sv v)
{
    const char *br = memchr(v.p, '[', v.n);
    tc_sv head = tc_sv_trim(tc_sv_make(v.p, br ? (size_t)(br - v.p) : v.n));
    tc_sv groups = br ? sv_from(v, br) : tc_sv_make(v.p, 0);
    begin(p);
    if (p->agents) {
        agent_line(p, head, groups);
        flush(p);
        return;
    }
    if (!add_phrase(p, head, false)) {
        p->bad = true;
        return;
    }
    code_groups(p, groups);
}

static void synonym_line(peer *p, tc_sv v)
{
    tc_sv s = tc_sv_trim(tc_sv_make(v.p + 1, v.n - 1));
    if (!p->open) {
        report(p, "synonym outside an entry:", v);
        return;
    }
    if (p->bad)
        return;
    if (memchr(s.p, '[', s.n)) {
        report(p, "code on a synonym line:", v);
        return;
    }
    add_phrase(p, s, false);
}

static void code_line(peer *p, tc_sv v)
{
    if (!p->open) {
        report(p, "code line outside an entry:", v);
        return;
    }
    if (!p->bad)
        code_groups(p, v);
}

/* PETRARCH "!NAME! = A, B, C"; a later definition replaces an earlier. */
static void macro_line(peer *p, tc_sv v)
{
    const char *b = memchr(v.p + 1, '!', v.n - 1);
    tc_sv rest = b ? tc_sv_trim(sv_from(v, b + 1)) : v;
    tc_sv name = b ? tc_sv_make(v.p + 1, (size_t)(b - v.p - 1)) : v;
    tc_sv list = tc_sv_trim(tc_sv_make(rest.p + 1, rest.n ? rest.n - 1 : 0));
    size_t off;
    macro *m;
    flush(p);
    if (!b || name.n == 0 || rest.n == 0 || rest.p[0] != '=' || !list.n) {
        report(p, "bad macro definition", v);
        return;
    }
    m = find_macro(p, name);
    if (!m && p->nmacros == MAX_MACROS) {
        report(p, "more than 256 macros:", v);
        return;
    }
    off = p->mtext.n;
    if (!ok(p, tc_sb_append(&p->mtext, name.p, name.n),
            "macros too large:", v) ||
        !ok(p, tc_sb_append(&p->mtext, list.p, list.n), "macros too large:", v))
        return;
    if (!m)
        m = &p->macros[p->nmacros++];
    m->name = off;
    m->name_len = name.n;
    m->list = off + name.n;
    m->list_len = list.n;
}

/* TABARI: a <NOUN> or <ADJECTIVE> block starts. */
static void tag_line(peer *p, tc_sv v)
{
    flush(p);
    if (p->fmt == FMT_TABARI && sv_starts(v, "<NOUN"))
        p->block_end = "</NOUN";
    else if (p->fmt == FMT_TABARI && sv_starts(v, "<ADJ"))
        p->block_end = "</ADJ";
    else
        report(p, "unexpected tag", v);
    p->block_line = p->line;
    p->block_byte = p->byte;
}

static void dispatch(peer *p, tc_sv v)
{
    if (v.p[0] == '<') {
        tag_line(p, v);
    } else if (v.p[0] == '+') {
        synonym_line(p, v);
    } else if (v.p[0] == '[') {
        code_line(p, v);
    } else if (p->fmt == FMT_PETRARCH && p->agents && v.p[0] == '!' &&
               memchr(v.p, '=', v.n)) {
        macro_line(p, v);
    } else {
        entry_line(p, v);
    }
}

/* ---- Lines ------------------------------------------------------------ */

/* TABARI: false at the end marker. */
static bool tabari_clean(tc_sv raw, tc_sv *out)
{
    const char *semi;
    *out = tc_sv_make(raw.p, 0);
    if (raw.n && raw.p[0] == '~')
        return false;
    if (raw.n == 0 || raw.p[0] == '#' || raw.p[0] == '/')
        return true;
    semi = memchr(raw.p, ';', raw.n);
    *out = tc_sv_trim(tc_sv_make(raw.p, semi ? (size_t)(semi - raw.p) : raw.n));
    return true;
}

/* PETRARCH: the line without its comments, in p->clean. */
static tc_status petrarch_clean(peer *p, tc_sv raw, tc_sv *out)
{
    size_t i = 0, run = 0;
    tc_status st = TC_OK;
    tc_sb_clear(&p->clean);
    *out = tc_sv_make(raw.p, 0);
    if (!p->in_comment && sv_starts(raw, "<!") && !sv_starts(raw, "<!--"))
        return TC_OK; /* "<! -- ... -->": a comment line */
    while (i < raw.n && st == TC_OK) {
        tc_sv rest = sv_from(raw, raw.p + i);
        if (p->in_comment) {
            p->in_comment = !sv_starts(rest, "-->");
            i += p->in_comment ? 1 : 3;
            run = p->in_comment ? run : i;
        } else if (raw.p[i] == '#') {
            break;
        } else if (sv_starts(rest, "<!--")) {
            st = tc_sb_append(&p->clean, raw.p + run, i - run);
            p->in_comment = true;
            p->comment_line = p->line;
            p->comment_byte = p->byte;
            i += 4;
        } else {
            i++;
        }
    }
    if (st == TC_OK && !p->in_comment)
        st = tc_sb_append(&p->clean, raw.p + run, i - run);
    if (st == TC_OK && p->clean.n)
        *out = tc_sv_trim(tc_sv_make(p->clean.p, p->clean.n));
    return st;
}

/* One line; false when the file ends early (TABARI's "~~FINISH"). */
static bool read_line(peer *p, tc_sv raw)
{
    tc_sv v;
    if (p->fmt == FMT_TABARI) {
        if (!tabari_clean(raw, &v))
            return false;
    } else if (!ok(p, petrarch_clean(p, raw, &v), "line too long:", raw)) {
        return true;
    }
    p->forms = 0;
    if (v.n == 0)
        return true;
    if (p->block_end) { /* the words of a <NOUN> block are not read */
        if (sv_find(v, p->block_end))
            p->block_end = NULL;
    } else if (memchr(v.p, '\0', v.n) ||
               tc_utf8_valid_prefix(v.p, v.n) != v.n) {
        report(p, "not UTF-8 text:", v);
    } else {
        dispatch(p, v);
    }
    return true;
}

static void read_lines(peer *p, const char *text, size_t n)
{
    size_t i = 0;
    while (i < n && p->st == TC_OK) {
        const char *nl = memchr(text + i, '\n', n - i);
        size_t e = nl ? (size_t)(nl - text) : n, len = e - i;
        p->line++;
        p->byte = i;
        if (p->line == 1 && len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
            i += 3; /* a byte-order mark */
            len -= 3;
        }
        if (len && text[i + len - 1] == '\r')
            len--;
        if (!read_line(p, tc_sv_make(text + i, len)))
            break;
        i = e + 1;
    }
    flush(p);
    if (p->block_end)
        report_at(p, p->block_line, p->block_byte, "no closing tag for",
                  tc_sv_cstr(p->block_end + 2));
    if (p->in_comment)
        report_at(p, p->comment_line, p->comment_byte, "unclosed comment",
                  tc_sv_cstr("<!--"));
}

static tc_status load_peer(tc_lexicon *lx, const char *path, const char *text,
                           size_t n, peer_fmt fmt, bool agents, tc_warn_fn warn,
                           void *warn_ctx, size_t *errors)
{
    const tc_allocator *a = tc_lexicon_allocator(lx);
    size_t dummy = 0;
    peer *p = tc_malloc(a, sizeof *p);
    tc_status st;
    if (!p)
        return TC_ERR_NOMEM;
    memset(p, 0, sizeof *p);
    p->lx = lx;
    p->path = path;
    p->warn = warn;
    p->warn_ctx = warn_ctx;
    p->errors = errors ? errors : &dummy;
    p->fmt = fmt;
    p->agents = agents;
    tc_sb_init(&p->buf, a, MAX_BUF);
    tc_sb_init(&p->clean, a, MAX_BUF);
    tc_sb_init(&p->mtext, a, MAX_BUF);
    tc_vec_init(&p->names, a, sizeof(pend_name), 0);
    tc_vec_init(&p->codes, a, sizeof(pend_code), 0);
    read_lines(p, text ? text : "", text ? n : 0);
    st = p->st;
    tc_sb_free(&p->buf);
    tc_sb_free(&p->clean);
    tc_sb_free(&p->mtext);
    tc_vec_free(&p->names);
    tc_vec_free(&p->codes);
    tc_free(a, p);
    return st;
}

tc_status tc_lexicon_load_tabari(tc_lexicon *lx, const char *path,
                                 const char *text, size_t n, bool agents,
                                 tc_warn_fn warn, void *warn_ctx,
                                 size_t *errors)
{
    return load_peer(lx, path, text, n, FMT_TABARI, agents, warn, warn_ctx,
                     errors);
}

tc_status tc_lexicon_load_petrarch(tc_lexicon *lx, const char *path,
                                   const char *text, size_t n, bool agents,
                                   tc_warn_fn warn, void *warn_ctx,
                                   size_t *errors)
{
    return load_peer(lx, path, text, n, FMT_PETRARCH, agents, warn, warn_ctx,
                     errors);
}
