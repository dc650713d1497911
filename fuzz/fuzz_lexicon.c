/*
 * fuzz_lexicon.c - libFuzzer target for the lexicon stage: any bytes as a
 * dictionary (the first byte picks the format: ours, TABARI, PETRARCH, or
 * sniffed), loaded, frozen, then matched against its own words.  Bad
 * lines must be reported, never crash; matching must stay in bounds.
 */
#include "lexicon/lexicon.h"

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
        toks[count++].caps = (uint8_t)(count & 3);
    }
    for (j = 0; j < count; j++) {
        tc_name_hit h = tc_lexicon_match(lx, toks, count, j);
        if (h.len > count - j)
            abort();
        if (h.len && !tc_lexicon_entry(lx, h.entries[0]))
            abort();
    }
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
    return 0;
}
