// Expected denials: rules that mark a denial as known ("the scanner role is refused s3:GetObject on
// purpose") so it is counted as suppressed instead of as a finding. The first matching rule wins.
//
//   const s = compileSuppression({ source: '.cloudtrail-denials.jsonc', asOf: '2026-11-22', rules });
//   const i = s.match(denial);   // rule index, or -1
import type { Denial, SuppressionField, SuppressionReport, SuppressionRuleReport } from '../types.js';
import { globToRegExp } from './record-filter.js';
import { bump, toCounted, type Tally } from './tally.js';

/** Fields a rule may match, in the order reports show them; each a glob (* and ?, case-insensitive). */
export const SUPPRESSION_FIELDS: readonly SuppressionField[] = ['principal', 'action', 'errorCode', 'policyType', 'account', 'region'];

export interface SuppressionRule {
  match: Partial<Record<SuppressionField, string>>; // at least one field
  reason: string;
  expires: string | null; // YYYY-MM-DD: the last day the rule applies
}

export interface SuppressionSet {
  source: string;
  /** The report's reference day (YYYY-MM-DD): the window's last day, else today. Rules expiring before it are expired. */
  asOf: string;
  rules: SuppressionRule[];
}

export interface CompiledSuppression {
  set: SuppressionSet;
  /** Index of the first live rule matching the denial, or -1. */
  match(d: Denial): number;
}

export const isExpired = (rule: SuppressionRule, asOf: string): boolean => rule.expires !== null && rule.expires < asOf;

export function compileSuppression(set: SuppressionSet): CompiledSuppression {
  const live = set.rules
    .map((rule, index) => ({
      index,
      expired: isExpired(rule, set.asOf),
      tests: SUPPRESSION_FIELDS.flatMap((f) => {
        const glob = rule.match[f];
        return glob === undefined ? [] : [{ field: f, re: globToRegExp(glob) }];
      }),
    }))
    .filter((r) => !r.expired && r.tests.length > 0);
  return {
    set,
    match: (d) => live.find((r) => r.tests.every((t) => t.re.test(d[t.field])))?.index ?? -1,
  };
}

/** What each rule suppressed: mergeable like the rest of the aggregate state. */
export interface SuppressedTally {
  count: number;
  principals: Tally;
  actions: Tally;
}

export function addSuppressed(tallies: Map<number, SuppressedTally>, rule: number, d: Denial, n = 1): void {
  const t = tallies.get(rule) ?? { count: 0, principals: new Map<string, number>(), actions: new Map<string, number>() };
  tallies.set(rule, t);
  t.count += n;
  bump(t.principals, d.principal, n);
  bump(t.actions, d.action, n);
}

export function mergeSuppressed(into: Map<number, SuppressedTally>, from: Map<number, SuppressedTally>): void {
  for (const [rule, t] of from) {
    const mine = into.get(rule) ?? { count: 0, principals: new Map<string, number>(), actions: new Map<string, number>() };
    into.set(rule, mine);
    mine.count += t.count;
    for (const [k, n] of t.principals) bump(mine.principals, k, n);
    for (const [k, n] of t.actions) bump(mine.actions, k, n);
  }
}

export function suppressionReport(set: SuppressionSet, tallies: Map<number, SuppressedTally>): SuppressionReport {
  const rules = set.rules.map((rule, index): SuppressionRuleReport => {
    const t = tallies.get(index);
    const count = t?.count ?? 0;
    return {
      number: index + 1,
      match: Object.fromEntries(SUPPRESSION_FIELDS.map((f) => [f, rule.match[f] ?? null])) as SuppressionRuleReport['match'],
      reason: rule.reason,
      expires: rule.expires,
      status: isExpired(rule, set.asOf) ? 'expired' : count === 0 ? 'stale' : 'active',
      count,
      principals: t ? toCounted(t.principals) : [],
      actions: t ? toCounted(t.actions) : [],
    };
  });
  return { source: set.source, asOf: set.asOf, rules };
}
