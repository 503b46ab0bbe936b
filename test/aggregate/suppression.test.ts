import { describe, expect, it } from 'vitest';
import { Folder, NO_FILTER, compileSuppression, mergeStates, toSummary, type SuppressionSet } from '../../src/aggregate/index.js';
import type { Denial, FileScan } from '../../src/types.js';
import { denial } from '../helpers/denial.js';

const scan = (ds: Denial[]): FileScan => ({
  path: 'x',
  bytes: 1,
  records: ds.length,
  noError: 0,
  damagedRecords: 0,
  recordIssues: [],
  error: null,
  entries: ds.map((d) => ({ kind: 'denial', denial: d })),
});
const set: SuppressionSet = {
  source: 'rules.jsonc',
  asOf: '2026-11-22',
  rules: [
    { match: { principal: '*:ROLE/scanner', action: 's3:get*' }, reason: 'scanner', expires: '2026-11-22' }, // last day: still applies
    { match: { account: '999988887777' }, reason: 'sandbox', expires: null }, // stale
    { match: { action: 'kms:*' }, reason: 'migration', expires: '2026-11-21' }, // expired
    { match: { errorCode: 'AccessDenied', region: 'eu-*' }, reason: 'eu', expires: null },
  ],
};
const denials = [
  denial({ eventId: '1', principal: 'arn:aws:iam::1:role/scanner', action: 's3:GetObject' }),
  denial({ eventId: '2', principal: 'arn:aws:iam::1:role/scanner', action: 's3:PutObject' }),
  denial({ eventId: '3', action: 'kms:Decrypt' }),
  denial({ eventId: '4', region: 'eu-west-1', action: 'kms:Decrypt' }),
  denial({ eventId: '5', principal: 'arn:aws:iam::1:role/scanner', action: 's3:GetBucketAcl', region: 'eu-west-1' }),
];
const meta = { title: 't', version: '0', filter: NO_FILTER, suppression: set };

describe('suppression', () => {
  it('matches globs case-insensitively, first rule wins, expired rules match nothing', () => {
    const s = compileSuppression(set);
    expect(denials.map((d) => s.match(d))).toEqual([0, -1, -1, 3, 0]);
  });

  it('counts suppressed denials apart from the findings, so the identity holds, and reports each rule', () => {
    const kept: string[] = [];
    const f = new Folder(NO_FILTER, (d) => kept.push(d.eventId), { suppression: compileSuppression(set) });
    f.add(scan(denials));
    const sum = toSummary(f.state, meta);
    expect(kept).toEqual(['2', '3']);
    expect(sum.totals).toMatchObject({ records: 5, denials: 2, suppressed: 3 });
    expect(sum.groups.reduce((n, g) => n + g.count, 0)).toBe(2);
    expect(sum.suppression!.rules.map((r) => [r.number, r.status, r.count])).toEqual([
      [1, 'active', 2],
      [2, 'stale', 0],
      [3, 'expired', 0],
      [4, 'active', 1],
    ]);
    expect(sum.suppression!.rules[0].actions).toEqual([
      { key: 's3:GetBucketAcl', count: 1 },
      { key: 's3:GetObject', count: 1 },
    ]);
    expect(sum.suppression!.rules[1].match).toEqual({
      principal: null,
      action: null,
      errorCode: null,
      policyType: null,
      account: '999988887777',
      region: null,
    });
  });

  it('merges per-rule counts whatever the order', () => {
    const part = (ds: Denial[]) => {
      const f = new Folder(NO_FILTER, undefined, { suppression: compileSuppression(set) });
      f.add(scan(ds));
      return f.state;
    };
    const a = part(denials.slice(0, 2));
    const b = part(denials.slice(2));
    expect(toSummary(mergeStates(a, b), meta)).toEqual(toSummary(mergeStates(b, a), meta));
    expect(toSummary(mergeStates(a, b), meta).suppression!.rules[0].count).toBe(2);
  });
});
