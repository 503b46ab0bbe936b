// --allow-partial: the reasons for a partial verification a team accepts (for example a trail whose
// older hours predate log file validation). Accepted, a partial verification exits 0; the verdict
// still says PARTIAL and what it covered.
import { UserError } from '../errors.js';
import { PARTIAL_REASON_TEXT } from '../render/integrity-verdict.js';
import type { IntegrityPartialReason, IntegritySummary } from '../types.js';
import { PARTIAL_REASONS } from '../verify/status.js'; // not verify/index.js: a report without --verify loads no checks
import { EXIT } from './exit-codes.js';

export function parseAllowPartial(values: readonly string[] = []): ReadonlySet<IntegrityPartialReason> {
  const allowed = new Set<IntegrityPartialReason>();
  for (const v of values) {
    if (v === 'all') PARTIAL_REASONS.forEach((r) => allowed.add(r));
    else if ((PARTIAL_REASONS as readonly string[]).includes(v)) allowed.add(v as IntegrityPartialReason);
    else throw new UserError(`--allow-partial ${v}: choose from ${[...PARTIAL_REASONS, 'all'].join(', ')} (comma-separated or repeated)`);
  }
  return allowed;
}

/** 4 when a check failed; 5 when partial for a reason not accepted (with the line saying so); else null. */
export function integrityExit(s: IntegritySummary, allowed: ReadonlySet<IntegrityPartialReason>): { code: number; line: string } | null {
  if (s.status === 'failed') return { code: EXIT.integrity, line: `integrity check failed: ${s.failures.length} failure${s.failures.length === 1 ? '' : 's'}` };
  const refused = s.partialReasons.filter((r) => !allowed.has(r));
  if (s.status !== 'partial' || refused.length === 0) return null;
  return {
    code: EXIT.partial,
    line: `integrity partial: ${refused.map((r) => PARTIAL_REASON_TEXT[r]).join(', ')}; --allow-partial ${refused.join(',')} accepts this`,
  };
}
