#!/bin/sh
# run.sh - tacitus serve: its JSON API (tests/serve/api.test.js) over a
# store of examples/, an ingest writing the same file while it serves (it
# only reads; WAL), and a clean stop on SIGTERM.
set -u
. tests/serve/lib.sh
trap 'stop_server >/dev/null 2>&1' EXIT
fail=0
make_store || exit 1
start_server || exit 1
node tests/serve/api.test.js "$PORT" >"$T/api.log" 2>&1 || fail=1
grep -v '^ok' "$T/api.log" >&2
# Writing beside the server: an ingest adds an article; the server sees it.
printf '{"id":"late-1","date":"2022-02-22","text":"Russian forces shelled Kharkiv on Tuesday, killing two civilians."}\n' >"$T/late.jsonl"
"$BUILD"/tacitus ingest --quiet --db "$DB" "$T/late.jsonl" || { echo "serve: ingest beside the server failed" >&2; fail=1; }
n=$(node -e '
require("./tests/serve/http.js").request(+process.argv[1], "/api/health")
  .then((r) => console.log(r.json.counts.articles))' "$PORT")
[ "$n" = 6 ] || { echo "serve: after an ingest beside it, $n articles, not 6" >&2; fail=1; }
stop_server || fail=1
# A database that is not there, a port taken: clear errors, status 2.
"$BUILD"/tacitus serve --db "$T/missing.db" --port 0 >/dev/null 2>"$T/err.txt"
[ $? -eq 2 ] && grep -q 'no such database' "$T/err.txt" || { echo "serve: a missing database is not a clear error" >&2; fail=1; }
"$BUILD"/tacitus serve --db "$DB" --port 0 --bind nowhere >/dev/null 2>"$T/err.txt"
[ $? -eq 2 ] && grep -q 'numeric' "$T/err.txt" || { echo "serve: a bad --bind is not a clear error" >&2; fail=1; }
tail -1 "$T/api.log"
[ $fail -eq 0 ]
