#!/bin/sh
# run.sh - the dev-set figures as regression floors: each line of
# tests/evals/floors.txt is "COMMAND FILE | TEXT BEFORE THE FIGURE | FLOOR";
# the first percentage after that text on the command's output must be at
# or above the floor (the best figure reached: these runs are
# deterministic).  Skipped, and said so, when the
# shared data is not there.
set -u
BUILD=${BUILD:-build}
SHARED=${SHARED:-../shared}
pass=0
fail=0
while IFS='|' read -r cmd label floor; do
    case "$cmd" in ''|'#'*) continue ;; esac
    cmd=$(echo "$cmd" | sed "s#\\\$SHARED#$SHARED#g; s/ *\$//")
    label=$(echo "$label" | sed 's/^ *//; s/ *$//')
    floor=$(echo "$floor" | tr -d ' ')
    file=${cmd##* }
    if [ ! -e "$file" ]; then
        echo "evals: SKIP $cmd (no $file)"
        continue
    fi
    # shellcheck disable=SC2086
    got=$("$BUILD"/tacitus $cmd 2>/dev/null | grep -F "$label" | head -1 |
          awk -v l="$label" '{ i = index($0, l); n = split(substr($0, i + length(l)), w, " ");
                               for (k = 1; k <= n; k++) if (w[k] ~ /^[0-9.]+%/) {
                                   sub(/%.*/, "", w[k]); print w[k]; exit } }')
    if [ -n "$got" ] && awk -v g="$got" -v f="$floor" 'BEGIN { exit !(g + 0 >= f + 0) }'; then
        pass=$((pass + 1))
        echo "evals: ok   $label $got% (floor $floor%)"
    else
        fail=$((fail + 1))
        echo "evals: FAIL $cmd: $label ${got:-?}% < floor $floor%" >&2
    fi
done < tests/evals/floors.txt
echo "evals: $pass passed, $fail failed"
[ $fail -eq 0 ]
