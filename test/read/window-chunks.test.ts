// The windowed reader must give exactly the bytes zlib.gunzipSync gives, or throw WindowFallback.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { WindowFallback, windowChunks, windowInflateWorks } from '../../src/read/window-chunks.js';
import { Gen } from '../fixtures/read/splitter/harness.js';

const tmp = mkdtempSync(join(tmpdir(), 'ctd-window-'));
let n = 0;
function file(content: Buffer): { path: string; size: number } {
  const path = join(tmp, `f${n++}`);
  writeFileSync(path, content);
  return { path, size: content.length };
}

const WINDOW = 1 << 20;
const limits = { maxExpansion: 250 };

function readAll(content: Buffer, window = Buffer.alloc(WINDOW)): { bytes: Buffer; chunks: number } {
  const f = file(content);
  const parts: Buffer[] = [];
  for (const chunk of windowChunks(f.path, f.size, window, limits)) {
    expect(chunk.buffer).toBe(window.buffer); // always the window itself, never a copy
    parts.push(Buffer.from(chunk));
  }
  return { bytes: Buffer.concat(parts), chunks: parts.length };
}

/** Text that compresses about as CloudTrail does (~10×), `size` bytes long. */
function text(size: number, seed: number): Buffer {
  const g = new Gen(seed);
  const words = ['"eventName":', '"AssumeRole"', '"arn:aws:iam::111122223333:role/x"', '{', '}', ',', '"errorCode"', '2026-11-20T10:00:00Z'];
  let s = '';
  while (s.length < size) s += g.pick(words) + g.int(100000).toString(36);
  return Buffer.from(s.slice(0, size));
}

describe('windowChunks', () => {
  it('works on this Node.js (the check of zlib internals passes)', () => {
    expect(windowInflateWorks()).toBe(true);
  });

  it.each([0, 1, 100, 70_000, WINDOW - 1, WINDOW, WINDOW + 1, 3 * WINDOW + 12345])('gzip of %i bytes: the bytes gunzipSync gives', (size) => {
    const raw = text(size, size);
    const { bytes, chunks } = readAll(gzipSync(raw));
    expect(bytes.equals(raw)).toBe(true);
    expect(chunks).toBe(Math.ceil(size / WINDOW));
  });

  it('plain files are read as they are', () => {
    for (const size of [1, 5000, WINDOW, 2 * WINDOW + 7]) {
      const raw = text(size, 7 + size);
      expect(readAll(raw).bytes.equals(raw)).toBe(true);
    }
  });

  it('several gzip members, and zero padding after the last, as gunzipSync reads them', () => {
    const a = text(300_000, 1);
    const b = text(2 * WINDOW, 2);
    const members = Buffer.concat([gzipSync(a), gzipSync(b), gzipSync(a)]);
    expect(readAll(members).bytes.equals(Buffer.concat([a, b, a]))).toBe(true);
    const padded = Buffer.concat([members, Buffer.alloc(100)]);
    expect(readAll(padded).bytes.equals(gunzipSync(padded))).toBe(true);
  });

  it('a member that ends exactly where an input piece ends still reads (or falls back, never wrong)', () => {
    // incompressible member of exactly 1 MiB compressed, then another member
    const g = new Gen(3);
    let first = gzipSync(Buffer.from(Array.from({ length: 1_048_000 }, () => g.int(256))), { level: 0 });
    first = first.subarray(0, first.length); // stored blocks: ~1 MiB + headers
    const second = gzipSync(text(1000, 4));
    const both = Buffer.concat([first, second]);
    try {
      expect(readAll(both).bytes.equals(gunzipSync(both))).toBe(true);
    } catch (err) {
      expect(err).toBeInstanceOf(WindowFallback);
    }
  });

  it.each<[string, () => Buffer]>([
    [
      'truncated',
      () => {
        const g = gzipSync(text(500_000, 9));
        return g.subarray(0, g.length >> 1);
      },
    ],
    [
      'bad CRC',
      () => {
        const g = gzipSync(text(500_000, 10));
        g[g.length - 6] ^= 1;
        return g;
      },
    ],
    [
      'byte flipped in the data',
      () => {
        const g = gzipSync(text(500_000, 11));
        g[g.length >> 1] ^= 0xff;
        return g;
      },
    ],
    ['garbage after the member', () => Buffer.concat([gzipSync(text(1000, 12)), Buffer.from('garbage')])],
    ['a gzip bomb', () => gzipSync(Buffer.alloc(4 * WINDOW, 0x61))],
  ])('%s: WindowFallback, so the careful reader takes the file', (_name, make) => {
    expect(() => readAll(make())).toThrow(WindowFallback);
  });

  it('reuses one zlib engine file after file: a failed or abandoned file leaves no state behind', () => {
    const good = [text(50_000, 20), text(10, 21), text(3 * WINDOW, 22)];
    const bad = gzipSync(text(400_000, 23));
    bad[bad.length >> 1] ^= 0xff;
    const expectGood = () => good.forEach((raw) => expect(readAll(gzipSync(raw)).bytes.equals(raw)).toBe(true));
    expectGood();
    expect(() => readAll(bad)).toThrow(WindowFallback);
    expectGood();
    // the caller stops after the first window (as on damage found by the splitter)
    const f = file(gzipSync(good[2]));
    for (const chunk of windowChunks(f.path, f.size, Buffer.alloc(WINDOW), limits)) {
      expect(chunk.length).toBe(WINDOW);
      break;
    }
    expectGood();
  });

  it('a missing file: WindowFallback', () => {
    expect(() => [...windowChunks(join(tmp, 'missing'), 10, Buffer.alloc(WINDOW), limits)]).toThrow(WindowFallback);
  });
});
