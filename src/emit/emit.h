/*
 * emit.h - record parts shared by the writers of emit/: the place object
 * that event records (jsonl.c) carry and place records (places.c) share.
 */
#ifndef TC_EMIT_H
#define TC_EMIT_H

#include "../doc.h"

/* Appends the fields "name","geonames_id","country","adm1","lat","lon",
 * "precision" of `p`, separated by commas; a comma before the first too
 * unless `first`. */
tc_status tc_emit_place_fields(tc_sb *sb, const tc_place *p, bool first);

/* Appends ,"place":{...} for sentence `i` (0-based), or ,"place":null. */
tc_status tc_emit_sentence_place(tc_sb *sb, const tc_doc *doc, size_t i);

#endif /* TC_EMIT_H */
