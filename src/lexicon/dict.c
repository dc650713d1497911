/*
 * dict.c - loading dictionary files: our own format (docs/FORMATS.md,
 * "Actor dictionaries"), and the dispatch to the TABARI and PETRARCH
 * readers (peer.c).  A bad line is reported with its file, line and byte
 * and skipped; the rest of the file loads.
 */
#include "lexicon.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_DICT_BYTES (256u * 1024u * 1024u)

/* ---- Dates ------------------------------------------------------------ */

tc_status tc_day_parse(const char *s, size_t n, bool end, tc_day *out)
{
    int y, m = 0, d = 0;
    if (n == 4 && tc_digits(s, 4)) {
        y = tc_number(s, 4);
    } else if (n == 7 && s[4] == '-' && tc_digits(s, 4) &&
               tc_digits(s + 5, 2)) {
        y = tc_number(s, 4);
        m = tc_number(s + 5, 2);
    } else if (n == 10 && s[4] == '-' && s[7] == '-' && tc_digits(s, 4) &&
               tc_digits(s + 5, 2) && tc_digits(s + 8, 2)) {
        y = tc_number(s, 4);
        m = tc_number(s + 5, 2);
        d = tc_number(s + 8, 2);
    } else if (n == 6 && tc_digits(s, 6)) { /* TABARI's YYMMDD */
        y = tc_number(s, 2);
        y += y < 50 ? 2000 : 1900;
        m = tc_number(s + 2, 2);
        d = tc_number(s + 4, 2);
    } else {
        return TC_ERR_INPUT;
    }
    if (m == 0)
        m = end ? 12 : 1;
    if (m < 1 || m > 12)
        return TC_ERR_INPUT;
    if (d == 0)
        d = end ? tc_month_days(y, m) : 1;
    if (d < 1 || d > tc_month_days(y, m))
        return TC_ERR_INPUT;
    *out = y * 10000 + m * 100 + d;
    return TC_OK;
}

/* ---- Our format ------------------------------------------------------- */

typedef struct loader {
    tc_lexicon *lx;
    const char *path;
    tc_warn_fn warn;
    void *warn_ctx;
    size_t *errors;
    uint64_t line, byte;   /* of the current line */
    bool in_entry;
    uint32_t entry;
} loader;

static void bad_line(loader *ld, const char *what, const char *detail)
{
    (*ld->errors)++;
    tc_warn_line(ld->warn, ld->warn_ctx, ld->path, ld->line, ld->byte, what,
                 detail);
}

/* The line without its comment ('#' at the start or after white space). */
static tc_sv strip_comment(tc_sv v)
{
    size_t i;
    for (i = 0; i < v.n; i++)
        if (v.p[i] == '#' && (i == 0 || v.p[i - 1] == ' ' || v.p[i - 1] == '\t'))
            return tc_sv_trim(tc_sv_make(v.p, i));
    return tc_sv_trim(v);
}

static tc_status parse_range(tc_sv r, tc_day *from, tc_day *to)
{
    const char *dots = NULL;
    size_t i;
    for (i = 0; i + 1 < r.n; i++)
        if (r.p[i] == '.' && r.p[i + 1] == '.')
            dots = r.p + i;
    *from = *to = 0;
    if (!dots)
        return TC_ERR_INPUT;
    if (dots > r.p && tc_day_parse(r.p, (size_t)(dots - r.p), false, from))
        return TC_ERR_INPUT;
    if (dots + 2 < r.p + r.n &&
        tc_day_parse(dots + 2, (size_t)(r.p + r.n - dots - 2), true, to))
        return TC_ERR_INPUT;
    return (*from && *to && *from > *to) ? TC_ERR_INPUT : TC_OK;
}

static bool valid_code(tc_sv c)
{
    size_t i;
    if (c.n < 3 || c.n > 15)
        return false;
    for (i = 0; i < c.n; i++)
        if (!((c.p[i] >= 'A' && c.p[i] <= 'Z') || (c.p[i] >= '0' && c.p[i] <= '9')))
            return false;
    return true;
}

/* "CODE [FROM..TO] [| role; role]" */
static void field_code(loader *ld, tc_sv v)
{
    const char *bar = memchr(v.p, '|', v.n);
    tc_sv head = tc_sv_trim(tc_sv_make(v.p, bar ? (size_t)(bar - v.p) : v.n));
    tc_sv roles = bar ? tc_sv_trim(tc_sv_make(bar + 1, v.n - (size_t)(bar - v.p) - 1))
                      : tc_sv_make("", 0);
    const char *sp = memchr(head.p, ' ', head.n);
    tc_sv code = tc_sv_make(head.p, sp ? (size_t)(sp - head.p) : head.n);
    tc_day from = 0, to = 0;
    if (!valid_code(code)) {
        bad_line(ld, "bad code", head.p);
        return;
    }
    if (sp && parse_range(tc_sv_trim(tc_sv_make(sp, head.n - (size_t)(sp - head.p))),
                          &from, &to) != TC_OK) {
        bad_line(ld, "bad date range in", head.p);
        return;
    }
    if (tc_lexicon_add_code(ld->lx, ld->entry, code.p, code.n, from, to,
                            roles.p, roles.n) != TC_OK)
        bad_line(ld, "cannot add code", code.p);
}

static void field_names(loader *ld, tc_sv v)
{
    while (v.n) {
        const char *semi = memchr(v.p, ';', v.n);
        size_t len = semi ? (size_t)(semi - v.p) : v.n;
        tc_sv name = tc_sv_trim(tc_sv_make(v.p, len));
        if (name.n && tc_lexicon_add_name(ld->lx, ld->entry, name.p, name.n) != TC_OK)
            bad_line(ld, "bad name", name.p);
        v.p += len + (semi ? 1 : 0);
        v.n -= len + (semi ? 1 : 0);
    }
}

static void entry_line(loader *ld, tc_sv v, const char *colon)
{
    int type = tc_actor_type_parse(v.p, (size_t)(colon - v.p));
    tc_sv name = tc_sv_trim(tc_sv_make(colon + 1, v.n - (size_t)(colon - v.p) - 1));
    ld->in_entry = false;
    if (type < 0 || name.n == 0) {
        bad_line(ld, "not an entry:", v.p);
        return;
    }
    if (tc_lexicon_add_entry(ld->lx, (tc_actor_type)type, name.p, name.n,
                             &ld->entry) != TC_OK) {
        bad_line(ld, "cannot add entry", name.p);
        return;
    }
    ld->in_entry = true;
}

static void field_line(loader *ld, tc_sv v, const char *colon)
{
    tc_sv key = tc_sv_make(v.p, (size_t)(colon - v.p));
    tc_sv val = tc_sv_trim(tc_sv_make(colon + 1, v.n - key.n - 1));
    if (!ld->in_entry) {
        bad_line(ld, "field outside an entry:", v.p);
        return;
    }
    if (tc_sv_eq(key, tc_sv_cstr("names")))
        field_names(ld, val);
    else if (tc_sv_eq(key, tc_sv_cstr("code")))
        field_code(ld, val);
    else if (tc_sv_eq(key, tc_sv_cstr("country")))
        tc_lexicon_set_country(ld->lx, ld->entry, val.p, val.n);
    else if (tc_sv_eq(key, tc_sv_cstr("veto")))
        tc_lexicon_set_veto(ld->lx, ld->entry, val.p, val.n);
    else if (tc_sv_eq(key, tc_sv_cstr("affiliation")))
        tc_lexicon_set_affiliation(ld->lx, ld->entry, val.p, val.n);
    else if (!tc_sv_eq(key, tc_sv_cstr("note")))
        bad_line(ld, "unknown field", key.p);
}

static void load_line(loader *ld, tc_sv raw)
{
    bool indented = raw.n && (raw.p[0] == ' ' || raw.p[0] == '\t');
    tc_sv v = strip_comment(raw);
    const char *colon;
    if (v.n == 0)
        return;
    colon = memchr(v.p, ':', v.n);
    if (!colon) {
        bad_line(ld, "no ':' in", v.p);
        return;
    }
    if (indented)
        field_line(ld, v, colon);
    else
        entry_line(ld, v, colon);
}

static void load_tacitus(tc_lexicon *lx, const char *path, const char *text,
                         size_t n, tc_warn_fn warn, void *ctx, size_t *errors)
{
    loader ld;
    size_t i = 0;
    memset(&ld, 0, sizeof ld);
    ld.lx = lx;
    ld.path = path;
    ld.warn = warn;
    ld.warn_ctx = ctx;
    ld.errors = errors;
    while (i < n) {
        const char *nl = memchr(text + i, '\n', n - i);
        size_t e = nl ? (size_t)(nl - text) : n;
        ld.line++;
        ld.byte = i;
        load_line(&ld, tc_sv_make(text + i, e - i));
        i = e + 1;
    }
}

/* ---- Files and formats ------------------------------------------------ */

static bool starts_entry(tc_sv line)
{
    const char *colon = memchr(line.p, ':', line.n);
    return colon && line.n && line.p[0] != ' ' &&
           tc_actor_type_parse(line.p, (size_t)(colon - line.p)) >= 0;
}

/* Our format opens (after comments) with "TYPE: Name"; PETRARCH files use
 * XML-style comments, '+' synonyms or '!X!' macros; the rest is TABARI. */
static tc_dict_format sniff(const char *text, size_t n)
{
    size_t i = 0;
    while (i < n) {
        const char *nl = memchr(text + i, '\n', n - i);
        size_t e = nl ? (size_t)(nl - text) : n;
        tc_sv raw = tc_sv_make(text + i, e - i);
        tc_sv v = tc_sv_trim(raw);
        i = e + 1;
        if (v.n == 0 || v.p[0] == '#')
            continue;
        if (starts_entry(raw))
            return TC_DICT_TACITUS;
        if (tc_sv_starts_nocase(v, tc_sv_cstr("<!--")) || v.p[0] == '+' ||
            v.p[0] == '!')
            return TC_DICT_PETRARCH;
        return TC_DICT_TABARI;
    }
    return TC_DICT_TACITUS;
}

/* An agents file codes role nouns: most of its codes carry a '~'. */
static bool looks_like_agents(const char *path, const char *text, size_t n)
{
    size_t i, brackets = 0, tildes = 0;
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    if (strstr(base, "agent") || strstr(base, "AGENT") || strstr(base, "Agent"))
        return true;
    for (i = 0; i < n; i++) {
        if (text[i] == '[')
            brackets++;
        else if (text[i] == '~')
            tildes++;
    }
    return brackets > 0 && tildes * 2 > brackets;
}

tc_status tc_lexicon_load(tc_lexicon *lx, const char *path, tc_dict_format fmt,
                          tc_warn_fn warn, void *warn_ctx, size_t *errors)
{
    char *text = NULL;
    size_t n = 0;
    tc_status st = tc_read_file(tc_lexicon_allocator(lx), path, MAX_DICT_BYTES,
                                &text, &n);
    if (st != TC_OK)
        return st;
    st = tc_lexicon_load_text(lx, path, text, n, fmt, warn, warn_ctx, errors);
    tc_free(tc_lexicon_allocator(lx), text);
    return st;
}

tc_status tc_lexicon_load_text(tc_lexicon *lx, const char *path,
                               const char *text, size_t n, tc_dict_format fmt,
                               tc_warn_fn warn, void *warn_ctx, size_t *errors)
{
    size_t dummy = 0;
    tc_status st = TC_OK;
    if (!errors)
        errors = &dummy;
    if (fmt == TC_DICT_AUTO)
        fmt = sniff(text, n);
    if (fmt == TC_DICT_TABARI)
        st = tc_lexicon_load_tabari(lx, path, text, n,
                                    looks_like_agents(path, text, n), warn,
                                    warn_ctx, errors);
    else if (fmt == TC_DICT_PETRARCH)
        st = tc_lexicon_load_petrarch(lx, path, text, n,
                                      looks_like_agents(path, text, n), warn,
                                      warn_ctx, errors);
    else
        load_tacitus(lx, path, text, n, warn, warn_ctx, errors);
    return st;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

tc_status tc_lexicon_load_dir(tc_lexicon *lx, const char *dir, tc_warn_fn warn,
                              void *warn_ctx, size_t *errors)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    char *names[512];
    size_t count = 0, i;
    tc_status st = TC_OK;
    if (!d)
        return TC_ERR_IO;
    while ((e = readdir(d)) != NULL && count < 512) {
        size_t len = strlen(e->d_name);
        if (e->d_name[0] == '.' || len < 5 ||
            strcmp(e->d_name + len - 4, ".txt") != 0)
            continue;
        names[count] = tc_strndup(tc_lexicon_allocator(lx), e->d_name, len);
        if (names[count])
            count++;
    }
    closedir(d);
    qsort(names, count, sizeof *names, cmp_str);
    for (i = 0; i < count; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        if (st == TC_OK)
            st = tc_lexicon_load(lx, path, TC_DICT_TACITUS, warn, warn_ctx,
                                 errors);
        tc_free(tc_lexicon_allocator(lx), names[i]);
    }
    return st;
}
