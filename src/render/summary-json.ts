// summary.json with a fixed key order: the Summary is rebuilt field by field in the order types.ts
// declares, so the bytes do not depend on how (or in which worker) the object was assembled.
import type { Counted, FileAccounting, Group, ListCut, QueryResultsInput, ReadIssue, RecordAccounting, Summary } from '../types.js';
import { jsonText } from './json-text.js';
import { canonicalIntegrity } from './summary-json-integrity.js';
import { canonicalChanges, canonicalRedaction, canonicalSuppression } from './summary-json-extras.js';
import { canonicalFindingsPart } from './summary-json-findings.js';

const counted = (list: readonly Counted[]): Counted[] => list.map((c) => ({ key: c.key, count: c.count }));

function group(g: Group): Group {
  return {
    key: g.key,
    principal: g.principal,
    principalType: g.principalType,
    action: g.action,
    policyType: g.policyType,
    denyKind: g.denyKind,
    count: g.count,
    firstSeen: g.firstSeen,
    lastSeen: g.lastSeen,
    categories: counted(g.categories),
    errorCodes: counted(g.errorCodes),
    accounts: counted(g.accounts),
    regions: counted(g.regions),
    resources: counted(g.resources),
    sourceIps: counted(g.sourceIps),
    userAgents: counted(g.userAgents),
    sessionNames: counted(g.sessionNames),
    policyArns: counted(g.policyArns),
    hints: counted(g.hints),
    sampleEventIds: [...g.sampleEventIds],
    ...cuts(g.cuts),
    ...(g.folded ? { folded: g.folded.actions === undefined ? { principals: g.folded.principals } : { principals: g.folded.principals, actions: g.folded.actions } } : {}),
  };
}

// Only for lists cut to their most frequent values: a summary of exact lists has no cuts key.
const cuts = (list: readonly ListCut[] | undefined): { cuts?: ListCut[] } =>
  list && list.length > 0 ? { cuts: list.map((c) => ({ list: c.list, kept: c.kept, maxError: c.maxError })) } : {};

function files(f: FileAccounting): FileAccounting {
  return {
    found: f.found,
    read: f.read,
    pruned: f.pruned,
    skipped: f.skipped,
    damaged: f.damaged,
    skippedByReason: counted(f.skippedByReason),
    skippedFiles: f.skippedFiles.map((x) => ({ path: x.path, reason: x.reason })),
  };
}

function totals(t: RecordAccounting): RecordAccounting {
  return {
    records: t.records,
    denials: t.denials,
    suppressed: t.suppressed ?? 0,
    otherErrors: t.otherErrors,
    noError: t.noError,
    excludedByFilter: t.excludedByFilter,
    duplicates: t.duplicates,
    damagedRecords: t.damagedRecords,
  };
}

const issue = (i: ReadIssue): ReadIssue => ({ path: i.path, kind: i.kind, reason: i.reason, recordsKept: i.recordsKept });

const queryResults = (q: QueryResultsInput): QueryResultsInput => ({
  files: q.files,
  rows: q.rows,
  aggregatedRows: q.aggregatedRows,
  records: q.records,
  scannedRecords: q.scannedRecords,
});

export function canonicalSummary(s: Summary): Summary {
  return {
    schemaVersion: s.schemaVersion,
    tool: { name: s.tool.name, version: s.tool.version },
    title: s.title,
    window: { since: s.window.since, until: s.window.until, label: s.window.label ?? null, firstDenial: s.window.firstDenial, lastDenial: s.window.lastDenial },
    filters: {
      accounts: [...s.filters.accounts],
      regions: [...s.filters.regions],
      principals: [...s.filters.principals],
      actions: [...s.filters.actions],
    },
    files: files(s.files),
    totals: totals(s.totals),
    issues: s.issues.map(issue),
    byPolicyType: counted(s.byPolicyType),
    byDenyKind: counted(s.byDenyKind),
    byCategory: counted(s.byCategory),
    byErrorCode: counted(s.byErrorCode),
    byPrincipal: counted(s.byPrincipal),
    byAction: counted(s.byAction),
    byService: counted(s.byService),
    byAccount: counted(s.byAccount),
    byRegion: counted(s.byRegion),
    byHint: counted(s.byHint),
    timeline: counted(s.timeline),
    otherErrorCodes: counted(s.otherErrorCodes),
    unrecognizedMessages: counted(s.unrecognizedMessages),
    ...cuts(s.cuts),
    // Only when groups were folded (aggregate/group-fold.ts): a normal summary has no such key.
    ...(s.groupFold ? { groupFold: { kept: s.groupFold.kept, folded: s.groupFold.folded, maxError: s.groupFold.maxError } } : {}),
    groups: s.groups.map(group),
    suppression: canonicalSuppression(s.suppression),
    changes: canonicalChanges(s.changes),
    redaction: canonicalRedaction(s.redaction),
    // Only with report --verify: without it summary.json has no integrity key at all.
    ...(s.integrity ? { integrity: canonicalIntegrity(s.integrity) } : {}),
    // Only when query results were read (report results.csv): a report of logs has no such key.
    ...(s.queryResults ? { queryResults: queryResults(s.queryResults) } : {}),
    // Findings, the report-wide source tables and the fitted timeline (absent from older summaries).
    ...canonicalFindingsPart(s),
  };
}

/** 2-space indent, trailing newline; the Summary (not RenderOptions) is the whole input. */
export function renderJson(summary: Summary): string {
  return jsonText(canonicalSummary(summary), 2) + '\n';
}
