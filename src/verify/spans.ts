// The hours the hourly digests of each account and region cover, merged into disjoint segments, for
// telling a log file no digest names in a digested hour (added) from one in hours no digest covers.
import type { DigestInput } from './inputs.js';

export interface Segment {
  start: number;
  end: number;
  trail: string;
  homeRegion: string;
  first: string; // digestStartTime of the first digest merged in
  last: string;
}

/** By '<account> <region>': sorted, disjoint segments, each widened by `slack` on both sides. */
export function hourlySpans(digests: readonly DigestInput[], slack: number): Map<string, Segment[]> {
  const spans = new Map<string, Segment[]>();
  for (const d of digests) {
    const g = d.entry.digest;
    if (!g) continue;
    const start = Date.parse(g.digestStartTime);
    const end = Date.parse(g.digestEndTime);
    if (Number.isNaN(start) || Number.isNaN(end)) continue;
    const area = `${d.key.account} ${d.key.region}`;
    const list = spans.get(area) ?? [];
    list.push({ start: start - slack, end: end + slack, trail: d.key.trail, homeRegion: d.key.homeRegion, first: g.digestStartTime, last: g.digestEndTime });
    spans.set(area, list);
  }
  for (const [area, list] of spans) {
    list.sort((a, b) => a.start - b.start);
    const merged: Segment[] = [];
    for (const s of list) {
      const top = merged.at(-1);
      if (top && s.start <= top.end) {
        if (s.end > top.end) [top.end, top.last] = [s.end, s.last];
      } else merged.push({ ...s });
    }
    spans.set(area, merged);
  }
  return spans;
}

/** The segment overlapping [from, to], by binary search over disjoint sorted segments. */
export function covering(list: readonly Segment[], from: number, to: number): Segment | undefined {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = list[mid];
    if (s.end < from) lo = mid + 1;
    else if (s.start > to) hi = mid - 1;
    else return s;
  }
  return undefined;
}
