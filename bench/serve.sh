#!/bin/sh
# serve.sh DB - load on tacitus serve: wrk (Debian's; tools/setup.sh
# installs it) against a server on a free loopback port over DB, SECONDS
# (default 5) per endpoint, 2 wrk threads and 32 connections on the same
# 2 cores as the server (so the figures are a floor).  Prints requests/s
# and latency (mean, p50, p99) for /api/events and /api/series.
set -eu
BUILD=${BUILD:-build}
DUR=${SECONDS_EACH:-5}
db=$1
if ! command -v wrk >/dev/null 2>&1; then
    echo "bench: serve: SKIPPED: no wrk (tools/setup.sh installs it)" >&2
    exit 0
fi
log=$(mktemp)
"$BUILD"/tacitus serve --db "$db" --port 0 >"$log" 2>/dev/null &
pid=$!
trap 'kill -TERM $pid 2>/dev/null; wait $pid 2>/dev/null; rm -f "$log"' EXIT
port=
i=0
while [ -z "$port" ] && [ $i -lt 100 ]; do
    sleep 0.1
    port=$(sed -n 's|.*http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$log")
    i=$((i + 1))
done
[ -n "$port" ] || { echo "bench: serve: the server did not start" >&2; exit 1; }
country=$(sqlite3 "$db" "SELECT source_country FROM events WHERE source_country <> '' GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")
for target in "/api/events?limit=100" "/api/events?limit=20&offset=200&quad=1" \
              "/api/series?country=$country&by=week" "/api/health"; do
    wrk -t2 -c32 -d"${DUR}s" --latency "http://127.0.0.1:$port$target" 2>&1 | awk -v t="$target" -v d="$DUR" '
        /^    Latency/ { mean = $2 }
        /^     50%/ { p50 = $2 }
        /^     99%/ { p99 = $2 }
        /^Requests\/sec/ { rps = $2 }
        /Non-2xx/ { bad = $NF }
        END { printf "bench: serve %-44s %8.0f requests/s, latency mean %s, p50 %s, p99 %s (%d s, 32 connections)%s\n",
                     t, rps, mean, p50, p99, d, bad ? ", NON-2xx: " bad : "" }'
done
