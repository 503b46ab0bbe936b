// The order units of work are handed to the reading threads in (dispatchOrder). That scans come back
// in path order whatever this order is, for any concurrency, is checked end to end
// (test/guarantees, test/e2e).

import { describe, expect, it } from 'vitest';
import { dispatchOrder } from '../../src/read/pool.js';
import type { LogSource } from '../../src/types.js';

const unit = (size: number, k: number): LogSource[] => [{ path: `f${String(k).padStart(3, '0')}.json.gz`, size, key: null }];
const order = (sizes: number[], threads: number) => dispatchOrder(sizes.map(unit), threads).map((t) => t.i);

describe('dispatchOrder', () => {
  it('hands out every unit once, with its index and size', () => {
    const sizes = [5, 1, 9, 3, 3, 7, 2, 8];
    const out = dispatchOrder(sizes.map(unit), 2);
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
    const out = order(Array.from({ length: 12 }, () => 1), 4);
    expect(out).toEqual(Array.from({ length: 12 }, (_, i) => i));
  });

  it('copes with no units and with one', () => {
    expect(order([], 2)).toEqual([]);
    expect(order([7], 2)).toEqual([0]);
  });
});
