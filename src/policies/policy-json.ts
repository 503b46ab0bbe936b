// Pieces of policy exports as their producers write them. Everything here is untrusted JSON: a field
// may be missing or of another type; what is not usable becomes an issue, never a throw.
import { asObject, field, text } from '../classify/coerce.js';
import type { ExportedPolicy } from '../types.js';

export type Issues = { path: string; reason: string }[];

/**
 * A policy document: an object, or (as the IAM API returns them, and the SDKs pass on) a
 * URL-encoded JSON string. The AWS CLI decodes them; iam-collect stores them parsed.
 */
export function policyDocument(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  for (const attempt of [() => JSON.parse(value) as unknown, () => JSON.parse(decodeURIComponent(value)) as unknown]) {
    try {
      return attempt();
    } catch {
      // try the next spelling
    }
  }
  return value; // kept as is: the check below calls it damaged
}

/** Why a document cannot be a policy, or null. The engine validates every element later; this only keeps out what is not one at all. */
export function notAPolicy(document: unknown): string | null {
  const doc = asObject(document);
  if (doc === null) return typeof document === 'string' ? 'not JSON' : 'not a JSON object';
  const statement = field(doc, 'Statement');
  if (statement === undefined) return 'no "Statement"';
  if (asObject(statement) === null && !Array.isArray(statement)) return '"Statement" is neither an object nor an array';
  return null;
}

/** A policy, or an issue naming it; `what` says which policy it is ('inline policy p of role r'). */
export function exportedPolicy(name: string, document: unknown, source: string, what: string, issues: Issues): ExportedPolicy | null {
  const doc = policyDocument(document);
  const why = notAPolicy(doc);
  if (why !== null) {
    issues.push({ path: source, reason: `${what}: damaged policy document (${why}): left out` });
    return null;
  }
  return { name, document: doc, source };
}

/** Tags as the IAM API lists them ([{Key, Value}]) or as iam-collect stores them ({key: value}). */
export function tagsOf(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (Array.isArray(value)) {
    for (const t of value) {
      const key = text(field(t, 'Key'));
      if (key !== '') out[key] = text(field(t, 'Value'));
    }
    return out;
  }
  const o = asObject(value);
  if (o !== null) for (const [k, v] of Object.entries(o)) if (typeof v === 'string') out[k] = v;
  return out;
}

/** Strings of an array (others dropped). */
export function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v !== '') : [];
}

/** The account of an ARN ('' when it has none). */
export function arnAccount(arn: string): string {
  const parts = arn.split(':');
  return parts.length >= 6 && parts[0] === 'arn' ? parts[4] : '';
}
