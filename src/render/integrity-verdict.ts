// The one-line verdict every output gives for the integrity checks: the status, how many of the log
// files read were verified and what became of the rest, and what was checked. The same words on the
// terminal (verify, report --verify) and in the HTML and Markdown reports.
//
//   integrityVerdict(s) → 'PARTIAL: verified 4 of 9 log files; 5 not covered by any digest (hashes, chain and signatures checked)'
import type { IntegrityCoverage, IntegrityPartialReason, IntegritySummary } from '../types.js';
import { formatCount } from './format-count.js';

const STATUS: Record<IntegritySummary['status'], string> = { ok: 'OK', partial: 'PARTIAL', failed: 'FAILED' };

/** What became of the log files not verified, one phrase per class, in this order. */
const REST: { count: (c: IntegrityCoverage) => number; phrase: string }[] = [
  { count: (c) => c.failed, phrase: 'failed a check' },
  { count: (c) => c.signatureUnchecked, phrase: 'hash-matched, signatures not checked' },
  { count: (c) => c.uncovered, phrase: 'not covered by any digest' },
  { count: (c) => c.outsideLayout, phrase: 'outside the AWSLogs/ layout' },
];

/** What each reason for a partial status means, for the lines that say how to accept it. */
export const PARTIAL_REASON_TEXT: Record<IntegrityPartialReason, string> = {
  unsigned: 'signatures not checked',
  uncovered: 'log files no digest covers',
  'outside-layout': 'input outside the AWSLogs/ layout',
};

/** 'verified 4 of 9 log files; 5 not covered by any digest' */
export function coverageText(c: IntegrityCoverage): string {
  if (c.logFiles === 0) return 'no log files read';
  const rest = REST.filter((r) => r.count(c) > 0).map((r) => `${formatCount(r.count(c))} ${r.phrase}`);
  return [`verified ${formatCount(c.verified)} of ${formatCount(c.logFiles)} log files`, ...rest].join('; ');
}

/** 'hashes, chain and signatures checked', or what was left out and why. */
export function checkedText(s: IntegritySummary): string {
  if (s.publicKeys === null) return 'hashes and chain checked, signatures not: give --public-keys and --signatures';
  if (s.signatures === null && s.totals.signaturesUnchecked > 0) {
    return 'hashes, chain and signatures checked, except the newest digest of each chain: give --signatures';
  }
  return 'hashes, chain and signatures checked';
}

export function integrityVerdict(s: IntegritySummary): string {
  const failures = s.status === 'failed' ? ` (${formatCount(s.failures.length)} failure${s.failures.length === 1 ? '' : 's'})` : '';
  return `${STATUS[s.status]}${failures}: ${coverageText(s.coverage)} (${checkedText(s)})`;
}

export const statusLabel = (s: IntegritySummary): string => STATUS[s.status];
