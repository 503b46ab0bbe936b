import { describe, expect, it } from 'vitest';
import { compareGroups, type Baseline } from '../../src/aggregate/index.js';
import type { Group } from '../../src/types.js';

const g = (principal: string, count: number): Baseline['groups'][number] => ({
  key: `${principal} | s3:GetObject | identity-based | implicit`,
  principal,
  action: 's3:GetObject',
  policyType: 'identity-based',
  denyKind: 'implicit',
  count,
});
const baseline = (groups: Baseline['groups']): Baseline => ({
  title: 'last week',
  window: { since: '2026-11-09T00:00:00.000Z', until: '2026-11-15T23:59:59.999Z', label: '2026-W46' },
  totals: { denials: groups.reduce((n, x) => n + x.count, 0) },
  groups,
});
const current = (groups: Baseline['groups']) => ({
  groups: groups as Group[],
  totals: {
    records: 0,
    denials: groups.reduce((n, x) => n + x.count, 0),
    suppressed: 0,
    otherErrors: 0,
    noError: 0,
    excludedByFilter: 0,
    duplicates: 0,
    damagedRecords: 0,
  },
});

describe('compareGroups', () => {
  it('sorts groups into new, gone, rose, fell and steady, with counts before and after', () => {
    const c = compareGroups(
      current([g('new', 3), g('up', 9), g('down', 1), g('same', 4), g('small', 3), g('half', 6)]),
      baseline([g('gone', 5), g('up', 3), g('down', 8), g('same', 4), g('small', 2), g('half', 4)]),
    );
    const names = (list: { principal: string; before: number; after: number }[]) => list.map((x) => `${x.principal} ${x.before}→${x.after}`);
    expect(names(c.newGroups)).toEqual(['new 0→3']);
    expect(names(c.goneGroups)).toEqual(['gone 5→0']);
    expect(names(c.rose)).toEqual(['up 3→9', 'half 4→6']); // +2 is 50 % of 4: at the threshold counts
    expect(names(c.fell)).toEqual(['down 8→1']);
    expect(c.unchanged).toBe(2); // same, and small (+1: under the minimum of 2)
    expect(c.baseline).toEqual({ title: 'last week', label: '2026-W46', since: '2026-11-09T00:00:00.000Z', until: '2026-11-15T23:59:59.999Z', denials: 26 });
    expect(c.denials).toEqual({ before: 26, after: 26 });
  });

  it('honours the threshold and breaks ties by key', () => {
    const c = compareGroups(current([g('b', 12), g('a', 12)]), baseline([g('b', 10), g('a', 10)]), { percent: 20, minimum: 2 });
    expect(c.rose.map((x) => x.principal)).toEqual(['a', 'b']);
    expect(compareGroups(current([g('a', 12)]), baseline([g('a', 10)]), { percent: 25, minimum: 2 }).unchanged).toBe(1);
  });
});
