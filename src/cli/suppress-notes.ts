// Suppression rules that did nothing, said on stderr as well as in the report's "Suppressed"
// section: an expired rule no longer hides what it used to, and a stale one may be hiding nothing
// because what it was written for changed; both are for whoever reads the job's log to act on.
import { sanitizeTerminal } from '../render/sanitize-terminal.js';
import type { FindingsConfig } from '../findings/index.js';
import type { FindingsReport, SuppressionReport, SuppressionRuleReport } from '../types.js';

function matchText(rule: SuppressionRuleReport): string {
  const parts = Object.entries(rule.match).flatMap(([field, glob]) => (glob === null ? [] : [`${field} ${glob}`]));
  return sanitizeTerminal(parts.join(', '));
}

/** One line per expired or stale rule, in file order. */
export function suppressionNotes(report: SuppressionReport | null): string[] {
  if (report === null) return [];
  const where = (r: SuppressionRuleReport) => `suppression rule ${r.number} of ${sanitizeTerminal(report.source)} (${matchText(r)})`;
  return report.rules.flatMap((r) => {
    if (r.status === 'expired') return [`${where(r)} expired on ${r.expires}, so it suppressed nothing: renew its "expires" or remove it`];
    if (r.status === 'stale') return [`${where(r)} matched no denial: remove it if it is no longer needed`];
    return [];
  });
}

/** The same for the rules file's findings.suppress entries. */
export function findingSuppressionNotes(report: FindingsReport | undefined, config: FindingsConfig): string[] {
  if (report === undefined || config.source === null) return [];
  return report.suppressionNotes.map((n) => {
    const entry = config.suppress.find((s) => s.number === n.entry);
    const what = sanitizeTerminal([entry?.id, entry?.rule, entry?.subject].filter((v) => v !== null && v !== undefined).join(', '));
    const where = `findings.suppress entry ${n.entry} of ${sanitizeTerminal(config.source ?? '')} (${what})`;
    return n.status === 'expired'
      ? `${where} expired on ${entry?.expires ?? '?'}, so it suppressed nothing: renew its "expires" or remove it`
      : `${where} matched no finding: remove it if it is no longer needed`;
  });
}
