#!/usr/bin/env node
// Opens a report in headless Chromium, takes a full-page screenshot and proves the page made no
// request of its own: every request other than the document is recorded (with failures) and makes
// the exit code non-zero.
//
//   node test/tools/screenshot.mjs reports/samples/report.html /tmp/report.png [selector] [--js] [--dark] [--width 390] [--hash '#groups?account=111122223333']
//   → {"requests":[],"failed":[],"png":"/tmp/report.png","consoleErrors":[]}
// With a CSS selector ('#groups'), only that element is taken, at full size (a full page of a big
// report is shrunk too far to read). The page's script is off unless --js; --dark asks for the dark
// theme, --width for a narrower window (a phone: 390), --hash opens a view of the explorer. --print takes it as
// printed (what print shows, without hover).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const { values: opt, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    js: { type: 'boolean', default: false },
    dark: { type: 'boolean', default: false },
    width: { type: 'string', default: '1280' },
    hash: { type: 'string', default: '' },
    print: { type: 'boolean', default: false },
  },
});
const [input, output, selector] = positionals;
if (!input || !output) {
  console.error('usage: screenshot.mjs <report.html> <out.png> [css selector]');
  process.exit(1);
}
const documentUrl = pathToFileURL(resolve(input)).href;
const png = resolve(output);
// A fresh profile each run: nothing cached or remembered from an earlier page can hide a request.
const profile = mkdtempSync(join(tmpdir(), 'ctd-chromium-'));

const requests = [];
const failed = [];
const consoleErrors = [];
let context;
let error = null;
try {
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: Number(opt.width), height: 900 },
    offline: true,
    javaScriptEnabled: opt.js,
    colorScheme: opt.dark ? 'dark' : 'light',
  });
  context.on('request', (r) => {
    if (r.url() !== documentUrl) requests.push({ url: r.url(), type: r.resourceType() });
  });
  context.on('requestfailed', (r) => failed.push({ url: r.url(), error: r.failure()?.errorText ?? 'unknown' }));
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  if (opt.print) await page.emulateMedia({ media: 'print' });
  await page.goto(documentUrl + opt.hash, { waitUntil: 'load' });
  if (selector) await page.locator(selector).first().screenshot({ path: png });
  else await page.screenshot({ path: png, fullPage: true });
} catch (e) {
  // Still one JSON line, so a caller parsing stdout sees why (missing file, browser failed to start).
  error = e instanceof Error ? e.message.split('\n')[0] : String(e);
} finally {
  await context?.close();
  rmSync(profile, { recursive: true, force: true });
}

console.log(JSON.stringify({ requests, failed, png, consoleErrors, ...(error ? { error } : {}) }));
process.exit(error ? 1 : requests.length > 0 || failed.length > 0 ? 2 : 0);
