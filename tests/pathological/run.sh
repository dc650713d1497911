#!/bin/sh
# run.sh - the malformed-input suite.  Generates hostile inputs (invalid
# UTF-8, NUL bytes, a 10 MB line without a space, empty and binary files,
# truncated and broken JSONL, deep directories) and checks that tacitus
# finishes each within a time limit far below what a quadratic algorithm
# would need, exits with the documented status (1: records rejected, 0: all
# accepted; never a crash), names file, line and byte in its errors, and
# keeps the good records of a batch.  Under the sanitizer build, a leak or
# memory error fails the run.
set -u
BUILD=${BUILD:-build}
bin=$BUILD/tacitus
LIMIT=${PATHO_TIMEOUT:-120}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
pass=0
fail=0

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "pathological: FAIL $*" >&2; }

# expect NAME STATUS PATTERN [tacitus args...]: runs tacitus, checks the exit
# status and that stderr matches PATTERN (grep -E; "" matches anything).
expect() {
    name=$1 want=$2 pat=$3
    shift 3
    timeout "$LIMIT" "$bin" "$@" --no-progress >"$dir/out" 2>"$dir/err"
    got=$?
    if [ "$got" -ne "$want" ]; then
        bad "$name: exit $got, want $want"; head -5 "$dir/err" >&2; return
    fi
    if [ -n "$pat" ] && ! grep -Eq "$pat" "$dir/err"; then
        bad "$name: stderr does not match /$pat/"; head -5 "$dir/err" >&2; return
    fi
    ok
}

# Invalid UTF-8 of every kind: accepted, bytes replaced.
printf 'Bad \377 lead, \300\257 overlong, \355\240\200 surrogate, \342\202 cut. Next sentence here.\n' >"$dir/invalid.txt"
expect invalid-utf8 0 "" sentences "$dir/invalid.txt"
grep -q '\\ufffd\|�' "$dir/out" && ok || bad "invalid-utf8: no U+FFFD in output"

# NUL bytes inside text.
printf 'Moscow said\000 on Monday.\000 Kyiv denied it.\n' >"$dir/nul.txt"
expect nul-bytes 0 "" sentences "$dir/nul.txt"
grep -q 'on Monday.*Kyiv denied it' "$dir/out" && ok || bad "nul-bytes: text lost"

# A 10 MB line without a space, as text and inside JSONL.
head -c 10000000 /dev/zero | tr '\0' 'a' >"$dir/long.txt"
expect long-line 0 "" sentences "$dir/long.txt"
n=$(grep -c '"kind":"sentence"' "$dir/out")
[ "$n" -ge 2000 ] && ok || bad "long-line: $n sentences, want the line cut into pieces"
{ printf '{"id":"big","text":"'; cat "$dir/long.txt"; printf '"}\n'; } >"$dir/long.jsonl"
expect long-jsonl 0 "" sentences "$dir/long.jsonl"
# ... and over the record limit: rejected with its location, batch goes on.
printf '{"id":"after","text":"Talks resumed in Geneva."}\n' >>"$dir/long.jsonl"
expect long-jsonl-limit 1 "long.jsonl:1:0: error: .*limit" sentences --max-record-bytes 1000000 "$dir/long.jsonl"
grep -q '"article":"after"' "$dir/out" && ok || bad "long-jsonl-limit: later record lost"

# 10 MB of periods and of initials: the splitter stays linear.
head -c 10000000 /dev/zero | tr '\0' '.' >"$dir/dots.txt"
expect dots 0 "" sentences "$dir/dots.txt"
yes 'A. B. C. D. E. F. G. H.' | head -c 10000000 | tr '\n' ' ' >"$dir/initials.txt"
expect initials 0 "" sentences "$dir/initials.txt"

# Empty and blank files: rejected with a clear error.
: >"$dir/empty.txt"
expect empty 1 "empty.txt:1:0: error: empty file" sentences "$dir/empty.txt"
printf '\n\n   \n' >"$dir/blank.txt"
expect blank 1 "blank.txt:1:0: error: empty file" sentences "$dir/blank.txt"

# Binary data: rejected, not coded.
awk 'BEGIN { for (i = 0; i < 65536; i++) printf "%c", (i * 7919) % 256 }' >"$dir/binary.bin" 2>/dev/null
expect binary 1 "binary.bin:1:0: error: binary file" sentences --input-format text "$dir/binary.bin"

# Broken JSONL: each bad line named by line and byte, good lines kept.
{
    printf '{"id":"a","text":"Russia and China condemned the strike."}\n'
    printf '{"id":"b","text":"no closing quote}\n'
    printf '[1,2,3]\n'
    printf '{"id":"c"}\n'
    printf '{"id":"d","text":""}\n'
    printf '{"id":"e","text":42}\n'
    printf '{"id":"f","date":"yesterday","text":"Kept with an unknown date."}\n'
    printf '\n'
    printf '{"text":"No id: named by file and line."}\n'
    printf '{"id":"g","text":"Truncated'
} >"$dir/broken.jsonl"
expect broken-jsonl 1 "broken.jsonl:2:[0-9]+: error: invalid JSON" sentences "$dir/broken.jsonl"
for pat in 'broken.jsonl:3:' 'broken.jsonl:4:.*no "text"' 'broken.jsonl:5:.*empty' \
           'broken.jsonl:6:.*not a string' 'broken.jsonl:7:.*warning: .*unreadable date' \
           'broken.jsonl:10:.*invalid JSON'; do
    grep -Eq "$pat" "$dir/err" && ok || bad "broken-jsonl: no /$pat/"
done
for id in '"article":"a"' '"article":"f"' "\"article\":\"$dir/broken.jsonl:9\""; do
    grep -q "$id" "$dir/out" && ok || bad "broken-jsonl: record $id lost"
done

# Invalid UTF-8 inside a JSON string: repaired, not rejected.
printf '{"id":"u","text":"Caf\351 talks ended."}\n' >"$dir/badutf.jsonl"
expect jsonl-invalid-utf8 0 "" sentences "$dir/badutf.jsonl"

# A directory tree deeper than the limit, with good files on the way.
deep=$dir/deep
mkdir -p "$deep"
d=$deep
i=0
while [ $i -lt 40 ]; do d=$d/d; i=$((i + 1)); done
mkdir -p "$d"
echo "Deep article text." >"$d/a.txt"
echo "Shallow article text." >"$deep/a.txt"
expect deep-dirs 1 "nesting deeper than" sentences "$deep"
grep -q 'Shallow article' "$dir/out" && ok || bad "deep-dirs: shallow file lost"

# A missing file and an unreadable input format.
expect missing 1 "no-such-file.txt: error: cannot open" sentences "$dir/no-such-file.txt"
expect bad-format 2 "bad --input-format" sentences --input-format xml "$dir/nul.txt"
expect bad-date 2 "bad date" sentences --date 2022-02-30 "$dir/nul.txt"

# ---- HTML pages ----
# 30,000 nested tags: libxml2 stops at depth 256 (HTML_PARSE_HUGE stays
# off); with nothing before the cut, a clear error.  With text before it,
# that text is kept.
awk 'BEGIN { printf "<html><body>"; for (i = 0; i < 30000; i++) printf "<div>";
    printf "<p>Deep text.</p>"; for (i = 0; i < 30000; i++) printf "</div>"; print "</body></html>" }' >"$dir/deep.html"
expect html-deep 1 "deep.html:1:0: error: HTML: elements nested deeper than 256" clean "$dir/deep.html"
awk 'BEGIN { printf "<html><body><p>Talks resumed in Geneva on Monday after a pause of two weeks, officials said.</p>";
    for (i = 0; i < 30000; i++) printf "<b>"; print "x</body></html>" }' >"$dir/deep-after.html"
expect html-deep-after 0 "" clean "$dir/deep-after.html"
grep -q 'Talks resumed in Geneva' "$dir/out" && ok || bad "html-deep-after: text before the cut lost"

# A 50 MB page of paragraphs: over the tag cap, refused before parsing.
awk 'BEGIN { for (i = 0; i < 1600000; i++) print "<p>Talks resumed in Geneva.</p>" }' >"$dir/big.html"
expect html-50mb 1 "big.html:1:0: error: HTML: more than 1000000 tags" clean "$dir/big.html"
# A 10 MB page under the caps: extracted in linear time.
awk 'BEGIN { print "<html><head><title>Big page</title></head><body><article>";
    for (i = 0; i < 60000; i++) print "<p>Ministers met in Geneva on Monday, and talks went on for hours, officials said.</p>";
    print "</article></body></html>" }' >"$dir/ten.html"
expect html-10mb 0 "" clean "$dir/ten.html"
grep -q '"title":"Big page"' "$dir/out" && ok || bad "html-10mb: no article"
# Over --max-html-bytes: rejected with its size.
expect html-limit 1 "ten.html:1:0: error: HTML page of [0-9]+ bytes is over the limit" clean --max-html-bytes 1000000 "$dir/ten.html"

# Binary data named .html, an empty page, broken markup.
cp "$dir/binary.bin" "$dir/binary.html"
expect html-binary 1 "binary.html:1:0: error: binary file, not HTML" clean "$dir/binary.html"
: >"$dir/empty.html"
expect html-empty 1 "empty.html:1:0: error: empty file" clean "$dir/empty.html"
printf '<html><<p>Broken <b><i>markup</b></i> with <a href="x>an unclosed quote, <!-- an open comment <table><td>cells without rows</p>' >"$dir/broken.html"
timeout "$LIMIT" "$bin" clean --no-progress "$dir/broken.html" >"$dir/out" 2>"$dir/err"
st=$?
[ $st -le 1 ] && ok || bad "html-broken: exit $st"
# Random bytes that start like a page: never a crash.
{ printf '<html><body>'; head -c 200000 "$dir/binary.bin" | tr '\000' 'x'; } >"$dir/noise.html"
timeout "$LIMIT" "$bin" sentences --no-progress "$dir/noise.html" >"$dir/out" 2>"$dir/err"
st=$?
[ $st -le 1 ] && ok || bad "html-noise: exit $st"

echo "pathological: $pass passed, $fail failed"
[ $fail -eq 0 ]
