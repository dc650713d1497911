/*
 * ingest.h - the ingest stage: articles from files, directories, standard
 * input or memory, as plain text or JSONL, into tc_doc (the reader itself is
 * public: tc_reader_* in tacitus.h).  Also the date parser every input
 * shares.
 */
#ifndef TC_INGEST_H
#define TC_INGEST_H

#include "../core/core.h"

/*
 * Parses an ISO 8601 date or date-time ("2022-02-21", "2022-02-21T10:00Z",
 * "2022-02-21 10:00"), "20220221", or a written date ("21 February 2022",
 * "February 21, 2022", "21 Feb 2022") into "YYYY-MM-DD" (out has 11 bytes).
 * The calendar is checked (month 1-12, day within month, leap years, years
 * 1000-9999).  Returns TC_ERR_INPUT for anything else.
 */
tc_status tc_date_parse(const char *s, size_t n, char out[11]);

/* The format `auto` picks for a file name: by extension. */
tc_format tc_format_for_path(const char *path);

#endif /* TC_INGEST_H */
