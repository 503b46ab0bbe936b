// The timeline whose bucket fits the span (aggregate/time-buckets.ts): minutes for an incident of
// minutes, hours or days for longer, bounded memory whatever the times, the same in any order.
import { describe, expect, it } from 'vitest';
import { MAX_BUCKETS, MAX_KEYS, TimeBuckets } from '../../src/aggregate/time-buckets.js';

const at = (base: string, minutes: number) => new Date(Date.parse(base) + minutes * 60_000).toISOString();

describe('TimeBuckets', () => {
  it('gives minutes for a 19-minute incident', () => {
    const t = new TimeBuckets();
    for (let m = 0; m <= 19; m += 2) t.add(at('2026-11-19T10:42:07Z', m));
    const f = t.fitted();
    expect(f.minutes).toBe(1);
    expect(f.buckets[0]).toEqual({ key: '2026-11-19T10:42Z', count: 1 });
    expect(f.buckets).toHaveLength(19);
    expect(f.buckets[1]).toEqual({ key: '2026-11-19T10:43Z', count: 0 }); // every bucket, zeros too
    expect(f.buckets.reduce((n, b) => n + b.count, 0)).toBe(10);
  });

  it('gives 6 hours for a week and days for a month; every bucket listed, never more than MAX_BUCKETS', () => {
    const week = new TimeBuckets();
    for (let h = 0; h < 7 * 24; h += 5) week.add(at('2026-11-16T00:30:00Z', h * 60));
    expect(week.fitted().minutes).toBe(360);
    expect(week.fitted().buckets).toHaveLength(28);
    const month = new TimeBuckets();
    for (let d = 0; d < 30; d++) month.add(at('2026-11-01T12:00:00Z', d * 1440));
    expect(month.fitted().minutes).toBe(1440);
    expect(month.fitted().buckets).toHaveLength(30);
    expect(month.fitted().buckets[0].key).toBe('2026-11-01T00:00Z');
    const year = new TimeBuckets();
    for (let d = 0; d < 365; d += 3) year.add(at('2026-01-01T00:00:00Z', d * 1440));
    expect(year.fitted().buckets.length).toBeLessThanOrEqual(MAX_BUCKETS);
    expect(year.fitted().minutes).toBe(43_200);
  });

  it('starts weeks on Monday', () => {
    const t = new TimeBuckets();
    for (let d = 0; d < 120; d += 2) t.add(at('2026-09-02T08:00:00Z', d * 1440)); // a Wednesday, 4 months
    const f = t.fitted();
    expect(f.minutes).toBe(10_080);
    expect(new Date(Date.parse(f.buckets[0].key.replace('Z', ':00Z'))).getUTCDay()).toBe(1);
  });

  it('coarsens past its bound of distinct keys, the same whatever the order of the adds', () => {
    const times = Array.from({ length: 2 * MAX_KEYS + 50 }, (_, i) => at('2020-01-01T00:00:00Z', i * 7));
    const forward = new TimeBuckets();
    for (const t of times) forward.add(t);
    const backward = new TimeBuckets();
    for (const t of [...times].reverse()) backward.add(t);
    expect(forward.level).toBeGreaterThan(0);
    expect(forward.counts.size).toBeLessThanOrEqual(2 * MAX_KEYS);
    expect(backward.fitted()).toEqual(forward.fitted());
  });

  it("places an aggregated row's known times; makes the timeline daily when some of a row's are unknown; counts times it cannot read", () => {
    const known = new TimeBuckets();
    known.add('2026-11-19T10:42:07Z', { count: 2, lastTime: '2026-11-19T10:50:00Z', samples: [{ time: '2026-11-19T10:42:07Z', id: 'a' }] });
    expect(known.fitted()).toMatchObject({
      minutes: 1,
      buckets: [{ key: '2026-11-19T10:42Z', count: 1 }, ...Array(7).fill({ count: 0 }), { key: '2026-11-19T10:50Z', count: 1 }].map((b) =>
        expect.objectContaining(b),
      ),
    });
    const t = new TimeBuckets();
    t.add('2026-11-19T10:42:07Z', { count: 3, lastTime: '2026-11-19T18:00:00Z', samples: [{ time: '2026-11-19T10:42:07Z', id: 'a' }] });
    t.add('not a time');
    expect(t.fitted()).toEqual({ minutes: 1440, buckets: [{ key: '2026-11-19T00:00Z', count: 3 }], untimed: 1 });
  });

  it('merges two parts as one stream', () => {
    const a = new TimeBuckets();
    const b = new TimeBuckets();
    const whole = new TimeBuckets();
    for (let m = 0; m < 100; m++) {
      const time = at('2026-11-19T00:00:00Z', m * 13);
      (m % 2 === 0 ? a : b).add(time);
      whole.add(time);
    }
    a.merge(b);
    expect(a.fitted()).toEqual(whole.fitted());
  });
});
