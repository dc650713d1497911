/*
 * shard.h - `tacitus shard`: articles split into JSONL shards (shard.c).
 */
#ifndef TC_CLI_SHARD_H
#define TC_CLI_SHARD_H

#include "tacitus.h"

/* Writes the articles of `inputs` (standard input when none) into
 * `shards` files DIR/shard-NNN.jsonl balanced by size; returns the exit
 * status. */
int tc_cli_shard(tc_engine *engine, long shards, const char *dir,
                 char **inputs, int ninputs);

#endif
