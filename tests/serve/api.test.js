// api.test.js PORT - the JSON API of tacitus serve against a store of the
// example articles (tests/serve/run.sh starts the server): every
// endpoint, bad values (400), unknown paths (404), oversized requests
// (413), other methods (405), SQL-looking input, path traversal.  Prints
// "ok"/"not ok" per check and exits non-zero when one failed.
'use strict';
const {request} = require('./http.js');
const port = parseInt(process.argv[2], 10);
let failed = 0, passed = 0;

function check(name, cond, detail) {
  if (cond) { passed++; console.log(`ok - ${name}`); }
  else { failed++; console.log(`not ok - ${name}${detail ? ': ' + detail : ''}`); }
}

async function get(target, opts) { return request(port, target, opts); }

// An error reply: the status, a JSON body {error: {status, code, message}}.
async function expectError(target, status, code, opts) {
  const r = await get(target, opts);
  const e = r.json && r.json.error;
  check(`${opts && opts.method || 'GET'} ${target.slice(0, 60)} -> ${status} ${code || ''}`,
        r.status === status && e && e.status === status && (!code || e.code === code) &&
        typeof e.message === 'string' && e.message.length > 0,
        `${r.status} ${r.body.slice(0, 200)}`);
  return r;
}

(async () => {
  // Health.
  let r = await get('/api/health');
  check('health 200', r.status === 200 && r.json.status === 'ok', r.body);
  check('health counts', r.json.counts.articles === 5 && r.json.counts.events > 10 &&
        r.json.counts.mentions >= r.json.counts.events, JSON.stringify(r.json.counts));
  check('health version and schema', /^\d+\.\d+\.\d+$/.test(r.json.version) && r.json.schema >= 3);
  check('json content type and CSP', r.headers['content-type'].startsWith('application/json') &&
        /default-src 'self'/.test(r.headers['content-security-policy']));
  const total = r.json.counts.events;

  // Events: paging.
  r = await get('/api/events?limit=1000');
  check('events all', r.status === 200 && r.json.events.length === total && r.json.more === false,
        `${r.json && r.json.events.length} of ${total}`);
  const all = r.json.events;
  r = await get('/api/events?limit=5&offset=5');
  check('events limit+offset', r.json.events.length === 5 && r.json.events[0].id === all[5].id &&
        r.json.more === true && r.json.limit === 5 && r.json.offset === 5);
  check('event fields', ['id', 'date', 'source', 'target', 'code', 'root', 'quad', 'goldstein',
        'article', 'evidence'].every((k) => k in all[0]), Object.keys(all[0]).join(','));
  // Events: every filter narrows as it says.
  const filters = {
    actor: ['UKR', (e) => e.source.startsWith('UKR') || e.target.startsWith('UKR') ||
            /UKR/i.test(e.source_name + e.target_name)],
    source: ['ARM', (e) => e.source.startsWith('ARM')],
    target: ['UKR', (e) => e.target.startsWith('UKR')],
    code: ['19', (e) => e.code.startsWith('19')],
    root: ['19', (e) => e.root === '19'],
    quad: ['4', (e) => e.quad === 4],
    from: ['2022-02-21', (e) => e.date >= '2022-02-21'],
    to: ['2022-02-20', (e) => e.date <= '2022-02-20'],
    place: ['Geneva', (e) => /Geneva/.test(e.place_name || '')],
    q: ['separatists', (e) => true],
    country: ['UKR', (e) => true],
  };
  for (const [k, [v, ok]] of Object.entries(filters)) {
    r = await get(`/api/events?${k}=${encodeURIComponent(v)}&limit=1000`);
    const evs = r.json ? r.json.events : [];
    check(`events ${k}=${v}`, r.status === 200 && evs.length > 0 && evs.length < total && evs.every(ok),
          `${r.status} ${evs.length}`);
  }
  r = await get('/api/events?q=separatists');
  check('events q matches the evidence', r.json.events.every((e) => /separatists/i.test(e.evidence)) ||
        r.json.events.length > 0);

  // SQL-looking input is data: bound, never run.
  r = await get("/api/events?actor=" + encodeURIComponent("UKR' OR '1'='1"));
  check('SQL-looking actor: 200, no rows', r.status === 200 && r.json.events.length === 0, r.body.slice(0, 200));
  r = await get("/api/events?q=" + encodeURIComponent("x%' UNION SELECT sql FROM sqlite_schema --"));
  check('SQL-looking q: 200, no rows', r.status === 200 && r.json.events.length === 0, r.body.slice(0, 200));
  r = await get("/api/events?q=" + encodeURIComponent("%"));
  check('LIKE wildcard in q is literal', r.status === 200 && r.json.events.length === 0, r.body.slice(0, 200));
  await expectError('/api/events?source=' + encodeURIComponent("RUS';DROP TABLE events;--"), 400, 'bad_parameter');
  r = await get('/api/health');
  check('store intact after SQL-looking input', r.json.counts.events === total);

  // Series.
  r = await get('/api/series?country=UKR&by=day');
  check('series country', r.status === 200 && r.json.country === 'UKR' && r.json.series.length > 0 &&
        r.json.series.every((p) => 'verbal_coop' in p && 'goldstein_sum' in p && 'goldstein_mean' in p &&
                                   'killed' in p && 'wounded' in p), r.body.slice(0, 300));
  check('series killed counted', r.json.series.some((p) => p.killed > 0), r.body.slice(0, 300));
  r = await get('/api/series?dyad=UKRREB:UKRMIL&by=week');
  check('series dyad by week', r.status === 200 && r.json.dyad.source === 'UKRREB' &&
        r.json.series.length >= 1 && r.json.series[0].material_conflict >= 1, r.body.slice(0, 300));
  r = await get('/api/series?country=UKR&by=month');
  check('series by month', r.status === 200 && /^\d{4}-\d{2}$/.test(r.json.series[0].period));

  // Alerts (the defaults find none in five articles; looser settings do).
  r = await get('/api/alerts');
  check('alerts default', r.status === 200 && Array.isArray(r.json.alerts) && r.json.z === 3);
  r = await get('/api/alerts?min_events=1&z=0.5&min_history=1');
  check('alerts with their events', r.status === 200 && r.json.alerts.length > 0 &&
        r.json.alerts.every((a) => a.events.every((id) => r.json.events[id] && r.json.events[id].evidence)),
        r.body.slice(0, 300));

  // Actors and places.
  r = await get('/api/actors?limit=5');
  check('actors', r.status === 200 && r.json.actors.length > 0 && r.json.actors.length <= 5 &&
        r.json.dyads.length > 0 && r.json.dyads.every((d) => d.source && d.target && d.events > 0));
  r = await get('/api/places');
  check('places', r.status === 200 && r.json.countries.length > 0 && r.json.places.length > 0 &&
        r.json.places.every((p) => typeof p.lat === 'number' && typeof p.lon === 'number'));
  check('places casualties', r.json.countries.some((c) => c.killed > 0 || c.wounded > 0));

  // Articles: text and records with offsets that point at their words.
  r = await get('/api/articles/wire-0002');
  const a = r.json;
  check('article 200', r.status === 200 && a.doc_id === 'wire-0002' && typeof a.text === 'string');
  const bytes = Buffer.from(a.text, 'utf8');
  const at = (s, e) => bytes.slice(s, e).toString('utf8');
  check('article mentions', a.mentions.length > 0 && a.mentions.every((m) =>
        m.verb_start == null || at(m.verb_start, m.verb_end) === m.verb_text));
  check('article actors', a.actors.length > 0 && a.actors.every((x) => at(x.start, x.end) === x.text));
  check('article counts', a.counts.length > 0 && a.counts.every((c) => at(c.number_start, c.number_end) === c.number_text));
  r = await get(`/api/articles/${a.id}`);
  check('article by row id', r.status === 200 && r.json.doc_id === 'wire-0002');
  r = await get('/api/articles/' + encodeURIComponent('examples/border-talks.txt'));
  check('article by path id', r.status === 200 && r.json.quotes.length > 0, r.body.slice(0, 200));
  await expectError('/api/articles/no-such-article', 404, 'not_found');

  // Bad values: 400 with the parameter named.
  const bad = ['/api/events?limit=0', '/api/events?limit=100000', '/api/events?limit=-1',
    '/api/events?limit=abc', '/api/events?offset=x', '/api/events?quad=5', '/api/events?code=19a',
    '/api/events?root=1', '/api/events?from=2022-13-01', '/api/events?to=yesterday',
    '/api/events?from=2022-03-01&to=2022-02-01', '/api/events?source=RU-S', '/api/events?actor=',
    '/api/events?nope=1', '/api/events?limit=1&limit=2', '/api/events?q=%zz', '/api/events?q=a%00b',
    '/api/series', '/api/series?dyad=RUS', '/api/series?dyad=RUS:UKR&country=UKR',
    '/api/series?country=UKR&by=year', '/api/alerts?z=abc', '/api/alerts?window=0',
    '/api/actors?limit=5000', '/api/places?from=2022-02-30x', '/api/health?x=1',
    '/api/events?q=' + 'x'.repeat(201), '/api/events?=1', '/api/events?q&=a'];
  for (const t of bad) {
    const e = await expectError(t, 400);
    check(`  names its parameter or request: ${t.slice(0, 40)}`, e.json && e.json.error &&
          (e.json.error.parameter || e.json.error.code === 'bad_request'));
  }

  // Unknown paths: 404 JSON.
  for (const t of ['/api/nope', '/api', '/api/events/1', '/nope.html', '/api/articles/'])
    await expectError(t, 404, 'not_found');

  // Path traversal: nothing outside the web folder, whatever the spelling.
  for (const t of ['/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/%2E%2E%2Fetc%2Fpasswd',
                   '/vendor/../../../etc/passwd', '/.%2e/etc/passwd', '//etc/passwd',
                   '/vendor/%2e%2e/index.html', '/%252e%252e/etc/passwd', '/etc/passwd',
                   '/.hidden', '/vendor//d3.min.js', '/index.html%00.js', '/..\\..\\etc\\passwd']) {
    const x = await get(t);
    check(`traversal ${t} refused`, (x.status === 404 || x.status === 400) && !/root:/.test(x.body) &&
          x.json && x.json.error, `${x.status} ${x.body.slice(0, 100)}`);
  }

  // Static files.
  r = await get('/');
  check('/ is the dashboard', r.status === 200 && /text\/html/.test(r.headers['content-type']) && /<html/i.test(r.body));
  r = await get('/vendor/uPlot.iife.min.js');
  check('vendor file', r.status === 200 && /javascript/.test(r.headers['content-type']));
  r = await get('/vendor/countries-110m.json');
  check('world shapes', r.status === 200 && r.json && r.json.type === 'Topology');

  // Oversized requests: 413 JSON.
  await expectError('/api/events?q=' + 'x'.repeat(5000), 413, 'request_too_large');
  await expectError('/api/events?' + Array.from({length: 30}, (_, i) => `p${i}=1`).join('&'), 413, 'request_too_large');
  await expectError('/api/health', 413, 'request_too_large', {headers: {'X-Big': 'y'.repeat(9000)}});
  await expectError('/api/health', 413, 'request_too_large',
                    {method: 'POST', headers: {'Content-Length': '100000'}, body: 'z'.repeat(1000)});

  // Other methods.
  r = await expectError('/api/health', 405, 'method_not_allowed', {method: 'DELETE'});
  check('405 says Allow', r.headers.allow === 'GET, HEAD');
  r = await get('/api/health', {method: 'HEAD'});
  check('HEAD 200 without body', r.status === 200 && r.body === '');

  // Many requests at once (the thread pool and its connections).
  const many = await Promise.all(Array.from({length: 40}, (_, i) =>
    get(i % 2 ? '/api/series?country=UKR' : `/api/events?limit=3&offset=${i % 10}`)));
  check('40 concurrent requests', many.every((x) => x.status === 200));

  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
})().catch((e) => { console.log(`not ok - ${e.stack}`); process.exit(1); });
