// Every kind of bad input, generated here: the run goes on, damage is named, the accounting holds.
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { Summary } from '../../src/types.js';
import { gzipWithHugeField } from '../helpers/huge-field.js';
import { cloudTrailRecord } from '../helpers/record.js';
import { runCli } from '../helpers/run-cli.js';

const rec = cloudTrailRecord;
const denied = (id: string, extra: Record<string, unknown> = {}) =>
  rec(id, {
    errorCode: 'AccessDenied',
    errorMessage:
      'User: arn:aws:iam::111122223333:user/ann is not authorized to perform: s3:GetObject because no identity-based policy allows the s3:GetObject action',
    ...extra,
  });
const trail = (records: unknown[]) => JSON.stringify({ Records: records });

function analyse(files: Record<string, string | Buffer>, args: string[] = []): { code: number; summary: Summary; stderr: string } {
  const dir = mkdtempSync(join(tmpdir(), 'ctd-bad-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, 'in', name, '..'), { recursive: true });
    writeFileSync(join(dir, 'in', name), content);
  }
  const r = runCli(['report', join(dir, 'in'), '--out', join(dir, 'out'), '-f', 'json,md', '--quiet', ...args]);
  const summary = JSON.parse(readFileSync(join(dir, 'out', 'summary.json'), 'utf8')) as Summary;
  const t = summary.totals;
  expect(t.records).toBe(t.denials + t.otherErrors + t.noError + t.excludedByFilter + t.duplicates + (t.suppressed ?? 0));
  return { code: r.code, summary, stderr: r.stderr };
}

const big = trail(Array.from({ length: 300 }, (_, i) => (i % 10 === 0 ? denied(`b${i}`) : rec(`b${i}`))));

describe('damaged files are counted issues; the run goes on; exit 2', () => {
  it.each<[string, string | Buffer, RegExp, number]>([
    [
      'truncated.json.gz',
      (() => {
        const g = gzipSync(big);
        return g.subarray(0, Math.floor(g.length / 2));
      })(),
      /gzip data ends early/,
      -1,
    ],
    [
      'bad-crc.json.gz',
      (() => {
        const g = gzipSync(big);
        g[g.length - 7] ^= 0x55;
        return g;
      })(),
      /gzip data is corrupt/,
      300,
    ],
    ['not-gzip.json.gz', 'this is not gzip, nor json', /not valid JSON/, 0],
    ['not-json.json', '<html>error page</html>', /not valid JSON/, 0],
    ['cut-array.json', big.slice(0, big.length / 2), /truncated|ends/, -1],
    [
      'garbage-after-records.json',
      Buffer.concat([Buffer.from(big.slice(0, big.indexOf('"b3"') - 12)), Buffer.from([0xff, 0xfe, 0x00])]),
      /ends inside|unexpected|expected .*, found byte 0xff/,
      -1,
    ],
  ])('%s', (name, content, reason, kept) => {
    const { code, summary } = analyse({ 'good.json': trail([denied('g1'), rec('g2')]), [name]: content });
    expect(code).toBe(2);
    expect(summary.files).toMatchObject({ read: 1, damaged: 1 });
    const issue = summary.issues.find((i) => i.path.endsWith(name));
    expect(issue?.kind).toBe('file');
    expect(issue?.reason).toMatch(reason);
    if (kept >= 0) expect(issue?.recordsKept).toBe(kept);
    else expect(issue!.recordsKept).toBeGreaterThan(0);
    expect(summary.totals.records).toBe(2 + issue!.recordsKept);
  });

  it('reads past a broken JSON Lines line: one damaged record, the lines after it kept', () => {
    const lines = [JSON.stringify(denied('l1')), JSON.stringify(rec('l2')), '{"eventID": "l3", broken', JSON.stringify(denied('l4'))].join('\n');
    const { code, summary } = analyse({ 'x.jsonl': lines });
    expect(code).toBe(2);
    expect(summary.files).toMatchObject({ read: 1, damaged: 0 });
    expect(summary.issues).toEqual([expect.objectContaining({ kind: 'record', reason: expect.stringMatching(/^a line is not valid JSON/) })]);
    expect(summary.totals).toMatchObject({ records: 3, denials: 2, damagedRecords: 1 });
  });
});

describe('odd but readable input', () => {
  it('zero records, BOM, CRLF JSON Lines with blank lines, an empty file', () => {
    const { code, summary } = analyse({
      'empty-records.json': '{"Records":[]}',
      'bom.json': `\uFEFF${trail([denied('a')])}`,
      'crlf.jsonl': `${JSON.stringify(denied('b'))}\r\n\r\n${JSON.stringify(rec('c'))}\r\n`,
      'empty.json': '',
    });
    expect(code).toBe(0);
    expect(summary.files).toMatchObject({ found: 4, read: 3, skipped: 1, damaged: 0 });
    expect(summary.files.skippedByReason).toEqual([{ key: 'empty-file', count: 1 }]);
    expect(summary.totals).toMatchObject({ records: 3, denials: 2, noError: 1 });
  });

  it('damaged records are skipped and counted; records missing fields still count', () => {
    const { code, summary } = analyse({
      'mixed.json': trail([
        denied('a'),
        null,
        'a string',
        [1, 2],
        { eventID: 'only-an-id', errorCode: 'AccessDenied' },
        denied('t', { eventTime: 'not a time' }),
        denied('u', { userIdentity: 'not an object', eventSource: 42 }),
      ]),
    });
    expect(code).toBe(2);
    expect(summary.totals.damagedRecords).toBe(3);
    expect(summary.totals.records).toBe(4);
    expect(summary.totals.denials).toBe(4);
    expect(summary.issues.filter((i) => i.kind === 'record')).toHaveLength(3);
  });

  it('deep nesting, a huge string, invalid UTF-8 inside strings', () => {
    const deep = `{"Records":[${JSON.stringify(denied('d')).slice(0, -1)},"x":${'['.repeat(10_000)}${']'.repeat(10_000)}}]}`;
    // Random text (a run of one letter would be refused as a gzip bomb, rightly).
    const huge = trail([denied('h', { requestParameters: { blob: randomBytes(15_000_000).toString('base64') } })]);
    const utf8 = Buffer.concat([Buffer.from(trail([denied('u1', { userAgent: 'AAAA' })]).replace('AAAA', '@@@@'))]);
    utf8.write('\xff\xfe', utf8.indexOf('@@'), 'latin1');
    const { code, summary } = analyse({ 'deep.json': deep, 'huge.json.gz': gzipSync(huge), 'utf8.json': utf8 });
    expect(code).toBe(0);
    expect(summary.totals).toMatchObject({ records: 3, denials: 3 });
  });

  it('a 200 MB single string field: that record is skipped and counted damaged, the records after it are read', async () => {
    const [before, after] = JSON.stringify(rec('huge', { requestParameters: { blob: '@' } })).split('@');
    const huge = await gzipWithHugeField(
      `{"Records":[${JSON.stringify(denied('h1'))},${before}`,
      `${after},${JSON.stringify(denied('h2'))},${JSON.stringify(rec('h3'))}]}`,
    );
    const { code, summary } = analyse({ 'huge-field.json.gz': huge, 'good.json': trail([denied('g1')]) });
    expect(code).toBe(2);
    expect(summary.files).toMatchObject({ read: 2, damaged: 0 });
    expect(summary.totals).toMatchObject({ records: 4, denials: 3, noError: 1, damagedRecords: 1 });
    expect(summary.issues).toEqual([expect.objectContaining({ kind: 'record', reason: 'record larger than 64 MiB skipped' })]);
  }, 30_000);

  it('--strict-json also finds grammar damage in a record without an error; without it that record counts as one without an error', () => {
    const broken = big.replace('"eventID":"b5"}', '"eventID":"b5",}');
    expect(broken).not.toBe(big);
    const lexical = analyse({ 'b.json': broken });
    expect(lexical.code).toBe(0);
    expect(lexical.summary.totals).toMatchObject({ records: 300, denials: 30, damagedRecords: 0 });
    const strict = analyse({ 'b.json': broken }, ['--strict-json']);
    expect(strict.code).toBe(2);
    expect(strict.summary.totals).toMatchObject({ records: 5, damagedRecords: 0 });
    expect(strict.summary.issues).toEqual([expect.objectContaining({ kind: 'file', reason: expect.stringMatching(/inside record 5/) })]);
  });

  it('paths with spaces and unicode; a symlink loop does not hang or crash', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ctd-paths-'));
    const odd = join(dir, 'in', 'dossier été', 'logs 1');
    mkdirSync(odd, { recursive: true });
    writeFileSync(join(odd, 'journal ✓.json'), trail([denied('p1')]));
    symlinkSync(join(dir, 'in'), join(odd, 'loop'));
    const r = runCli(['report', join(dir, 'in'), '--out', join(dir, 'out'), '-f', 'json', '--quiet']);
    expect(r.code).toBe(0);
    const summary = JSON.parse(readFileSync(join(dir, 'out', 'summary.json'), 'utf8')) as Summary;
    expect(summary.totals.denials).toBe(1);
  });
});

describe('inputs that are not logs', () => {
  const keys = JSON.stringify(
    { PublicKeyList: [{ Value: 'MIIBCgKCAQEA', ValidityStartTime: '2026-10-12T20:15:41Z', Fingerprint: '8eba5db5bea9b640d18b1a0ea4ab26b8' }] },
    null,
    4,
  );

  it('a JSON document that is not a log, found in a folder (keys.json beside the logs): skipped as not-a-log-file, exit 0', () => {
    const { code, summary } = analyse({ 'keys.json': keys, 'a.json': trail([denied('k1')]) });
    expect(code).toBe(0);
    expect(summary.files).toMatchObject({ found: 2, read: 1, skipped: 1, damaged: 0 });
    expect(summary.files.skippedFiles).toEqual([{ path: expect.stringMatching(/keys\.json$/), reason: 'not-a-log-file' }]);
    expect(summary.totals).toMatchObject({ records: 1, damagedRecords: 0 });
  });

  it('the same named on the command line: one damaged file, "not a CloudTrail log file" said once, exit 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ctd-named-'));
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'x', version: '1.0.0', scripts: { test: 'vitest' }, dependencies: { a: '1' } }, null, 2));
    writeFileSync(join(dir, 'a.json'), trail([denied('n1')]));
    const r = runCli(['report', join(dir, 'package.json'), join(dir, 'a.json'), '--out', join(dir, 'out'), '-f', 'json', '--quiet']);
    expect(r.code).toBe(2);
    const summary = JSON.parse(readFileSync(join(dir, 'out', 'summary.json'), 'utf8')) as Summary;
    expect(summary.files).toMatchObject({ found: 2, read: 1, damaged: 1 });
    expect(summary.totals.damagedRecords).toBe(0);
    expect(summary.issues).toEqual([
      { path: join(dir, 'package.json'), kind: 'file', reason: expect.stringMatching(/^not a CloudTrail log file/), recordsKept: 0 },
    ]);
  });

  it('an empty file named on the command line is a damaged file (a failed copy), exit 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ctd-named-'));
    writeFileSync(join(dir, 'copied.json.gz'), '');
    writeFileSync(join(dir, 'a.json'), trail([denied('e1')]));
    const r = runCli(['report', join(dir, 'copied.json.gz'), join(dir, 'a.json'), '--out', join(dir, 'out'), '-f', 'json', '--quiet']);
    expect(r.code).toBe(2);
    const summary = JSON.parse(readFileSync(join(dir, 'out', 'summary.json'), 'utf8')) as Summary;
    expect(summary.files).toMatchObject({ found: 2, read: 1, skipped: 0, damaged: 1 });
    expect(summary.issues).toEqual([{ path: join(dir, 'copied.json.gz'), kind: 'file', reason: expect.stringMatching(/^empty file/), recordsKept: 0 }]);
  });

  it('a UTF-8 byte order mark on JSON Lines; a UTF-16 file is a damaged file that names the encoding', () => {
    const { code, summary } = analyse({
      'bom.jsonl': `\uFEFF${JSON.stringify(denied('j1'))}\n${JSON.stringify(rec('j2'))}\n`,
      'wide.json': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(trail([denied('w1')]), 'utf16le')]),
    });
    expect(code).toBe(2);
    expect(summary.totals).toMatchObject({ records: 2, denials: 1, damagedRecords: 0 });
    expect(summary.issues).toEqual([expect.objectContaining({ kind: 'file', reason: 'UTF-16 text: save it as UTF-8' })]);
  });

  it('a FIFO, a dangling link and a link loop in a walked folder: never opened, counted as skipped with their reasons', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ctd-special-'));
    mkdirSync(join(dir, 'in'));
    writeFileSync(join(dir, 'in', 'a.json'), trail([denied('f1')]));
    execFileSync('mkfifo', [join(dir, 'in', 'pipe.json')]);
    symlinkSync(join(dir, 'gone.json'), join(dir, 'in', 'dangling.json'));
    symlinkSync('.', join(dir, 'in', 'again'));
    const r = runCli(['report', join(dir, 'in'), '--out', join(dir, 'out'), '-f', 'json', '--quiet']);
    expect(r.code).toBe(0);
    const summary = JSON.parse(readFileSync(join(dir, 'out', 'summary.json'), 'utf8')) as Summary;
    expect(summary.files).toMatchObject({ found: 4, read: 1, skipped: 3 });
    expect(summary.files.skippedByReason).toEqual([
      { key: 'dangling-link', count: 1 },
      { key: 'link-loop', count: 1 },
      { key: 'special-file', count: 1 },
    ]);
  });
});

describe('user mistakes: one line, exit 1, nothing written', () => {
  it('an output folder that cannot be written', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ctd-out-'));
    writeFileSync(join(dir, 'file'), 'x');
    const r = runCli(['report', 'samples', '--out', join(dir, 'file', 'sub'), '--quiet']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^cloudtrail-denials: cannot create output folder/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
  it('a templates folder missing the templates', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ctd-tpl-'));
    const r = runCli(['report', 'samples', '--templates', dir, '--out', join(dir, 'out'), '--quiet']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/holds neither report.html.hbs nor report.md.hbs/);
  });
});
