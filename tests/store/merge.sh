#!/bin/sh
# merge.sh - `tacitus merge` against one process (docs/SCALE.md): the
# PolNeAR dev articles in two shards, each ingested into its own store and
# merged, give the store one process builds from the shards in the same
# order (tests/store/same.sh: every table, row ids aside), and the store
# of the whole directory but for the columns an event takes from its first
# report (same.sh --loose).  Merging again, or the same shard twice, adds
# nothing; a changed article replaces the stored one; an input that is not
# a store stops the merge with the inputs before it committed whole.
# Skipped, and said so, without the PolNeAR articles of ../shared.
set -u
BUILD=${BUILD:-build}
SHARED=${SHARED:-../shared}
bin=$BUILD/tacitus
corpus=$SHARED/dev/quotes/polnear/dev/text
same=tests/store/same.sh
pass=0
fail=0
check() { # name command...
    name=$1
    shift
    if "$@"; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "merge: FAIL $name" >&2
    fi
}
if [ ! -d "$corpus" ]; then
    echo "merge: SKIP (no $corpus)"
    exit 0
fi
if ! command -v sqlite3 >/dev/null 2>&1; then
    echo "merge: SKIP (no sqlite3 shell to compare stores)"
    exit 0
fi
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
d=--date=2016-11-01
q="--no-progress --quiet"
"$bin" shard $q --shards 2 --out "$t/sh" "$corpus" 2>"$t/err" || { cat "$t/err" >&2; exit 1; }
"$bin" ingest $q $d --db "$t/dir.db" "$corpus" 2>>"$t/err"
"$bin" ingest $q $d --db "$t/one.db" "$t/sh/shard-001.jsonl" "$t/sh/shard-002.jsonl" 2>>"$t/err"
"$bin" ingest $q $d --db "$t/s1.db" "$t/sh/shard-001.jsonl" 2>>"$t/err"
"$bin" ingest $q $d --db "$t/s2.db" "$t/sh/shard-002.jsonl" 2>>"$t/err"
"$bin" merge --db "$t/m.db" "$t/s1.db" "$t/s2.db" 2>"$t/log"
check "merge exits 0" test $? -eq 0
check "every article added" grep -q ": 84 added, 0 replaced, 0 unchanged" "$t/log"
check "merged store = one process over the shards" "$same" "$t/one.db" "$t/m.db"
check "merged store = one process over the directory (keys, totals, mentions, counts, quotes)" \
    "$same" --loose "$t/dir.db" "$t/m.db"
"$bin" merge --db "$t/m.db" "$t/s1.db" "$t/s2.db" "$t/s1.db" 2>"$t/log"
check "merging again adds nothing" grep -q ": 0 added, 0 replaced, 124 unchanged" "$t/log"
check "and changes nothing" "$same" "$t/one.db" "$t/m.db"

# A changed article: the first line of shard 1 with other text.
head -1 "$t/sh/shard-001.jsonl" | sed 's/"text":"/"text":"Russia attacked Ukraine. /' >"$t/changed.jsonl"
"$bin" ingest $q $d --db "$t/c.db" "$t/changed.jsonl" 2>>"$t/err"
"$bin" ingest $q $d --db "$t/one.db" "$t/changed.jsonl" 2>>"$t/err"
"$bin" merge --db "$t/m.db" "$t/c.db" 2>"$t/log"
check "a changed article replaces" grep -q ": 0 added, 1 replaced, 0 unchanged" "$t/log"
check "as one process replaces it" "$same" "$t/one.db" "$t/m.db"

# An input that is not a store: the inputs before it stay, whole.
echo "not a store" >"$t/bad.db"
"$bin" merge --db "$t/p.db" "$t/s1.db" "$t/bad.db" "$t/s2.db" 2>"$t/log"
check "a foreign input fails the merge" test $? -eq 2
check "naming the file" grep -q "bad.db" "$t/log"
check "the first input is committed" "$same" "$t/s1.db" "$t/p.db"
"$bin" merge --db "$t/m.db" "$t/m.db" 2>"$t/log"
check "merging a store into itself is refused" test $? -eq 2

echo "merge: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
