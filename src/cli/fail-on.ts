// CI gates: `--fail-on new,explicit,any,<n>` turn findings into exit code 3.
import { UserError } from '../errors.js';
import type { Summary } from '../types.js';

export type Gate = { kind: 'new' } | { kind: 'explicit' } | { kind: 'any' } | { kind: 'more-than'; n: number };

export function parseGates(values: string[]): Gate[] {
  return values.map((v): Gate => {
    if (v === 'new' || v === 'explicit' || v === 'any') return { kind: v };
    if (/^\d+$/.test(v)) return { kind: 'more-than', n: Number(v) };
    throw new UserError(`--fail-on ${JSON.stringify(v)}: choose new, explicit, any or a number (fail when more denials than that)`);
  });
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export interface GateResult {
  /** One line per gate that tripped, saying why. */
  tripped: string[];
  /** Gates that could not be judged (`new` without a baseline). */
  notes: string[];
}

/** Judged on the findings: suppressed denials never trip a gate. */
export function evaluateGates(summary: Summary, gates: Gate[]): GateResult {
  const tripped: string[] = [];
  const notes: string[] = [];
  const denials = summary.totals.denials;
  for (const gate of gates) {
    if (gate.kind === 'new') {
      const c = summary.changes;
      const since = c === null ? '' : (c.baseline.label ?? c.baseline.title);
      if (c === null) notes.push('--fail-on new: no baseline to compare with, so no group counts as new');
      else if (c.newGroups.length > 0) tripped.push(`--fail-on new: ${plural(c.newGroups.length, 'new group')} since ${since}`);
    } else if (gate.kind === 'explicit') {
      const explicit = summary.byDenyKind.find((k) => k.key === 'explicit')?.count ?? 0;
      if (explicit > 0) tripped.push(`--fail-on explicit: ${plural(explicit, 'explicit-deny denial')}`);
    } else if (gate.kind === 'any') {
      if (denials > 0) tripped.push(`--fail-on any: ${plural(denials, 'denial')}`);
    } else if (denials > gate.n) tripped.push(`--fail-on ${gate.n}: ${plural(denials, 'denial')}, more than ${gate.n}`);
  }
  return { tripped, notes };
}
