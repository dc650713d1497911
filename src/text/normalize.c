/*
 * normalize.c - article text to matching text, with the offset map back.
 * Typographic quotes, dashes, spaces, line ends and the ellipsis are folded
 * to ASCII and invisible characters dropped (one table, typo_map); NFC is
 * applied through utf8proc only to short segments that need it: a
 * character NFC might change (a combining mark, a Hangul vowel or final,
 * a singleton such as U+212B, ...) together with the starter before it.
 * Everything else is copied in runs, so ASCII, already-composed accented
 * text, CJK and the like cost a scan and a memcpy.  Each replacement adds
 * anchors to the map (see offmap.c for the segment rules); a one-byte swap
 * such as tab to space needs none.  Runs of more than NFC_MAX_CHARS
 * characters NFC might change are cut (as in UAX #15's stream-safe format),
 * which keeps the work linear on hostile input.
 */
#include "text.h"

#include <string.h>
#include <utf8proc.h>

#define HI_BITS 0x8080808080808080ull
#define CTRL_BITS 0x0E0E0E0E0E0E0E0Eull /* bytes below 0x0E: \t..\r */
#define REPLACEMENT "\xEF\xBF\xBD"
#define NFC_OPTIONS (UTF8PROC_STABLE | UTF8PROC_COMPOSE)
#define NFC_MAX_CHARS 32                 /* after the starter */
#define NFC_MAX_CPS ((NFC_MAX_CHARS + 1) * 4) /* canonical: 4 per char */
#define QCACHE 64                        /* power of two */
#define OUT_SLACK 64
#define FIRST_ANCHORS 64
#define NORM_MAX_IN (UINT32_MAX / 4)     /* norm is at most 3 times text */

typedef struct norm_ctx {
    tc_arena *arena;
    const unsigned char *in;
    size_t n;
    char *out;
    size_t len, cap;       /* cap > len always: room for the NUL */
    tc_anchor *a;
    size_t na, acap;
    size_t repl_end;       /* norm offset after the last replacement */
    int32_t qc_cp[QCACHE]; /* a small cache of nfc_quiet answers */
    bool qc_val[QCACHE];
} norm_ctx;

/* ---- Scanning ---- */

/* True when the 8 bytes at s are ASCII and none is below 0x0E. */
static bool word_plain(const unsigned char *s)
{
    uint64_t w;
    memcpy(&w, s, sizeof w);
    return (w & HI_BITS) == 0 && ((w - CTRL_BITS) & ~w & HI_BITS) == 0;
}

/* ASCII that is copied as is: all but \t \v \f \r (\n and NUL stay). */
static bool byte_plain(unsigned char b)
{
    return b < 0x80 && (b > '\r' || b < '\t' || b == '\n');
}

/* Length of the run of plain ASCII bytes at the start of s[0..n). */
static size_t plain_run(const unsigned char *s, size_t n)
{
    size_t i = 0;
    for (;;) {
        size_t stop;
        while (n - i >= 8 && word_plain(s + i))
            i += 8;
        stop = TC_MIN(n, i + 8);
        for (; i < stop; i++) {
            if (!byte_plain(s[i]))
                return i;
        }
        if (i >= n)
            return i;
    }
}

/* The matching-text form of non-ASCII code point cp, or NULL when cp is
 * not folded. */
static const char *typo_map(int32_t cp)
{
    switch (cp) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032:
    case 0x2039: case 0x203A:
        return "'";
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033:
    case 0x00AB: case 0x00BB:
        return "\"";
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014:
    case 0x2015: case 0x2212:
        return "-";
    case 0x00A0: case 0x2000: case 0x2001: case 0x2002: case 0x2003:
    case 0x2004: case 0x2005: case 0x2006: case 0x2007: case 0x2008:
    case 0x2009: case 0x200A: case 0x202F: case 0x205F: case 0x3000:
        return " ";
    case 0x2028: case 0x2029:
        return "\n";
    case 0x2026:
        return "...";
    case 0x00AD: case 0x200B: case 0x2060: case 0xFEFF:
        return "";
    default:
        return NULL;
    }
}

/* ---- NFC ---- */

/* NFC of s[0..n) into out (room for cap bytes); its length, or SIZE_MAX
 * when utf8proc fails or the buffers are too small. */
static size_t nfc_apply(const unsigned char *s, size_t n, char *out,
                        size_t cap)
{
    utf8proc_int32_t cps[NFC_MAX_CPS];
    utf8proc_ssize_t k, j;
    size_t o = 0;
    k = utf8proc_decompose(s, (utf8proc_ssize_t)n, cps, NFC_MAX_CPS,
                           NFC_OPTIONS);
    if (k < 0 || k > NFC_MAX_CPS)
        return SIZE_MAX;
    k = utf8proc_normalize_utf32(cps, k, NFC_OPTIONS);
    if (k < 0)
        return SIZE_MAX;
    for (j = 0; j < k; j++) {
        if (cap - o < 4)
            return SIZE_MAX;
        o += tc_utf8_encode(cps[j], out + o);
    }
    return o;
}

/*
 * True when NFC leaves cp alone whatever surrounds it, and nothing before
 * it can combine with it: a starter that is no second half of a
 * composition (Hangul vowels and finals, and the composing vowel signs,
 * are Extend, SpacingMark, V or T in UAX #29) and that NFC maps to itself.
 */
static bool nfc_quiet_lookup(int32_t cp)
{
    const utf8proc_property_t *p = utf8proc_get_property(cp);
    utf8proc_int32_t buf[8];
    utf8proc_ssize_t k;
    if (p->combining_class != 0)
        return false;
    switch (p->boundclass) {
    case UTF8PROC_BOUNDCLASS_EXTEND:
    case UTF8PROC_BOUNDCLASS_SPACINGMARK:
    case UTF8PROC_BOUNDCLASS_V:
    case UTF8PROC_BOUNDCLASS_T:
        return false;
    default:
        break;
    }
    if (p->decomp_seqindex == UINT16_MAX || p->decomp_type != 0)
        return true; /* no canonical decomposition */
    /* Precomposed: quiet unless a singleton or excluded from composition. */
    k = utf8proc_decompose_char(cp, buf, 8, NFC_OPTIONS, NULL);
    if (k < 1 || k > 8)
        return false;
    k = utf8proc_normalize_utf32(buf, k, NFC_OPTIONS);
    return k == 1 && buf[0] == cp;
}

static bool nfc_quiet(norm_ctx *c, int32_t cp)
{
    size_t k = (size_t)cp & (QCACHE - 1);
    if (cp < 0x300)
        return true;
    if (c->qc_cp[k] != cp) {
        c->qc_cp[k] = cp;
        c->qc_val[k] = nfc_quiet_lookup(cp);
    }
    return c->qc_val[k];
}

/* ---- Output and anchors ---- */

static tc_status out_reserve(norm_ctx *c, size_t extra)
{
    size_t need, cap;
    char *p;
    if (c->cap - c->len > extra)
        return TC_OK;
    if (extra > SIZE_MAX / 4 - c->len)
        return TC_ERR_LIMIT;
    need = c->len + extra + 1;
    cap = TC_MAX(c->cap * 2, need);
    p = tc_arena_alloc(c->arena, cap);
    if (!p)
        return TC_ERR_NOMEM;
    memcpy(p, c->out, c->len);
    c->out = p;
    c->cap = cap;
    return TC_OK;
}

static tc_status anchor_push(norm_ctx *c, size_t norm, size_t text)
{
    tc_anchor *last = c->na ? &c->a[c->na - 1] : NULL;
    if (last && last->norm == norm && last->text == text)
        return TC_OK;
    if (norm > UINT32_MAX || text > UINT32_MAX)
        return TC_ERR_LIMIT;
    if (c->na == c->acap) {
        size_t cap = c->acap ? c->acap * 2 : FIRST_ANCHORS;
        tc_anchor *p = tc_arena_alloc(c->arena, cap * sizeof *p);
        if (!p)
            return TC_ERR_NOMEM;
        if (c->na)
            memcpy(p, c->a, c->na * sizeof *p);
        c->a = p;
        c->acap = cap;
    }
    c->a[c->na].norm = (uint32_t)norm;
    c->a[c->na].text = (uint32_t)text;
    c->na++;
    return TC_OK;
}

static tc_status append_verbatim(norm_ctx *c, size_t from, size_t to)
{
    tc_status st = out_reserve(c, to - from);
    if (st != TC_OK)
        return st;
    memcpy(c->out + c->len, c->in + from, to - from);
    c->len += to - from;
    return TC_OK;
}

/*
 * Replaces text[ts..te) with rep[0..rn).  The run gets an anchor at each
 * end; when both sides have the same length (2 or more) a third anchor
 * splits it so that every offset in it still maps to its start.
 */
static tc_status emit(norm_ctx *c, size_t ts, size_t te, const char *rep,
                      size_t rn)
{
    size_t ns = c->len;
    tc_status st = out_reserve(c, rn);
    if (st != TC_OK)
        return st;
    memcpy(c->out + ns, rep, rn);
    c->len = ns + rn;
    c->repl_end = c->len;
    if (rn == 1 && te - ts == 1)
        return TC_OK; /* offsets are unchanged */
    st = anchor_push(c, ns, ts);
    if (st == TC_OK && rn == te - ts)
        st = anchor_push(c, ns + rn - 1, ts);
    if (st == TC_OK)
        st = anchor_push(c, ns + rn, te);
    return st;
}

/* ---- The characters that are not copied ---- */

/* Start of what NFC must see with the character at i: the character
 * before it when it was copied as is and is quiet (a possible base),
 * else i itself. */
static size_t nfc_base(norm_ctx *c, size_t i)
{
    size_t k = i, copied = c->len - c->repl_end;
    int32_t cp;
    if (copied == 0)
        return i;
    do {
        k--;
    } while (k > 0 && i - k < 4 && (c->in[k] & 0xC0) == 0x80);
    if (i - k > copied || tc_utf8_decode(c->in + k, i - k, &cp) != i - k)
        return i;
    return nfc_quiet(c, cp) ? k : i;
}

/* End of the run of characters from i on that NFC might change. */
static size_t nfc_extent(norm_ctx *c, size_t i)
{
    size_t count = 0;
    while (i < c->n && count < NFC_MAX_CHARS && c->in[i] >= 0x80) {
        int32_t cp;
        size_t len = tc_utf8_decode(c->in + i, c->n - i, &cp);
        if (len == 1 || typo_map(cp) || nfc_quiet(c, cp))
            break;
        i += len;
        count++;
    }
    return i;
}

static size_t lead_len(unsigned char b)
{
    return b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
}

/* Bytes of the longest common prefix of two valid UTF-8 strings made of
 * whole characters. */
static size_t common_prefix(const unsigned char *a, size_t an,
                            const unsigned char *b, size_t bn)
{
    size_t p = 0;
    while (p < an && p < bn) {
        size_t len = lead_len(a[p]);
        if (len > an - p || len > bn - p || memcmp(a + p, b + p, len) != 0)
            break;
        p += len;
    }
    return p;
}

/* Length of the character of s ending at `end`, not reaching below `low`
 * (a character boundary). */
static size_t char_before(const unsigned char *s, size_t end, size_t low)
{
    size_t k = end - 1;
    while (k > low && (s[k] & 0xC0) == 0x80)
        k--;
    return end - k;
}

/* The same for the longest common suffix, which leaves the first `low`
 * bytes of both alone. */
static size_t common_suffix(const unsigned char *a, size_t an,
                            const unsigned char *b, size_t bn, size_t low)
{
    size_t s = 0;
    while (an - s > low && bn - s > low) {
        size_t la = char_before(a, an - s, low);
        size_t lb = char_before(b, bn - s, low);
        if (la != lb || memcmp(a + an - s - la, b + bn - s - lb, la) != 0)
            break;
        s += la;
    }
    return s;
}

/*
 * The character at *pi is one NFC might change: NFC it with its base and
 * whatever follows that NFC might change too.  Only the part between the
 * unchanged characters at either end becomes a replaced run, so that the
 * boundaries around, say, a decomposed exclusion stay exact.
 */
static tc_status nfc_segment(norm_ctx *c, size_t *pi)
{
    size_t i = *pi, start = nfc_base(c, i), end = nfc_extent(c, i);
    size_t n = end - start, blen, pre, suf;
    const unsigned char *in = c->in + start;
    char buf[NFC_MAX_CPS * 4];
    tc_status st;
    *pi = end;
    blen = nfc_apply(in, n, buf, sizeof buf);
    if (blen == SIZE_MAX)
        return append_verbatim(c, i, end);
    pre = common_prefix(in, n, (const unsigned char *)buf, blen);
    if (pre == n && pre == blen)
        return append_verbatim(c, i, end); /* the base is already out */
    suf = common_suffix(in, n, (const unsigned char *)buf, blen, pre);
    c->len -= i - start; /* take the base back */
    st = append_verbatim(c, start, start + pre);
    if (st == TC_OK)
        st = emit(c, start + pre, end - suf, buf + pre, blen - pre - suf);
    if (st == TC_OK)
        st = append_verbatim(c, end - suf, end);
    return st;
}

/* \r\n and \r -> \n, \f -> \n, \t and \v -> space. */
static tc_status fold_control(norm_ctx *c, size_t *pi)
{
    size_t i = *pi, te = i + 1;
    unsigned char b = c->in[i];
    if (b == '\r' && te < c->n && c->in[te] == '\n')
        te++;
    *pi = te;
    return emit(c, i, te, b == '\r' || b == '\f' ? "\n" : " ", 1);
}

/* Handles the character at *pi, which is not copied as is. */
static tc_status norm_special(norm_ctx *c, size_t *pi)
{
    size_t i = *pi, len;
    int32_t cp;
    const char *rep;
    if (c->in[i] < 0x80)
        return fold_control(c, pi);
    len = tc_utf8_decode(c->in + i, c->n - i, &cp);
    if (len == 1) { /* not from tc_text_decode: keep norm valid anyway */
        *pi = i + 1;
        return emit(c, i, i + 1, REPLACEMENT, 3);
    }
    rep = typo_map(cp);
    if (rep) {
        *pi = i + len;
        return emit(c, i, i + len, rep, strlen(rep));
    }
    return nfc_segment(c, pi);
}

/* End of the run from i on that is copied as is: plain ASCII and
 * non-ASCII characters that are neither folded nor touched by NFC. */
static size_t verbatim_end(norm_ctx *c, size_t i)
{
    for (;;) {
        int32_t cp;
        size_t len;
        i += plain_run(c->in + i, c->n - i);
        if (i >= c->n || c->in[i] < 0x80)
            return i;
        len = tc_utf8_decode(c->in + i, c->n - i, &cp);
        if (len == 1 || typo_map(cp) || !nfc_quiet(c, cp))
            return i;
        i += len;
    }
}

static tc_status norm_run(norm_ctx *c, size_t i)
{
    tc_status st = TC_OK;
    while (i < c->n && st == TC_OK) {
        size_t end = verbatim_end(c, i);
        if (end > i) {
            st = append_verbatim(c, i, end);
            i = end;
        } else {
            st = norm_special(c, &i);
        }
    }
    return st;
}

static void ctx_init(norm_ctx *c, tc_arena *arena, const char *text,
                     size_t n)
{
    size_t k;
    memset(c, 0, sizeof *c);
    c->arena = arena;
    c->in = (const unsigned char *)text;
    c->n = n;
    for (k = 0; k < QCACHE; k++)
        c->qc_cp[k] = -1;
}

tc_status tc_text_normalize(tc_arena *arena, const char *text, size_t n,
                            tc_normalized *out)
{
    norm_ctx c;
    tc_status st;
    size_t plain;
    if (!out)
        return TC_ERR_USAGE;
    memset(out, 0, sizeof *out);
    if (!arena || (!text && n))
        return TC_ERR_USAGE;
    if (n > NORM_MAX_IN)
        return TC_ERR_LIMIT;
    plain = plain_run((const unsigned char *)text, n);
    if (plain == n) { /* nothing to change: no anchors */
        out->norm = tc_arena_strndup(arena, n ? text : "", n);
        if (!out->norm)
            return TC_ERR_NOMEM;
        out->len = n;
        out->map.text_len = n;
        return TC_OK;
    }
    ctx_init(&c, arena, text, n);
    c.cap = n + OUT_SLACK + 1;
    c.out = tc_arena_alloc(arena, c.cap);
    if (!c.out)
        return TC_ERR_NOMEM;
    memcpy(c.out, text, plain);
    c.len = plain;
    st = norm_run(&c, plain);
    if (st != TC_OK)
        return st;
    c.out[c.len] = '\0';
    out->norm = c.out;
    out->len = c.len;
    out->map.a = c.a;
    out->map.n = c.na;
    out->map.text_len = n;
    return TC_OK;
}
