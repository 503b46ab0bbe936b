// Denials per minute for a timeline whose bucket fits the span (minutes for a 19-minute incident, days
// for a month), in bounded memory: past 2 × MAX_KEYS distinct keys the resolution coarsens (minute →
// hour → day → 30 days), so times spread over years, or made up by whoever wrote the log, take little
// memory. Coarsening depends only on the distinct keys met, not their order: the same at any concurrency.
//
//   const t = new TimeBuckets();
//   t.add('2026-11-19T10:42:07Z', 1);
//   t.fitted();   // { minutes: 1, buckets: [{ key: '2026-11-19T10:42Z', count: 1 }], untimed: 0 }
import type { Counted, DenialRun, TimelineBuckets } from '../types.js';
import { placedOf } from './activity.js';
import { timeOf } from './time-of.js';

/** The resolutions kept, in minutes. */
const LEVELS = [1, 60, 1440, 43_200] as const;
export const MAX_KEYS = 50_000;
/** At most this many bars: the smallest bucket that fits the span in as many. */
export const MAX_BUCKETS = 40;
/** Bucket sizes offered, in minutes (a week starts on Monday, as ISO weeks do). */
const SIZES = [1, 5, 10, 15, 30, 60, 180, 360, 720, 1440, 10_080, 43_200] as const;
const MINUTE = 60_000;
const DAY = 1440;
/** 1970-01-05, a Monday, in minutes: weeks are counted from it. */
const MONDAY = 4 * DAY;

const originOf = (size: number): number => (size === 10_080 ? MONDAY : 0);
const bucketOf = (minute: number, size: number): number => {
  const o = originOf(size);
  return Math.floor((minute - o) / size) * size + o;
};

export function bucketKey(minute: number): string {
  return `${new Date(minute * MINUTE).toISOString().slice(0, 16)}Z`;
}

export class TimeBuckets {
  level = 0; // index in LEVELS
  readonly counts = new Map<number, number>(); // bucket start (minutes since the epoch) → denials
  untimed = 0;

  /**
   * A denial at `eventTime`, or with `run` the run.count denials of an aggregated query-results row:
   * those whose times are known are placed (activity.ts placedOf); the query groups rows by day, so
   * when some of a row's times are not known, the timeline is daily (the row's day holds them all).
   */
  add(eventTime: string, run?: DenialRun, ms = timeOf(eventTime)): void {
    if (run === undefined || run.count === 1) return this.putAt(ms, 1);
    const placed = placedOf(eventTime, run);
    const rest = run.count - placed.reduce((n, p) => n + p.n, 0);
    if (rest > 0) {
      this.coarsen(2);
      this.put(eventTime, rest);
    }
    for (const p of placed) this.put(p.time, p.n);
  }

  private put(time: string, n: number): void {
    this.putAt(timeOf(time), n);
  }

  private putAt(ms: number, n: number): void {
    if (Number.isNaN(ms)) {
      this.untimed += n;
      return;
    }
    const key = bucketOf(Math.floor(ms / MINUTE), LEVELS[this.level]);
    this.counts.set(key, (this.counts.get(key) ?? 0) + n);
    if (this.counts.size > 2 * MAX_KEYS) this.coarsen(this.level + 1);
  }

  merge(other: TimeBuckets): void {
    if (other.level > this.level) this.coarsen(other.level);
    const size = LEVELS[this.level];
    for (const [k, n] of other.counts) {
      const key = bucketOf(k, size);
      this.counts.set(key, (this.counts.get(key) ?? 0) + n);
    }
    this.untimed += other.untimed;
    if (this.counts.size > 2 * MAX_KEYS) this.coarsen(this.level + 1);
  }

  private coarsen(level: number): void {
    while (this.level < Math.min(level, LEVELS.length - 1) || (this.counts.size > 2 * MAX_KEYS && this.level < LEVELS.length - 1)) {
      this.level++;
      const size = LEVELS[this.level];
      const old = [...this.counts];
      this.counts.clear();
      for (const [k, n] of old) {
        const key = bucketOf(k, size);
        this.counts.set(key, (this.counts.get(key) ?? 0) + n);
      }
    }
  }

  /** Every bucket from the first to the last denial, in the smallest size that needs at most MAX_BUCKETS. */
  fitted(): TimelineBuckets {
    const keys = [...this.counts.keys()].sort((a, b) => a - b);
    if (keys.length === 0) return { minutes: LEVELS[this.level], buckets: [], untimed: this.untimed };
    const first = keys[0];
    const last = keys[keys.length - 1] + LEVELS[this.level]; // the end of the last key's span
    const resolution = LEVELS[this.level];
    const fits = (size: number) => (bucketOf(last - 1, size) - bucketOf(first, size)) / size + 1 <= MAX_BUCKETS;
    const offered = SIZES.filter((s) => s >= resolution && s % resolution === 0 && (resolution < DAY || originOf(s) % resolution === 0));
    let size = offered.find(fits);
    // a span of years: whole multiples of the largest size
    for (let k = 2; size === undefined; k++) if (fits(43_200 * k)) size = 43_200 * k;
    const byBucket = new Map<number, number>();
    for (const [k, n] of this.counts) {
      const b = bucketOf(k, size);
      byBucket.set(b, (byBucket.get(b) ?? 0) + n);
    }
    const buckets: Counted[] = [];
    for (let b = bucketOf(first, size); b < last; b += size) buckets.push({ key: bucketKey(b), count: byBucket.get(b) ?? 0 });
    return { minutes: size, buckets, untimed: this.untimed };
  }
}
