// CI gates: `--fail-on new,explicit,any,<n>,finding[:severity]` turn findings into exit code 3.
import { UserError } from '../errors.js';
import { FINDING_SEVERITIES, type FindingSeverity, type Summary } from '../types.js';

export type Gate = { kind: 'new' } | { kind: 'explicit' } | { kind: 'any' } | { kind: 'more-than'; n: number } | { kind: 'finding'; atLeast: FindingSeverity };

const FINDING_GATE = /^finding(?::(high|medium|low))?$/;

export function parseGates(values: string[]): Gate[] {
  return values.map((v): Gate => {
    if (v === 'new' || v === 'explicit' || v === 'any') return { kind: v };
    if (/^\d+$/.test(v)) return { kind: 'more-than', n: Number(v) };
    const finding = FINDING_GATE.exec(v);
    if (finding !== null) return { kind: 'finding', atLeast: (finding[1] as FindingSeverity | undefined) ?? 'low' };
    throw new UserError(
      `--fail-on ${JSON.stringify(v)}: choose new, explicit, any, a number (fail when more denials than that), finding, or finding:high / finding:medium (a finding of that severity or above)`,
    );
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
    } else if (gate.kind === 'finding') {
      const line = findingGate(summary, gate.atLeast);
      if (line !== null) tripped.push(line);
    } else if (gate.kind === 'any') {
      if (denials > 0) tripped.push(`--fail-on any: ${plural(denials, 'denial')}`);
    } else if (denials > gate.n) tripped.push(`--fail-on ${gate.n}: ${plural(denials, 'denial')}, more than ${gate.n}`);
  }
  return { tripped, notes };
}

/** `--fail-on finding[:severity]`: the findings of that severity or above (suppressed findings are not findings). */
function findingGate(summary: Summary, atLeast: FindingSeverity): string | null {
  const rank = FINDING_SEVERITIES.indexOf(atLeast);
  const hit = (summary.findings ?? []).filter((f) => FINDING_SEVERITIES.indexOf(f.severity) <= rank);
  if (hit.length === 0) return null;
  const byRule = new Map<string, number>();
  for (const f of hit) byRule.set(f.rule, (byRule.get(f.rule) ?? 0) + 1);
  const rules = [...byRule].map(([rule, n]) => (n === 1 ? rule : `${rule} ×${n}`)).join(', ');
  const gate = atLeast === 'low' ? 'finding' : `finding:${atLeast}`;
  const what = atLeast === 'low' ? 'finding' : `${atLeast === 'high' ? 'high' : 'medium or high'} finding`;
  return `--fail-on ${gate}: ${plural(hit.length, what)} (${rules})`;
}
