// npm run bench -- --html [--groups 10000 --denials 1000000 --top 20 --repeat 5 --keep report.html]
// The HTML report at scale: a synthetic Summary (synthetic-summary.mjs) rendered by the real renderer
// (dist/, so build first), then opened in the system Chromium, --repeat times: the file's size, the
// render time, the time to the first usable view (navigation start to the script's 'ctd-ready' mark:
// the explorer drawn and listening, and to the frame after it), and the time a search, a facet, a sort
// and a detail take to show (the handler and the layout it causes, then to the next frame). Medians.
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { loadTemplates } from '../../dist/read/templates.js';
import { renderHtml } from '../../dist/render/index.js';
import { syntheticSummary } from './synthetic-summary.mjs';

const { values: opt } = parseArgs({
  options: {
    html: { type: 'boolean', default: true },
    groups: { type: 'string', default: '10000' },
    denials: { type: 'string', default: '1000000' },
    top: { type: 'string', default: '20' },
    repeat: { type: 'string', default: '5' },
    keep: { type: 'string' },
    json: { type: 'string' },
  },
  strict: false,
});
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const median = (xs) => [...xs].sort((a, b) => a - b)[(xs.length - 1) >> 1];
const round = (x) => Math.round(x * 10) / 10;

const groups = Number(opt.groups);
const denials = Number(opt.denials);
let t = performance.now();
const summary = syntheticSummary({ groups, denials });
const built = performance.now() - t;
const templates = await loadTemplates();
const renders = [];
let html = '';
for (let i = 0; i < 3; i++) {
  t = performance.now();
  html = renderHtml(summary, { top: Number(opt.top), templates });
  renders.push(performance.now() - t);
}
const dir = mkdtempSync(join(tmpdir(), 'ctd-i18-html-bench-'));
const file = opt.keep ?? join(dir, 'report.html');
writeFileSync(file, html);
const bytes = statSync(file).size;
const data = /<script type="application\/octet-stream" id="ctd-data"[^>]*>([^]*?)<\/script>/.exec(html)?.[1].length ?? 0;

// In the page: what one interaction costs, from the event to the layout it causes, and to the next frame.
async function interaction(page, act) {
  return page.evaluate(async (what) => {
    const frame = () => new Promise((r) => requestAnimationFrame(() => r(performance.now())));
    await frame();
    const q = document.getElementById('ctd-q');
    performance.clearMeasures('ctd-select');
    performance.clearMeasures('ctd-draw');
    const t0 = performance.now();
    if (what.kind === 'search') {
      q.value = what.value;
      q.dispatchEvent(new Event('input', { bubbles: true }));
    } else document.querySelector(what.selector).click();
    document.body.getBoundingClientRect(); // the layout the change causes, now
    const handled = performance.now() - t0;
    const painted = (await frame()) - t0;
    const took = (name) => performance.getEntriesByName(name).at(-1)?.duration ?? NaN;
    return {
      handled,
      painted,
      select: took('ctd-select'),
      draw: took('ctd-draw'),
      rows: document.querySelectorAll('table.groups.x tr.g').length,
      status: document.getElementById('ctd-status').textContent,
    };
  }, act);
}

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
const runs = [];
try {
  for (let i = 0; i < Number(opt.repeat); i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, offline: true });
    const page = await context.newPage();
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    await page.waitForSelector('html[data-explore="ready"]');
    const open = await page.evaluate(async () => {
      const ready = performance.getEntriesByName('ctd-ready')[0].startTime;
      const nav = performance.getEntriesByType('navigation')[0];
      const paint = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null;
      const frame = await new Promise((r) => requestAnimationFrame(() => r(performance.now())));
      return {
        ready,
        readyFrame: frame,
        domContentLoaded: nav.domContentLoadedEventEnd,
        load: nav.loadEventEnd,
        firstPaint: paint,
        heapMB: performance.memory ? performance.memory.usedJSHeapSize / 1e6 : null,
      };
    });
    const facetValue = await page.$eval('fieldset[data-facet="account"] li:not([hidden]) label', (l) => l.querySelector('.v').textContent);
    const search = await interaction(page, { kind: 'search', value: 'deploy' });
    const search2 = await interaction(page, { kind: 'search', value: 'deploy s3:' });
    const clear = await interaction(page, { kind: 'search', value: '' });
    const facet = await interaction(page, { kind: 'click', selector: 'fieldset[data-facet="account"] li:not([hidden]) input' });
    const facet2 = await interaction(page, { kind: 'click', selector: 'fieldset[data-facet="policyType"] li:not([hidden]) input' });
    const sort = await interaction(page, { kind: 'click', selector: 'table.groups.x th button.sort' });
    const detail = await interaction(page, { kind: 'click', selector: 'table.groups.x tr.g button.open' });
    runs.push({ ...open, search, search2, clear, facet, facet2, sort, detail, facetValue });
    await context.close();
  }
} finally {
  await browser.close();
  if (opt.keep === undefined) rmSync(dir, { recursive: true, force: true });
}

const m = (f) => round(median(runs.map(f)));
// a detail opens in place: no groups are chosen again, so it has no such parts
const parts = (k) =>
  `${m((r) => r[k].handled)} / ${m((r) => r[k].painted)}${Number.isNaN(runs[0][k].select) ? '' : ` (choosing ${m((r) => r[k].select)}, drawing ${m((r) => r[k].draw)})`}`;
const result = {
  groups,
  denials,
  top: Number(opt.top),
  'synthetic Summary built, ms': round(built),
  'renderHtml, ms (median of 3)': round(median(renders)),
  'report.html, MB': round(bytes / 1e6),
  'of which page data, MB': round(data / 1e6),
  'first contentful paint, ms': m((r) => r.firstPaint ?? NaN),
  'DOMContentLoaded, ms': m((r) => r.domContentLoaded),
  'first usable view (ctd-ready), ms': m((r) => r.ready),
  'first usable view, next frame, ms': m((r) => r.readyFrame),
  'load event, ms': m((r) => r.load),
  'search "deploy": handled / next frame, ms': parts('search'),
  'search "deploy s3:": handled / next frame, ms': parts('search2'),
  'search cleared: handled / next frame, ms': parts('clear'),
  'facet (an account): handled / next frame, ms': parts('facet'),
  'second facet (a policy type): handled / next frame, ms': parts('facet2'),
  'sort: handled / next frame, ms': parts('sort'),
  'detail: handled / next frame, ms': parts('detail'),
  'JS heap after opening, MB': m((r) => r.heapMB ?? NaN),
  'after the search': runs[0].search.status,
  'after the facets': runs[0].facet2.status,
  runs: Number(opt.repeat),
};
console.log(JSON.stringify(result, null, 2));
if (opt.json) writeFileSync(opt.json, JSON.stringify({ result, runs }, null, 2));
