// With --policies: the causes of each group's denials. Every distinct request has one Cause object
// (the evaluator's cache, kept through redaction), so counting objects counts distinct requests;
// requests whose causes say the same (the same statement, the same lacking layers) are one row.
//
//   const causes = new CauseTally();
//   onDenial: (d) => causes.add(d)             // the denials kept, after filters and suppression
//   summary = causes.attach(summary)           // Group.cause on every group that is not a folded row
import type { Cause, Counted, Denial, GroupCause, Summary } from '../types.js';
import { groupKey } from './group.js';

/** Causes listed per group, and resources per cause (in the order met: the first deliveries, in path order). */
export const CAUSES_PER_GROUP = 20;
export const RESOURCES_PER_CAUSE = 5;

interface Row {
  count: number;
  requests: Set<Cause>;
  resources: string[];
  cause: Cause;
}

/** What makes two causes one row: everything but the request they were found for. */
export function causeIdentity(c: Cause): string {
  const s = c.statement;
  return JSON.stringify([c.kind, s?.layer, s?.policy, s?.attachedTo, s?.index, c.lacking, c.unknown, c.missing, c.disagreement]);
}

export class CauseTally {
  private readonly groups = new Map<string, { requests: Set<Cause>; kinds: Map<string, number>; rows: Map<string, Row> }>();
  private readonly identities = new WeakMap<Cause, string>();

  add(d: Denial, n = 1): void {
    const c = d.cause;
    if (c === undefined) return;
    const key = groupKey(d);
    let g = this.groups.get(key);
    if (g === undefined) this.groups.set(key, (g = { requests: new Set(), kinds: new Map(), rows: new Map() }));
    g.requests.add(c);
    g.kinds.set(c.kind, (g.kinds.get(c.kind) ?? 0) + n);
    let id = this.identities.get(c);
    if (id === undefined) this.identities.set(c, (id = causeIdentity(c)));
    let row = g.rows.get(id);
    if (row === undefined) g.rows.set(id, (row = { count: 0, requests: new Set(), resources: [], cause: c }));
    row.count += n;
    row.requests.add(c);
    if (d.resource !== null && row.resources.length < RESOURCES_PER_CAUSE && !row.resources.includes(d.resource)) row.resources.push(d.resource);
  }

  /** The denials counted whose cause `test` picks. */
  count(test: (c: Cause) => boolean): number {
    let n = 0;
    for (const g of this.groups.values()) for (const row of g.rows.values()) if (test(row.cause)) n += row.count;
    return n;
  }

  groupCause(key: string): GroupCause | undefined {
    const g = this.groups.get(key);
    if (g === undefined) return undefined;
    const kinds: Counted[] = [...g.kinds].map(([k, count]) => ({ key: k, count })).sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));
    const rows = [...g.rows.values()].sort((a, b) => b.count - a.count || (a.cause.summary < b.cause.summary ? -1 : a.cause.summary > b.cause.summary ? 1 : 0));
    return {
      requests: g.requests.size,
      kinds,
      causes: rows.slice(0, CAUSES_PER_GROUP).map((r) => ({ count: r.count, requests: r.requests.size, resources: [...r.resources], cause: r.cause })),
    };
  }

  /** The summary with each group's causes (not on folded rows, whose denials are of several groups). */
  attach(summary: Summary): Summary {
    return { ...summary, groups: summary.groups.map((g) => (g.folded !== undefined ? g : { ...g, ...withCause(this.groupCause(g.key)) })) };
  }
}

const withCause = (cause: GroupCause | undefined) => (cause === undefined ? {} : { cause });
