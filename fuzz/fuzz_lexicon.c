/*
 * fuzz_lexicon.c - libFuzzer target for the lexicon stage: any bytes as an
 * actor dictionary (the first byte picks the format: ours, TABARI,
 * PETRARCH, or sniffed), loaded, frozen, then matched against its own
 * words; and the same bytes as an event-pattern file over the real code
 * table, frozen, with every verb form looked up.  Bad lines must be
 * reported, never crash; matching must stay in bounds.
 */
#include "lexicon/lexicon.h"
#include "lexicon/verbs.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

/* Matches runs of the text's words against the frozen lexicon. */
static void match_words(const tc_lexicon *lx, const char *s, size_t n)
{
    tc_match_tok toks[32];
    size_t count = 0, i = 0, j;
    while (i < n && count < 32) {
        char key[128];
        size_t start, kn;
        while (i < n && (s[i] == ' ' || s[i] == '\n' || s[i] == '_'))
            i++;
        start = i;
        while (i < n && s[i] != ' ' && s[i] != '\n' && s[i] != '_')
            i++;
        if (i == start)
            break;
        kn = tc_key_make(s + start, i - start, key, sizeof key);
        toks[count].key = tc_lexicon_key_id(lx, key, kn);
        toks[count].caps = (uint8_t)(count & 3);
        count++;
    }
    for (j = 0; j < count; j++) {
        tc_name_hit h = tc_lexicon_match(lx, toks, count, j);
        if (h.len > count - j)
            abort();
        if (h.len && !tc_lexicon_entry(lx, h.entries[0]))
            abort();
    }
}

#ifndef TC_DATA_DIR
#define TC_DATA_DIR "data"
#endif

static size_t count_lines(const char *s, size_t n)
{
    size_t i = 0, lines = 0;
    while (i < n) {
        const char *nl = memchr(s + i, '\n', n - i);
        lines++;
        i = nl ? (size_t)(nl - s) + 1 : n;
    }
    return lines;
}

/* The bytes as event patterns: ours, or TABARI's converted to ours. */
static void load_patterns(const unsigned char *data, size_t size, bool tabari)
{
    tc_verbs *v = tc_verbs_new(NULL);
    size_t errors = 0, np, k, n = size;
    char *text = (char *)data, *conv = NULL;
    if (!v)
        return;
    if (tabari) {
        conv = tc_verbs_convert_tabari(NULL, "fuzz", (const char *)data, size,
                                       NULL, NULL, NULL, NULL, &errors, &n);
        if (!conv) {
            tc_verbs_free(v);
            return;
        }
        if (count_lines(conv, n) != count_lines((const char *)data, size) + 1)
            abort(); /* one line out for one line in (and a last one) */
        text = conv;
    }
    if (tc_verbs_load_codes(v, TC_DATA_DIR "/cameo-codes.tsv", NULL, NULL,
                            &errors) == TC_OK &&
        tc_verbs_load_text(v, "fuzz", text, n, NULL, NULL, &errors) == TC_OK &&
        tc_verbs_freeze(v) == TC_OK) {
        np = tc_verbs_pattern_count(v);
        for (k = 0; k < np && k < 64; k++) {
            uint32_t heads[4];
            unsigned forms[4];
            tc_verbs_heads(v, (uint32_t)k, heads, forms, 4);
        }
    }
    tc_verbs_free(v);
    free(conv);
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    static const tc_dict_format formats[4] = {TC_DICT_AUTO, TC_DICT_TACITUS,
                                              TC_DICT_TABARI, TC_DICT_PETRARCH};
    tc_lexicon *lx;
    size_t errors = 0;
    if (size == 0)
        return 0;
    lx = tc_lexicon_new(NULL);
    if (!lx)
        return 0;
    if (tc_lexicon_load_text(lx, "fuzz", (const char *)data + 1, size - 1,
                             formats[data[0] & 3], NULL, NULL, &errors) ==
            TC_OK &&
        tc_lexicon_freeze(lx) == TC_OK)
        match_words(lx, (const char *)data + 1, size - 1);
    tc_lexicon_free(lx);
    load_patterns(data + 1, size - 1, (data[0] & 4) != 0);
    return 0;
}
