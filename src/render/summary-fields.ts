// The order summary.json writes the Summary in, declared once per type (field-order.ts). The optional
// sections (changes, suppression, redaction, integrity) are in summary-sections.ts.
import type { FileAccounting, Group, GroupFold, ListCut, QueryResultsInput, ReadIssue, RecordAccounting, Summary } from '../types.js';
import { copy, ifAny, ifPresent, list, orDefault, record, type Write } from './field-order.js';
import { GROUP_CAUSE, POLICIES } from './summary-json-causes.js';
import { FINDING, FINDINGS_REPORT, SOURCE_ROWS, TIMELINE_BUCKETS } from './summary-json-findings.js';
import { CHANGES, COUNTED, INTEGRITY, REDACTION, SUPPRESSION } from './summary-sections.js';

// Only for lists cut to their most frequent values: a summary of exact lists has no cuts key.
const CUTS = ifAny(list(record<ListCut>({ list: copy, kept: copy, maxError: copy })));

const GROUP = record<Group>({
  key: copy,
  principal: copy,
  principalType: copy,
  action: copy,
  policyType: copy,
  denyKind: copy,
  count: copy,
  firstSeen: copy,
  lastSeen: copy,
  categories: COUNTED,
  errorCodes: COUNTED,
  accounts: COUNTED,
  regions: COUNTED,
  resources: COUNTED,
  sourceIps: COUNTED,
  userAgents: COUNTED,
  sessionNames: COUNTED,
  policyArns: COUNTED,
  hints: COUNTED,
  // denials per day (aggregate/day.ts), for the HTML explorer's timeline; absent in older summaries
  timeline: ifPresent(COUNTED),
  sampleEventIds: copy,
  cuts: CUTS,
  // a row of folded groups only (aggregate/group-fold.ts)
  folded: ifPresent(record<NonNullable<Group['folded']>>({ principals: copy, actions: ifPresent(copy) })),
  // only with --policies: a report without them has no cause key
  cause: ifPresent(GROUP_CAUSE),
});

const FILES = record<FileAccounting>({
  found: copy,
  read: copy,
  pruned: copy,
  skipped: copy,
  damaged: copy,
  skippedByReason: COUNTED,
  skippedFiles: list(record<FileAccounting['skippedFiles'][number]>({ path: copy, reason: copy })),
});

const TOTALS = record<RecordAccounting>({
  records: copy,
  denials: copy,
  suppressed: orDefault(0), // a summary written before suppression existed
  otherErrors: copy,
  noError: copy,
  excludedByFilter: copy,
  duplicates: copy,
  damagedRecords: copy,
});

const ISSUE = record<ReadIssue>({ path: copy, kind: copy, reason: copy, recordsKept: copy });

const QUERY_RESULTS = record<QueryResultsInput>({ files: copy, rows: copy, aggregatedRows: copy, records: copy, scannedRecords: copy });

/** The whole Summary, as summary.json holds it. */
export const SUMMARY: Write = record<Summary>({
  schemaVersion: copy,
  tool: record<Summary['tool']>({ name: copy, version: copy }),
  title: copy,
  window: record<Summary['window']>({ since: copy, until: copy, label: orDefault(null), firstDenial: copy, lastDenial: copy }),
  filters: record<Summary['filters']>({ accounts: copy, regions: copy, principals: copy, actions: copy }),
  files: FILES,
  totals: TOTALS,
  issues: list(ISSUE),
  byPolicyType: COUNTED,
  byDenyKind: COUNTED,
  byCategory: COUNTED,
  byErrorCode: COUNTED,
  byPrincipal: COUNTED,
  byAction: COUNTED,
  byService: COUNTED,
  byAccount: COUNTED,
  byRegion: COUNTED,
  byHint: COUNTED,
  timeline: COUNTED,
  otherErrorCodes: COUNTED,
  unrecognizedMessages: COUNTED,
  cuts: CUTS,
  // only when groups were folded (aggregate/group-fold.ts): a normal summary has no such key
  groupFold: ifPresent(record<GroupFold>({ kept: copy, folded: copy, maxError: copy })),
  groups: list(GROUP),
  suppression: SUPPRESSION,
  changes: CHANGES,
  redaction: REDACTION,
  // only with report --verify: without it summary.json has no integrity key at all
  integrity: ifPresent(INTEGRITY),
  // only when query results were read (report results.csv): a report of logs has no such key
  queryResults: ifPresent(QUERY_RESULTS),
  // only with --policies: without them summary.json has no policies key
  policies: ifPresent(POLICIES),
  // findings, the report-wide source tables and the fitted timeline (absent from older summaries)
  findings: ifPresent(list(FINDING)),
  findingsReport: ifPresent(FINDINGS_REPORT),
  bySourceIp: ifPresent(SOURCE_ROWS),
  byUserAgent: ifPresent(SOURCE_ROWS),
  timelineBuckets: ifPresent(TIMELINE_BUCKETS),
});
