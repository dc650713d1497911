/*
 * offmap.c - mapping offsets in the matching text back to the article
 * text.  The anchors cut both texts into segments, one per anchor: a copy
 * segment has the same length in both texts and maps byte for byte; a
 * replaced run has different lengths (tc_text_normalize makes sure of it,
 * splitting runs whose lengths happen to agree) and maps every offset in it
 * to its start.  Before the first anchor the texts are equal, and the last
 * segment is always a copy.  A lookup is one binary search.
 */
#include "text.h"

size_t tc_offmap_to_text(const tc_offmap *map, size_t norm_off)
{
    size_t lo = 0, hi, i, r;
    const tc_anchor *a;
    if (!map)
        return norm_off;
    a = map->a;
    hi = map->n;
    /* The last anchor at or before norm_off (the last of equals). */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (a[mid].norm <= norm_off)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == 0) {
        r = norm_off;
    } else {
        i = lo - 1;
        if (i + 1 < map->n &&
            a[i + 1].norm - a[i].norm != a[i + 1].text - a[i].text)
            r = a[i].text;
        else
            r = a[i].text + (norm_off - a[i].norm);
    }
    return TC_MIN(r, map->text_len);
}
