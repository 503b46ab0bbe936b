// Log files no digest names. Inside the hours some digest of the same account and region covers,
// CloudTrail would have listed them: a failure (added, or renamed into place). Outside every digest's
// hours (validation off, or digests not copied) they are a notice.
import type { DigestInput, LocalLog } from './inputs.js';
import type { Tally } from './tally.js';

const SLACK = 60_000; // file names carry the delivery minute, digests the second
const DAY = 86_400_000;
const NOTICES_PER_ROW = 100; // counts stay exact; the listed notices stop here

interface Segment {
  start: number;
  end: number;
  trail: string;
  homeRegion: string;
  first: string; // digestStartTime of the first digest merged in
  last: string;
}

function segments(digests: readonly DigestInput[]): Map<string, Segment[]> {
  const spans = new Map<string, Segment[]>();
  for (const d of digests) {
    const g = d.entry.digest;
    if (!g) continue;
    const start = Date.parse(g.digestStartTime);
    const end = Date.parse(g.digestEndTime);
    if (Number.isNaN(start) || Number.isNaN(end)) continue;
    const area = `${d.key.account} ${d.key.region}`;
    const list = spans.get(area) ?? [];
    list.push({ start: start - SLACK, end: end + SLACK, trail: d.key.trail, homeRegion: d.key.homeRegion, first: g.digestStartTime, last: g.digestEndTime });
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
function covering(list: readonly Segment[], from: number, to: number): Segment | undefined {
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

export interface CoverageContext {
  tally: Tally;
  listed: ReadonlySet<string>;
  window: { since: number | null; until: number | null };
}

export function checkCoverage(digests: readonly DigestInput[], logs: readonly LocalLog[], ctx: CoverageContext): void {
  const { tally } = ctx;
  const spans = segments(digests);
  const uncoveredListed = new Map<string, number>();
  for (const log of logs) {
    if (ctx.listed.has(log.path) || log.account === null || log.region === null) continue;
    const at = log.deliveredAt === null ? Number.NaN : Date.parse(log.deliveredAt);
    const day = log.date === null ? Number.NaN : Date.parse(`${log.date}T00:00:00Z`);
    const [from, to] = Number.isNaN(at) ? [day, day + DAY - 1] : [at, at + SLACK - 1];
    if (Number.isNaN(from)) continue;
    const seg = covering(spans.get(`${log.account} ${log.region}`) ?? [], from, to);
    if (seg) {
      const row = tally.row({ account: log.account, region: log.region, trail: seg.trail, homeRegion: seg.homeRegion });
      tally.find(row, 'logsUnlisted', {
        kind: 'log-unlisted',
        file: log.path,
        digest: null,
        detail: `delivered ${log.deliveredAt ?? log.date}, within digested hours ${seg.first} → ${seg.last}, yet named by no digest`,
      });
      continue;
    }
    const { since, until } = ctx.window;
    if ((since !== null && to < since) || (until !== null && from > until)) continue; // slack the discovery kept
    const row = tally.row({ account: log.account, region: log.region, trail: null, homeRegion: null });
    const shown = uncoveredListed.get(row.key) ?? 0;
    uncoveredListed.set(row.key, shown + 1);
    if (shown >= NOTICES_PER_ROW) {
      tally.count(row, 'logsUncovered');
      continue;
    }
    tally.find(row, 'logsUncovered', {
      kind: 'log-uncovered',
      file: log.path,
      digest: null,
      detail: `delivered ${log.deliveredAt ?? log.date}: no digest in the input covers that hour`,
    });
  }
}
