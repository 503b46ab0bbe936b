// Each group carries its denials per day, so a report can draw the timeline of any set of groups: the
// groups' timelines add up to the Summary's, also once groups were folded and when states are merged.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dayOf } from '../../src/aggregate/day.js';
import { Folder, NO_FILTER, mergeStates, toSummary } from '../../src/aggregate/index.js';
import type { Counted, Denial, FileScan, Summary } from '../../src/types.js';
import { denial } from '../helpers/denial.js';

const meta = { title: 't', version: '0.0.0', filter: NO_FILTER };

function scan(path: string, denials: Denial[]): FileScan {
  return {
    path,
    bytes: 1,
    records: denials.length,
    noError: 0,
    damagedRecords: 0,
    recordIssues: [],
    entries: denials.map((d) => ({ kind: 'denial', denial: d })),
    error: null,
  };
}

/** n denials over 9 days and a bad time, from `principals` principals, two actions. */
function denials(n: number, principals: number, from = 0): Denial[] {
  return Array.from({ length: n }, (_, i) =>
    denial({
      eventId: `e-${from + i}`,
      eventTime: i % 17 === 0 ? 'yesterday' : `2026-11-${String(10 + ((i * 7) % 9)).padStart(2, '0')}T0${i % 10}:00:00Z`,
      principal: `arn:aws:iam::111122223333:user/u${(i * 13) % principals}`,
      action: i % 3 === 0 ? 's3:PutObject' : 's3:GetObject',
    }),
  );
}

function summed(s: Summary): Counted[] {
  const by = new Map<string, number>();
  for (const g of s.groups) for (const d of g.timeline ?? []) by.set(d.key, (by.get(d.key) ?? 0) + d.count);
  return [...by].map(([key, count]) => ({ key, count })).sort((a, b) => (a.key < b.key ? -1 : 1));
}

describe('group timelines', () => {
  it('count each group’s denials per day, by day, with bad times under unknown', () => {
    const f = new Folder(NO_FILTER);
    f.add(
      scan('a', [
        denial({ eventId: '1', eventTime: '2026-11-17T10:00:00Z' }),
        denial({ eventId: '2', eventTime: '2026-11-16T23:59:59Z' }),
        denial({ eventId: '3', eventTime: '2026-11-17T00:00:00Z' }),
        denial({ eventId: '4', eventTime: '' }),
      ]),
    );
    const [g] = toSummary(f.state, meta).groups;
    expect(g.timeline).toEqual([
      { key: '2026-11-16', count: 1 },
      { key: '2026-11-17', count: 2 },
      { key: 'unknown', count: 1 },
    ]);
  });

  it('a one-denial group has a one-day timeline', () => {
    const f = new Folder(NO_FILTER);
    f.add(scan('a', [denial({ eventTime: '2026-11-20T08:00:00Z' })]));
    expect(toSummary(f.state, meta).groups[0].timeline).toEqual([{ key: '2026-11-20', count: 1 }]);
  });

  it('add up to the Summary timeline, with and without folding, and across merged states', () => {
    for (const groupCap of [1000, 5]) {
      const f = new Folder(NO_FILTER, undefined, { groupCap });
      f.add(scan('a', denials(400, 40)));
      const s = toSummary(f.state, meta);
      if (groupCap === 5) expect(s.groupFold).toBeDefined();
      expect(summed(s)).toEqual(s.timeline);
      for (const g of s.groups) expect((g.timeline ?? []).reduce((n, d) => n + d.count, 0)).toBe(g.count);
    }
    const a = new Folder(NO_FILTER);
    const b = new Folder(NO_FILTER);
    a.add(scan('a', denials(150, 12)));
    b.add(scan('b', denials(150, 12, 150)));
    const merged = toSummary(mergeStates(a.state, b.state), meta);
    expect(merged.totals.denials).toBe(300);
    expect(summed(merged)).toEqual(merged.timeline);
  });
});

describe('dayOf', () => {
  it('is the YYYY-MM-DD a time starts with, else unknown, as the pattern /^\\d{4}-\\d{2}-\\d{2}/ says', () => {
    const byPattern = (t: string) => (/^\d{4}-\d{2}-\d{2}/.test(t) ? t.slice(0, 10) : 'unknown');
    for (const t of ['2026-11-20T10:00:00Z', '2026-11-20', '2026-1-20T10:00:00Z', '', 'yesterday', '20261120', '2026-11-2', '٢٠٢٦-11-20', '2026-11-20\u0000'])
      expect(dayOf(t), t).toBe(byPattern(t));
    fc.assert(
      fc.property(
        fc.stringMatching(/^[0-9-]{0,12}[T:Z0-9]{0,4}$/),
        fc.string(),
        (a, b) => dayOf(a) === byPattern(a) && dayOf(b) === byPattern(b) && dayOf(a) === byPattern(a),
      ),
    );
  });
});
