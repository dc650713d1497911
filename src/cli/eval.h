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

/* `tacitus eval counts FILE.tsv` (GVDB articles): exact-match accuracy of
 * the largest KILL and WOUND numbers per article. */
int tc_cli_eval_counts(tc_engine *engine, const char *path, bool verbose);
/* `tacitus eval quotes DIR`: direct quotes against PolNeAR (DIR holds
 * text/ and attributions/; the first annotator's file of each article):
 * precision, recall, F1 and speaker accuracy.  Returns the exit status. */
int tc_cli_eval_quotes(tc_engine *engine, const char *dir, bool verbose);

/* TABARI projects (tabari_cmd.c): `tacitus code --tabari-project FILE`
 * writes the events of every record; `tacitus eval tabari FILE` runs the
 * validation suite.  Return the exit status. */
int tc_cli_tabari_code(const char *project, bool quiet);
int tc_cli_eval_tabari(const char *project, bool verbose);
/* `tacitus dict convert [--kind actors|agents|verbs] FILE`. */
int tc_cli_dict(int argc, char **argv);
/* `tacitus eval clean DIR`: main-text extraction on DIR/evaldata.json and
 * DIR/html/ (eval_clean.c): precision, recall, F1 over segments, and
 * milliseconds per page.  Returns the exit status. */
int tc_cli_eval_clean(tc_engine *engine, const char *dir, bool verbose);

#endif
