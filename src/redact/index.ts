/*
 * Redaction for reports that leave the account: account IDs, IP addresses, user, role and session
 * names, resource names, and whatever has an identifier's shape in free text (access keys, e-mail
 * addresses, host names, EC2 resource IDs: text-patterns.ts) become stable pseudonyms (keyed
 * HMAC-SHA256); AWS's own names (service principals, arn:aws:iam::aws:policy/…, actions, policy
 * types, error codes, regions) stay readable. Pure: the key is given (cli/ reads or makes it).
 *
 * The one boundary: every redaction goes through a Redactor, called at one place per kind of output.
 * Denials as they are folded (analyze.ts gives `denial` to the Folder as its transform: the CSV and
 * JSON Lines rows, written as denials stream by, and the aggregate see the same redacted denial); the
 * Summary once it is complete, its Integrity section included (`summary`, at the end of analyze.ts);
 * an earlier summary.json compared with this run (`baseline`, cli/baseline-file.ts).
 *
 *   const r = makeRedactor(key, { userAgents: false });
 *   const folder = new Folder(filter, onDenial, { transform: r.denial });   // every denial, before counting
 *   const summary = r.summary(toSummary(folder.state, meta));                // title, filters, paths, rules, integrity
 */
import type { Baseline } from '../aggregate/index.js';
import type { Denial, Summary } from '../types.js';
import { ActionPrefixes } from './action-prefixes.js';
import { KnownNames } from './known-names.js';
import { makePseudonyms } from './pseudonym.js';
import { accountPseudonym } from './redact-arn.js';
import { denialLiterals, redactAddress, redactDenial, redactPrincipal } from './redact-denial.js';
import { redactBaseline } from './redact-baseline.js';
import { redactSummaryText } from './redact-summary.js';
import { makeTextRedactor } from './redact-text.js';
import { causeRedactor } from './redact-cause.js';

export { makePseudonyms, type Pseudonyms } from './pseudonym.js';
export { redactArn } from './redact-arn.js';
export { makeTextRedactor } from './redact-text.js';
export { TEXT_PATTERNS } from './text-patterns.js';

export interface RedactOptions {
  /**
   * --redact-user-agents: host names in user agents too. Off by default: the host-name pattern also
   * takes tool names and links that user agents carry (`+https://www.terraform.io`), which say
   * which tool made a call; every other pattern applies to user agents either way.
   */
  userAgents?: boolean;
}

export interface Redactor {
  keyId: string;
  denial(d: Denial): Denial;
  principal(principal: string): string;
  /** An account ID, as the denials' accounts are redacted. */
  account(account: string): string;
  /** A source address (IP, host, service), as the denials' source IPs are redacted. */
  address(ip: string): string;
  /** Free text, with every name met in a denial so far also replaced. */
  text(s: string): string;
  /** AWS vocabulary as logged (an error code, a region): only what has an identifier's shape is replaced. */
  code(s: string): string;
  /** An action, as this run's denials have theirs redacted (for a baseline's groups). */
  action(a: string): string;
  /** Everything in a Summary that does not come from the denials (those were redacted as they were folded). */
  summary(s: Summary): Summary;
  /** An earlier summary.json's groups and title, written without --redact, in this run's pseudonyms. */
  baseline(b: Baseline): Baseline;
}

export function makeRedactor(key: Uint8Array, options: RedactOptions = {}): Redactor {
  const p = makePseudonyms(key);
  // Names grow as denials are folded: free text redacted later is checked for all of them.
  const names = new KnownNames();
  const text = makeTextRedactor(p, names);
  const userAgent = options.userAgents ? text : makeTextRedactor(p, names, { hosts: false });
  const code = makeTextRedactor(p, []);
  const prefixes = new ActionPrefixes(code);
  const action = (a: string) => prefixes.action(a);
  const cause = causeRedactor(text);
  return {
    keyId: p.keyId,
    denial(d) {
      for (const l of denialLiterals(d)) names.add(l);
      prefixes.note(d.eventSource, code(d.eventSource));
      const out = redactDenial(d, p, { text, userAgent, code, action });
      return d.cause === undefined ? out : { ...out, cause: cause(d.cause) };
    },
    principal: (principal) => redactPrincipal(principal, p),
    account: (account) => accountPseudonym(account, p),
    address: (ip) => redactAddress(ip, p),
    text,
    code,
    action,
    summary: (s) => redactSummaryText(s, p, { text, code }),
    baseline: (b) => redactBaseline(b, { principal: (x) => redactPrincipal(x, p), action, text }),
  };
}
