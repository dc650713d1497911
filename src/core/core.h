/*
 * core.h - the engine's private building blocks: allocation through the
 * caller's hook, the per-article arena, string views, a capped string
 * builder, and error filling.  Every stage includes this and nothing of the
 * other stages.
 */
#ifndef TC_CORE_H
#define TC_CORE_H

#include "tacitus.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ---- Allocation through the hook ---- */

void *tc_malloc(const tc_allocator *a, size_t size);
void *tc_realloc(const tc_allocator *a, void *ptr, size_t size);
void tc_free(const tc_allocator *a, void *ptr);
/* A copy of `n` bytes plus a NUL, or NULL on failure. */
char *tc_strndup(const tc_allocator *a, const char *s, size_t n);

/* ---- Arena: many allocations, one release ---- */

typedef struct tc_arena_chunk tc_arena_chunk;
typedef struct tc_arena {
    const tc_allocator *alloc;
    tc_arena_chunk *head;  /* the chunk being filled; older ones follow */
    size_t used;           /* bytes handed out, for tests and stats */
} tc_arena;

void tc_arena_init(tc_arena *arena, const tc_allocator *alloc);
/* `size` bytes aligned for any type, or NULL when out of memory. */
void *tc_arena_alloc(tc_arena *arena, size_t size);
/* Zero-filled array of `count` items of `size` bytes (overflow-checked). */
void *tc_arena_calloc(tc_arena *arena, size_t count, size_t size);
char *tc_arena_strndup(tc_arena *arena, const char *s, size_t n);
/* Releases everything but the first chunk, which is kept for reuse. */
void tc_arena_reset(tc_arena *arena);
void tc_arena_free(tc_arena *arena);

/* ---- String views ---- */

typedef struct tc_sv {
    const char *p;
    size_t n;
} tc_sv;

static inline tc_sv tc_sv_make(const char *p, size_t n)
{
    tc_sv v = {p, n};
    return v;
}
tc_sv tc_sv_cstr(const char *s);
tc_sv tc_sv_trim(tc_sv v); /* ASCII white space on both ends */
bool tc_sv_eq(tc_sv a, tc_sv b);
bool tc_sv_eq_nocase(tc_sv a, tc_sv b);          /* ASCII case-insensitive */
bool tc_sv_starts_nocase(tc_sv v, tc_sv prefix); /* ASCII case-insensitive */

/* ---- String builder with a size cap ---- */

typedef struct tc_sb {
    const tc_allocator *alloc;
    char *p;      /* NUL-terminated while p != NULL */
    size_t n;     /* bytes used */
    size_t cap;   /* bytes allocated */
    size_t max;   /* hard cap on n; growing past it gives TC_ERR_LIMIT */
} tc_sb;

void tc_sb_init(tc_sb *sb, const tc_allocator *alloc, size_t max);
tc_status tc_sb_reserve(tc_sb *sb, size_t extra);
tc_status tc_sb_append(tc_sb *sb, const void *data, size_t n);
tc_status tc_sb_putc(tc_sb *sb, char c);
tc_status tc_sb_printf(tc_sb *sb, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Appends a NUL-terminated string / an unsigned number in decimal. */
tc_status tc_sb_puts(tc_sb *sb, const char *s);
tc_status tc_sb_uint(tc_sb *sb, uint64_t v);
void tc_sb_clear(tc_sb *sb); /* keeps the buffer */
void tc_sb_free(tc_sb *sb);

/* ---- Growable array with a count cap ---- */

/* Items live in one block from the allocator, kept across clears so that a
 * document reused for a batch stops allocating once warmed up. */
typedef struct tc_vec {
    const tc_allocator *alloc;
    void *p;
    size_t n;     /* items used */
    size_t cap;   /* items allocated */
    size_t size;  /* bytes per item */
    size_t max;   /* hard cap on n */
} tc_vec;

void tc_vec_init(tc_vec *v, const tc_allocator *alloc, size_t item_size,
                 size_t max);
/* A zeroed new last item, or NULL with *st set to TC_ERR_NOMEM or
 * TC_ERR_LIMIT. */
void *tc_vec_push(tc_vec *v, tc_status *st);
static inline void *tc_vec_at(const tc_vec *v, size_t i)
{
    return (char *)v->p + i * v->size;
}
void tc_vec_clear(tc_vec *v);
void tc_vec_free(tc_vec *v);

/* ---- Errors ---- */

/* Fills `err` (if not NULL) and returns `code`.  `file` may be NULL. */
tc_status tc_error_set(tc_error *err, tc_status code, const char *file,
                       uint64_t line, uint64_t byte, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
void tc_error_clear(tc_error *err);

/* ---- Calendar ---- */

/* Whether s[0..n) is one or more ASCII digits; their value; the days of
 * month m (1-12) of year y. */
bool tc_digits(const char *s, size_t n);
int tc_number(const char *s, size_t n);
int tc_month_days(int y, int m);
/* Days since 1970-01-01 and back; weekday 0 = Monday. */
int32_t tc_days_from_civil(int y, int m, int d);
void tc_civil_from_days(int32_t days, int *y, int *m, int *d);
int tc_weekday(int32_t days);

/* ---- Files ---- */

/* The whole file, NUL-terminated, in a block from `a` (the caller frees
 * it); TC_ERR_LIMIT past `max` bytes. */
tc_status tc_read_file(const tc_allocator *a, const char *path, size_t max,
                       char **out, size_t *len);
/* Reports a bad line of a data file through `warn` (when set): `what`, then
 * the line's first 60 bytes. */
void tc_warn_line(tc_warn_fn warn, void *ctx, const char *file, uint64_t line,
                  uint64_t byte, const char *what, const char *text);

/* ---- JSON string output ---- */

/* Appends `s` as a JSON string literal (quotes included).  Input must be
 * valid UTF-8; control characters are escaped. */
tc_status tc_json_string(tc_sb *sb, const char *s, size_t n);

/* ---- UTF-8 ---- */

/* Decodes one code point of valid UTF-8 at s[0..n); returns its length
 * (1..4) and stores it in *cp.  On invalid input returns 1 and U+FFFD. */
size_t tc_utf8_decode(const unsigned char *s, size_t n, int32_t *cp);
/* Encodes `cp` into out (4 bytes room); returns its length. */
size_t tc_utf8_encode(int32_t cp, char *out);

/* Length of the longest valid UTF-8 prefix of s[0..n) (n when all valid). */
size_t tc_utf8_valid_prefix(const char *s, size_t n);
/* Appends s[0..n) to sb with each invalid byte replaced by U+FFFD; stores
 * the number replaced in *replaced. */
tc_status tc_utf8_repair(tc_sb *sb, const char *s, size_t n, size_t *replaced);

#define TC_MIN(a, b) ((a) < (b) ? (a) : (b))
#define TC_MAX(a, b) ((a) > (b) ? (a) : (b))

#endif /* TC_CORE_H */
