// The order units of work are handed to the reading threads in (dispatchOrder), and scanAll over
// sources that come in batches while they are found: scans in path order, the same as from an array,
// for any concurrency (end to end: test/guarantees, test/e2e).

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/read/index.js';
import { dispatchOrder, scanAll, unitsOf } from '../../src/read/pool.js';
import type { FileScan, LogSource, SourceBatch } from '../../src/types.js';

const unit = (size: number, k: number): LogSource[] => [{ path: `f${String(k).padStart(3, '0')}.json.gz`, size, key: null }];
const order = (sizes: number[], threads: number) => dispatchOrder(unitsOf(sizes.map(unit)), threads).map((t) => t.i);

describe('dispatchOrder', () => {
  it('hands out every unit once, with its index and size', () => {
    const sizes = [5, 1, 9, 3, 3, 7, 2, 8];
    const out = dispatchOrder(unitsOf(sizes.map(unit)), 2);
    expect(out.map((t) => t.i).sort((a, b) => a - b)).toEqual(sizes.map((_, i) => i));
    for (const t of out) expect(t.n).toBe(sizes[t.i]);
  });

  it('starts the big units, largest first, then goes in path order, and ends on the last quarter largest first', () => {
    // 400 bytes over 2 threads: big is 1/8 of a thread's share (25) or more
    const sizes = [60, ...Array.from({ length: 28 }, () => 10), 20, 5, 35];
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(400);
    const path = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, k) => from + k);
    // the tail: units 22..30 (95 bytes; with unit 21 it would pass 100), largest first, ties in path order
    expect(order(sizes, 2)).toEqual([0, 31, ...path(1, 21), 29, ...path(22, 28), 30]);
  });

  it('keeps path order among units of one size', () => {
    const out = order(
      Array.from({ length: 12 }, () => 1),
      4,
    );
    expect(out).toEqual(Array.from({ length: 12 }, (_, i) => i));
  });

  it('keeps path order for one thread (nothing to balance, nothing read early waits to be folded)', () => {
    expect(order([100, 1, 1, 1, 50, 2], 1)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('copes with no units and with one', () => {
    expect(order([], 2)).toEqual([]);
    expect(order([7], 2)).toEqual([0]);
  });
});

describe('scanAll', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ctd-pool-'));
  const sources: LogSource[] = Array.from({ length: 150 }, (_, k) => {
    const path = join(dir, `f${String(k).padStart(3, '0')}.json`);
    // sizes vary, so that dispatchOrder reorders the last batch's units
    const records = Array.from({ length: 1 + ((k * 37) % 50) }, (_, i) => ({
      eventVersion: '1.08',
      eventID: `${k}-${i}`,
      ...(i % 7 === 0 ? { errorCode: 'AccessDenied', errorMessage: 'Access Denied' } : {}),
    }));
    const text = JSON.stringify({ Records: records });
    writeFileSync(path, text);
    return { path, size: text.length, key: null };
  });
  async function* inBatches(sizes: number[], fail = false): AsyncGenerator<SourceBatch> {
    let at = 0;
    for (const [k, n] of sizes.entries()) {
      await new Promise((resolve) => setTimeout(resolve, 5)); // finding files takes time
      if (fail && k === 1) throw new Error('discovery failed');
      yield { sources: sources.slice(at, at + n), last: k === sizes.length - 1 };
      at += n;
    }
  }
  const collect = async (input: LogSource[] | AsyncIterable<SourceBatch>, concurrency: number, maxWaiting?: number) => {
    const out: FileScan[] = [];
    for await (const scan of scanAll(input, concurrency, DEFAULT_LIMITS, undefined, maxWaiting)) out.push(scan);
    return out;
  };

  it('yields the scans of batched sources in path order, as from an array, for any concurrency', async () => {
    const expected = await collect(sources, 1);
    expect(expected.map((s) => s.path)).toEqual(sources.map((s) => s.path));
    for (const concurrency of [1, 2, 3]) {
      expect(await collect(inBatches([40, 60, 50]), concurrency)).toEqual(expected);
      expect(await collect(inBatches([70, 80, 0]), concurrency)).toEqual(expected); // an empty last batch
    }
  });

  it('gives the same scans when as many errors wait to be folded as allowed (no thread is handed more)', async () => {
    const expected = await collect(sources, 1);
    // one file a unit: the threads must stop and start again many times
    const big = sources.map((s) => ({ ...s, size: 300 * 1024 }));
    for (const concurrency of [1, 2, 3]) {
      for (const maxWaiting of [0, 1, 20]) {
        const got = await collect(big, concurrency, maxWaiting);
        expect(got.map((s) => ({ ...s, bytes: 0 }))).toEqual(expected.map((s) => ({ ...s, bytes: 0 })));
        // and while discovery is still finding files (the workers read in path order meanwhile)
        expect(await collect(inBatches([40, 60, 50]), concurrency, maxWaiting)).toEqual(expected);
      }
    }
  });

  it('passes on a failure of discovery, and closes its threads', async () => {
    await expect(collect(inBatches([40, 60, 50], true), 3)).rejects.toThrow('discovery failed');
  });
});
