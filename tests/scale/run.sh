#!/bin/sh
# run.sh - tacitus on several cores and as a Unix filter (docs/SCALE.md):
# `code --threads 2` writes exactly what one thread writes; the articles of
# a directory, sharded (`tacitus shard`) and coded shard by shard, give the
# events of one run; GNU parallel (Debian's `parallel`) running `tacitus
# code` as a filter over JSONL gives the same events as one process.
# Skipped, and said so, without the PolNeAR articles of ../shared.
set -u
BUILD=${BUILD:-build}
SHARED=${SHARED:-../shared}
bin=$BUILD/tacitus
corpus=$SHARED/dev/quotes/polnear/dev/text
pass=0
fail=0
check() { # name command... : the command must succeed
    name=$1
    shift
    if "$@"; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "scale: FAIL $name" >&2
    fi
}
if [ ! -d "$corpus" ]; then
    echo "scale: SKIP (no $corpus)"
    exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
date=--date=2016-11-01
"$bin" code --no-progress --threads 1 $date "$corpus" >"$tmp/one" 2>"$tmp/err" ||
    { cat "$tmp/err" >&2; exit 1; }
check "events found" test -s "$tmp/one"
"$bin" code --no-progress --threads 2 $date "$corpus" >"$tmp/two" 2>>"$tmp/err"
check "two threads, same output in the same order" cmp -s "$tmp/one" "$tmp/two"
"$bin" code --no-progress --threads 8 $date "$corpus" >"$tmp/eight" 2>>"$tmp/err"
check "eight threads, same output in the same order" cmp -s "$tmp/one" "$tmp/eight"

# Shards: every article once, balanced, and the same events.
"$bin" shard --no-progress --shards 3 --out "$tmp/shards" "$corpus" 2>>"$tmp/err"
check "three shards written" test -s "$tmp/shards/shard-003.jsonl"
n=$(cat "$tmp/shards"/shard-*.jsonl | wc -l)
want=$(find "$corpus" -type f -name '*.txt' | wc -l)
check "every article in one shard ($n of $want)" test "$n" -eq "$want"
for s in "$tmp/shards"/shard-*.jsonl; do
    "$bin" code --no-progress --threads 1 $date "$s"
done 2>>"$tmp/err" | sort >"$tmp/sharded"
sort "$tmp/one" >"$tmp/one.sorted"
check "the shards give the events of one run" cmp -s "$tmp/one.sorted" "$tmp/sharded"

# A filter under GNU parallel: JSONL in, JSONL out, no other state.
if command -v parallel >/dev/null 2>&1; then
    "$bin" shard --no-progress --shards 1 --out "$tmp/all" "$corpus" 2>>"$tmp/err"
    "$bin" code --no-progress --threads 1 $date <"$tmp/all/shard-001.jsonl" \
        >"$tmp/stdin" 2>>"$tmp/err"
    check "JSONL on standard input codes the same events" cmp -s "$tmp/one" "$tmp/stdin"
    parallel --will-cite --pipe --keep-order -N 10 \
        "$bin" code --no-progress --threads 1 $date \
        <"$tmp/all/shard-001.jsonl" >"$tmp/parallel" 2>>"$tmp/err"
    check "GNU parallel gives the events of one process" cmp -s "$tmp/one" "$tmp/parallel"
else
    echo "scale: SKIP GNU parallel (not installed: tools/setup.sh installs it)"
fi
echo "scale: $pass passed, $fail failed"
[ $fail -eq 0 ]
