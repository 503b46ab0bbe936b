// Attack: every denial with an action never seen before. The action comes from eventSource and
// eventName, text the caller writes, so one principal can make a new group per denial on its own.
// Past the cap, groups are folded into rows per action; past the cap of rows, rows are folded again
// into one per (policy type, deny kind), and by-action and by-service become cut lists.
import { describe, expect, it } from 'vitest';
import { Folder, NO_FILTER, toSummary } from '../../src/aggregate/index.js';
import type { Counted, Denial } from '../../src/types.js';
import { denial } from '../helpers/denial.js';

const CAP = 30;

function attack(n: number): Denial[] {
  return Array.from({ length: n }, (_, i) =>
    denial({
      eventId: `e-${i}`,
      principal: i % 2 === 0 ? 'arn:aws:iam::111122223333:role/probe' : `arn:aws:iam::111122223333:user/u${i % 50}`,
      action: i % 10 === 0 ? 's3:GetObject' : `svc${i % 3000}:Action${i}`,
      denyKind: i % 3 === 0 ? 'explicit' : 'implicit',
      policyType: i % 2 === 0 ? 'identity-based' : 'service-control-policy',
      account: i % 4 === 0 ? '444455556666' : '111122223333',
    }),
  );
}

function count(ds: Denial[], key: (d: Denial) => string): Map<string, number> {
  const m = new Map<string, number>();
  for (const d of ds) m.set(key(d), (m.get(key(d)) ?? 0) + 1);
  return m;
}
const asMap = (list: Counted[]) => new Map(list.map((c) => [c.key, c.count]));

describe('one group per action', () => {
  const denials = attack(8000);
  const f = new Folder(NO_FILTER, () => {}, { groupCap: CAP });
  let mostRows = 0;
  for (let i = 0; i < denials.length; i += 50) {
    f.add({
      path: `f${i}`,
      bytes: 0,
      records: 50,
      noError: 0,
      damagedRecords: 0,
      recordIssues: [],
      entries: denials.slice(i, i + 50).map((d) => ({ kind: 'denial', denial: d })),
      error: null,
    });
    mostRows = Math.max(mostRows, f.state.folds?.rows.size ?? 0);
  }
  const s = toSummary(f.state, { title: 't', version: '0', filter: NO_FILTER });

  it('attack: 8,000 denials with ~7,200 actions hold a bounded number of groups and rows', () => {
    expect(f.state.groups.size).toBeLessThanOrEqual(2 * CAP);
    expect(mostRows).toBeLessThanOrEqual(2 * CAP);
    // kept groups + rows per action + one row per (policy type, deny kind) at most
    expect(s.groups.length).toBeLessThanOrEqual(4 * CAP + 2 * 2);
    const kinds = s.groups.filter((g) => g.folded?.actions !== undefined);
    expect(kinds.length).toBeGreaterThan(0);
    for (const g of kinds) expect(g.action).toBe('(other actions)');
  });

  it('attack: totals and the breakdowns the rows keep stay exact; by-action and by-service are cut lists with upper bounds', () => {
    expect(s.totals.denials).toBe(denials.length);
    expect(s.groups.reduce((n, g) => n + g.count, 0)).toBe(denials.length);
    expect(asMap(s.byPolicyType)).toEqual(count(denials, (d) => d.policyType));
    expect(asMap(s.byDenyKind)).toEqual(count(denials, (d) => d.denyKind));
    expect(asMap(s.byAccount)).toEqual(count(denials, (d) => d.account));
    for (const [field, key] of [
      ['byAction', (d: Denial) => d.action],
      ['byService', (d: Denial) => d.action.split(':')[0]],
    ] as const) {
      const cut = s.cuts?.find((c) => c.list === field);
      expect(cut, field).toBeDefined();
      const truth = count(denials, key);
      const listed = asMap(s[field]);
      for (const [k, n] of listed) expect(n - truth.get(k)!).toBeGreaterThanOrEqual(0);
      for (const [k, n] of listed) expect(n - truth.get(k)!).toBeLessThanOrEqual(cut!.maxError);
      for (const [k, n] of truth) if (!listed.has(k)) expect(n).toBeLessThanOrEqual(cut!.maxError);
    }
    // The action refused all along stays a group of its own.
    expect(s.byAction[0]).toEqual({ key: 's3:GetObject', count: expect.any(Number) });
  });
});
