#!/bin/sh
# convert.sh - `tacitus dict convert` round trip: TABARI's demo actors,
# agents and verbs (read in place from $SHARED/peers/tabari) are converted
# into our formats, loaded back, and must code the same actors and events
# on a text of ours as the originals.  Skipped, and said so, when the
# files are not there.
set -u
BUILD=${BUILD:-build}
SHARED=${SHARED:-../shared}
dir=$SHARED/peers/tabari
if [ ! -f "$dir/TABARI.Demo.actors" ]; then
    echo "tabari convert: SKIP (no $dir)"
    exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
bin=$BUILD/tacitus
"$bin" dict convert --kind actors "$dir/TABARI.Demo.actors" >"$tmp/actors.txt" 2>/dev/null &&
"$bin" dict convert --kind agents "$dir/Validate.agents" >"$tmp/agents.txt" 2>/dev/null &&
"$bin" dict convert --kind verbs "$dir/TABARI.Demo.verbs" >"$tmp/verbs.txt" 2>/dev/null || {
    echo "tabari convert: FAIL: dict convert failed" >&2
    exit 1
}
grep -q '^state: ' "$tmp/actors.txt" && grep -q '^agent: ' "$tmp/agents.txt" || {
    echo "tabari convert: FAIL: no entries in our format" >&2
    exit 1
}
cat >"$tmp/text.txt" <<'TEXT'
Gondor's foreign minister met Arnor officials in Minas Tirith on Monday.

The Ithilen government radio said Osgiliath soldiers attacked Rohan and burned down an embassy of Dagolath.

Calenardhon urged Bree to restore diplomatic ties with Eriador, and Arnor praised the Gondor prime minister.
TEXT
codes() { grep -o '"\(code\|source\|target\|text\)":"[^"]*"' | tr '\n' ' '; }
a=$("$bin" actors --no-builtin --actors "$dir/TABARI.Demo.actors" --agents "$dir/Validate.agents" \
     --date 1995-01-01 -q "$tmp/text.txt" | codes)
b=$("$bin" actors --no-builtin --actors "$tmp/actors.txt" --agents "$tmp/agents.txt" \
     --date 1995-01-01 -q "$tmp/text.txt" | codes)
if [ -z "$a" ] || [ "$a" != "$b" ]; then
    echo "tabari convert: FAIL: converted actors code differently" >&2
    echo "  original:  $a" >&2
    echo "  converted: $b" >&2
    exit 1
fi
e1=$("$bin" code --no-builtin --actors "$dir/TABARI.Demo.actors" --agents "$dir/Validate.agents" \
      --no-builtin-verbs --verbs "$dir/TABARI.Demo.verbs" --no-facts --date 1995-01-01 -q \
      "$tmp/text.txt" | codes)
e2=$("$bin" code --no-builtin --actors "$tmp/actors.txt" --agents "$tmp/agents.txt" \
      --no-builtin-verbs --verbs "$tmp/verbs.txt" --no-facts --date 1995-01-01 -q \
      "$tmp/text.txt" | codes)
if [ -z "$e1" ] || [ "$e1" != "$e2" ]; then
    echo "tabari convert: FAIL: converted dictionaries code different events" >&2
    echo "  original:  $e1" >&2
    echo "  converted: $e2" >&2
    exit 1
fi
echo "tabari convert: ok: converted actors, agents and verbs code the same"
