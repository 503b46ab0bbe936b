// View-model parts for the weekly workflow: the heading with its window label, "Changes since …"
// and the suppressed (expected) denials. Summaries from older versions lack these fields: null.
import type { Changes, GroupChange, Summary, SuppressionReport, SuppressionRuleReport } from '../types.js';
import { cut, inlineList } from './cut-list.js';
import { kindFields } from './labels.js';
import type { ChangeRow, ChangesView, SuppressionRuleRow, SuppressionView } from './view-model.js';

const INLINE_LIMIT = 3;

/** '+3', '-2' (an ASCII minus: Markdown diffs and terminals show it the same everywhere), '±0'. */
export function signed(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `-${-n}` : '±0';
}

export function windowText(from: string | null, to: string | null, none: string): string {
  if (from === null && to === null) return none;
  return `${from ?? 'open'} → ${to ?? 'open'}`;
}

export function heading(s: Summary): string {
  const label = s.window.label ?? null;
  return label === null ? s.title : `${s.title} — ${label}`;
}

function changeRow(g: GroupChange, principalName: (p: string) => string): ChangeRow {
  const delta = g.after - g.before;
  const pct = g.before === 0 ? 'new' : g.after === 0 ? 'gone' : `${signed(Math.round((delta / g.before) * 100))}%`;
  return {
    key: g.key,
    principal: g.principal,
    principalName: principalName(g.principal),
    action: g.action,
    ...kindFields(g),
    before: g.before,
    after: g.after,
    delta: signed(delta),
    pct,
  };
}

export function changesView(c: Changes | null | undefined, top: number, principalName: (p: string) => string): ChangesView | null {
  if (c === null || c === undefined) return null;
  const rows = (list: GroupChange[]) =>
    cut(
      list.map((g) => changeRow(g, principalName)),
      top,
    );
  const b = c.baseline;
  const listed = c.newGroups.length + c.goneGroups.length + c.rose.length + c.fell.length;
  return {
    since: b.label ?? windowText(b.since, b.until, b.title === '' ? 'the baseline' : b.title),
    baselineTitle: b.title,
    baselineWindow: windowText(b.since, b.until, 'all time'),
    threshold: `by at least ${c.threshold.percent}% and at least ${c.threshold.minimum}`,
    denials: { before: c.denials.before, after: c.denials.after, delta: signed(c.denials.after - c.denials.before) },
    newGroups: rows(c.newGroups),
    goneGroups: rows(c.goneGroups),
    rose: rows(c.rose),
    fell: rows(c.fell),
    unchanged: c.unchanged,
    nothing: listed === 0,
  };
}

const STATUS_TEXT: Record<SuppressionRuleReport['status'], string> = {
  active: 'active',
  expired: 'expired: matches nothing',
  stale: 'stale: matched nothing',
};

function ruleRow(r: SuppressionRuleReport): SuppressionRuleRow {
  const parts = Object.entries(r.match).flatMap(([field, glob]) => (glob === null ? [] : [{ field, glob }]));
  return {
    number: r.number,
    match: parts,
    matchText: parts.map((p) => `${p.field} ${p.glob}`).join(', '),
    reason: r.reason,
    expires: r.expires,
    status: r.status,
    statusText: STATUS_TEXT[r.status] ?? r.status,
    statusClass: Object.hasOwn(STATUS_TEXT, r.status) ? `st-${r.status}` : 'st-other',
    count: r.count,
    principals: inlineList(r.principals, INLINE_LIMIT),
    actions: inlineList(r.actions, INLINE_LIMIT),
  };
}

export function suppressionView(s: SuppressionReport | null | undefined, suppressed: number, top: number): SuppressionView | null {
  if (s === null || s === undefined) return null;
  const count = (status: string) => s.rules.filter((r) => r.status === status).length;
  return {
    source: s.source,
    asOf: s.asOf,
    suppressed,
    rules: cut(s.rules.map(ruleRow), top),
    active: count('active'),
    expired: count('expired'),
    stale: count('stale'),
  };
}
