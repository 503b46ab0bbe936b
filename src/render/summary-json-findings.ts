// Fixed key order for the Summary's findings, source tables and fitted timeline (types.ts order). A
// summary written before findings existed lacks them; they stay absent when it is re-rendered.
import type { Counted, Finding, FindingsReport, SourceRow, Summary, TimelineBuckets } from '../types.js';

const counted = (list: readonly Counted[]): Counted[] => list.map((c) => ({ key: c.key, count: c.count }));

function finding(f: Finding): Finding {
  const e = f.evidence;
  return {
    id: f.id,
    rule: f.rule,
    severity: f.severity,
    title: f.title,
    subject: f.subject,
    subjectKind: f.subjectKind,
    firstSeen: f.firstSeen,
    lastSeen: f.lastSeen,
    count: f.count,
    technique: { id: f.technique.id, name: f.technique.name, tactic: f.technique.tactic },
    why: f.why,
    evidence: {
      principals: counted(e.principals),
      actions: counted(e.actions),
      services: counted(e.services),
      sourceIps: counted(e.sourceIps),
      userAgents: counted(e.userAgents),
      resources: counted(e.resources),
      accounts: counted(e.accounts),
      regions: counted(e.regions),
      sampleEventIds: [...e.sampleEventIds],
    },
    next: [...f.next],
  };
}

export const canonicalFinding = finding;

function report(r: FindingsReport): FindingsReport {
  return {
    rules: r.rules.map((x) => ({ id: x.id, title: x.title, severity: x.severity, enabled: x.enabled, thresholds: Object.fromEntries(Object.entries(x.thresholds).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))), findings: x.findings })),
    suppressed: r.suppressed.map((x) => ({ id: x.id, rule: x.rule, title: x.title, entry: x.entry, reason: x.reason })),
    suppressionNotes: r.suppressionNotes.map((x) => ({ entry: x.entry, status: x.status })),
    omitted: counted(r.omitted),
    activityCut: r.activityCut === null ? null : { dropped: r.activityCut.dropped, maxDenials: r.activityCut.maxDenials },
    unplaced: r.unplaced,
    baseline: r.baseline,
    archiveAccounts: [...r.archiveAccounts],
    organizationAccounts: r.organizationAccounts,
  };
}

const source = (r: SourceRow): SourceRow => ({ key: r.key, count: r.count, principals: counted(r.principals), principalCount: r.principalCount });

const buckets = (t: TimelineBuckets): TimelineBuckets => ({ minutes: t.minutes, buckets: counted(t.buckets), untimed: t.untimed });

/** The findings part of summary.json, each key only when the summary has it. */
export function canonicalFindingsPart(s: Summary): Pick<Summary, 'findings' | 'findingsReport' | 'bySourceIp' | 'byUserAgent' | 'timelineBuckets'> {
  return {
    ...(s.findings ? { findings: s.findings.map(finding) } : {}),
    ...(s.findingsReport ? { findingsReport: report(s.findingsReport) } : {}),
    ...(s.bySourceIp ? { bySourceIp: s.bySourceIp.map(source) } : {}),
    ...(s.byUserAgent ? { byUserAgent: s.byUserAgent.map(source) } : {}),
    ...(s.timelineBuckets ? { timelineBuckets: buckets(s.timelineBuckets) } : {}),
  };
}
