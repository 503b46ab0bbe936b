/*
 * The view-model: everything report.html.hbs and report.md.hbs (and any `--templates <dir>` override)
 * can use. Templates are compiled in handlebars strict mode, so a misspelt field throws instead of
 * printing nothing; every field below is always present (null where there is no value).
 *
 * Helpers: {{num n}} formats a count with thousands separators; {{md s}} escapes text for a Markdown
 * table cell or line (Markdown templates are compiled with HTML escaping off, so every value from a
 * log must go through {{md}}); {{mdCode s}} wraps text in a code span that cannot be broken out of.
 * In HTML templates handlebars escapes every {{value}}; never use {{{triple}}} on these fields.
 *
 * Fields (CutList = { items, total, more, empty }: the head of a list cut at --top; `more` left out):
 *   title, heading (title — window label), tool {name, version}, generatedAt (string|null, only when asked), hasDenials,
 *   noLogRead (no log file was read: the report says nothing about refused requests; see Input accounting)
 *   window {since, until, label, firstDenial, lastDenial, requested, seen}   (requested/seen: one-line text; label: '2026-W47' or null)
 *   redaction {keyId} | null — identifiers are pseudonyms
 *   changes: null (no baseline) | {since (baseline label or window), baselineTitle, baselineWindow, threshold (text),
 *     denials {before, after, delta}, newGroups, goneGroups, rose, fell: CutList<ChangeRow>, unchanged, nothing}
 *     ChangeRow {key, principal, principalName, action, policyType, policyTypeLabel, policyTypeClass, denyKind,
 *     denyKindClass, before, after, delta ('+3'), pct ('+150%', 'new', 'gone')}
 *   suppression: null (no rules file) | {source, asOf, suppressed, active, expired, stale, rules: CutList<SuppressionRuleRow>}
 *     SuppressionRuleRow {number, match: [{field, glob}], matchText, reason, expires (string|null), status,
 *     statusText, statusClass, count, principals, actions: InlineList}
 *   integrity: null (no --verify) | {ok, signaturesChecked, inputs (one line), digestsPruned,
 *     rows: IntegrityRow[], totals: IntegrityRow | null (one row only), failures, notices: CutList<IntegrityFinding>}
 *     IntegrityRow {account, region, trail, firstDigestEnd, lastDigestEnd, failed, digests, logsListed, logsValid,
 *     logsMissing, logsModified, logsOutsideWindow, logsUnlisted, logsUncovered, chainBreaks, chainRestarts,
 *     signaturesValid, signaturesInvalid, signaturesUnchecked}; IntegrityFinding {kind, label, trail, file, digest|null, detail}
 *   filters {accounts, regions, principals, actions, any, text}
 *   headline {denials, principals, actions, records, files}
 *   policyTypes: CutList<{key, label, cssClass, count, share, bar, guidance: Guidance[]}>
 *   denyKinds, categories, principals, actions, services, errorCodes, accounts, regions, hints,
 *   otherErrorCodes, unrecognizedMessages: CutList<ShareRow {key, count, share, bar}>
 *   unrecognizedMessagesCut: '' or why that list holds only the most frequent messages
 *     (shares are of all denials, except otherErrorCodes: of all other errors)
 *   groups: CutList<GroupRow> — GroupRow {rank, key, principal, principalName (ARN resource part), principalType, action, policyType,
 *     policyTypeLabel, policyTypeClass, denyKind, denyKindClass, count, share, firstSeen, lastSeen,
 *     categories, errorCodes, accounts, regions, resources, sourceIps, userAgents, sessionNames,
 *     policyArns, hints: InlineList {items: Counted[], more, approximate, bound, text}, sampleEventIds: string[],
 *     guidance: Guidance[], hasGuidance}
 *   guidanceByPolicyType: [{key, label, cssClass, guidance: Guidance[]}] (only types with guidance)
 *   extraGuidance: Guidance[] — advice shown groups get beyond their policy type's (from hints)
 *   Guidance {id, title, checks: [{text, segments: [{text, code}]}]}
 *   timeline: {empty, width, height, baseline, labelY, left, right, max, gapsFilled,
 *     bars: [{day, count, x, y, width, height, cx, labelled}], ticks: [{y, label}],
 *     rows: [{day, count, bar}]}
 *   accounting {files {found, read, pruned, skipped, damaged}, skippedByReason: CutList<Counted>,
 *     skippedFiles: CutList<{path, reason}>, issues: CutList<{path, kind, reason, recordsKept}>,
 *     records: RecordAccounting, terms: [{label, value}] (the right-hand side of the identity),
 *     balanced, damagedRecords}
 */
import type { Counted, RecordAccounting } from '../types.js';
import type { CutList, InlineList, ShareRow } from './cut-list.js';
import type { GuidanceView } from './guidance-view.js';
import type { IntegrityView } from './integrity-view.js';
import type { TimelineChart } from './timeline-chart.js';

export interface PolicyTypeRow extends ShareRow {
  label: string;
  cssClass: string;
  guidance: GuidanceView[];
}

export interface GroupRow {
  rank: number;
  key: string;
  principal: string;
  principalName: string;
  principalType: string;
  action: string;
  policyType: string;
  policyTypeLabel: string;
  policyTypeClass: string;
  denyKind: string;
  denyKindClass: string;
  count: number;
  share: string;
  firstSeen: string;
  lastSeen: string;
  categories: InlineList;
  errorCodes: InlineList;
  accounts: InlineList;
  regions: InlineList;
  resources: InlineList;
  sourceIps: InlineList;
  userAgents: InlineList;
  sessionNames: InlineList;
  policyArns: InlineList;
  hints: InlineList;
  sampleEventIds: string[];
  guidance: GuidanceView[];
  hasGuidance: boolean;
}

export interface ChangeRow {
  key: string;
  principal: string;
  principalName: string;
  action: string;
  policyType: string;
  policyTypeLabel: string;
  policyTypeClass: string;
  denyKind: string;
  denyKindClass: string;
  before: number;
  after: number;
  delta: string;
  pct: string;
}

export interface ChangesView {
  since: string;
  baselineTitle: string;
  baselineWindow: string;
  threshold: string;
  denials: { before: number; after: number; delta: string };
  newGroups: CutList<ChangeRow>;
  goneGroups: CutList<ChangeRow>;
  rose: CutList<ChangeRow>;
  fell: CutList<ChangeRow>;
  unchanged: number;
  nothing: boolean;
}

export interface SuppressionRuleRow {
  number: number;
  match: { field: string; glob: string }[];
  matchText: string;
  reason: string;
  expires: string | null;
  status: string;
  statusText: string;
  statusClass: string;
  count: number;
  principals: InlineList;
  actions: InlineList;
}

export interface SuppressionView {
  source: string;
  asOf: string;
  suppressed: number;
  active: number;
  expired: number;
  stale: number;
  rules: CutList<SuppressionRuleRow>;
}

export interface AccountingView {
  files: { found: number; read: number; pruned: number; skipped: number; damaged: number };
  skippedByReason: CutList<Counted>;
  skippedFiles: CutList<{ path: string; reason: string }>;
  issues: CutList<{ path: string; kind: string; reason: string; recordsKept: number }>;
  records: RecordAccounting;
  terms: { label: string; value: number }[];
  balanced: boolean;
  damagedRecords: number;
}

export interface ReportView {
  title: string;
  heading: string;
  tool: { name: string; version: string };
  generatedAt: string | null;
  hasDenials: boolean;
  noLogRead: boolean;
  window: {
    since: string | null;
    until: string | null;
    firstDenial: string | null;
    lastDenial: string | null;
    label: string | null;
    requested: string;
    seen: string;
  };
  filters: { accounts: string[]; regions: string[]; principals: string[]; actions: string[]; any: boolean; text: string };
  headline: { denials: number; principals: number; actions: number; records: number; files: number };
  policyTypes: CutList<PolicyTypeRow>;
  guidanceByPolicyType: { key: string; label: string; cssClass: string; guidance: GuidanceView[] }[];
  extraGuidance: GuidanceView[];
  denyKinds: CutList<ShareRow>;
  categories: CutList<ShareRow>;
  principals: CutList<ShareRow>;
  actions: CutList<ShareRow>;
  services: CutList<ShareRow>;
  errorCodes: CutList<ShareRow>;
  accounts: CutList<ShareRow>;
  regions: CutList<ShareRow>;
  hints: CutList<ShareRow>;
  groups: CutList<GroupRow>;
  timeline: TimelineChart;
  otherErrorCodes: CutList<ShareRow>;
  unrecognizedMessages: CutList<ShareRow>;
  /** '' when the list is exact; else that it holds only the most frequent messages (cutNote). */
  unrecognizedMessagesCut: string;
  accounting: AccountingView;
  redaction: { keyId: string } | null;
  changes: ChangesView | null;
  suppression: SuppressionView | null;
  integrity: IntegrityView | null;
}
