#!/bin/sh
# build-web.sh SRC NODE_MODULES ISO_JSON OUT - the dashboard as tacitus
# serve sends it: the files of web/ and, under vendor/, the few files the
# page loads from the npm packages (uPlot, d3, topojson-client, the
# world-atlas shapes), plus a table of ISO 3166 codes (alpha-3 to the
# numeric ids world-atlas uses) made from Debian's iso-codes.  OUT is
# replaced whole.
set -eu
src=$1
nm=$2
iso=$3
out=$4
tmp=$out.tmp
rm -rf "$tmp"
mkdir -p "$tmp/vendor"
cp "$src"/*.html "$src"/*.js "$src"/*.css "$src"/*.svg "$tmp"/
cp "$nm/uplot/dist/uPlot.iife.min.js" "$nm/uplot/dist/uPlot.min.css" \
   "$nm/d3/dist/d3.min.js" "$nm/topojson-client/dist/topojson-client.min.js" \
   "$nm/world-atlas/countries-110m.json" "$tmp/vendor/"
for p in uplot d3 topojson-client world-atlas; do
    cp "$nm/$p/LICENSE" "$tmp/vendor/LICENSE-$p.txt" 2>/dev/null || true
done
node -e '
const fs = require("fs");
const list = JSON.parse(fs.readFileSync(process.argv[1], "utf8"))["3166-1"];
const out = {};
for (const c of list) out[c.alpha_3] = {numeric: c.numeric, name: c.common_name || c.name};
fs.writeFileSync(process.argv[2], JSON.stringify(out));
' "$iso/iso_3166-1.json" "$tmp/vendor/iso3166.json"
rm -rf "$out"
mv "$tmp" "$out"
