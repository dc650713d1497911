#!/bin/sh
# fuzz.sh BIN... - runs each libFuzzer target for $FUZZ_SECONDS seconds on a
# corpus seeded from examples/ (and the seed article when ../shared is
# there), kept in $FUZZ_BUILD/corpus-NAME between runs.  Fails when a target
# finds a crash, a leak or a timeout.
set -u
SECONDS_EACH=${FUZZ_SECONDS:-20}
FUZZ_BUILD=${FUZZ_BUILD:-build/fuzz}
SHARED=${SHARED:-../shared}
status=0

run() { # bin name corpus max_len
    echo "fuzz: $2 for ${SECONDS_EACH}s"
    if ! "$1" -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 \
        -max_len="$4" -artifact_prefix="$FUZZ_BUILD/$2-" -print_final_stats=1 \
        "$3" >"$FUZZ_BUILD/$2.log" 2>&1; then
        echo "fuzz: $2 FAILED (see $FUZZ_BUILD/$2.log)" >&2
        tail -30 "$FUZZ_BUILD/$2.log" >&2
        status=1
    else
        grep -E 'stat::number_of_executed_units|Done' "$FUZZ_BUILD/$2.log" | tail -2
    fi
}

for bin in "$@"; do
    name=$(basename "$bin")
    corpus=$FUZZ_BUILD/corpus-$name
    mkdir -p "$corpus"
    cp examples/* "$corpus"/ 2>/dev/null
    if [ "$name" = fuzz_lexicon ]; then
        cp data/actors/regions.txt data/actors/agents.txt "$corpus"/
        head -c 60000 data/verbs/14-20-material-conflict.txt >"$corpus"/verbs-sample.txt
        for f in "$SHARED"/peers/tabari/*.actors "$SHARED"/peers/tabari/*.agents \
                 "$SHARED"/peers/petrarch2/PETR.Validate.a*.txt; do
            [ -f "$f" ] && cp "$f" "$corpus"/
        done
    fi
    if [ "$name" = fuzz_tabari ]; then
        for f in "$SHARED"/peers/tabari/*.options "$SHARED"/peers/tabari/*.agents; do
            [ -f "$f" ] && cp "$f" "$corpus"/
        done
        for f in TABARI.Demo.verbs TABARI.Demo.actors Validate.text; do
            [ -f "$SHARED/peers/tabari/$f" ] &&
                head -c 30000 "$SHARED/peers/tabari/$f" >"$corpus/$f-head"
        done
    fi
    if [ "$name" = fuzz_serve ]; then # request targets of tacitus serve
        i=0
        for u in '/api/events?limit=5&offset=2&actor=RUS&quad=4&from=2022-02-01' \
                 '/api/series?dyad=RUS:UKR&by=week' '/api/alerts?z=2.5&window=7' \
                 '/api/articles/examples%2Fborder-talks.txt' '/vendor/d3.min.js' \
                 '/%2e%2e/etc/passwd' '/api/events?q=a+b%20c&place=Kyiv'; do
            printf '%s' "$u" >"$corpus/uri-$i"
            i=$((i + 1))
        done
    fi
    if [ "$name" = fuzz_gazetteer ]; then
        cp data/places-extra.txt "$corpus"/
        [ -f build/gazetteer.tsv ] && head -c 60000 build/gazetteer.tsv >"$corpus"/gazetteer-head.tsv
    fi
    if [ "$name" = fuzz_html ]; then
        cp tests/golden/cases/*.html "$corpus"/ 2>/dev/null
        for f in $(ls "$SHARED"/dev/clean/trafilatura-eval/html/*.gz 2>/dev/null | head -8); do
            gzip -dc "$f" | head -c 60000 >"$corpus/$(basename "$f" .gz)"
        done
    fi
    if [ "$name" = fuzz_store ]; then
        # A small real store (512-byte pages, no WAL) instead of texts.
        rm -f "$corpus"/*.txt "$corpus"/*.jsonl "$corpus"/seed.db*
        sqlite3 "$corpus/seed.db" "PRAGMA page_size=512; VACUUM;" &&
            "$(dirname "$bin")/../tacitus" ingest -q --db "$corpus/seed.db" \
                examples/wire-feed.jsonl &&
            sqlite3 "$corpus/seed.db" "PRAGMA journal_mode=DELETE;" >/dev/null
        run "$bin" "$name" "$corpus" 131072
        continue
    fi
    [ -f "$SHARED/seed/ukraine-summit.txt" ] && cp "$SHARED/seed/ukraine-summit.txt" "$corpus"/
    run "$bin" "$name" "$corpus" 65536
done
exit $status
