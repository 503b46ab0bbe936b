// Fixed key order for the Summary's optional sections (changes, suppression, redaction). A summary
// written by an older version lacks them; they come out as null, so re-rendering it still works.
import type { Changes, Counted, GroupChange, Summary, SuppressionReport } from '../types.js';

const counted = (list: readonly Counted[]): Counted[] => list.map((c) => ({ key: c.key, count: c.count }));

const groupChange = (g: GroupChange): GroupChange => ({
  key: g.key,
  principal: g.principal,
  action: g.action,
  policyType: g.policyType,
  denyKind: g.denyKind,
  before: g.before,
  after: g.after,
});

export function canonicalChanges(c: Changes | null | undefined): Changes | null {
  if (c === null || c === undefined) return null;
  const b = c.baseline;
  return {
    baseline: { title: b.title, label: b.label, since: b.since, until: b.until, denials: b.denials },
    threshold: { percent: c.threshold.percent, minimum: c.threshold.minimum },
    denials: { before: c.denials.before, after: c.denials.after },
    newGroups: c.newGroups.map(groupChange),
    goneGroups: c.goneGroups.map(groupChange),
    rose: c.rose.map(groupChange),
    fell: c.fell.map(groupChange),
    unchanged: c.unchanged,
  };
}

export function canonicalSuppression(s: SuppressionReport | null | undefined): SuppressionReport | null {
  if (s === null || s === undefined) return null;
  return {
    source: s.source,
    asOf: s.asOf,
    rules: s.rules.map((r) => ({
      number: r.number,
      match: {
        principal: r.match.principal,
        action: r.match.action,
        errorCode: r.match.errorCode,
        policyType: r.match.policyType,
        account: r.match.account,
        region: r.match.region,
      },
      reason: r.reason,
      expires: r.expires,
      status: r.status,
      count: r.count,
      principals: counted(r.principals),
      actions: counted(r.actions),
    })),
  };
}

export function canonicalRedaction(r: Summary['redaction'] | undefined): Summary['redaction'] {
  return r === null || r === undefined ? null : { keyId: r.keyId };
}
