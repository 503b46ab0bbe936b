// Who was refused when, in bounded memory: per principal, the denials of each minute with the
// (action, source IP, user agent) they came with; and, made from those when the rules ask, the same per
// source IP (its `other` being the principal). The burst rules of src/findings/ slide their windows over
// these entries; groups keep no time but first and last seen.
//
//   const a = new Activity();
//   a.add(denial);                               // in the fold: main thread, path order
//   for (const s of a.subjects('principal')) entriesOf(s)   // sorted by minute, for the rules
//
// A subject's entries are one flat array of numbers, appended to (a denial like the one before it
// only adds to its count): no object per denial or per minute, which the fold felt (a Map per subject
// and an object per minute made it twice as slow, measured). Bounded three ways, each documented in
// the README ("Was this an attack?"):
//   - subjects: past 2 × SUBJECT_CAP principals the SUBJECT_CAP with the most denials
//     stay; the others are dropped (counted, with the most denials one had: FindingsReport.activityCut);
//   - entries: past ENTRY_BUDGET in all, every subject is compacted (sorted, alike entries merged); if
//     that is not enough, the least active subjects are dropped the same way;
//   - per minute: a subject keeps TUPLE_CAP distinct (action, other, user agent) per minute; past that
//     the minute's other denials of an action count in one entry without other and user agent, and
//     past TUPLE_CAP such entries in one (-, -, -) (placeIn): distinct counts in such a minute are lower
//     bounds. Applied as the denials come (to the minute of a subject's last entry) and when compacted.
// The per-address view is made from the principals' entries (one record, not two: the fold does half
// the work, measured), so what the principals' bounds drop is missing there too: the denials of a
// principal dropped, and those a full minute keeps without their address.
// The fold adds in path order, so what is merged or dropped, and so every finding, is the same at any
// concurrency.
import type { Denial, DenialRun } from '../types.js';
import { Names, UNKNOWN } from './names.js';
import { timeOf } from './time-of.js';

/** Principals kept (their addresses are those of their entries). */
export const SUBJECT_CAP = 10_000;
/** Entries kept across all principals: E_SIZE numbers and an event ID each, ~90 bytes with the ID's text (~27 MB at most; as much again for the per-address view, made once the fold is done). */
export const ENTRY_BUDGET = 300_000;
/** Distinct (action, other, user agent) kept per subject and minute (placeIn). */
export const TUPLE_CAP = 64;

/** Entry layout in Subject.t: seven numbers per entry. */
export const E_MINUTE = 0; // minutes since the epoch
export const E_ACTION = 1; // names are ids in Activity.names
export const E_OTHER = 2;
export const E_AGENT = 3;
export const E_COUNT = 4;
export const E_FIRST = 5; // second of the minute (0-59) of the entry's earliest denial
export const E_LAST = 6;
export const E_SIZE = 7;

export interface Subject {
  key: string;
  denials: number;
  t: number[]; // entries, E_SIZE numbers each
  ids: string[]; // per entry: the event ID of its earliest denial ('' when none had one)
  /** Entries sorted by minute, action, other, agent, and alike ones merged (compact()). */
  compacted: boolean;
}

export type SubjectKind = 'principal' | 'source-ip';

const MINUTE = 60_000;

/**
 * Denials the burst rules leave out, as the published rules do: calls AWS services make on a
 * principal's behalf (their source is a service host, not an address) and the console's own
 * background calls (user agent `aws-internal/…`, also inside `[S3Console/0.4, aws-internal/3 …]`, or
 * `AWS Internal`: Panther's AWS.IAMUser.ReconAccessDenied skips them, "some pages contain a mix of
 * items that a user may or may not have access to").
 */
export function outsideBursts(d: Denial): boolean {
  if (d.principalType === 'AWSService') return true;
  const ip = d.sourceIp;
  if (ip === 'AWS Internal' || ip.endsWith('.amazonaws.com')) return true;
  const agent = d.userAgent;
  return agent === 'AWS Internal' || agent.includes('aws-internal/');
}

/** The last name looked up and its id: consecutive denials often share an action or a user agent. */
class LastName {
  private text: string | null = null;
  private id = 0;

  of(names: Names, text: string): number {
    if (text !== this.text) {
      this.id = names.id(text);
      this.text = text;
    }
    return this.id;
  }
}

/** The subject's entries, compacted (sorted by minute, alike ones merged). */
export function entriesOf(s: Subject): { t: readonly number[]; ids: readonly string[] } {
  if (!s.compacted) compact(s);
  return s;
}

export class Activity {
  readonly names = new Names();
  private readonly principals = new Map<string, Subject>();
  /** The per-address view, made from the principals' entries when first asked for (see ipView). */
  private ips: Map<string, Subject> | null = null;
  entries = 0;
  /** Subjects dropped past a bound, and the most denials one of them had. */
  dropped = 0;
  maxDropped = 0;
  /** Denials of aggregated query-results rows whose times are not known: not placed in time. */
  unplaced = 0;
  private readonly last = { action: new LastName(), agent: new LastName(), ip: new LastName() };

  constructor(
    readonly subjectCap = SUBJECT_CAP,
    readonly entryBudget = ENTRY_BUDGET,
  ) {}

  subjects(kind: SubjectKind): IterableIterator<Subject> {
    return kind === 'principal' ? this.principals.values() : (this.ips ??= this.ipView()).values();
  }

  /**
   * The denials per source address, from every principal's entries (`other` the principal): an
   * address's burst is the sum of its principals'. Entries whose address was not kept (a minute's
   * overflow past TUPLE_CAP, a name past NAME_CAP) have no address to count under. Bounded as the
   * principals' record is: no more entries than it, no more addresses than NAME_CAP (measured on the
   * bench's --attack corpus, every error from a new address: peak RSS no higher than with a separate
   * per-address record capped at 2 × SUBJECT_CAP).
   */
  private ipView(): Map<string, Subject> {
    const view = new Map<number, Subject>();
    const names = this.names;
    for (const p of this.principals.values()) {
      const principal = names.id(p.key);
      const before = p.ids.length;
      const { t, ids } = entriesOf(p);
      this.entries -= before - ids.length; // compacted: what was merged leaves the budget
      for (let at = 0; at < t.length; at += E_SIZE) {
        const ip = t[at + E_OTHER];
        if (!names.kept(ip)) continue;
        let s = view.get(ip);
        if (s === undefined) view.set(ip, (s = { key: names.name(ip), denials: 0, t: [], ids: [], compacted: false }));
        s.denials += t[at + E_COUNT];
        s.t.push(t[at + E_MINUTE], t[at + E_ACTION], principal, t[at + E_AGENT], t[at + E_COUNT], t[at + E_FIRST], t[at + E_LAST]);
        s.ids.push(ids[at / E_SIZE]);
      }
    }
    return new Map([...view.values()].map((s) => [s.key, s]));
  }

  /**
   * A denial, or with `run` the run.count alike denials of an aggregated query-results row: those whose
   * times are known are placed (its sample events, its last time, or all of it when it lies within one
   * minute); the rest are counted as unplaced. `ms`: d.eventTime, when the caller parsed it already.
   */
  add(d: Denial, run?: DenialRun, ms = timeOf(d.eventTime)): void {
    if (outsideBursts(d)) return;
    if (run === undefined || run.count === 1) return this.place(d, ms, d.eventId, 1);
    const placed = placedOf(d.eventTime, run);
    for (const at of placed) this.place(d, timeOf(at.time), at.id, at.n);
    this.unplaced += run.count - placed.reduce((n, at) => n + at.n, 0);
  }

  private place(d: Denial, ms: number, id: string, n: number): void {
    if (Number.isNaN(ms)) return;
    const minute = Math.floor(ms / MINUTE);
    const second = Math.floor((ms - minute * MINUTE) / 1000);
    const { names, last } = this;
    this.addTo(d.principal, minute, last.action.of(names, d.action), last.ip.of(names, d.sourceIp), last.agent.of(names, d.userAgent), n, second, second, id);
  }

  private addTo(key: string, minute: number, action: number, other: number, agent: number, n: number, first: number, last: number, id: string): void {
    this.ips = null; // made again from the principals when next asked for
    const map = this.principals;
    let s = map.get(key);
    if (s === undefined) {
      s = { key, denials: 0, t: [], ids: [], compacted: true };
      map.set(key, s);
      if (map.size > 2 * this.subjectCap) this.keepMostActive(map, this.subjectCap);
    }
    s.denials += n;
    const t = s.t;
    const at = t.length - E_SIZE;
    if (at >= 0 && t[at + E_MINUTE] === minute) {
      // the minute of the last entry: this tuple among the minute's entries (the last ones), or, once the
      // minute is full, its overflow entry, as compact() would place it (a flood from new addresses
      // grows no entry)
      if (t[at + E_ACTION] === action && t[at + E_OTHER] === other && t[at + E_AGENT] === agent) return mergeInto(s, at / E_SIZE, n, first, last, id);
      const place = placeIn(t, minute, action, other, agent);
      if (place.found >= 0) return mergeInto(s, place.found, n, first, last, id);
      [action, other, agent] = place.tuple;
      s.compacted = false; // the minute's entries are not in tuple order: compact() sorts them
    } else if (at >= 0 && t[at + E_MINUTE] > minute) s.compacted = false;
    t.push(minute, action, other, agent, n, first, last);
    s.ids.push(id);
    if (++this.entries > this.entryBudget) this.makeRoom();
  }

  /** Keeps the `keep` subjects with the most denials (ties: the earlier met), dropping the rest. */
  private keepMostActive(map: Map<string, Subject>, keep: number): void {
    const ranked = [...map.values()].sort((a, b) => b.denials - a.denials);
    for (const s of ranked.slice(keep)) this.drop(map, s);
  }

  /** Past the entry budget: every subject compacted; then, if need be, the least active dropped until a quarter is free. */
  private makeRoom(): void {
    const all = [...this.principals.values()];
    for (const s of all) {
      if (s.compacted) continue; // sorted and merged already (every subject of one entry)
      const before = s.ids.length;
      compact(s);
      this.entries -= before - s.ids.length;
    }
    if (this.entries <= (this.entryBudget * 3) / 4) return;
    all.sort((a, b) => a.denials - b.denials);
    for (const s of all) {
      if (this.entries <= (this.entryBudget * 3) / 4) break;
      this.drop(this.principals, s);
    }
  }

  private drop(map: Map<string, Subject>, s: Subject): void {
    map.delete(s.key);
    this.entries -= s.ids.length;
    this.dropped++;
    if (s.denials > this.maxDropped) this.maxDropped = s.denials;
  }

  /** Adds another part of the same stream (names are matched by their text; the bounds apply again). */
  merge(other: Activity): void {
    const id = (n: number) => (n === UNKNOWN ? UNKNOWN : this.names.id(other.names.name(n)));
    for (const s of other.subjects('principal')) {
      const { t, ids } = entriesOf(s);
      for (let i = 0; i < t.length; i += E_SIZE) {
        this.addTo(
          s.key,
          t[i + E_MINUTE],
          id(t[i + E_ACTION]),
          id(t[i + E_OTHER]),
          id(t[i + E_AGENT]),
          t[i + E_COUNT],
          t[i + E_FIRST],
          t[i + E_LAST],
          ids[i / E_SIZE],
        );
      }
    }
    this.dropped += other.dropped;
    this.maxDropped = Math.max(this.maxDropped, other.maxDropped);
    this.unplaced += other.unplaced;
  }
}

/**
 * The denials of an aggregated row whose times are known: all of them at the first time when the row
 * lies within one minute; else its sample events (the earliest, each with its time) and, when the row
 * holds more, one at its last time.
 */
export function placedOf(first: string, run: DenialRun): { time: string; id: string; n: number }[] {
  const minute = (t: string) => Math.floor(timeOf(t) / MINUTE);
  if (run.lastTime === first || minute(run.lastTime) === minute(first)) return [{ time: first, id: run.samples[0]?.id ?? '', n: run.count }];
  const out = run.samples.slice(0, run.count).map((s) => ({ time: s.time, id: s.id, n: 1 }));
  if (run.count > out.length && run.lastTime !== '' && !out.some((s) => s.time === run.lastTime)) out.push({ time: run.lastTime, id: '', n: 1 });
  return out;
}

/** The earlier of two (second, event ID): the sample an entry keeps does not depend on reading order. */
const earlier = (s1: number, id1: string, s2: number, id2: string): boolean => s1 < s2 || (s1 === s2 && id1 !== '' && (id2 === '' || id1 < id2));

/** Adds n denials between seconds first and last to entry k. */
function mergeInto(s: { t: number[]; ids: string[] }, k: number, n: number, first: number, last: number, id: string): void {
  const t = s.t;
  const at = k * E_SIZE;
  t[at + E_COUNT] += n;
  if (earlier(first, id, t[at + E_FIRST], s.ids[k])) {
    t[at + E_FIRST] = first;
    s.ids[k] = id;
  }
  if (last > t[at + E_LAST]) t[at + E_LAST] = last;
}

/**
 * Sorts the subject's entries by minute, action, other, agent and merges alike ones; a full minute (see
 * placeIn) counts the rest under (action, -, -), and past that under (-, -, -). Compacting twice
 * changes nothing (the overflow entries sort first and are not counted among the distinct tuples).
 */
function compact(s: Subject): void {
  const n = s.ids.length;
  const order = Array.from({ length: n }, (_, k) => k);
  const t = s.t;
  const key = (k: number, f: number) => t[k * E_SIZE + f];
  order.sort(
    (a, b) =>
      key(a, E_MINUTE) - key(b, E_MINUTE) ||
      key(a, E_ACTION) - key(b, E_ACTION) ||
      key(a, E_OTHER) - key(b, E_OTHER) ||
      key(a, E_AGENT) - key(b, E_AGENT) ||
      a - b,
  );
  const out = { t: [] as number[], ids: [] as string[] };
  for (const k of order) {
    const at = k * E_SIZE;
    const minute = t[at + E_MINUTE];
    const place = placeIn(out.t, minute, t[at + E_ACTION], t[at + E_OTHER], t[at + E_AGENT]);
    if (place.found >= 0) {
      mergeInto(out, place.found, t[at + E_COUNT], t[at + E_FIRST], t[at + E_LAST], s.ids[k]);
      continue;
    }
    const [action, other, agent] = place.tuple;
    out.t.push(minute, action, other, agent, t[at + E_COUNT], t[at + E_FIRST], t[at + E_LAST]);
    out.ids.push(s.ids[k]);
  }
  s.t = out.t;
  s.ids = out.ids;
  s.compacted = true;
}

/**
 * Where a tuple goes among the minute's entries (the last ones of t): its own entry, or a new one; when
 * the minute is full, an overflow entry. A minute holds at most TUPLE_CAP tuples with their address (or
 * principal) and user agent, then at most TUPLE_CAP entries (action, -, -) counting an action's further
 * denials, then one entry (-, -, -): 2 × TUPLE_CAP + 1 entries in all. `found`: the entry to add to, or
 * -1 and the tuple of a new entry. One pass over the minute's entries.
 */
function placeIn(t: readonly number[], minute: number, action: number, other: number, agent: number): { found: number; tuple: [number, number, number] } {
  let known = 0;
  let byAction = 0;
  let own = -1;
  let actionOverflow = -1;
  let allOverflow = -1;
  for (let at = t.length - E_SIZE; at >= 0 && t[at + E_MINUTE] === minute; at -= E_SIZE) {
    const a = t[at + E_ACTION];
    const o = t[at + E_OTHER];
    if (o !== UNKNOWN) known++;
    else if (a !== UNKNOWN) byAction++;
    if (a !== action) {
      if (a === UNKNOWN) allOverflow = at / E_SIZE;
      continue;
    }
    if (o === other && t[at + E_AGENT] === agent) own = at / E_SIZE;
    if (o === UNKNOWN) actionOverflow = at / E_SIZE;
  }
  if (own >= 0 || (other !== UNKNOWN && known < TUPLE_CAP)) return { found: own, tuple: [action, other, agent] };
  if (action !== UNKNOWN && (actionOverflow >= 0 || byAction < TUPLE_CAP)) return { found: actionOverflow, tuple: [action, UNKNOWN, UNKNOWN] };
  return { found: allOverflow, tuple: [UNKNOWN, UNKNOWN, UNKNOWN] };
}
