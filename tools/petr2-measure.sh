#!/bin/sh
# petr2-measure.sh - the PETRARCH-2 measurement of issue 8: the records of
# $SHARED/dev/events/petr2-unittest.jsonl (PETRARCH-2's unit tests, their
# <Text> without the parses) coded by the TABARI coder
# (`tacitus code --tabari-project`) in a project made here, and how many
# of their expected events come out, by category.  No target: a figure to
# rerun.  The project's verbs are TABARI's demo verbs (the project reader
# does not read PETRARCH-2's "--- VERB ---" verb files, and says so); its
# actors and agents are PETRARCH-2's own validation files, or, with
# ACTORS=tabari, TABARI's demo actors and validation agents.
#   tools/petr2-measure.sh            (BUILD=build SHARED=../shared)
set -u
BUILD=${BUILD:-build}
SHARED=${SHARED:-../shared}
ACTORS=${ACTORS:-petrarch}
jsonl=$SHARED/dev/events/petr2-unittest.jsonl
tab=$SHARED/peers/tabari
petr=$SHARED/peers/petrarch2
for f in "$jsonl" "$tab/TABARI.Demo.verbs" "$petr/PETR.Validate.actors.txt"; do
    [ -f "$f" ] || { echo "petr2-measure: no $f" >&2; exit 2; }
done
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
abs() { (cd "$(dirname "$1")" && printf '%s/%s\n' "$(pwd)" "$(basename "$1")"); }
if [ "$ACTORS" = tabari ]; then
    actors=$(abs "$tab/TABARI.Demo.actors") agents=$(abs "$tab/Validate.agents")
else
    actors=$(abs "$petr/PETR.Validate.actors.txt") agents=$(abs "$petr/PETR.Validate.agents.txt")
fi
cat >"$dir/p.project" <<PROJECT
<actorsfile> $actors
<agentsfile> $agents
<verbsfile> $(abs "$tab/TABARI.Demo.verbs")
<textfile> $dir/p.text
PROJECT
# The records as a TABARI text file: "YYYYMMDD ID", the text, a blank line.
python3 - "$jsonl" "$dir/p.text" <<'PY'
import json, sys
with open(sys.argv[1]) as f, open(sys.argv[2], "w") as out:
    for line in f:
        r = json.loads(line)
        text = " ".join(r["text"].split())
        out.write("%s %s\n%s\n\n" % (r["date"].replace("-", ""), r["id"], text))
PY
"$BUILD"/tacitus code --tabari-project "$dir/p.project" -q >"$dir/events.jsonl" 2>"$dir/warnings" ||
    { echo "petr2-measure: tacitus failed" >&2; cat "$dir/warnings" >&2; exit 1; }
python3 - "$jsonl" "$dir/events.jsonl" "$ACTORS" <<'PY'
import json, sys, collections
got = collections.defaultdict(set)
for line in open(sys.argv[2]):
    e = json.loads(line)
    if e.get("kind") == "event":
        got[e["article"]].add((e["source"], e["target"], e["code"]))
want = collections.Counter(); hit = collections.Counter()
recs = collections.Counter(); recs_ok = collections.Counter()
for line in open(sys.argv[1]):
    r = json.loads(line)
    c = r["category"]
    exp = {(x["source"], x["target"], x["code"]) for x in r["events"]}
    recs[c] += 1
    want[c] += len(exp)
    hit[c] += len(exp & got[r["id"]])
    recs_ok[c] += exp == got[r["id"]]
print("PETRARCH-2 unit tests, TABARI coder (actors: %s; verbs: TABARI demo)" % sys.argv[3])
print("%-10s %8s %8s %6s %14s" % ("category", "expected", "coded", "%", "records exact"))
for c in sorted(want, key=lambda c: -want[c]):
    print("%-10s %8d %8d %5.1f%% %8d/%d" % (c, want[c], hit[c],
          100.0 * hit[c] / want[c] if want[c] else 0, recs_ok[c], recs[c]))
W, H = sum(want.values()), sum(hit.values())
print("%-10s %8d %8d %5.1f%% %8d/%d" % ("all", W, H, 100.0 * H / W if W else 0,
      sum(recs_ok.values()), sum(recs.values())))
PY
