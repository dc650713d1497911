#!/bin/sh
# run.sh - the store through the tool, diffed with expectations written by
# us (tests/store/golden/): tests/store/golden/input.jsonl (three articles
# of our own) is ingested, then every export, queries, a series and the
# errors on foreign files are run, and alerts on alerts.jsonl (eleven
# days of our own), each output diffed with its NAME.expected.
# Exports are also checked line by line for their column count (GDELT
# events 61, mentions 16, GKG 27).  Ingest times (GDELT's DATEADDED,
# mention times, the GKG record id) are replaced by "TIME" before the diff.
# `run.sh --update` rewrites the expectations (read the diff first).
set -u
BUILD=${BUILD:-build}
bin=$BUILD/tacitus
g=tests/store/golden
update=0
[ "${1:-}" = "--update" ] && update=1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
db=$dir/g.db
pass=0
fail=0

check() { # name: compares $dir/out with $g/name.expected
    if [ $update -eq 1 ]; then
        cp "$dir/out" "$g/$1.expected"
    fi
    if diff -u "$g/$1.expected" "$dir/out" >"$dir/diff" 2>&1; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "store: FAIL $1" >&2
        head -30 "$dir/diff" >&2
    fi
}

columns() { # name count: every line of $dir/out has `count` tab fields
    bad=$(awk -F '\t' -v n="$2" 'NF != n { c++ } END { print c + 0 }' "$dir/out")
    lines=$(wc -l <"$dir/out")
    if [ "$bad" -ne 0 ] || [ "$lines" -eq 0 ]; then
        fail=$((fail + 1))
        echo "store: FAIL $1: $bad of $lines lines without $2 columns" >&2
    else
        pass=$((pass + 1))
    fi
}

run() { # name command...: output, exit status and stderr into $dir/out
    shift
    "$@" >"$dir/raw" 2>"$dir/err"
    echo "exit $?" >>"$dir/raw"
    sed "s#$dir#DIR#g; s/^/stderr: /" "$dir/err" >>"$dir/raw"
    cp "$dir/raw" "$dir/out"
}

run ingest "$bin" ingest --db "$db" "$g/input.jsonl"
sed -i "s#$db#DB#" "$dir/out"
check ingest
run ingest-again "$bin" ingest --db "$db" "$g/input.jsonl"
sed -i "s#$db#DB#" "$dir/out"
check ingest-again

"$bin" export --db "$db" --format gdelt-events >"$dir/out"
columns gdelt-events-columns 61
awk -F '\t' 'BEGIN { OFS = "\t" } { $60 = "TIME"; print }' "$dir/out" >"$dir/m"
mv "$dir/m" "$dir/out"
check gdelt-events
"$bin" export --db "$db" --format gdelt-mentions >"$dir/out"
columns gdelt-mentions-columns 16
awk -F '\t' 'BEGIN { OFS = "\t" } { $2 = "TIME"; $3 = "TIME"; print }' "$dir/out" >"$dir/m"
mv "$dir/m" "$dir/out"
check gdelt-mentions
"$bin" export --db "$db" --format gkg >"$dir/out"
columns gkg-columns 27
awk -F '\t' 'BEGIN { OFS = "\t" } { sub(/^[0-9]+/, "TIME", $1); print }' "$dir/out" >"$dir/m"
mv "$dir/m" "$dir/out"
check gkg
"$bin" export --db "$db" --format plover >"$dir/out"
check plover
"$bin" export --db "$db" --format csv >"$dir/out"
check export-csv

# Places as the places stage will write them (set by hand here): they
# reach GDELT's ActionGeo, GKG's counts and locations, PLOVER's event_loc
# and query --place.
sqlite3 "$dir/p.db" ".restore '$db'" || exit 1
sqlite3 "$dir/p.db" "UPDATE events SET place_name = 'Kharkiv, Ukraine',
    place_geonames_id = 706483, place_country = 'UKR', place_adm1 = 'UKR07',
    place_lat = 49.98, place_lon = 36.25 WHERE id = 1;
  UPDATE counts SET place_name = 'Kharkiv, Ukraine', place_geonames_id = 706483,
    place_country = 'UKR', place_adm1 = 'UKR07', place_lat = 49.98,
    place_lon = 36.25 WHERE type = 'KILL';"
{
    "$bin" export --db "$dir/p.db" --format gdelt-events | head -1 | cut -f 1,52-59
    "$bin" export --db "$dir/p.db" --format gkg | head -1 | cut -f 6,7,10,11
    "$bin" export --db "$dir/p.db" --format plover | head -1 | sed 's/.*"event_loc":\({[^}]*}\).*/\1/'
    "$bin" query --db "$dir/p.db" --format csv --place kharkiv | cut -d, -f1-5
    "$bin" query --db "$dir/p.db" --format csv --place UKR | cut -d, -f1-5
} >"$dir/out" 2>&1
check places

run query-actor "$bin" query --db "$db" --format csv --actor RUS
check query-actor
run query-text "$bin" query --db "$db" --format jsonl --text "trade agree" --limit 1
check query-text
run query-filters "$bin" query --db "$db" --format csv --from 2022-03-02 --country DEU --quad 1 --code 05
check query-filters
# Filters are bound, never pasted into the SQL: these match nothing.
run query-injection "$bin" query --db "$db" --format csv --actor "x' OR 1=1 --" --text "%"
check query-injection
run series "$bin" series --db "$db" --format csv --dyad RUS:UKR --by day
check series
run series-month "$bin" series --db "$db" --format csv --country UKR --by month
check series-month

# Alerts: ten quiet days (one shelling a day), then a day of five
# conflict events: RUS, UKR and RUS:UKR leave their range on 2022-03-11
# (z = (5 - 10/14) / 1 for RUS: the deviation is floored at 1).
"$bin" ingest -q --db "$dir/a.db" "$g/alerts.jsonl"
run alerts "$bin" alerts --db "$dir/a.db" --format csv
check alerts
run alerts-jsonl "$bin" alerts --db "$dir/a.db" --format jsonl --z 4
check alerts-jsonl
run alerts-history "$bin" alerts --db "$dir/a.db" --format table --min-history 11
check alerts-history

printf 'These are my notes, not a database.\n' >"$dir/notes.txt"
run foreign-text "$bin" query --db "$dir/notes.txt"
check foreign-text
sqlite3 "$dir/other.db" "CREATE TABLE t(x);"
run foreign-sqlite "$bin" ingest --db "$dir/other.db" "$g/input.jsonl"
check foreign-sqlite
run missing "$bin" export --db "$dir/none.db" --format plover
check missing

echo "store: $pass passed, $fail failed"
[ $fail -eq 0 ]
