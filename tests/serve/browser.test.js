// browser.test.js PORT OUTDIR - the dashboard in Debian's headless
// Chromium, driven by playwright-core (build/npm-web): the page loads with
// no console error and no request to another host; the timeline, the map
// and the network have data; a click on an event shows its evidence
// marked in the article; a filter changes the table.  A screenshot of each
// view goes to OUTDIR.
'use strict';
const path = require('path');
const {chromium} = require(path.resolve('build/npm-web/node_modules/playwright-core'));
const port = parseInt(process.argv[2], 10);
const out = process.argv[3];
const base = `http://127.0.0.1:${port}`;
let failed = 0, passed = 0;
function check(name, cond, detail) {
  if (cond) { passed++; console.log(`ok - ${name}`); }
  else { failed++; console.log(`not ok - ${name}${detail ? ': ' + detail : ''}`); }
}

(async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  try {
    const page = await browser.newPage({viewport: {width: 1366, height: 768}});
    const errors = [], foreign = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('request', (r) => { if (!r.url().startsWith(base + '/')) foreign.push(r.url()); });
    const resp = await page.goto(base + '/');
    check('page loads', resp.status() === 200);
    await page.waitForSelector('body[data-ready="true"]', {timeout: 20000});

    const points = await page.$eval('#timeline', (e) => +e.dataset.points);
    const canvases = await page.$$eval('#timeline canvas', (c) => c.length);
    check('timeline has data', points > 0 && canvases > 0, `${points} points, ${canvases} canvas`);
    const legend = await page.$$eval('#timeline .u-legend th', (t) => t.map((x) => x.textContent).join('|'));
    check('timeline legend names each QuadClass', /verbal coop/.test(legend) && /material conflict/.test(legend), legend);
    const countries = await page.$eval('#map', (e) => +e.dataset.countries);
    const shapes = await page.$$eval('#map path.country', (p) => p.length);
    const labels = await page.$$eval('#map text.country-label', (t) => t.map((x) => x.textContent));
    const circles = await page.$$eval('#map circle.place', (c) => c.length);
    check('map has data', shapes > 100 && countries > 0 && labels.length > 0 && circles > 0,
          `${shapes} shapes, ${countries} countries, labels ${labels}, ${circles} places`);
    const nodes = await page.$eval('#network', (e) => +e.dataset.nodes);
    check('network has nodes and edges', nodes > 0 && (await page.$$('#network line')).length > 0);
    const alerts = await page.$$eval('#alerts li', (l) => l.length);
    check('alerts listed (or their absence said)', alerts > 0);

    await page.screenshot({path: path.join(out, 'dashboard.png'), fullPage: true});
    for (const v of ['timeline', 'map', 'network', 'alerts', 'events'])
      await page.locator(`#${v}-panel`).screenshot({path: path.join(out, `${v}.png`)});

    // A click on an event opens its article with the evidence marked.
    const rows = await page.$$eval('#events tbody tr', (r) => r.length);
    check('event table has rows', rows > 0);
    const row = page.locator('#events tbody tr').filter({hasText: 'UKRMIL'}).filter({hasText: 'separatists fired'}).first();
    const eventId = await row.getAttribute('data-id');
    await row.click();
    await page.waitForSelector(`#article-panel[data-event="${eventId}"]`, {timeout: 10000});
    const marks = await page.evaluate(() => {
      const get = (k) => [...document.querySelectorAll(`#article-text mark.k-${k}`)].map((m) => m.textContent);
      return {evidence: get('evidence'), verb: get('verb'), source: get('source'), target: get('target'),
              count: get('count'), labels: [...document.querySelectorAll('#article-text mark[data-label]')].map((m) => m.dataset.label)};
    });
    check('evidence span marked', marks.evidence.join('').includes('separatists fired'), JSON.stringify(marks));
    check('verb, source and target marked', marks.verb.includes('wounding') && marks.source.join(' ').includes('separatists') &&
          marks.target.includes('soldier'), JSON.stringify(marks));
    check('counts marked', marks.count.length > 0, JSON.stringify(marks.count));
    check('marks labelled in words, not colour only', marks.labels.includes('verb') && marks.labels.includes('source'));
    await page.locator('#article-panel').screenshot({path: path.join(out, 'article.png')});

    // A filter changes the table.
    const before = await page.$$eval('#events tbody tr td:nth-child(2)', (t) => t.map((x) => x.textContent));
    await page.fill('#filters input[name=source]', 'ARM');
    await page.click('#filters button[type=submit]');
    await page.waitForFunction((n) => document.querySelector('#events').dataset.rows !== String(n) ||
      [...document.querySelectorAll('#events tbody tr td:nth-child(2)')].every((t) => t.textContent.startsWith('ARM')), before.length);
    const after = await page.$$eval('#events tbody tr td:nth-child(2)', (t) => t.map((x) => x.textContent));
    check('filter changes the table', after.length > 0 && after.length < before.length &&
          after.every((s) => s.startsWith('ARM')), `${before.length} -> ${after.length}: ${after}`);
    await page.locator('#events-panel').screenshot({path: path.join(out, 'events-filtered.png')});
    // A bad filter value: the API's message, shown.
    await page.fill('#filters input[name=from]', 'yesterday');
    await page.click('#filters button[type=submit]');
    await page.waitForFunction(() => document.querySelector('#events-error').textContent.length > 0);
    check('bad filter shows the API error', /from must be a date/.test(await page.textContent('#events-error')));
    // The timeline for a dyad.
    await page.fill('#series-key', 'UKRREB:UKRMIL');
    await page.click('#series-form button');
    await page.waitForFunction(() => /UKRREB:UKRMIL/.test(document.querySelector('#timeline-note').textContent));
    check('timeline for a dyad', +(await page.$eval('#timeline', (e) => e.dataset.points)) > 0);

    // The bad filter above logs its 400 in the console: that one is expected.
    const unexpected = errors.filter((e) => !/status of 400/.test(e));
    check('no console error', unexpected.length === 0, unexpected.join(' | '));
    check('no request to another host', foreign.length === 0, foreign.join(' '));
  } finally {
    await browser.close();
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
})().catch((e) => { console.log(`not ok - ${e.stack}`); process.exit(1); });
