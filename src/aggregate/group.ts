import type { Counted, Denial, DenialRun, Group } from '../types.js';
import { bump, toCounted, type Tally, type TallyKeys } from './tally.js';
import { TopTally, cutsOf } from './top-tally.js';
import { dayOf } from './day.js';

const SAMPLES = 3;

export function groupKey(d: Pick<Denial, 'principal' | 'action' | 'policyType' | 'denyKind'>): string {
  return `${d.principal} | ${d.action} | ${d.policyType} | ${d.denyKind}`;
}

/** Most distinct values a list of one group keeps (top-tally.ts); denials.csv has every denial. */
export const LIST_CAP = 1000;

/**
 * Field of a Denial tallied per group (the Group list it becomes), and how many distinct values the
 * list keeps: the values AWS sets (codes, accounts, regions, hints) are few and their lists are exact,
 * as the breakdowns summed from them must be; the values a caller chooses may have one per denial.
 */
const TALLIED = {
  categories: { of: (d: Denial) => d.category, cap: Infinity },
  errorCodes: { of: (d: Denial) => d.errorCode, cap: Infinity },
  accounts: { of: (d: Denial) => d.account, cap: Infinity },
  regions: { of: (d: Denial) => d.region, cap: Infinity },
  resources: { of: (d: Denial) => d.resource, cap: LIST_CAP },
  sourceIps: { of: (d: Denial) => d.sourceIp, cap: LIST_CAP },
  userAgents: { of: (d: Denial) => d.userAgent, cap: LIST_CAP },
  sessionNames: { of: (d: Denial) => d.sessionName, cap: LIST_CAP },
  policyArns: { of: (d: Denial) => d.policyArn, cap: LIST_CAP },
  hints: { of: (d: Denial) => d.hints, cap: Infinity },
  // the group's denials per day, for its timeline (and the HTML report's timeline of a filtered set);
  // eventTime is log text, so its distinct days are capped like any list a caller chooses
  timeline: { of: (d: Denial) => dayOf(d.eventTime), cap: LIST_CAP },
} satisfies Record<string, { of: (d: Denial) => TallyKeys; cap: number }>;

type TalliedField = keyof typeof TALLIED;
const TALLIED_FIELDS = Object.keys(TALLIED) as TalliedField[];

export interface GroupState {
  head: Pick<Group, 'key' | 'principal' | 'principalType' | 'action' | 'policyType' | 'denyKind'>;
  count: number;
  /**
   * Denials of this group that may have been counted in a folded row before it was (re)made: at most
   * this many (group-fold.ts). 0 until groups are folded; only ranks groups for the next fold.
   */
  carried: number;
  /** Set on a folded row: how many groups (principals) and action rows it stands for, counted as folded. */
  folded: { principals: number; actions: number } | null;
  firstSeen: string;
  lastSeen: string;
  /**
   * The group's one denial, while it has one; its tallies are made at the second. A swarm of one-off
   * principals is a swarm of one-denial groups: ten maps each made the GC a third of the run (measured).
   */
  only: Denial | null;
  tallies: Record<TalliedField, TopTally> | null;
  samples: { time: string; id: string }[];
}

type Head = GroupState['head'];

export function newGroup(d: Denial, carried = 0): GroupState {
  return emptyGroup(
    { key: groupKey(d), principal: d.principal, principalType: d.principalType, action: d.action, policyType: d.policyType, denyKind: d.denyKind },
    d.eventTime,
    carried,
  );
}

/** A group with nothing in it yet; `time` starts its first and last seen. */
export function emptyGroup(head: Head, time: string, carried: number): GroupState {
  return { head, count: 0, carried, folded: null, firstSeen: time, lastSeen: time, only: null, tallies: null, samples: [] };
}

/** The group's tallies, made (from its one denial, if it has it) when first needed. */
export function talliesOf(g: GroupState): Record<TalliedField, TopTally> {
  if (g.tallies !== null) return g.tallies;
  const t = Object.fromEntries(TALLIED_FIELDS.map((f) => [f, new TopTally(TALLIED[f].cap)])) as Record<TalliedField, TopTally>;
  if (g.only !== null) for (const f of TALLIED_FIELDS) t[f].addAll(TALLIED[f].of(g.only));
  g.only = null;
  return (g.tallies = t);
}

/** Each key of the field's tally and its count, without making the tally of a one-denial group. */
export function eachTallied(g: GroupState, f: TalliedField, fn: (key: string, n: number) => void): void {
  if (g.tallies !== null) for (const [k, n] of g.tallies[f].counts) fn(k, n);
  else if (g.only !== null) {
    const keys = TALLIED[f].of(g.only);
    if (typeof keys === 'string') fn(keys, 1);
    else if (keys !== null) for (const k of keys) fn(k, 1);
  }
}

function earlier(a: { time: string; id: string }, b: { time: string; id: string }): number {
  return a.time < b.time ? -1 : a.time > b.time ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Keeps the earliest sample event IDs, so the choice does not depend on reading order. */
export function keepSamples(list: { time: string; id: string }[]): { time: string; id: string }[] {
  const unique = new Map(list.map((s) => [s.id, s]));
  return [...unique.values()].sort(earlier).slice(0, SAMPLES);
}

/**
 * Adds a denial, or with `run` (an aggregated query-results row) `run.count` denials like it from
 * d.eventTime to run.lastTime, whose earliest event IDs are run.samples.
 */
export function addToGroup(g: GroupState, d: Denial, run?: DenialRun): void {
  const n = run?.count ?? 1;
  g.count += n;
  const last = run?.lastTime ?? d.eventTime;
  if (d.eventTime < g.firstSeen) g.firstSeen = d.eventTime;
  if (last > g.lastSeen) g.lastSeen = last;
  if (g.count === 1 && g.tallies === null) g.only = d;
  else {
    const t = talliesOf(g);
    for (const f of TALLIED_FIELDS) t[f].addAll(TALLIED[f].of(d), n);
  }
  if (run !== undefined) for (const s of run.samples) addSample(g.samples, s);
  else if (d.eventId !== '') addSample(g.samples, { time: d.eventTime, id: d.eventId });
}

/** keepSamples of the list plus one, in place: most denials come later than the kept ones and cost nothing. */
function addSample(list: { time: string; id: string }[], s: { time: string; id: string }): void {
  if (list.length >= SAMPLES && earlier(s, list[list.length - 1]) >= 0) return;
  if (list.some((x) => x.id === s.id)) return;
  let at = list.length;
  while (at > 0 && earlier(s, list[at - 1]) < 0) at--;
  list.splice(at, 0, s);
  if (list.length > SAMPLES) list.length = SAMPLES;
}

export function serviceOf(action: string): string {
  const colon = action.indexOf(':');
  return colon < 0 ? action : action.slice(0, colon);
}

/**
 * Summary breakdowns that follow from the groups: each group adds its count under its own key, or
 * its own tally of the field (every denial is in exactly one group, so the sums are exact). A folded
 * row adds nothing under a principal (or an action) it no longer has: group-fold.ts counts those.
 */
export const GROUP_BREAKDOWNS = {
  byPolicyType: (g: GroupState) => g.head.policyType,
  byDenyKind: (g: GroupState) => g.head.denyKind,
  byPrincipal: (g: GroupState) => (g.folded === null ? g.head.principal : null),
  byAction: (g: GroupState) => (g.folded === null || g.folded.actions === 0 ? g.head.action : null),
  byService: (g: GroupState) => (g.folded === null || g.folded.actions === 0 ? serviceOf(g.head.action) : null),
  byCategory: 'categories',
  byErrorCode: 'errorCodes',
  byAccount: 'accounts',
  byRegion: 'regions',
  byHint: 'hints',
} satisfies Record<string, ((g: GroupState) => string | null) | TalliedField>;

export type GroupBreakdown = keyof typeof GROUP_BREAKDOWNS;

export function groupBreakdown(groups: Iterable<GroupState>, name: GroupBreakdown): Tally {
  const out: Tally = new Map();
  const by = GROUP_BREAKDOWNS[name];
  const add = (k: string, n: number) => bump(out, k, n);
  for (const g of groups) {
    if (typeof by === 'string') eachTallied(g, by, add);
    else {
      const v = by(g);
      if (v !== null) bump(out, v, g.count);
    }
  }
  return out;
}

/** One field's list: most frequent first (a one-denial group's without making its tallies). */
function listOf(g: GroupState, f: TalliedField): Counted[] {
  if (g.tallies !== null) return g.tallies[f].toCounted();
  const t: Tally = new Map();
  eachTallied(g, f, (k, n) => bump(t, k, n));
  return toCounted(t);
}

export function finishGroup(g: GroupState): Group {
  const lists = Object.fromEntries(TALLIED_FIELDS.map((f) => [f, listOf(g, f)])) as Record<TalliedField, Counted[]>;
  // a timeline reads by day, as Summary.timeline does
  lists.timeline.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const tallies = g.tallies;
  return {
    ...g.head,
    count: g.count,
    firstSeen: g.firstSeen,
    lastSeen: g.lastSeen,
    ...lists,
    sampleEventIds: g.samples.map((s) => s.id),
    ...(tallies === null ? {} : cutsOf(TALLIED_FIELDS.map((f) => tallies[f].cut(f)))),
    ...foldedOf(g),
  };
}

/** `folded` only on a folded row: a summary without folding has no such key. */
function foldedOf(g: GroupState): Pick<Group, 'folded'> {
  if (g.folded === null) return {};
  return { folded: g.folded.actions === 0 ? { principals: g.folded.principals } : { ...g.folded } };
}

/** A copy that shares nothing mutable with g. */
export function copyGroup(g: GroupState): GroupState {
  const t = g.tallies;
  const tallies = t === null ? null : (Object.fromEntries(TALLIED_FIELDS.map((f) => [f, t[f].copy()])) as Record<TalliedField, TopTally>);
  return {
    head: { ...g.head },
    count: g.count,
    carried: g.carried,
    folded: g.folded && { ...g.folded },
    firstSeen: g.firstSeen,
    lastSeen: g.lastSeen,
    only: g.only, // a Denial is never changed once made
    tallies,
    samples: g.samples.map((s) => ({ ...s })),
  };
}

/** Adds b's denials to a: count, first and last seen, every tally, the earliest samples. Order-independent. */
export function absorbGroup(a: GroupState, b: GroupState): void {
  a.count += b.count;
  if (b.firstSeen < a.firstSeen) a.firstSeen = b.firstSeen;
  if (b.lastSeen > a.lastSeen) a.lastSeen = b.lastSeen;
  const t = talliesOf(a);
  if (b.tallies !== null) for (const f of TALLIED_FIELDS) t[f].merge(b.tallies[f]);
  else if (b.only !== null) for (const f of TALLIED_FIELDS) t[f].addAll(TALLIED[f].of(b.only));
  for (const x of b.samples) addSample(a.samples, x);
}

/** Folds b into a (same key, two parts of one stream): what b counted, and what it may have folded. */
export function mergeGroupInto(a: GroupState, b: GroupState): void {
  absorbGroup(a, b);
  a.carried += b.carried;
  if (b.folded !== null) {
    a.folded ??= { principals: 0, actions: 0 };
    a.folded.principals += b.folded.principals;
    a.folded.actions += b.folded.actions;
  }
}
