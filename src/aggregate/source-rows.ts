// Report-wide tables of source IPs and user agents, each with the principals behind it: summed from the
// groups' own lists (every denial is in one group), so the fold does no extra work per denial.
//
//   sourceRows(groups, 'sourceIps')   // { rows: [{ key: '198.18.44.7', count: 34, principals: [...], principalCount: 1 }], cut: null }
//
// Bounded like every list: the keys through a TopTally of LIST_CAP (its most frequent past that), the
// principals of one key up to PRINCIPALS_PER_KEY distinct. Exact while the groups' lists are.
import type { Counted, ListCut, SourceRow } from '../types.js';
import { LIST_CAP, eachTallied, type GroupState } from './group.js';
import { toCounted, type Tally } from './tally.js';
import { TopTally } from './top-tally.js';

/** Principals listed per row; the count of distinct principals goes on beyond it. */
const SHOWN = 5;
/** Distinct principals tallied per key: past it the count is "at least". */
const PRINCIPALS_PER_KEY = 1000;

export type SourceField = 'sourceIps' | 'userAgents';

export function sourceRows(groups: readonly GroupState[], field: SourceField, name: string): { rows: SourceRow[]; cut: ListCut | null } {
  const tally = new TopTally(LIST_CAP);
  const behind = new Map<string, Tally>();
  let groupError = 0;
  const byKey = [...groups].sort((a, b) => (a.head.key < b.head.key ? -1 : a.head.key > b.head.key ? 1 : 0));
  for (const g of byKey) {
    const principal = g.head.principal;
    groupError += g.tallies?.[field].maxError ?? 0;
    eachTallied(g, field, (key, n) => {
      tally.add(key, n);
      let p = behind.get(key);
      if (p === undefined) behind.set(key, (p = new Map()));
      if (p.has(principal) || p.size < PRINCIPALS_PER_KEY) p.set(principal, (p.get(principal) ?? 0) + n);
    });
  }
  const rows = tally.toCounted().map((c): SourceRow => {
    const p: Counted[] = toCounted(behind.get(c.key) ?? new Map());
    return { key: c.key, count: c.count, principals: p.slice(0, SHOWN), principalCount: p.length };
  });
  const maxError = tally.maxError + groupError;
  return { rows, cut: maxError > 0 ? { list: name, kept: rows.length, maxError } : null };
}
