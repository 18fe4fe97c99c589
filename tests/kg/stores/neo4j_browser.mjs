// Drives Neo4j Browser as the README tells a user to: open the server's HTTP address, log in as
// neo4j, run the `:param` lines, paste a saved query, run it. Prints the result table as JSON
// ({columns, rows, status}) and saves a screenshot of the page.
//
//   NEO4J_PASSWORD=... node neo4j_browser.mjs HTTP_URL QUERY.cypher SHOT.png ':param a => 1' ...
//
// The password comes from the environment, never from the command line.
import { readFileSync } from 'node:fs';
import { launchChromium } from '../../../tools/browser/launch.mjs';

const [url, queryFile, shot, ...paramLines] = process.argv.slice(2);
const TIMEOUT = 180_000; // a busy 2-core machine runs a cold JVM and Chromium at once

async function run(page, text) {
  const editor = page.getByTestId('activeEditor');
  await editor.click();
  await page.keyboard.insertText(text); // as a paste: no auto-closed quotes or completions
  await page.getByTestId('editor-Run').click();
}

const browser = await launchChromium();
try {
  const page = await browser.newPage();
  page.setDefaultTimeout(TIMEOUT);
  await page.goto(url, { waitUntil: 'load' });
  await page.getByTestId('username').fill('neo4j');
  await page.getByTestId('password').fill(process.env.NEO4J_PASSWORD);
  await page.getByTestId('connect').click();
  await page.getByText('You are connected as user').waitFor();

  for (const line of paramLines) {
    await run(page, line);
    const name = line.match(/:param\s+(\w+)/)[1];
    await page.getByTestId('rawParamData').filter({ hasText: `"${name}"` }).first().waitFor();
  }
  await run(page, readFileSync(queryFile, 'utf8'));
  const frame = page.getByTestId('frame').first();
  const status = frame.getByText(/Started streaming \d+ records?/);
  await status.waitFor();
  const columns = await frame.locator('[role=columnheader]').allInnerTexts();
  const rows = await frame.locator('tbody tr[role=row]').evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll('[role=cell]')].map((td) => td.innerText)));
  await page.screenshot({ path: shot });
  console.log(JSON.stringify({ url: page.url(), columns, rows, status: await status.innerText() }));
} finally {
  await browser.close();
}
