// Logs from a compromised account are attacker-written: every report must stay inert.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_CHROMIUM, hasChromium, launch, type TestBrowser } from '../helpers/browser.js';
import { parseCsv } from '../helpers/csv.js';
import { runCli } from '../helpers/run-cli.js';
import { DATA_OPEN, packedData, pageDataJson } from '../helpers/page-data.js';

const PAYLOADS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(2)>',
  "'><svg onload=alert(3)>",
  '</style></title><iframe src=javascript:alert(4)>',
  '[click](javascript:alert(5))',
  '| broken | table |\n| --- |',
  '`code` ``fence``',
  '=HYPERLINK("http://evil.example","x")',
  "+1+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  '-2+3',
  '\u2028\u2029</script><!--',
  '\u001b]0;title\u0007\u001b[31mred',
];
const P = PAYLOADS.join(' ');

function records(): unknown[] {
  return PAYLOADS.map((p, i) => ({
    eventVersion: '1.09',
    eventTime: `2026-11-20T10:00:${String(i).padStart(2, '0')}Z`,
    eventSource: `s3.amazonaws.com${i % 2 ? p : ''}`,
    eventName: `GetObject${p}`,
    awsRegion: `us-east-1${p}`,
    sourceIPAddress: `198.51.100.${i}${p}`,
    userAgent: `aws-cli/2 ${P}`,
    recipientAccountId: `11112222333${i % 10}`,
    userIdentity: {
      type: 'AssumedRole',
      arn: `arn:aws:sts::111122223333:assumed-role/role${p}/session${p}`,
      accountId: '111122223333',
      sessionContext: { sessionIssuer: { arn: `arn:aws:iam::111122223333:role/role${p}`, userName: `role${p}` } },
    },
    eventID: `id-${i}-${p}`,
    errorCode: i % 3 === 0 ? `AccessDenied` : i % 3 === 1 ? `Weird${p}` : 'AccessDeniedException',
    errorMessage: `User: arn:aws:sts::111122223333:assumed-role/r${p}/s is not authorized to perform: s3:Get${p} on resource: "arn:aws:s3:::b/${p}" with an explicit deny in a ${p} policy`,
    requestParameters: { bucketName: p, key: P },
  }));
}

describe('hostile text in every field', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ctd-hostile-'));
  const input = join(dir, 'in');
  mkdirSync(input);
  writeFileSync(join(input, 'trail.json'), JSON.stringify({ Records: records() }));
  // A damaged file whose name is a payload: file paths reach the report too.
  writeFileSync(join(input, '<img src=x onerror=alert(9)>.json'), '{"Records":[');
  const out = join(dir, 'out');
  const r = runCli(['report', input, '--out', out, '--quiet', '--top', '100']);
  const read = (name: string) => readFileSync(join(out, name), 'utf8');

  it('ran and found the denials', () => {
    expect(r.code).toBe(2);
    expect(JSON.parse(read('summary.json')).totals.denials).toBeGreaterThan(5);
  });

  it('HTML: no markup, attribute or script from the logs survives; the text is there, escaped', () => {
    const html = read('report.html');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src&#x3D;x onerror&#x3D;alert(9)&gt;');
    // The template's two script elements only (the page data, the script), and the data holds no `<`,
    // so no log text can end it; U+2028 in HTML text is harmless, and escaped in the data.
    expect([...html.matchAll(/<script[^>]*>/g)].map((m) => m[0])).toEqual([DATA_OPEN, '<script>']);
    expect(packedData(html)).toMatch(/^[A-Za-z0-9+/]+=*$/);
    const data = pageDataJson(html);
    expect(data).not.toMatch(/[<>&\u2028\u2029]/);
    expect((JSON.parse(data) as CtdPageData).strings.join(' ')).toContain(
      '\u2028\u2029</script><!--'.replace(/[\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`),
    );
    // Every tag is one the template writes (no tag names from data).
    expect(html.includes('\u001b'), 'ESC anywhere in the file').toBe(false);
    // outside the data block (where log text is JSON, every < escaped), no markup from the logs
    const markup = html.replace(/(<script[^>]*>)[^]*?<\/script>/g, '$1</script>');
    for (const bad of ['<img', '<svg onload', '<iframe', 'onerror=alert', 'onload=alert', '\u001b']) {
      expect(markup.includes(bad), bad).toBe(false);
    }
    const tags = new Set([...markup.matchAll(/<\/?([a-zA-Z][\w-]*)/g)].map((m) => m[1].toLowerCase()));
    // prettier-ignore
    const template = new Set(['script', 'html', 'head', 'meta', 'title', 'style', 'body', 'header', 'nav', 'a', 'main', 'section', 'h1', 'h2', 'h3', 'h4', 'p', 'div', 'span', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'details', 'summary', 'ul', 'ol', 'li', 'code', 'strong', 'em', 'svg', 'g', 'rect', 'text', 'line', 'title', 'small', 'footer', 'br', 'dl', 'dt', 'dd', 'abbr', 'b', 'i', 'figure', 'figcaption', 'desc', 'path', 'time', 'caption', 'colgroup', 'col', 'kbd', 'pre', 'hr', 'label', 'mark', 'aside']);
    expect([...tags].filter((t) => !template.has(t))).toEqual([]);
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'/);
  });

  it('Markdown: no raw HTML, no live link, no broken table', () => {
    const md = read('report.md');
    for (const bad of ['<script', '<img', '<svg', '<iframe', '\u001b']) expect(md.includes(bad), bad).toBe(false);
    // A link needs an unescaped "](": every bracket from the logs must come out escaped.
    expect(md).not.toMatch(/(?<!\\)\]\(javascript:/);
    expect(md).toContain('\\[click\\](javascript:alert(5))');
    const lines = md.split('\n');
    let header = -1;
    for (const line of lines) {
      if (!line.startsWith('|')) {
        header = -1;
        continue;
      }
      const cells = line.replace(/\\\|/g, '').split('|').length;
      if (header === -1) header = cells;
      expect(cells, line).toBe(header);
    }
  });

  it('CSV: RFC 4180 quoting, and no cell a spreadsheet would run', () => {
    const csv = read('denials.csv');
    const rows = parseCsv(csv);
    expect(rows.length).toBeGreaterThan(5);
    const width = rows[0].length;
    for (const row of rows) {
      expect(row).toHaveLength(width);
      for (const cell of row) expect(/^[=+\-@\t\r]/.test(cell), cell).toBe(false);
    }
  });

  it('JSON and JSON Lines parse, and U+2028/2029 are escaped', () => {
    for (const name of ['summary.json', 'denials.jsonl']) {
      const text = read(name);
      expect(text.includes('\u2028') || text.includes('\u2029')).toBe(false);
      if (name.endsWith('l'))
        text
          .trim()
          .split('\n')
          .forEach((l) => JSON.parse(l));
      else JSON.parse(text);
    }
  });
});

// The same report with its script running: the payloads are shown, as text, wherever the explorer puts them.
describe.skipIf(!hasChromium)(`hostile text in the HTML report's explorer, in Chromium${hasChromium ? '' : ` — ${NO_CHROMIUM}`}`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'ctd-hostile-js-'));
  const input = join(dir, 'in');
  mkdirSync(input);
  writeFileSync(join(input, 'trail.json'), JSON.stringify({ Records: records() }));
  const out = join(dir, 'out');
  runCli(['report', input, '--out', out, '--quiet', '--top', '3']);
  let browser: TestBrowser;
  beforeAll(async () => (browser = await launch()));
  afterAll(async () => browser?.close());

  it('shows every payload as text: no dialog, no console error, no request, no policy violation, no element from the logs', async () => {
    const { page, problems } = await browser.open(join(out, 'report.html'));
    const elements = () =>
      page.evaluate(
        () =>
          document.querySelectorAll(
            'img, iframe, object, embed, svg[onload], [onerror], [onload], [onmouseover], a[href^="javascript"], base, meta[http-equiv="refresh"]',
          ).length,
      );
    expect(await page.getAttribute('html', 'data-explore')).toBe('ready');
    // every group's detail open, every list and guidance drawn; then search for the payloads
    const details = page.locator('table.groups.x button.open');
    for (let i = (await details.count()) - 1; i >= 0; i--) await details.nth(i).click();
    expect(await page.locator('table.groups.x tr.d').count()).toBe(await details.count());
    const text = await page.locator('#ctd-explore').innerText();
    for (const p of [
      '<script>alert(1)</script>',
      '"><img src=x onerror=alert(2)>',
      "'><svg onload=alert(3)>",
      '</style></title><iframe src=javascript:alert(4)>',
      '\\u2028\\u2029</script><!--',
      '\\u001b]0;title\\u0007\\u001b[31mred',
    ]) {
      expect(text, p).toContain(p);
    }
    await page.getByRole('searchbox', { name: 'Search groups' }).fill('<img src=x onerror=alert(2)>');
    expect(await page.locator('table.groups.x tr.g').count()).toBeGreaterThan(0);
    await page.locator('table.groups.x tr.g').first().locator('.what').getByRole('button').click();
    expect(page.url()).toContain('#groups?');
    await page.reload();
    expect(await page.locator('#ctd-explore .chips').innerText()).toContain('action');
    expect(await elements()).toBe(0);
    expect(await problems()).toEqual([]);
  });
});
