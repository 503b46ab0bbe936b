// The identifiers --redact finds in free text by their shape, one row each, tried in this order at
// each place in the text (an ARN before the account inside it, an e-mail before its host). Each row
// has an example that test/redact/text-patterns.test.ts runs. Names that have no shape (a user or
// session name) are found by being known instead: see known-names.ts.
import { redactArn } from './redact-arn.js';
import { redactHost } from './host-names.js';
import type { Pseudonyms } from './pseudonym.js';

export interface TextPattern {
  name: string;
  /** A regular expression source without capturing groups (it becomes one group of the combined pattern). */
  source: string;
  /** Free text holding one, and what that text becomes (`*` stands for a pseudonym's hex). */
  example: { text: string; redacted: string };
  /** false: only applied to user agents with --redact-user-agents (it also hits tool names in them). */
  inUserAgents: boolean;
  /** The replacement, or null when the match turns out not to be one (the rows below then try it). */
  replace: (match: string, p: Pseudonyms) => string | null;
}

// EC2-style resource IDs: '<prefix>-' and 8 or 17 lower-case hex digits (the EC2 API Reference's
// resource ID format; the prefixes are those of its resource types).
// prettier-ignore
const EC2_PREFIXES = [
  'i', 'vol', 'snap', 'ami', 'sg', 'sgr', 'subnet', 'vpc', 'eni', 'igw', 'eigw', 'nat', 'rtb', 'acl', 'eipalloc', 'eipassoc',
  'vpce', 'tgw', 'tgw-attach', 'tgw-rtb', 'pcx', 'lt', 'dopt', 'cgw', 'vgw', 'vpn', 'fl', 'r', 'sir', 'fleet', 'h', 'pl',
  'ipam', 'eic', 'cr', 'fs', 'fsap', 'fsmp', 'elb', 'key', 'export', 'import', 'aki', 'ari',
];
// A '-' may come before (`err-i-0abc…`), not a letter or digit (`multi-abcdef12` is a word).
export const EC2_ID = String.raw`(?<!\w)(?:${EC2_PREFIXES.join('|')})-(?:[0-9a-f]{17}|[0-9a-f]{8})(?![\w-])`;

// A host label that spells an IPv4 address, as EC2's private and public DNS names do (ip-10-0-0-1, ec2-54-1-2-3).
export const ADDRESS_LABEL = String.raw`(?<!\w)[A-Za-z][A-Za-z0-9]*-(?:\d{1,3}-){3}\d{1,3}(?![\w-])`;

const isAddress = (parts: string[]) => parts.length === 4 && parts.every((x) => Number(x) <= 255);

/** '203.0.113.9' and the like (each part at most 255). */
export function isIPv4(s: string): boolean {
  const parts = s.split('.');
  return parts.every((x) => /^\d{1,3}$/.test(x)) && isAddress(parts);
}

export function isIPv6(s: string): boolean {
  if (!/^[0-9a-f:]+$/i.test(s) || !/[0-9a-f]/i.test(s)) return false;
  const halves = s.split('::');
  if (halves.length > 2) return false;
  const groups = halves.flatMap((h) => (h === '' ? [] : h.split(':')));
  if (groups.some((g) => !/^[0-9a-f]{1,4}$/i.test(g))) return false;
  return halves.length === 2 ? groups.length <= 7 : groups.length === 8;
}

/** Where in a run of hex groups and colons the longest IPv6 address is, or null. */
function longestIPv6(run: string): { start: number; end: number } | null {
  const cuts = [0, ...[...run.matchAll(/:/g)].flatMap((m) => [m.index, m.index + 1]), run.length];
  let best: { start: number; end: number } | null = null;
  for (const start of cuts) {
    for (const end of cuts) {
      if (end - start <= (best === null ? 0 : best.end - best.start)) continue;
      if (isIPv6(run.slice(start, end))) best = { start, end };
    }
  }
  return best;
}

// ARN up to whitespace, a quote or an angle bracket; trailing sentence punctuation is put back.
const TRAILING = /[.,;:)\]}]+$/;

// Access key IDs (AKIA: long-term, ASIA: temporary) and the unique IDs of users, roles, groups and
// policies (IAM User Guide, "Unique identifiers"): four capital letters, then capitals and digits.
const KEY_PREFIXES = ['AKIA', 'ASIA', 'ABIA', 'ACCA'];
const ID_PREFIXES = ['AIDA', 'AROA', 'AGPA', 'AIPA', 'ANPA', 'ANVA', 'APKA'];

// prettier-ignore
export const TEXT_PATTERNS: TextPattern[] = [
  {
    name: 'ARN (account and every resource name segment)',
    source: String.raw`arn:[a-z0-9-]+:[a-z0-9-]*:[a-z0-9-]*:[^:\s"'<>]*:[^\s"'<>]+`,
    example: { text: 'on resource: arn:aws:s3:::payroll/2026.csv.', redacted: 'on resource: arn:aws:s3:::name-*/name-*.' },
    inUserAgents: true,
    replace: (match, p) => {
      const tail = TRAILING.exec(match)?.[0] ?? '';
      const redacted = redactArn(match.slice(0, match.length - tail.length), p);
      return redacted === null ? null : redacted + tail;
    },
  },
  {
    name: 'e-mail address',
    source: String.raw`(?<![\w.%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+`,
    example: { text: 'session dana.smith@acme.example expired', redacted: 'session email-* expired' },
    inUserAgents: true,
    replace: (match, p) => p.of('email', match.toLowerCase()),
  },
  {
    name: 'host name (not AWS\'s own; see host-names.ts for which top-level names count)',
    source: String.raw`(?<![\w.@-])(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?![\w-]|\.[A-Za-z0-9])`,
    example: { text: 'call from ip-10-20-30-40.ec2.internal to db.corp.acme.com', redacted: 'call from host-* to host-*' },
    inUserAgents: false,
    replace: (match, p) => redactHost(match, p),
  },
  {
    name: 'access key ID or IAM unique ID',
    // Upper case only: a lower-case letter before or after ends it (`GetAKIA…` in a made-up event name).
    source: String.raw`(?<![A-Z0-9])(?:${[...KEY_PREFIXES, ...ID_PREFIXES].join('|')})[A-Z0-9]{12,}(?![A-Z0-9])`,
    example: { text: 'The key AKIAIOSFODNN7EXAMPLE is disabled; role AROAJQABLZS4A3QDU576Q', redacted: 'The key key-* is disabled; role uid-*' },
    inUserAgents: true,
    replace: (match, p) => p.of(KEY_PREFIXES.includes(match.slice(0, 4)) ? 'key' : 'uid', match),
  },
  {
    name: 'account ID written in groups (1111-2222-3333)',
    // Not inside a longer run of groups (a card number, a phone number).
    source: String.raw`(?<!\w|\d-)\d{4}-\d{4}-\d{4}(?!\w|-\d)`,
    example: { text: 'account 1111-2222-3333 is closed', redacted: 'account acct-* is closed' },
    inUserAgents: true,
    replace: (match, p) => p.of('acct', match.replaceAll('-', '')),
  },
  {
    name: 'account ID (12 digits, also inside a word)',
    source: String.raw`(?<!\d)\d{12}(?!\d)`,
    example: { text: 'AccessDenied.111122223333', redacted: 'AccessDenied.acct-*' },
    inUserAgents: true,
    replace: (match, p) => p.of('acct', match),
  },
  {
    name: 'IPv4 address',
    // Not inside a longer dotted number (a version such as 1.2.3.4.5).
    source: String.raw`(?<!\d|\d\.)(?:\d{1,3}\.){3}\d{1,3}(?!\d|\.\d)`,
    example: { text: 'from 203.0.113.9, not 999.1.2.3', redacted: 'from ip-*, not 999.1.2.3' },
    inUserAgents: true,
    replace: (match, p) => (isIPv4(match) ? p.of('ip', match) : null),
  },
  {
    name: 'IPv6 address',
    // A run of hex groups and colons, on its own or after a word and a colon (`s3:2001:db8::7`, an
    // action made from a made-up event name); the address is its longest part that is one.
    source: String.raw`(?:(?<![\w:])|(?<=[A-Za-z][\w-]*:))(?:[0-9a-fA-F]{0,4}:){2,8}[0-9a-fA-F]{0,4}(?![\w:])`,
    example: { text: 'from 2001:db8::7 at 10:00:00, as s3:2001:db8::8', redacted: 'from ip-* at 10:00:00, as s3:ip-*' },
    inUserAgents: true,
    replace: (match, p) => {
      const at = longestIPv6(match);
      return at === null ? null : match.slice(0, at.start) + p.of('ip', match.slice(at.start, at.end).toLowerCase()) + match.slice(at.end);
    },
  },
  {
    name: 'host label spelling an IPv4 address (ip-10-0-0-1)',
    source: ADDRESS_LABEL,
    example: { text: 'Linux/ip-172-31-5-9 aws-cli/2', redacted: 'Linux/host-* aws-cli/2' },
    inUserAgents: true,
    replace: (match, p) => (isAddress(match.split('-').slice(1)) ? p.of('host', match.toLowerCase()) : null),
  },
  {
    name: 'AWS Organizations ID: organization (o-…), organizational unit (ou-…) or root (r-…), as in an organization trail\'s S3 keys',
    // The ID patterns of the AWS Organizations API Reference (Organization.Id, OrganizationalUnit.Id,
    // Root.Id). Pseudonyms as for an ARN's segments (redact-arn.ts), so an ID reads the same in both.
    source: String.raw`(?<![\w-])(?:o-[a-z0-9]{10,32}|ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}|r-[0-9a-z]{4,32})(?![\w-])`,
    example: { text: 'samples/AWSLogs/o-7kq2m9xw4d/CloudTrail and ou-a1b2-c3d4e5f6', redacted: 'samples/AWSLogs/name-*/CloudTrail and name-*' },
    inUserAgents: false,
    replace: (match, p) => p.of('name', match),
  },
  {
    name: 'EC2-style resource ID (i-…, vol-…, sg-…, vpc-…, …); the prefix is kept',
    source: EC2_ID,
    example: { text: 'instance i-0abc123def4567890 and sg-0a1b2c3d', redacted: 'instance i-* and sg-*' },
    inUserAgents: true,
    replace: (match, p) => p.of(match.slice(0, match.lastIndexOf('-')), match),
  },
];
