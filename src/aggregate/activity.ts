// Who was refused when, in bounded memory: per principal and, apart, per source IP, the denials of
// each minute with the (action, other, user agent) they came with (`other`: the source IP of a
// principal's denial, the principal of an address's). The burst rules of src/findings/ slide their
// windows over these entries; groups keep no time but first and last seen.
//
//   const a = new Activity();
//   a.add(denial);                               // in the fold: main thread, path order
//   for (const s of a.subjects('principal')) entriesOf(s)   // sorted by minute, for the rules
//
// A subject's entries are one flat array of numbers, appended to (a denial like the one before it
// only adds to its count): no object per denial or per minute, which the fold felt (a Map per subject
// and an object per minute made it twice as slow, measured). Bounded three ways, each documented in
// the README ("Was this an attack?"):
//   - subjects: past 2 × SUBJECT_CAP principals (or addresses) the SUBJECT_CAP with the most denials
//     stay; the others are dropped (counted, with the most denials one had: FindingsReport.activityCut);
//   - entries: past ENTRY_BUDGET in all, every subject is compacted (sorted, alike entries merged); if
//     that is not enough, the least active subjects are dropped the same way;
//   - per minute: a compacted subject keeps TUPLE_CAP distinct (action, other, user agent) per minute;
//     past that the minute's other denials of an action count in one entry without other and user
//     agent (so a distinct count in a window is then at least TUPLE_CAP, a lower bound).
// The fold adds in path order, so what is merged or dropped, and so every finding, is the same at any
// concurrency.
import type { Denial, DenialRun } from '../types.js';
import { Names, UNKNOWN } from './names.js';
import { timeOf } from './time-of.js';

/** Principals (and, apart, source addresses) kept. */
export const SUBJECT_CAP = 10_000;
/** Entries kept across all subjects: E_SIZE numbers and an event ID each, ~90 bytes with the ID's text (~27 MB at most). */
export const ENTRY_BUDGET = 300_000;
/** Distinct (action, other, user agent) kept per subject and minute, once compacted. */
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
  private readonly maps: Record<SubjectKind, Map<string, Subject>> = { principal: new Map(), 'source-ip': new Map() };
  entries = 0;
  /** Subjects dropped past a bound, and the most denials one of them had. */
  dropped = 0;
  maxDropped = 0;
  /** Denials of aggregated query-results rows whose times are not known: not placed in time. */
  unplaced = 0;
  private readonly last = { action: new LastName(), agent: new LastName(), principal: new LastName(), ip: new LastName() };

  constructor(
    readonly subjectCap = SUBJECT_CAP,
    readonly entryBudget = ENTRY_BUDGET,
  ) {}

  subjects(kind: SubjectKind): IterableIterator<Subject> {
    return this.maps[kind].values();
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
    const action = last.action.of(names, d.action);
    const agent = last.agent.of(names, d.userAgent);
    this.addTo('principal', d.principal, minute, action, last.ip.of(names, d.sourceIp), agent, n, second, second, id);
    this.addTo('source-ip', d.sourceIp, minute, action, last.principal.of(names, d.principal), agent, n, second, second, id);
  }

  private addTo(kind: SubjectKind, key: string, minute: number, action: number, other: number, agent: number, n: number, first: number, last: number, id: string): void {
    const map = this.maps[kind];
    let s = map.get(key);
    if (s === undefined) {
      s = { key, denials: 0, t: [], ids: [], compacted: true };
      map.set(key, s);
      if (map.size > 2 * this.subjectCap) this.keepMostActive(map, this.subjectCap);
    }
    s.denials += n;
    const t = s.t;
    const at = t.length - E_SIZE;
    if (at >= 0 && t[at + E_MINUTE] === minute && t[at + E_ACTION] === action && t[at + E_OTHER] === other && t[at + E_AGENT] === agent) {
      mergeInto(s, at / E_SIZE, n, first, last, id);
      return;
    }
    if (at >= 0 && t[at + E_MINUTE] > minute) s.compacted = false;
    else if (at >= 0 && t[at + E_MINUTE] === minute) s.compacted = false; // the same minute, another tuple: merged when compacted
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
    const all = (['principal', 'source-ip'] as const).flatMap((kind) => [...this.maps[kind].values()].map((s) => ({ kind, s })));
    for (const { s } of all) {
      const before = s.ids.length;
      compact(s);
      this.entries -= before - s.ids.length;
    }
    if (this.entries <= (this.entryBudget * 3) / 4) return;
    all.sort((a, b) => a.s.denials - b.s.denials);
    for (const { kind, s } of all) {
      if (this.entries <= (this.entryBudget * 3) / 4) break;
      this.drop(this.maps[kind], s);
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
    for (const kind of ['principal', 'source-ip'] as const) {
      for (const s of other.subjects(kind)) {
        const { t, ids } = entriesOf(s);
        for (let i = 0; i < t.length; i += E_SIZE) {
          this.addTo(kind, s.key, t[i + E_MINUTE], id(t[i + E_ACTION]), id(t[i + E_OTHER]), id(t[i + E_AGENT]), t[i + E_COUNT], t[i + E_FIRST], t[i + E_LAST], ids[i / E_SIZE]);
        }
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
 * Sorts the subject's entries by minute, action, other, agent and merges alike ones; a minute past
 * TUPLE_CAP distinct tuples counts the rest under (action, -, -), and past twice that under (-, -, -).
 */
function compact(s: Subject): void {
  const n = s.ids.length;
  const order = Array.from({ length: n }, (_, k) => k);
  const t = s.t;
  const key = (k: number, f: number) => t[k * E_SIZE + f];
  order.sort((a, b) => key(a, E_MINUTE) - key(b, E_MINUTE) || key(a, E_ACTION) - key(b, E_ACTION) || key(a, E_OTHER) - key(b, E_OTHER) || key(a, E_AGENT) - key(b, E_AGENT) || a - b);
  const out = { t: [] as number[], ids: [] as string[] };
  let minute = NaN;
  let distinct = 0;
  for (const k of order) {
    const at = k * E_SIZE;
    let action = t[at + E_ACTION];
    let other = t[at + E_OTHER];
    let agent = t[at + E_AGENT];
    if (t[at + E_MINUTE] !== minute) {
      minute = t[at + E_MINUTE];
      distinct = 0;
    }
    const prev = out.t.length - E_SIZE;
    const same = (a: number, o: number, g: number) => prev >= 0 && out.t[prev + E_MINUTE] === minute && out.t[prev + E_ACTION] === a && out.t[prev + E_OTHER] === o && out.t[prev + E_AGENT] === g;
    if (!same(action, other, agent)) {
      if (distinct >= TUPLE_CAP) {
        other = UNKNOWN;
        agent = UNKNOWN;
        if (distinct >= 2 * TUPLE_CAP) action = UNKNOWN;
      }
      const found = findInMinute(out.t, minute, action, other, agent);
      if (found >= 0) {
        mergeInto(out, found, t[at + E_COUNT], t[at + E_FIRST], t[at + E_LAST], s.ids[k]);
        continue;
      }
      distinct++;
      out.t.push(minute, action, other, agent, t[at + E_COUNT], t[at + E_FIRST], t[at + E_LAST]);
      out.ids.push(s.ids[k]);
      continue;
    }
    mergeInto(out, prev / E_SIZE, t[at + E_COUNT], t[at + E_FIRST], t[at + E_LAST], s.ids[k]);
  }
  s.t = out.t;
  s.ids = out.ids;
  s.compacted = true;
}

/** The entry of this minute with these names, searching back from the end (the minute's entries are last). */
function findInMinute(t: number[], minute: number, action: number, other: number, agent: number): number {
  for (let at = t.length - E_SIZE; at >= 0 && t[at + E_MINUTE] === minute; at -= E_SIZE) {
    if (t[at + E_ACTION] === action && t[at + E_OTHER] === other && t[at + E_AGENT] === agent) return at / E_SIZE;
  }
  return -1;
}
