// The pieces every rule builds a finding from: its deterministic id, plain-word helpers, the evidence
// lists, and the order findings are reported in.
import { createHash } from 'node:crypto';
import { serviceOf } from '../aggregate/group.js';
import type { Counted, Finding, FindingEvidence, FindingSeverity, FindingSubjectKind } from '../types.js';
import { SEVERITY_RANK, type Rule } from './rules.js';
import { TECHNIQUES, type TechniqueKey } from './techniques.js';

/** Items per evidence list, and sample event IDs. */
const EVIDENCE_ITEMS = 20;
const SAMPLE_IDS = 5;

/** 'f-' and 12 hex of SHA-256 over the rule, the subject and the first time: the same finding gets the same id in every run. */
export function findingId(rule: string, subject: string, firstSeen: string): string {
  return `f-${createHash('sha256').update(`${rule}\n${subject}\n${firstSeen}`).digest('hex').slice(0, 12)}`;
}

/** 'arn:aws:iam::111122223333:user/ci' → 'user/ci': the part a reader recognises. */
export function shortName(principal: string): string {
  const m = /^arn:[^:]*:[^:]*:[^:]*:[^:]*:(.+)$/.exec(principal);
  return m ? m[1] : principal;
}

/** The account in a principal: an ARN's account field, `aws-account:<id>`; null for services, anonymous, unknown. */
export function accountOfPrincipal(principal: string): string | null {
  const arn = /^arn:[^:]*:[^:]*:[^:]*:([^:]+):/.exec(principal);
  if (arn !== null) return arn[1];
  const bare = /^aws-account:(.+)$/.exec(principal);
  return bare === null ? null : bare[1];
}

export const plural = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** A span in words: '1 minute', '19 minutes', '3 hours', '2 days'. */
export function spanWords(minutes: number): string {
  if (minutes < 120) return plural(minutes, 'minute');
  if (minutes < 2 * 1440) return plural(Math.round(minutes / 60), 'hour');
  return plural(Math.round(minutes / 1440), 'day');
}

/** An ISO time as CloudTrail writes it (no milliseconds). */
export const isoSecond = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** A tally as a list: most frequent first, ties by key, the first `n`. */
export function topOf(tally: Map<string, number>, n = EVIDENCE_ITEMS): Counted[] {
  return [...tally]
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .slice(0, n);
}

export function add(tally: Map<string, number>, key: string, n: number): void {
  tally.set(key, (tally.get(key) ?? 0) + n);
}

/** Evidence tallies, filled as a rule walks its denials. */
export class EvidenceTally {
  readonly principals = new Map<string, number>();
  readonly actions = new Map<string, number>();
  readonly sourceIps = new Map<string, number>();
  readonly userAgents = new Map<string, number>();
  readonly resources = new Map<string, number>();
  readonly accounts = new Map<string, number>();
  readonly regions = new Map<string, number>();
  readonly samples: { time: string; id: string }[] = [];

  sample(time: string, id: string): void {
    if (id !== '' && !this.samples.some((s) => s.id === id)) this.samples.push({ time, id });
  }

  evidence(): FindingEvidence {
    const services = new Map<string, number>();
    for (const [a, n] of this.actions) add(services, serviceOf(a), n);
    const ids = this.samples.sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return {
      principals: topOf(this.principals),
      actions: topOf(this.actions),
      services: topOf(services),
      sourceIps: topOf(this.sourceIps),
      userAgents: topOf(this.userAgents),
      resources: topOf(this.resources),
      accounts: topOf(this.accounts),
      regions: topOf(this.regions),
      sampleEventIds: ids.slice(0, SAMPLE_IDS).map((s) => s.id),
    };
  }
}

export interface Draft {
  rule: Rule;
  severity?: FindingSeverity; // the rule's unless given
  technique?: TechniqueKey; // the rule's unless given
  idSubject?: string; // what the id is made of, when more than the subject (sensitive-action: with the technique)
  subject: string;
  subjectKind: FindingSubjectKind;
  title: string;
  firstSeen: string;
  lastSeen: string;
  count: number;
  why: string;
  evidence: FindingEvidence;
  next?: string[]; // more steps after the rule's
}

export function finish(d: Draft, baseline: string | null): Finding {
  const technique = TECHNIQUES[d.technique ?? d.rule.technique!];
  const fill = (s: string) => s.replaceAll('{subject}', d.subject).replaceAll('{baseline}', baseline ?? 'the baseline');
  return {
    id: findingId(d.rule.id, d.idSubject ?? d.subject, d.firstSeen),
    rule: d.rule.id,
    severity: d.severity ?? d.rule.severity,
    title: d.title,
    subject: d.subject,
    subjectKind: d.subjectKind,
    firstSeen: d.firstSeen,
    lastSeen: d.lastSeen,
    count: d.count,
    technique: { id: technique.id, name: technique.name, tactic: technique.tactic },
    why: d.why,
    evidence: d.evidence,
    next: [...d.rule.next.map(fill), ...(d.next ?? []).map(fill)],
  };
}

/** By severity (high first), then first seen, then id: the order every report shows. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    (a.firstSeen < b.firstSeen ? -1 : a.firstSeen > b.firstSeen ? 1 : 0) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}
