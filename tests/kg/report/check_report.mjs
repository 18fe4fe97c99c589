// Opens a `kg report` site from file:// in headless Chromium (tools/browser/launch.mjs) and walks
// it as a reader would: overview -> search -> entity page -> leaderboard page. Prints one JSON
// object with what it saw; screenshots go to SHOTS_DIR.
//
//   node check_report.mjs SITE_DIR SHOTS_DIR QUERY KEYS_JSON
//
// QUERY is typed into the search box; KEYS_JSON names a file of strings whose KG.nameKey the
// page computes (compared with kg.core.names.name_key by the test).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchChromium } from '../../../tools/browser/launch.mjs';

const [site, shots, query, keysFile] = process.argv.slice(2);
const url = (path) => pathToFileURL(join(site, path)).href;
const out = { errors: [], requests: [] };
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') out.errors.push(`${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => out.errors.push(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) => out.errors.push(`requestfailed: ${r.url()}`));
  page.on('request', (r) => { if (!r.url().startsWith('file:')) out.requests.push(r.url()); });
  // Paper links leave the site: answer them here instead of the (closed) network.
  await page.route(/^https?:/, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<title>paper</title>' }));

  // Overview
  let started = Date.now();
  await page.goto(url('index.html'), { waitUntil: 'load' });
  await page.waitForSelector('body[data-ready]');
  out.overview = {
    ms: Date.now() - started,
    title: await page.title(),
    h1: await page.textContent('h1'),
    charts: await page.$$eval('canvas[data-chart]', (cs) => cs.map((c) => ({ id: c.id, drawn: !!c.chart, points: c.chart ? c.chart.data.datasets[0].data.length : 0 }))),
    topLinks: await page.$$eval('ol.top a', (as) => as.length),
  };
  await page.screenshot({ path: join(shots, 'overview.png') });

  // Search: any spelling; Enter opens the first hit
  await page.fill('#search', query);
  await page.waitForSelector('#search-results li a');
  out.search = { results: await page.$$eval('#search-results li a', (as) => as.map((a) => a.textContent)) };
  await page.screenshot({ path: join(shots, 'search.png') });
  out.search.keys = await page.evaluate((words) => words.map((w) => window.KG.nameKey(w)), JSON.parse(readFileSync(keysFile, 'utf8')));
  started = Date.now();
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.press('#search', 'Enter')]);
  await page.waitForSelector('body[data-ready]');

  // Entity page
  out.entity = {
    ms: Date.now() - started,
    url: page.url(),
    h1: await page.textContent('h1'),
    papers: await page.$$eval('table.papers tbody tr', (rows) => rows.length),
    evidence: await page.$$eval('td.evidence', (cells) => cells.filter((c) => c.textContent.trim()).length),
    graphNodes: await page.evaluate(() => document.getElementById('neighbourhood').cy.nodes().length),
    graphDrawn: await page.evaluate(() => document.getElementById('neighbourhood').cy.nodes().every((n) => Number.isFinite(n.position('x')))),
    coUsed: await page.$$eval('ol.top a', (as) => as.length),
    board: await page.getAttribute('a.button', 'href').catch(() => null),
  };
  await page.screenshot({ path: join(shots, 'entity.png'), fullPage: true });

  // Leaderboard page, reached from the entity page
  started = Date.now();
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('a.button')]);
  await page.waitForSelector('body[data-ready]');
  const chart = await page.$$eval('canvas[data-chart]', (cs) => cs.map((c) => ({
    kind: c.dataset.chart, drawn: !!c.chart, points: c.chart.data.datasets[0].data.length,
    links: (JSON.parse(document.getElementById(c.id + '-data').textContent).best || JSON.parse(document.getElementById(c.id + '-data').textContent)).map((p) => p.link || null),
  })));
  const before = await page.$$eval('#scores tbody tr td:nth-child(3)', (cells) => cells.map((c) => parseFloat(c.dataset.value)));
  await page.click('#scores th:nth-child(3)');
  const ascending = await page.$$eval('#scores tbody tr td:nth-child(3)', (cells) => cells.map((c) => parseFloat(c.dataset.value)));
  out.leaderboard = { ms: Date.now() - started, url: page.url(), h1: await page.textContent('h1'), charts: chart, before, ascending,
                      rows: await page.$$eval('table.results tbody tr', (rows) => rows.length) };
  await page.screenshot({ path: join(shots, 'leaderboard.png'), fullPage: true });

  // Click the first point of the first chart: its paper opens (the only request off file://)
  out.pageRequests = [...out.requests];
  const target = await page.evaluate(() => {
    const canvas = document.querySelector('canvas[data-chart]');
    canvas.scrollIntoView({ block: 'center' });  // sorting the table scrolled the page down to it
    const meta = canvas.chart.getDatasetMeta(0).data[0];
    const box = canvas.getBoundingClientRect();
    const x = meta.base !== undefined ? (meta.base + meta.x) / 2 : meta.x;  // a bar: its middle
    return { x: box.left + x, y: box.top + meta.y };
  });
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }).catch(() => null), page.mouse.click(target.x, target.y)]);
  out.leaderboard.clicked = page.url();
} finally {
  await browser.close();
}
console.log(JSON.stringify(out));
