// The order summary.json (and findings.jsonl) writes the findings, the report-wide source tables and
// the fitted timeline in (field-order.ts). A summary written before findings existed lacks them; they
// stay absent when it is re-rendered.
import type { Finding, FindingRuleReport, FindingsReport, SourceRow, SuppressedFinding, TimelineBuckets } from '../types.js';
import { copy, list, record, type Write } from './field-order.js';
import { COUNTED } from './summary-sections.js';

/** A rule's thresholds, by name: the rules file may give them in any order. */
const SORTED_KEYS: Write = (v) => Object.fromEntries(Object.entries(v as Record<string, number>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

export const FINDING = record<Finding>({
  id: copy,
  rule: copy,
  severity: copy,
  title: copy,
  subject: copy,
  subjectKind: copy,
  firstSeen: copy,
  lastSeen: copy,
  count: copy,
  technique: record<Finding['technique']>({ id: copy, name: copy, tactic: copy }),
  why: copy,
  evidence: record<Finding['evidence']>({
    principals: COUNTED,
    actions: COUNTED,
    services: COUNTED,
    sourceIps: COUNTED,
    userAgents: COUNTED,
    resources: COUNTED,
    accounts: COUNTED,
    regions: COUNTED,
    sampleEventIds: copy,
  }),
  next: copy,
});

export const FINDINGS_REPORT = record<FindingsReport>({
  rules: list(record<FindingRuleReport>({ id: copy, title: copy, severity: copy, enabled: copy, thresholds: SORTED_KEYS, findings: copy })),
  suppressed: list(record<SuppressedFinding>({ id: copy, rule: copy, title: copy, entry: copy, reason: copy })),
  suppressionNotes: list(record<FindingsReport['suppressionNotes'][number]>({ entry: copy, status: copy })),
  omitted: COUNTED,
  activityCut: (v) => (v === null || v === undefined ? null : record<NonNullable<FindingsReport['activityCut']>>({ dropped: copy, maxDenials: copy })(v)),
  unplaced: copy,
  baseline: copy,
  archiveAccounts: copy,
  organizationAccounts: copy,
});

export const SOURCE_ROWS = list(record<SourceRow>({ key: copy, count: copy, principals: COUNTED, principalCount: copy }));

export const TIMELINE_BUCKETS = record<TimelineBuckets>({ minutes: copy, buckets: COUNTED, untimed: copy });
