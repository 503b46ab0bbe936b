// The one loop over an archive's entries, as its three users call it: a listing (every entry, in
// order), chosen entries read whole (scanning, hashing), and damage that ends the loop.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { eachArchiveEntry, type EntryHeader } from '../../src/archive/each-entry.js';
import { readArchiveEntries, type ArchiveEntry } from '../../src/archive/read-entries.js';
import type { ArchiveFormat } from '../../src/types.js';
import { makeTar, makeZip, type ArchiveItem } from '../helpers/archive-writers.js';

const dir = mkdtempSync(join(tmpdir(), 'ctd-i14-archive-'));
const ITEMS: ArchiveItem[] = [
  { name: 'AWSLogs/' },
  { name: 'AWSLogs/a.json', content: '{"Records":[]}' },
  { name: 'AWSLogs/b.json', content: 'bbbb' },
  { name: 'AWSLogs/c.json', content: 'cccccc' },
];

async function archive(format: ArchiveFormat, items = ITEMS): Promise<string> {
  const path = join(dir, `t${Math.random().toString(36).slice(2)}.${format === 'tgz' ? 'tar.gz' : format}`);
  writeFileSync(
    path,
    format === 'zip'
      ? await makeZip(items)
      : await makeTar(
          items.map((i) => (i.content === undefined ? { ...i, type: 'directory' as const } : i)),
          format === 'tgz',
        ),
  );
  return path;
}

async function list(path: string, format: ArchiveFormat): Promise<EntryHeader[]> {
  const seen: EntryHeader[] = [];
  const damage = await eachArchiveEntry({ path, format }, null, async (e) => void seen.push(e), 250);
  expect(damage).toBeNull();
  return seen;
}

const text = async (bytes: AsyncIterable<Buffer>): Promise<string> => {
  const parts: Buffer[] = [];
  for await (const b of bytes) parts.push(b);
  return Buffer.concat(parts).toString();
};

describe.each(['zip', 'tar', 'tgz'] as const)('%s', (format) => {
  it('lists every entry in order, folders too, with kinds and sizes', async () => {
    const seen = await list(await archive(format), format);
    expect(seen.map((e) => [e.name, e.kind, e.size, e.index])).toEqual([
      ['AWSLogs/', 'directory', 0, 0],
      ['AWSLogs/a.json', 'file', 14, 1],
      ['AWSLogs/b.json', 'file', 4, 2],
      ['AWSLogs/c.json', 'file', 6, 3],
    ]);
    expect(seen.every((e) => (format === 'zip') === (e.zip !== undefined))).toBe(true);
  });

  it('reads chosen entries, in the order asked, an entry asked twice once, one not there as a failure', async () => {
    const path = await archive(format);
    const listed = await list(path, format);
    const entry = (i: number, name = listed[i].name): ArchiveEntry => ({
      path: `x!/${name}`,
      ref: { path, format, entry: name, index: listed[i].index, ...(listed[i].zip ? { zip: listed[i].zip } : {}) },
      size: listed[i].size,
    });
    let reads = 0;
    const got = await readArchiveEntries(
      [entry(3), entry(1), entry(3), entry(2, 'AWSLogs/renamed.json')],
      async (bytes) => (reads++, await text(bytes)),
      (reason) => `failed: ${reason}`,
    );
    expect(got.slice(0, 3)).toEqual(['cccccc', '{"Records":[]}', 'cccccc']);
    expect(reads).toBe(format === 'zip' ? 3 : 2);
    // a tar's entry is found by position and name: a renamed one was not met; a zip's is opened where the directory said
    if (format === 'zip') expect(got[3]).toBe('bbbb');
    else expect(got[3]).toBe('failed: entry not found in the archive (changed since it was listed?)');
  });
});

describe('damage', () => {
  it('a tar cut inside an entry: the entries before are visited, the damage names that entry', async () => {
    const path = await archive('tar', [
      { name: 'a.json', content: 'a'.repeat(600) },
      { name: 'b.json', content: 'b'.repeat(5000) },
    ]);
    const { readFileSync } = await import('node:fs');
    const whole = readFileSync(path);
    writeFileSync(path, whole.subarray(0, 512 * 4));
    const seen: string[] = [];
    const damage = await eachArchiveEntry({ path, format: 'tar' }, null, async (e) => void seen.push(e.name), 250);
    expect(seen).toEqual(['a.json', 'b.json']);
    expect(damage).toEqual({ reason: expect.stringContaining('truncated archive') as string, entry: 1 });
  });

  it('a zip without its central directory is damage outside any entry; every chosen entry fails with it', async () => {
    const path = join(dir, 'cut.zip');
    writeFileSync(path, (await makeZip(ITEMS)).subarray(0, 40));
    expect(await eachArchiveEntry({ path, format: 'zip' }, null, () => Promise.resolve(), 250)).toEqual({
      reason: expect.stringContaining('central directory') as string,
      entry: null,
    });
    const entry: ArchiveEntry = {
      path: 'cut.zip!/a',
      ref: { path, format: 'zip', entry: 'a', index: 0, zip: { offset: 0, compressedSize: 1, method: 0, flags: 0, crc32: 0 } },
      size: 1,
    };
    expect(
      await readArchiveEntries(
        [entry],
        () => Promise.resolve('read'),
        (reason) => reason,
      ),
    ).toEqual([expect.stringContaining('central directory')]);
  });

  it('the gzip-bomb bound applies to a tar.gz layer', async () => {
    const path = await archive('tgz', [{ name: 'z.json', content: Buffer.alloc(2_000_000) }]);
    const damage = await eachArchiveEntry({ path, format: 'tgz' }, null, () => Promise.resolve(), 10);
    expect(damage?.reason).toMatch(/expands more than 10×/);
  });
});
