// Headless Chromium for PaperKG's tests and pages: playwright-core driving Debian's chromium
// (`make browser` installs both; playwright never downloads a browser here).
//
//   import { launchChromium } from './tools/browser/launch.mjs';
//   const browser = await launchChromium();          // a BrowserContext with a fresh profile
//   const page = await browser.newPage();
//   await page.goto('http://127.0.0.1:8080/');
//   await browser.close();                            // also removes the profile directory
//
//   node tools/browser/launch.mjs URL [SHOT.png]     // smoke test: prints the page title,
//                                                    // optionally saves a full-page screenshot
//
// The flags are the ones this machine kind needs: no sandbox (tests run as root), no GPU, and no
// background networking, component updates or sync (the network is closed; without them Chromium
// retries refused connections at every start). PAPERKG_CHROMIUM overrides the binary.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.PAPERKG_CHROMIUM || '/usr/bin/chromium';

export const CHROMIUM_FLAGS = Object.freeze([
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]);

/**
 * Start headless Chromium with a new empty profile (--user-data-dir under the temp directory).
 * Returns playwright's BrowserContext; its close() also deletes the profile.
 * `options` go to launchPersistentContext (viewport, locale, ...); `args` are added flags.
 */
export async function launchChromium({ args = [], ...options } = {}) {
  const profile = await mkdtemp(join(tmpdir(), 'paperkg-chromium-'));
  let context;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: [...CHROMIUM_FLAGS, ...args],
      viewport: { width: 1280, height: 900 },
      ...options,
    });
  } catch (error) {
    await rm(profile, { recursive: true, force: true });
    throw error;
  }
  const close = context.close.bind(context);
  context.close = async (...closeArgs) => {
    try {
      await close(...closeArgs);
    } finally {
      await rm(profile, { recursive: true, force: true });
    }
  };
  return context;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [url, shot] = process.argv.slice(2);
  if (!url) {
    console.error('usage: node launch.mjs URL [SHOT.png]');
    process.exit(2);
  }
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(url, { waitUntil: 'load' });
    console.log(await page.title());
    if (shot) await page.screenshot({ path: shot, fullPage: true });
  } finally {
    await browser.close();
  }
}
