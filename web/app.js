// app.js - the tacitus dashboard: plain JavaScript over the JSON API of
// `tacitus serve` (docs/API.md).  Libraries (uPlot, d3, topojson-client,
// the world-atlas shapes) come from vendor/, served by tacitus itself.
// Nothing is fetched from another host.  Colour is never the only cue:
// series have dash patterns and legends, map figures are written out,
// network edges are dashed for conflict, marks in the text carry labels.
'use strict';

const QUADS = ['verbal_coop', 'material_coop', 'verbal_conflict', 'material_conflict'];
const QUAD_LABEL = {1: 'verbal coop.', 2: 'material coop.', 3: 'verbal conflict', 4: 'material conflict'};
const state = {filters: {}, offset: 0, limit: 25, selected: null};

function $(sel) { return document.querySelector(sel); }
function el(tag, attrs = {}, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') e.className = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  for (const k of kids) e.append(k instanceof Node ? k : document.createTextNode(k == null ? '' : String(k)));
  return e;
}

async function api(path, params = {}) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== '' && v != null) q.set(k, v);
  const qs = q.toString();
  const r = await fetch(`/api/${path}${qs ? '?' + qs : ''}`);
  const body = await r.json();
  if (!r.ok) throw new Error(body.error ? body.error.message : `HTTP ${r.status}`);
  return body;
}

// ---- Health ----
async function loadHealth() {
  const h = await api('health');
  const c = h.counts;
  $('#health').textContent = `${h.database}: ${c.articles} articles, ${c.events} events, ` +
    `${c.counts} counts, ${c.quotes} quotes` + (h.first_date ? `, ${h.first_date} to ${h.last_date}` : '') +
    ` (tacitus ${h.version})`;
}

// ---- Timeline ----
let plot = null;
function periodTime(p) {
  const s = p.length === 7 ? p + '-01' : p;
  return Date.parse(s + 'T00:00:00Z') / 1000;
}
async function loadSeries(key, by) {
  const params = {by};
  if (key.includes(':')) params.dyad = key; else params.country = key;
  const note = $('#timeline-note');
  let s;
  try { s = await api('series', params); } catch (e) { note.textContent = e.message; note.className = 'error'; return; }
  note.className = 'note';
  const rows = s.series;
  const box = $('#timeline');
  box.dataset.points = String(rows.length);
  if (plot) { plot.destroy(); plot = null; }
  if (!rows.length) { note.textContent = `No events for ${key}.`; return; }
  const data = [rows.map((r) => periodTime(r.period))];
  for (const q of QUADS) data.push(rows.map((r) => r[q] || 0));
  data.push(rows.map((r) => r.goldstein_mean));
  const killed = rows.reduce((a, r) => a + r.killed, 0), wounded = rows.reduce((a, r) => a + r.wounded, 0);
  note.textContent = `${key} by ${by}: ${rows.reduce((a, r) => a + r.events, 0)} events, ` +
    `${killed} killed, ${wounded} wounded reported.`;
  const w = Math.max(300, box.clientWidth || 560);
  const line = (label, stroke, dash, pts) => ({label, stroke, width: 2, dash, points: {show: true, size: 7, ...pts}});
  plot = new uPlot({
    width: w, height: 230,
    series: [
      {label: 'period'},
      line('1 verbal coop.', '#1f5fa8', [], {}),
      line('2 material coop.', '#2a7a2a', [8, 4], {}),
      line('3 verbal conflict', '#c07000', [2, 3], {}),
      line('4 material conflict', '#a01010', [10, 3, 2, 3], {}),
      {label: 'Goldstein mean', stroke: '#000', width: 1.5, dash: [1, 2], scale: 'g', points: {show: true, size: 5}},
    ],
    axes: [{}, {label: 'events'}, {side: 1, scale: 'g', label: 'Goldstein', grid: {show: false}}],
    scales: {g: {range: [-10, 10]}},
  }, data, box);
}

// ---- Map ----
let world = null, iso = null, places = null;
async function loadMap() {
  [world, iso, places] = await Promise.all([
    fetch('vendor/countries-110m.json').then((r) => r.json()),
    fetch('vendor/iso3166.json').then((r) => r.json()),
    api('places'),
  ]);
  drawMap();
}
function drawMap() {
  const metric = $('#map-metric').value;
  const svg = d3.select('#map');
  svg.selectAll('*').remove();
  const projection = d3.geoNaturalEarth1().fitSize([960, 480], {type: 'Sphere'});
  const path = d3.geoPath(projection);
  const byNum = new Map();
  for (const c of places.countries) if (iso[c.country]) byNum.set(iso[c.country].numeric, c);
  const max = d3.max(places.countries, (c) => c[metric]) || 1;
  const shade = d3.scaleLinear().domain([0, max]).range(['#f0e0c0', '#8a3b00']);
  const feats = topojson.feature(world, world.objects.countries).features;
  svg.append('path').attr('d', path({type: 'Sphere'})).attr('fill', '#eef4f8').attr('stroke', '#bbb');
  svg.append('g').selectAll('path').data(feats).join('path')
    .attr('class', (f) => 'country' + (byNum.get(f.id) && byNum.get(f.id)[metric] > 0 ? ' has-data' : ''))
    .attr('d', path)
    .style('fill', (f) => { const c = byNum.get(f.id); return c && c[metric] > 0 ? shade(c[metric]) : null; })
    .append('title').text((f) => { const c = byNum.get(f.id); const n = f.properties.name;
      return c ? `${n}: ${c.events} events, ${c.conflict} conflict, ${c.killed} killed, ${c.wounded} wounded` : n; });
  // Country figures written at their centroids.
  const labels = svg.append('g');
  for (const f of feats) {
    const c = byNum.get(f.id);
    if (!c || !(c[metric] > 0)) continue;
    const [x, y] = path.centroid(f);
    if (isFinite(x)) labels.append('text').attr('x', x).attr('y', y).attr('text-anchor', 'middle')
      .attr('class', 'country-label').text(`${c.country} ${c[metric]}`);
  }
  const r = d3.scaleSqrt().domain([0, d3.max(places.places, (p) => p[metric]) || 1]).range([0, 14]);
  svg.append('g').selectAll('circle').data(places.places.filter((p) => p[metric] > 0)).join('circle')
    .attr('class', 'place').attr('cx', (p) => projection([p.lon, p.lat])[0]).attr('cy', (p) => projection([p.lon, p.lat])[1])
    .attr('r', (p) => Math.max(3, r(p[metric])))
    .append('title').text((p) => `${p.name} (${p.country}): ${p.events} events, ${p.killed} killed, ${p.wounded} wounded`);
  const list = $('#map-list');
  list.replaceChildren(...places.places.filter((p) => p[metric] > 0).slice(0, 10)
    .map((p) => el('li', {}, `${p.name} (${p.country}): ${p[metric]} ${metric}`)));
  $('#map').dataset.countries = String([...byNum.values()].filter((c) => c[metric] > 0).length);
}

// ---- Network ----
async function loadNetwork() {
  const a = await api('actors', {limit: 40});
  const svg = d3.select('#network');
  svg.selectAll('*').remove();
  const names = new Map(a.actors.map((x) => [x.code, x.name]));
  const nodes = new Map();
  for (const d of a.dyads) for (const c of [d.source, d.target]) if (!nodes.has(c)) nodes.set(c, {id: c, name: names.get(c) || ''});
  const links = a.dyads.map((d) => ({source: d.source, target: d.target, events: d.events, conflict: d.conflict > d.cooperation}));
  svg.append('defs').append('marker').attr('id', 'arrow').attr('viewBox', '0 0 10 10').attr('refX', 18).attr('refY', 5)
    .attr('markerWidth', 6).attr('markerHeight', 6).attr('orient', 'auto')
    .append('path').attr('d', 'M0,0L10,5L0,10z').attr('fill', '#333');
  const n = [...nodes.values()];
  $('#network').dataset.nodes = String(n.length);
  if (!n.length) { svg.append('text').attr('x', 10).attr('y', 20).text('No dyads yet.'); return; }
  const sim = d3.forceSimulation(n).force('link', d3.forceLink(links).id((d) => d.id).distance(80))
    .force('charge', d3.forceManyBody().strength(-200)).force('center', d3.forceCenter(240, 160))
    .force('x', d3.forceX(240).strength(0.08)).force('y', d3.forceY(160).strength(0.12))
    .force('collide', d3.forceCollide(22)).stop();
  for (let i = 0; i < 200; i++) sim.tick();
  for (const d of n) { d.x = Math.max(30, Math.min(450, d.x)); d.y = Math.max(15, Math.min(305, d.y)); }
  svg.append('g').selectAll('line').data(links).join('line')
    .attr('class', (l) => (l.conflict ? 'conflict' : 'coop')).attr('marker-end', 'url(#arrow)')
    .attr('stroke-width', (l) => 1 + Math.sqrt(l.events) * 1.5)
    .attr('x1', (l) => l.source.x).attr('y1', (l) => l.source.y).attr('x2', (l) => l.target.x).attr('y2', (l) => l.target.y)
    .append('title').text((l) => `${l.source.id} → ${l.target.id}: ${l.events} events (${l.conflict ? 'conflict' : 'cooperation'})`);
  const g = svg.append('g').selectAll('g').data(n).join('g').attr('transform', (d) => `translate(${d.x},${d.y})`);
  g.append('circle').attr('r', 8);
  g.append('text').attr('y', -11).attr('text-anchor', 'middle').text((d) => d.id);
  g.append('title').text((d) => `${d.id} ${d.name}`);
}

// ---- Alerts ----
async function loadAlerts() {
  const ul = $('#alerts');
  let a;
  try {
    a = await api('alerts', {z: $('#alerts-z').value, min_events: $('#alerts-min').value, min_history: $('#alerts-hist').value});
  } catch (e) { ul.replaceChildren(el('li', {class: 'error'}, e.message)); return; }
  if (!a.alerts.length) {
    ul.replaceChildren(el('li', {}, `No alerts (z ≥ ${a.z} over ${a.window} days, ${a.min_events} conflict events at least, ${a.min_history} days of history).`));
    return;
  }
  ul.replaceChildren(...a.alerts.map((al) => el('li', {class: 'alert'},
    el('strong', {}, `${al.kind} ${al.key}, ${al.date}: `),
    `${al.conflict_events} conflict events (baseline ${al.baseline_mean} ± ${al.baseline_sd}, z ${al.z})`,
    el('ul', {}, ...al.events.map((id) => {
      const e = a.events[id];
      return el('li', {}, el('button', {class: 'link', type: 'button', onclick: () => openArticle(e.article, e.id)},
        `${e.source || '?'} → ${e.target || '?'} ${e.code}: ${(e.evidence || '').slice(0, 90)}`));
    })))));
}

// ---- Events ----
async function loadEvents() {
  const err = $('#events-error');
  err.textContent = '';
  let r;
  try { r = await api('events', {...state.filters, limit: state.limit, offset: state.offset}); }
  catch (e) { err.textContent = e.message; return; }
  const tbody = $('#events tbody');
  tbody.replaceChildren(...r.events.map((e) => {
    const tr = el('tr', {tabindex: '0', 'data-id': e.id, 'data-article': e.article},
      el('td', {}, e.date), el('td', {title: e.source_name}, e.source || '—'), el('td', {title: e.target_name}, e.target || '—'),
      el('td', {}, e.code), el('td', {}, `${e.quad} ${QUAD_LABEL[e.quad] || ''}`), el('td', {}, e.goldstein),
      el('td', {}, e.place_name || ''), el('td', {class: 'evidence'}, (e.negated ? '[negated] ' : '') +
        (e.modality !== 'asserted' ? `[${e.modality}] ` : '') + (e.evidence || '')));
    const open = () => openArticle(e.article, e.id);
    tr.addEventListener('click', open);
    tr.addEventListener('keydown', (k) => { if (k.key === 'Enter') open(); });
    return tr;
  }));
  $('#page').textContent = r.events.length ? `events ${state.offset + 1}–${state.offset + r.events.length}` : 'no events';
  $('#prev').disabled = state.offset === 0;
  $('#next').disabled = !r.more;
  $('#events').dataset.rows = String(r.events.length);
}

// ---- The article and its evidence ----
// Byte offsets (UTF-8) into the text -> string indexes.
function byteIndex(text) {
  const idx = new Map();
  let b = 0, i = 0;
  for (const ch of text) {
    idx.set(b, i);
    const cp = ch.codePointAt(0);
    b += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    i += ch.length;
  }
  idx.set(b, i);
  return (off) => { while (off > 0 && !idx.has(off)) off--; return idx.get(off) || 0; };
}

async function openArticle(id, eventId) {
  const panel = $('#article-panel');
  let a;
  try { a = await api('articles/' + encodeURIComponent(id)); }
  catch (e) { panel.hidden = false; $('#article-meta').textContent = e.message; return; }
  state.selected = eventId;
  for (const tr of document.querySelectorAll('#events tbody tr')) tr.classList.toggle('selected', tr.dataset.id === String(eventId));
  panel.hidden = false;
  $('#article-meta').replaceChildren(el('strong', {}, a.title || a.doc_id), ` ${a.date || ''} ${a.source || ''} `,
    a.url ? el('span', {class: 'note'}, a.url) : '');
  const spans = [];
  const add = (s, e, kind, label, extra = '') => { if (s != null && e != null && e > s) spans.push({s, e, kind, label, extra}); };
  for (const x of a.actors) add(x.start, x.end, 'actor', '', `${x.code} ${x.name}`);
  for (const q of a.quotes) add(q.start, q.end, 'quote', 'quote', `quote by ${q.speaker_name || q.speaker}`);
  for (const c of a.counts) add(c.number_start, c.number_end, 'count', c.type.toLowerCase(), `${c.type} ${c.number} ${c.object}`);
  for (const m of a.mentions) {
    const cur = m.event === eventId;
    if (cur) add(m.start, m.end, 'evidence', '', `event ${m.event}: ${m.source} ${m.code} ${m.target}`);
    if (cur || eventId == null) {
      add(m.source_start, m.source_end, 'source', 'source', `source ${m.source}`);
      add(m.target_start, m.target_end, 'target', 'target', `target ${m.target}`);
      add(m.verb_start, m.verb_end, 'verb', 'verb', `verb: CAMEO ${m.code}`);
    }
  }
  const box = $('#article-text');
  if (a.text == null) {
    box.replaceChildren(el('p', {class: 'note'}, 'This article was stored before the store kept texts; its evidence sentences:'),
      ...a.mentions.map((m) => el('p', {}, m.sentence_text)));
  } else {
    const at = byteIndex(a.text);
    const pts = new Set([0, a.text.length]);
    const cs = spans.map((sp) => ({...sp, s: at(sp.s), e: at(sp.e)}));
    for (const sp of cs) { pts.add(sp.s); pts.add(sp.e); }
    const cuts = [...pts].sort((x, y) => x - y);
    const frag = [];
    for (let i = 0; i + 1 < cuts.length; i++) {
      const [s, e] = [cuts[i], cuts[i + 1]];
      const on = cs.filter((sp) => sp.s <= s && sp.e >= e);
      let node = document.createTextNode(a.text.slice(s, e));
      // Innermost (shortest) span closest to the text.
      on.sort((x, y) => (x.e - x.s) - (y.e - y.s));
      for (const sp of on) {
        const m = el('mark', {class: `k-${sp.kind}`, title: sp.extra, 'data-kind': sp.kind});
        if (sp.s === s && sp.label) m.setAttribute('data-label', sp.label);
        m.append(node);
        node = m;
      }
      frag.push(node);
    }
    box.replaceChildren(...frag);
  }
  const ms = a.mentions.filter((m) => m.event === eventId);
  $('#article-records').replaceChildren(
    el('h3', {}, 'Events in this article'),
    el('ul', {}, ...a.mentions.map((m) => el('li', {class: m.event === eventId ? 'current' : ''},
      `${m.event === eventId ? '▶ ' : ''}${m.date} ${m.source || '?'} → ${m.target || '?'} CAMEO ${m.code} ` +
      `(${QUAD_LABEL[m.quad]}, Goldstein ${m.goldstein}, ${m.modality}${m.negated ? ', negated' : ''}): ` +
      `“${m.source_text}” ${m.verb_text} “${m.target_text}”`))),
    el('h3', {}, 'Counts'),
    el('ul', {}, ...(a.counts.length ? a.counts.map((c) => el('li', {}, `${c.type} ${c.number} ${c.object}: “${c.text}”`)) : [el('li', {}, 'none')])),
    el('h3', {}, 'Quotes'),
    el('ul', {}, ...(a.quotes.length ? a.quotes.map((q) => el('li', {}, `${q.speaker_name || q.speaker || '?'}: “${q.text}”`)) : [el('li', {}, 'none')])));
  const ev = box.querySelector('.k-evidence');
  panel.dataset.event = String(eventId);
  panel.dataset.marks = String(box.querySelectorAll('mark').length);
  if (ms.length && ev) ev.scrollIntoView({block: 'center'});
  panel.scrollIntoView({block: 'start'});
}

// ---- Wiring ----
async function main() {
  $('#series-form').addEventListener('submit', (e) => { e.preventDefault(); loadSeries($('#series-key').value.trim().toUpperCase(), $('#series-by').value); });
  $('#map-metric').addEventListener('change', drawMap);
  $('#alerts-form').addEventListener('submit', (e) => { e.preventDefault(); loadAlerts(); });
  const form = $('#filters');
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    state.filters = {};
    for (const [k, v] of new FormData(form)) if (v.trim()) state.filters[k] = v.trim();
    state.offset = 0;
    loadEvents();
  });
  form.addEventListener('reset', () => { state.filters = {}; state.offset = 0; setTimeout(loadEvents, 0); });
  $('#prev').addEventListener('click', () => { state.offset = Math.max(0, state.offset - state.limit); loadEvents(); });
  $('#next').addEventListener('click', () => { state.offset += state.limit; loadEvents(); });
  await loadHealth();
  // The timeline starts on the most active actor's country.
  const top = await api('actors', {limit: 1});
  const key = top.actors.length ? (top.actors[0].country || top.actors[0].code) : '';
  $('#series-key').value = key;
  await Promise.all([key ? loadSeries(key, 'day') : null, loadMap(), loadNetwork(), loadAlerts(), loadEvents()]);
  document.body.dataset.ready = 'true';
}
main().catch((e) => { $('#health').textContent = 'error: ' + e.message; });
