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

/* Appends ,"FIELD":{...} (the place of sentence `i`, 0-based), or
 * ,"FIELD":null; `field` is written as given (",\"place\":"). */
tc_status tc_emit_sentence_place(tc_sb *sb, const tc_doc *doc, size_t i,
                                 const char *field);

#endif /* TC_EMIT_H */
