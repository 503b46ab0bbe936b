// The HTML report's habits, in a real browser: no serious or critical accessibility violation (axe-core)
// in either theme, with and without the script; usable by keyboard, with a visible focus; no wider than
// a phone; printed without controls and with every detail open; and a report of thousands of groups
// that lists them a page at a time and opens a linked one far down.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/render/index.js';
import type { Summary } from '../../src/types.js';
import { NO_CHROMIUM, hasChromium, launch, type TestBrowser } from '../helpers/browser.js';
// @ts-expect-error -- a plain ES module of the benchmarks, without types
import { syntheticSummary } from '../bench/synthetic-summary.mjs';
import { ROOT, loadTemplates } from './helpers.js';

const summary = JSON.parse(readFileSync(join(ROOT, 'reports/samples/summary.json'), 'utf8')) as Summary;
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run(document, { resultTypes: ['violations'] })).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} (${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join('; ')})`,
    );
}

describe.skipIf(!hasChromium)(`report.html's habits, in Chromium${hasChromium ? '' : ` — ${NO_CHROMIUM}`}`, () => {
  let browser: TestBrowser;
  let file: string;
  beforeAll(async () => {
    browser = await launch();
    file = browser.file('report.html', renderHtml(summary, { top: 20, templates: loadTemplates() }));
  });
  afterAll(async () => browser?.close());

  for (const dark of [false, true]) {
    it(`has no serious or critical accessibility violation, ${dark ? 'dark' : 'light'} theme, script on, a detail and a filter open`, async () => {
      // axe is injected as a script, which the page's own policy refuses: this context does not apply it
      const { page } = await browser.open(file, { dark, bypassCsp: true, hash: '#groups?account=111122223333&open=1' });
      expect(await page.locator('#ctd-detail-1').isVisible()).toBe(true);
      expect(await seriousViolations(page)).toEqual([]);
    });
  }

  it('has no serious or critical accessibility violation without the script', async () => {
    // axe itself is a script: the static page is the report rendered without the page's script
    const { page } = await browser.open(browser.file('static.html', renderHtml(summary, { top: 20, templates: { ...loadTemplates(), script: undefined } })), {
      bypassCsp: true,
    });
    expect(await page.locator('#ctd-explore').count()).toBe(0);
    expect(await page.locator('.static-groups').isVisible()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('works by keyboard: Tab reaches the search, the facets and the rows, with a visible focus', async () => {
    const { page, problems } = await browser.open(file);
    await page.locator('#ctd-q').focus();
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Filters'); // the facets fold away
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('fieldset')?.getAttribute('data-facet'))).toBe('policyType');
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).toBe('solid');
    await page.keyboard.press('Space');
    expect(await page.evaluate(() => location.hash)).toContain('policyType=');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).checked)).toBe(true);
    // the focus stays on the checkbox the reader is using, however the counts changed
    await page.keyboard.press('Space');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).type)).toBe('checkbox');
    expect(outline).toBe('solid');
    await page.locator('table.groups.x tr.g').first().locator('button.open').focus();
    await page.keyboard.press('Enter');
    expect(await page.locator('table.groups.x tr.d').count()).toBe(1);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-expanded'))).toBe('true');
    expect(await problems()).toEqual([]);
  });

  for (const js of [true, false]) {
    it(`fits a phone's width, script ${js ? 'on' : 'off'}, in both themes`, async () => {
      for (const dark of [false, true]) {
        const { page, problems } = await browser.open(file, { js, dark, width: 390, height: 844, hash: js ? '#groups?open=1' : '' });
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
        if (js) expect(await page.locator('.explore details.fwrap').getAttribute('open')).toBeNull(); // facets folded away
        expect(await problems()).toEqual([]);
      }
    });
  }

  it('prints without controls, with every static detail open and long sections on their own pages', async () => {
    for (const js of [true, false]) {
      const { page } = await browser.open(file, { js });
      await page.emulateMedia({ media: 'print' });
      if (js) {
        for (const sel of ['.explore .bar', '.explore .fwrap', '.explore .pager', 'table.groups.x button.open'])
          expect(await page.locator(sel).first().isVisible(), sel).toBe(false);
        expect(await page.locator('table.groups.x tr.g').first().isVisible()).toBe(true);
      } else {
        expect(await page.locator('#policy-types details.ptg .guide').first().isVisible()).toBe(true);
      }
      expect(await page.locator('#accounting').evaluate((e) => getComputedStyle(e).breakBefore)).toBe('page');
    }
  });

  it('lists thousands of groups a page at a time and opens a linked one far down', async () => {
    const big = syntheticSummary({ groups: 3000, denials: 60_000, days: 30 }) as Summary;
    const bigFile = browser.file('big.html', renderHtml(big, { top: 20, templates: loadTemplates() }));
    const { page, problems } = await browser.open(bigFile, { hash: '#groups?open=2500' });
    expect(await page.locator('table.groups.x tr.g').count()).toBe(2500);
    expect(await page.locator('#ctd-detail-2500').isVisible()).toBe(true);
    expect(await page.locator('#ctd-detail-2500').innerText()).toContain(big.groups[2499].sampleEventIds[0]);
    await page.goto(`${page.url().split('#')[0]}#groups`);
    await page.reload();
    expect(await page.locator('table.groups.x tr.g').count()).toBe(25);
    // the static table stops at --top and says where the rest is
    expect(await page.locator('.static-groups p.more').textContent()).toBe(
      '… and 2,980 more groups (of 3,000; this table stops at --top 20). With its script the page lists them all; summary.json has every group and denials.csv every denial.',
    );
    expect(await problems()).toEqual([]);
  });
});
