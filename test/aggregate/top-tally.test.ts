import { describe, expect, it } from 'vitest';
import { TopTally, cutsOf } from '../../src/aggregate/top-tally.js';
import { createPrng } from '../../src/samples/prng.js';

const exactCounts = (keys: string[]): Map<string, number> => {
  const m = new Map<string, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
};

/** Skewed streams: half of it ten heavy keys, the rest many that occur once or twice (an attack's source IPs). */
function stream(seed: number, length: number, distinct: number): string[] {
  const rng = createPrng(seed);
  return Array.from({ length }, () => {
    const r = rng.next();
    return r < 0.5 ? `heavy-${Math.floor(r * 20)}` : `k-${Math.floor(rng.next() * distinct)}`;
  });
}

/** What TopTally promises: counts never low, at most maxError high; a key not listed occurred at most maxError times. */
function expectBounds(t: TopTally, truth: Map<string, number>): void {
  const listed = new Map(t.toCounted().map((c) => [c.key, c.count]));
  for (const [key, n] of truth) {
    const got = listed.get(key);
    if (got === undefined) expect(n).toBeLessThanOrEqual(t.maxError);
    else {
      expect(got).toBeGreaterThanOrEqual(n);
      expect(got - n).toBeLessThanOrEqual(t.maxError);
    }
  }
}

describe('TopTally', () => {
  it('is exact, and lists every key, up to twice its cap of distinct keys', () => {
    const keys = stream(1, 5000, 180);
    const t = new TopTally(100);
    for (const k of keys) t.add(k);
    const truth = exactCounts(keys);
    expect(truth.size).toBeLessThanOrEqual(200);
    expect(t.maxError).toBe(0);
    expect(t.cut('sourceIps')).toBeNull();
    expect(t.toCounted()).toEqual([...truth].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1)));
  });

  it('keeps its cap of most frequent keys within the promised bounds beyond that, whatever the stream', () => {
    for (const seed of [2, 3, 4, 5, 6]) {
      const keys = stream(seed, 20_000, 50_000);
      const t = new TopTally(50);
      for (const k of keys) t.add(k);
      expect(t.maxError).toBeGreaterThan(0);
      expect(t.counts.size).toBeLessThanOrEqual(100);
      expect(t.toCounted()).toHaveLength(50);
      expectBounds(t, exactCounts(keys));
      // the heavy keys (each ~5% of the stream) are found, and first
      expect(
        t
          .toCounted()
          .slice(0, 10)
          .map((c) => c.key)
          .sort(),
      ).toEqual(Array.from({ length: 10 }, (_, i) => `heavy-${i}`).sort());
      expect(t.cut('sourceIps')).toEqual({ list: 'sourceIps', kept: 50, maxError: t.maxError });
    }
  });

  it('gives the same list for the same stream (the fold adds in path order)', () => {
    const keys = stream(7, 10_000, 10_000);
    const a = new TopTally(30);
    const b = new TopTally(30);
    for (const k of keys) a.add(k);
    for (const k of keys) b.add(k);
    expect(a.toCounted()).toEqual(b.toCounted());
  });

  it('merges two parts within the bounds of the whole, and exactly while both are exact', () => {
    const keys = stream(8, 16_000, 8_000);
    const [left, right] = [keys.slice(0, 9_000), keys.slice(9_000)];
    const a = new TopTally(40);
    const b = new TopTally(40);
    for (const k of left) a.add(k);
    for (const k of right) b.add(k);
    a.merge(b);
    expect(a.counts.size).toBeLessThanOrEqual(80);
    expectBounds(a, exactCounts(keys));

    const x = new TopTally(Infinity);
    const y = new TopTally(Infinity);
    for (const k of left) x.add(k);
    for (const k of right) y.add(k);
    x.merge(y);
    expect(x.maxError).toBe(0);
    expect(x.counts).toEqual(exactCounts(keys));
  });

  it('copies without sharing', () => {
    const t = new TopTally(2);
    for (const k of ['a', 'b', 'c', 'd', 'e', 'a']) t.add(k);
    const c = t.copy();
    c.add('a', 10);
    expect(c.counts.get('a')).toBe((t.counts.get('a') ?? 0) + 10);
    expect(c.maxError).toBe(t.maxError);
  });

  it('leaves the cuts key out when no list was cut', () => {
    expect(cutsOf([null, null])).toEqual({});
    expect(cutsOf([null, { list: 'userAgents', kept: 3, maxError: 1 }])).toEqual({ cuts: [{ list: 'userAgents', kept: 3, maxError: 1 }] });
  });
});
