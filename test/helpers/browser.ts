// A real browser for the HTML report: the system Chromium through playwright-core, offline, with the
// flags test/tools/screenshot.mjs uses. Each page records what it must never do: a request, a console
// error, an uncaught exception, a dialog, a Content-Security-Policy violation.
//
//   const b = await launch();
//   const p = await b.open(file, { hash: '#groups?account=111122223333' });
//   expect(p.problems()).toEqual([]);
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
/** For describe.skipIf titles: why the browser tests did not run. */
export const NO_CHROMIUM = `skipped: ${CHROMIUM} is not installed (apt-get install chromium, or set CHROMIUM_PATH)`;
// said where every test run shows it, not only in the titles of skipped tests
if (!hasChromium) console.warn(`browser tests of the HTML report ${NO_CHROMIUM}`);

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface OpenOptions {
  hash?: string;
  js?: boolean;
  dark?: boolean;
  width?: number;
  height?: number;
  /** For injecting axe-core, which the page's own policy (rightly) refuses. */
  bypassCsp?: boolean;
}

export interface OpenPage {
  page: Page;
  context: BrowserContext;
  url: string;
  /** Everything the page did that it must not: requests, console errors, exceptions, dialogs, CSP violations. */
  problems: () => Promise<string[]>;
}

export interface TestBrowser {
  open: (file: string, options?: OpenOptions) => Promise<OpenPage>;
  /** Writes html to a file of this browser's temp folder and returns its path. */
  file: (name: string, html: string) => string;
  close: () => Promise<void>;
}

// Runs before the page's own script, outside its policy: records the violations the page reports.
const WATCH_CSP = `window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));`;

export async function launch(): Promise<TestBrowser> {
  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  const dir = mkdtempSync(join(tmpdir(), 'ctd-i18-browser-'));
  const contexts: BrowserContext[] = [];
  return {
    async open(file, o = {}) {
      const context = await browser.newContext({
        viewport: { width: o.width ?? 1280, height: o.height ?? 900 },
        colorScheme: o.dark ? 'dark' : 'light',
        javaScriptEnabled: o.js !== false,
        offline: true,
        bypassCSP: o.bypassCsp ?? false,
      });
      contexts.push(context);
      const url = pathToFileURL(file).href;
      const seen: string[] = [];
      context.on('request', (r) => {
        if (r.url().split('#')[0] !== url) seen.push(`request ${r.url()}`);
      });
      await context.addInitScript(WATCH_CSP);
      const page = await context.newPage();
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') seen.push(`console ${m.type()}: ${m.text()}`);
      });
      page.on('pageerror', (e) => seen.push(`exception: ${e.message}`));
      page.on('dialog', (d) => {
        seen.push(`dialog: ${d.message()}`);
        void d.dismiss();
      });
      await page.goto(url + (o.hash ?? ''), { waitUntil: 'load' });
      return {
        page,
        context,
        url,
        async problems() {
          const csp = o.js === false ? [] : await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
          return [...seen, ...csp.map((v) => `csp: ${v}`)];
        },
      };
    },
    file(name, html) {
      const path = join(dir, name);
      writeFileSync(path, html);
      return path;
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => {});
      await browser.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
