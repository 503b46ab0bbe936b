// "New since the baseline": a principal, or a source address, refused now and not in the earlier
// summary.json the weekly report compares with (aggregate/changes.ts compares groups; this, who).
import type { Activity } from '../aggregate/activity.js';
import { FOLDED_PRINCIPAL } from '../aggregate/group-fold.js';
import type { Group } from '../types.js';
import { EvidenceTally, add, isoSecond, plural, shortName, type Draft } from './finding-parts.js';
import { ruleOf } from './rules.js';
import { eventsOf } from './windows.js';

/** What the baseline had: its label (or title) and the principals and source addresses it saw refused. */
export interface BaselineNames {
  label: string;
  principals: ReadonlySet<string>;
  sourceIps: ReadonlySet<string>;
}

/** A literal IPv4 or IPv6 address: AWS services and 'AWS Internal' are not addresses anyone owns. */
const ADDRESS = /^(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9a-f]*:[0-9a-f:.]+|ip-[0-9a-f]{12,})$/i;

export function newPrincipalDrafts(groups: readonly Group[], baseline: BaselineNames): Draft[] {
  const rule = ruleOf('new-principal');
  const by = new Map<string, { e: EvidenceTally; count: number; first: string; last: string }>();
  for (const g of groups) {
    if (g.principal === FOLDED_PRINCIPAL || baseline.principals.has(g.principal)) continue;
    let p = by.get(g.principal);
    if (p === undefined) by.set(g.principal, (p = { e: new EvidenceTally(), count: 0, first: g.firstSeen, last: g.lastSeen }));
    p.count += g.count;
    if (g.firstSeen < p.first) p.first = g.firstSeen;
    if (g.lastSeen > p.last) p.last = g.lastSeen;
    add(p.e.principals, g.principal, g.count);
    add(p.e.actions, g.action, g.count);
    for (const c of g.sourceIps) add(p.e.sourceIps, c.key, c.count);
    for (const c of g.userAgents) add(p.e.userAgents, c.key, c.count);
    for (const c of g.resources) add(p.e.resources, c.key, c.count);
    for (const c of g.accounts) add(p.e.accounts, c.key, c.count);
    for (const c of g.regions) add(p.e.regions, c.key, c.count);
    for (const id of g.sampleEventIds) p.e.sample(g.firstSeen, id);
  }
  return [...by].map(([principal, p]): Draft => ({
    rule,
    subject: principal,
    subjectKind: 'principal',
    title: `${shortName(principal)} was refused for the first time since ${baseline.label} (${plural(p.count, 'denial')})`,
    firstSeen: p.first,
    lastSeen: p.last,
    count: p.count,
    why: `not among the ${plural(baseline.principals.size, 'principal')} refused in ${baseline.label}`,
    evidence: p.e.evidence(),
  }));
}

export function newSourceIpDrafts(groups: readonly Group[], activity: Activity, baseline: BaselineNames): Draft[] {
  const rule = ruleOf('new-source-ip');
  const by = new Map<string, { e: EvidenceTally; count: number; first: string; last: string }>();
  for (const g of groups) {
    for (const c of g.sourceIps) {
      if (!ADDRESS.test(c.key) || baseline.sourceIps.has(c.key)) continue;
      let p = by.get(c.key);
      if (p === undefined) by.set(c.key, (p = { e: new EvidenceTally(), count: 0, first: g.firstSeen, last: g.lastSeen }));
      p.count += c.count;
      if (g.firstSeen < p.first) p.first = g.firstSeen;
      if (g.lastSeen > p.last) p.last = g.lastSeen;
      add(p.e.sourceIps, c.key, c.count);
      add(p.e.principals, g.principal, c.count);
      add(p.e.actions, g.action, c.count);
    }
  }
  // The address's own span, when the activity record has it (the groups' spans hold other addresses too).
  const exact = new Map<string, { first: string; last: string }>();
  for (const s of activity.subjects('source-ip')) {
    if (!by.has(s.key)) continue;
    const events = eventsOf(s, () => true);
    if (events.length === 0) continue;
    const first = events.reduce((m, e) => Math.min(m, e.minute * 60_000 + e.first * 1000), Infinity);
    const last = events.reduce((m, e) => Math.max(m, e.minute * 60_000 + e.last * 1000), -Infinity);
    exact.set(s.key, { first: isoSecond(first), last: isoSecond(last) });
  }
  return [...by].map(([ip, p]): Draft => {
    const span = exact.get(ip);
    return {
      rule,
      subject: ip,
      subjectKind: 'source-ip',
      title: `${ip} was refused for the first time since ${baseline.label} (${plural(p.count, 'denial')}, ${plural(p.e.principals.size, 'principal')})`,
      firstSeen: span?.first ?? p.first,
      lastSeen: span?.last ?? p.last,
      count: p.count,
      why: `not among the ${plural(baseline.sourceIps.size, 'address', 'addresses')} refused in ${baseline.label}${span === undefined ? '; first and last seen are those of the groups it appears in' : ''}`,
      evidence: p.e.evidence(),
    };
  });
}
