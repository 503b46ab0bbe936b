// Inputs that are not CloudTrail logs, or not in UTF-8: each is named once, never counted as records.
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, scanSource } from '../../src/read/index.js';
import type { FileScan } from '../../src/types.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/read/containers');
const tmp = mkdtempSync(join(tmpdir(), 'ctd-not-a-log-'));
function file(name: string, content: string | Buffer): string {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
}

/** Both readers (the splitter fast path and stream-json) must say the same. */
async function scan(path: string, named = false): Promise<FileScan> {
  const source = { path, size: statSync(path).size, key: null, named };
  // fingerprinted by content on both paths (the fast path would take the bytes, stream-json cannot)
  const fast = await scanSource(source, { ...DEFAULT_LIMITS, contentFingerprints: true });
  const slow = await scanSource(source, { ...DEFAULT_LIMITS, fastPath: false, contentFingerprints: true });
  expect(fast).toEqual(slow);
  return fast;
}

const record = (id: string, extra = '') => `{"eventVersion":"1.09","eventTime":"2026-11-20T10:00:00Z","eventID":"${id}"${extra}}`;
const denied = (id: string) => record(id, ',"errorCode":"AccessDenied","errorMessage":"Access Denied"');

describe('a JSON document that is not a CloudTrail log', () => {
  const documents = ['pretty-not-a-log.json', 'public-keys.json', 'not-cloudtrail.json'];

  it.each(documents)('%s found by walking a folder: skipped as not-a-log-file, no record, no damage', async (name) => {
    const s = await scan(join(FIXTURES, name));
    expect(s).toMatchObject({ skip: 'not-a-log-file', records: 0, damagedRecords: 0, recordIssues: [], error: null });
  });

  it.each(documents)('%s named on the command line: "not a CloudTrail log file", once, as a damaged file', async (name) => {
    const s = await scan(join(FIXTURES, name), true);
    expect(s.skip).toBeUndefined();
    expect(s).toMatchObject({ records: 0, damagedRecords: 0, recordIssues: [] });
    expect(s.error).toMatch(/^not a CloudTrail log file/);
  });

  it('the same, gzipped', async () => {
    const path = file('keys.json.gz', gzipSync(readFileSync(join(FIXTURES, 'public-keys.json'))));
    expect(await scan(path)).toMatchObject({ skip: 'not-a-log-file', records: 0, damagedRecords: 0 });
  });

  it('a container whose "Records" is not an array claims to be a log: a damaged record, as before', async () => {
    const s = await scan(join(FIXTURES, 'records-not-array.json'));
    expect(s.skip).toBeUndefined();
    expect(s).toMatchObject({ records: 0, damagedRecords: 1, recordIssues: ['"Records" is not an array'] });
  });

  it('JSON Lines of records with one line that is not a record: the records count, that line is damaged', async () => {
    const path = file('mixed.jsonl', [denied('m1'), '{"name":"x"}', record('m2')].join('\n'));
    const s = await scan(path);
    expect(s.skip).toBeUndefined();
    expect(s).toMatchObject({ records: 2, damagedRecords: 1, recordIssues: ['a JSON document that is not a CloudTrail record or log file'] });
  });

  it('pretty-printed records one after another are read as records, not line by line', async () => {
    const pretty = [denied('p1'), record('p2')].map((r) => JSON.stringify(JSON.parse(r), null, 2)).join('\n');
    const s = await scan(file('pretty-records.json', pretty));
    expect(s).toMatchObject({ records: 2, damagedRecords: 0, noError: 1, error: null });
  });
});

describe("this tool's own outputs, recognised by content", () => {
  it('a summary.json (tool.name cloudtrail-denials) under any name: skipped as own-output, also when named', async () => {
    const summary = JSON.stringify({ schemaVersion: 1, tool: { name: 'cloudtrail-denials', version: '0.1.0' }, totals: { denials: 60 } }, null, 2);
    const path = file('last-week.json', summary);
    expect(await scan(path)).toMatchObject({ skip: 'own-output', records: 0, damagedRecords: 0, error: null });
    expect(await scan(path, true)).toMatchObject({ skip: 'own-output', records: 0, damagedRecords: 0, error: null });
  });

  const denialRow = (id: string) =>
    JSON.stringify({
      eventTime: '2026-11-20T10:00:00Z',
      eventId: id,
      account: '111122223333',
      region: 'us-east-1',
      principal: 'arn:aws:iam::111122223333:user/ann',
      principalType: 'IAMUser',
      eventSource: 's3.amazonaws.com',
      eventName: 'GetObject',
      action: 's3:GetObject',
      errorCode: 'AccessDenied',
      category: 'authorization',
      denyKind: 'implicit',
      policyType: 'identity-based',
      message: 'x',
      recognized: true,
    });

  it('denials.jsonl (lines that are Denial objects, not CloudTrail records): skipped as own-output', async () => {
    const path = file('copy.jsonl', [denialRow('d1'), denialRow('d2')].join('\n') + '\n');
    expect(await scan(path)).toMatchObject({ skip: 'own-output', records: 0, damagedRecords: 0, entries: [], error: null });
  });

  it('a Denial line among CloudTrail records is not a record: a damaged record that names it', async () => {
    const path = file('spliced.jsonl', [denied('r1'), denialRow('d1')].join('\n'));
    const s = await scan(path);
    expect(s.skip).toBeUndefined();
    expect(s).toMatchObject({ records: 1, damagedRecords: 1 });
    expect(s.recordIssues).toEqual([expect.stringMatching(/denials\.jsonl/)]);
  });
});

describe('text encodings', () => {
  it.each([
    ['bom-lines.jsonl', readFileSync(join(FIXTURES, 'bom-lines.jsonl'))],
    ['bom-lines.jsonl.gz', gzipSync(readFileSync(join(FIXTURES, 'bom-lines.jsonl')))],
    ['bom-lines-by-content.json', readFileSync(join(FIXTURES, 'bom-lines.jsonl'))],
    ['bom-records.json', Buffer.from(`\uFEFF{"Records":[${denied('b1')},${record('b2')}]}`)],
    ['bom-array.json', Buffer.from(`\uFEFF[${denied('b1')},${record('b2')}]`)],
  ])('a UTF-8 byte order mark is accepted: %s', async (name, content) => {
    const s = await scan(file(name, content));
    expect(s).toMatchObject({ records: 2, noError: 1, damagedRecords: 0, recordIssues: [], error: null });
    expect(s.entries).toHaveLength(1);
  });

  const text = `{"Records":[${denied('u1')}]}`;
  it.each([
    ['utf16le-bom.json', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), 'UTF-16'],
    ['utf16le.json', Buffer.from(text, 'utf16le'), 'UTF-16'],
    ['utf16be-bom.json', Buffer.from(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])).swap16(), 'UTF-16'],
    ['utf16be.jsonl', Buffer.from(text, 'utf16le').swap16(), 'UTF-16'],
    ['utf16le-bom.json.gz', gzipSync(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])), 'UTF-16'],
    ['utf32le.json', Buffer.from([...text].flatMap((c) => [c.charCodeAt(0), 0, 0, 0])), 'UTF-32'],
  ])('%s: a damaged file that names the encoding', async (name, content, encoding) => {
    const s = await scan(file(name, content), true);
    expect(s).toMatchObject({ records: 0, damagedRecords: 0, error: `${encoding} text: save it as UTF-8` });
  });
});
