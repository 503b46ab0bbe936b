import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { streamItems } from '../../src/read/stream-items.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/read/containers');
const tmp = mkdtempSync(join(tmpdir(), 'ctd-read-'));

async function items(path: string) {
  const seen: { value: unknown; origin: string }[] = [];
  const outcome = await streamItems(path, (value, origin) => seen.push({ value, origin }));
  return { seen, ...outcome };
}
function ids(seen: { value: unknown }[]): unknown[] {
  return seen.map((s) => {
    const v = s.value as { eventID?: string; EventId?: string } | null;
    return v?.eventID ?? v?.EventId ?? s.value;
  });
}

describe('streamItems: containers', () => {
  it.each([
    ['records-object.json', ['r1', 'r2'], 'element'],
    ['records-after-other-keys.json', ['k1', 'k2'], 'element'],
    ['top-level-array.json', ['a1', 'a2'], 'array-element'],
    ['json-lines.jsonl', ['l1', 'l2', 'l3'], 'top-level'],
    ['lookup-events.json', ['x1', 'x2'], 'event'],
    ['bom.json', ['b1'], 'element'],
  ])('%s', async (name, expected, origin) => {
    const r = await items(join(FIXTURES, name));
    expect(r.error).toBeNull();
    expect(ids(r.seen)).toEqual(expected);
    expect(r.seen.every((s) => s.origin === origin)).toBe(true);
  });

  it('delivers non-object items for the caller to count as damaged', async () => {
    const r = await items(join(FIXTURES, 'scalars-in-records.json'));
    expect(r.seen.map((s) => s.value)).toEqual([{ eventID: 's1' }, null, 'text', [1, 2], { eventID: 's2' }]);
  });

  it('reads the same records gzipped, recognised by magic bytes whatever the name', async () => {
    const plain = join(FIXTURES, 'records-object.json');
    const gz = join(tmp, 'named-plain.json');
    writeFileSync(gz, gzipSync(readFileSync(plain)));
    const r = await items(gz);
    expect(r.error).toBeNull();
    expect(ids(r.seen)).toEqual(['r1', 'r2']);
    expect(r.bytes).toBe(readFileSync(plain).length);
  });
});

describe('streamItems: damage is an outcome, never an exception', () => {
  const bytes = readFileSync(join(FIXTURES, 'records-object.json'));
  it('truncated gzip keeps the records before the cut', async () => {
    const records = Array.from({ length: 2000 }, (_, i) => ({ eventID: `t${i}`, pad: `${i}`.repeat(i % 97) }));
    const gz = gzipSync(Buffer.from(JSON.stringify({ Records: records })));
    const path = join(tmp, 'truncated.json.gz');
    writeFileSync(path, gz.subarray(0, Math.floor(gz.length * 0.6)));
    const r = await items(path);
    expect(r.error).toMatch(/gzip data ends early/);
    expect(r.seen.length).toBeGreaterThan(100);
    expect(r.seen.length).toBeLessThan(2000);
  });
  it('corrupt gzip', async () => {
    const gz = gzipSync(bytes);
    gz[gz.length - 6] ^= 0xff; // CRC
    const path = join(tmp, 'crc.json.gz');
    writeFileSync(path, gz);
    expect((await items(path)).error).toMatch(/gzip/);
  });
  it('not JSON', async () => {
    const path = join(tmp, 'text.json');
    writeFileSync(path, 'hello, world');
    expect((await items(path)).error).toMatch(/not valid JSON/);
  });
  it('JSON cut inside a record', async () => {
    const path = join(tmp, 'cut.json');
    writeFileSync(path, bytes.subarray(0, bytes.indexOf('"r2"')));
    const r = await items(path);
    expect(ids(r.seen)).toEqual(['r1']);
    expect(r.error).not.toBeNull();
  });
  it('a file that is gone or unreadable', async () => {
    expect((await items(join(tmp, 'missing.json'))).error).toMatch(/disappeared/);
    if (process.getuid?.() !== 0) {
      const path = join(tmp, 'locked.json');
      writeFileSync(path, '{}');
      chmodSync(path, 0);
      expect((await items(path)).error).toMatch(/permission denied/);
    }
  });
});
