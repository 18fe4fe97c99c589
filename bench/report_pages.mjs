// For bench/report_budget.py: open pages of a `kg report` site from file:// in headless Chromium
// (tools/browser/launch.mjs) and print, per page, the milliseconds until the page's scripts have
// run and the next frame is painted (charts drawn, graph laid out), from the start of the
// navigation as the page's own clock tells (window.KG_PAINTED_MS, set by app.js), the median of
// RUNS loads as the machine is shared; and the files it loaded.
//
//   node bench/report_pages.mjs SITE_DIR PAGE...
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchChromium } from '../tools/browser/launch.mjs';

const RUNS = 3;
const [site, ...pages] = process.argv.slice(2);
const browser = await launchChromium();
const results = [];
try {
  const page = await browser.newPage();
  const loaded = [];
  const errors = [];
  page.on('request', (r) => loaded.push(r.url()));
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  // one warm-up load so that Chromium's own start-up is not counted on the first page
  await page.goto(pathToFileURL(join(site, pages[0])).href, { waitUntil: 'load' });
  for (const path of pages) {
    const times = [];
    for (let run = 0; run < RUNS; run++) {
      loaded.length = 0;
      errors.length = 0;
      await page.goto('about:blank');
      await page.goto(pathToFileURL(join(site, path)).href, { waitUntil: 'load' });
      await page.waitForFunction(() => window.KG_PAINTED_MS !== undefined, null, { timeout: 30000 });
      times.push(Math.round(await page.evaluate(() => window.KG_PAINTED_MS)));
    }
    times.sort((a, b) => a - b);
    results.push({ path, ms: times[Math.floor(RUNS / 2)], runs: times, files: [...loaded], errors: [...errors] });
  }
} finally {
  await browser.close();
}
console.log(JSON.stringify(results));
