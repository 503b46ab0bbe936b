// Which advice applies to a denial: the base entry for its kind, then one entry per hint that has
// advice. Lookup falls back to broader keys so every denial gets something to act on.
import { BASE_GUIDANCE } from './guidance-base.js';
import { CODE_CHECKS, HINT_GUIDANCE } from './guidance-hints.js';
import { normalizeCode } from './error-codes.js';
import type { GuidanceEntry } from './guidance-types.js';
import type { Denial } from '../types.js';

export type GuidanceInput = Pick<Denial, 'category' | 'denyKind' | 'policyType' | 'hints' | 'errorCode' | 'authorizationId'>;

const BASE = new Map(BASE_GUIDANCE.map((e) => [e.id, e]));
const HINTS = new Map(HINT_GUIDANCE.map((e) => [e.id, e]));

function baseEntry(d: GuidanceInput): GuidanceEntry {
  const keys = [
    `${d.category}/${d.denyKind}/${d.policyType}`,
    `${d.category}/unspecified/${d.policyType}`,
    `${d.category}/${d.denyKind}/unspecified`,
    `${d.category}/unspecified/unspecified`,
  ];
  for (const key of keys) {
    const entry = BASE.get(key);
    if (entry !== undefined) return entry;
  }
  return BASE.get('authorization/unspecified/unspecified') as GuidanceEntry;
}

function fill(entry: GuidanceEntry, d: GuidanceInput): GuidanceEntry {
  const id = d.authorizationId;
  if (id === null || id === '') return entry;
  return { ...entry, checks: entry.checks.map((c) => c.split('<authorization-id>').join(id)) };
}

export function guidanceFor(d: GuidanceInput): GuidanceEntry[] {
  const base = baseEntry(d);
  const codeChecks = CODE_CHECKS.get(normalizeCode(d.errorCode)) ?? [];
  const first: GuidanceEntry = codeChecks.length === 0 ? base : { ...base, checks: [...codeChecks, ...base.checks] };
  const hinted = [...new Set(d.hints)]
    .sort()
    .map((h) => HINTS.get(`hint/${h}`))
    .filter((e): e is GuidanceEntry => e !== undefined);
  return [first, ...hinted].map((e) => fill(e, d));
}

/** Every entry, for reports that print the advice next to each policy type. */
export const GUIDANCE: readonly GuidanceEntry[] = [...BASE_GUIDANCE, ...HINT_GUIDANCE];
