#!/bin/sh
# clean.sh - regression floor for HTML main-text extraction: runs `tacitus
# eval clean` over the trafilatura evaluation set in $SHARED (read in place,
# never copied) and fails when F1 drops below FLOOR (what we measured, less
# a small margin) or a page fails.  Passes with a note when the set is not
# there.
set -u
BUILD=${BUILD:-build}
SHARED=${SHARED:-../shared}
FLOOR=${CLEAN_F1_FLOOR:-0.910}
set_dir=$SHARED/dev/clean/trafilatura-eval
if [ ! -f "$set_dir/evaldata.json" ]; then
    echo "eval-clean: no set at $set_dir; skipped"
    exit 0
fi
out=$("$BUILD/tacitus" eval clean "$set_dir") || { echo "eval-clean: FAIL: exit $?" >&2; exit 1; }
echo "$out"
f1=$(echo "$out" | sed -n 's/.* f1=\([0-9.]*\).*/\1/p')
failed=$(echo "$out" | sed -n 's/.* failed=\([0-9]*\) .*/\1/p')
if [ -z "$f1" ] || [ "${failed:-1}" -ne 0 ] ||
    ! awk -v f="$f1" -v m="$FLOOR" 'BEGIN { exit !(f >= m) }'; then
    echo "eval-clean: FAIL: f1=$f1 (floor $FLOOR), failed pages=${failed:-?}" >&2
    exit 1
fi
echo "eval-clean: f1=$f1 >= $FLOOR"
