import { describe, expect, it } from 'vitest';
import { createPrng, hashString } from '../../src/samples/prng.js';
import { compactTime, isoSeconds, stableId, uuid } from '../../src/samples/ids.js';

describe('Prng', () => {
  it('repeats the same sequence for the same seed and differs for another', () => {
    const a = createPrng(42);
    const b = createPrng(42);
    const c = createPrng(43);
    const seqA = Array.from({ length: 20 }, () => a.next());
    expect(Array.from({ length: 20 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 20 }, () => c.next())).not.toEqual(seqA);
    for (const value of seqA) {
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
    }
  });

  it('keeps int() inside its inclusive bounds and reaches both ends', () => {
    const rng = createPrng(7);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i += 1) seen.add(rng.int(3, 6));
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });

  it('forks streams from the seed and label, not from how much the parent was used', () => {
    const fresh = createPrng(9).fork('files');
    const used = createPrng(9);
    used.next();
    used.next();
    expect(used.fork('files').next()).toBe(fresh.next());
    expect(createPrng(9).fork('other').next()).not.toBe(createPrng(9).fork('files').next());
  });

  it('picks by weight and never picks a zero weight', () => {
    const rng = createPrng(1);
    const picks = Array.from({ length: 500 }, () => rng.pickWeighted([{ value: 'a', weight: 0 }, { value: 'b', weight: 1 }]));
    expect(new Set(picks)).toEqual(new Set(['b']));
  });

  it('hashes strings stably (FNV-1a)', () => {
    expect(hashString('')).toBe(0x811c9dc5);
    expect(hashString('a')).toBe(0xe40c292c);
  });
});

describe('identifier shapes', () => {
  it('makes version-4 UUIDs', () => {
    const rng = createPrng(5);
    for (let i = 0; i < 50; i += 1) expect(uuid(rng)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('derives stable principal IDs from names alone', () => {
    expect(stableId('AROA', 'x')).toBe(stableId('AROA', 'x'));
    expect(stableId('AROA', 'x')).toMatch(/^AROA[A-Z2-7]{17}$/);
    expect(stableId('AROA', 'x')).not.toBe(stableId('AROA', 'y'));
  });

  it('formats times as CloudTrail does', () => {
    const ms = Date.UTC(2026, 10, 16, 9, 15, 7, 250);
    expect(isoSeconds(ms)).toBe('2026-11-16T09:15:07Z');
    expect(compactTime(ms, false)).toBe('20261116T0915Z');
    expect(compactTime(ms, true)).toBe('20261116T091507Z');
  });
});
