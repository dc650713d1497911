#!/bin/sh
# run.sh - runs every test of one build (BUILD=build or build/asan): the
# unit and integration programs (cmocka), the golden cases, the
# pathological inputs, and the dev-set figures held as floors (actors,
# events, counts, quotes, HTML extraction, TABARI's suite).  Prints each
# suite's result and a closing "N passed, N failed" line; exits non-zero
# when anything failed.
set -u
BUILD=${BUILD:-build}
SHARED=${SHARED:-../shared}
export BUILD SHARED
passed=0
failed=0
failures=""

suite() { # name command...
    name=$1
    shift
    if "$@"; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        failures="$failures $name"
        echo "FAILED: $name" >&2
    fi
}

for t in $(find "$BUILD/tests" -type f -perm -u+x -name 'test_*' | sort); do
    suite "$t" "$t"
done
suite golden tests/golden/run.sh
suite pathological tests/pathological/run.sh
suite evals tests/evals/run.sh
suite scale tests/scale/run.sh
suite scale-slurm tests/scale/slurm.sh
suite eval-quotes tests/eval/quotes-floor.sh
suite tabari tests/tabari/run.sh
suite tabari-convert tests/tabari/convert.sh
suite eval-clean tests/eval/clean.sh
# The event store: exports and queries diffed, readers during a write,
# and ingests killed with SIGKILL (tests/store/).
suite store tests/store/run.sh
suite store-readers tests/store/readers.sh
suite store-kill tests/store/kill.sh
suite store-merge tests/store/merge.sh
suite store-pg tests/store/pg.sh
# tacitus serve: the JSON API, and the dashboard in headless Chromium.
suite serve-api tests/serve/run.sh
suite serve-browser tests/serve/browser.sh

echo "suites: $passed passed, $failed failed${failures:+ (failed:$failures)}"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
