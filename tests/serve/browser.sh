#!/bin/sh
# browser.sh - the dashboard in headless Chromium (tests/serve/
# browser.test.js) against tacitus serve on a free loopback port over a
# store of examples/; screenshots in $BUILD/screenshots/.  Skipped, saying
# so, only when Debian's chromium is not installed.
set -u
. tests/serve/lib.sh
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$CHROMIUM" ]; then
    echo "serve-browser: SKIPPED: no $CHROMIUM (tools/setup.sh installs Debian's chromium)" >&2
    exit 0
fi
trap 'stop_server >/dev/null 2>&1' EXIT
make_store || exit 1
start_server || exit 1
mkdir -p "$BUILD/screenshots"
fail=0
CHROMIUM=$CHROMIUM timeout 90 node tests/serve/browser.test.js "$PORT" "$BUILD/screenshots" >"$T/browser.log" 2>&1 || fail=1
grep -v '^ok' "$T/browser.log" >&2
stop_server || fail=1
[ $fail -eq 0 ]
