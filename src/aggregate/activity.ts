// Who was refused when, in bounded memory: per principal and, apart, per source IP, the denials of
// each minute with the distinct (action, other, user agent) they came with (`other`: the source IP of
// a principal's denial, the principal of an address's). The burst rules of src/findings/ slide their
// windows over these cells; groups keep no time but first and last seen.
//
//   const a = new Activity();
//   a.add(denial, 1);                       // in the fold: main thread, path order
//   for (const s of a.subjects('principal')) s.cells   // minute → Cell, for the rules
//
// Bounded three ways, each documented in the README ("Was this an attack?"):
//   - subjects: past 2 × SUBJECT_CAP principals (or addresses) the SUBJECT_CAP with the most denials
//     stay; the others are dropped (counted, with the most denials one had: FindingsReport.activityCut);
//   - cells: past CELL_BUDGET minute cells in all, the least active subjects are dropped the same way;
//   - tuples: a cell keeps TUPLE_CAP distinct (action, other, user agent); past that its other
//     denials of an action count in one tuple without other and user agent, so a distinct count in a
//     window is then at least TUPLE_CAP, a lower bound.
// The fold adds in path order, so what is dropped, and so every finding, is the same at any concurrency.
import type { Denial, DenialRun } from '../types.js';
import { Names, UNKNOWN } from './names.js';

/** Principals (and, apart, source addresses) whose minutes are kept. */
export const SUBJECT_CAP = 10_000;
/** Minute cells kept across all subjects (~150 bytes each: ~30 MB at most). */
export const CELL_BUDGET = 200_000;
/** Distinct (action, other, user agent) kept per cell. */
export const TUPLE_CAP = 64;

/** Tuple layout in Cell.t: six numbers per distinct (action, other, user agent) of the minute. */
export const T_ACTION = 0;
export const T_OTHER = 1;
export const T_AGENT = 2;
export const T_COUNT = 3;
export const T_FIRST = 4; // second of the minute (0-59) of the earliest denial of the tuple
export const T_LAST = 5;
export const T_SIZE = 6;

/** One subject's denials in one minute. */
export interface Cell {
  t: number[]; // tuples, T_SIZE numbers each (names are ids in Activity.names)
  ids: string[]; // per tuple: the event ID of its earliest denial ('' when none had one)
}

export interface Subject {
  key: string;
  denials: number;
  cells: Map<number, Cell>; // minute since the epoch → cell
}

export type SubjectKind = 'principal' | 'source-ip';

interface Tuple {
  action: number;
  other: number;
  agent: number;
}

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

export class Activity {
  readonly names = new Names();
  private readonly maps: Record<SubjectKind, Map<string, Subject>> = { principal: new Map(), 'source-ip': new Map() };
  cells = 0;
  /** Subjects dropped past a bound, and the most denials one of them had. */
  dropped = 0;
  maxDropped = 0;
  /** Denials of aggregated query-results rows spanning more than a minute: not placed in time. */
  unplaced = 0;

  constructor(
    readonly subjectCap = SUBJECT_CAP,
    readonly cellBudget = CELL_BUDGET,
  ) {}

  subjects(kind: SubjectKind): IterableIterator<Subject> {
    return this.maps[kind].values();
  }

  /**
   * A denial, or with `run` the run.count alike denials of an aggregated query-results row: those whose
   * times are known are placed (its sample events, its last time, or all of it when it lies within one
   * minute); the rest are counted as unplaced.
   */
  add(d: Denial, run?: DenialRun): void {
    if (outsideBursts(d)) return;
    if (run === undefined || run.count === 1) return this.place(d, d.eventTime, d.eventId, 1);
    for (const at of placedOf(d.eventTime, run)) this.place(d, at.time, at.id, at.n);
    this.unplaced += run.count - placedOf(d.eventTime, run).reduce((n, at) => n + at.n, 0);
  }

  private place(d: Denial, time: string, id: string, n: number): void {
    const ms = Date.parse(time);
    if (Number.isNaN(ms)) return;
    const minute = Math.floor(ms / MINUTE);
    const second = Math.floor((ms - minute * MINUTE) / 1000);
    const names = this.names;
    const action = names.id(d.action);
    const agent = names.id(d.userAgent);
    this.addTo('principal', d.principal, minute, { action, other: names.id(d.sourceIp), agent }, n, second, second, id);
    this.addTo('source-ip', d.sourceIp, minute, { action, other: names.id(d.principal), agent }, n, second, second, id);
  }

  private addTo(kind: SubjectKind, key: string, minute: number, tuple: Tuple, n: number, first: number, last: number, id: string): void {
    const map = this.maps[kind];
    let s = map.get(key);
    if (s === undefined) {
      s = { key, denials: 0, cells: new Map() };
      map.set(key, s);
      if (map.size > 2 * this.subjectCap) this.keepMostActive(map, this.subjectCap);
    }
    s.denials += n;
    let cell = s.cells.get(minute);
    if (cell === undefined) {
      cell = { t: [], ids: [] };
      s.cells.set(minute, cell);
      this.cells++;
    }
    addTuple(cell, tuple, n, first, last, id);
    if (this.cells > this.cellBudget) this.shed();
  }

  /** Keeps the `keep` subjects with the most denials (ties: the earlier met), dropping the rest. */
  private keepMostActive(map: Map<string, Subject>, keep: number): void {
    const ranked = [...map.values()].sort((a, b) => b.denials - a.denials);
    for (const s of ranked.slice(keep)) this.drop(map, s);
  }

  /** Past the cell budget: the least active subjects of both kinds go until a quarter of it is free. */
  private shed(): void {
    const all = (['principal', 'source-ip'] as const).flatMap((kind) => [...this.maps[kind].values()].map((s) => ({ kind, s })));
    all.sort((a, b) => a.s.denials - b.s.denials);
    for (const { kind, s } of all) {
      if (this.cells <= (this.cellBudget * 3) / 4) break;
      this.drop(this.maps[kind], s);
    }
  }

  private drop(map: Map<string, Subject>, s: Subject): void {
    map.delete(s.key);
    this.cells -= s.cells.size;
    this.dropped++;
    if (s.denials > this.maxDropped) this.maxDropped = s.denials;
  }

  /** Adds another part of the same stream (names are matched by their text; the bounds apply again). */
  merge(other: Activity): void {
    const id = (n: number) => (n === UNKNOWN ? UNKNOWN : this.names.id(other.names.name(n)));
    for (const kind of ['principal', 'source-ip'] as const) {
      for (const s of other.subjects(kind)) {
        for (const [minute, cell] of s.cells) {
          const t = cell.t;
          for (let i = 0; i < t.length; i += T_SIZE) {
            const tuple = { action: id(t[i + T_ACTION]), other: id(t[i + T_OTHER]), agent: id(t[i + T_AGENT]) };
            this.addTo(kind, s.key, minute, tuple, t[i + T_COUNT], t[i + T_FIRST], t[i + T_LAST], cell.ids[i / T_SIZE]);
          }
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
  const minute = (t: string) => Math.floor(Date.parse(t) / MINUTE);
  if (run.lastTime === first || minute(run.lastTime) === minute(first)) return [{ time: first, id: run.samples[0]?.id ?? '', n: run.count }];
  const out = run.samples.slice(0, run.count).map((s) => ({ time: s.time, id: s.id, n: 1 }));
  if (run.count > out.length && run.lastTime !== '' && !out.some((s) => s.time === run.lastTime)) out.push({ time: run.lastTime, id: '', n: 1 });
  return out;
}

/** The earlier of two (second, event ID): the sample a tuple keeps does not depend on reading order. */
const earlier = (s1: number, id1: string, s2: number, id2: string): boolean => s1 < s2 || (s1 === s2 && id1 !== '' && (id2 === '' || id1 < id2));

function indexOf(t: number[], action: number, other: number, agent: number): number {
  for (let i = 0; i < t.length; i += T_SIZE) if (t[i] === action && t[i + T_OTHER] === other && t[i + T_AGENT] === agent) return i;
  return -1;
}

/**
 * Counts n denials under (action, other, agent) between seconds first and last of the minute. A full
 * cell counts a new tuple's denials under (action, -, -), and past twice its cap under (-, -, -).
 */
function addTuple(cell: Cell, tuple: Tuple, n: number, first: number, last: number, id: string): void {
  const t = cell.t;
  let { action, other, agent } = tuple;
  let at = indexOf(t, action, other, agent);
  if (at < 0 && t.length >= TUPLE_CAP * T_SIZE) {
    other = UNKNOWN;
    agent = UNKNOWN;
    if (t.length >= 2 * TUPLE_CAP * T_SIZE) action = UNKNOWN;
    at = indexOf(t, action, other, agent);
  }
  if (at < 0) {
    t.push(action, other, agent, n, first, last);
    cell.ids.push(id);
    return;
  }
  t[at + T_COUNT] += n;
  const k = at / T_SIZE;
  if (earlier(first, id, t[at + T_FIRST], cell.ids[k])) {
    t[at + T_FIRST] = first;
    cell.ids[k] = id;
  }
  if (last > t[at + T_LAST]) t[at + T_LAST] = last;
}
