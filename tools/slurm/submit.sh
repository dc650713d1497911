#!/bin/sh
# submit.sh SHARDS_DIR OUT_DIR [sbatch options...] - submits the array of
# tacitus-array.sbatch (one task per SHARDS_DIR/shard-NNN.jsonl) and the
# merge job that waits for it; prints the two job ids.  TACITUS and
# TACITUS_ARGS are passed to the jobs (see tacitus-array.sbatch).
set -eu
[ $# -ge 2 ] || { echo "usage: submit.sh SHARDS_DIR OUT_DIR [sbatch options]" >&2; exit 2; }
here=$(dirname "$0")
SHARDS=$1
OUT=$2
shift 2
n=$(find "$SHARDS" -maxdepth 1 -name 'shard-*.jsonl' | wc -l)
[ "$n" -gt 0 ] || { echo "submit.sh: no shards in $SHARDS" >&2; exit 2; }
mkdir -p "$OUT"
export SHARDS OUT
array=$(sbatch --parsable --array=1-"$n" --output="$OUT/shard-%a.log" "$@" \
    "$here/tacitus-array.sbatch")
array=${array%%;*}
merge=$(sbatch --parsable --dependency=afterok:"$array" \
    --output="$OUT/merge.log" "$@" "$here/tacitus-merge.sbatch")
echo "$array ${merge%%;*}"
