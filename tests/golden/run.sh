#!/bin/sh
# run.sh - golden tests: each tests/golden/cases/NAME.{txt,jsonl,html} is run
# through `tacitus COMMAND ARGS` (COMMAND and ARGS from NAME.args: first
# word the command, default "sentences --date 2022-02-21") and its output is
# diffed with NAME.expected.  `run.sh --update` rewrites the expectations
# (read the diff before committing them).
set -u
BUILD=${BUILD:-build}
bin=$BUILD/tacitus
cases=tests/golden/cases
update=0
[ "${1:-}" = "--update" ] && update=1
pass=0
fail=0
for input in $(ls $cases/*.txt $cases/*.jsonl $cases/*.html 2>/dev/null | sort); do
    name=${input%.*}
    args="sentences --date 2022-02-21"
    [ -f "$name.args" ] && args=$(cat "$name.args")
    out=$(mktemp)
    # shellcheck disable=SC2086
    "$bin" $args --no-progress "$input" >"$out" 2>"$out.err"
    echo "exit $?" >>"$out"
    sed 's/^/stderr: /' "$out.err" >>"$out"
    if [ $update -eq 1 ]; then
        cp "$out" "$name.expected"
    fi
    if diff -u "$name.expected" "$out" >"$out.diff" 2>&1; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "golden: FAIL $name" >&2
        head -40 "$out.diff" >&2
    fi
    rm -f "$out" "$out.err" "$out.diff"
done
echo "golden: $pass passed, $fail failed"
[ $fail -eq 0 ] && [ $pass -gt 0 ]
