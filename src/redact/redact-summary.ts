// The parts of a Summary that do not come from denials (those are redacted as they are folded):
// the title, filters, file paths, read issues, errors that are not denials, suppression rules and the
// Integrity section, all of which may name accounts, people or hosts.
import type { Counted, Summary, SuppressionRuleReport } from '../types.js';
import { accountPseudonym } from './redact-arn.js';
import { redactPrincipal } from './redact-denial.js';
import { redactIntegrity } from './redact-integrity.js';
import type { TextRedactor } from './redact-text.js';
import type { Pseudonyms } from './pseudonym.js';

export interface SummaryRedactors {
  text: TextRedactor;
  code: TextRedactor;
}

/** A glob of a principal or an account: kept only when it names nobody (`*`, a service). */
function redactGlob(glob: string, p: Pseudonyms): string {
  if (/^[*?]*$/.test(glob)) return glob;
  return /^\d{12}$/.test(glob) ? accountPseudonym(glob, p) : redactPrincipal(glob, p);
}

function redactRule(rule: SuppressionRuleReport, p: Pseudonyms, r: SummaryRedactors): SuppressionRuleReport {
  const m = rule.match;
  const glob = (v: string | null) => (v === null ? null : redactGlob(v, p));
  const code = (v: string | null) => (v === null ? null : r.code(v));
  return {
    ...rule,
    match: {
      principal: glob(m.principal),
      account: glob(m.account),
      action: code(m.action),
      errorCode: code(m.errorCode),
      policyType: code(m.policyType),
      region: code(m.region),
    },
    reason: r.text(rule.reason),
  };
}

// V8's JSON.parse errors quote ten characters of the record on either side of the damage: a cut
// identifier matches no pattern, so under --redact the excerpt is withheld.
const JSON_EXCERPT = /(?:\.\.\.)?"[\s\S]*"(?:\.\.\.)?(?= is not valid JSON)/;

function redactReason(reason: string, text: TextRedactor): string {
  return text(reason.replace(JSON_EXCERPT, '(excerpt withheld: --redact)'));
}

/** Keys redacted; keys that became equal are merged, and the list sorted again (count, then key). */
function redactKeys(list: Counted[], code: TextRedactor): Counted[] {
  const merged = new Map<string, number>();
  for (const c of list) {
    const key = code(c.key);
    merged.set(key, (merged.get(key) ?? 0) + c.count);
  }
  return [...merged].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

export function redactSummaryText(s: Summary, p: Pseudonyms, r: SummaryRedactors): Summary {
  return {
    ...s,
    title: r.text(s.title),
    filters: {
      ...s.filters,
      accounts: s.filters.accounts.map((a) => accountPseudonym(a, p)),
      regions: s.filters.regions.map(r.code),
      principals: s.filters.principals.map((g) => redactGlob(g, p)),
      actions: s.filters.actions.map(r.code),
    },
    files: { ...s.files, skippedFiles: s.files.skippedFiles.map((f) => ({ ...f, path: r.text(f.path) })) },
    issues: s.issues.map((i) => ({ ...i, path: r.text(i.path), reason: redactReason(i.reason, r.text) })),
    otherErrorCodes: redactKeys(s.otherErrorCodes, r.code),
    suppression:
      s.suppression === null
        ? null
        : { ...s.suppression, source: r.text(s.suppression.source), rules: s.suppression.rules.map((rule) => redactRule(rule, p, r)) },
    redaction: { keyId: p.keyId },
    ...(s.integrity ? { integrity: redactIntegrity(s.integrity, r.text) } : {}),
  };
}
