/*
 * verbs.c - the CAMEO code table and the event patterns.
 *
 * Strings are interned in a tc_lexicon used as a string table.  Every verb
 * lemma gets its forms (regular by rule, irregular from irregular.txt),
 * every event noun its plural; a sorted (form -> head, kinds) index answers
 * "what verb is this token a form of" with one hash lookup and a binary
 * search.  Patterns are sorted by head, most specific first.
 */
#include "verbs.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define KEY_BUF 128u
#define MAX_CODES 400u
#define MAX_ELEMS 24u

typedef struct form_rec {
    uint32_t form, head;
    unsigned kinds;
} form_rec;

/* A pattern whose first element is a required word: indexed by (head,
 * word) so that only patterns whose first word follows the head are
 * tried.  word 0 marks a pattern without such a first word. */
typedef struct gate_rec {
    uint32_t head, word, pattern;
} gate_rec;

typedef struct irregular {
    uint32_t lemma, past, part, s, ing; /* 0 = regular */
} irregular;

struct tc_verbs {
    const tc_allocator *alloc;
    tc_lexicon *strings;
    tc_code_info codes[MAX_CODES];
    size_t ncodes;
    tc_vec irregulars;   /* irregular */
    tc_vec forms;        /* form_rec */
    tc_vec patterns;     /* tc_pattern */
    tc_vec elems;        /* tc_pat_elem */
    tc_vec words;        /* uint32 string ids */
    tc_vec classes;      /* form_rec: form = word, kinds = class bits */
    tc_vec synsets;      /* form_rec: form = name, head = first, kinds = count */
    tc_vec gates;        /* gate_rec, sorted: (head, word) -> pattern */
    tc_vec synwords;     /* uint32 string ids of the synsets' words */
    bool frozen;
};

typedef struct vloader {
    tc_verbs *v;
    const char *name;
    tc_warn_fn warn;
    void *ctx;
    size_t *errors;
    uint64_t line, byte;
} vloader;

static void bad(vloader *ld, const char *what, const char *text)
{
    (*ld->errors)++;
    tc_warn_line(ld->warn, ld->ctx, ld->name, ld->line, ld->byte, what, text);
}

tc_verbs *tc_verbs_new(const tc_allocator *alloc)
{
    const tc_allocator *a = alloc ? alloc : tc_default_allocator();
    tc_verbs *v = tc_malloc(a, sizeof *v);
    if (!v)
        return NULL;
    memset(v, 0, sizeof *v);
    v->alloc = a;
    v->strings = tc_lexicon_new(a);
    if (!v->strings) {
        tc_free(a, v);
        return NULL;
    }
    tc_vec_init(&v->irregulars, a, sizeof(irregular), 0);
    tc_vec_init(&v->forms, a, sizeof(form_rec), 0);
    tc_vec_init(&v->patterns, a, sizeof(tc_pattern), 0);
    tc_vec_init(&v->elems, a, sizeof(tc_pat_elem), 0);
    tc_vec_init(&v->words, a, sizeof(uint32_t), 0);
    tc_vec_init(&v->classes, a, sizeof(form_rec), 0);
    tc_vec_init(&v->synsets, a, sizeof(form_rec), 0);
    tc_vec_init(&v->gates, a, sizeof(gate_rec), 0);
    tc_vec_init(&v->synwords, a, sizeof(uint32_t), 0);
    return v;
}

void tc_verbs_free(tc_verbs *v)
{
    if (!v)
        return;
    tc_lexicon_free(v->strings);
    tc_vec_free(&v->irregulars);
    tc_vec_free(&v->forms);
    tc_vec_free(&v->patterns);
    tc_vec_free(&v->elems);
    tc_vec_free(&v->words);
    tc_vec_free(&v->classes);
    tc_vec_free(&v->synsets);
    tc_vec_free(&v->gates);
    tc_vec_free(&v->synwords);
    tc_free(v->alloc, v);
}

const char *tc_verbs_str(const tc_verbs *v, uint32_t id)
{
    return tc_lexicon_str(v->strings, id);
}

/* A word's key (lower case, no diacritics) interned. */
static uint32_t intern_key(tc_verbs *v, const char *s, size_t n)
{
    char key[KEY_BUF];
    size_t kn = tc_key_make(s, n, key, sizeof key);
    return kn ? tc_lexicon_intern(v->strings, key, kn) : 0;
}

/* ---- Lines ------------------------------------------------------------ */

typedef void (*line_fn)(vloader *ld, tc_sv line);

static void each_line(vloader *ld, const char *text, size_t n, line_fn fn)
{
    size_t i = 0;
    while (i < n) {
        const char *nl = memchr(text + i, '\n', n - i);
        size_t e = nl ? (size_t)(nl - text) : n;
        tc_sv line = tc_sv_make(text + i, e - i);
        /* "### pattern" (discard) is a code, not a comment */
        size_t skip = line.n > 3 && memcmp(line.p, "###", 3) == 0 ? 3 : 0;
        const char *hash = memchr(line.p + skip, '#', line.n - skip);
        ld->line++;
        ld->byte = i;
        if (hash)
            line.n = (size_t)(hash - line.p);
        line = tc_sv_trim(line);
        if (line.n)
            fn(ld, line);
        i = e + 1;
    }
}

/* Splits at runs of white space into at most `max` fields. */
static size_t fields(tc_sv line, tc_sv *out, size_t max)
{
    size_t count = 0, i = 0;
    while (i < line.n && count < max) {
        size_t j;
        while (i < line.n && (line.p[i] == ' ' || line.p[i] == '\t'))
            i++;
        j = i;
        while (j < line.n && line.p[j] != ' ' && line.p[j] != '\t')
            j++;
        if (j > i)
            out[count++] = tc_sv_make(line.p + i, j - i);
        i = j;
    }
    return count;
}

/* Splits at each tab (empty fields kept) into at most `max` fields. */
static size_t tab_fields(tc_sv line, tc_sv *out, size_t max)
{
    size_t count = 0, i = 0;
    while (count < max) {
        const char *tab = memchr(line.p + i, '\t', line.n - i);
        size_t j = tab ? (size_t)(tab - line.p) : line.n;
        out[count++] = tc_sv_make(line.p + i, j - i);
        if (!tab)
            break;
        i = j + 1;
    }
    return count;
}

/* ---- The code table --------------------------------------------------- */

static void code_line(vloader *ld, tc_sv line)
{
    tc_verbs *v = ld->v;
    tc_sv f[8];
    tc_code_info *c;
    size_t n = tab_fields(line, f, 8);
    if (n >= 1 && tc_sv_eq(f[0], tc_sv_cstr("code")))
        return; /* the header */
    if (n < 5 || f[0].n < 2 || f[0].n > 4 || v->ncodes == MAX_CODES) {
        bad(ld, "bad code table line", line.p);
        return;
    }
    c = &v->codes[v->ncodes++];
    memset(c, 0, sizeof *c);
    snprintf(c->code, sizeof c->code, "%.*s", (int)f[0].n, f[0].p);
    snprintf(c->root, sizeof c->root, "%.2s", f[0].p);
    c->goldstein = strtof(f[3].p, NULL);
    c->quad = (uint8_t)(f[4].n ? f[4].p[0] - '0' : 0);
    if (n > 5)
        snprintf(c->plover, sizeof c->plover, "%.*s", (int)f[5].n, f[5].p);
    if (n > 6)
        snprintf(c->plover_mode, sizeof c->plover_mode, "%.*s", (int)f[6].n,
                 f[6].p);
}

static tc_status load_path(tc_verbs *v, const char *path, line_fn fn,
                           tc_warn_fn warn, void *ctx, size_t *errors)
{
    char *text;
    size_t n, dummy = 0;
    vloader ld = {v, path, warn, ctx, errors ? errors : &dummy, 0, 0};
    tc_status st = tc_read_file(v->alloc, path, 64u * 1024u * 1024u, &text, &n);
    if (st != TC_OK)
        return st;
    each_line(&ld, text, n, fn);
    tc_free(v->alloc, text);
    return TC_OK;
}

static bool in_table(const char *code, void *kctx)
{
    return tc_verbs_find_code(kctx, code) != NULL;
}

tc_status tc_verbs_load_file(tc_verbs *v, const char *path, tc_warn_fn warn,
                             void *ctx, size_t *errors)
{
    char *text;
    size_t n;
    tc_status st = tc_read_file(v->alloc, path, 64u * 1024u * 1024u, &text, &n);
    if (st != TC_OK)
        return st;
    {
        uint64_t line, byte;
        if (tc_verbs_is_petrarch(text, n, &line, &byte)) {
            tc_warn_line(warn, ctx, path, line, byte, TC_PETRARCH_VERBS_MSG,
                         text + byte);
            if (errors)
                (*errors)++;
            tc_free(v->alloc, text);
            return TC_OK;
        }
    }
    if (tc_verbs_is_tabari(text, n)) {
        tc_free(v->alloc, text);
        return tc_verbs_load_tabari(v, path, warn, ctx, errors);
    }
    st = tc_verbs_load_text(v, path, text, n, warn, ctx, errors);
    tc_free(v->alloc, text);
    return st;
}

tc_status tc_verbs_load_tabari(tc_verbs *v, const char *path, tc_warn_fn warn,
                               void *ctx, size_t *errors)
{
    char *text, *ours;
    size_t n, on = 0;
    tc_status st = tc_read_file(v->alloc, path, 64u * 1024u * 1024u, &text, &n);
    if (st != TC_OK)
        return st;
    ours = tc_verbs_convert_tabari(v->alloc, path, text, n, in_table, v, warn,
                                   ctx, errors, &on);
    tc_free(v->alloc, text);
    if (!ours)
        return TC_ERR_NOMEM;
    st = tc_verbs_load_text(v, path, ours, on, warn, ctx, errors);
    tc_free(v->alloc, ours);
    return st;
}

tc_status tc_verbs_load_codes(tc_verbs *v, const char *path, tc_warn_fn warn,
                              void *ctx, size_t *errors)
{
    return load_path(v, path, code_line, warn, ctx, errors);
}

const tc_code_info *tc_verbs_find_code(const tc_verbs *v, const char *code)
{
    size_t i;
    for (i = 0; i < v->ncodes; i++)
        if (strcmp(v->codes[i].code, code) == 0)
            return &v->codes[i];
    return NULL;
}

const tc_code_info *tc_verbs_code(const tc_verbs *v, uint16_t i)
{
    return i < v->ncodes ? &v->codes[i] : NULL;
}

size_t tc_verbs_code_count(const tc_verbs *v)
{
    return v->ncodes;
}

/* ---- Irregular verbs -------------------------------------------------- */

static void irregular_line(vloader *ld, tc_sv line)
{
    tc_sv f[6];
    irregular *r;
    tc_status st;
    size_t n = fields(line, f, 6), i;
    uint32_t ids[5] = {0, 0, 0, 0, 0};
    if (n < 3 || n > 5) {
        bad(ld, "want: lemma past participle [third-person] [-ing]", line.p);
        return;
    }
    for (i = 0; i < n; i++)
        ids[i] = intern_key(ld->v, f[i].p, f[i].n);
    r = tc_vec_push(&ld->v->irregulars, &st);
    if (!r)
        return;
    r->lemma = ids[0];
    r->past = ids[1];
    r->part = ids[2];
    r->s = ids[3];
    r->ing = ids[4];
}

/* ---- Patterns --------------------------------------------------------- */

static tc_status push_word(tc_verbs *v, uint32_t id)
{
    tc_status st;
    uint32_t *w = tc_vec_push(&v->words, &st);
    if (w)
        *w = id;
    return w ? TC_OK : st;
}

/* The synset named `name` ("&WEAPONS"), or NULL. */
static const form_rec *find_synset(const tc_verbs *v, tc_sv name)
{
    size_t i;
    uint32_t id = tc_lexicon_find(v->strings, name.p, name.n);
    for (i = 0; id && i < v->synsets.n; i++) {
        const form_rec *r = tc_vec_at(&v->synsets, i);
        if (r->form == id)
            return r;
    }
    return NULL;
}

static size_t regular(const char *w, const char *what, char *out, size_t cap);
static tc_status add_form(tc_verbs *v, uint32_t form, uint32_t head,
                          unsigned kinds);

/* A word and its regular forms (-s, -ed, -ing), for "word+". */
static bool push_with_forms(tc_verbs *v, tc_sv w, tc_pat_elem *e)
{
    static const char *const what[] = {"s", "ed", "ing"};
    char key[KEY_BUF], form[KEY_BUF];
    size_t kn = tc_key_make(w.p, w.n, key, sizeof key), k;
    if (!kn || kn + 1 >= sizeof key)
        return false;
    key[kn] = '\0';
    if (push_word(v, tc_lexicon_intern(v->strings, key, kn)) != TC_OK)
        return false;
    e->count++;
    for (k = 0; k < 3; k++) {
        size_t fn = regular(key, what[k], form, sizeof form);
        if (!fn)
            continue;
        if (push_word(v, tc_lexicon_intern(v->strings, form, fn)) != TC_OK)
            return false;
        e->count++;
    }
    return true;
}

/* Pushes the words of one alternative: a word, or a synset's words. */
static bool push_alternative(vloader *ld, tc_sv alt, tc_pat_elem *e)
{
    tc_verbs *v = ld->v;
    uint32_t id, k;
    if (alt.n > 1 && alt.p[0] == '&') {
        const form_rec *set = find_synset(v, alt);
        if (!set)
            return false;
        for (k = 0; k < set->kinds; k++) {
            id = *(const uint32_t *)tc_vec_at(&v->synwords, set->head + k);
            if (push_word(v, id) != TC_OK)
                return false;
            e->count++;
        }
        return true;
    }
    if (alt.n > 1 && alt.p[alt.n - 1] == '+') /* "resolution+" */
        return push_with_forms(v, tc_sv_make(alt.p, alt.n - 1), e);
    id = alt.n && alt.p[0] != '$' ? intern_key(v, alt.p, alt.n) : 0;
    if (!id || push_word(v, id) != TC_OK)
        return false;
    e->count++;
    return true;
}

/* "&NAME word; word; ...": a synonym set for patterns that follow. */
static void synset_line(vloader *ld, tc_sv line)
{
    tc_verbs *v = ld->v;
    const char *sp = line.p;
    tc_sv name, rest;
    form_rec *r;
    tc_status st;
    while (sp < line.p + line.n && *sp != ' ' && *sp != '\t')
        sp++;
    name = tc_sv_make(line.p, (size_t)(sp - line.p));
    rest = tc_sv_trim(tc_sv_make(sp, line.n - name.n));
    r = name.n > 1 && rest.n ? tc_vec_push(&v->synsets, &st) : NULL;
    if (!r) {
        bad(ld, "want: &NAME word; word in", line.p);
        return;
    }
    r->form = tc_lexicon_intern(v->strings, name.p, name.n);
    r->head = (uint32_t)v->synwords.n;
    r->kinds = 0;
    while (rest.n) {
        const char *semi = memchr(rest.p, ';', rest.n);
        size_t len = semi ? (size_t)(semi - rest.p) : rest.n;
        tc_sv w = tc_sv_trim(tc_sv_make(rest.p, len));
        uint32_t id = w.n ? intern_key(v, w.p, w.n) : 0;
        uint32_t *slot = id ? tc_vec_push(&v->synwords, &st) : NULL;
        if (slot) {
            *slot = id;
            r->kinds++;
        }
        rest.p += len + (semi ? 1 : 0);
        rest.n -= len + (semi ? 1 : 0);
    }
}

/* One element: "$T", "*", "(a|b)", "a|b|&SET", "word". */
static bool parse_elem(vloader *ld, tc_sv tok, tc_pattern *p, tc_pat_elem *e)
{
    tc_verbs *v = ld->v;
    memset(e, 0, sizeof *e);
    if (tc_sv_eq(tok, tc_sv_cstr("$T"))) {
        e->kind = TC_PE_TARGET;
        p->targets++;
        return true;
    }
    if (tc_sv_eq(tok, tc_sv_cstr("$S"))) {
        e->kind = TC_PE_SOURCE;
        p->has_source = 1;
        return true;
    }
    if (tc_sv_eq(tok, tc_sv_cstr("*"))) {
        e->kind = TC_PE_SKIP;
        return true;
    }
    if (tok.n > 2 && tok.p[0] == '(' && tok.p[tok.n - 1] == ')') {
        e->optional = 1;
        tok = tc_sv_make(tok.p + 1, tok.n - 2);
    }
    e->kind = TC_PE_WORDS;
    e->first = (uint32_t)v->words.n;
    while (tok.n) {
        const char *bar = memchr(tok.p, '|', tok.n);
        size_t len = bar ? (size_t)(bar - tok.p) : tok.n;
        if (!push_alternative(ld, tc_sv_make(tok.p, len), e))
            return false;
        tok.p += len + (bar ? 1 : 0);
        tok.n -= len + (bar ? 1 : 0);
    }
    if (!e->optional)
        p->literals++;
    return e->count > 0;
}

static bool parse_head(vloader *ld, tc_sv tok, tc_pattern *p)
{
    if (tok.n > 2 && tok.p[0] == 'n' && tok.p[1] == ':') {
        p->nominal = 1;
        tok = tc_sv_make(tok.p + 2, tok.n - 2);
    }
    p->head = tok.n && tok.p[0] != '$' ? intern_key(ld->v, tok.p, tok.n) : 0;
    return p->head != 0;
}

/* The index of the head among the tokens: the one written "@head", else
 * the first. */
static size_t head_index(const tc_sv *tok, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++)
        if (tok[i].n > 1 && tok[i].p[0] == '@')
            return i;
    return 0;
}

static bool push_elem(vloader *ld, tc_pattern *p, tc_sv *tok, size_t n,
                      size_t *i)
{
    tc_pat_elem e, *slot;
    tc_status st;
    if (tc_sv_eq_nocase(tok[*i], tc_sv_cstr("each")) && *i + 1 < n &&
        tc_sv_eq_nocase(tok[*i + 1], tc_sv_cstr("other"))) {
        memset(&e, 0, sizeof e);
        e.kind = TC_PE_EACH_OTHER;
        p->reciprocal = 1;
        p->literals++;
        (*i)++;
    } else if (!parse_elem(ld, tok[*i], p, &e)) {
        return false;
    }
    slot = tc_vec_push(&ld->v->elems, &st);
    if (!slot)
        return false;
    *slot = e;
    p->elem_count++;
    return true;
}

static bool parse_pattern(vloader *ld, tc_pattern *p, tc_sv *tok, size_t n)
{
    size_t i, h = head_index(tok, n);
    tc_sv head = tok[h];
    if (head.p[0] == '@')
        head = tc_sv_make(head.p + 1, head.n - 1);
    if (!parse_head(ld, head, p))
        return false;
    p->first_elem = (uint32_t)ld->v->elems.n;
    for (i = 0; i < h; i++)
        if (!push_elem(ld, p, tok, h, &i))
            return false;
    p->pre = (uint8_t)p->elem_count;
    for (i = h + 1; i < n; i++)
        if (!push_elem(ld, p, tok, n, &i))
            return false;
    return true;
}

/* A code outside CAMEO ("=075A" in a converted TABARI file): kept as
 * written, with the Goldstein value and QuadClass of its root when the
 * first two characters name one. */
static const tc_code_info *custom_code(tc_verbs *v, const char *code)
{
    const tc_code_info *found = tc_verbs_find_code(v, code), *root;
    char r[3];
    tc_code_info *c;
    if (found)
        return found;
    if (v->ncodes == MAX_CODES)
        return NULL;
    snprintf(r, sizeof r, "%.2s", code);
    root = tc_verbs_find_code(v, r);
    c = &v->codes[v->ncodes++];
    memset(c, 0, sizeof *c);
    snprintf(c->code, sizeof c->code, "%s", code);
    if (root) {
        snprintf(c->root, sizeof c->root, "%s", r);
        c->goldstein = root->goldstein;
        c->quad = root->quad;
    } else {
        snprintf(c->root, sizeof c->root, "--");
    }
    return c;
}

/* "~ lemma form form ...": forms of a verb that no rule makes. */
static void forms_line(vloader *ld, tc_sv line)
{
    tc_sv f[MAX_ELEMS + 2];
    size_t n = fields(line, f, MAX_ELEMS + 2), i;
    uint32_t lemma;
    if (n < 3) {
        bad(ld, "want: ~ lemma form [form ...] in", line.p);
        return;
    }
    lemma = intern_key(ld->v, f[1].p, f[1].n);
    for (i = 2; i < n && lemma; i++) {
        uint32_t form = intern_key(ld->v, f[i].p, f[i].n);
        /* unknown tense: read as a finite active form */
        if (add_form(ld->v, form, lemma, TC_FORM_S | TC_FORM_PAST) != TC_OK)
            return;
    }
}

static void pattern_line(vloader *ld, tc_sv line)
{
    tc_sv tok[MAX_ELEMS + 2];
    size_t n;
    const tc_code_info *c = NULL;
    char code[6];
    tc_pattern p, *slot;
    tc_status st;
    if (line.p[0] == '&') {
        synset_line(ld, line);
        return;
    }
    if (line.p[0] == '~') {
        forms_line(ld, line);
        return;
    }
    n = fields(line, tok, MAX_ELEMS + 2);
    if (n < 2 || tok[0].n < 2 || tok[0].n > 5) {
        bad(ld, "want: CODE PATTERN in", line.p);
        return;
    }
    snprintf(code, sizeof code, "%.*s", (int)tok[0].n, tok[0].p);
    memset(&p, 0, sizeof p);
    p.line = (uint32_t)ld->line;
    if (strcmp(code, "---") == 0)
        p.action = TC_PAT_NULL;
    else if (strcmp(code, "###") == 0)
        p.action = TC_PAT_DISCARD;
    else if (code[0] == '=' && code[1])
        c = custom_code(ld->v, code + 1);
    else if (tok[0].n <= 4)
        c = tc_verbs_find_code(ld->v, code);
    if (!c && p.action == TC_PAT_EVENT) {
        bad(ld, "unknown CAMEO code in", line.p);
        return;
    }
    p.code = c ? (uint16_t)(c - ld->v->codes) : 0;
    if (!parse_pattern(ld, &p, tok + 1, n - 1)) {
        bad(ld, "bad pattern", line.p);
        return;
    }
    slot = tc_vec_push(&ld->v->patterns, &st);
    if (slot)
        *slot = p;
}

tc_status tc_verbs_load_text(tc_verbs *v, const char *name, const char *text,
                             size_t n, tc_warn_fn warn, void *ctx,
                             size_t *errors)
{
    size_t dummy = 0;
    vloader ld = {v, name, warn, ctx, errors ? errors : &dummy, 0, 0};
    if (v->frozen)
        return TC_ERR_USAGE;
    each_line(&ld, text, n, pattern_line);
    return TC_OK;
}

static int cmp_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

tc_status tc_verbs_load_dir(tc_verbs *v, const char *dir, tc_warn_fn warn,
                            void *ctx, size_t *errors)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    char *names[256], path[4096];
    size_t count = 0, i;
    tc_status st = TC_OK;
    if (!d)
        return TC_ERR_IO;
    while ((e = readdir(d)) != NULL && count < 256) {
        size_t len = strlen(e->d_name);
        if (e->d_name[0] != '.' && len > 4 &&
            strcmp(e->d_name + len - 4, ".txt") == 0)
            names[count++] = tc_strndup(v->alloc, e->d_name, len);
    }
    closedir(d);
    for (i = 0; i < count; i++)
        if (!names[i])
            st = TC_ERR_NOMEM;
    if (st == TC_OK && count)
        qsort(names, count, sizeof *names, cmp_name);
    /* irregular.txt first: it only adds forms. */
    snprintf(path, sizeof path, "%s/irregular.txt", dir);
    if (st == TC_OK)
        load_path(v, path, irregular_line, warn, ctx, errors);
    for (i = 0; i < count; i++) {
        if (st == TC_OK && strcmp(names[i], "irregular.txt") != 0) {
            snprintf(path, sizeof path, "%s/%s", dir, names[i]);
            st = load_path(v, path, pattern_line, warn, ctx, errors);
        }
        tc_free(v->alloc, names[i]);
    }
    return st;
}

/* ---- Forms ------------------------------------------------------------ */

static bool is_vowel(char c)
{
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

/* A regular form of `w`: "s" (third person), "ed" (past), "ing", or the
 * noun plural "pl". */
static size_t regular(const char *w, const char *what, char *out, size_t cap)
{
    size_t n = strlen(w);
    char last = n ? w[n - 1] : 0, prev = n > 1 ? w[n - 2] : 0;
    bool sibilant = last == 's' || last == 'x' || last == 'z' ||
                    (last == 'h' && (prev == 'c' || prev == 's'));
    bool cons_y = last == 'y' && n > 1 && !is_vowel(prev);
    if (n + 4 >= cap)
        return 0;
    memcpy(out, w, n + 1);
    if (strcmp(what, "s") == 0 || strcmp(what, "pl") == 0) {
        if (cons_y)
            strcpy(out + n - 1, "ies");
        else
            strcpy(out + n, sibilant || (last == 'o' && what[0] == 's') ? "es" : "s");
    } else if (strcmp(what, "ed") == 0) {
        if (cons_y)
            strcpy(out + n - 1, "ied");
        else
            strcpy(out + n, last == 'e' ? "d" : "ed");
    } else {
        if (n > 2 && last == 'e' && prev == 'i')
            strcpy(out + n - 2, "ying");
        else if (n > 2 && last == 'e' && prev != 'e' && prev != 'y' && prev != 'o')
            strcpy(out + n - 1, "ing");
        else
            strcpy(out + n, "ing");
    }
    return strlen(out);
}

static tc_status add_form(tc_verbs *v, uint32_t form, uint32_t head,
                          unsigned kinds)
{
    tc_status st;
    form_rec *r;
    if (!form)
        return TC_ERR_NOMEM;
    r = tc_vec_push(&v->forms, &st);
    if (!r)
        return st;
    r->form = form;
    r->head = head;
    r->kinds = kinds;
    return TC_OK;
}

static const irregular *find_irregular(const tc_verbs *v, uint32_t lemma)
{
    size_t i;
    for (i = 0; i < v->irregulars.n; i++) {
        const irregular *r = tc_vec_at(&v->irregulars, i);
        if (r->lemma == lemma)
            return r;
    }
    return NULL;
}

static tc_status add_regular(tc_verbs *v, uint32_t head, const char *what,
                             unsigned kinds)
{
    char buf[KEY_BUF];
    const char *w = tc_verbs_str(v, head);
    char copy[KEY_BUF];
    size_t n;
    snprintf(copy, sizeof copy, "%s", w); /* interning may move w */
    n = regular(copy, what, buf, sizeof buf);
    return n ? add_form(v, tc_lexicon_intern(v->strings, buf, n), head, kinds)
             : TC_OK;
}

static tc_status verb_forms(tc_verbs *v, uint32_t head)
{
    const irregular *r = find_irregular(v, head);
    irregular ir;
    tc_status st = add_form(v, head, head, TC_FORM_BASE);
    if (r)
        ir = *r; /* the vector may move while forms are added */
    if (st == TC_OK)
        st = r && ir.s ? add_form(v, ir.s, head, TC_FORM_S)
                       : add_regular(v, head, "s", TC_FORM_S);
    if (st == TC_OK)
        st = r && ir.ing ? add_form(v, ir.ing, head, TC_FORM_ING)
                         : add_regular(v, head, "ing", TC_FORM_ING);
    if (st != TC_OK)
        return st;
    if (r) {
        st = add_form(v, ir.past, head, TC_FORM_PAST);
        return st == TC_OK ? add_form(v, ir.part, head, TC_FORM_PART) : st;
    }
    return add_regular(v, head, "ed", TC_FORM_PAST | TC_FORM_PART);
}

static tc_status noun_forms(tc_verbs *v, uint32_t head)
{
    tc_status st = add_form(v, head, head, TC_FORM_NOUN);
    return st == TC_OK ? add_regular(v, head, "pl", TC_FORM_NOUN) : st;
}

static int form_cmp(const void *a, const void *b)
{
    const form_rec *x = a, *y = b;
    if (x->form != y->form)
        return x->form < y->form ? -1 : 1;
    if (x->head != y->head)
        return x->head < y->head ? -1 : 1;
    return (int)x->kinds - (int)y->kinds;
}

static int pattern_cmp(const void *a, const void *b)
{
    const tc_pattern *x = a, *y = b;
    int sx = x->literals + x->targets + x->has_source,
        sy = y->literals + y->targets + y->has_source;
    if (x->head != y->head)
        return x->head < y->head ? -1 : 1;
    if (x->nominal != y->nominal)
        return x->nominal - y->nominal;
    if (sx != sy)
        return sy - sx;
    return x->line < y->line ? -1 : x->line > y->line;
}

/* Merges the kinds of a form that one head has several ways (past and
 * participle, verb and noun are kept apart by head kind). */
static void merge_forms(tc_verbs *v)
{
    form_rec *f = v->forms.p;
    size_t i, out = 0;
    for (i = 0; i < v->forms.n; i++) {
        if (out && f[out - 1].form == f[i].form && f[out - 1].head == f[i].head) {
            f[out - 1].kinds |= f[i].kinds;
            continue;
        }
        f[out++] = f[i];
    }
    v->forms.n = out;
}

tc_status tc_verbs_add_class(tc_verbs *v, const char *word, unsigned bits)
{
    uint32_t id = intern_key(v, word, strlen(word));
    tc_status st;
    form_rec *r = id ? tc_vec_push(&v->classes, &st) : NULL;
    if (!id)
        return TC_ERR_NOMEM;
    if (!r)
        return st;
    r->form = id;
    r->head = 0;
    r->kinds = bits;
    return TC_OK;
}

/* One record per word, its bits OR'ed. */
static void merge_classes(tc_verbs *v)
{
    form_rec *f = v->classes.p;
    size_t i, out = 0;
    for (i = 0; i < v->classes.n; i++) {
        if (out && f[out - 1].form == f[i].form) {
            f[out - 1].kinds |= f[i].kinds;
            continue;
        }
        f[out++] = f[i];
    }
    v->classes.n = out;
}

unsigned tc_verbs_class(const tc_verbs *v, uint32_t word)
{
    const form_rec *f = v->classes.p;
    size_t lo = 0, hi = v->classes.n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (f[mid].form < word)
            lo = mid + 1;
        else if (f[mid].form > word)
            hi = mid;
        else
            return f[mid].kinds;
    }
    return 0;
}

static int gate_cmp(const void *a, const void *b)
{
    const gate_rec *x = a, *y = b;
    if (x->head != y->head)
        return x->head < y->head ? -1 : 1;
    if (x->word != y->word)
        return x->word < y->word ? -1 : 1;
    return x->pattern < y->pattern ? -1 : x->pattern > y->pattern;
}

static tc_status add_gate(tc_verbs *v, uint32_t head, uint32_t word,
                          uint32_t pattern)
{
    tc_status st;
    gate_rec *g = tc_vec_push(&v->gates, &st);
    if (!g)
        return st;
    g->head = head;
    g->word = word;
    g->pattern = pattern;
    return TC_OK;
}

/* After the patterns are sorted: one gate per first word of each pattern
 * that starts with a required word, one ungated record for the others. */
static tc_status build_gates(tc_verbs *v)
{
    size_t i, k;
    tc_status st = TC_OK;
    for (i = 0; i < v->patterns.n && st == TC_OK; i++) {
        const tc_pattern *p = tc_vec_at(&v->patterns, i);
        const tc_pat_elem *e =
            p->elem_count > p->pre ? tc_vec_at(&v->elems, p->first_elem + p->pre)
                                   : NULL;
        if (!e || e->kind != TC_PE_WORDS || e->optional) {
            st = add_gate(v, p->head, 0, (uint32_t)i);
            continue;
        }
        for (k = 0; k < e->count && st == TC_OK; k++)
            st = add_gate(v, p->head,
                          *(const uint32_t *)tc_vec_at(&v->words, e->first + k),
                          (uint32_t)i);
    }
    if (st == TC_OK && v->gates.n)
        qsort(v->gates.p, v->gates.n, sizeof(gate_rec), gate_cmp);
    return st;
}

static int u32_cmp(const void *a, const void *b);

tc_status tc_verbs_freeze(tc_verbs *v)
{
    size_t i;
    tc_status st = TC_OK;
    if (v->frozen)
        return TC_OK;
    for (i = 0; i < v->patterns.n && st == TC_OK; i++) {
        const tc_pattern *p = tc_vec_at(&v->patterns, i);
        uint32_t head = p->head;
        bool nominal = p->nominal;
        st = nominal ? noun_forms(v, head) : verb_forms(v, head);
    }
    if (st != TC_OK)
        return st;
    if (v->forms.n) {
        qsort(v->forms.p, v->forms.n, sizeof(form_rec), form_cmp);
        merge_forms(v);
    }
    if (v->patterns.n)
        qsort(v->patterns.p, v->patterns.n, sizeof(tc_pattern), pattern_cmp);
    if (v->classes.n) {
        qsort(v->classes.p, v->classes.n, sizeof(form_rec), form_cmp);
        merge_classes(v);
    }
    st = build_gates(v);
    if (st != TC_OK)
        return st;
    /* the alternatives of an element in id order: long lists (synsets) are
     * searched by halves */
    for (i = 0; i < v->elems.n; i++) {
        const tc_pat_elem *e = tc_vec_at(&v->elems, i);
        if (e->kind == TC_PE_WORDS && e->count > 1)
            qsort((uint32_t *)v->words.p + e->first, e->count, sizeof(uint32_t),
                  u32_cmp);
    }
    v->frozen = true;
    return TC_OK;
}

/* ---- Lookups ---------------------------------------------------------- */

size_t tc_verbs_pattern_count(const tc_verbs *v)
{
    return v->patterns.n;
}

uint32_t tc_verbs_word(const tc_verbs *v, const char *key, size_t n)
{
    return tc_lexicon_find(v->strings, key, n);
}

size_t tc_verbs_heads(const tc_verbs *v, uint32_t word, uint32_t *heads,
                      unsigned *forms, size_t cap)
{
    const form_rec *f = v->forms.p;
    size_t lo = 0, hi = v->forms.n, count = 0;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (f[mid].form < word)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (; lo < v->forms.n && f[lo].form == word && count < cap; lo++) {
        heads[count] = f[lo].head;
        forms[count++] = f[lo].kinds;
    }
    return count;
}

const tc_pattern *tc_verbs_patterns(const tc_verbs *v, uint32_t head,
                                    size_t *count)
{
    const tc_pattern *p = v->patterns.p;
    size_t lo = 0, hi = v->patterns.n, end;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (p[mid].head < head)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (end = lo; end < v->patterns.n && p[end].head == head; end++)
        ;
    *count = end - lo;
    return *count ? p + lo : NULL;
}

const tc_pat_elem *tc_verbs_elem(const tc_verbs *v, uint32_t i)
{
    return tc_vec_at(&v->elems, i);
}

uint32_t tc_verbs_elem_word(const tc_verbs *v, uint32_t i)
{
    return *(const uint32_t *)tc_vec_at(&v->words, i);
}

const uint32_t *tc_verbs_words(const tc_verbs *v)
{
    return v->words.p;
}

/* The first gate record of (head, word). */
static size_t gate_lower(const tc_verbs *v, uint32_t head, uint32_t word)
{
    const gate_rec *g = v->gates.p;
    size_t lo = 0, hi = v->gates.n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (g[mid].head < head || (g[mid].head == head && g[mid].word < word))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static int u32_cmp(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

size_t tc_verbs_candidates(const tc_verbs *v, uint32_t head,
                           const uint32_t *window, size_t nwindow,
                           const tc_pattern **out, size_t cap)
{
    uint32_t idx[512];
    size_t n = 0, w, i, k = 0;
    const gate_rec *g = v->gates.p;
    for (w = 0; w <= nwindow; w++) {
        uint32_t word = w < nwindow ? window[w] : 0;
        if (w < nwindow && !word)
            continue;
        for (i = gate_lower(v, head, word);
             i < v->gates.n && g[i].head == head && g[i].word == word &&
             n < sizeof idx / sizeof idx[0];
             i++)
            idx[n++] = g[i].pattern;
    }
    if (n > 32) {
        qsort(idx, n, sizeof idx[0], u32_cmp);
    } else {
        for (i = 1; i < n; i++) { /* few: an insertion sort */
            uint32_t x = idx[i];
            size_t j = i;
            while (j > 0 && idx[j - 1] > x) {
                idx[j] = idx[j - 1];
                j--;
            }
            idx[j] = x;
        }
    }
    for (i = 0; i < n && k < cap; i++)
        if (i == 0 || idx[i] != idx[i - 1])
            out[k++] = tc_vec_at(&v->patterns, idx[i]);
    return k;
}
