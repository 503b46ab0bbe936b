// The guides in the HTML report, each text once: in the Policy types section (the hints' beside the
// policy types'), linked by title from the static groups table, and copied (not re-rendered) into the
// explorer's detail view. The page is the samples' report, rendered by the real renderer.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/render/index.js';
import { guidanceFor } from '../../src/classify/index.js';
import { guideCatalogue } from '../../src/render/guide-catalogue.js';
import { displayStrings } from '../../src/render/display-text.js';
import type { Summary } from '../../src/types.js';
import { NO_CHROMIUM, hasChromium, launch, type TestBrowser } from '../helpers/browser.js';
import { ROOT, loadTemplates } from './helpers.js';
import { pageDataJson } from '../helpers/page-data.js';

const summary = JSON.parse(readFileSync(join(ROOT, 'reports/samples/summary.json'), 'utf8')) as Summary;
const TOP = 20;
const html = renderHtml(summary, { top: TOP, templates: loadTemplates() });
const catalogue = guideCatalogue(displayStrings(summary).groups, (key) => displayStrings(guidanceFor(key)));

describe('the guides in report.html', () => {
  it('holds each guide text once, with an id from its place', () => {
    expect(catalogue.guides.length).toBeGreaterThan(10);
    for (const g of catalogue.guides) {
      expect(html.split(`id="${g.anchor}"`)).toHaveLength(2);
      // each check once in the page: once per guide that has it (an error code's variants share the base checks)
      for (const c of g.checks) {
        const plain = c.segments.map((seg) => seg.text).find((t) => t.length > 20 && !/[<>&"'`=]/.test(t));
        if (plain === undefined) continue;
        const guidesWithIt = catalogue.guides.filter((o) => o.checks.some((oc) => oc.text.includes(plain))).length;
        expect(html.split(plain).length - 1).toBe(guidesWithIt);
      }
    }
    // an error code's own checks make a second guide under the same id, which says what it is for
    const variants = catalogue.guides.filter((g) => g.variant !== '');
    expect(variants.length).toBeGreaterThan(1);
    for (const v of variants) expect(html).toContain(`<span class="sub">${v.variant}</span></h4>`);
    // the page data names the guides' elements; their texts are not in it
    const data = pageDataJson(html);
    expect(data).toContain('"el":"guide-1"');
    expect(data).not.toContain(catalogue.guides[0].checks[0].segments[0].text);
  });
});

describe.skipIf(!hasChromium)(`the guides in report.html, in Chromium${hasChromium ? '' : ` — ${NO_CHROMIUM}`}`, () => {
  let browser: TestBrowser;
  let file: string;
  beforeAll(async () => {
    browser = await launch();
    file = browser.file('report.html', html);
  });
  afterAll(async () => browser?.close());

  it('without JavaScript: a group links to its guides by title, and following a link shows the guide', async () => {
    const { page, problems } = await browser.open(file, { js: false });
    const rows = page.locator('.static-groups tr.d');
    expect(await rows.count()).toBe(TOP);
    for (let i = 0; i < TOP; i++) {
      const links = rows.nth(i).locator('.glinks a');
      const want = catalogue.perGroup[i].map((n) => catalogue.guides[n]);
      expect(await links.evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.textContent]))).toEqual(want.map((g) => [`#${g.anchor}`, g.title]));
      // no guide text inside the table
      expect(await rows.nth(i).locator('.guide').count()).toBe(0);
    }
    // the guide sits in a closed <details> of Policy types: the link opens it
    const link = rows.nth(0).locator('.glinks a').last();
    const target = (await link.getAttribute('href'))!.slice(1);
    expect(await page.locator(`#${target}`).isVisible()).toBe(false);
    await link.click();
    await expect.poll(() => page.locator(`#${target}`).isVisible()).toBe(true);
    expect(await page.locator(`#${target}`).evaluate((e) => e.getBoundingClientRect().top < window.innerHeight)).toBe(true);
    expect(await problems()).toEqual([]);
  });

  it("with JavaScript: a group's detail shows copies of its guides, with no id of their own", async () => {
    const at = catalogue.perGroup.findIndex((list) => list.length >= 3);
    const { page, problems } = await browser.open(file, { hash: `#groups?open=${at + 1}` });
    const detail = page.locator(`#ctd-detail-${at + 1}`);
    const guides = detail.locator('.guide');
    const want = catalogue.perGroup[at].map((n) => catalogue.guides[n]);
    expect(await guides.count()).toBe(want.length);
    for (const [i, g] of want.entries()) {
      const text = await guides.nth(i).innerText();
      expect(text).toContain(g.title);
      for (const c of g.checks) expect(text).toContain(c.segments.map((s) => s.text).join(''));
      expect(await guides.nth(i).locator('code').count()).toBe(g.checks.flatMap((c) => c.segments).filter((s) => s.code).length);
    }
    expect(await detail.locator('[id^="guide-"]').count()).toBe(0);
    expect(await page.evaluate(() => document.querySelectorAll('[id^="guide-"]').length)).toBe(catalogue.guides.length);
    expect(await problems()).toEqual([]);
  });
});
