#!/bin/sh
# quotes-floor.sh - regression floor of `tacitus eval quotes` on the
# PolNeAR dev split, read in place from $SHARED: fails when direct-quote F1
# or speaker accuracy falls below the floor.  Skips (and says so) when the
# split is not there.
set -u
BUILD=${BUILD:-build}
SHARED=${SHARED:-../shared}
dir=$SHARED/dev/quotes/polnear/dev
F1_FLOOR=${F1_FLOOR:-0.87}
SPEAKER_FLOOR=${SPEAKER_FLOOR:-90.0}
if [ ! -d "$dir/attributions" ]; then
    echo "eval quotes floor: SKIPPED (no PolNeAR dev split at $dir)"
    exit 0
fi
out=$("$BUILD/tacitus" eval quotes "$dir") || { echo "eval quotes floor: tacitus failed" >&2; exit 1; }
echo "$out"
f1=$(echo "$out" | sed -n 's/.*direct quotes .*F1 \([0-9.]*\).*/\1/p')
spk=$(echo "$out" | sed -n 's/.*speaker [0-9]*\/[0-9]* = \([0-9.]*\)%.*/\1/p')
if [ -z "$f1" ] || [ -z "$spk" ]; then
    echo "eval quotes floor: cannot read the figures" >&2
    exit 1
fi
if awk -v f="$f1" -v s="$spk" -v ff="$F1_FLOOR" -v sf="$SPEAKER_FLOOR" \
    'BEGIN { exit !(f >= ff && s >= sf) }'; then
    echo "eval quotes floor: F1 $f1 >= $F1_FLOOR, speaker $spk% >= $SPEAKER_FLOOR%"
else
    echo "eval quotes floor: FAIL: F1 $f1 (floor $F1_FLOOR), speaker $spk% (floor $SPEAKER_FLOOR%)" >&2
    exit 1
fi
