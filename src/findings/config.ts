// What the rules file may say about findings (`"findings": { … }` beside the suppression `rules`):
// thresholds and rules turned off, accounts that are not outsiders, and findings suppressed by id or by
// rule and subject. Checked strictly where the file is read (cli/finding-rules.ts).
//
//   { "findings": {
//       "rules": { "enumeration-burst": { "denials": 25 }, "new-source-ip": { "enabled": false } },
//       "knownAccounts": ["210987654321"],
//       "suppress": [{ "id": "f-3b1c…", "reason": "red-team exercise RT-112", "expires": "2027-01-31" }] } }
import { RULES, type Rule, type RuleId } from './rules.js';

export interface RuleSettings {
  enabled?: boolean;
  thresholds?: Record<string, number>;
}

/** A finding suppressed by its id, or by its rule and/or subject (a glob: * and ?, case-insensitive). */
export interface FindingSuppression {
  number: number; // position in the rules file's findings.suppress, from 1
  id: string | null;
  rule: string | null;
  subject: string | null;
  reason: string;
  expires: string | null; // YYYY-MM-DD, the last day it applies
}

export interface FindingsConfig {
  source: string | null; // the rules file, null for the defaults
  /** The report's reference day (YYYY-MM-DD): suppress entries expiring before it do nothing. */
  asOf: string;
  rules: Partial<Record<RuleId, RuleSettings>>;
  knownAccounts: string[];
  suppress: FindingSuppression[];
}

export const DEFAULT_FINDINGS: FindingsConfig = { source: null, asOf: '9999-12-31', rules: {}, knownAccounts: [], suppress: [] };

export function isEnabled(rule: Rule, config: FindingsConfig): boolean {
  return config.rules[rule.id as RuleId]?.enabled ?? true;
}

/** The rule's thresholds: the table's defaults, with the rules file's over them. */
export function thresholdsOf(rule: Rule, config: FindingsConfig): Record<string, number> {
  const given = config.rules[rule.id as RuleId]?.thresholds ?? {};
  return Object.fromEntries(Object.entries(rule.thresholds).map(([k, t]) => [k, given[k] ?? t.value]));
}

export const RULE_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.id, r]));
