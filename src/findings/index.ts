// Pure: the rules of rules.ts over what aggregation kept (the groups, and the bounded activity record
// for time windows) → findings, ordered by severity then time, with what the rules file suppressed.
//
//   const { findings, report } = findFindings({ groups: summary.groups, activity: state.activity,
//     archiveAccounts: ['111122223333'], organizationAccounts: null, baseline: null, config: DEFAULT_FINDINGS });
import type { Activity } from '../aggregate/activity.js';
import { globToRegExp } from '../aggregate/record-filter.js';
import type { Counted, Finding, FindingRuleReport, FindingsReport, Group, SuppressedFinding } from '../types.js';
import { newPrincipalDrafts, newSourceIpDrafts, type BaselineNames } from './baseline.js';
import { burstDrafts } from './bursts.js';
import { isEnabled, thresholdsOf, type FindingSuppression, type FindingsConfig } from './config.js';
import { compareFindings, finish, type Draft } from './finding-parts.js';
import { outsideDrafts, rootDrafts, sensitiveDrafts } from './from-groups.js';
import { MAX_PER_RULE, RULES, type Rule } from './rules.js';

export { DEFAULT_FINDINGS, RULE_BY_ID, type FindingSuppression, type FindingsConfig, type RuleSettings } from './config.js';
export { RULES, RULE_IDS, type RuleId } from './rules.js';
export { SENSITIVE_ACTIONS, FAMILIES } from './sensitive-actions.js';
export { TECHNIQUES } from './techniques.js';
export { SOURCES } from './sources.js';
export { outsideAccount } from './from-groups.js';
export type { BaselineNames } from './baseline.js';

export interface FindingsInput {
  groups: readonly Group[];
  activity: Activity;
  /** The accounts the archive holds: its S3 layout's accounts and the accounts that received the denials. */
  archiveAccounts: readonly string[];
  /** The organization's accounts, when known (from --policies); null otherwise. */
  organizationAccounts: readonly string[] | null;
  baseline: BaselineNames | null;
  config: FindingsConfig;
}

const isExpired = (s: FindingSuppression, asOf: string): boolean => s.expires !== null && s.expires < asOf;

function matcher(s: FindingSuppression): (f: Finding) => boolean {
  const subject = s.subject === null ? null : globToRegExp(s.subject);
  return (f) => (s.id === null || s.id === f.id) && (s.rule === null || s.rule === f.rule) && (subject === null || subject.test(f.subject));
}

/** Past MAX_PER_RULE findings of one rule, those with the most denials stay (ties: the earlier). */
function capped(findings: Finding[]): { kept: Finding[]; omitted: Counted[] } {
  const byRule = new Map<string, Finding[]>();
  for (const f of findings) byRule.set(f.rule, [...(byRule.get(f.rule) ?? []), f]);
  const kept: Finding[] = [];
  const omitted: Counted[] = [];
  for (const rule of RULES) {
    const list = (byRule.get(rule.id) ?? []).sort((a, b) => b.count - a.count || compareFindings(a, b));
    kept.push(...list.slice(0, MAX_PER_RULE));
    if (list.length > MAX_PER_RULE) omitted.push({ key: rule.id, count: list.length - MAX_PER_RULE });
  }
  return { kept, omitted };
}

export function findFindings(input: FindingsInput): { findings: Finding[]; report: FindingsReport } {
  const { config } = input;
  const settings = (rule: Rule) => (isEnabled(rule, config) ? thresholdsOf(rule, config) : null);
  const on = (id: string) => settings(RULES.find((r) => r.id === id)!) !== null;
  const known = {
    archive: new Set(input.archiveAccounts),
    trusted: new Set(config.knownAccounts),
    organization: input.organizationAccounts === null ? null : new Set(input.organizationAccounts),
  };
  const drafts: Draft[] = [
    ...burstDrafts(input.activity, settings),
    ...(on('sensitive-action') ? sensitiveDrafts(input.groups) : []),
    ...(on('root-activity') ? rootDrafts(input.groups) : []),
    ...(on('outside-principal') ? outsideDrafts(input.groups, known) : []),
    ...(input.baseline !== null && on('new-principal') ? newPrincipalDrafts(input.groups, input.baseline) : []),
    ...(input.baseline !== null && on('new-source-ip') ? newSourceIpDrafts(input.groups, input.activity, input.baseline) : []),
  ];
  const all = drafts.map((d) => finish(d, input.baseline?.label ?? null));

  const live = config.suppress.filter((s) => !isExpired(s, config.asOf)).map((s) => ({ s, test: matcher(s), used: false }));
  const suppressed: SuppressedFinding[] = [];
  const raised: Finding[] = [];
  for (const f of all) {
    const hit = live.find((l) => l.test(f));
    if (hit === undefined) raised.push(f);
    else {
      hit.used = true;
      suppressed.push({ id: f.id, rule: f.rule, title: f.title, entry: hit.s.number, reason: hit.s.reason });
    }
  }
  const { kept, omitted } = capped(raised);
  const findings = kept.sort(compareFindings);
  const a = input.activity;
  const report: FindingsReport = {
    rules: RULES.map((rule): FindingRuleReport => ({
      id: rule.id,
      title: rule.title,
      severity: rule.severity,
      enabled: isEnabled(rule, config),
      thresholds: thresholdsOf(rule, config),
      findings: findings.filter((f) => f.rule === rule.id).length,
    })),
    suppressed: suppressed.sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0)),
    suppressionNotes: config.suppress.flatMap((s): FindingsReport['suppressionNotes'] => {
      if (isExpired(s, config.asOf)) return [{ entry: s.number, status: 'expired' }];
      return live.find((l) => l.s === s)?.used ? [] : [{ entry: s.number, status: 'stale' }];
    }),
    omitted,
    activityCut: a.dropped > 0 ? { dropped: a.dropped, maxDenials: a.maxDropped } : null,
    unplaced: a.unplaced,
    baseline: input.baseline?.label ?? null,
    archiveAccounts: [...known.archive].sort(),
    organizationAccounts: known.organization === null ? null : known.organization.size,
  };
  return { findings, report };
}
