import { describe, expect, it } from 'vitest';
import { renderIntegrityText } from '../../src/render/integrity-text.js';
import { makeReportRenderers } from '../../src/render/report-renderers.js';
import type { IntegritySummary, Summary } from '../../src/types.js';
import { expectSnapshotFile, fakeGuide, loadSummary, loadTemplates } from './helpers.js';

const templates = loadTemplates();
const r = makeReportRenderers(fakeGuide);

const zero = {
  digests: 0,
  logsListed: 0,
  logsValid: 0,
  logsMissing: 0,
  logsModified: 0,
  logsOutsideWindow: 0,
  logsUnlisted: 0,
  logsUncovered: 0,
  chainBreaks: 0,
  chainRestarts: 0,
  signaturesValid: 0,
  signaturesInvalid: 0,
  signaturesUnchecked: 0,
};

// Paths come from the input: a hostile archive can name files with pipes, markup and escapes.
const HOSTILE = 'AWSLogs/111122223333/CloudTrail/eu-west-1/2026/03/01/a|b<script>alert(1)</script>\u001b[2J.json.gz';

export const INTEGRITY: IntegritySummary = {
  status: 'failed',
  ok: false,
  partialReasons: ['unsigned', 'uncovered'],
  publicKeys: 1,
  signatures: null,
  digestsPruned: 3,
  coverage: {
    logFiles: 11,
    verified: 5,
    signatureUnchecked: 2,
    uncovered: 2,
    outsideLayout: 0,
    failed: 2,
    notExamined: 0,
    unverified: [
      { path: 'AWSLogs/111122223333/CloudTrail/eu-west-1/2026/03/01/late.json.gz', class: 'signature-unchecked' },
      { path: 'AWSLogs/111122223333/CloudTrail/eu-west-1/2026/03/01/newest.json.gz', class: 'signature-unchecked' },
      { path: 'AWSLogs/111122223333/CloudTrail/us-east-1/2026/03/04/a.json.gz', class: 'uncovered' },
      { path: 'AWSLogs/111122223333/CloudTrail/us-east-1/2026/03/04/b.json.gz', class: 'uncovered' },
      { path: HOSTILE, class: 'failed' },
      { path: 'AWSLogs/111122223333/CloudTrail/eu-west-1/2026/03/01/y.json.gz', class: 'failed' },
    ],
  },
  totals: {
    ...zero,
    digests: 6,
    logsListed: 9,
    logsValid: 7,
    logsMissing: 1,
    logsModified: 1,
    logsUnlisted: 1,
    logsUncovered: 2,
    chainBreaks: 1,
    chainRestarts: 1,
    signaturesValid: 4,
    signaturesInvalid: 1,
    signaturesUnchecked: 1,
  },
  trails: [
    {
      ...zero,
      key: '111122223333 eu-west-1 main',
      account: '111122223333',
      region: 'eu-west-1',
      trail: 'main',
      homeRegion: 'us-east-1',
      firstDigestEnd: '2026-03-01T01:01:31Z',
      lastDigestEnd: '2026-03-01T06:01:31Z',
      digests: 6,
      logsListed: 9,
      logsValid: 7,
      logsMissing: 1,
      logsModified: 1,
      logsUnlisted: 1,
      chainBreaks: 1,
      chainRestarts: 1,
      signaturesValid: 4,
      signaturesInvalid: 1,
      signaturesUnchecked: 1,
    },
    {
      ...zero,
      key: '111122223333 us-east-1 -',
      account: '111122223333',
      region: 'us-east-1',
      trail: null,
      homeRegion: null,
      firstDigestEnd: null,
      lastDigestEnd: null,
      logsUncovered: 2,
    },
  ],
  failures: [
    {
      kind: 'log-missing',
      trail: '111122223333 eu-west-1 main',
      file: 'AWSLogs/111122223333/CloudTrail/eu-west-1/2026/03/01/x.json.gz',
      digest: 'copy/AWSLogs/111122223333/CloudTrail-Digest/eu-west-1/2026/03/01/d2.json.gz',
      detail: 'named by the digest; not in the input',
    },
    {
      kind: 'log-modified',
      trail: '111122223333 eu-west-1 main',
      file: HOSTILE,
      digest: 'copy/d3.json.gz',
      detail: 'SHA-256 of its uncompressed content is aa; the digest records bb',
    },
    {
      kind: 'digest-missing',
      trail: '111122223333 eu-west-1 main',
      file: 'AWSLogs/111122223333/CloudTrail-Digest/eu-west-1/2026/03/01/d4.json.gz',
      digest: 'copy/d5.json.gz',
      detail: 'named as the previous digest; not in the input',
    },
    {
      kind: 'signature-invalid',
      trail: '111122223333 eu-west-1 main',
      file: 'copy/d1.json.gz',
      digest: null,
      detail: 'the signature from the next digest does not verify',
    },
  ],
  notices: [{ kind: 'chain-restart', trail: '111122223333 eu-west-1 main', file: 'copy/d6.json.gz', digest: null, detail: 'a starting digest' }],
};

const withIntegrity = (s: Summary): Summary => ({ ...s, integrity: INTEGRITY });

/** The section alone is snapshotted, so changes elsewhere in the page do not touch this file. */
function section(text: string, start: string, end: string): string {
  const from = text.indexOf(start);
  const to = text.indexOf(end, from);
  expect(from).toBeGreaterThanOrEqual(0);
  return text.slice(from, to);
}

describe('Integrity section', () => {
  it('Markdown: the table per trail and every failure named, log text escaped', () => {
    const md = r.renderMarkdown(withIntegrity(loadSummary('realistic')), { top: 8, templates });
    expectSnapshotFile(section(md, '## Integrity\n', '## Input accounting'), 'integrity.expected.md');
    expect(md).toContain('## Integrity');
    expect(md).toContain(
      '- Integrity: **FAILED**: verified 5 of 11 log files; 2 failed a check; 2 hash-matched, signatures not checked; 2 not covered by any digest (see Integrity)',
    );
    expect(md).toContain('### Log files not verified');
    expect(md).toContain('a\\|b');
    expect(md).not.toContain('<script>');
    expect(md).not.toContain('\u001b');
  });

  it('HTML: same content, escaped, with a link in the contents', () => {
    const html = r.renderHtml(withIntegrity(loadSummary('realistic')), { top: 8, templates });
    expectSnapshotFile(section(html, '<section class="card long" id="integrity">', '<section class="card long" id="accounting">'), 'integrity.expected.html');
    expect(html).toContain('<a href="#integrity">Integrity</a>');
    expect(html).toContain('id="integrity"');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('<b>FAILED</b> (verified 5 of 11 log files; 2 failed a check; 2 hash-matched, signatures not checked; 2 not covered by any digest)');
    expect(html).toContain('<h3>Log files not verified</h3>');
    expect(html).not.toContain('<script>alert');
  });

  it('summary.json carries it when asked and has no integrity key otherwise', () => {
    const asked = JSON.parse(r.renderJson(withIntegrity(loadSummary('empty')), { top: 8, templates })) as Summary;
    expect(asked.integrity).toEqual(INTEGRITY);
    const plain = JSON.parse(r.renderJson(loadSummary('empty'), { top: 8, templates })) as Record<string, unknown>;
    expect('integrity' in plain).toBe(false);
  });

  it('reports without --verify are unchanged: no Integrity section', () => {
    const md = r.renderMarkdown(loadSummary('empty'), { top: 8, templates });
    expect(md).not.toContain('Integrity');
    expect(r.renderHtml({ ...loadSummary('empty'), integrity: null }, { top: 8, templates })).toBe(r.renderHtml(loadSummary('empty'), { top: 8, templates }));
  });

  it('the terminal table names each failure and the digest behind it, without terminal controls', () => {
    const text = renderIntegrityText(INTEGRITY, { top: 3 });
    expectSnapshotFile(text, 'integrity.expected.txt');
    expect(text).toMatch(/^account\s+region\s+trail\s+digests/);
    expect(text).toContain('named by copy/d5.json.gz');
    expect(text).toContain('… and 1 more');
    expect(text).toContain('Integrity: FAILED (4 failures): verified 5 of 11 log files');
    expect(text).toContain('Log files not verified (6 of 11):');
    expect(text).not.toContain('\u001b');
  });
});
