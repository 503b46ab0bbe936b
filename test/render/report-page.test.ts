// The HTML report in a real browser, with its script: search, facets, sorting, the detail view,
// click-to-filter, the view in the URL fragment, the timeline of what is shown; and the same page with
// JavaScript off, complete without it. The page is the samples' report (reports/samples/summary.json,
// what `npm start` writes), rendered here by the real renderer; expected values come from that Summary.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { severityByPrincipal } from '../../src/render/explore-fields.js';
import { renderHtml } from '../../src/render/index.js';
import type { Group, Summary } from '../../src/types.js';
import { NO_CHROMIUM, hasChromium, launch, type TestBrowser } from '../helpers/browser.js';
import { ROOT, loadTemplates } from './helpers.js';

const summary = JSON.parse(readFileSync(join(ROOT, 'reports/samples/summary.json'), 'utf8')) as Summary;
const TOP = 20;
/** Rows the explorer lists at first (view-state.ts PAGE). */
const PAGE = 25;

/** Ranks (1 = the largest group) of the rows the explorer lists, in order. */
const listed = (page: Page) => page.$$eval('table.groups.x tr.g', (trs) => trs.map((tr) => Number(tr.getAttribute('data-rank'))));
const status = (page: Page) => page.locator('#ctd-status').innerText();
const rankOf = (g: Group) => summary.groups.indexOf(g) + 1;
// the explorer lists a page at a time: the rows of its first page
const ranks = (groups: Group[]) => groups.map(rankOf).slice(0, PAGE);
const facetBox = (page: Page, facet: string, label: string) =>
  page.locator(`fieldset[data-facet="${facet}"] label`).filter({ hasText: label }).locator('input');
const facetCount = (page: Page, facet: string, label: string) =>
  page.locator(`fieldset[data-facet="${facet}"] label`).filter({ hasText: label }).locator('.n').innerText();
const sum = (groups: Group[]) => groups.reduce((n, g) => n + g.count, 0);
const fmt = (n: number) => n.toLocaleString('en-US');

describe.skipIf(!hasChromium)(`report.html with its script, in Chromium${hasChromium ? '' : ` — ${NO_CHROMIUM}`}`, () => {
  let browser: TestBrowser;
  let file: string;
  beforeAll(async () => {
    browser = await launch();
    file = browser.file('report.html', renderHtml(summary, { top: TOP, templates: loadTemplates() }));
  });
  afterAll(async () => browser?.close());

  it('starts with every group a page at a time, the static table hidden, and nothing it must not do', async () => {
    expect(summary.groups.length).toBeGreaterThan(2 * PAGE); // the samples need a third page
    const { page, problems } = await browser.open(file);
    expect(await page.getAttribute('html', 'data-explore')).toBe('ready');
    expect(await listed(page)).toEqual(summary.groups.slice(0, PAGE).map((_, i) => i + 1));
    expect(await page.locator('.static-groups').isHidden()).toBe(true);
    expect(await status(page)).toBe(`${summary.groups.length} groups, ${summary.totals.denials} denials. Listed: the first ${PAGE}, by count descending.`);
    await page.getByRole('button', { name: `Show ${PAGE} more` }).click();
    expect(await listed(page)).toHaveLength(2 * PAGE);
    await page
      .getByRole('button', { name: `Show ${summary.groups.length - 2 * PAGE} more` })
      .last()
      .click();
    expect(await listed(page)).toHaveLength(summary.groups.length);
    expect(page.url()).toContain(`shown=${summary.groups.length}`);
    expect(await problems()).toEqual([]);
  });

  it("filters by finding severity and by cause, and a detail states its group's causes", async () => {
    const severity = severityByPrincipal(summary.findings ?? []);
    const high = summary.groups.filter((g) => severity(g) === 'high');
    expect(high.length).toBeGreaterThan(0); // the samples' intrusion story
    const { page, problems } = await browser.open(file);
    await facetBox(page, 'finding', 'high').check();
    expect(await listed(page)).toEqual(ranks(high));
    expect(await facetCount(page, 'finding', 'high')).toBe(fmt(sum(high)));
    await facetBox(page, 'finding', 'high').uncheck();
    const explicit = summary.groups.filter((g) => g.cause?.kinds.some((k) => k.key === 'explicit-deny'));
    expect(explicit.length).toBeGreaterThan(0); // npm start passes --policies
    await facetBox(page, 'cause', 'Explicit deny').check();
    expect(await listed(page)).toEqual(ranks(explicit));
    const first = explicit[0];
    await page.goto(page.url().replace(/#.*$/, `#groups?open=${rankOf(first)}`));
    const detail = page.locator(`#ctd-detail-${rankOf(first)}`);
    await detail.waitFor();
    const st = first.cause!.causes.find((c) => c.cause.kind === 'explicit-deny')!.cause.statement!;
    expect(await detail.innerText()).toContain(`Explicit deny (`);
    expect(await detail.innerText()).toContain(`(index ${st.index}) of ${st.policy}`);
    expect(await problems()).toEqual([]);
  });

  it('searches principal, action, resource, IP, user agent and event ID', async () => {
    const { page, problems } = await browser.open(file);
    const box = page.getByRole('searchbox', { name: 'Search groups' });
    const byEvent = summary.groups[7];
    await box.fill(byEvent.sampleEventIds[0]);
    expect(await listed(page)).toEqual([8]);
    const ip = summary.groups[3].sourceIps[0].key;
    await box.fill(ip);
    expect(await listed(page)).toEqual(ranks(summary.groups.filter((g) => g.sourceIps.some((c) => c.key.includes(ip)))));
    // words are all required, in any field, whatever their case
    await box.fill('KMS:decrypt 444455556666');
    const both = summary.groups.filter((g) => g.action.toLowerCase().includes('kms:decrypt') && JSON.stringify(g).includes('444455556666'));
    expect(both.length).toBeGreaterThan(0);
    expect(await listed(page)).toEqual(ranks(both));
    await box.fill('no-such-thing-anywhere');
    expect(await status(page)).toBe(`No group matches (of ${summary.groups.length}).`);
    expect(page.url()).toContain('#groups?q=no-such-thing-anywhere');
    expect(await problems()).toEqual([]);
  });

  it('filters by facets, any value within one, all of them across, with counts of what picking would show', async () => {
    const { page, problems } = await browser.open(file);
    await facetBox(page, 'policyType', 'Identity-based policy').check();
    const identity = summary.groups.filter((g) => g.policyType === 'identity-based');
    expect(await listed(page)).toEqual(ranks(identity).slice(0, PAGE));
    expect(await status(page)).toContain(`${identity.length} of ${summary.groups.length} groups match, ${sum(identity)} of ${summary.totals.denials} denials`);
    // the other policy types keep their own counts (picking one adds them); accounts count within identity-based
    expect(await facetCount(page, 'policyType', 'Service control policy')).toBe(
      fmt(sum(summary.groups.filter((g) => g.policyType === 'service-control-policy'))),
    );
    const inAccount = (gs: Group[], a: string) => gs.reduce((n, g) => n + (g.accounts.find((c) => c.key === a)?.count ?? 0), 0);
    expect(await facetCount(page, 'account', '111122223333')).toBe(fmt(inAccount(identity, '111122223333')));
    await facetBox(page, 'policyType', 'Service control policy').check();
    const either = summary.groups.filter((g) => g.policyType === 'identity-based' || g.policyType === 'service-control-policy');
    expect(await listed(page)).toEqual(ranks(either).slice(0, PAGE));
    await facetBox(page, 'account', '444455556666').check();
    const andAccount = either.filter((g) => g.accounts.some((c) => c.key === '444455556666'));
    expect(await listed(page)).toEqual(ranks(andAccount));
    expect(page.url()).toContain('policyType=identity-based&policyType=service-control-policy&account=444455556666');
    // a chip per filter; removing one removes it
    await page.getByRole('button', { name: 'Remove filter account 444455556666' }).click();
    expect(await listed(page)).toEqual(ranks(either).slice(0, PAGE));
    await page.getByRole('button', { name: 'Clear filters' }).click();
    expect(await listed(page)).toHaveLength(PAGE);
    expect(await problems()).toEqual([]);
  });

  it('sorts by count, first and last seen, principal and action: stable, and by keyboard', async () => {
    const { page, problems } = await browser.open(file);
    const stable = (key: (g: Group) => string | number, dir: 1 | -1) =>
      [...summary.groups].sort((a, b) => {
        const x = key(a);
        const y = key(b);
        return dir * (x < y ? -1 : x > y ? 1 : 0) || rankOf(a) - rankOf(b);
      });
    await page.getByRole('button', { name: /^Count: descending/ }).click();
    expect(await listed(page)).toEqual(ranks(stable((g) => g.count, 1)).slice(0, PAGE));
    expect(await page.locator('th[aria-sort]').getAttribute('aria-sort')).toBe('ascending');
    const lastSeen = page.getByRole('button', { name: /^Last seen: not sorted/ });
    await lastSeen.focus();
    await page.keyboard.press('Enter');
    expect(await listed(page)).toEqual(ranks(stable((g) => g.lastSeen, -1)).slice(0, PAGE));
    // the focus stays on the header, so Enter again turns the order round
    await page.keyboard.press('Enter');
    expect(await listed(page)).toEqual(ranks(stable((g) => g.lastSeen, 1)).slice(0, PAGE));
    await page.getByRole('button', { name: /^Principal: not sorted/ }).press('Space');
    const byPrincipal = stable((g) => g.principal.toLowerCase() + '\u0000' + g.action, 1);
    expect(await listed(page)).toEqual(ranks(byPrincipal).slice(0, PAGE));
    expect(page.url()).toContain('sort=principal&dir=asc');
    expect(await problems()).toEqual([]);
  });

  it('opens a detail view: every resource, IP, user agent and session, copyable event IDs, guidance, timeline', async () => {
    const { page, problems } = await browser.open(file);
    const g = summary.groups[0];
    await page.getByRole('button', { name: 'Detail of group 1', exact: true }).click();
    const detail = page.locator('#ctd-detail-1');
    expect(await page.getByRole('button', { name: 'Detail of group 1', exact: true }).getAttribute('aria-expanded')).toBe('true');
    const text = await detail.innerText();
    for (const list of [g.resources, g.sourceIps, g.userAgents, g.sessionNames]) for (const c of list) expect(text).toContain(c.key);
    for (const id of g.sampleEventIds) expect(await detail.getByRole('button', { name: `Copy event ID ${id}` }).count()).toBe(1);
    await detail.getByRole('button', { name: `Copy event ID ${g.sampleEventIds[0]}` }).click();
    await expect.poll(() => detail.getByRole('button', { name: `Copy event ID ${g.sampleEventIds[0]}` }).innerText()).toBe('Copied');
    expect(await detail.locator('.guide h4').count()).toBeGreaterThan(0);
    const days = (g.timeline ?? []).length;
    expect(days).toBeGreaterThan(0);
    // one bar per day from the report's first to its last; the group's days carry its counts
    const tips = await detail.locator('svg.timeline g > title').allTextContents();
    for (const d of g.timeline ?? []) expect(tips).toContain(`${d.key}: ${d.count} denials`);
    expect(page.url()).toContain('open=1');
    expect(await problems()).toEqual([]);
  });

  it('filters by a principal, action, account or policy type clicked anywhere, and follows history', async () => {
    const { page, problems } = await browser.open(file);
    const principal = summary.byPrincipal[0].key;
    await page.locator('[data-filter="principal"] tbody tr').first().getByRole('button').click();
    expect(await listed(page)).toEqual(ranks(summary.groups.filter((g) => g.principal === principal)));
    expect(await page.locator('#groups').evaluate((e) => Math.abs(e.getBoundingClientRect().top) < 50)).toBe(true);
    const action = summary.groups.find((g) => g.principal === principal)!.action;
    await page.locator('table.groups.x tr.g').first().locator('.what').getByRole('button').click();
    expect(await listed(page)).toEqual(ranks(summary.groups.filter((g) => g.principal === principal && g.action === action)));
    await page.goBack();
    expect(await listed(page)).toEqual(ranks(summary.groups.filter((g) => g.principal === principal)));
    await page.goBack();
    expect(await listed(page)).toHaveLength(PAGE);
    await page.locator('[data-filter="policyType"] tbody tr[data-key="service-control-policy"]').getByRole('button').click();
    expect(await facetBox(page, 'policyType', 'Service control policy').isChecked()).toBe(true);
    expect(await problems()).toEqual([]);
  });

  it('opens a link with a view in its fragment as that view, and keeps it on reload', async () => {
    const identity = summary.groups.filter((g) => g.policyType === 'identity-based');
    const lastFirst = [...identity].sort((a, b) => (a.lastSeen > b.lastSeen ? -1 : a.lastSeen < b.lastSeen ? 1 : rankOf(a) - rankOf(b)));
    const open = rankOf(lastFirst[1]);
    const { page, problems } = await browser.open(file, { hash: `#groups?policyType=identity-based&sort=last&dir=desc&open=${open}` });
    const check = async () => {
      expect(await listed(page)).toEqual(ranks(lastFirst));
      expect(await facetBox(page, 'policyType', 'Identity-based policy').isChecked()).toBe(true);
      expect(await page.locator(`#ctd-detail-${open}`).isVisible()).toBe(true);
      expect(await page.locator('th[aria-sort]').textContent()).toMatch(/Last seen ▼/);
    };
    await check();
    await page.reload();
    await check();
    expect(await problems()).toEqual([]);
  });

  it('takes a hostile fragment as text: a link someone sent cannot run anything', async () => {
    const payload = {
      q: '<img src=x onerror=alert(1)>',
      principal: '<script>alert(2)</script>',
      account: '"><svg onload=alert(3)>',
      sort: 'constructor',
      dir: 'sideways',
      open: '__proto__',
      shown: '1e9x',
    };
    const { page, problems } = await browser.open(file, { hash: `#groups?${new URLSearchParams(payload).toString()}` });
    const chips = await page.locator('#ctd-explore .chips').innerText();
    for (const text of [payload.q, payload.principal, payload.account]) expect(chips).toContain(text);
    expect(await page.getByRole('searchbox', { name: 'Search groups' }).inputValue()).toBe(payload.q);
    expect(await status(page)).toBe(`No group matches (of ${summary.groups.length}).`);
    expect(await page.evaluate(() => document.querySelectorAll('img, svg[onload], #ctd-explore script').length)).toBe(0);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    expect(await listed(page)).toHaveLength(PAGE); // by count: the unknown sort was ignored
    expect(await problems()).toEqual([]);
  });

  it('charts the groups shown against the whole report', async () => {
    const { page, problems } = await browser.open(file, { hash: '#groups?denyKind=explicit' });
    const explicit = summary.groups.filter((g) => g.denyKind === 'explicit');
    const tips = await page.locator('figure.ftl svg g > title').allTextContents();
    expect(tips).toHaveLength(summary.timeline.length);
    for (const day of summary.timeline) {
      const mine = explicit.reduce((n, g) => n + ((g.timeline ?? []).find((d) => d.key === day.key)?.count ?? 0), 0);
      expect(tips).toContain(`${day.key}: ${day.count} in the report, ${mine} in the groups that match`);
    }
    expect(await problems()).toEqual([]);
  });

  it('without JavaScript: the static page, complete, says where the rest of the groups is', async () => {
    const { page, problems } = await browser.open(file, { js: false });
    expect(await page.locator('#ctd-explore').count()).toBe(0);
    expect(await page.locator('.static-groups table.groups tr.g').count()).toBe(TOP);
    expect(await page.locator('.static-groups').innerText()).toContain(
      `… and ${summary.groups.length - TOP} more groups (of ${summary.groups.length}; this table stops at --top ${TOP}). With its script the page lists them all; summary.json has every group and denials.csv every denial.`,
    );
    expect(await page.locator('#accounting .equation').innerText()).toContain('balanced');
    expect(await problems()).toEqual([]);
  });
});
