// Summary → ReportView (see view-model.ts for the fields). All report logic lives here so the
// templates only lay out what they are given.
import type { Group, Summary } from '../types.js';
import { cut, cutNote, cutOf, inlineList, shareRows, type CutList, type ShareRow } from './cut-list.js';
import { displayStrings } from './display-text.js';
import { foldedNames, groupFoldNote } from './fold-view.js';
import { formatShare } from './format-count.js';
import { guideCatalogue, type GuideCatalogue } from './guide-catalogue.js';
import { kindFields, policyTypeClass, policyTypeLabel } from './labels.js';
import type { Guide } from './options.js';
import { findingsView, sourcesView } from './findings-view.js';
import { timelineChart } from './timeline-chart.js';
import { changesView, heading, suppressionView } from './weekly-view.js';
import { integrityView } from './integrity-view.js';
import { noLogRead } from './no-log-read.js';
import { causesView } from './cause-view.js';
import { contentSecurityPolicy } from './page-security.js';
import { principalName } from './principal-name.js';
import type { AccountingView, GroupRow, PolicyTypeRow, ReportView } from './view-model.js';

export interface ViewModelOptions {
  top: number;
  guide: Guide;
  generatedAt?: string | null;
  /** displayStrings(summary), when the caller made it already (it is not idempotent: a cut text would be cut again). */
  displayed?: Summary;
  /** guideCatalogue of the displayed groups, when the caller made it already (the page data refers to the same guides). */
  catalogue?: GuideCatalogue;
}

/** Lists inside a group's cells stay short whatever --top says: a cell is not a table. */
const INLINE_LIMIT = 5;

type GroupList = 'categories' | 'errorCodes' | 'accounts' | 'regions' | 'resources' | 'sourceIps' | 'userAgents' | 'sessionNames' | 'policyArns' | 'hints';

function groupRow(g: Group, rank: number, totalDenials: number, catalogue: GuideCatalogue): GroupRow {
  const guidance = (catalogue.perGroup[rank - 1] ?? []).map((i) => catalogue.guides[i]);
  const list = (name: GroupList) => inlineList(g[name], INLINE_LIMIT, cutOf(g.cuts, name));
  return {
    rank,
    key: g.key,
    principal: g.principal,
    principalName: principalName(g.principal),
    principalType: g.principalType,
    action: g.action,
    ...kindFields(g),
    ...foldedNames(g),
    count: g.count,
    share: formatShare(g.count, totalDenials),
    firstSeen: g.firstSeen,
    lastSeen: g.lastSeen,
    categories: list('categories'),
    errorCodes: list('errorCodes'),
    accounts: list('accounts'),
    regions: list('regions'),
    resources: list('resources'),
    sourceIps: list('sourceIps'),
    userAgents: list('userAgents'),
    sessionNames: list('sessionNames'),
    policyArns: list('policyArns'),
    hints: list('hints'),
    sampleEventIds: g.sampleEventIds.slice(0, 3),
    guidance,
    hasGuidance: guidance.length > 0,
  };
}

function accounting(s: Summary, top: number): AccountingView {
  const t = s.totals;
  const terms = [
    { label: 'denials', value: t.denials },
    { label: 'suppressed', value: t.suppressed ?? 0 },
    { label: 'other errors', value: t.otherErrors },
    { label: 'no error', value: t.noError },
    { label: 'excluded by filter', value: t.excludedByFilter },
    { label: 'duplicates', value: t.duplicates },
  ];
  return {
    files: { found: s.files.found, read: s.files.read, pruned: s.files.pruned, skipped: s.files.skipped, damaged: s.files.damaged },
    skippedByReason: cut(s.files.skippedByReason, top),
    skippedFiles: cut(s.files.skippedFiles, top),
    issues: cut(s.issues, top),
    records: { ...t },
    terms,
    balanced: terms.reduce((sum, x) => sum + x.value, 0) === t.records,
    damagedRecords: t.damagedRecords,
    queryResults: s.queryResults ?? null,
  };
}

function mapCut<T, U>(c: CutList<T>, f: (t: T, i: number) => U): CutList<U> {
  return { ...c, items: c.items.map(f) };
}

function windowText(from: string | null, to: string | null, none: string): string {
  if (from === null && to === null) return none;
  return `${from ?? 'open'} → ${to ?? 'open'}`;
}

export function buildViewModel(summary: Summary, options: ViewModelOptions): ReportView {
  const s = options.displayed ?? displayStrings(summary);
  const { top } = options;
  // Guidance may quote its key (an error code is log text), so its strings are cleaned the same way.
  const guide: Guide = (key) => displayStrings(options.guide(key));
  const catalogue = options.catalogue ?? guideCatalogue(s.groups, guide);
  const guidesOf = (list: readonly number[] | undefined) => (list ?? []).map((i) => catalogue.guides[i]);
  const denials = s.totals.denials;
  const rows = (list: Summary['byAction'], total = denials, name = ''): CutList<ShareRow> => cut(shareRows(list, total, cutOf(s.cuts, name)), top);

  const policyTypes: PolicyTypeRow[] = shareRows(s.byPolicyType, denials).map((r) => ({
    ...r,
    label: policyTypeLabel(r.key),
    cssClass: policyTypeClass(r.key),
    guidance: guidesOf(catalogue.byPolicyType.get(r.key)),
  }));
  const f = s.filters;
  const filterParts = [
    ...f.accounts.map((a) => `account ${a}`),
    ...f.regions.map((r) => `region ${r}`),
    ...f.principals.map((p) => `principal ${p}`),
    ...f.actions.map((a) => `action ${a}`),
  ];

  const groups = mapCut(cut(s.groups, top), (g, i) => groupRow(g, i + 1, denials, catalogue));
  // A fallback guide can serve two policy types: the HTML page shows it under the first and links to it from the second.
  const listed = new Set<string>();
  const guidanceByPolicyType = policyTypes
    .filter((p) => p.guidance.length > 0)
    .map((p) => {
      const shown = p.guidance.filter((g) => !listed.has(g.anchor));
      for (const g of shown) listed.add(g.anchor);
      return { key: p.key, label: p.label, cssClass: p.cssClass, guidance: p.guidance, shown, elsewhere: p.guidance.filter((g) => !shown.includes(g)) };
    });

  return {
    title: s.title,
    heading: heading(s),
    tool: { name: s.tool.name, version: s.tool.version },
    generatedAt: options.generatedAt ?? null,
    hasDenials: denials > 0,
    noLogRead: noLogRead(s),
    window: {
      ...s.window,
      label: s.window.label ?? null,
      requested: windowText(s.window.since, s.window.until, 'all time'),
      seen: windowText(s.window.firstDenial, s.window.lastDenial, 'no denials'),
    },
    filters: { ...f, any: filterParts.length > 0, text: filterParts.join(', ') },
    headline: {
      denials,
      principals: s.byPrincipal.length,
      actions: s.byAction.length,
      // Lists cut to their most frequent values (folded groups): there are more than they list.
      principalsCut: cutOf(s.cuts, 'byPrincipal') !== undefined,
      actionsCut: cutOf(s.cuts, 'byAction') !== undefined,
      records: s.totals.records,
      files: s.files.found,
    },
    // Policy types are few (ten at most), so they are never cut and their guidance is always shown.
    policyTypes: cut(policyTypes, policyTypes.length),
    guidanceByPolicyType,
    extraGuidance: guidesOf(catalogue.extra),
    denyKinds: rows(s.byDenyKind),
    categories: rows(s.byCategory),
    principals: rows(s.byPrincipal, denials, 'byPrincipal'),
    principalsCut: cutNote(cutOf(s.cuts, 'byPrincipal'), 'long'),
    actions: rows(s.byAction, denials, 'byAction'),
    actionsCut: cutNote(cutOf(s.cuts, 'byAction'), 'long'),
    services: rows(s.byService, denials, 'byService'),
    errorCodes: rows(s.byErrorCode),
    accounts: rows(s.byAccount),
    regions: rows(s.byRegion),
    hints: rows(s.byHint),
    groups,
    groupsFolded: groupFoldNote(s.groupFold),
    timeline: timelineChart(s.timeline, s.timelineBuckets),
    findings: findingsView(s, top),
    sources: sourcesView(s, top),
    otherErrorCodes: rows(s.otherErrorCodes, s.totals.otherErrors),
    unrecognizedMessages: rows(s.unrecognizedMessages, denials, 'unrecognizedMessages'),
    unrecognizedMessagesCut: cutNote(cutOf(s.cuts, 'unrecognizedMessages'), 'long'),
    accounting: accounting(s, top),
    redaction: s.redaction ?? null,
    changes: changesView(s.changes, top, principalName),
    suppression: suppressionView(s.suppression, s.totals.suppressed ?? 0, top),
    integrity: integrityView(s.integrity, top),
    causes: causesView(s, top, principalName),
    // the HTML renderer sets both for the page it renders (report-renderers.ts)
    csp: contentSecurityPolicy(null, []),
    explore: null,
  };
}
