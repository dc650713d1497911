/*
 * wordlist.c - membership in the word lists that tools/gen-lists.sh compiles
 * from data/ (sorted, lower case): a binary search, ASCII case-insensitive.
 */
#include "text.h"

static int cmp_nocase(const char *word, const char *s, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++) {
        unsigned char a = (unsigned char)word[i];
        unsigned char b = (unsigned char)s[i];
        if (b >= 'A' && b <= 'Z')
            b = (unsigned char)(b - 'A' + 'a');
        if (a == '\0' || a != b)
            return (int)a - (int)b;
    }
    return word[n] == '\0' ? 0 : 1;
}

bool tc_wordlist_has(const tc_wordlist *list, const char *s, size_t n)
{
    size_t lo = 0, hi = list->count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = cmp_nocase(list->words[mid], s, n);
        if (c == 0)
            return true;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return false;
}
