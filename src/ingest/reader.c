/*
 * reader.c - a stream of articles from a file, a directory tree, standard
 * input or memory.
 *
 * The reader walks one source at a time (a directory is walked depth-first,
 * names in byte order, hidden entries skipped) through a fixed 64 KiB buffer.
 * A text source is one article; a JSONL source is one article per line; an
 * HTML source is one page, whose article src/html/ extracts.
 * Memory is bounded by the largest record: the line and text builders are
 * capped, and a record over its cap is skipped to its end, reported, and
 * the walk goes on.  Every error names the source, line and byte.
 */
#include "doc.h"
#include "ingest.h"

#include <dirent.h>
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#define READ_CHUNK (64u * 1024u)
#define BINARY_PROBE 4096u

typedef struct dir_frame {
    char *path;
    char **names;
    size_t count, next;
} dir_frame;

struct tc_reader {
    tc_engine *engine;
    const tc_allocator *alloc;
    const tc_limits *limits;

    /* What is left to walk. */
    char *root;             /* a file or "-" not yet opened */
    tc_format root_format;  /* forced format of the root, or AUTO */
    dir_frame *stack;
    size_t depth;

    /* The current source. */
    bool open;
    char *name;
    tc_format format;
    FILE *fp;
    const char *mem;        /* memory input, or NULL */
    size_t mem_len;
    char *buf;              /* READ_CHUNK bytes for files */
    const char *data;       /* current bytes: buf or mem */
    size_t len, pos;
    bool eof;
    uint64_t line;          /* lines read so far in the source */
    uint64_t byte;          /* source offset of data[pos] */

    uint64_t total;         /* bytes consumed over all sources */
    tc_sb rec;              /* the current line or text */
    tc_sb fixed;            /* a line with invalid UTF-8 repaired */
};

/* ---- Sources ---------------------------------------------------------- */

static tc_status fill(tc_reader *r)
{
    size_t got;
    if (r->pos < r->len || r->eof)
        return TC_OK;
    if (r->mem) {
        r->eof = true;
        return TC_OK;
    }
    got = fread(r->buf, 1, READ_CHUNK, r->fp);
    r->data = r->buf;
    r->len = got;
    r->pos = 0;
    if (got == 0) {
        r->eof = true;
        if (ferror(r->fp))
            return TC_ERR_IO;
    }
    return TC_OK;
}

static void advance(tc_reader *r, size_t n)
{
    r->pos += n;
    r->byte += n;
    r->total += n;
}

static void close_source(tc_reader *r)
{
    if (r->fp && r->fp != stdin)
        fclose(r->fp);
    r->fp = NULL;
    tc_free(r->alloc, r->name);
    r->name = NULL;
    r->open = false;
    if (!r->mem) {
        r->data = NULL;
        r->len = r->pos = 0;
    }
}

/* The first non-blank byte of the first block decides the format of
 * standard input: '{' JSONL, '<' HTML, anything else text. */
static tc_status sniff_format(tc_reader *r)
{
    size_t i;
    tc_status st = fill(r);
    r->format = TC_FORMAT_TEXT;
    if (st != TC_OK)
        return st;
    for (i = r->pos; i < r->len; i++) {
        char c = r->data[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
            continue;
        if (c == '{')
            r->format = TC_FORMAT_JSONL;
        else if (c == '<')
            r->format = TC_FORMAT_HTML;
        break;
    }
    return TC_OK;
}

/* A file not named .html that is a web page all the same: its first
 * non-blank bytes (after a BOM) are "<!doctype html" or "<html". */
static tc_status sniff_html_file(tc_reader *r)
{
    size_t i;
    tc_status st = fill(r);
    if (st != TC_OK)
        return st;
    i = r->pos;
    if (r->len - i >= 3 && memcmp(r->data + i, "\xEF\xBB\xBF", 3) == 0)
        i += 3;
    while (i < r->len && strchr(" \t\r\n", r->data[i]))
        i++;
    if ((r->len - i >= 14 && strncasecmp(r->data + i, "<!doctype html", 14) == 0) ||
        (r->len - i >= 5 && strncasecmp(r->data + i, "<html", 5) == 0))
        r->format = TC_FORMAT_HTML;
    return TC_OK;
}

static tc_status open_source(tc_reader *r, const char *path, tc_format forced,
                             tc_error *err)
{
    bool is_stdin = strcmp(path, "-") == 0;
    r->name = tc_strndup(r->alloc, path, strlen(path));
    if (!r->name)
        return tc_error_set(err, TC_ERR_NOMEM, path, 0, 0, "out of memory");
    r->open = true;
    r->line = 0;
    r->byte = 0;
    r->eof = false;
    r->format = forced != TC_FORMAT_AUTO ? forced : tc_format_for_path(path);
    if (r->mem) {
        r->data = r->mem;
        r->len = r->mem_len;
        r->pos = 0;
    } else {
        r->fp = is_stdin ? stdin : fopen(path, "rb");
        if (!r->fp) {
            tc_status st = tc_error_set(err, TC_ERR_IO, path, 0, 0,
                                        "cannot open: %s", strerror(errno));
            close_source(r);
            return st;
        }
        r->data = r->buf;
        r->len = r->pos = 0;
    }
    if (forced == TC_FORMAT_AUTO && (is_stdin || r->mem)) {
        tc_format by_name = tc_format_for_path(path);
        if (is_stdin || by_name == TC_FORMAT_TEXT) {
            if (sniff_format(r) != TC_OK) {
                close_source(r);
                return tc_error_set(err, TC_ERR_IO, path, 0, 0, "read error");
            }
        }
    } else if (forced == TC_FORMAT_AUTO && r->format == TC_FORMAT_TEXT &&
               sniff_html_file(r) != TC_OK) {
        close_source(r);
        return tc_error_set(err, TC_ERR_IO, path, 0, 0, "read error");
    }
    return TC_OK;
}

/* ---- Directory walk --------------------------------------------------- */

static int name_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void frame_free(tc_reader *r, dir_frame *f)
{
    size_t i;
    for (i = 0; i < f->count; i++)
        tc_free(r->alloc, f->names[i]);
    tc_free(r->alloc, f->names);
    tc_free(r->alloc, f->path);
    memset(f, 0, sizeof *f);
}

/* Lists a directory (hidden entries skipped) sorted by name. */
static tc_status frame_load(tc_reader *r, dir_frame *f, const char *path,
                            tc_error *err)
{
    DIR *d = opendir(path);
    struct dirent *e;
    size_t cap = 0;
    tc_status st = TC_OK;
    memset(f, 0, sizeof *f);
    if (!d)
        return tc_error_set(err, TC_ERR_IO, path, 0, 0, "cannot open: %s",
                            strerror(errno));
    f->path = tc_strndup(r->alloc, path, strlen(path));
    if (!f->path)
        st = TC_ERR_NOMEM;
    while (st == TC_OK && (e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        if (f->count == cap) {
            size_t ncap = cap ? cap * 2 : 32;
            char **names = tc_realloc(r->alloc, f->names, ncap * sizeof *names);
            if (!names) {
                st = TC_ERR_NOMEM;
                break;
            }
            f->names = names;
            cap = ncap;
        }
        f->names[f->count] = tc_strndup(r->alloc, e->d_name, strlen(e->d_name));
        if (!f->names[f->count])
            st = TC_ERR_NOMEM;
        else
            f->count++;
    }
    closedir(d);
    if (st != TC_OK) {
        frame_free(r, f);
        return tc_error_set(err, st, path, 0, 0, "out of memory");
    }
    if (f->count)
        qsort(f->names, f->count, sizeof *f->names, name_cmp);
    return TC_OK;
}

static char *join_path(tc_reader *r, const char *dir, const char *name)
{
    size_t dl = strlen(dir), nl = strlen(name);
    bool slash = dl > 0 && dir[dl - 1] == '/';
    char *p = tc_malloc(r->alloc, dl + nl + 2);
    if (!p)
        return NULL;
    memcpy(p, dir, dl);
    if (!slash)
        p[dl++] = '/';
    memcpy(p + dl, name, nl + 1);
    return p;
}

static tc_status push_dir(tc_reader *r, const char *path, tc_error *err)
{
    tc_status st;
    if (r->depth > r->limits->max_dir_depth)
        return tc_error_set(err, TC_ERR_LIMIT, path, 0, 0,
                            "directory nesting deeper than %u; skipped",
                            r->limits->max_dir_depth);
    st = frame_load(r, &r->stack[r->depth], path, err);
    if (st == TC_OK)
        r->depth++;
    return st;
}

/* Opens the next file of the walk: TC_OK, TC_DONE, or an error for one
 * entry (the walk goes on at the next call). */
static tc_status open_next(tc_reader *r, tc_error *err)
{
    struct stat sb;
    tc_status st;
    if (r->root) {
        char *root = r->root;
        r->root = NULL;
        if (strcmp(root, "-") != 0 && !r->mem && stat(root, &sb) == 0 &&
            S_ISDIR(sb.st_mode)) {
            st = push_dir(r, root, err);
        } else {
            st = open_source(r, root, r->root_format, err);
        }
        tc_free(r->alloc, root);
        if (st != TC_OK || r->open)
            return st;
    }
    while (r->depth > 0) {
        dir_frame *f = &r->stack[r->depth - 1];
        char *path;
        if (f->next == f->count) {
            frame_free(r, f);
            r->depth--;
            continue;
        }
        path = join_path(r, f->path, f->names[f->next++]);
        if (!path)
            return tc_error_set(err, TC_ERR_NOMEM, f->path, 0, 0,
                                "out of memory");
        if (stat(path, &sb) != 0) {
            st = tc_error_set(err, TC_ERR_IO, path, 0, 0, "cannot stat: %s",
                              strerror(errno));
        } else if (S_ISDIR(sb.st_mode)) {
            st = push_dir(r, path, err);
        } else if (S_ISREG(sb.st_mode)) {
            st = open_source(r, path, r->root_format, err);
        } else {
            st = TC_OK; /* sockets, fifos, devices: not articles */
        }
        tc_free(r->alloc, path);
        if (st != TC_OK || r->open)
            return st;
    }
    return TC_DONE;
}

/* ---- Records ---------------------------------------------------------- */

/* Reads up to and without the next '\n' into r->rec.  *over is set when
 * the line was longer than the cap (the rest is skipped). */
static tc_status read_line(tc_reader *r, bool *over)
{
    bool any = false;
    *over = false;
    tc_sb_clear(&r->rec);
    for (;;) {
        const char *nl;
        size_t n;
        if (fill(r) != TC_OK)
            return TC_ERR_IO;
        if (r->eof)
            return any ? TC_OK : TC_DONE;
        any = true;
        nl = memchr(r->data + r->pos, '\n', r->len - r->pos);
        n = nl ? (size_t)(nl - (r->data + r->pos)) : r->len - r->pos;
        if (!*over) {
            tc_status st = tc_sb_append(&r->rec, r->data + r->pos, n);
            if (st == TC_ERR_LIMIT)
                *over = true;
            else if (st != TC_OK)
                return st;
        }
        advance(r, n);
        if (nl) {
            advance(r, 1);
            return TC_OK;
        }
    }
}

/* Reads the whole source into r->rec; *over when past the cap. */
static tc_status read_all(tc_reader *r, bool *over)
{
    *over = false;
    tc_sb_clear(&r->rec);
    for (;;) {
        size_t n;
        if (fill(r) != TC_OK)
            return TC_ERR_IO;
        if (r->eof)
            return TC_OK;
        n = r->len - r->pos;
        if (!*over) {
            tc_status st = tc_sb_append(&r->rec, r->data + r->pos, n);
            if (st == TC_ERR_LIMIT)
                *over = true;
            else if (st != TC_OK)
                return st;
        }
        advance(r, n);
    }
}

/* Binary files (images, archives) are not articles: many NULs or control
 * bytes in their first block give them away. */
static bool looks_binary(const char *s, size_t n)
{
    size_t i, bad = 0, probe = TC_MIN(n, BINARY_PROBE);
    for (i = 0; i < probe; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' &&
            c != 0x1B)
            bad++;
    }
    return probe > 0 && bad * 10 > probe;
}

static bool blank(const char *s, size_t n)
{
    return tc_sv_trim(tc_sv_make(s, n)).n == 0;
}

/* A whole file into r->rec, at most `max` bytes: `what` names the
 * article ("article", "HTML page") and `kind` its content ("text",
 * "HTML") in the errors. */
static tc_status read_whole(tc_reader *r, size_t max, const char *what,
                            const char *kind, tc_error *err)
{
    bool over;
    tc_status st;
    r->rec.max = max;
    st = read_all(r, &over);
    if (st != TC_OK)
        return tc_error_set(err, st, r->name, 0, r->byte, "%s",
                            st == TC_ERR_IO ? "read error" : tc_status_str(st));
    if (over)
        return tc_error_set(err, TC_ERR_LIMIT, r->name, 1, 0,
                            "%s of %llu bytes is over the limit of %zu; "
                            "skipped", what, (unsigned long long)r->byte, max);
    if (looks_binary(r->rec.p, r->rec.n))
        return tc_error_set(err, TC_ERR_INPUT, r->name, 1, 0,
                            "binary file, not %s; skipped", kind);
    if (blank(r->rec.p, r->rec.n))
        return tc_error_set(err, TC_ERR_INPUT, r->name, 1, 0,
                            "empty file: no %s; skipped", kind);
    return TC_OK;
}

static tc_status next_text(tc_reader *r, tc_doc *doc, tc_error *err)
{
    tc_article_in in;
    tc_status st = read_whole(r, r->limits->max_article_bytes, "article",
                              "text", err);
    if (st != TC_OK)
        return st;
    memset(&in, 0, sizeof in);
    in.id = r->name;
    in.text = r->rec.p;
    in.text_len = r->rec.n;
    st = tc_doc_set(doc, &in, err);
    if (st != TC_OK)
        tc_error_set(err, st, r->name, 1, 0, "%s", err ? err->message : "");
    return st;
}

/* An HTML page: read whole (up to max_html_bytes), then extracted. */
static tc_status next_html(tc_reader *r, tc_doc *doc, tc_error *err)
{
    tc_article_in in;
    tc_status st = read_whole(r, r->limits->max_html_bytes, "HTML page",
                              "HTML", err);
    if (st != TC_OK)
        return st;
    memset(&in, 0, sizeof in);
    in.id = r->name;
    st = tc_html_load(doc, &in, r->rec.p, r->rec.n, err);
    if (st != TC_OK && err && err->line == 0)
        err->line = 1;
    return st;
}

/* ---- JSONL ------------------------------------------------------------ */

typedef struct jsonl_pos {
    const char *file;
    uint64_t line, byte; /* the line's number and its first byte */
} jsonl_pos;

/* A string field, an integer written as text, or NULL when absent/null. */
static tc_status json_field(json_t *obj, const char *key, char *num,
                            size_t numlen, const char **out)
{
    json_t *v = json_object_get(obj, key);
    *out = NULL;
    if (!v || json_is_null(v))
        return TC_OK;
    if (json_is_string(v)) {
        *out = json_string_value(v);
        return TC_OK;
    }
    if (json_is_integer(v)) {
        snprintf(num, numlen, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
        *out = num;
        return TC_OK;
    }
    return TC_ERR_INPUT;
}

static tc_status record_fields(json_t *root, tc_article_in *in, char nums[][32],
                               const jsonl_pos *at, tc_error *err)
{
    static const char *const keys[] = {"id",  "date",   "title",   "url",
                                       "source", "language"};
    const char **slots[6];
    size_t i;
    slots[0] = &in->id; slots[1] = &in->date; slots[2] = &in->title;
    slots[3] = &in->url; slots[4] = &in->source; slots[5] = &in->language;
    for (i = 0; i < 6; i++)
        if (json_field(root, keys[i], nums[i], 32, slots[i]) != TC_OK)
            return tc_error_set(err, TC_ERR_INPUT, at->file, at->line,
                                at->byte, "field \"%s\" is not a string",
                                keys[i]);
    return TC_OK;
}

/* A record with "html" and no "text": its page, to be extracted. */
static tc_status record_html(json_t *html, tc_article_in *in,
                             const jsonl_pos *at, const tc_limits *lim,
                             tc_error *err)
{
    in->text = json_string_value(html);
    in->text_len = json_string_length(html);
    if (in->text_len > lim->max_html_bytes)
        return tc_error_set(err, TC_ERR_LIMIT, at->file, at->line, at->byte,
                            "html of %zu bytes is over the limit of %zu",
                            in->text_len, lim->max_html_bytes);
    return TC_OK;
}

static tc_status record_text(json_t *root, tc_article_in *in, bool *is_html,
                             const jsonl_pos *at, const tc_limits *lim,
                             tc_error *err)
{
    json_t *text = json_object_get(root, "text");
    *is_html = false;
    if (!text || json_is_null(text)) {
        json_t *html = json_object_get(root, "html");
        if (json_is_string(html)) {
            *is_html = true;
            return record_html(html, in, at, lim, err);
        }
        return tc_error_set(err, TC_ERR_INPUT, at->file, at->line, at->byte,
                            "record has no \"text\"");
    }
    if (!json_is_string(text))
        return tc_error_set(err, TC_ERR_INPUT, at->file, at->line, at->byte,
                            "field \"text\" is not a string");
    in->text = json_string_value(text);
    in->text_len = json_string_length(text);
    if (in->text_len > lim->max_article_bytes)
        return tc_error_set(err, TC_ERR_LIMIT, at->file, at->line, at->byte,
                            "text of %zu bytes is over the limit of %zu",
                            in->text_len, lim->max_article_bytes);
    if (blank(in->text, in->text_len))
        return tc_error_set(err, TC_ERR_INPUT, at->file, at->line, at->byte,
                            "record has an empty \"text\"");
    return TC_OK;
}

static void warn_date(tc_reader *r, const jsonl_pos *at, const char *id,
                      const char *date)
{
    const tc_options *o = &r->engine->opt;
    tc_error w;
    if (!o->warn)
        return;
    tc_error_set(&w, TC_ERR_INPUT, at->file, at->line, at->byte,
                 "record \"%s\": unreadable date \"%.40s\"; kept with %s", id,
                 date, r->engine->default_date[0] ? "the --date date"
                                                  : "an unknown date");
    o->warn(o->warn_ctx, &w);
}

static tc_status load_record(tc_reader *r, json_t *root, const jsonl_pos *at,
                             tc_doc *doc, tc_error *err)
{
    tc_article_in in;
    char nums[6][32], idbuf[1100], dbuf[11];
    bool is_html;
    tc_status st;
    memset(&in, 0, sizeof in);
    if (!json_is_object(root))
        return tc_error_set(err, TC_ERR_INPUT, at->file, at->line, at->byte,
                            "record is not a JSON object");
    st = record_fields(root, &in, nums, at, err);
    if (st == TC_OK)
        st = record_text(root, &in, &is_html, at, r->limits, err);
    if (st != TC_OK)
        return st;
    if (!in.id || !in.id[0]) {
        snprintf(idbuf, sizeof idbuf, "%s:%llu", at->file,
                 (unsigned long long)at->line);
        in.id = idbuf;
    }
    if (in.date && in.date[0] &&
        tc_date_parse(in.date, strlen(in.date), dbuf) != TC_OK) {
        warn_date(r, at, in.id, in.date);
        in.date = NULL;
    }
    if (is_html)
        st = tc_html_load(doc, &in, in.text, in.text_len, err);
    else
        st = tc_doc_set(doc, &in, err);
    if (st != TC_OK) {
        char msg[sizeof err->message]; /* the message is rewritten in place */
        snprintf(msg, sizeof msg, "%s", err ? err->message : tc_status_str(st));
        tc_error_set(err, st, at->file, at->line, at->byte, "%s", msg);
    }
    return st;
}

/* The line, with invalid UTF-8 replaced (jansson rejects it outright, but
 * real feeds carry broken bytes and the rest of the record is fine). */
static tc_status clean_line(tc_reader *r, const char **p, size_t *n,
                            size_t *fixed)
{
    size_t ok = tc_utf8_valid_prefix(r->rec.p, r->rec.n);
    *p = r->rec.p;
    *n = r->rec.n;
    *fixed = 0;
    if (ok == r->rec.n)
        return TC_OK;
    tc_sb_clear(&r->fixed);
    r->fixed.max = r->rec.n * 3 + 16;
    if (tc_utf8_repair(&r->fixed, r->rec.p, r->rec.n, fixed) != TC_OK)
        return TC_ERR_NOMEM;
    *p = r->fixed.p;
    *n = r->fixed.n;
    return TC_OK;
}

static tc_status next_jsonl(tc_reader *r, tc_doc *doc, tc_error *err)
{
    for (;;) {
        jsonl_pos at = {r->name, r->line + 1, r->byte};
        json_error_t jerr;
        json_t *root;
        const char *p;
        size_t n, fixed;
        bool over;
        tc_status st;
        r->rec.max = r->limits->max_record_bytes;
        st = read_line(r, &over);
        if (st == TC_DONE)
            return TC_DONE;
        r->line++;
        if (st != TC_OK)
            return tc_error_set(err, st, at.file, at.line, at.byte, "%s",
                                st == TC_ERR_IO ? "read error"
                                                : tc_status_str(st));
        if (over)
            return tc_error_set(err, TC_ERR_LIMIT, at.file, at.line, at.byte,
                                "record over the limit of %zu bytes; skipped",
                                r->limits->max_record_bytes);
        if (blank(r->rec.p, r->rec.n))
            continue;
        if (clean_line(r, &p, &n, &fixed) != TC_OK)
            return tc_error_set(err, TC_ERR_NOMEM, at.file, at.line, at.byte,
                                "out of memory");
        root = json_loadb(p, n, JSON_ALLOW_NUL, &jerr);
        if (!root)
            return tc_error_set(err, TC_ERR_INPUT, at.file, at.line,
                                at.byte + (uint64_t)TC_MAX(jerr.position, 0),
                                "invalid JSON: %s", jerr.text);
        st = load_record(r, root, &at, doc, err);
        json_decref(root);
        if (st == TC_OK)
            tc_doc_add_invalid(doc, fixed);
        return st;
    }
}

/* ---- Public API ------------------------------------------------------- */

tc_format tc_format_for_path(const char *path)
{
    const char *dot = strrchr(path, '.');
    const char *slash = strrchr(path, '/');
    if (!dot || (slash && dot < slash))
        return TC_FORMAT_TEXT;
    if (strcmp(dot, ".jsonl") == 0 || strcmp(dot, ".ndjson") == 0)
        return TC_FORMAT_JSONL;
    if (strcmp(dot, ".html") == 0 || strcmp(dot, ".htm") == 0)
        return TC_FORMAT_HTML;
    return TC_FORMAT_TEXT;
}

static tc_reader *reader_new(tc_engine *engine, const char *path,
                             tc_error *err)
{
    const tc_allocator *a = &engine->alloc;
    tc_reader *r = tc_malloc(a, sizeof *r);
    if (!r)
        goto nomem;
    memset(r, 0, sizeof *r);
    r->engine = engine;
    r->alloc = a;
    r->limits = &engine->opt.limits;
    r->root_format = engine->opt.input_format;
    tc_sb_init(&r->rec, a, r->limits->max_record_bytes);
    tc_sb_init(&r->fixed, a, 0);
    r->root = tc_strndup(a, path, strlen(path));
    r->stack = tc_malloc(a, (r->limits->max_dir_depth + 2) * sizeof *r->stack);
    if (!r->root || !r->stack) {
        tc_reader_close(r);
        goto nomem;
    }
    return r;
nomem:
    tc_error_set(err, TC_ERR_NOMEM, path, 0, 0, "out of memory");
    return NULL;
}

tc_reader *tc_reader_open(tc_engine *engine, const char *path, tc_error *err)
{
    struct stat sb;
    tc_reader *r;
    if (!engine || !path || !*path) {
        tc_error_set(err, TC_ERR_USAGE, path, 0, 0, "no input named");
        return NULL;
    }
    if (strcmp(path, "-") != 0 && stat(path, &sb) != 0) {
        tc_error_set(err, TC_ERR_IO, path, 0, 0, "cannot open: %s",
                     strerror(errno));
        return NULL;
    }
    r = reader_new(engine, path, err);
    if (r) {
        r->buf = tc_malloc(r->alloc, READ_CHUNK);
        if (!r->buf) {
            tc_reader_close(r);
            tc_error_set(err, TC_ERR_NOMEM, path, 0, 0, "out of memory");
            return NULL;
        }
    }
    return r;
}

tc_reader *tc_reader_open_memory(tc_engine *engine, const char *name,
                                 const char *data, size_t len,
                                 tc_format format, tc_error *err)
{
    tc_reader *r;
    if (!engine || !name || (!data && len)) {
        tc_error_set(err, TC_ERR_USAGE, name, 0, 0, "bad memory input");
        return NULL;
    }
    r = reader_new(engine, name, err);
    if (!r)
        return NULL;
    r->mem = data ? data : "";
    r->mem_len = len;
    r->root_format = format;
    return r;
}

tc_status tc_reader_next(tc_reader *r, tc_doc *doc, tc_error *err)
{
    tc_status st;
    if (!r || !doc)
        return tc_error_set(err, TC_ERR_USAGE, NULL, 0, 0, "no reader");
    tc_error_clear(err);
    for (;;) {
        if (!r->open) {
            st = open_next(r, err);
            if (st != TC_OK || !r->open)
                return st;
        }
        switch (r->format) {
        case TC_FORMAT_JSONL:
            st = next_jsonl(r, doc, err);
            if (st == TC_DONE) {
                close_source(r);
                continue;
            }
            return st;
        case TC_FORMAT_HTML:
            st = next_html(r, doc, err);
            close_source(r);
            return st;
        default:
            st = next_text(r, doc, err);
            close_source(r);
            return st;
        }
    }
}

uint64_t tc_reader_bytes(const tc_reader *r)
{
    return r ? r->total : 0;
}

void tc_reader_close(tc_reader *r)
{
    if (!r)
        return;
    close_source(r);
    while (r->depth > 0)
        frame_free(r, &r->stack[--r->depth]);
    tc_free(r->alloc, r->stack);
    tc_free(r->alloc, r->root);
    tc_free(r->alloc, r->buf);
    tc_sb_free(&r->rec);
    tc_sb_free(&r->fixed);
    tc_free(r->alloc, r);
}
