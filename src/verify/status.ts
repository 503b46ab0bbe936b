// The verdict: failed on any failure; else partial when something read was not proven (each reason
// one a team may accept with --allow-partial); else ok. "OK" is only ever said for a run in which
// every log file read was named by a digest whose hash matched and whose signature verified.
import type { IntegrityCounts, IntegrityCoverage, IntegrityPartialReason, IntegritySummary } from '../types.js';

/** Each reason, and when it applies (in the order they are listed). */
const REASONS: { reason: IntegrityPartialReason; applies: (c: IntegrityCoverage, t: IntegrityCounts) => boolean }[] = [
  { reason: 'unsigned', applies: (c, t) => c.signatureUnchecked > 0 || t.signaturesUnchecked > 0 },
  { reason: 'uncovered', applies: (c) => c.uncovered > 0 },
  { reason: 'outside-layout', applies: (c) => c.outsideLayout > 0 },
];

export function verdict(failures: number, coverage: IntegrityCoverage, totals: IntegrityCounts): Pick<IntegritySummary, 'status' | 'ok' | 'partialReasons'> {
  const partialReasons = REASONS.filter((r) => r.applies(coverage, totals)).map((r) => r.reason);
  const status = failures > 0 ? 'failed' : partialReasons.length > 0 ? 'partial' : 'ok';
  return { status, ok: status === 'ok', partialReasons };
}

export const PARTIAL_REASONS: readonly IntegrityPartialReason[] = REASONS.map((r) => r.reason);
