// Report-wide tables of source IPs and user agents, each with the principals behind it: summed from the
// groups' own lists (every denial is in one group), so the fold does no extra work per denial.
//
//   sourceRows(summary.groups, 'sourceIps', 'bySourceIp')
//   // { rows: [{ key: '198.18.44.7', count: 34, principals: [...], principalCount: 1 }], cut: null }
//
// Bounded like every list: the keys through a TopTally of LIST_CAP (its most frequent past that), the
// principals of one key up to PRINCIPALS_PER_KEY distinct. Exact while the groups' lists are; a group
// list cut to its most frequent values makes the table's counts upper bounds too (`cut`).
import type { Counted, Group, ListCut, SourceRow } from '../types.js';
import { LIST_CAP } from './group.js';
import { toCounted, type Tally } from './tally.js';
import { TopTally } from './top-tally.js';

/** Principals listed per row; the count of distinct principals goes on beyond it. */
const SHOWN = 5;
/** Distinct principals tallied per key: past it the count is "at least". */
const PRINCIPALS_PER_KEY = 1000;

export type SourceField = 'sourceIps' | 'userAgents';

/** `groups` in a fixed order (the Summary's): the result does not depend on how they were folded. */
export function sourceRows(groups: readonly Group[], field: SourceField, name: string): { rows: SourceRow[]; cut: ListCut | null } {
  const tally = new TopTally(LIST_CAP);
  const behind = new Map<string, Tally>();
  let groupError = 0;
  for (const g of groups) {
    groupError += g.cuts?.find((c) => c.list === field)?.maxError ?? 0;
    for (const { key, count } of g[field]) {
      tally.add(key, count);
      let p = behind.get(key);
      if (p === undefined) behind.set(key, (p = new Map<string, number>()));
      if (p.has(g.principal) || p.size < PRINCIPALS_PER_KEY) p.set(g.principal, (p.get(g.principal) ?? 0) + count);
    }
  }
  const maxError = tally.maxError + groupError;
  const rows = tally
    .toCounted()
    .slice(0, maxError > 0 ? LIST_CAP : undefined)
    .map((c): SourceRow => {
      const p: Counted[] = toCounted(behind.get(c.key) ?? new Map<string, number>());
      return { key: c.key, count: c.count, principals: p.slice(0, SHOWN), principalCount: p.length };
    });
  return { rows, cut: maxError > 0 ? { list: name, kept: rows.length, maxError } : null };
}
