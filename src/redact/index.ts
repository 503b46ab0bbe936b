/*
 * Redaction for reports that leave the account: account IDs, IP addresses, user, role and session
 * names and resource names become stable pseudonyms (keyed HMAC-SHA256); AWS's own names (service
 * principals, arn:aws:iam::aws:policy/…, actions, policy types, error codes, regions) stay readable.
 * Pure: the key is given (cli/ reads or makes it).
 *
 *   const r = makeRedactor(key);
 *   const folder = new Folder(filter, onDenial, { transform: r.denial });   // every denial, before counting
 *   const summary = r.summary(toSummary(folder.state, meta));                // filters, paths, rules
 */
import type { Denial, Summary } from '../types.js';
import { makePseudonyms } from './pseudonym.js';
import { denialLiterals, redactDenial, redactPrincipal } from './redact-denial.js';
import { redactSummaryText } from './redact-summary.js';
import { makeTextRedactor } from './redact-text.js';

export { makePseudonyms, type Pseudonyms } from './pseudonym.js';
export { redactArn } from './redact-arn.js';
export { makeTextRedactor } from './redact-text.js';

export interface Redactor {
  keyId: string;
  denial(d: Denial): Denial;
  principal(principal: string): string;
  /** Free text, with every name met in a denial so far also replaced. */
  text(s: string): string;
  summary(s: Summary): Summary;
}

export function makeRedactor(key: Uint8Array): Redactor {
  const p = makePseudonyms(key);
  const seen = new Set<string>();
  const allNames = () => makeTextRedactor(p, seen);
  return {
    keyId: p.keyId,
    denial(d) {
      const literals = denialLiterals(d);
      for (const l of literals) seen.add(l);
      return redactDenial(d, p, literals);
    },
    principal: (principal) => redactPrincipal(principal, p),
    text: (s) => allNames()(s),
    summary: (s) => redactSummaryText(s, p, allNames()),
  };
}
