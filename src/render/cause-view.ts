// Summary.policies and Group.cause → the Causes section of the reports (view-model.ts): per group, each
// distinct cause with its statement, split into runs so templates can mark the parts that met the
// request without building HTML (handlebars escapes every run).
import { CAUSE_KINDS, type Cause, type CauseStatement, type Summary } from '../types.js';
import { cut } from './cut-list.js';
import { causeKindClass as kindClass, causeKindLabel as kindLabel, denyKindLabel, policyTypeLabel } from './labels.js';
import { formatCount } from './format-count.js';
import type { CauseGroupView, CauseRow, CauseStatementView, CausesView, TextSegment } from './view-model.js';

/** The text, cut into runs at each occurrence of a mark or a miss (the longest first where they overlap). */
export function markSegments(text: string, marks: readonly string[], misses: readonly string[] = []): TextSegment[] {
  const wanted = [...new Set([...marks, ...misses].filter((m) => m !== ''))].sort((a, b) => b.length - a.length);
  const isMark = new Set(marks);
  const out: TextSegment[] = [];
  let at = 0;
  let plain = '';
  while (at < text.length) {
    const hit = wanted.find((m) => text.startsWith(m, at));
    if (hit === undefined) {
      plain += text[at];
      at++;
      continue;
    }
    if (plain !== '') out.push({ text: plain, mark: false, miss: false });
    plain = '';
    out.push({ text: hit, mark: isMark.has(hit), miss: !isMark.has(hit) });
    at += hit.length;
  }
  if (plain !== '') out.push({ text: plain, mark: false, miss: false });
  return out;
}

/** A fence longer than any run of backticks in the text (CommonMark: a fence closes only on one as long). */
export function fenceFor(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  return '`'.repeat(Math.max(3, longest + 1));
}

function statementView(s: CauseStatement): CauseStatementView {
  return {
    name: s.sid === null ? `statement ${s.index} (no Sid)` : `statement \`${s.sid}\` (index ${s.index})`,
    layer: s.layer,
    layerLabel: policyTypeLabel(s.layer),
    policy: s.policy,
    attachedTo: s.attachedTo ?? '',
    text: s.text,
    segments: markSegments(s.text, s.marks, s.missed ?? []),
    fence: fenceFor(s.text),
    why: [...s.why],
  };
}

const plural = (n: number, one: string, many: string) => `${formatCount(n)} ${n === 1 ? one : many}`;

const labels = (layers: readonly string[]) => layers.map(policyTypeLabel).join(', ');

function causeRow(c: Cause, count: number, requests: number, resources: string[]): CauseRow {
  return {
    kind: c.kind,
    kindLabel: kindLabel(c.kind),
    kindClass: kindClass(c.kind),
    count,
    requests,
    countText: `${plural(count, 'denial', 'denials')} · ${plural(requests, 'request', 'requests')}`,
    resources,
    summary: c.summary,
    guidance: c.guidance ?? '',
    disagreement: c.disagreement ?? '',
    unknown: [...c.unknown],
    lacking: labels(c.lacking),
    supplied: labels(c.supplied),
    missing: labels(c.missing),
    statement: c.statement === null ? null : statementView(c.statement),
  };
}

function exported(i: { exportedOn: string | null; dateFrom: string | null }): string {
  if (i.exportedOn === null) return 'undated';
  return i.dateFrom === 'content' ? `on or after ${i.exportedOn} (the latest date inside)` : `on ${i.exportedOn} (from its name)`;
}

/** Denials of the categories no policy decides (authentication, account): the evaluator gives them no cause. */
export function notPolicyDecisions(s: Pick<Summary, 'byCategory'>): number {
  return s.byCategory.filter((c) => c.key !== 'authorization').reduce((n, c) => n + c.count, 0);
}

export function causesView(s: Summary, top: number, principalName: (p: string) => string): CausesView | null {
  const p = s.policies;
  if (p === undefined) return null;
  const dates = [...new Set(p.inputs.map((i) => i.exportedOn).filter((d): d is string => d !== null))].sort();
  const byKind = new Map<string, number>();
  const groups: CauseGroupView[] = [];
  s.groups.forEach((g, i) => {
    if (g.cause === undefined) return;
    for (const k of g.cause.kinds) byKind.set(k.key, (byKind.get(k.key) ?? 0) + k.count);
    groups.push({
      rank: i + 1,
      principal: g.principal,
      principalName: principalName(g.principal),
      action: g.action,
      policyTypeLabel: policyTypeLabel(g.policyType),
      denyKind: g.denyKind,
      said:
        g.policyType === 'unspecified' && g.denyKind === 'unspecified'
          ? 'the message named no policy type'
          : `the message said: ${policyTypeLabel(g.policyType)}, ${denyKindLabel(g.denyKind)}`,
      count: g.count,
      requests: g.cause.requests,
      countText: `${plural(g.count, 'denial', 'denials')}, ${plural(g.cause.requests, 'distinct request', 'distinct requests')}`,
      causes: g.cause.causes.map((c) => causeRow(c.cause, c.count, c.requests, c.resources)),
    });
  });
  return {
    exportedOn:
      dates.length === 0 ? 'Undated policies' : `Policies as exported on ${dates.length === 1 ? dates[0] : `${dates[0]} to ${dates[dates.length - 1]}`}`,
    engine: p.engine,
    simulations: p.simulations,
    maxSimulations: p.maxSimulations,
    overCap: p.overCap,
    inputs: p.inputs.map((i) => ({ path: i.path, kind: i.kind, accounts: i.accounts.length === 0 ? '—' : i.accounts.join(', '), exported: exported(i) })),
    issues: cut(p.issues, top),
    kinds: CAUSE_KINDS.filter((k) => byKind.has(k)).map((k) => ({ kind: k, label: kindLabel(k), cssClass: kindClass(k), count: byKind.get(k) ?? 0 })),
    notPolicy: notPolicyDecisions(s),
    groups: cut(groups, top),
  };
}
