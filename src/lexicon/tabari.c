/*
 * tabari.c - TABARI verb dictionaries, converted line by line into our
 * pattern format (docs/FORMATS.md) and loaded through it.  One output line
 * per input line keeps every warning's location on the TABARI file.
 *
 * What maps:
 *   <SYNSETS> "&NAME" + "+WORD" lines  -> "&NAME word; word" (on the line
 *                                          that ends the set)
 *   "VERB [code]"                       -> "code @verb $T"
 *   "{ FORM FORM }" after a verb        -> "~ verb form form"
 *   "- WORDS * WORDS [code]"            -> "code words @verb words"
 *   "*" (the verb), "+" (target), "$" (source) -> "@verb", "$T", "$S"
 *   "WORD_" (exact)  -> "word";  "WORD" (TABARI: a stem) of five letters
 *                    or more -> "word+" (with its -s, -ed, -ing forms)
 *   "{ A | B }" -> "a|b";  "&SET" -> "&SET"
 *   [---] (null) and [###] (discard) -> "---", "###"; [a:b] -> a;
 *   codes outside CAMEO -> "=code" (kept as written).
 * What does not, each a warning: <TIME> shifts, "%" compound slots,
 * "+++" complex codes, multi-word alternatives and synset members.
 */
#include "verbs.h"

#include <stdio.h>
#include <string.h>

#define WORD_MAX 64u

typedef struct conv {
    tc_sb out;
    const char *name;
    tc_warn_fn warn;
    void *ctx;
    size_t *errors;
    uint64_t line, byte;
    bool (*known)(const char *code, void *kctx);
    void *kctx;
    char verb[WORD_MAX];      /* the current verb, lower case */
    char synset[WORD_MAX];    /* the synset being read, "" if none */
    tc_sb members;            /* its words so far, "a; b" */
    int section;              /* 0, 1 = SYNSETS, 2 = TIME, 3 = other */
    bool failed;
} conv;

static void warn_at(conv *c, const char *what, tc_sv line)
{
    char text[96];
    snprintf(text, sizeof text, "%.*s", (int)(line.n < 90 ? line.n : 90), line.p);
    (*c->errors)++;
    tc_warn_line(c->warn, c->ctx, c->name, c->line, c->byte, what, text);
}

static void put(conv *c, const char *s, size_t n)
{
    if (!c->failed && tc_sb_append(&c->out, s, n) != TC_OK)
        c->failed = true;
}

static void puts_(conv *c, const char *s)
{
    put(c, s, strlen(s));
}

/* A word in lower case without its underscores at either end; false when
 * it is empty or too long. */
static bool lower_word(tc_sv w, char *out, size_t cap)
{
    size_t i, k = 0;
    while (w.n && w.p[0] == '_') {
        w.p++;
        w.n--;
    }
    while (w.n && w.p[w.n - 1] == '_')
        w.n--;
    if (!w.n || w.n + 1 >= cap)
        return false;
    for (i = 0; i < w.n; i++) {
        char ch = w.p[i];
        out[k++] = (char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
    }
    out[k] = '\0';
    return true;
}

/* Our comment and syntax characters may not appear inside a word. */
static bool plain_word(const char *w)
{
    return !strpbrk(w, "#()|@$*~") && w[0] != '&' && w[0] != '=';
}

static void flush_synset(conv *c)
{
    if (c->synset[0] && c->members.n) {
        puts_(c, c->synset);
        puts_(c, " ");
        put(c, c->members.p, c->members.n);
    }
    c->synset[0] = '\0';
    tc_sb_clear(&c->members);
}

static void synset_member(conv *c, tc_sv line)
{
    char w[WORD_MAX];
    tc_sv m = tc_sv_trim(tc_sv_make(line.p + 1, line.n - 1));
    if (!c->synset[0]) {
        warn_at(c, "synset member outside a synset", line);
        return;
    }
    if (!lower_word(m, w, sizeof w) || strpbrk(w, " _\t'&") || !plain_word(w)) {
        warn_at(c, "multi-word or nested synset member not supported", line);
        return;
    }
    if ((c->members.n && tc_sb_append(&c->members, "; ", 2) != TC_OK) ||
        tc_sb_puts(&c->members, w) != TC_OK)
        c->failed = true;
}

/* The code inside "[...]" into `code` ("---", "###", "194", "=075A");
 * false with a warning when it cannot be used. */
static bool read_code(conv *c, tc_sv line, tc_sv *before, char *code,
                      size_t cap)
{
    const char *open = memchr(line.p, '[', line.n), *close;
    tc_sv inner;
    char raw[8];
    if (!open || !(close = memchr(open, ']', line.n - (size_t)(open - line.p)))) {
        warn_at(c, "no [code] in", line);
        return false;
    }
    *before = tc_sv_make(line.p, (size_t)(open - line.p));
    inner = tc_sv_trim(tc_sv_make(open + 1, (size_t)(close - open - 1)));
    {
        const char *colon = memchr(inner.p, ':', inner.n);
        if (colon) /* paired codes: the event's own code */
            inner = tc_sv_trim(tc_sv_make(inner.p, (size_t)(colon - inner.p)));
    }
    if (tc_sv_eq(inner, tc_sv_cstr("---")) || tc_sv_eq(inner, tc_sv_cstr("###"))) {
        snprintf(code, cap, "%.3s", inner.p);
        return true;
    }
    if (inner.n == 0 || inner.n > 4 || tc_sv_eq(inner, tc_sv_cstr("+++"))) {
        warn_at(c, "code not supported (complex, empty or longer than 4) in",
                line);
        return false;
    }
    snprintf(raw, sizeof raw, "%.*s", (int)inner.n, inner.p);
    if (strpbrk(raw, " #"))  {
        warn_at(c, "bad code in", line);
        return false;
    }
    snprintf(code, cap, "%s%s", c->known && !c->known(raw, c->kctx) ? "=" : "",
             raw);
    return true;
}

/* Appends one pattern token in our syntax; false (with a warning) when it
 * has no equivalent. */
static bool put_token(conv *c, tc_sv tok, tc_sv line, bool *verb_seen)
{
    char w[WORD_MAX];
    tc_sv bare = tok;
    while (bare.n > 1 && bare.p[bare.n - 1] == '_')
        bare.n--;
    if (bare.n == 1 && strchr("*+$", bare.p[0]))
        tok = bare;
    if (tc_sv_eq(tok, tc_sv_cstr("*"))) {
        puts_(c, " @");
        puts_(c, c->verb);
        *verb_seen = true;
        return true;
    }
    if (tc_sv_eq(tok, tc_sv_cstr("+"))) {
        puts_(c, " $T");
        return true;
    }
    if (tc_sv_eq(tok, tc_sv_cstr("$"))) {
        puts_(c, " $S");
        return true;
    }
    if (tok.n && tok.p[0] == '%') {
        warn_at(c, "compound slot % not supported in", line);
        return false;
    }
    if (tok.n > 1 && tok.p[0] == '&') {
        if (!lower_word(tok, w, sizeof w))
            return false;
        puts_(c, " ");
        put(c, tok.p, tok.n); /* synset names keep their case */
        return true;
    }
    if (!lower_word(tok, w, sizeof w) || !plain_word(w) || strchr(w, '+')) {
        warn_at(c, "word not supported in", line);
        return false;
    }
    puts_(c, " ");
    puts_(c, w);
    /* TABARI reads a word without a final '_' as a stem */
    if (tok.p[tok.n - 1] != '_' && strlen(w) >= 5 && w[strlen(w) - 1] != '\'')
        puts_(c, "+");
    return true;
}

/* "{ A | B_ }" -> " a|b"; multi-word alternatives are not supported. */
static bool put_group(conv *c, tc_sv grp, tc_sv line)
{
    bool first = true;
    puts_(c, " ");
    while (grp.n) {
        const char *bar = memchr(grp.p, '|', grp.n);
        size_t len = bar ? (size_t)(bar - grp.p) : grp.n;
        tc_sv alt = tc_sv_trim(tc_sv_make(grp.p, len));
        char w[WORD_MAX];
        if (alt.n && alt.p[0] == '&') {
            if (!first)
                puts_(c, "|");
            put(c, alt.p, alt.n);
        } else if (!lower_word(alt, w, sizeof w) || strpbrk(w, " _\t") ||
                   !plain_word(w)) {
            warn_at(c, "multi-word alternative not supported in", line);
            return false;
        } else {
            if (!first)
                puts_(c, "|");
            puts_(c, w);
        }
        first = false;
        grp.p += len + (bar ? 1 : 0);
        grp.n -= len + (bar ? 1 : 0);
    }
    return !first;
}

static void pattern(conv *c, tc_sv line)
{
    char code[16];
    tc_sv body;
    size_t mark = c->out.n, i = 0;
    bool verb_seen = false, ok = true;
    if (!c->verb[0]) {
        warn_at(c, "pattern before any verb", line);
        return;
    }
    if (!read_code(c, line, &body, code, sizeof code))
        return;
    body = tc_sv_trim(tc_sv_make(body.p + 1, body.n - 1)); /* the '-' */
    puts_(c, code);
    while (ok && i < body.n) {
        size_t j = i;
        char ch = body.p[i];
        if (ch == ' ' || ch == '\t' || ch == '_') {
            i++;
            continue;
        }
        if (ch == '{') {
            const char *end = memchr(body.p + i, '}', body.n - i);
            if (!end) {
                warn_at(c, "unclosed { in", line);
                ok = false;
                break;
            }
            ok = put_group(c, tc_sv_make(body.p + i + 1,
                                         (size_t)(end - body.p - i - 1)), line);
            i = (size_t)(end - body.p) + 1;
            continue;
        }
        while (j < body.n && body.p[j] != ' ' && body.p[j] != '\t' &&
               body.p[j] != '{' && (body.p[j] != '_' || j == i))
            j++;
        /* a word keeps one trailing '_' (exact match) */
        if (j < body.n && body.p[j] == '_')
            j++;
        ok = put_token(c, tc_sv_make(body.p + i, j - i), line, &verb_seen);
        i = j;
    }
    if (ok && !verb_seen) { /* no '*': the verb comes first */
        size_t n = c->out.n - mark - strlen(code);
        char rest[512];
        if (n < sizeof rest) {
            memcpy(rest, c->out.p + mark + strlen(code), n);
            c->out.n = mark + strlen(code);
            puts_(c, " @");
            puts_(c, c->verb);
            put(c, rest, n);
        }
    }
    if (!ok && !c->failed)
        c->out.n = mark; /* drop the half-written line */
}

/* "VERB [code]" or "VERB_ [code]" (exact: no stem, but the forms). */
static void verb_line(conv *c, tc_sv line)
{
    char code[16], w[WORD_MAX];
    tc_sv word;
    c->verb[0] = '\0';
    if (!read_code(c, line, &word, code, sizeof code))
        return;
    word = tc_sv_trim(word);
    if (!lower_word(word, w, sizeof w) || !plain_word(w)) {
        warn_at(c, "bad verb in", line);
        return;
    }
    {
        /* "CALL_OFF", "BURN DOWN": the verb, then its particle */
        char *us, *k;
        for (k = w; *k; k++)
            if (*k == ' ' || *k == '\t')
                *k = '_';
        us = strchr(w, '_');
        snprintf(c->verb, sizeof c->verb, "%.*s",
                 (int)(us ? (size_t)(us - w) : strlen(w)), w);
        puts_(c, code);
        puts_(c, " @");
        puts_(c, c->verb);
        if (!us) /* TABARI's target: the first actor after the verb */
            puts_(c, " $T");
        while (us) {
            char *next = strchr(us + 1, '_');
            size_t n = next ? (size_t)(next - us - 1) : strlen(us + 1);
            if (n) {
                puts_(c, " ");
                put(c, us + 1, n);
                if (us[1 + n] != '_' && n >= 5)
                    puts_(c, "+"); /* a stem, as TABARI reads it */
            }
            us = next;
        }
    }
}

/* "{ ACTING_ ACTED_ }": more forms of the verb above. */
static void forms_line(conv *c, tc_sv line)
{
    const char *end = memchr(line.p, '}', line.n);
    tc_sv body = tc_sv_make(line.p + 1, end ? (size_t)(end - line.p - 1)
                                            : line.n - 1);
    size_t i = 0, count = 0, mark = c->out.n;
    if (!c->verb[0]) {
        warn_at(c, "forms before any verb", line);
        return;
    }
    puts_(c, "~ ");
    puts_(c, c->verb);
    while (i < body.n) {
        size_t j;
        char w[WORD_MAX];
        while (i < body.n && (body.p[i] == ' ' || body.p[i] == '\t'))
            i++;
        j = i;
        while (j < body.n && body.p[j] != ' ' && body.p[j] != '\t')
            j++;
        if (j > i && lower_word(tc_sv_make(body.p + i, j - i), w, sizeof w) &&
            !strchr(w, '_') && plain_word(w)) {
            puts_(c, " ");
            puts_(c, w);
            count++;
        }
        i = j;
    }
    if (!count && !c->failed)
        c->out.n = mark;
}

static void one_line(conv *c, tc_sv raw)
{
    tc_sv line = raw;
    const char *semi;
    /* ';' starts a comment, except inside a [code] (none has one) */
    semi = memchr(line.p, ';', line.n);
    if (semi)
        line.n = (size_t)(semi - line.p);
    line = tc_sv_trim(line);
    if (!line.n || line.p[0] == '#' || line.p[0] == '/')
        return;
    if (line.p[0] == '<') {
        bool closing = line.n > 1 && line.p[1] == '/';
        if (c->section == 1)
            flush_synset(c);
        if (closing)
            c->section = 0;
        else if (tc_sv_starts_nocase(line, tc_sv_cstr("<SYNSETS>")))
            c->section = 1;
        else if (tc_sv_starts_nocase(line, tc_sv_cstr("<TIME>"))) {
            c->section = 2;
            warn_at(c, "time shifts not supported:", line);
        } else
            c->section = 3;
        return;
    }
    if (line.p[0] == '~') /* "~~FINISH" */
        return;
    if (c->section == 1) {
        if (line.p[0] == '&') {
            char w[WORD_MAX];
            flush_synset(c);
            if (line.n < WORD_MAX && lower_word(line, w, sizeof w))
                snprintf(c->synset, sizeof c->synset, "%.*s", (int)line.n,
                         line.p);
            else
                warn_at(c, "bad synset name", line);
        } else if (line.p[0] == '+') {
            synset_member(c, line);
        } else {
            warn_at(c, "not a synset line", line);
        }
        return;
    }
    if (c->section != 0)
        return;
    if (line.p[0] == '-')
        pattern(c, line);
    else if (line.p[0] == '{')
        forms_line(c, line);
    else if (line.p[0] == '&' || line.p[0] == '+')
        warn_at(c, "synset outside <SYNSETS>", line);
    else
        verb_line(c, line);
}

char *tc_verbs_convert_tabari(const tc_allocator *alloc, const char *name,
                              const char *text, size_t n,
                              bool (*known)(const char *code, void *kctx),
                              void *kctx, tc_warn_fn warn, void *ctx,
                              size_t *errors, size_t *out_len)
{
    conv c;
    size_t i = 0, dummy = 0;
    memset(&c, 0, sizeof c);
    if (!alloc)
        alloc = tc_default_allocator();
    c.name = name;
    c.warn = warn;
    c.ctx = ctx;
    c.errors = errors ? errors : &dummy;
    c.known = known;
    c.kctx = kctx;
    tc_sb_init(&c.out, alloc, 4 * n + 4096);
    tc_sb_init(&c.members, alloc, 1u << 20);
    while (i < n && !c.failed) {
        const char *nl = memchr(text + i, '\n', n - i);
        size_t e = nl ? (size_t)(nl - text) : n;
        c.line++;
        c.byte = i;
        one_line(&c, tc_sv_make(text + i, e - i));
        puts_(&c, "\n");
        i = e + 1;
    }
    flush_synset(&c);
    puts_(&c, "\n");
    tc_sb_free(&c.members);
    if (c.failed) {
        tc_sb_free(&c.out);
        return NULL;
    }
    *out_len = c.out.n;
    return c.out.p;
}

bool tc_verbs_is_petrarch(const char *text, size_t n, uint64_t *line,
                          uint64_t *byte)
{
    size_t i = 0;
    uint64_t ln = 0;
    while (i < n) {
        const char *nl = memchr(text + i, '\n', n - i);
        size_t e = nl ? (size_t)(nl - text) : n;
        tc_sv v = tc_sv_trim(tc_sv_make(text + i, e - i));
        ln++;
        /* "--- ABANDON  [345]  ---": a PETRARCH-2 verb block */
        if (v.n > 8 && memcmp(v.p, "--- ", 4) == 0 &&
            memcmp(v.p + v.n - 4, " ---", 4) == 0 && memchr(v.p, '[', v.n)) {
            if (line)
                *line = ln;
            if (byte)
                *byte = (uint64_t)(v.p - text);
            return true;
        }
        i = e + 1;
    }
    return false;
}

bool tc_verbs_is_tabari(const char *text, size_t n)
{
    size_t i = 0;
    while (i < n) {
        const char *nl = memchr(text + i, '\n', n - i);
        size_t e = nl ? (size_t)(nl - text) : n;
        tc_sv line = tc_sv_trim(tc_sv_make(text + i, e - i));
        if (tc_sv_starts_nocase(line, tc_sv_cstr("<SYNSETS>")) ||
            (line.n > 2 && line.p[0] == '-' && line.p[1] == ' ' &&
             memchr(line.p, '[', line.n)))
            return true;
        i = e + 1;
    }
    return false;
}
