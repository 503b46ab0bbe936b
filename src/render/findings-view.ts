// View-model parts for "Needs attention" (the findings, first in every report) and the report-wide
// tables of source IPs and user agents. A summary from before findings has none: `available` false.
import type { Counted, Finding, FindingsReport, ListCut, SourceRow, Summary } from '../types.js';
import { cut, cutNote, cutOf, inlineList, shareRows, type CutList, type InlineList, type ShareRow } from './cut-list.js';
import { formatCount } from './format-count.js';
import { splitCode, type CheckView } from './guidance-view.js';

/** Items shown per principals cell, and per evidence list of a finding. */
const INLINE_LIMIT = 5;
const EVIDENCE_LIMIT = 10;

const SEVERITY_LABEL: Record<string, string> = { high: 'High', medium: 'Medium', low: 'Low' };

export interface EvidenceRow {
  label: string; // 'Actions', 'Source IPs', …
  list: InlineList;
  mono: boolean; // identifiers, shown in a monospaced font
}

export interface FindingRow {
  number: number; // 1 for the first (the most urgent)
  id: string; // 'f-' and 12 hex: what a rules file suppresses it by
  rule: string;
  severity: string; // 'high', 'medium', 'low'
  severityLabel: string; // 'High'
  severityClass: string; // a CSS class name
  title: string;
  subject: string;
  subjectKind: string;
  firstSeen: string;
  lastSeen: string;
  count: number;
  countText: string; // '1 denial', '28 denials'
  technique: { id: string; name: string; tactic: string; url: string };
  why: string;
  evidence: EvidenceRow[]; // the lists that are not empty, in a fixed order
  sampleEventIds: string[];
  next: CheckView[]; // what to do next, in order; commands in backticks are code segments
}

export interface SuppressedFindingRow {
  id: string;
  rule: string;
  title: string;
  entry: number; // the suppress entry of the rules file that did it, from 1
  reason: string;
}

export interface FindingsView {
  available: boolean; // false for a summary written before findings existed
  list: CutList<FindingRow>; // by severity, then first seen; cut at --top
  high: number;
  medium: number;
  low: number;
  headline: string; // one line: '10 findings: 5 high, 5 medium' or 'No finding'
  rules: string; // one line: the rules that ran and their thresholds
  rulesOff: string; // '' or the rules the rules file turned off
  suppressed: CutList<SuppressedFindingRow>;
  notes: string[]; // what the findings could not judge (activity dropped, findings omitted, rows not placed)
}

export interface SourceRowView extends ShareRow {
  principals: InlineList;
  principalCount: number;
}

export interface SourcesView {
  available: boolean; // false for a summary written before these tables existed
  sourceIps: CutList<SourceRowView>;
  sourceIpsCut: string; // '' when exact; else what cutNote says
  userAgents: CutList<SourceRowView>;
  userAgentsCut: string;
}

const EVIDENCE: { field: keyof Finding['evidence']; label: string; mono: boolean }[] = [
  { field: 'principals', label: 'Principals', mono: true },
  { field: 'actions', label: 'Actions', mono: true },
  { field: 'services', label: 'Services', mono: true },
  { field: 'sourceIps', label: 'Source IPs', mono: true },
  { field: 'userAgents', label: 'User agents', mono: true },
  { field: 'resources', label: 'Resources', mono: true },
  { field: 'accounts', label: 'Accounts', mono: true },
  { field: 'regions', label: 'Regions', mono: true },
];

const plural = (n: number, one: string, many = `${one}s`) => `${formatCount(n)} ${n === 1 ? one : many}`;

export function techniqueUrl(id: string): string {
  return /^T\d{4}(?:\.\d{3})?$/.test(id) ? `https://attack.mitre.org/techniques/${id.replace('.', '/')}/` : 'https://attack.mitre.org/';
}

function findingRow(f: Finding, i: number): FindingRow {
  const known = Object.hasOwn(SEVERITY_LABEL, f.severity);
  return {
    number: i + 1,
    id: f.id,
    rule: f.rule,
    severity: f.severity,
    severityLabel: known ? SEVERITY_LABEL[f.severity] : f.severity,
    severityClass: known ? `sev-${f.severity}` : 'sev-other',
    title: f.title,
    subject: f.subject,
    subjectKind: f.subjectKind,
    firstSeen: f.firstSeen,
    lastSeen: f.lastSeen,
    count: f.count,
    countText: plural(f.count, 'denial'),
    technique: { ...f.technique, url: techniqueUrl(f.technique.id) },
    why: f.why,
    evidence: EVIDENCE.flatMap((e) => {
      const list = f.evidence[e.field] as Counted[];
      return list.length === 0 ? [] : [{ label: e.label, list: inlineList(list, EVIDENCE_LIMIT), mono: e.mono }];
    }),
    sampleEventIds: [...f.evidence.sampleEventIds],
    next: f.next.map((text) => ({ text, segments: splitCode(text) })),
  };
}

function notesOf(r: FindingsReport | undefined): string[] {
  if (r === undefined) return [];
  const out: string[] = [];
  if (r.activityCut !== null) {
    out.push(
      `The record of who was refused when keeps the most active principals: ${plural(r.activityCut.dropped, 'less active one')} ${r.activityCut.dropped === 1 ? 'was' : 'were'} dropped (each with at most ${plural(r.activityCut.maxDenials, 'denial')} when dropped), so a burst of theirs, or of an address they were refused from, may be missing.`,
    );
  }
  for (const o of r.omitted)
    out.push(
      `${plural(o.count, 'more finding')} of rule ${o.key} not listed (the ones with the most denials are; findings.jsonl and summary.json list the same).`,
    );
  if (r.unplaced > 0)
    out.push(
      `${plural(r.unplaced, 'denial')} of aggregated query-results rows spanning more than a minute could not be placed in time: bursts are not judged for them (run the plain query).`,
    );
  return out;
}

export function findingsView(s: Summary, top: number): FindingsView {
  const findings = s.findings ?? [];
  const r = s.findingsReport;
  const count = (sev: string) => findings.filter((f) => f.severity === sev).length;
  const parts = (['high', 'medium', 'low'] as const).flatMap((sev) => (count(sev) > 0 ? [`${formatCount(count(sev))} ${sev}`] : []));
  const on = r?.rules.filter((x) => x.enabled) ?? [];
  const thresholds = (t: Record<string, number>) =>
    Object.entries(t)
      .map(([k, v]) => `${k} ${formatCount(v)}`)
      .join(', ');
  return {
    available: s.findings !== undefined,
    list: cut(findings.map(findingRow), top),
    high: count('high'),
    medium: count('medium'),
    low: count('low'),
    headline: findings.length === 0 ? 'No finding' : `${plural(findings.length, 'finding')}${parts.length > 0 ? `: ${parts.join(', ')}` : ''}`,
    rules: on.map((x) => (Object.keys(x.thresholds).length === 0 ? x.id : `${x.id} (${thresholds(x.thresholds)})`)).join('; '),
    rulesOff: (r?.rules.filter((x) => !x.enabled) ?? []).map((x) => x.id).join(', '),
    suppressed: cut(r?.suppressed.map((x) => ({ ...x })) ?? [], top),
    notes: notesOf(r),
  };
}

/** The principals behind a row: those listed, and how many more there are (the Summary lists a few). */
function principalsCell(row: SourceRow): InlineList {
  const list = inlineList(row.principals, INLINE_LIMIT);
  const more = Math.max(0, row.principalCount - list.items.length);
  if (more === list.more) return list;
  const parts = list.items.map((x) => `${x.key} (${x.count})`);
  if (more > 0) parts.push(`+${more} more`);
  return { ...list, more, text: parts.length > 0 ? parts.join(', ') : '—' };
}

function sourceRows(list: readonly SourceRow[] | undefined, total: number, listCut: ListCut | undefined, top: number): CutList<SourceRowView> {
  const rows = list ?? [];
  const shares = shareRows(rows, total, listCut);
  return cut(
    rows.map((row, i) => ({ ...shares[i], principals: principalsCell(row), principalCount: row.principalCount })),
    top,
  );
}

export function sourcesView(s: Summary, top: number): SourcesView {
  const denials = s.totals.denials;
  return {
    available: s.bySourceIp !== undefined,
    sourceIps: sourceRows(s.bySourceIp, denials, cutOf(s.cuts, 'bySourceIp'), top),
    sourceIpsCut: cutNote(cutOf(s.cuts, 'bySourceIp'), 'long'),
    userAgents: sourceRows(s.byUserAgent, denials, cutOf(s.cuts, 'byUserAgent'), top),
    userAgentsCut: cutNote(cutOf(s.cuts, 'byUserAgent'), 'long'),
  };
}
