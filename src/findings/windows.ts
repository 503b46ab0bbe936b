// Sliding windows over one subject's entries (aggregate/activity.ts): the spans in which a rule's
// thresholds are met, windows that overlap or touch merged into one episode. W minutes means the
// minutes m-W+1 … m: a window of 10 minutes holds 10:00 to 10:09.
//
//   const events = eventsOf(subject, (action) => true);
//   episodes(events, 10, (w) => w.count >= 15 && w.actions.size >= 10);   // → [[…events of one burst]]
import { E_ACTION, E_AGENT, E_COUNT, E_FIRST, E_LAST, E_MINUTE, E_OTHER, E_SIZE, entriesOf, type Subject } from '../aggregate/activity.js';

/** One tuple of one minute: n denials of (action, other, agent). */
export interface Event {
  minute: number;
  action: number;
  other: number;
  agent: number;
  count: number;
  first: number; // seconds into the minute
  last: number;
  id: string; // event ID of the earliest
}

/** What a window holds: denials in all, and per action and per other (principal or address) how many. */
export interface WindowStats {
  count: number;
  actions: Map<number, number>;
  others: Map<number, number>;
}

/** The subject's events whose action passes, by minute, then action, other, agent (a fixed order). */
export function eventsOf(subject: Subject, accept: (action: number) => boolean): Event[] {
  const { t, ids } = entriesOf(subject);
  const out: Event[] = [];
  for (let i = 0; i < t.length; i += E_SIZE) {
    if (!accept(t[i + E_ACTION])) continue;
    out.push({
      minute: t[i + E_MINUTE],
      action: t[i + E_ACTION],
      other: t[i + E_OTHER],
      agent: t[i + E_AGENT],
      count: t[i + E_COUNT],
      first: t[i + E_FIRST],
      last: t[i + E_LAST],
      id: ids[i / E_SIZE],
    });
  }
  return out;
}

function bump(m: Map<number, number>, k: number, n: number): void {
  const v = (m.get(k) ?? 0) + n;
  if (v === 0) m.delete(k);
  else m.set(k, v);
}

/**
 * The episodes of `events` (sorted as eventsOf sorts them): each a run of events between the first and
 * the last minute of windows of `minutes` that `meets`, overlapping or adjacent windows merged.
 */
export function episodes(events: readonly Event[], minutes: number, meets: (w: WindowStats) => boolean): Event[][] {
  const w: WindowStats = { count: 0, actions: new Map(), others: new Map() };
  const spans: { from: number; to: number }[] = [];
  let tail = 0;
  for (let head = 0; head < events.length;) {
    const minute = events[head].minute;
    // take in every event of this minute
    for (; head < events.length && events[head].minute === minute; head++) {
      const e = events[head];
      w.count += e.count;
      bump(w.actions, e.action, e.count);
      bump(w.others, e.other, e.count);
    }
    // let go of what is W minutes old or more
    for (; events[tail].minute <= minute - minutes; tail++) {
      const e = events[tail];
      w.count -= e.count;
      bump(w.actions, e.action, -e.count);
      bump(w.others, e.other, -e.count);
    }
    if (!meets(w)) continue;
    const from = events[tail].minute;
    const last = spans.at(-1);
    if (last !== undefined && from <= last.to + 1) last.to = minute;
    else spans.push({ from, to: minute });
  }
  const out: Event[][] = [];
  let i = 0;
  for (const s of spans) {
    while (events[i].minute < s.from) i++;
    let j = i;
    while (j < events.length && events[j].minute <= s.to) j++;
    out.push(events.slice(i, j));
    i = j;
  }
  return out;
}
