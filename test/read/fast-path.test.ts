// The splitter fast path and the stream-json path must count every file the same way.
import { mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, scanSource } from '../../src/read/index.js';
import type { LogSource } from '../../src/types.js';
import { gzipWithHugeField } from '../helpers/huge-field.js';
import { ROOT } from '../helpers/run-cli.js';

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}
const source = (path: string): LogSource => ({ path, size: statSync(path).size, key: null });
// The fast path fingerprints records by their bytes, stream-json (which has no bytes) by their content:
// compared, both fingerprint by content (record-fingerprint.ts), so equal scans also hold equal records.
const CONTENT = { ...DEFAULT_LIMITS, contentFingerprints: true };
const STRICT = { ...CONTENT, strictJson: true };
const both = async (path: string, limits = CONTENT) => {
  const fast = await scanSource(source(path), limits);
  const slow = await scanSource(source(path), { ...CONTENT, fastPath: false });
  return { fast, slow };
};

const tmp = mkdtempSync(join(tmpdir(), 'ctd-fast-'));
function file(name: string, content: string | Buffer): string {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
}

describe('fast path ≡ stream-json path', () => {
  const inputs = [
    ...walk(join(ROOT, 'samples')).filter((p) => !p.includes('Digest') && !p.includes('/integrity/')), // the log files only
    ...walk(join(ROOT, 'test/fixtures/read/containers')).filter((p) => !p.endsWith('.md')),
  ];
  it.each(inputs.map((p) => [p.slice(ROOT.length + 1)]))('%s', async (rel) => {
    const { fast, slow } = await both(join(ROOT, rel));
    expect(fast).toEqual(slow);
  });

  const record = (i: number, extra = '') =>
    `{"eventVersion":"1.09","eventTime":"2026-11-20T10:00:0${i % 10}Z","eventID":"id-${i}","eventSource":"s3.amazonaws.com","eventName":"GetObject","awsRegion":"us-east-1","recipientAccountId":"111122223333"${extra}}`;
  const denied = (i: number) => record(i, ',"errorCode":"AccessDenied","errorMessage":"Access Denied"');
  const lines = Array.from({ length: 40 }, (_, i) => (i % 7 === 0 ? denied(i) : record(i)));
  const cases: [string, string | Buffer][] = [
    ['hostile-strings.json', `{"Records":[${record(1, ',"note":"\\"errorCode\\": } ] { [ \\\\"')},${denied(2)}]}`],
    ['error-code-in-a-value.json', `{"Records":[${record(1, ',"requestParameters":{"q":"\\"errorCode\\""}')}]}`],
    ['gzipped-lines.jsonl.gz', gzipSync(lines.join('\r\n') + '\n\n')],
    ['not-json.json', 'hello'],
    ['scalar.json', '42'],
    ['deep.json', `{"Records":[${record(1, `,"d":${'['.repeat(5000)}${']'.repeat(5000)}`)}]}`],
    ['bad-literal-inside.json', '{"Records":[{"eventID":"a","x":nope}]}'],
  ];
  it.each(cases)('%s', async (name, content) => {
    // --strict-json checks the grammar of records it does not parse, as stream-json does
    const path = file(name, content);
    const { fast, slow } = await both(path, STRICT);
    const lexical = await scanSource(source(path), CONTENT);
    // without --strict-json a record without "errorCode" is split exactly but neither parsed nor checked
    if (name.includes('-inside')) expect(lexical).toMatchObject({ error: null, records: 1, noError: 1, damagedRecords: 0 });
    else expect(lexical).toEqual(fast);
    if (slow.error === null) return expect(fast).toEqual(slow);
    // damaged: each path words the reason its own way, and both keep the same records
    expect(fast.error).not.toBeNull();
    expect({ ...fast, error: null }).toEqual({ ...slow, error: null });
  });
});

describe('damaged input: the fast path keeps every record before the damage', () => {
  // stream-json drops the tokens of the chunk it fails in, so it may keep fewer; never more.
  const record = (i: number) =>
    `{"eventVersion":"1.09","eventID":"id-${i}","errorCode":"${i % 3 ? 'X' : 'AccessDenied'}","pad":"${'p'.repeat((i * 37) % 500)}"}`;
  const many = Array.from({ length: 400 }, (_, i) => record(i));
  const whole = `{"Records":[${many.join(',')}]}`;
  const gz = gzipSync(whole);
  it.each<[string, string | Buffer, number, RegExp]>([
    ['truncated.json.gz', gz.subarray(0, Math.floor(gz.length / 2)), -1, /gzip data ends early/],
    ['bad-crc.json.gz', Buffer.concat([gz.subarray(0, gz.length - 8), Buffer.from([1, 2, 3, 4]), gz.subarray(gz.length - 4)]), 400, /gzip data is corrupt/],
    ['cut.json', whole.slice(0, whole.indexOf('"id-250"')), 250, /truncated|ends/],
    [
      'garbage-between.json',
      whole.replace('},{"eventVersion":"1.09","eventID":"id-100"', '} xx {"eventVersion":"1.09","eventID":"id-100"'),
      100,
      /unexpected|x/,
    ],
    // inside a record, with --strict-json: the whole grammar is checked, also in records never JSON.parsed
    ['bad-literal-inside.json', whole.replace('"id-200","errorCode"', '"id-200","x":ture,"errorCode"'), 200, /expected 'true', found 'u' inside record 200/],
    ['missing-comma-inside.json', whole.replace('"eventID":"id-300",', '"eventID":"id-300" '), 300, /expected ',' or '}', found '"' inside record 300/],
    ['leading-zero-inside.json', whole.replace('"eventID":"id-333",', '"eventID":"id-333","n":012,'), 333, /expected ',' or '}', found '1' inside record 333/],
  ])('%s', async (name, content, kept, reason) => {
    const { fast, slow } = await both(file(name, content), STRICT);
    expect(fast.error).toMatch(reason);
    expect(slow.error).not.toBeNull();
    if (kept >= 0) expect(fast.records).toBe(kept);
    else expect(fast.records).toBeGreaterThan(0);
    expect(fast.records).toBeGreaterThanOrEqual(slow.records);
    expect(fast.entries.slice(0, slow.entries.length)).toEqual(slow.entries);
  });

  it.each([
    ['bad-literal-inside.json', whole.replace('"id-200","errorCode"', '"id-200","x":ture,"errorCode"')],
    ['missing-comma-inside.json', whole.replace('"eventID":"id-300",', '"eventID":"id-300" ')],
  ])('without --strict-json, %s: the record that may be a denial fails JSON.parse, is counted damaged, and reading goes on', async (name, content) => {
    const scan = await scanSource(source(file(`lexical-${name}`, content)), DEFAULT_LIMITS);
    expect(scan).toMatchObject({ error: null, records: 399, damagedRecords: 1 });
    expect(scan.recordIssues).toEqual([expect.stringMatching(/^a record is not valid JSON/)]);
  });

  it('without --strict-json, grammar damage inside a record without "errorCode" is not seen: it counts as a record without an error', async () => {
    const content = whole.replace('"eventID":"id-301","errorCode":"X"', '"eventID":"id-301" "e":"X"');
    const scan = await scanSource(source(file('lexical-unparsed.json', content)), DEFAULT_LIMITS);
    expect(scan).toMatchObject({ error: null, records: 400, damagedRecords: 0, noError: 1 });
    expect((await scanSource(source(file('lexical-unparsed.json', content)), STRICT)).error).toMatch(/inside record 301/);
  });

  it('reads past a broken JSON Lines line, counting it as one damaged record', async () => {
    const content = [record(1), record(2), '{"eventID": broken', record(3)].join('\n');
    const fast = await scanSource(source(file('broken-line.jsonl', content)), DEFAULT_LIMITS);
    expect(fast).toMatchObject({ records: 3, damagedRecords: 1, error: null });
    expect(fast.recordIssues[0]).toMatch(/^a line is not valid JSON/);
  });
});

describe('files that go wrong under the reader', () => {
  it('a byte flipped inside the compressed data: damaged, the records decompressed before it kept', async () => {
    const records = Array.from({ length: 3000 }, (_, i) => `{"eventVersion":"1.09","eventID":"f-${i}","n":"${(i * 7919).toString(36)}"}`);
    const gz = gzipSync(`{"Records":[${records.join(',')}]}`);
    gz[Math.floor(gz.length * 0.7)] ^= 0xff;
    const path = file('flipped.json.gz', gz);
    const scan = await scanSource(source(path), DEFAULT_LIMITS);
    expect(scan.error).toMatch(/gzip|unexpected|expected|truncated|ends/);
    expect(scan.records).toBeGreaterThan(0);
    expect(scan.records).toBeLessThan(3000);
  });

  it('a file that disappears between discovery and reading', async () => {
    const gone: LogSource = { path: join(tmp, 'gone.json.gz'), size: 1234, key: null };
    for (const fastPath of [true, false]) {
      const scan = await scanSource(gone, { ...DEFAULT_LIMITS, fastPath });
      expect(scan).toMatchObject({ records: 0, error: 'file disappeared before it could be read' });
    }
  });
});

describe('gzip bombs', () => {
  it('refuses a file that expands past the limit, counted as a damaged file', async () => {
    const path = file(
      'bomb.json.gz',
      gzipSync(Buffer.concat([Buffer.from('{"Records":[{"eventID":"a","pad":"'), Buffer.alloc(64 * 1024 * 1024, 0x61), Buffer.from('"}]}')])),
    );
    for (const fastPath of [true, false]) {
      const scan = await scanSource(source(path), { ...DEFAULT_LIMITS, fastPath });
      expect(scan.error).toMatch(/gzip expands more than 250×/);
      expect(scan.records).toBe(0);
    }
  });
  it('reads the same file when the limit allows it', async () => {
    const path = file('big-ratio.json.gz', gzipSync(`{"Records":[{"eventID":"a","pad":"${'a'.repeat(1_000_000)}"}]}`));
    const scan = await scanSource(source(path), { ...DEFAULT_LIMITS, maxExpansion: 2000 });
    expect(scan).toMatchObject({ error: null, records: 1, noError: 1 });
  });
});

describe('a record larger than 64 MiB', () => {
  it('a 200 MB string field: the record is skipped unread and counted damaged, the records after it are read, memory stays bounded', async () => {
    const rec = (i: number, error = '') =>
      `{"eventVersion":"1.09","eventTime":"2026-11-20T10:00:00Z","eventID":"id-${i}","eventSource":"s3.amazonaws.com","eventName":"GetObject"${error}}`;
    const denied = (i: number) => rec(i, ',"errorCode":"AccessDenied","errorMessage":"Access Denied"');
    const path = file('huge-field.json.gz', await gzipWithHugeField(`{"Records":[${denied(1)},{"eventID":"huge","blob":"`, `"},${denied(2)},${rec(3)}]}`));

    const before = process.memoryUsage().rss;
    let peak = before;
    const sample = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 5);
    const scan = await scanSource(source(path), DEFAULT_LIMITS);
    clearInterval(sample);
    peak = Math.max(peak, process.memoryUsage().rss);

    expect(scan).toMatchObject({ error: null, records: 3, noError: 1, damagedRecords: 1, recordIssues: ['record larger than 64 MiB skipped'] });
    expect(scan.entries.map((e) => (e.kind === 'denial' ? e.denial.eventId : e.kind))).toEqual(['id-1', 'id-2']);
    expect(scan.bytes).toBeGreaterThan(200 * 1024 * 1024);
    // Holding the field would take 200 MB; what is held is at most the 64 MiB before it proves too
    // long, plus gunzip's chunks not yet collected (~110 MB measured).
    expect(peak - before).toBeLessThan(150 * 1024 * 1024);
  }, 30_000);
});
