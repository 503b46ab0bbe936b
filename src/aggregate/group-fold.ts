// Groups in bounded memory. A group is a principal, an action, a policy type and a deny kind, and the
// principal and the action are text the caller chooses: an archive of a million denials, each from a
// new web-identity subject, held a million groups (4.35 GB, then V8's out-of-memory abort).
//
//   state.groups.size > 2 × cap  →  foldGroups(state): the cap largest stay, the rest are folded
//
// Past 2 × cap groups, the cap largest are kept (ties by key: the fold runs in path order, so the
// result is the same for any concurrency) and every other group is folded into one *row* per
// (action, policy type, deny kind), principal '(other principals)'; past 2 × cap such rows, the rarest
// are folded again into one per (policy type, deny kind), action '(other actions)'. A row keeps its
// groups' counts, first and last seen, samples and every tally, so the totals and every breakdown
// but by-principal (and, once rows fold, by-action and by-service) stay exact. The denials folded per
// principal (action, service) are kept as lists cut to their most frequent values (top-tally.ts).
//
// Space-Saving, as for lists: a group made after a fold starts with `carried` = the largest count
// folded so far (the most of its denials a row may already hold), and groups are ranked by count +
// carried. So a group not listed had at most `maxError` denials, and a listed group's count is at
// most `maxError` below its true one (the rest is in a row).
import type { GroupFold } from '../types.js';
import { LIST_CAP, absorbGroup, copyGroup, emptyGroup, groupKey, mergeGroupInto, serviceOf, type GroupState } from './group.js';
import { TopTally } from './top-tally.js';

/**
 * Groups kept as themselves; past twice this many the rest are folded. A group of one denial takes
 * about 1.2 KB of heap, one of a few denials about 2.7 KB (measured, event IDs included): the 20,000
 * held at most take 25-55 MB. A trail rarely has 10,000 (principal, action) pairs refused.
 */
export const GROUP_CAP = 10_000;
/** The principal of a row of folded groups, and the action of a row of folded rows. */
export const FOLDED_PRINCIPAL = '(other principals)';
export const FOLDED_ACTION = '(other actions)';

export interface GroupFolds {
  cap: number;
  /** Largest count + carried of a group folded so far. */
  maxError: number;
  /** Groups folded, each time one was (a principal that comes back and is folded again counts twice). */
  folded: number;
  /** One row per (action, policy type, deny kind): principal FOLDED_PRINCIPAL. */
  rows: Map<string, GroupState>;
  rowsMaxError: number;
  /** One row per (policy type, deny kind) for rows folded in turn: action FOLDED_ACTION too. */
  kinds: Map<string, GroupState>;
  /** Denials folded, by the principal (action, service) they no longer show under. */
  principals: TopTally;
  actions: TopTally;
  services: TopTally;
}

export function newFolds(cap: number): GroupFolds {
  return {
    cap,
    maxError: 0,
    folded: 0,
    rows: new Map(),
    rowsMaxError: 0,
    kinds: new Map(),
    principals: new TopTally(LIST_CAP),
    actions: new TopTally(LIST_CAP),
    services: new TopTally(LIST_CAP),
  };
}

const estimate = (g: GroupState): number => g.count + g.carried;

/**
 * Removes all but the `cap` largest from the pool; returns the removed and the largest estimate among
 * them. Ties are kept newest first: the pool's order is the order groups were made, the fold's order,
 * so the choice is the same at any concurrency (and no keys are compared: a sort of 20,000 groups by
 * key was a tenth of a swarm's run).
 */
function keepLargest(pool: Map<string, GroupState>, cap: number): { out: GroupState[]; threshold: number } {
  const all = [...pool.values()];
  const estimates = new Float64Array(all.length);
  for (let i = 0; i < all.length; i++) estimates[i] = estimate(all[i]);
  estimates.sort();
  const bar = estimates[estimates.length - cap]; // the cap-th largest
  let ties = 0; // groups at the bar that stay: the newest, after the ones above it
  for (let i = estimates.length - cap; i < estimates.length && estimates[i] === bar; i++) ties++;
  const out: GroupState[] = [];
  let threshold = 0;
  for (let i = all.length - 1; i >= 0; i--) {
    const g = all[i];
    const e = estimate(g);
    if (e > bar || (e === bar && ties-- > 0)) continue;
    out.push(g);
    pool.delete(g.head.key);
    if (e > threshold) threshold = e;
  }
  return { out: out.reverse(), threshold };
}

/** The row `g` is folded into, made when it is the first. */
function rowFor(pool: Map<string, GroupState>, g: GroupState, principal: string, action: string, carried: number): GroupState {
  const head = { principal, principalType: '', action, policyType: g.head.policyType, denyKind: g.head.denyKind };
  const key = groupKey(head);
  let row = pool.get(key);
  if (row === undefined) {
    row = emptyGroup({ key, ...head }, g.firstSeen, carried);
    row.folded = { principals: 0, actions: 0 };
    pool.set(key, row);
  }
  return row;
}

/** Keeps the `cap` largest groups of `groups` and folds the others into rows (and rows into kinds). */
export function foldGroups(groups: Map<string, GroupState>, folds: GroupFolds): void {
  const { out, threshold } = keepLargest(groups, folds.cap);
  folds.maxError = Math.max(folds.maxError, threshold);
  for (const g of out) {
    const row = rowFor(folds.rows, g, FOLDED_PRINCIPAL, g.head.action, folds.rowsMaxError);
    absorbGroup(row, g);
    row.folded!.principals++;
    folds.principals.add(g.head.principal, g.count);
    folds.folded++;
  }
  if (folds.rows.size > 2 * folds.cap) foldRows(folds);
}

function foldRows(folds: GroupFolds): void {
  const { out, threshold } = keepLargest(folds.rows, folds.cap);
  folds.rowsMaxError = Math.max(folds.rowsMaxError, threshold);
  for (const r of out) {
    const kind = rowFor(folds.kinds, r, FOLDED_PRINCIPAL, FOLDED_ACTION, 0);
    absorbGroup(kind, r);
    kind.folded!.principals += r.folded!.principals;
    kind.folded!.actions++;
    folds.actions.add(r.head.action, r.count);
    folds.services.add(serviceOf(r.head.action), r.count);
  }
}

/** The groups a Summary lists, and what was folded out of them by principal, action and service. */
export interface ListedGroups {
  groups: GroupState[];
  fold: GroupFold | null;
  principals: TopTally | null;
  actions: TopTally | null;
  services: TopTally | null;
}

/**
 * What the Summary lists, without changing the state. Once groups were folded, a kept group whose
 * count is not above maxError is folded too: it may hold no more denials than one never listed, so
 * listing it says nothing (a swarm's last ten thousand one-off principals would otherwise fill
 * summary.json). maxError rises to the largest count + carried folded here.
 */
export function listedGroups(live: Map<string, GroupState>, folds: GroupFolds | null): ListedGroups {
  if (folds === null) return { groups: [...live.values()], fold: null, principals: null, actions: null, services: null };
  const rows = new Map(folds.rows);
  const copied = new Set<string>();
  const principals = folds.principals.copy();
  const kept: GroupState[] = [];
  let maxError = Math.max(folds.maxError, folds.rowsMaxError);
  let folded = folds.folded;
  for (const g of live.values()) {
    if (g.count > folds.maxError) {
      kept.push(g);
      continue;
    }
    let row = rowFor(rows, g, FOLDED_PRINCIPAL, g.head.action, folds.rowsMaxError);
    if (!copied.has(row.head.key)) {
      row = copyGroup(row);
      rows.set(row.head.key, row);
      copied.add(row.head.key);
    }
    absorbGroup(row, g);
    row.folded!.principals++;
    principals.add(g.head.principal, g.count);
    maxError = Math.max(maxError, estimate(g));
    folded++;
  }
  return {
    groups: [...kept, ...rows.values(), ...folds.kinds.values()],
    fold: { kept: kept.length, folded, maxError },
    principals,
    actions: folds.actions,
    services: folds.services,
  };
}

/**
 * a ⊕ b for two parts of one stream (state.ts mergeStates), into `groups` and the returned folds: a
 * group one part holds and the other may have folded is charged the other's maxError (as TopTally
 * does for a key one part lacks); then the bound is applied again.
 */
export function mergeFolds(
  groups: Map<string, GroupState>,
  parts: { groups: Map<string, GroupState>; folds: GroupFolds | null }[],
  cap: number,
): GroupFolds | null {
  if (parts.every((p) => p.folds === null) && groups.size <= 2 * cap) return null;
  const out = newFolds(cap);
  for (const p of parts) {
    if (p.folds === null) continue;
    const f = p.folds;
    out.maxError += f.maxError;
    out.rowsMaxError += f.rowsMaxError;
    out.folded += f.folded;
    for (const [pool, from] of [
      [out.rows, f.rows],
      [out.kinds, f.kinds],
    ] as const) {
      for (const [key, r] of from) {
        const mine = pool.get(key);
        if (mine) mergeGroupInto(mine, r);
        else pool.set(key, copyGroup(r));
      }
    }
    out.principals.merge(f.principals);
    out.actions.merge(f.actions);
    out.services.merge(f.services);
    for (const [key, g] of groups) if (!p.groups.has(key)) g.carried += f.maxError;
  }
  for (const p of parts) {
    if (p.folds === null) continue;
    for (const [key, r] of out.rows) if (!p.folds.rows.has(key)) r.carried += p.folds.rowsMaxError;
  }
  if (groups.size > 2 * cap) foldGroups(groups, out);
  if (out.rows.size > 2 * cap) foldRows(out);
  return out;
}
