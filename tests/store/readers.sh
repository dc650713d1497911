#!/bin/sh
# readers.sh - readers during a write: while `tacitus ingest` writes a
# small corpus (one article per transaction), `tacitus query`, `series`
# and `export` run against the same file again and again.  Every read
# must succeed (WAL: readers neither wait for nor block the writer), see
# the article count never go down, and see no mention without its event.
# Skipped, and said so, when the corpus is absent.
set -u
BUILD=${BUILD:-build}
SHARED=${SHARED:-../shared}
bin=$BUILD/tacitus
text=$SHARED/dev/quotes/polnear/dev/text
if [ ! -d "$text" ]; then
    echo "readers: SKIP (no corpus in $SHARED)"
    exit 0
fi
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
db=$dir/r.db
# The store exists (and has its schema) before the readers start.
"$bin" ingest --db "$db" -q --date 2016-09-20 "$text/$(ls "$text" | head -1)" || exit 1
"$bin" ingest --db "$db" --batch 1 -q --date 2016-09-20 "$text" &
pid=$!
reads=0
fail=0
last=0
while kill -0 "$pid" 2>/dev/null; do
    if ! "$bin" query --db "$db" --format csv --limit 20 >"$dir/q" 2>"$dir/e" ||
       ! "$bin" series --db "$db" --format csv --country USA >/dev/null 2>>"$dir/e" ||
       ! "$bin" export --db "$db" --format gdelt-events >/dev/null 2>>"$dir/e"; then
        echo "readers: FAIL: a read failed during the write:" >&2
        cat "$dir/e" >&2
        fail=1
        break
    fi
    # The shell has no busy timeout of its own (tacitus sets 30 s): a
    # reader may have to wait while WAL-index recovery runs.
    n=$(sqlite3 -cmd ".timeout 10000" "$db" "SELECT count(*) FROM articles;
        SELECT count(*) FROM mentions m LEFT JOIN events e ON e.id = m.event
        WHERE e.id IS NULL;" | tr '\n' ' ')
    # shellcheck disable=SC2086
    set -- $n
    if [ $# -ne 2 ]; then
        echo "readers: FAIL: the sqlite3 shell could not read: $n" >&2
        fail=1
        break
    fi
    if [ "$1" -lt "$last" ] || [ "$2" -ne 0 ]; then
        echo "readers: FAIL: articles $1 after $last, orphan mentions $2" >&2
        fail=1
        break
    fi
    last=$1
    reads=$((reads + 1))
done
wait "$pid"
rc=$?
if [ $rc -ne 0 ]; then
    echo "readers: FAIL: the ingest failed ($rc) while read" >&2
    fail=1
fi
if [ $reads -lt 2 ]; then
    echo "readers: FAIL: only $reads reads during the write" >&2
    fail=1
fi
echo "readers: $reads rounds of reads during the write, last saw $last articles: $([ $fail -eq 0 ] && echo ok || echo FAILED)"
exit $fail
