import type { Counted, Group, ListCut, ReadIssue, Summary } from '../types.js';
import { finishGroup, groupBreakdown, type GroupBreakdown } from './group.js';
import { listedGroups } from './group-fold.js';
import type { RecordFilter } from './record-filter.js';
import { sourceRows } from './source-rows.js';
import type { AggregateState } from './state.js';
import { suppressionReport, type SuppressionSet } from './suppression.js';
import { bump, toCounted, toCountedByKey, type Tally } from './tally.js';
import { TopTally, cutsOf } from './top-tally.js';

export interface SummaryMeta {
  title: string;
  version: string;
  filter: RecordFilter;
  /** --week/--day/--last: shown in every report heading. */
  label?: string | null;
  suppression?: SuppressionSet | null;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function compareIssues(a: ReadIssue, b: ReadIssue): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : a.reason < b.reason ? -1 : a.reason > b.reason ? 1 : 0;
}

function compareGroups(a: Group, b: Group): number {
  return b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/**
 * A breakdown summed from the groups plus what was folded out of them under that field (group-fold.ts):
 * exact while the folded part is; else its most frequent values, marked as cut.
 */
function withFolded(exact: Tally, folded: TopTally | null, name: string): { list: Counted[]; cut: ListCut | null } {
  if (folded === null || folded.maxError === 0) {
    for (const [k, n] of folded?.counts ?? []) bump(exact, k, n);
    return { list: toCounted(exact), cut: null };
  }
  const t = new TopTally(folded.cap);
  for (const [k, n] of exact) t.counts.set(k, n);
  t.merge(folded);
  return { list: t.toCounted(), cut: t.cut(name) };
}

/** The deterministic, sorted Summary: the same state gives the same bytes whatever the fold order. */
export function toSummary(s: AggregateState, meta: SummaryMeta): Summary {
  const list = (t: Tally): Counted[] => toCounted(t);
  const b = s.breakdowns;
  const listed = listedGroups(s.groups, s.folds);
  const all = listed.groups;
  const groupFold = listed.fold;
  const fromGroups = (name: GroupBreakdown): Counted[] => toCounted(groupBreakdown(all, name));
  const principals = withFolded(groupBreakdown(all, 'byPrincipal'), listed.principals, 'byPrincipal');
  const actions = withFolded(groupBreakdown(all, 'byAction'), listed.actions, 'byAction');
  const services = withFolded(groupBreakdown(all, 'byService'), listed.services, 'byService');
  const groups = all.map(finishGroup).sort(compareGroups);
  const ips = sourceRows(groups, 'sourceIps', 'bySourceIp');
  const agents = sourceRows(groups, 'userAgents', 'byUserAgent');
  const reasons: Tally = new Map();
  for (const f of s.skippedFiles) bump(reasons, f.reason);
  const times = groups
    .flatMap((g) => [g.firstSeen, g.lastSeen])
    .filter((t) => t !== '')
    .sort();
  return {
    schemaVersion: 1,
    tool: { name: 'cloudtrail-denials', version: meta.version },
    title: meta.title,
    window: {
      since: iso(meta.filter.since),
      until: iso(meta.filter.until),
      label: meta.label ?? null,
      firstDenial: times[0] ?? null,
      lastDenial: times.at(-1) ?? null,
    },
    filters: {
      accounts: [...meta.filter.accounts].sort(),
      regions: [...meta.filter.regions].sort(),
      principals: [...meta.filter.principals],
      actions: [...meta.filter.actions],
    },
    files: {
      ...s.files,
      skippedByReason: list(reasons),
      skippedFiles: [...s.skippedFiles].sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0)),
    },
    totals: { ...s.totals },
    issues: [...s.issues].sort(compareIssues),
    byPolicyType: fromGroups('byPolicyType'),
    byDenyKind: fromGroups('byDenyKind'),
    byCategory: fromGroups('byCategory'),
    byErrorCode: fromGroups('byErrorCode'),
    byPrincipal: principals.list,
    byAction: actions.list,
    byService: services.list,
    byAccount: fromGroups('byAccount'),
    byRegion: fromGroups('byRegion'),
    byHint: fromGroups('byHint'),
    timeline: toCountedByKey(b.timeline.counts),
    otherErrorCodes: b.otherErrorCodes.toCounted(),
    unrecognizedMessages: b.unrecognizedMessages.toCounted(),
    ...cutsOf([b.unrecognizedMessages.cut('unrecognizedMessages'), principals.cut, actions.cut, services.cut, ips.cut, agents.cut]),
    ...(groupFold === null ? {} : { groupFold }),
    groups,
    suppression: meta.suppression ? suppressionReport(meta.suppression, s.suppressed) : null,
    changes: null,
    redaction: null,
    ...(s.queryResults === null ? {} : { queryResults: { ...s.queryResults } }),
    bySourceIp: ips.rows,
    byUserAgent: agents.rows,
    timelineBuckets: s.times.fitted(),
  };
}
