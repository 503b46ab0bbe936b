// The rules file (`--suppress`, default .cloudtrail-denials.jsonc): checked strictly, because a
// misspelt field would silently widen a rule until it hides real findings.
//
//   { "rules": [
//       { "principal": "arn:aws:iam::*:role/security-scanner", "action": "s3:Get*",
//         "reason": "the scanner probes every bucket; refusals are expected", "expires": "2027-03-31" } ] }
import { SUPPRESSION_FIELDS, type SuppressionRule } from '../aggregate/index.js';
import { UserError } from '../errors.js';
import type { SuppressionField } from '../types.js';
import { isObject } from '../classify/coerce.js';

const ALLOWED = [...SUPPRESSION_FIELDS, 'reason', 'expires'];

function isDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const t = Date.parse(`${s}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === s;
}

function parseRule(raw: unknown, n: number, source: string): SuppressionRule {
  const where = `${source}: rule ${n}`;
  if (!isObject(raw)) throw new UserError(`${where} is not an object: give { "principal": "…", "reason": "…" }`);
  const unknown = Object.keys(raw).filter((k) => !ALLOWED.includes(k));
  if (unknown.length > 0) throw new UserError(`${where} has an unknown field "${unknown[0]}": use ${ALLOWED.join(', ')}`);
  const match: Partial<Record<SuppressionField, string>> = {};
  for (const f of SUPPRESSION_FIELDS) {
    const v = raw[f];
    if (v === undefined) continue;
    if (typeof v !== 'string' || v.trim() === '') throw new UserError(`${where}: "${f}" must be a non-empty text (a glob: * and ?)`);
    match[f] = v.trim();
  }
  if (Object.keys(match).length === 0) throw new UserError(`${where} matches every denial: give at least one of ${SUPPRESSION_FIELDS.join(', ')}`);
  const reason = raw.reason;
  if (typeof reason !== 'string' || reason.trim() === '') throw new UserError(`${where} has no "reason": say why these denials are expected`);
  const expires = raw.expires;
  if (expires !== undefined && (typeof expires !== 'string' || !isDate(expires))) {
    throw new UserError(`${where}: "expires" must be a date such as 2027-03-31, not ${JSON.stringify(expires)}`);
  }
  return { match, reason: reason.trim(), expires: expires ?? null };
}

/** Top-level fields of the rules file: the suppression rules, and the findings' settings (cli/finding-rules.ts). */
const TOP_LEVEL = ['rules', 'findings'];

/** `{ "rules": [...] }` or a bare array of rules; a file with only `findings` has none (null). */
export function parseRules(doc: unknown, source: string): SuppressionRule[] | null {
  const list = Array.isArray(doc) ? doc : isObject(doc) ? doc.rules : undefined;
  if (isObject(doc) && Object.keys(doc).some((k) => !TOP_LEVEL.includes(k))) {
    throw new UserError(
      `${source}: unknown top-level field "${Object.keys(doc).find((k) => !TOP_LEVEL.includes(k))}": the file holds { "rules": [ … ], "findings": { … } }`,
    );
  }
  if (list === undefined && isObject(doc) && doc.findings !== undefined) return null;
  if (!Array.isArray(list)) throw new UserError(`${source}: expected { "rules": [ … ] }`);
  return list.map((r, i) => parseRule(r, i + 1, source));
}
