// The parts of a Summary that do not come from denials (those are redacted as they are folded):
// filters, file paths, read issues and suppression rules, all of which may name accounts or people.
import type { Summary, SuppressionRuleReport } from '../types.js';
import { accountPseudonym } from './redact-arn.js';
import { redactPrincipal } from './redact-denial.js';
import type { TextRedactor } from './redact-text.js';
import type { Pseudonyms } from './pseudonym.js';

/** A glob of a principal or an account: kept only when it names nobody (`*`, a service). */
function redactGlob(glob: string, p: Pseudonyms): string {
  if (/^[*?]*$/.test(glob)) return glob;
  return /^\d{12}$/.test(glob) ? accountPseudonym(glob, p) : redactPrincipal(glob, p);
}

function redactRule(r: SuppressionRuleReport, p: Pseudonyms, text: TextRedactor): SuppressionRuleReport {
  const m = r.match;
  const glob = (v: string | null) => (v === null ? null : redactGlob(v, p));
  return { ...r, match: { ...m, principal: glob(m.principal), account: glob(m.account) }, reason: text(r.reason) };
}

export function redactSummaryText(s: Summary, p: Pseudonyms, text: TextRedactor): Summary {
  return {
    ...s,
    filters: {
      ...s.filters,
      accounts: s.filters.accounts.map((a) => accountPseudonym(a, p)),
      principals: s.filters.principals.map((g) => redactGlob(g, p)),
    },
    files: { ...s.files, skippedFiles: s.files.skippedFiles.map((f) => ({ ...f, path: text(f.path) })) },
    issues: s.issues.map((i) => ({ ...i, path: text(i.path), reason: text(i.reason) })),
    suppression: s.suppression === null ? null : { ...s.suppression, rules: s.suppression.rules.map((r) => redactRule(r, p, text)) },
    redaction: { keyId: p.keyId },
  };
}
