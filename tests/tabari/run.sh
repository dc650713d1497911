#!/bin/sh
# run.sh - TABARI's own validation suite (read in place from
# $SHARED/peers/tabari) through `tacitus eval tabari`: fails when fewer
# record ids pass than tests/tabari/floor.txt holds (the best reached: the
# run is deterministic; raise the floor when a change passes more), or when
# `tacitus code --tabari-project` does not write the events of a known
# record.  Skipped, and said so, when the suite is not there.
set -u
BUILD=${BUILD:-build}
SHARED=${SHARED:-../shared}
project=$SHARED/peers/tabari/Validate.project
if [ ! -f "$project" ]; then
    echo "tabari: SKIP (no $project)"
    exit 0
fi
floor=$(grep -v '^#' tests/tabari/floor.txt | head -1 | tr -d ' ')
out=$("$BUILD"/tacitus eval tabari "$project") || { echo "tabari: eval failed" >&2; exit 1; }
echo "$out" | grep '^FAIL' | sed 's/^/tabari: /'
echo "$out" | grep '^tabari suite:'
got=$(echo "$out" | sed -n 's/^\([0-9]*\) passed, [0-9]* failed$/\1/p')
if [ -z "$got" ] || [ "$got" -lt "$floor" ]; then
    echo "tabari: FAIL: ${got:-?} ids passed < floor $floor" >&2
    exit 1
fi
echo "tabari: ok: $got ids passed (floor $floor)"
# The code command: DEMO-04 (paired codes) as event records.
events=$("$BUILD"/tacitus code --tabari-project "$project" -q | grep '"article":"DEMO-04"')
for want in '"source":"DAG","target":"GON","code":"032"' \
            '"source":"GON","target":"DAG","code":"033"'; do
    if ! echo "$events" | grep -q "$want"; then
        echo "tabari: FAIL: code --tabari-project: no $want for DEMO-04" >&2
        exit 1
    fi
done
echo "tabari: ok: code --tabari-project writes DEMO-04's paired events"
