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
 * The fields, type by type, are in templates/README.md, made from the types below (with their
 * comments) by test/render/view-model-doc.ts; a test fails when the two differ.
 */
import type { Counted, QueryResultsInput, RecordAccounting } from '../types.js';
import type { CutList, InlineList, ShareRow } from './cut-list.js';
import type { FindingsView, SourcesView } from './findings-view.js';
import type { GuidanceView } from './guidance-view.js';
import type { IntegrityView } from './integrity-view.js';
import type { TimelineChart } from './timeline-chart.js';

export interface PolicyTypeRow extends ShareRow {
  label: string;
  cssClass: string;
  guidance: GuidanceView[];
}

export interface GroupRow {
  rank: number; // 1 for the group with the most denials
  key: string; // principal | action | policy type | deny kind
  principal: string;
  principalName: string; // the ARN's resource part ('role/ci'), or the principal when it is no ARN
  principalType: string;
  action: string;
  policyType: string;
  policyTypeLabel: string; // 'Service control policy'
  policyTypeClass: string; // a CSS class name
  denyKind: string;
  denyKindClass: string; // a CSS class name
  count: number;
  share: string; // of all denials: '12.5%'
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
  sampleEventIds: string[]; // up to 3, the earliest
  guidance: GuidanceView[]; // the checks to make next
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
  delta: string; // '+3', '-2'
  pct: string; // '+150%', 'new', 'gone'
}

export interface ChangesView {
  since: string; // the baseline's window label, or its window
  baselineTitle: string;
  baselineWindow: string;
  threshold: string; // one line: what counts as rose or fell
  denials: { before: number; after: number; delta: string };
  newGroups: CutList<ChangeRow>;
  goneGroups: CutList<ChangeRow>;
  rose: CutList<ChangeRow>;
  fell: CutList<ChangeRow>;
  unchanged: number; // groups in both, within the threshold
  nothing: boolean; // no group new, gone, rose or fell
}

export interface SuppressionRuleRow {
  number: number;
  match: { field: string; glob: string }[];
  matchText: string; // the match as one line
  reason: string;
  expires: string | null; // YYYY-MM-DD, the last day the rule applies
  status: string; // 'active', 'expired' or 'stale'
  statusText: string;
  statusClass: string; // a CSS class name
  count: number;
  principals: InlineList;
  actions: InlineList;
}

export interface SuppressionView {
  source: string; // the rules file
  asOf: string; // YYYY-MM-DD: rules that expire before it are expired
  suppressed: number; // denials the rules marked as expected
  active: number; // rules by status
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
  terms: { label: string; value: number }[]; // the right-hand side of records = denials + suppressed + …
  balanced: boolean; // the identity holds
  damagedRecords: number;
  queryResults: QueryResultsInput | null; // report results.csv: the rows read and the records they stand for
}

/** A run of a statement's text: `mark` when it is a part that met the request, `miss` when one that missed it. */
export interface TextSegment {
  text: string;
  mark: boolean;
  miss: boolean;
}

export interface CauseStatementView {
  name: string; // 'statement `DenyOutsideEU` (index 2)'
  layer: string; // the policy layer ('service-control-policy')
  layerLabel: string; // 'Service control policy (SCP)'
  policy: string; // an ARN, an SCP or RCP id, or a description
  attachedTo: string; // '' when the cause says nothing more
  text: string; // the statement as JSON (untrusted text: escape it)
  segments: TextSegment[]; // `text` with the parts that met (and missed) the request marked
  fence: string; // a Markdown code fence longer than any run of backticks in `text`
  why: string[]; // how each part met the request
}

export interface CauseRow {
  kind: string; // 'explicit-deny', 'implicit-deny', 'allowed-now', 'undetermined'
  kindLabel: string;
  kindClass: string; // a CSS class name
  count: number; // denials
  requests: number; // distinct requests
  countText: string; // '11 denials · 1 request'
  resources: string[]; // up to 5 of them
  summary: string;
  guidance: string; // '' when there is none
  disagreement: string; // '' when AWS's message and the exports agree (or the message named no policy type)
  unknown: string[]; // what the log or the inputs could not tell
  lacking: string; // implicit-deny: the layers without an Allow, as labels; else ''
  supplied: string; // the layers the inputs hold for the request, as labels ('' when none)
  missing: string; // the layers that apply and are not in the inputs, as labels ('' when none)
  statement: CauseStatementView | null;
}

export interface CauseGroupView {
  rank: number; // the group's place among all groups
  principal: string;
  principalName: string;
  action: string;
  policyTypeLabel: string; // what AWS's message said
  denyKind: string;
  said: string; // one line: what AWS's message said ('the message said: Service control policy (SCP), explicit deny'), or that it named no policy type
  count: number;
  requests: number; // distinct requests evaluated
  countText: string; // '14 denials, 2 distinct requests'
  causes: CauseRow[];
}

export interface PolicyInputView {
  path: string;
  kind: string; // 'authorization-details', 'iam-collect' or 'session-policies'
  accounts: string; // the accounts it holds, in one line
  exported: string; // 'on 2026-11-23 (file name)', 'on or after 2026-11-20 (latest date inside)', 'undated'
}

/** With --policies: what the exported policies say of each group. */
export interface CausesView {
  exportedOn: string; // 'Policies as exported on 2026-11-23' (or a range, or 'Undated policies')
  engine: string;
  simulations: number;
  maxSimulations: number;
  overCap: number; // denials left undetermined past the cap
  inputs: PolicyInputView[];
  issues: CutList<{ path: string; reason: string }>; // damaged policy documents, left out
  kinds: { kind: string; label: string; cssClass: string; count: number }[]; // denials by cause kind, all groups
  notPolicy: number; // denials no policy decided (failed sign-ins, invalid or expired credentials, account state): not evaluated, so no cause
  groups: CutList<CauseGroupView>; // the groups with causes, largest first, cut at --top
}

export interface ReportView {
  title: string;
  heading: string; // the title, and the window label when there is one: 'CloudTrail denials — 2026-W47'
  tool: { name: string; version: string };
  generatedAt: string | null; // only when asked for: reports carry no clock time by default
  hasDenials: boolean;
  noLogRead: boolean;
  window: {
    since: string | null;
    until: string | null;
    firstDenial: string | null;
    lastDenial: string | null;
    label: string | null; // '2026-W47', '2026-11-20', 'last 7d', or null
    requested: string; // one line: the window asked for ('all time' when none)
    seen: string; // one line: first to last denial ('no denials')
  };
  filters: { accounts: string[]; regions: string[]; principals: string[]; actions: string[]; any: boolean; text: string }; // text: all of them in one line
  /** files: found; principalsCut/actionsCut: the list holds only its most frequent values, so there are more than principals/actions */
  headline: { denials: number; principals: number; actions: number; principalsCut: boolean; actionsCut: boolean; records: number; files: number };
  policyTypes: CutList<PolicyTypeRow>;
  /** Only types with guidance. shown: its guides not listed under an earlier type; elsewhere: the others (the HTML page shows each guide once). */
  guidanceByPolicyType: { key: string; label: string; cssClass: string; guidance: GuidanceView[]; shown: GuidanceView[]; elsewhere: GuidanceView[] }[];
  extraGuidance: GuidanceView[]; // advice groups get beyond their policy type's (from hints), each once
  denyKinds: CutList<ShareRow>;
  categories: CutList<ShareRow>;
  principals: CutList<ShareRow>;
  /** '' when by-principal is exact; else that it holds only the most frequent principals (cutNote). */
  principalsCut: string;
  actions: CutList<ShareRow>;
  actionsCut: string;
  services: CutList<ShareRow>;
  errorCodes: CutList<ShareRow>;
  accounts: CutList<ShareRow>;
  regions: CutList<ShareRow>;
  hints: CutList<ShareRow>;
  groups: CutList<GroupRow>; // by count, cut at --top
  /** '' unless groups were folded (aggregate/group-fold.ts): what that means for the counts. */
  groupsFolded: string;
  timeline: TimelineChart;
  otherErrorCodes: CutList<ShareRow>; // errors that are not denials; shares are of all of them
  unrecognizedMessages: CutList<ShareRow>;
  /** '' when the list is exact; else that it holds only the most frequent messages (cutNote). */
  unrecognizedMessagesCut: string;
  accounting: AccountingView;
  redaction: { keyId: string } | null; // --redact: identifiers are pseudonyms
  changes: ChangesView | null; // null without a baseline
  suppression: SuppressionView | null; // null without a rules file
  integrity: IntegrityView | null; // null without --verify
  causes: CausesView | null; // null without --policies
  /**
   * The HTML page's Content-Security-Policy (for its meta tag, with {{{csp}}}: hashes and fixed words,
   * no text from a log): the HTML renderer lists the script's and the templates' style blocks' SHA-256.
   */
  csp: string;
  /** HTML only: the script and the data that make the page searchable (with {{{explore.script}}}, {{{explore.data}}}); null in Markdown, without a script or without groups. */
  explore: ExploreView | null;
  findings: FindingsView; // "Needs attention": what looks like an attack, first in every report
  sources: SourcesView; // report-wide tables of source IPs and user agents, with the principals behind each
}

export interface ExploreView {
  script: string; // the inline script, as hashed into the Content-Security-Policy
  data: string; // the page data (page-data.d.ts) as JSON (every <, > and & escaped), raw-DEFLATE compressed, in base64 (packed-data.ts)
  groups: number; // groups in the data (all of the Summary's)
}
