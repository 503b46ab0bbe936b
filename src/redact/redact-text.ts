// Free text (error messages, user agents, file paths, rule reasons) with identifiers replaced in
// one pass over the original: ARNs, 12-digit account IDs, IPv4 and IPv6 addresses, and any name
// the caller already knows (a session name, a user name) wherever it appears on its own.
import { redactArn } from './redact-arn.js';
import type { Pseudonyms } from './pseudonym.js';

// ARN up to whitespace, a quote or an angle bracket; trailing sentence punctuation is put back.
const ARN = String.raw`arn:[a-z0-9-]+:[a-z0-9-]*:[a-z0-9-]*:[^:\s"'<>]*:[^\s"'<>]+`;
const ACCOUNT = String.raw`(?<!\d)\d{12}(?!\d)`;
const IPV4 = String.raw`(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?!\d|\.\d)`;
const IPV6 = String.raw`(?<![\w:.])(?:[0-9a-f]{0,4}:){2,7}[0-9a-f]{0,4}(?![\w:])`;
const TRAILING = /[.,;:)\]}]+$/;
// Characters IAM allows in names: a known name only counts when it stands on its own.
const NAME_CHAR = String.raw`[\w+=,.@-]`;
const MIN_LITERAL = 4;

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function isIPv4(s: string): boolean {
  const parts = s.split('.');
  return parts.length === 4 && parts.every((x) => /^\d{1,3}$/.test(x) && Number(x) <= 255);
}

export function isIPv6(s: string): boolean {
  if (!/^[0-9a-f:]+$/i.test(s) || !/[0-9a-f]/i.test(s)) return false;
  const halves = s.split('::');
  if (halves.length > 2) return false;
  const groups = halves.flatMap((h) => (h === '' ? [] : h.split(':')));
  if (groups.some((g) => !/^[0-9a-f]{1,4}$/i.test(g))) return false;
  return halves.length === 2 ? groups.length <= 7 : groups.length === 8;
}

export interface TextRedactor {
  (text: string): string;
}

/** `literals`: raw names to replace wherever they stand alone (shorter than 4 characters are left, they would shred words). */
export function makeTextRedactor(p: Pseudonyms, literals: Iterable<string> = []): TextRedactor {
  const names = [...new Set(literals)].filter((l) => l.length >= MIN_LITERAL).sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const known = names.length > 0 ? `|(?<name>(?<!${NAME_CHAR})(?:${names.map(escapeRe).join('|')})(?!${NAME_CHAR}))` : '';
  const re = new RegExp(`(?<arn>${ARN})|(?<ip4>${IPV4})|(?<ip6>${IPV6})|(?<acct>${ACCOUNT})${known}`, 'gi');
  return (text) =>
    text.replace(re, (match: string, ...args: unknown[]) => {
      const g = args.at(-1) as Record<string, string | undefined>;
      if (g.arn !== undefined) {
        const tail = TRAILING.exec(match)?.[0] ?? '';
        const arn = match.slice(0, match.length - tail.length);
        return (redactArn(arn, p) ?? arn) + tail;
      }
      if (g.ip4 !== undefined) return isIPv4(match) ? p.of('ip', match) : match;
      if (g.ip6 !== undefined) return isIPv6(match) ? p.of('ip', match.toLowerCase()) : match;
      if (g.acct !== undefined) return p.of('acct', match);
      return p.of('name', match);
    });
}
