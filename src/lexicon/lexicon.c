/*
 * lexicon.c - the dictionary store and its matcher.
 *
 * Strings live in one pool and are interned (one copy each).  Names are
 * split into words and each word into a key (lower case, no diacritics, no
 * abbreviation periods); keys get small ids.  At freeze the names become a
 * trie whose edges are one hash table keyed by (node, key id), so matching
 * a sentence costs one hash probe per token and word of the longest name.
 * A node's entries are ordered by how much their case rules demand (any
 * case, capitalized, all capitals), so the entries a text token allows are
 * a prefix of them.
 */
#include "lexicon.h"

#include <string.h>
#include <utf8proc.h>

#define KEY_MAX 128u /* bytes of one word's key */
#define MAX_NAME_WORDS 16u

typedef struct name_rec {
    uint32_t entry;
    uint32_t words;  /* string id of the keys joined by '\n' */
    uint8_t flags;
} name_rec;

typedef struct trie_node {
    uint32_t first;   /* index into node_entries */
    uint32_t count[3];/* entries allowing: any case, capitalized, capitals */
} trie_node;

typedef struct edge_slot {
    uint64_t key;     /* node << 32 | key id; 0 = empty (root has no key 0) */
    uint32_t child;
} edge_slot;

/* A (string id -> two values) pair, for the sorted indexes built at
 * freeze: role holders and fuzzy name words. */
typedef struct pair {
    uint32_t key, a, b;
} pair;

typedef struct hash_set {
    uint32_t *slots;  /* string ids; 0 = empty */
    size_t cap;       /* power of two */
    size_t used;
} hash_set;

struct tc_lexicon {
    const tc_allocator *alloc;
    tc_sb pool;             /* interned strings, NUL-separated; offset = id */
    hash_set strings;       /* pool offsets by content */
    tc_vec entries;         /* tc_entry */
    tc_vec periods;         /* tc_period */
    tc_vec names;           /* name_rec, until freeze */
    /* vocabulary: key string id -> key id (1-based index in key_strs) */
    hash_set keys;          /* indexes into key_strs, +1 */
    tc_vec key_strs;        /* uint32 string ids */
    /* the trie */
    tc_vec nodes;           /* trie_node; node 0 is the root */
    tc_vec node_entries;    /* uint32 entry ids */
    edge_slot *edges;
    size_t edge_cap, edge_used;
    tc_vec roles;           /* pair: "CCC\ntitle" -> (entry, period) */
    tc_vec fuzzy;           /* pair: word or its deletion -> (entry, word) */
    bool frozen;
};

/* ---- Hashing ---------------------------------------------------------- */

static uint64_t hash_bytes(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ull; /* FNV-1a */
    size_t i;
    for (i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ull;
    }
    return h ^ (h >> 29);
}

static uint64_t hash_u64(uint64_t x)
{
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdull;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ull;
    return x ^ (x >> 33);
}

static tc_status set_grow(const tc_allocator *a, hash_set *h)
{
    size_t cap = h->cap ? h->cap * 2 : 1024;
    uint32_t *slots = tc_malloc(a, cap * sizeof *slots);
    if (!slots)
        return TC_ERR_NOMEM;
    memset(slots, 0, cap * sizeof *slots);
    tc_free(a, h->slots);
    h->slots = slots;
    h->cap = cap;
    h->used = 0;
    return TC_OK;
}

/* ---- Strings ---------------------------------------------------------- */

const char *tc_lexicon_str(const tc_lexicon *lx, uint32_t id)
{
    return id < lx->pool.n ? lx->pool.p + id : "";
}

static bool pool_eq(const tc_lexicon *lx, uint32_t id, const char *s, size_t n)
{
    const char *p = lx->pool.p + id;
    /* most probes meet another string: its first byte tells */
    return p[0] == s[0] && strncmp(p, s, n) == 0 && p[n] == '\0';
}

/* The slot of s in the string set: where it is, or the empty slot where it
 * would go. */
static size_t string_slot(const tc_lexicon *lx, const char *s, size_t n)
{
    size_t mask = lx->strings.cap - 1, i = hash_bytes(s, n) & mask;
    while (lx->strings.slots[i] && !pool_eq(lx, lx->strings.slots[i], s, n))
        i = (i + 1) & mask;
    return i;
}

static tc_status rehash_strings(tc_lexicon *lx)
{
    size_t off = 1;
    tc_status st = set_grow(lx->alloc, &lx->strings);
    if (st != TC_OK)
        return st;
    while (off < lx->pool.n) {
        size_t len = strlen(lx->pool.p + off);
        lx->strings.slots[string_slot(lx, lx->pool.p + off, len)] =
            (uint32_t)off;
        lx->strings.used++;
        off += len + 1;
    }
    return TC_OK;
}

uint32_t tc_lexicon_intern(tc_lexicon *lx, const char *s, size_t n)
{
    size_t slot;
    uint32_t id;
    if (n == 0)
        return 0;
    if ((lx->strings.used + 1) * 2 > lx->strings.cap &&
        rehash_strings(lx) != TC_OK)
        return 0;
    slot = string_slot(lx, s, n);
    if (lx->strings.slots[slot])
        return lx->strings.slots[slot];
    if (memchr(s, '\0', n) || lx->pool.n > UINT32_MAX - n - 1)
        return 0;
    id = (uint32_t)lx->pool.n;
    if (tc_sb_append(&lx->pool, s, n) != TC_OK ||
        tc_sb_putc(&lx->pool, '\0') != TC_OK)
        return 0;
    lx->strings.slots[slot] = id;
    lx->strings.used++;
    return id;
}

/* ---- Keys ------------------------------------------------------------- */

/* Letters that do not decompose into a base letter and a mark. */
static int32_t fold_extra(int32_t cp)
{
    switch (cp) {
    case 0x0142: return 'l'; /* ł */
    case 0x00F8: return 'o'; /* ø */
    case 0x0111: return 'd'; /* đ */
    case 0x0127: return 'h'; /* ħ */
    case 0x0131: return 'i'; /* dotless ı */
    case 0x00E6: return 'a'; /* æ (ae would break lengths; a is enough) */
    case 0x0153: return 'o'; /* œ */
    case 0x00FE: return 't'; /* þ */
    case 0x02BC: case 0x2019: case 0x02BB: return '\''; /* ʼ ’ ʻ */
    default: return cp;
    }
}

static size_t key_char(int32_t cp, char *out, size_t room)
{
    utf8proc_int32_t buf[8];
    int last = 0;
    utf8proc_ssize_t n, i;
    size_t len = 0;
    n = utf8proc_decompose_char(cp, buf, 8,
                                UTF8PROC_CASEFOLD | UTF8PROC_DECOMPOSE |
                                    UTF8PROC_STRIPMARK,
                                &last);
    for (i = 0; i < n && i < 8; i++) {
        char tmp[4];
        size_t k = tc_utf8_encode(fold_extra(buf[i]), tmp);
        if (len + k > room)
            break;
        memcpy(out + len, tmp, k);
        len += k;
    }
    return len;
}

size_t tc_key_make(const char *s, size_t n, char *out, size_t cap)
{
    size_t i = 0, len = 0;
    bool letters = false, dots = false;
    for (i = 0; i < n; i++) {
        letters = letters || ((s[i] | 32) >= 'a' && (s[i] | 32) <= 'z');
        dots = dots || s[i] == '.';
    }
    for (i = 0; i < n && len < cap;) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            /* Abbreviation periods go: U.S. = US. */
            if (!(c == '.' && letters && dots))
                out[len++] = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
            i++;
        } else {
            int32_t cp;
            size_t k = tc_utf8_decode((const unsigned char *)s + i, n - i, &cp);
            len += key_char(cp, out + len, cap - len);
            i += k;
        }
    }
    return len;
}

static size_t key_slot(const tc_lexicon *lx, const char *k, size_t n)
{
    size_t mask = lx->keys.cap - 1, i = hash_bytes(k, n) & mask;
    const uint32_t *ids = lx->key_strs.p;
    while (lx->keys.slots[i] && !pool_eq(lx, ids[lx->keys.slots[i] - 1], k, n))
        i = (i + 1) & mask;
    return i;
}

uint32_t tc_lexicon_key_id(const tc_lexicon *lx, const char *key, size_t n)
{
    size_t slot;
    if (!lx->keys.cap || n == 0)
        return 0;
    slot = key_slot(lx, key, n);
    return lx->keys.slots[slot];
}

static uint32_t key_add(tc_lexicon *lx, const char *k, size_t n, tc_status *st)
{
    size_t slot, i;
    uint32_t sid, *p;
    *st = TC_OK;
    if ((lx->key_strs.n + 1) * 2 > lx->keys.cap) {
        *st = set_grow(lx->alloc, &lx->keys);
        if (*st != TC_OK)
            return 0;
        for (i = 0; i < lx->key_strs.n; i++) {
            const char *ks = tc_lexicon_str(lx, ((uint32_t *)lx->key_strs.p)[i]);
            lx->keys.slots[key_slot(lx, ks, strlen(ks))] = (uint32_t)(i + 1);
        }
    }
    slot = key_slot(lx, k, n);
    if (lx->keys.slots[slot])
        return lx->keys.slots[slot];
    sid = tc_lexicon_intern(lx, k, n);
    p = sid ? tc_vec_push(&lx->key_strs, st) : NULL;
    if (!p) {
        if (*st == TC_OK)
            *st = TC_ERR_NOMEM;
        return 0;
    }
    *p = sid;
    lx->keys.slots[slot] = (uint32_t)lx->key_strs.n;
    return (uint32_t)lx->key_strs.n;
}

/* ---- Lifecycle and building ------------------------------------------- */

tc_lexicon *tc_lexicon_new(const tc_allocator *alloc)
{
    tc_lexicon *lx;
    const tc_allocator *a = alloc ? alloc : tc_default_allocator();
    lx = tc_malloc(a, sizeof *lx);
    if (!lx)
        return NULL;
    memset(lx, 0, sizeof *lx);
    lx->alloc = a;
    tc_sb_init(&lx->pool, a, UINT32_MAX / 2);
    tc_vec_init(&lx->entries, a, sizeof(tc_entry), 0);
    tc_vec_init(&lx->periods, a, sizeof(tc_period), 0);
    tc_vec_init(&lx->names, a, sizeof(name_rec), 0);
    tc_vec_init(&lx->key_strs, a, sizeof(uint32_t), 0);
    tc_vec_init(&lx->nodes, a, sizeof(trie_node), 0);
    tc_vec_init(&lx->node_entries, a, sizeof(uint32_t), 0);
    tc_vec_init(&lx->roles, a, sizeof(pair), 0);
    tc_vec_init(&lx->fuzzy, a, sizeof(pair), 0);
    if (tc_sb_putc(&lx->pool, '\0') != TC_OK) { /* id 0 is "" */
        tc_lexicon_free(lx);
        return NULL;
    }
    return lx;
}

const tc_allocator *tc_lexicon_allocator(const tc_lexicon *lx)
{
    return lx->alloc;
}

void tc_lexicon_free(tc_lexicon *lx)
{
    if (!lx)
        return;
    tc_sb_free(&lx->pool);
    tc_free(lx->alloc, lx->strings.slots);
    tc_free(lx->alloc, lx->keys.slots);
    tc_vec_free(&lx->entries);
    tc_vec_free(&lx->periods);
    tc_vec_free(&lx->names);
    tc_vec_free(&lx->key_strs);
    tc_vec_free(&lx->nodes);
    tc_vec_free(&lx->node_entries);
    tc_vec_free(&lx->roles);
    tc_vec_free(&lx->fuzzy);
    tc_free(lx->alloc, lx->edges);
    tc_free(lx->alloc, lx);
}

static const char *const type_names[TC_ACTOR_TYPE_COUNT_] = {
    "person", "state", "place", "org", "group", "agent"};

const char *tc_actor_type_name(tc_actor_type type)
{
    return (unsigned)type < TC_ACTOR_TYPE_COUNT_ ? type_names[type] : "";
}

int tc_actor_type_parse(const char *s, size_t n)
{
    int i;
    for (i = 0; i < TC_ACTOR_TYPE_COUNT_; i++)
        if (strlen(type_names[i]) == n && memcmp(type_names[i], s, n) == 0)
            return i;
    return -1;
}

tc_status tc_lexicon_add_entry(tc_lexicon *lx, tc_actor_type type,
                               const char *name, size_t n, uint32_t *out)
{
    tc_status st;
    tc_entry *e;
    uint32_t id;
    if (lx->frozen)
        return TC_ERR_USAGE;
    if (n == 0 || memchr(name, '\0', n))
        return TC_ERR_INPUT;
    id = tc_lexicon_intern(lx, name, n);
    if (!id)
        return TC_ERR_NOMEM;
    e = tc_vec_push(&lx->entries, &st);
    if (!e)
        return st;
    e->type = (uint8_t)type;
    e->name = id;
    e->first_period = (uint32_t)lx->periods.n;
    *out = (uint32_t)(lx->entries.n - 1);
    return tc_lexicon_add_name(lx, *out, name, n);
}

static bool is_caps_phrase(const char *s, size_t n)
{
    size_t i, letters = 0;
    for (i = 0; i < n; i++) {
        if (s[i] >= 'a' && s[i] <= 'z')
            return false;
        letters += s[i] >= 'A' && s[i] <= 'Z';
    }
    return letters >= 2;
}

static bool is_name_sep(char c)
{
    return c == ' ' || c == '_' || c == '-' || c == '\t';
}

/* Splits a phrase into the words the tokenizer would make of it: at
 * spaces, underscores and hyphens (the matcher skips the hyphens of
 * hyphenated words), with a possessive 's, a trailing apostrophe
 * ("Philippines'") and a comma as words of their own. */
static size_t phrase_words(const char *s, size_t n, tc_sv *words, size_t max)
{
    size_t i = 0, count = 0;
    while (i < n && count + 2 < max) {
        size_t j, end;
        tc_sv tail = {NULL, 0};
        while (i < n && is_name_sep(s[i]))
            i++;
        j = i;
        while (j < n && !is_name_sep(s[j]))
            j++;
        end = j;
        if (end > i && s[end - 1] == ',') {
            tail = tc_sv_make(s + end - 1, 1);
            end--;
        }
        if (end - i > 2 && (s[end - 1] == 's' || s[end - 1] == 'S') &&
            s[end - 2] == '\'') {
            words[count++] = tc_sv_make(s + i, end - i - 2);
            words[count++] = tc_sv_make(s + end - 2, 2);
        } else if (end - i > 1 && s[end - 1] == '\'') {
            words[count++] = tc_sv_make(s + i, end - i - 1);
            words[count++] = tc_sv_make(s + end - 1, 1);
        } else if (end > i) {
            words[count++] = tc_sv_make(s + i, end - i);
        }
        if (tail.n)
            words[count++] = tail;
        i = j;
    }
    return count;
}

tc_status tc_lexicon_add_name(tc_lexicon *lx, uint32_t entry, const char *phrase,
                              size_t n)
{
    tc_sv words[MAX_NAME_WORDS];
    char buf[MAX_NAME_WORDS * (KEY_MAX + 1)];
    size_t count, i, len = 0;
    tc_entry *e;
    tc_status st;
    name_rec *r;
    if (lx->frozen || entry + 1 != lx->entries.n)
        return TC_ERR_USAGE;
    e = tc_vec_at(&lx->entries, entry);
    phrase = tc_sv_trim(tc_sv_make(phrase, n)).p;
    n = tc_sv_trim(tc_sv_make(phrase, n)).n;
    count = phrase_words(phrase, n, words, MAX_NAME_WORDS);
    /* "the Kremlin": the article is not part of the name (and would stop
     * it matching inside a sentence, where "the" is lower case). */
    if (count > 1 && e->type != TC_ACTOR_AGENT &&
        tc_sv_eq_nocase(words[0], tc_sv_cstr("the"))) {
        memmove(words, words + 1, (count - 1) * sizeof *words);
        count--;
        phrase = words[0].p;
        n = (size_t)(words[count - 1].p + words[count - 1].n - phrase);
    }
    if (count == 0)
        return TC_ERR_INPUT;
    for (i = 0; i < count; i++) {
        size_t k = tc_key_make(words[i].p, words[i].n, buf + len, KEY_MAX);
        if (k == 0)
            return TC_ERR_INPUT;
        if (key_add(lx, buf + len, k, &st) == 0)
            return st;
        len += k;
        buf[len++] = '\n';
    }
    r = tc_vec_push(&lx->names, &st);
    if (!r)
        return st;
    if (((tc_entry *)tc_vec_at(&lx->entries, entry))->name_count++ == 0)
        ((tc_entry *)tc_vec_at(&lx->entries, entry))->first_name =
            (uint32_t)(lx->names.n - 1);
    r->entry = entry;
    r->words = tc_lexicon_intern(lx, buf, len - 1);
    if (!r->words)
        return TC_ERR_NOMEM;
    if (is_caps_phrase(phrase, n))
        r->flags |= TC_NAME_CAPS_ONLY;
    else if (e->type != TC_ACTOR_AGENT)
        r->flags |= TC_NAME_CAPITAL;
    return TC_OK;
}

tc_status tc_lexicon_add_code(tc_lexicon *lx, uint32_t entry, const char *code,
                              size_t n, tc_day from, tc_day to,
                              const char *roles, size_t roles_len)
{
    tc_entry *e;
    tc_period *p;
    tc_status st;
    if (lx->frozen || entry + 1 != lx->entries.n)
        return TC_ERR_USAGE;
    e = tc_vec_at(&lx->entries, entry);
    p = tc_vec_push(&lx->periods, &st);
    if (!p)
        return st;
    p->from = from;
    p->to = to;
    p->code = tc_lexicon_intern(lx, code, n);
    p->roles = roles && roles_len ? tc_lexicon_intern(lx, roles, roles_len) : 0;
    if (!p->code || (roles_len && !p->roles))
        return TC_ERR_NOMEM;
    e->period_count++;
    return TC_OK;
}

static void copy_code(char *dst, size_t cap, const char *s, size_t n)
{
    n = TC_MIN(n, cap - 1);
    memcpy(dst, s, n);
    dst[n] = '\0';
}

void tc_lexicon_set_country(tc_lexicon *lx, uint32_t entry, const char *c,
                            size_t n)
{
    if (entry < lx->entries.n)
        copy_code(((tc_entry *)tc_vec_at(&lx->entries, entry))->country, 4, c,
                  n);
}

void tc_lexicon_set_affiliation(tc_lexicon *lx, uint32_t entry, const char *c,
                                size_t n)
{
    if (entry < lx->entries.n)
        copy_code(((tc_entry *)tc_vec_at(&lx->entries, entry))->affiliation,
                  16, c, n);
}

/* ---- Freeze: names -> trie -------------------------------------------- */

static size_t edge_find(const tc_lexicon *lx, uint64_t key)
{
    size_t mask = lx->edge_cap - 1, i = hash_u64(key) & mask;
    while (lx->edges[i].key && lx->edges[i].key != key)
        i = (i + 1) & mask;
    return i;
}

static tc_status build_indexes(tc_lexicon *lx);

static tc_status edges_alloc(tc_lexicon *lx, size_t count)
{
    size_t cap = 1024;
    while (cap < count * 2 + 2)
        cap *= 2;
    lx->edges = tc_malloc(lx->alloc, cap * sizeof *lx->edges);
    if (!lx->edges)
        return TC_ERR_NOMEM;
    memset(lx->edges, 0, cap * sizeof *lx->edges);
    lx->edge_cap = cap;
    return TC_OK;
}

/* The child of `node` on key `k`, made if missing. */
static tc_status child_of(tc_lexicon *lx, uint32_t node, uint32_t k,
                          uint32_t *out)
{
    uint64_t key = ((uint64_t)node << 32) | k;
    size_t slot = edge_find(lx, key);
    tc_status st;
    trie_node *n;
    if (lx->edges[slot].key) {
        *out = lx->edges[slot].child;
        return TC_OK;
    }
    n = tc_vec_push(&lx->nodes, &st);
    if (!n)
        return st;
    lx->edges[slot].key = key;
    lx->edges[slot].child = (uint32_t)(lx->nodes.n - 1);
    lx->edge_used++;
    *out = lx->edges[slot].child;
    return TC_OK;
}

/* Walks a name's keys down the trie; returns its last node. */
static tc_status insert_name(tc_lexicon *lx, const name_rec *r, uint32_t *node)
{
    const char *w = tc_lexicon_str(lx, r->words);
    tc_status st = TC_OK;
    *node = 0;
    while (*w && st == TC_OK) {
        const char *end = strchr(w, '\n');
        size_t n = end ? (size_t)(end - w) : strlen(w);
        uint32_t k = tc_lexicon_key_id(lx, w, n);
        st = k ? child_of(lx, *node, k, node) : TC_ERR_INPUT;
        w += n + (end ? 1 : 0);
    }
    return st;
}

/* The case class of a name: 0 any case, 1 capitalized, 2 capitals. */
static int name_class(uint8_t flags)
{
    return (flags & TC_NAME_CAPS_ONLY) ? 2 : (flags & TC_NAME_CAPITAL) ? 1 : 0;
}

typedef struct placed {
    uint32_t node, entry;
    int cls;
} placed;

static int placed_cmp(const void *a, const void *b)
{
    const placed *x = a, *y = b;
    if (x->node != y->node)
        return x->node < y->node ? -1 : 1;
    if (x->cls != y->cls)
        return x->cls - y->cls;
    return x->entry < y->entry ? -1 : x->entry > y->entry;
}

static tc_status fill_nodes(tc_lexicon *lx, placed *pl, size_t n)
{
    size_t i;
    tc_status st = TC_OK;
    qsort(pl, n, sizeof *pl, placed_cmp);
    for (i = 0; i < n && st == TC_OK; i++) {
        trie_node *node = tc_vec_at(&lx->nodes, pl[i].node);
        uint32_t *slot;
        if (i > 0 && pl[i].node == pl[i - 1].node &&
            pl[i].entry == pl[i - 1].entry && pl[i].cls == pl[i - 1].cls)
            continue; /* the same name twice */
        if (node->count[0] + node->count[1] + node->count[2] == 0)
            node->first = (uint32_t)lx->node_entries.n;
        slot = tc_vec_push(&lx->node_entries, &st);
        if (slot) {
            *slot = pl[i].entry;
            node->count[pl[i].cls]++;
        }
    }
    return st;
}

tc_status tc_lexicon_freeze(tc_lexicon *lx)
{
    placed *pl;
    size_t i, total_words = 0;
    tc_status st;
    trie_node *root;
    if (lx->frozen)
        return TC_OK;
    for (i = 0; i < lx->names.n; i++) {
        const char *w = tc_lexicon_str(
            lx, ((const name_rec *)tc_vec_at(&lx->names, i))->words);
        total_words++;
        while ((w = strchr(w, '\n')) != NULL) {
            total_words++;
            w++;
        }
    }
    root = tc_vec_push(&lx->nodes, &st);
    if (!root)
        return st;
    st = edges_alloc(lx, total_words + lx->names.n);
    if (st != TC_OK)
        return st;
    pl = tc_malloc(lx->alloc, (lx->names.n + 1) * sizeof *pl);
    if (!pl)
        return TC_ERR_NOMEM;
    for (i = 0; i < lx->names.n && st == TC_OK; i++) {
        const name_rec *r = tc_vec_at(&lx->names, i);
        if (lx->edge_used * 2 + 2 > lx->edge_cap) {
            st = TC_ERR_LIMIT; /* cannot happen: sized from the words */
            break;
        }
        st = insert_name(lx, r, &pl[i].node);
        pl[i].entry = r->entry;
        pl[i].cls = name_class(r->flags);
    }
    if (st == TC_OK)
        st = fill_nodes(lx, pl, lx->names.n);
    tc_free(lx->alloc, pl);
    if (st == TC_OK)
        st = build_indexes(lx);
    if (st == TC_OK)
        lx->frozen = true;
    return st;
}

/* ---- Lookup ----------------------------------------------------------- */

size_t tc_lexicon_entry_count(const tc_lexicon *lx)
{
    return lx->entries.n;
}

size_t tc_lexicon_name_count(const tc_lexicon *lx)
{
    return lx->names.n;
}

const tc_entry *tc_lexicon_entry(const tc_lexicon *lx, uint32_t i)
{
    return i < lx->entries.n ? tc_vec_at(&lx->entries, i) : NULL;
}

const tc_period *tc_lexicon_period(const tc_lexicon *lx, uint32_t i)
{
    return i < lx->periods.n ? tc_vec_at(&lx->periods, i) : NULL;
}

/* Whether a period is a "former" one (an ELI code after office). */
static bool former_period(const tc_lexicon *lx, const tc_period *p)
{
    const char *c = tc_lexicon_str(lx, p->code);
    size_t n = strlen(c);
    return n >= 3 && strcmp(c + n - 3, "ELI") == 0;
}

const tc_period *tc_entry_period_on(const tc_lexicon *lx, const tc_entry *e,
                                    tc_day day)
{
    const tc_period *p = tc_vec_at(&lx->periods, e->first_period);
    const tc_period *undated = NULL, *before = NULL, *latest = NULL;
    uint32_t i;
    if (e->period_count == 0)
        return NULL;
    for (i = 0; i < e->period_count; i++) {
        const tc_period *q = &p[i];
        if (!q->from && !q->to) {
            undated = q;
            continue;
        }
        if (day && (!q->from || q->from <= day) && (!q->to || day <= q->to))
            return q;
        /* Without a date, the latest office (not the years after it). */
        if (!former_period(lx, q) && (!latest || q->from > latest->from))
            latest = q;
        if (day && q->from && q->from <= day &&
            (!before || q->from > before->from))
            before = q;
    }
    if (undated)
        return undated;
    if (!day)
        return latest ? latest : p;
    return before ? before : p;
}

const tc_period *tc_entry_period_with(const tc_lexicon *lx, const tc_entry *e,
                                      const char *agent)
{
    const tc_period *p = tc_vec_at(&lx->periods, e->first_period), *best = NULL;
    uint32_t i;
    for (i = 0; i < e->period_count; i++) {
        const char *c = tc_lexicon_str(lx, p[i].code);
        if (strlen(c) >= 6 && memcmp(c + 3, agent, 3) == 0 &&
            (!best || p[i].from > best->from))
            best = &p[i];
    }
    return best;
}

tc_name_hit tc_lexicon_match(const tc_lexicon *lx, const tc_match_tok *toks,
                             size_t n, size_t i)
{
    tc_name_hit best = {0, NULL, 0};
    uint32_t node = 0;
    size_t j;
    int allowed = (toks[i].caps & 2) ? 3 : (toks[i].caps & 1) ? 2 : 1;
    if (!lx->frozen)
        return best;
    for (j = i; j < n && toks[j].key; j++) {
        uint64_t key = ((uint64_t)node << 32) | toks[j].key;
        size_t slot = edge_find(lx, key);
        const trie_node *t;
        uint32_t count = 0;
        int c;
        if (!lx->edges[slot].key)
            break;
        node = lx->edges[slot].child;
        t = tc_vec_at(&lx->nodes, node);
        for (c = 0; c < allowed; c++)
            count += t->count[c];
        if (count) {
            best.len = (uint32_t)(j - i + 1);
            best.entries = (const uint32_t *)lx->node_entries.p + t->first;
            best.entry_count = count;
        }
    }
    return best;
}

/* ---- Veto words, role and fuzzy indexes -------------------------------- */

tc_status tc_lexicon_set_veto(tc_lexicon *lx, uint32_t entry, const char *words,
                              size_t n)
{
    char buf[1024];
    size_t len = 0, i = 0;
    tc_entry *e;
    if (lx->frozen || entry >= lx->entries.n)
        return TC_ERR_USAGE;
    while (i < n) {
        const char *semi = memchr(words + i, ';', n - i);
        size_t end = semi ? (size_t)(semi - words) : n;
        tc_sv w = tc_sv_trim(tc_sv_make(words + i, end - i));
        if (w.n && len + KEY_MAX + 1 < sizeof buf) {
            if (len)
                buf[len++] = '\n';
            len += tc_key_make(w.p, w.n, buf + len, KEY_MAX);
        }
        i = end + 1;
    }
    e = tc_vec_at(&lx->entries, entry);
    e->veto = tc_lexicon_intern(lx, buf, len);
    return (len && !e->veto) ? TC_ERR_NOMEM : TC_OK;
}

size_t tc_edit_distance(const char *a, size_t an, const char *b, size_t bn,
                        size_t max)
{
    size_t row[3][KEY_MAX + 2], i, j;
    if (an > KEY_MAX || bn > KEY_MAX)
        return max + 1;
    if ((an > bn ? an - bn : bn - an) > max)
        return max + 1;
    for (j = 0; j <= bn; j++)
        row[1][j] = j;
    for (i = 1; i <= an; i++) {
        size_t *cur = row[(i + 1) % 3], *prev = row[i % 3];
        size_t *prev2 = row[(i + 2) % 3], best = i;
        cur[0] = i;
        for (j = 1; j <= bn; j++) {
            size_t cost = a[i - 1] != b[j - 1];
            size_t v = TC_MIN(prev[j] + 1, cur[j - 1] + 1);
            v = TC_MIN(v, prev[j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                v = TC_MIN(v, prev2[j - 2] + 1);
            cur[j] = v;
            best = TC_MIN(best, v);
        }
        if (best > max)
            return max + 1;
    }
    return TC_MIN(row[(an + 1) % 3][bn], max + 1);
}

static int pair_cmp(const void *x, const void *y)
{
    const pair *p = x, *q = y;
    if (p->key != q->key)
        return p->key < q->key ? -1 : 1;
    if (p->a != q->a)
        return p->a < q->a ? -1 : 1;
    return p->b < q->b ? -1 : p->b > q->b;
}

static tc_status pair_add(tc_lexicon *lx, tc_vec *v, const char *k, size_t n,
                          uint32_t a, uint32_t b)
{
    tc_status st;
    uint32_t id = tc_lexicon_intern(lx, k, n);
    pair *p = id ? tc_vec_push(v, &st) : NULL;
    if (!id)
        return TC_ERR_NOMEM;
    if (!p)
        return st;
    p->key = id;
    p->a = a;
    p->b = b;
    return TC_OK;
}

/* The first pair with key `id` (or v->n). */
static size_t pair_lower(const tc_vec *v, uint32_t id)
{
    const pair *p = v->p;
    size_t lo = 0, hi = v->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (p[mid].key < id)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* A string's id if it is interned, else 0 (read-only). */
static uint32_t lookup_str(const tc_lexicon *lx, const char *s, size_t n)
{
    size_t slot;
    if (!lx->strings.cap || n == 0)
        return 0;
    slot = string_slot(lx, s, n);
    return lx->strings.slots[slot];
}

/* "CCC\ntitle key" for a country and a role title. */
static size_t role_key(const char *country, const char *title, size_t tn,
                       char *out, size_t cap)
{
    size_t len = 0, i = 0;
    if (cap < 8 + KEY_MAX)
        return 0;
    memcpy(out, country, 3);
    out[3] = '\n';
    len = 4;
    while (i < tn && len + KEY_MAX + 1 < cap) {
        size_t j;
        while (i < tn && (title[i] == ' ' || title[i] == '-'))
            i++;
        j = i;
        while (j < tn && title[j] != ' ' && title[j] != '-')
            j++;
        if (j > i) {
            if (len > 4)
                out[len++] = ' ';
            len += tc_key_make(title + i, j - i, out + len, KEY_MAX);
        }
        i = j;
    }
    return len;
}

static const char *entry_country(const tc_lexicon *lx, const tc_entry *e,
                                 const tc_period *p)
{
    return e->country[0] ? e->country : tc_lexicon_str(lx, p->code);
}

/* Copies a pooled string out: interning may move the pool. */
static void copy_str(const tc_lexicon *lx, uint32_t id, char *out, size_t cap)
{
    snprintf(out, cap, "%s", tc_lexicon_str(lx, id));
}

static tc_status index_roles(tc_lexicon *lx, uint32_t ei)
{
    const tc_entry *e = tc_vec_at(&lx->entries, ei);
    uint32_t k, first = e->first_period, count = e->period_count;
    char country[8];
    for (k = 0; k < count; k++) {
        uint32_t pi = first + k;
        const tc_period *p = tc_vec_at(&lx->periods, pi);
        char roles[1024], *r = roles;
        e = tc_vec_at(&lx->entries, ei);
        copy_str(lx, p->roles, roles, sizeof roles);
        snprintf(country, sizeof country, "%.3s", entry_country(lx, e, p));
        while (*r && strlen(country) >= 3) {
            char *semi = strchr(r, ';');
            size_t n = semi ? (size_t)(semi - r) : strlen(r);
            char key[256];
            size_t kn = role_key(country, r, n, key, sizeof key);
            tc_status st = kn > 4 ? pair_add(lx, &lx->roles, key, kn, ei, pi)
                                  : TC_OK;
            if (st != TC_OK)
                return st;
            r += n + (semi ? 1 : 0);
        }
    }
    return TC_OK;
}

/* A word and each of its one-byte deletions, for symmetric-deletion
 * lookup of names within one edit. */
static tc_status index_word(tc_lexicon *lx, const char *w, size_t n,
                            uint32_t entry)
{
    char del[KEY_MAX];
    uint32_t wid = tc_lexicon_intern(lx, w, n);
    size_t i;
    tc_status st = wid ? pair_add(lx, &lx->fuzzy, w, n, entry, wid)
                       : TC_ERR_NOMEM;
    for (i = 0; i < n && st == TC_OK; i++) {
        memcpy(del, w, i);
        memcpy(del + i, w + i + 1, n - i - 1);
        st = pair_add(lx, &lx->fuzzy, del, n - 1, entry, wid);
    }
    return st;
}

#define FUZZY_MIN_WORD 5u

static tc_status index_fuzzy(tc_lexicon *lx, uint32_t ei)
{
    const tc_entry *e = tc_vec_at(&lx->entries, ei);
    uint32_t k;
    tc_status st = TC_OK;
    for (k = 0; k < e->name_count && st == TC_OK; k++) {
        const name_rec *r = tc_vec_at(&lx->names, e->first_name + k);
        char words[MAX_NAME_WORDS * (KEY_MAX + 1)];
        const char *w = words;
        bool several, first = true;
        copy_str(lx, r->words, words, sizeof words);
        several = strchr(w, '\n') != NULL;
        while (*w && st == TC_OK) {
            const char *end = strchr(w, '\n');
            size_t n = end ? (size_t)(end - w) : strlen(w);
            if (n >= FUZZY_MIN_WORD && n < KEY_MAX && !(several && first))
                st = index_word(lx, w, n, ei);
            first = false;
            w += n + (end ? 1 : 0);
        }
    }
    return st;
}

static tc_status build_indexes(tc_lexicon *lx)
{
    uint32_t i;
    tc_status st = TC_OK;
    for (i = 0; i < lx->entries.n && st == TC_OK; i++) {
        const tc_entry *e = tc_vec_at(&lx->entries, i);
        if (e->type != TC_ACTOR_PERSON) {
            if (e->fuzzy) /* places of the gazetteer that ask for it */
                st = index_fuzzy(lx, i);
            continue;
        }
        st = index_roles(lx, i);
        if (st == TC_OK)
            st = index_fuzzy(lx, i);
    }
    if (st == TC_OK) {
        if (lx->roles.n)
            qsort(lx->roles.p, lx->roles.n, sizeof(pair), pair_cmp);
        if (lx->fuzzy.n)
            qsort(lx->fuzzy.p, lx->fuzzy.n, sizeof(pair), pair_cmp);
    }
    return st;
}

size_t tc_lexicon_role_holders(const tc_lexicon *lx, const char *country,
                               const char *title, tc_day day, uint32_t *out,
                               size_t cap)
{
    char key[256];
    size_t kn, i, count = 0;
    uint32_t id;
    const pair *p = lx->roles.p;
    if (strlen(country) < 3)
        return 0;
    kn = role_key(country, title, strlen(title), key, sizeof key);
    id = kn > 4 ? lookup_str(lx, key, kn) : 0;
    if (!id)
        return 0;
    for (i = pair_lower(&lx->roles, id); i < lx->roles.n && p[i].key == id;
         i++) {
        const tc_period *q = tc_vec_at(&lx->periods, p[i].b);
        if (day && ((q->from && day < q->from) || (q->to && day > q->to)))
            continue;
        if (count && out[TC_MIN(count, cap) - 1] == p[i].a)
            continue; /* the same person, two matching periods */
        if (count < cap)
            out[count] = p[i].a;
        count++;
    }
    return count;
}

/* Adds (entry, word) to the result unless present; verifies the edit. */
static size_t fuzzy_take(const tc_lexicon *lx, const pair *p, const char *key,
                         size_t n, uint32_t *entries, uint32_t *words,
                         size_t count, size_t cap)
{
    const char *w = tc_lexicon_str(lx, p->b);
    size_t i;
    for (i = 0; i < TC_MIN(count, cap); i++)
        if (entries[i] == p->a && words[i] == p->b)
            return count;
    if (tc_edit_distance(key, n, w, strlen(w), 1) > 1)
        return count;
    if (count < cap) {
        entries[count] = p->a;
        words[count] = p->b;
    }
    return count + 1;
}

size_t tc_lexicon_fuzzy(const tc_lexicon *lx, const char *key, size_t n,
                        uint32_t *entries, uint32_t *words, size_t cap)
{
    char del[KEY_MAX];
    size_t i, count = 0;
    const pair *p = lx->fuzzy.p;
    if (n < FUZZY_MIN_WORD || n >= KEY_MAX)
        return 0;
    for (i = 0; i <= n; i++) {
        uint32_t id;
        size_t k, len = i < n ? n - 1 : n;
        if (i < n) {
            memcpy(del, key, i);
            memcpy(del + i, key + i + 1, n - i - 1);
        } else {
            memcpy(del, key, n);
        }
        id = lookup_str(lx, del, len);
        if (!id)
            continue;
        for (k = pair_lower(&lx->fuzzy, id); k < lx->fuzzy.n && p[k].key == id;
             k++)
            count = fuzzy_take(lx, &p[k], key, n, entries, words, count, cap);
    }
    return count;
}

void tc_lexicon_entry_names(const tc_lexicon *lx, uint32_t e, tc_name_fn fn,
                            void *ctx)
{
    const tc_entry *en = tc_lexicon_entry(lx, e);
    uint32_t k;
    for (k = 0; en && k < en->name_count; k++) {
        const name_rec *r = tc_vec_at(&lx->names, en->first_name + k);
        if (!fn(ctx, tc_lexicon_str(lx, r->words)))
            return;
    }
}

void tc_lexicon_set_fuzzy(tc_lexicon *lx, uint32_t entry)
{
    if (!lx->frozen && entry < lx->entries.n)
        ((tc_entry *)tc_vec_at(&lx->entries, entry))->fuzzy = 1;
}

uint32_t tc_lexicon_find(const tc_lexicon *lx, const char *s, size_t n)
{
    return lookup_str(lx, s, n);
}
