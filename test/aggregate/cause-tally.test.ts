import { describe, expect, it } from 'vitest';
import { CauseTally, causeIdentity, RESOURCES_PER_CAUSE } from '../../src/aggregate/cause-tally.js';
import { groupKey } from '../../src/aggregate/index.js';
import type { Cause, Summary } from '../../src/types.js';
import { denial } from '../helpers/denial.js';

const cause = (summary: string, over: Partial<Cause> = {}): Cause => ({
  kind: 'implicit-deny',
  summary,
  statement: null,
  lacking: ['identity-based'],
  unknown: [],
  supplied: [],
  missing: [],
  disagreement: null,
  guidance: null,
  exportedOn: null,
  ...over,
});

describe('CauseTally', () => {
  it('counts denials per group, requests by their cause object, and alike causes as one row', () => {
    const t = new CauseTally();
    const a = cause('No identity-based policy allows s3:GetObject on arn:aws:s3:::b/1');
    const b = cause('No identity-based policy allows s3:GetObject on arn:aws:s3:::b/2'); // another request, the same cause
    const explicit = cause('Statement X denies', { kind: 'explicit-deny', lacking: [] });
    t.add(denial({ resource: 'arn:aws:s3:::b/1', cause: a }));
    t.add(denial({ resource: 'arn:aws:s3:::b/1', cause: a }));
    t.add(denial({ resource: 'arn:aws:s3:::b/2', cause: b }), 3); // an aggregated query-results row of 3
    t.add(denial({ resource: 'arn:aws:s3:::b/3', cause: explicit }));
    t.add(denial({ resource: 'arn:aws:s3:::b/4' })); // no cause (no --policies for it): not counted
    const g = t.groupCause(groupKey(denial()))!;
    expect(g.requests).toBe(3);
    expect(g.kinds).toEqual([
      { key: 'implicit-deny', count: 5 },
      { key: 'explicit-deny', count: 1 },
    ]);
    expect(g.causes.map((c) => [c.count, c.requests, c.resources])).toEqual([
      [5, 2, ['arn:aws:s3:::b/1', 'arn:aws:s3:::b/2']],
      [1, 1, ['arn:aws:s3:::b/3']],
    ]);
    expect(causeIdentity(a)).toBe(causeIdentity(b));
  });

  it('keeps a few resources per cause, in the order met', () => {
    const t = new CauseTally();
    const c = cause('x');
    for (let i = 0; i < 9; i++) t.add(denial({ resource: `arn:aws:s3:::b/${i}`, cause: c }));
    expect(t.groupCause(groupKey(denial()))!.causes[0].resources).toEqual(Array.from({ length: RESOURCES_PER_CAUSE }, (_, i) => `arn:aws:s3:::b/${i}`));
  });

  it('attaches causes to their groups, not to a folded row', () => {
    const t = new CauseTally();
    t.add(denial({ cause: cause('x') }));
    const key = groupKey(denial());
    const base = {
      key,
      principal: '',
      principalType: '',
      action: '',
      policyType: 'unspecified',
      denyKind: 'unspecified',
      count: 1,
    } as unknown as Summary['groups'][number];
    const s = t.attach({ groups: [base, { ...base, folded: { principals: 3 } }] } as unknown as Summary);
    expect(s.groups[0].cause?.requests).toBe(1);
    expect(s.groups[1].cause).toBeUndefined();
  });

  it('counts denials by what their cause says', () => {
    const t = new CauseTally();
    t.add(denial({ cause: cause('a', { unknown: ['too many distinct requests: 1 were simulated'] }) }), 4);
    t.add(denial({ cause: cause('b') }));
    expect(t.count((c) => c.unknown.some((u) => u.startsWith('too many')))).toBe(4);
  });
});
