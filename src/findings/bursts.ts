// The rules over time windows: enumeration bursts (one principal; one address across principals) and
// console sign-in failures (one user; one address spraying many users), read from the activity record
// (aggregate/activity.ts) with the sliding windows of windows.ts.
import type { Activity, SubjectKind } from '../aggregate/activity.js';
import type { Names } from '../aggregate/names.js';
import { EvidenceTally, add, isoSecond, plural, shortName, spanWords, type Draft } from './finding-parts.js';
import { ruleOf, type Rule, type RuleId } from './rules.js';
import { episodes, eventsOf, type Event, type WindowStats } from './windows.js';

const CONSOLE_LOGIN = 'signin:consolelogin';
/** The principal CloudTrail writes for a sign-in under a user name that does not exist: many names, not one user. */
const HIDDEN_USER = 'HIDDEN_DUE_TO_SECURITY_REASONS';

interface BurstSpec {
  rule: RuleId;
  kind: SubjectKind;
  /** The fewest denials a subject needs to meet the rule at all: the many below it are not looked at. */
  minimum: (t: Record<string, number>) => number;
  /** Which denials the rule counts, by action. */
  accept: (action: string) => boolean;
  skip?: (subject: string) => boolean;
  meets: (w: WindowStats, t: Record<string, number>) => boolean;
  title: (subject: string, e: EpisodeFacts) => string;
  why: (e: EpisodeFacts, t: Record<string, number>) => string;
}

/** What one episode holds, for its title and its why. */
interface EpisodeFacts {
  count: number;
  actions: number; // distinct
  others: number; // distinct principals (of an address) or addresses (of a principal)
  minutes: number; // first to last minute, inclusive
  from: string; // 'HH:MM'
  to: string;
}

const hhmm = (minute: number): string => new Date(minute * 60_000).toISOString().slice(11, 16);

const ENUMERATION = (t: Record<string, number>) =>
  `the rule: at least ${plural(t.denials, 'denial')} over at least ${plural(t.actions, 'distinct action')} within ${plural(t.minutes, 'minute')}`;

const SPECS: readonly BurstSpec[] = [
  {
    rule: 'enumeration-burst',
    kind: 'principal',
    minimum: (t) => Math.max(t.denials, t.actions),
    accept: () => true,
    meets: (w, t) => w.count >= t.denials && w.actions.size >= t.actions,
    title: (s, e) => `${shortName(s)} was refused ${plural(e.count, 'call')} to ${plural(e.actions, 'different action')} in ${spanWords(e.minutes)}`,
    why: (e, t) => `${plural(e.count, 'denial')} over ${plural(e.actions, 'distinct action')} between ${e.from} and ${e.to} UTC; ${ENUMERATION(t)}`,
  },
  {
    rule: 'enumeration-burst-ip',
    kind: 'source-ip',
    minimum: (t) => Math.max(t.denials, t.actions, t.principals),
    accept: () => true,
    meets: (w, t) => w.count >= t.denials && w.actions.size >= t.actions && w.others.size >= t.principals,
    title: (s, e) =>
      `${s} was refused ${plural(e.count, 'call')} to ${plural(e.actions, 'different action')} for ${plural(e.others, 'principal')} in ${spanWords(e.minutes)}`,
    why: (e, t) =>
      `${plural(e.count, 'denial')} over ${plural(e.actions, 'distinct action')} for ${plural(e.others, 'principal')} between ${e.from} and ${e.to} UTC; ${ENUMERATION(t)}, for at least ${plural(t.principals, 'principal')}`,
  },
  {
    rule: 'console-brute-force',
    kind: 'principal',
    minimum: (t) => t.failures,
    accept: (a) => a.toLowerCase() === CONSOLE_LOGIN,
    skip: (s) => s === HIDDEN_USER,
    meets: (w, t) => w.count >= t.failures,
    title: (s, e) => `${plural(e.count, 'failed console sign-in')} for ${shortName(s)} in ${spanWords(e.minutes)}`,
    why: (e, t) =>
      `${plural(e.count, 'failed sign-in')} from ${plural(e.others, 'address', 'addresses')} between ${e.from} and ${e.to} UTC; the rule: at least ${plural(t.failures, 'failure')} within ${plural(t.minutes, 'minute')}`,
  },
  {
    rule: 'console-password-spray',
    kind: 'source-ip',
    minimum: (t) => t.users,
    accept: (a) => a.toLowerCase() === CONSOLE_LOGIN,
    meets: (w, t) => w.others.size >= t.users,
    title: (s, e) => `Failed console sign-ins for ${plural(e.others, 'user')} from ${s} in ${spanWords(e.minutes)}`,
    why: (e, t) =>
      `${plural(e.count, 'failed sign-in')} for ${plural(e.others, 'distinct user name')} between ${e.from} and ${e.to} UTC (names that do not exist count once, as ${HIDDEN_USER}); the rule: at least ${plural(t.users, 'user name')} within ${plural(t.minutes, 'minute')}`,
  },
];

function factsOf(events: readonly Event[]): EpisodeFacts {
  const actions = new Set(events.map((e) => e.action));
  const others = new Set(events.map((e) => e.other));
  const first = events[0].minute;
  const last = events[events.length - 1].minute;
  // the span from the first denial to the last, in whole minutes (a burst within one minute: 1)
  const seconds = events.reduce((m, e) => Math.max(m, e.minute * 60 + e.last), 0) - events.reduce((m, e) => Math.min(m, e.minute * 60 + e.first), Infinity);
  return {
    count: events.reduce((n, e) => n + e.count, 0),
    actions: actions.size,
    others: others.size,
    minutes: Math.max(1, Math.ceil(seconds / 60)),
    from: hhmm(first),
    to: hhmm(last),
  };
}

function evidenceOf(subject: string, kind: SubjectKind, events: readonly Event[], names: Names): { tally: EvidenceTally; first: number; last: number } {
  const tally = new EvidenceTally();
  let first = Infinity;
  let last = -Infinity;
  for (const e of events) {
    const other = names.name(e.other);
    add(tally.actions, names.name(e.action), e.count);
    add(tally.userAgents, names.name(e.agent), e.count);
    if (kind === 'principal') add(tally.sourceIps, other, e.count);
    else add(tally.principals, other, e.count);
    const at = e.minute * 60_000 + e.first * 1000;
    tally.sample(isoSecond(at), e.id);
    first = Math.min(first, at);
    last = Math.max(last, e.minute * 60_000 + e.last * 1000);
  }
  const total = events.reduce((n, e) => n + e.count, 0);
  add(kind === 'principal' ? tally.principals : tally.sourceIps, subject, total);
  return { tally, first, last };
}

/** Every burst of every window rule that is on, as drafts (ids, order and caps come after). */
export function burstDrafts(activity: Activity, settings: (rule: Rule) => Record<string, number> | null): Draft[] {
  const out: Draft[] = [];
  for (const spec of SPECS) {
    const rule = ruleOf(spec.rule);
    const t = settings(rule);
    if (t === null) continue;
    const accepted = new Map<number, boolean>();
    const accept = (id: number) => {
      let ok = accepted.get(id);
      if (ok === undefined) accepted.set(id, (ok = spec.accept(activity.names.name(id))));
      return ok;
    };
    for (const subject of activity.subjects(spec.kind)) {
      if (subject.denials < spec.minimum(t) || spec.skip?.(subject.key)) continue;
      for (const events of episodes(eventsOf(subject, accept), t.minutes, (w) => spec.meets(w, t))) {
        const facts = factsOf(events);
        const { tally, first, last } = evidenceOf(subject.key, spec.kind, events, activity.names);
        out.push({
          rule,
          subject: subject.key,
          subjectKind: spec.kind,
          title: spec.title(subject.key, facts),
          firstSeen: isoSecond(first),
          lastSeen: isoSecond(last),
          count: facts.count,
          why: spec.why(facts, t),
          evidence: tally.evidence(),
        });
      }
    }
  }
  return out;
}
