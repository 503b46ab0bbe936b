import type { Denial, Group } from '../types.js';
import { bump, type Tally, type TallyKeys } from './tally.js';
import { TopTally, cutsOf } from './top-tally.js';

const SAMPLES = 3;

export function groupKey(d: Pick<Denial, 'principal' | 'action' | 'policyType' | 'denyKind'>): string {
  return [d.principal, d.action, d.policyType, d.denyKind].join(' | ');
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
} satisfies Record<string, { of: (d: Denial) => TallyKeys; cap: number }>;

type TalliedField = keyof typeof TALLIED;
const TALLIED_FIELDS = Object.keys(TALLIED) as TalliedField[];

export interface GroupState {
  head: Pick<Group, 'key' | 'principal' | 'principalType' | 'action' | 'policyType' | 'denyKind'>;
  count: number;
  firstSeen: string;
  lastSeen: string;
  tallies: Record<TalliedField, TopTally>;
  samples: { time: string; id: string }[];
}

export function newGroup(d: Denial): GroupState {
  const tallies = Object.fromEntries(TALLIED_FIELDS.map((f) => [f, new TopTally(TALLIED[f].cap)])) as Record<TalliedField, TopTally>;
  return {
    head: {
      key: groupKey(d),
      principal: d.principal,
      principalType: d.principalType,
      action: d.action,
      policyType: d.policyType,
      denyKind: d.denyKind,
    },
    count: 0,
    firstSeen: d.eventTime,
    lastSeen: d.eventTime,
    tallies,
    samples: [],
  };
}

function earlier(a: { time: string; id: string }, b: { time: string; id: string }): number {
  return a.time < b.time ? -1 : a.time > b.time ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Keeps the earliest sample event IDs, so the choice does not depend on reading order. */
export function keepSamples(list: { time: string; id: string }[]): { time: string; id: string }[] {
  const unique = new Map(list.map((s) => [s.id, s]));
  return [...unique.values()].sort(earlier).slice(0, SAMPLES);
}

export function addToGroup(g: GroupState, d: Denial): void {
  g.count++;
  if (d.eventTime < g.firstSeen) g.firstSeen = d.eventTime;
  if (d.eventTime > g.lastSeen) g.lastSeen = d.eventTime;
  for (const f of TALLIED_FIELDS) g.tallies[f].addAll(TALLIED[f].of(d));
  if (d.eventId !== '') addSample(g.samples, { time: d.eventTime, id: d.eventId });
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

function serviceOf(action: string): string {
  const colon = action.indexOf(':');
  return colon < 0 ? action : action.slice(0, colon);
}

/**
 * Summary breakdowns that follow from the groups: each group adds its count under its own key, or
 * its own tally of the field (every denial is in exactly one group, so the sums are exact).
 */
export const GROUP_BREAKDOWNS = {
  byPolicyType: (g: GroupState) => g.head.policyType,
  byDenyKind: (g: GroupState) => g.head.denyKind,
  byPrincipal: (g: GroupState) => g.head.principal,
  byAction: (g: GroupState) => g.head.action,
  byService: (g: GroupState) => serviceOf(g.head.action),
  byCategory: (g: GroupState) => g.tallies.categories,
  byErrorCode: (g: GroupState) => g.tallies.errorCodes,
  byAccount: (g: GroupState) => g.tallies.accounts,
  byRegion: (g: GroupState) => g.tallies.regions,
  byHint: (g: GroupState) => g.tallies.hints,
} satisfies Record<string, (g: GroupState) => string | TopTally>;

export type GroupBreakdown = keyof typeof GROUP_BREAKDOWNS;

export function groupBreakdown(groups: Iterable<GroupState>, name: GroupBreakdown): Tally {
  const out: Tally = new Map();
  for (const g of groups) {
    const v = GROUP_BREAKDOWNS[name](g);
    if (typeof v === 'string') bump(out, v, g.count);
    else for (const [k, n] of v.counts) bump(out, k, n);
  }
  return out;
}

export function finishGroup(g: GroupState): Group {
  const lists = Object.fromEntries(TALLIED_FIELDS.map((f) => [f, g.tallies[f].toCounted()])) as Record<
    TalliedField,
    Group[TalliedField]
  >;
  return {
    ...g.head,
    count: g.count,
    firstSeen: g.firstSeen,
    lastSeen: g.lastSeen,
    ...lists,
    sampleEventIds: g.samples.map((s) => s.id),
    ...cutsOf(TALLIED_FIELDS.map((f) => g.tallies[f].cut(f))),
  };
}

/** A copy that shares nothing mutable with g. */
export function copyGroup(g: GroupState): GroupState {
  const tallies = Object.fromEntries(TALLIED_FIELDS.map((f) => [f, g.tallies[f].copy()])) as Record<TalliedField, TopTally>;
  return { head: { ...g.head }, count: g.count, firstSeen: g.firstSeen, lastSeen: g.lastSeen, tallies, samples: g.samples.map((s) => ({ ...s })) };
}

/** Folds b into a (same key). Order-independent: min/max, sums and earliest samples. */
export function mergeGroupInto(a: GroupState, b: GroupState): void {
  a.count += b.count;
  if (b.firstSeen < a.firstSeen) a.firstSeen = b.firstSeen;
  if (b.lastSeen > a.lastSeen) a.lastSeen = b.lastSeen;
  for (const f of TALLIED_FIELDS) a.tallies[f].merge(b.tallies[f]);
  a.samples = keepSamples([...a.samples, ...b.samples]);
}
