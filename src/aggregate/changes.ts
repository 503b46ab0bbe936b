// What changed since an earlier report: groups compared by key (principal | action | policy type |
// deny kind), so a weekly report can say what is new, what went away and what moved a lot.
//
//   summary.changes = compareGroups(summary, baseline, { percent: 50, minimum: 2 });
import type { Changes, Group, GroupChange, Summary } from '../types.js';

/** The part of an earlier summary.json a comparison needs (older tool versions write at least this). */
export interface Baseline {
  title: string;
  window: { since: string | null; until: string | null; label?: string | null };
  totals: { denials: number };
  groups: Pick<Group, 'key' | 'principal' | 'action' | 'policyType' | 'denyKind' | 'count'>[];
}

export const DEFAULT_THRESHOLD = { percent: 50, minimum: 2 } as const;

const byKey = (a: GroupChange, b: GroupChange) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

function change(g: Baseline['groups'][number], before: number, after: number): GroupChange {
  return { key: g.key, principal: g.principal, action: g.action, policyType: g.policyType, denyKind: g.denyKind, before, after };
}

/**
 * A group rose (fell) when its count moved by at least `percent` % of its baseline count and by at
 * least `minimum` denials: the minimum keeps 1 → 2 (+100 %) from being news every week.
 */
export function compareGroups(
  current: Pick<Summary, 'groups' | 'totals'>,
  baseline: Baseline,
  threshold: { percent: number; minimum: number } = DEFAULT_THRESHOLD,
): Changes {
  const before = new Map(baseline.groups.map((g) => [g.key, g]));
  const after = new Map(current.groups.map((g) => [g.key, g]));
  const newGroups: GroupChange[] = [];
  const goneGroups: GroupChange[] = [];
  const rose: GroupChange[] = [];
  const fell: GroupChange[] = [];
  let unchanged = 0;
  for (const g of after.values()) {
    const old = before.get(g.key);
    if (old === undefined) {
      newGroups.push(change(g, 0, g.count));
      continue;
    }
    const delta = g.count - old.count;
    const moved = Math.abs(delta) >= threshold.minimum && Math.abs(delta) * 100 >= threshold.percent * old.count;
    if (moved && delta > 0) rose.push(change(g, old.count, g.count));
    else if (moved && delta < 0) fell.push(change(g, old.count, g.count));
    else unchanged++;
  }
  for (const g of before.values()) if (!after.has(g.key)) goneGroups.push(change(g, g.count, 0));
  return {
    baseline: {
      title: baseline.title,
      label: baseline.window.label ?? null,
      since: baseline.window.since,
      until: baseline.window.until,
      denials: baseline.totals.denials,
    },
    threshold: { percent: threshold.percent, minimum: threshold.minimum },
    denials: { before: baseline.totals.denials, after: current.totals.denials },
    newGroups: newGroups.sort((a, b) => b.after - a.after || byKey(a, b)),
    goneGroups: goneGroups.sort((a, b) => b.before - a.before || byKey(a, b)),
    rose: rose.sort((a, b) => b.after - b.before - (a.after - a.before) || byKey(a, b)),
    fell: fell.sort((a, b) => a.after - a.before - (b.after - b.before) || byKey(a, b)),
    unchanged,
  };
}
