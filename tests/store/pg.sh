#!/bin/sh
# pg.sh - the store in PostgreSQL (`--db postgresql://...`, docs/STORE.md):
# a throwaway cluster (initdb in a temporary directory, as the postgres
# user when run as root; pg_ctl start on a unix socket there, no TCP) for
# the length of the test.  The example articles and the PolNeAR dev
# articles are ingested in batches of 7; ingesting them again adds
# nothing; `export --format jsonl` and `gdelt-mentions` from PostgreSQL
# equal the exports of a SQLite store of the same articles (event ids and
# storage times aside: PostgreSQL's sequences count differently); `query`
# and `report` read it too.  Skipped, and said so, when PostgreSQL's
# server or libpq is missing or the cluster does not start.
set -u
BUILD=${BUILD:-build}
SHARED=${SHARED:-../shared}
bin=$(cd "$(dirname "$BUILD/tacitus")" && pwd)/tacitus
skip() { echo "pg: SKIP ($1)"; exit 0; }
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$pgbin" ] && [ -x "$pgbin/initdb" ] && [ -x "$pgbin/pg_ctl" ] ||
    skip "no PostgreSQL server (tools/setup.sh installs postgresql)"
t=$(mktemp -d /tmp/tacitus-pg.XXXXXX)
as=""
if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || { rm -rf "$t"; skip "root, and no postgres user to run the server"; }
    chown postgres "$t"
    as="runuser -u postgres --"
fi
started=0
cleanup() {
    [ $started -eq 1 ] && $as "$pgbin/pg_ctl" -D "$t/data" -m immediate stop >/dev/null 2>&1
    rm -rf "$t"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP
port=$((30000 + $$ % 10000))
$as "$pgbin/initdb" -D "$t/data" -U tacitus --auth=trust -E UTF8 --no-locale \
    >"$t/initdb.log" 2>&1 || skip "initdb failed: $(tail -1 "$t/initdb.log")"
$as "$pgbin/pg_ctl" -D "$t/data" -l "$t/server.log" -w -t 30 \
    -o "-k $t -p $port -c listen_addresses=''" start >/dev/null 2>&1 ||
    skip "the server did not start: $(tail -2 "$t/server.log")"
started=1
url="postgresql:///postgres?host=$t&port=$port&user=tacitus"
"$bin" export --db "$url" --format jsonl >/dev/null 2>&1 &&
    skip "this tacitus was built without libpq"

pass=0
fail=0
check() { # name command...
    name=$1
    shift
    if "$@"; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "pg: FAIL $name" >&2
    fi
}
inputs="examples/"
[ -d "$SHARED/dev/quotes/polnear/dev/text" ] && inputs="$inputs $SHARED/dev/quotes/polnear/dev/text"
d=--date=2022-02-21
# shellcheck disable=SC2086
"$bin" ingest --no-progress --batch 7 $d --db "$url" $inputs 2>"$t/log1"
check "ingest into PostgreSQL" test $? -eq 0
n=$(sed -n 's/.*: \([0-9]*\) added, 0 replaced, 0 unchanged.*/\1/p' "$t/log1")
check "every article added ($n)" test "${n:-0}" -gt 80
# shellcheck disable=SC2086
"$bin" ingest --no-progress --batch 7 $d --db "$url" $inputs 2>"$t/log2"
check "again: nothing added" grep -q ": 0 added, 0 replaced, $n unchanged" "$t/log2"
# shellcheck disable=SC2086
"$bin" ingest --no-progress --quiet --batch 7 $d --db "$t/s.db" $inputs 2>/dev/null
norm() { # drop ids and storage times, which differ by design
    sed -e 's/"id":[0-9]*,//' -e 's/[0-9]\{4\}-[0-9][0-9]-[0-9][0-9]T[0-9:]*Z/TIME/g'
}
for f in jsonl gdelt-mentions; do
    "$bin" export --db "$url" --format $f 2>"$t/err" >"$t/pg.$f"
    check "export $f from PostgreSQL" test $? -eq 0 -a -s "$t/pg.$f"
    "$bin" export --db "$t/s.db" --format $f >"$t/sq.$f"
    if [ $f = gdelt-mentions ]; then
        cut -f 4-16 "$t/pg.$f" >"$t/a"; cut -f 4-16 "$t/sq.$f" >"$t/b"
    else
        norm <"$t/pg.$f" >"$t/a"; norm <"$t/sq.$f" >"$t/b"
    fi
    check "export $f equals SQLite's" cmp -s "$t/a" "$t/b"
done
"$bin" query --db "$url" --actor USA --format csv >"$t/q1" 2>"$t/err"
"$bin" query --db "$t/s.db" --actor USA --format csv >"$t/q2"
check "query reads PostgreSQL" test -s "$t/q1"
check "the same rows as SQLite (ids aside)" \
    sh -c "cut -d, -f2- '$t/q1' >'$t/q1c'; cut -d, -f2- '$t/q2' >'$t/q2c'; cmp -s '$t/q1c' '$t/q2c'"
"$bin" report --db "$url" 2>&1 | sed 's/event [0-9]*/event ID/' >"$t/r1"
"$bin" report --db "$t/s.db" 2>&1 | sed 's/event [0-9]*/event ID/' >"$t/r2"
check "report equals SQLite's (event ids aside)" cmp -s "$t/r1" "$t/r2"
# A changed article replaces its records.
head -1 examples/wire-feed.jsonl | sed 's/"text": *"/"text":"Russia attacked Ukraine. /' >"$t/changed.jsonl"
"$bin" ingest --no-progress $d --db "$url" "$t/changed.jsonl" 2>"$t/log3"
check "a changed article replaces" grep -q ": 0 added, 1 replaced, 0 unchanged" "$t/log3"
# A killed ingest (SIGKILL mid-run, batches of 5) leaves whole batches;
# running it again completes it, equal to the SQLite store.
if "$pgbin/createdb" -h "$t" -p "$port" -U tacitus killed 2>/dev/null; then
    url2="postgresql:///killed?host=$t&port=$port&user=tacitus"
    # shellcheck disable=SC2086
    "$bin" ingest --no-progress --quiet --batch 5 $d --db "$url2" $inputs 2>/dev/null &
    pid=$!
    sleep 0.7
    kill -9 $pid 2>/dev/null
    wait $pid 2>/dev/null
    # shellcheck disable=SC2086
    "$bin" ingest --no-progress --batch 5 $d --db "$url2" $inputs 2>"$t/log4"
    echo "pg: after the kill: $(sed 's/.*: //' "$t/log4")"
    "$bin" export --db "$url2" --format jsonl | norm >"$t/a"
    norm <"$t/sq.jsonl" >"$t/b"
    check "a killed ingest, run again, equals SQLite's" cmp -s "$t/a" "$t/b"
fi
echo "pg: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
