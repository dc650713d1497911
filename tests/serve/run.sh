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
# The query-time cap: 60,000 more events and --timeout-ms 1; a series
# over them is stopped (503 query_timeout) while a small query answers.
cp "$DB" "$T/big.db"
sqlite3 "$T/big.db" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 60000)
  INSERT INTO events(date, source, target, code, negated, modality, place_key, root, base_code, quad,
  goldstein, plover, plover_mode, source_name, source_country, source_agent, target_name,
  target_country, target_agent) SELECT date('2020-01-01', '+' || (i % 900) || ' days'), 'RUS',
  'UKR' || i, '190', 0, 'asserted', '', '19', '190', 4, -10, 'ASSAULT', '', 'Russia', 'RUS', '',
  'Ukraine', 'UKR', '' FROM n" || fail=1
DB=$T/big.db
start_server --timeout-ms 1 || exit 1
node -e '
const {request} = require("./tests/serve/http.js");
(async () => {
  const p = +process.argv[1];
  const slow = await request(p, "/api/series?country=UKR&by=month");
  const fast = await request(p, "/api/articles/wire-0002");
  const ok = slow.status === 503 && slow.json.error.code === "query_timeout" && fast.status === 200;
  if (!ok) console.error(`serve: time cap: ${slow.status} ${slow.body.slice(0, 120)}; ${fast.status}`);
  process.exit(ok ? 0 : 1);
})();' "$PORT" || fail=1
stop_server || fail=1
# A database that is not there, a port taken: clear errors, status 2.
"$BUILD"/tacitus serve --db "$T/missing.db" --port 0 >/dev/null 2>"$T/err.txt"
[ $? -eq 2 ] && grep -q 'no such database' "$T/err.txt" || { echo "serve: a missing database is not a clear error" >&2; fail=1; }
"$BUILD"/tacitus serve --db "$DB" --port 0 --bind nowhere >/dev/null 2>"$T/err.txt"
[ $? -eq 2 ] && grep -q 'numeric' "$T/err.txt" || { echo "serve: a bad --bind is not a clear error" >&2; fail=1; }
tail -1 "$T/api.log"
[ $fail -eq 0 ]
