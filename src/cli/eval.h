/*
 * eval.h - evaluation commands of the tacitus tool.
 */
#ifndef TC_CLI_EVAL_H
#define TC_CLI_EVAL_H

#include "tacitus.h"

/* `tacitus eval actors FILE.tsv`: prints country and agent accuracy.
 * Returns the exit status. */
int tc_cli_eval_actors(tc_engine *engine, const char *path, bool verbose);

/* `tacitus eval events FILE`: gold JSONL ({"id","date","text","events"})
 * -> precision, recall, F1; a .tsv of `sentence TAB quad` -> coverage and
 * quad accuracy; a .csv of PLOVER headline templates -> PLOVER accuracy.
 * Returns the exit status. */
int tc_cli_eval_events(tc_engine *engine, const char *path, bool verbose);

/* PLOVER headline templates (event,mode,title CSV): the placeholders are
 * filled with fixed countries and a city, and the first event's PLOVER
 * type is compared with the template's. */
int tc_cli_eval_plover(tc_engine *engine, const char *path, bool verbose);

/* `tacitus eval clean DIR`: main-text extraction on DIR/evaldata.json and
 * DIR/html/ (eval_clean.c): precision, recall, F1 over segments, and
 * milliseconds per page.  Returns the exit status. */
int tc_cli_eval_clean(tc_engine *engine, const char *dir, bool verbose);

#endif
