#!/bin/sh
# bench.sh - throughput of ingest + text (tacitus sentences) on real news
# (and, at the end, of the store: tacitus ingest beside tacitus code):
# the PolNeAR articles in $SHARED/dev/quotes/polnear (about 4.3 MB in 927
# files), passed REPEAT times in one process, beside `wc -w` on the same
# bytes in the same run.  Prints MB/s, sentences/s and the ratio to wc -w;
# each figure is the best of RUNS runs (default 5).  Then, when the
# trafilatura set is in $SHARED, milliseconds per HTML page (median, p95).
set -eu
BUILD=${BUILD:-build}
SHARED=${SHARED:-../shared}
REPEAT=${REPEAT:-5}
RUNS=${RUNS:-5}
bin=$BUILD/tacitus
corpus=$SHARED/dev/quotes/polnear
if [ ! -d "$corpus" ]; then
    echo "bench: no corpus at $corpus" >&2
    exit 1
fi
dirs=""
i=0
while [ $i -lt "$REPEAT" ]; do
    dirs="$dirs $corpus/train/text $corpus/dev/text"
    i=$((i + 1))
done
out=$(mktemp)
list=$(mktemp)
dbdir=$(mktemp -d)
trap 'rm -f "$out" "$list"; rm -rf "$dbdir"' EXIT
# shellcheck disable=SC2086
find $dirs -type f -name '*.txt' | sort >"$list"
bytes=$(xargs cat <"$list" | wc -c)

now() { date +%s%N; }

best() { # command... -> best wall time in ns over RUNS runs
    b=0
    r=0
    while [ $r -lt "$RUNS" ]; do
        t0=$(now)
        "$@" >"$out"
        t=$(($(now) - t0))
        if [ $b -eq 0 ] || [ $t -lt $b ]; then b=$t; fi
        r=$((r + 1))
    done
    echo $b
}

# shellcheck disable=SC2086
t_tc=$(best "$bin" sentences --no-progress --threads 1 $dirs)
sentences=$(grep -c '"kind":"sentence"' "$out")
t_wc=$(best sh -c "xargs wc -w <'$list'")

# Actors: dictionary load (coding one word) and the whole corpus with all
# dictionaries loaded; tokens counted once, untimed.
t_load=$(best sh -c "echo 'Kyiv.' | '$bin' actors --no-progress --threads 1")
# shellcheck disable=SC2086
t_act=$(best "$bin" actors --no-progress --threads 1 $dirs)
mentions=$(wc -l <"$out")
# shellcheck disable=SC2086
tokens=$("$bin" tokens --no-progress --threads 1 $dirs | wc -l)
entries=$("$bin" actors --no-progress --threads 1 --stats </dev/null 2>&1 | sed -n 's/.*entries=\([0-9]*\).*/\1/p')
# Places: the gazetteer's load (with the actors, coding one word), and the
# place mentions of the corpus.
t_gload=$(best sh -c "echo 'Kyiv.' | '$bin' places --no-progress --threads 1")
places=$("$bin" places --no-progress --threads 1 --stats </dev/null 2>&1 | sed -n 's/.*places=\([0-9]*\).*/\1/p')
# shellcheck disable=SC2086
t_places=$(best "$bin" places --no-progress --threads 1 $dirs)
place_mentions=$(wc -l <"$out")
# Events end to end (text + actors + events) with all dictionaries.
# shellcheck disable=SC2086
t_code=$(best "$bin" code --no-progress --threads 1 --no-facts $dirs)
events=$(wc -l <"$out")
# The same with the facts stages (places, dates, counts, quotes) and their
# records.
# shellcheck disable=SC2086
t_facts=$(best "$bin" code --no-progress --threads 1 --emit counts,quotes $dirs)
counts=$(grep -c '"kind":"count"' "$out" || true)
quotes=$(grep -c '"kind":"quote"' "$out" || true)
# Threads: the whole of `code` on twice the corpus (over 40 MB), on one
# thread and on one per core, in the same run.
cores=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)
# shellcheck disable=SC2086
t_one=$(best "$bin" code --no-progress --threads 1 $dirs $dirs)
# shellcheck disable=SC2086
t_all=$(best "$bin" code --no-progress --threads "$cores" $dirs $dirs)

awk -v b="$bytes" -v s="$sentences" -v t1="$t_tc" -v t2="$t_wc" -v rep="$REPEAT" 'BEGIN {
    mb = b / 1e6
    printf "bench: corpus PolNeAR x%d, %.1f MB, %d sentences\n", rep, mb, s
    printf "bench: tacitus sentences  %8.1f MB/s  %10.0f sentences/s  (%.3f s)\n", mb / (t1 / 1e9), s / (t1 / 1e9), t1 / 1e9
    printf "bench: wc -w              %8.1f MB/s                          (%.3f s)\n", mb / (t2 / 1e9), t2 / 1e9
    printf "bench: ratio tacitus / wc -w = %.2f (aim: >= 0.25)\n", t2 / t1
}'
awk -v tl="$t_load" -v ta="$t_act" -v tk="$tokens" -v m="$mentions" -v e="$entries" 'BEGIN {
    printf "bench: actor dictionaries: %s entries, load + one word %.3f s (aim: < 0.2 s)\n", e, tl / 1e9
    printf "bench: tacitus actors     %8.0f tokens/s   %8.0f mentions/s  (%d mentions, %.3f s; aim: >= 1M tokens/s)\n", tk / (ta / 1e9), m / (ta / 1e9), m, ta / 1e9
}'
awk -v tc="$t_code" -v s="$sentences" -v ev="$events" 'BEGIN {
    printf "bench: tacitus code       %8.0f sentences/s end to end (%d events, %.3f s; TABARI ~3,300/s; aim: >= 100,000/s)\n", s / (tc / 1e9), ev, tc / 1e9
}'
awk -v tc="$t_code" -v tf="$t_facts" -v s="$sentences" -v n="$counts" -v q="$quotes" 'BEGIN {
    printf "bench: code + facts       %8.0f sentences/s (%d counts, %d quotes, %.3f s); %.2f of events alone (aim: >= 0.5)\n", s / (tf / 1e9), n, q, tf / 1e9, tc / tf
}'
awk -v tg="$t_gload" -v tl="$t_load" -v tp="$t_places" -v p="$places" -v m="$place_mentions" -v s="$sentences" 'BEGIN {
    printf "bench: gazetteer: %s places, load + one word %.3f s (%.3f s more than the actors alone; aim: < 0.2 s)\n", p, tg / 1e9, (tg - tl) / 1e9
    printf "bench: tacitus places     %8.0f sentences/s end to end (%d place mentions, %.3f s)\n", s / (tp / 1e9), m, tp / 1e9
}'
awk -v t1="$t_one" -v tn="$t_all" -v n="$cores" -v b="$bytes" -v s="$sentences" 'BEGIN {
    printf "bench: code on %.1f MB: 1 thread %.0f sentences/s, %d threads %.0f sentences/s: speed-up %.2f (aim: near %d)\n", 2 * b / 1e6, 2 * s / (t1 / 1e9), n, 2 * s / (tn / 1e9), t1 / tn, n
}'
# HTML pages: extraction + text stage per page over the 990 pages of the
# trafilatura set (gunzip not timed), the run with the best median of RUNS.
html_set=$SHARED/dev/clean/trafilatura-eval
if [ -f "$html_set/evaldata.json" ]; then
    best_med=""
    r=0
    while [ $r -lt "$RUNS" ]; do
        line=$("$bin" eval clean "$html_set" | grep 'ms/page')
        med=$(echo "$line" | sed -n 's/.*median=\([0-9.]*\).*/\1/p')
        if [ -z "$best_med" ] || awk -v a="$med" -v b="$best_med" 'BEGIN { exit !(a < b) }'; then
            best_med=$med
            best_line=$line
        fi
        r=$((r + 1))
    done
    echo "$best_line" | sed 's/^eval clean: /bench: html pages (990, trafilatura set): /; s/$/  (readability.js 77-194 ms; aim: median <= 5 ms)/'
fi

# The store: the corpus once (ids are paths, so a repeat would only be
# skipped as unchanged) into a new SQLite file each run, beside coding the
# same articles to JSONL (events, counts, quotes) in the same script.
once="$corpus/train/text $corpus/dev/text"
narticles=$(find $once -type f -name '*.txt' | wc -l)
# shellcheck disable=SC2086
t_once=$(best "$bin" code --no-progress --emit counts,quotes $once)
t_ingest=$(best sh -c "rm -f '$dbdir'/b.db*; '$bin' ingest -q --db '$dbdir/b.db' $once")
dbsize=$(du -k "$dbdir/b.db" | cut -f1)
awk -v n="$narticles" -v tc="$t_once" -v ti="$t_ingest" -v kb="$dbsize" 'BEGIN {
    printf "bench: tacitus ingest     %8.0f articles/s into SQLite (%d articles, %.3f s, %d KB); coding alone %.0f articles/s (%.3f s); store cost %.2f of coding (aim: <= 1)\n", n / (ti / 1e9), n, ti / 1e9, kb, n / (tc / 1e9), tc / 1e9, (ti - tc) / tc
}'
# Ingest on one thread and on one per core (the store's one writer in
# both), the articles per second per core that docs/SCALE.md projects from.
t_ing1=$(best sh -c "rm -f '$dbdir'/b.db*; '$bin' ingest -q --threads 1 --db '$dbdir/b.db' $once")
t_ingn=$(best sh -c "rm -f '$dbdir'/b.db*; '$bin' ingest -q --threads $cores --db '$dbdir/b.db' $once")
awk -v n="$narticles" -v t1="$t_ing1" -v tn="$t_ingn" -v c="$cores" 'BEGIN {
    printf "bench: ingest into SQLite: 1 thread %.0f articles/s, %d threads %.0f articles/s: speed-up %.2f\n", n / (t1 / 1e9), c, n / (tn / 1e9), t1 / tn
}'

# tacitus serve over the store just made: wrk on loopback (bench/serve.sh).
BUILD=$BUILD sh bench/serve.sh "$dbdir/b.db"
