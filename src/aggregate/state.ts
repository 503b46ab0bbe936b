import type { Denial, DenialRun, QueryResultsInput, ReadIssue, RecordAccounting, SkipReason } from '../types.js';
import { Activity } from './activity.js';
import { timeOf } from './time-of.js';
import { LIST_CAP, addToGroup, copyGroup, groupKey, mergeGroupInto, newGroup, type GroupState } from './group.js';
import { GROUP_CAP, foldGroups, mergeFolds, newFolds, type GroupFolds } from './group-fold.js';
import { mergeSuppressed, type SuppressedTally } from './suppression.js';
import type { TallyKeys } from './tally.js';
import { TimeBuckets } from './time-buckets.js';
import { TopTally } from './top-tally.js';
import { dayOf } from './day.js';

/**
 * Breakdowns the groups do not hold: Summary field → the key a denial contributes. The others
 * (by policy type, principal, account, hint, …) follow from the groups (GROUP_BREAKDOWNS, group.ts),
 * which saves ten map updates per denial.
 */
export const BREAKDOWNS = {
  timeline: (d: Denial) => dayOf(d.eventTime),
  unrecognizedMessages: (d: Denial) => (d.recognized ? null : d.message),
} satisfies Record<string, (d: Denial) => TallyKeys>;

export type BreakdownName = keyof typeof BREAKDOWNS | 'otherErrorCodes';
const BREAKDOWN_NAMES = Object.keys(BREAKDOWNS) as (keyof typeof BREAKDOWNS)[];

/** Distinct keys each breakdown keeps (see group.ts): days and AWS's error codes are few; messages are not. */
const BREAKDOWN_CAPS: Record<BreakdownName, number> = { timeline: Infinity, unrecognizedMessages: LIST_CAP, otherErrorCodes: Infinity };
const ALL_BREAKDOWNS = Object.keys(BREAKDOWN_CAPS) as BreakdownName[];

/** The mutable, mergeable form of a Summary. */
export interface AggregateState {
  totals: RecordAccounting;
  files: { found: number; read: number; pruned: number; skipped: number; damaged: number };
  skippedFiles: { path: string; reason: SkipReason }[];
  issues: ReadIssue[];
  breakdowns: Record<BreakdownName, TopTally>;
  /** The groups kept as themselves: at most 2 × groupCap (group-fold.ts). */
  groups: Map<string, GroupState>;
  groupCap: number;
  /** The groups folded into rows; null until more than 2 × groupCap groups were met. */
  folds: GroupFolds | null;
  suppressed: Map<number, SuppressedTally>; // by rule index
  /** Set once query results were read (report results.csv). */
  queryResults: QueryResultsInput | null;
  /** Who was refused when, per minute (bounded): what the burst rules of src/findings/ read. */
  activity: Activity;
  /** Denials per minute (coarser past a bound): the timeline whose bucket fits the span. */
  times: TimeBuckets;
}

export function newState(groupCap = GROUP_CAP): AggregateState {
  return {
    totals: { records: 0, denials: 0, suppressed: 0, otherErrors: 0, noError: 0, excludedByFilter: 0, duplicates: 0, damagedRecords: 0 },
    files: { found: 0, read: 0, pruned: 0, skipped: 0, damaged: 0 },
    skippedFiles: [],
    issues: [],
    breakdowns: Object.fromEntries(ALL_BREAKDOWNS.map((b) => [b, new TopTally(BREAKDOWN_CAPS[b])])) as Record<BreakdownName, TopTally>,
    groups: new Map(),
    groupCap,
    folds: null,
    suppressed: new Map(),
    queryResults: null,
    activity: new Activity(),
    times: new TimeBuckets(),
  };
}

/** One denial, or with `run` the run.count alike denials of an aggregated query-results row. */
export function addDenial(s: AggregateState, d: Denial, run?: DenialRun): void {
  const n = run?.count ?? 1;
  s.totals.denials += n;
  // every breakdown key of a run is the same for all its denials (the query groups by day too)
  for (const b of BREAKDOWN_NAMES) s.breakdowns[b].addAll(BREAKDOWNS[b](d), n);
  const ms = timeOf(d.eventTime); // once, for both
  s.activity.add(d, run, ms);
  s.times.add(d.eventTime, run, ms);
  const key = groupKey(d);
  const group = s.groups.get(key);
  if (group) {
    addToGroup(group, d, run);
    return;
  }
  // A new group: the only place the number of groups grows, so the only place it is bounded.
  const made = newGroup(d, s.folds?.maxError ?? 0);
  addToGroup(made, d, run);
  s.groups.set(key, made);
  if (s.groups.size > 2 * s.groupCap) foldGroups(s.groups, (s.folds ??= newFolds(s.groupCap)));
}

export function addOtherError(s: AggregateState, errorCode: string): void {
  s.totals.otherErrors++;
  s.breakdowns.otherErrorCodes.add(errorCode);
}

function sumInto<T extends { [K in keyof T]: number }>(a: T, b: T): void {
  for (const k of Object.keys(b) as (keyof T)[]) a[k] = (a[k] + b[k]) as T[keyof T];
}

/**
 * a ⊕ b as a new state; associative and, once turned into a Summary, independent of order, while
 * every list is within its cap and no group was folded (a list cut to its most frequent values, and
 * groups past their cap, merge to upper bounds: top-tally.ts, group-fold.ts). Duplicates must be dropped before folding: merge adds, it cannot tell two deliveries apart.
 */
export function mergeStates(a: AggregateState, b: AggregateState): AggregateState {
  const out = newState(Math.min(a.groupCap, b.groupCap));
  for (const part of [a, b]) {
    sumInto(out.totals, part.totals);
    sumInto(out.files, part.files);
    out.skippedFiles.push(...part.skippedFiles);
    out.issues.push(...part.issues);
    for (const name of ALL_BREAKDOWNS) out.breakdowns[name].merge(part.breakdowns[name]);
    for (const [key, g] of part.groups) {
      const mine = out.groups.get(key);
      if (mine) mergeGroupInto(mine, g);
      else out.groups.set(key, copyGroup(g));
    }
    mergeSuppressed(out.suppressed, part.suppressed);
    out.activity.merge(part.activity);
    out.times.merge(part.times);
    if (part.queryResults !== null) {
      out.queryResults ??= { files: 0, rows: 0, aggregatedRows: 0, records: 0, scannedRecords: null };
      out.queryResults.files += part.queryResults.files;
      out.queryResults.rows += part.queryResults.rows;
      out.queryResults.aggregatedRows += part.queryResults.aggregatedRows;
      out.queryResults.records += part.queryResults.records;
    }
  }
  out.folds = mergeFolds(out.groups, [a, b], out.groupCap);
  return out;
}
