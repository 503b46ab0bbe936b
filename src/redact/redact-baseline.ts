// An earlier summary.json written without --redact, compared with a redacted run: its groups are
// redacted as this run's denials were (principals, and actions whose service prefix a redacted event
// source gave), so pseudonyms meet pseudonyms and nothing from it leaks into the report.
import { FOLDED_PRINCIPAL, groupKey, type Baseline } from '../aggregate/index.js';

export interface BaselineRedactors {
  principal: (p: string) => string;
  action: (a: string) => string;
  text: (t: string) => string;
}

export function redactBaseline(baseline: Baseline, r: BaselineRedactors): Baseline {
  const groups = baseline.groups.map((g) => {
    if (g.principal === FOLDED_PRINCIPAL) return g; // a row of folded groups (aggregate/group-fold.ts) names nobody
    const principal = r.principal(g.principal);
    const action = r.action(g.action); // as this run's denials' actions are
    return { ...g, principal, action, key: groupKey({ ...g, principal, action }) };
  });
  return { ...baseline, title: r.text(baseline.title), groups };
}
