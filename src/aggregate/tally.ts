import type { Counted } from '../types.js';

/** Occurrences per key; the mutable form of a `Counted[]` list. */
export type Tally = Map<string, number>;

export function bump(tally: Tally, key: string, n = 1): void {
  tally.set(key, (tally.get(key) ?? 0) + n);
}

/** What one denial adds to a tally: one key, several, or none (no array made for the usual one). */
export type TallyKeys = string | readonly string[] | null;

function byCountThenKey(a: Counted, b: Counted): number {
  return b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

function byKey(a: Counted, b: Counted): number {
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/** Most frequent first, ties broken by key: the order every report shows. */
export function toCounted(tally: Tally): Counted[] {
  return [...tally].map(([key, count]) => ({ key, count })).sort(byCountThenKey);
}

/** Key order, for time lines. */
export function toCountedByKey(tally: Tally): Counted[] {
  return [...tally].map(([key, count]) => ({ key, count })).sort(byKey);
}
