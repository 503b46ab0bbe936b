// Lists of values a caller chooses stay bounded however many denials there are, and the Summary says
// when a list holds only its most frequent values.
import { describe, expect, it } from 'vitest';
import { LIST_CAP } from '../../src/aggregate/group.js';
import { attackSummary } from '../helpers/attack-summary.js';

describe('lists of caller-chosen values', () => {
  it('keep their most frequent values, say so, and keep the lists AWS fills exact', () => {
    const n = 5 * LIST_CAP;
    const s = attackSummary(n);
    const [g] = s.groups;
    expect(g.count).toBe(n);
    expect(g.sourceIps).toHaveLength(LIST_CAP);
    expect(g.cuts?.map((c) => c.list)).toEqual(['resources', 'sourceIps', 'userAgents']);
    const cut = g.cuts!.find((c) => c.list === 'sourceIps')!;
    expect(cut).toEqual({ list: 'sourceIps', kept: LIST_CAP, maxError: expect.any(Number) });
    // the address that kept trying comes first, its count within the stated bound
    expect(g.sourceIps[0].key).toBe('203.0.113.9');
    expect(g.sourceIps[0].count).toBeGreaterThanOrEqual(n / 4);
    expect(g.sourceIps[0].count - n / 4).toBeLessThanOrEqual(cut.maxError);
    expect(g.accounts).toEqual([{ key: '111122223333', count: n }]);
    expect(s.unrecognizedMessages).toHaveLength(LIST_CAP);
    // the report-wide tables of source IPs and user agents are summed from the groups' lists: cut as they are
    expect(s.cuts).toEqual([
      { list: 'unrecognizedMessages', kept: LIST_CAP, maxError: expect.any(Number) },
      { list: 'bySourceIp', kept: LIST_CAP, maxError: cut.maxError },
      { list: 'byUserAgent', kept: LIST_CAP, maxError: expect.any(Number) },
    ]);
    expect(s.bySourceIp).toHaveLength(LIST_CAP);
    expect(s.bySourceIp![0]).toEqual({
      key: '203.0.113.9',
      count: g.sourceIps[0].count,
      principals: [{ key: g.principal, count: g.sourceIps[0].count }],
      principalCount: 1,
    });
    expect(s.totals.denials).toBe(n); // totals and breakdowns stay exact
    expect(s.byAccount).toEqual([{ key: '111122223333', count: n }]);
  });

  it('are complete, with no cuts key, up to twice the cap of distinct values', () => {
    const s = attackSummary(2 * LIST_CAP);
    expect(s.groups[0].sourceIps).toHaveLength(1.5 * LIST_CAP + 1);
    expect(s.groups[0].userAgents).toHaveLength(2 * LIST_CAP);
    expect('cuts' in s).toBe(false);
    expect('cuts' in s.groups[0]).toBe(false);
    expect(s.bySourceIp).toHaveLength(1.5 * LIST_CAP + 1);
  });
});
