#!/bin/sh
# run.sh - TABARI's own validation suite (read in place from
# $SHARED/peers/tabari) through `tacitus eval tabari`: fails when fewer
# record ids pass than tests/tabari/floor.txt holds (the best reached: the
# run is deterministic; raise the floor when a change passes more), when an
# id listed in tests/tabari/passing.txt no longer passes (even if another
# one starts passing), or when `tacitus code --tabari-project` does not
# write the events of a known record.  Skipped, and said so, when the suite
# is not there.  New passes are listed: add them to passing.txt.
set -u
BUILD=${BUILD:-build}
SHARED=${SHARED:-../shared}
project=$SHARED/peers/tabari/Validate.project
if [ ! -f "$project" ]; then
    echo "tabari: SKIP (no $project)"
    exit 0
fi
floor=$(grep -v '^#' tests/tabari/floor.txt | head -1 | tr -d ' ')
out=$("$BUILD"/tacitus eval tabari --verbose "$project" 2>/dev/null) ||
    { echo "tabari: eval failed" >&2; exit 1; }
echo "$out" | grep '^FAIL' | sed 's/^/tabari: /'
echo "$out" | grep '^tabari suite:'
got=$(echo "$out" | sed -n 's/^\([0-9]*\) passed, [0-9]* failed$/\1/p')
if [ -z "$got" ] || [ "$got" -lt "$floor" ]; then
    echo "tabari: FAIL: ${got:-?} ids passed < floor $floor" >&2
    exit 1
fi
echo "tabari: ok: $got ids passed (floor $floor)"
# The ids that passed before must all pass.
tmp=${TMPDIR:-/tmp}/tabari-pass.$$
echo "$out" | sed -n 's/^PASS //p' | LC_ALL=C sort >"$tmp"
lost=$(grep -v '^#' tests/tabari/passing.txt | LC_ALL=C sort | LC_ALL=C comm -23 - "$tmp")
new=$(grep -v '^#' tests/tabari/passing.txt | LC_ALL=C sort | LC_ALL=C comm -13 - "$tmp")
rm -f "$tmp"
if [ -n "$new" ]; then
    echo "tabari: newly passing (add to tests/tabari/passing.txt):" $new
fi
if [ -n "$lost" ]; then
    echo "tabari: FAIL: ids in tests/tabari/passing.txt no longer pass:" $lost >&2
    exit 1
fi
echo "tabari: ok: every id of tests/tabari/passing.txt passes"
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
