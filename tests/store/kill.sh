#!/bin/sh
# kill.sh - crash safety of `tacitus ingest`, for real: an ingest of a
# small corpus (PolNeAR dev articles and the PETRARCH2 unit-test records,
# read from $SHARED in place) is killed with SIGKILL at random moments,
# KILLS times (default 25), each time resumed on the same database.  After
# every kill the database must pass integrity_check and hold only whole
# articles (each stored article has exactly the actor, mention, count and
# quote rows a clean run gives it); every other run starts from a new
# database, the others resume the killed one.  After the final run to completion it
# must hold the same articles, events (totals included) and mentions as a
# clean single run.  Skipped, and said so, when the corpus is absent.
set -u
BUILD=${BUILD:-build}
SHARED=${SHARED:-../shared}
KILLS=${KILLS:-25}
bin=$BUILD/tacitus
text=$SHARED/dev/quotes/polnear/dev/text
jsonl=$SHARED/dev/events/petr2-unittest.jsonl
if [ ! -d "$text" ] || [ ! -f "$jsonl" ]; then
    echo "kill: SKIP (no corpus in $SHARED)"
    exit 0
fi
if ! command -v sqlite3 >/dev/null; then
    echo "kill: FAIL: no sqlite3 shell (tools/setup.sh installs it)" >&2
    exit 1
fi
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
ingest() { # db
    "$bin" ingest --db "$1" --batch 4 --date 2016-09-20 -q "$text" "$jsonl"
}
now() { date +%s%N; }

t0=$(now)
ingest "$dir/clean.db" || { echo "kill: FAIL: clean run" >&2; exit 1; }
span=$(( ($(now) - t0) / 1000000 )) # ms

# The rows that must match a clean run, without row ids or ingest times.
dump() { # db
    sqlite3 "$1" "
SELECT doc_id, hash, date, text_len FROM articles ORDER BY doc_id;
SELECT date, source, target, code, negated, modality, quad, goldstein,
       num_mentions, num_articles, num_sources, first_seen, last_seen
  FROM events ORDER BY 1, 2, 3, 4, 5, 6;
SELECT a.doc_id, m.sentence, m.start, m.end, e.code, e.date
  FROM mentions m JOIN articles a ON a.id = m.article
  JOIN events e ON e.id = m.event ORDER BY 1, 2, 3, 4, 5;
SELECT count(*) FROM actors; SELECT count(*) FROM counts;
SELECT count(*) FROM quotes;"
}

# Ids given twice in the corpus (PETRARCH2's file has two): a run killed
# between the two versions holds the first one, which the clean run
# replaced; those are compared by id only.
dups=$(grep -o '"id": *"[^"]*"' "$jsonl" | sed 's/.*: *//' | sort | uniq -d |
       tr '"' "'" | paste -sd, -)
[ -n "$dups" ] || dups="''"

# Articles of `db` whose rows differ in number from the clean run's (same
# id and content), plus articles whose content the clean run never had.
partial() { # db
    sqlite3 "$1" "ATTACH '$dir/clean.db' AS c;
SELECT count(*) FROM main.articles a WHERE a.doc_id NOT IN ($dups)
 AND NOT EXISTS (SELECT 1 FROM c.articles b WHERE b.doc_id = a.doc_id
 AND b.hash = a.hash);
SELECT count(*) FROM main.articles a JOIN c.articles b USING (doc_id, hash) WHERE
 (SELECT count(*) FROM main.actors WHERE article = a.id) <>
 (SELECT count(*) FROM c.actors WHERE article = b.id) OR
 (SELECT count(*) FROM main.mentions WHERE article = a.id) <>
 (SELECT count(*) FROM c.mentions WHERE article = b.id) OR
 (SELECT count(*) FROM main.counts WHERE article = a.id) <>
 (SELECT count(*) FROM c.counts WHERE article = b.id) OR
 (SELECT count(*) FROM main.quotes WHERE article = a.id) <>
 (SELECT count(*) FROM c.quotes WHERE article = b.id);"
}

db=$dir/killed.db
fail=0
killed=0
seed=$(( $(date +%s) % 100000 ))
i=0
while [ $i -lt "$KILLS" ]; do
    # A moment from the start of the process to past the clean run's end
    # (so some kills hit startup, and some the last commit).
    # Every other run starts a new database, so that kills keep landing
    # in the middle of a long ingest and not only in short resumed ones.
    if [ $((i % 2)) -eq 0 ]; then
        rm -f "$db" "$db-wal" "$db-shm"
    fi
    delay=$(awk -v s="$seed" -v i="$i" -v span="$span" \
        'BEGIN { srand(s + i); printf "%.3f", rand() * span * 1.1 / 1000 }')
    # The binary itself in the background (not a shell function, whose
    # subshell would take the signal instead of tacitus).
    "$bin" ingest --db "$db" --batch 4 --date 2016-09-20 -q "$text" "$jsonl" &
    pid=$!
    sleep "$delay"
    if kill -9 "$pid" 2>/dev/null; then
        killed=$((killed + 1))
    fi
    wait "$pid" 2>/dev/null
    ok=$(sqlite3 "$db" "PRAGMA integrity_check;" 2>&1)
    if [ "$ok" != "ok" ]; then
        echo "kill: FAIL: integrity_check after kill $i (${delay}s): $ok" >&2
        fail=1
        break
    fi
    tables=$(sqlite3 "$db" "SELECT count(*) FROM sqlite_schema;")
    if [ "$tables" = "0" ]; then # killed before the schema's transaction
        bad="0 0"
    else
        bad=$(partial "$db" 2>&1 | tr '\n' ' ' | sed 's/ $//')
    fi
    if [ "$bad" != "0 0" ]; then
        echo "kill: FAIL: partial articles after kill $i (${delay}s): $bad" >&2
        fail=1
        break
    fi
    i=$((i + 1))
done
stored=$(sqlite3 "$db" "SELECT count(*) FROM articles;" 2>/dev/null)
if [ $fail -eq 0 ]; then
    ingest "$db" || { echo "kill: FAIL: the resumed run failed" >&2; fail=1; }
fi
if [ $fail -eq 0 ]; then
    dump "$dir/clean.db" >"$dir/clean.txt"
    dump "$db" >"$dir/killed.txt"
    if ! cmp -s "$dir/clean.txt" "$dir/killed.txt"; then
        echo "kill: FAIL: the resumed database differs from a clean run" >&2
        diff "$dir/clean.txt" "$dir/killed.txt" | head -20 >&2
        fail=1
    fi
fi
echo "kill: $KILLS runs ($killed killed mid-run, seed $seed, clean run ${span} ms," \
     "$stored articles stored before the last run): $([ $fail -eq 0 ] && echo ok || echo FAILED)"
exit $fail
