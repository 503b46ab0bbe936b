// Fixed key order for what --policies adds: a group's causes, a denial's cause, Summary.policies.
import type { Cause, CauseStatement, GroupCause, PoliciesSummary } from '../types.js';

function statement(s: CauseStatement): CauseStatement {
  return { layer: s.layer, policy: s.policy, attachedTo: s.attachedTo, sid: s.sid, index: s.index, text: s.text, marks: [...s.marks], missed: [...(s.missed ?? [])], why: [...s.why] };
}

export function canonicalCause(c: Cause): Cause {
  return {
    kind: c.kind,
    summary: c.summary,
    statement: c.statement === null ? null : statement(c.statement),
    lacking: [...c.lacking],
    unknown: [...c.unknown],
    supplied: [...c.supplied],
    missing: [...c.missing],
    disagreement: c.disagreement,
    guidance: c.guidance,
    exportedOn: c.exportedOn,
  };
}

export function canonicalGroupCause(g: GroupCause): GroupCause {
  return {
    requests: g.requests,
    kinds: g.kinds.map((k) => ({ key: k.key, count: k.count })),
    causes: g.causes.map((c) => ({ count: c.count, requests: c.requests, resources: [...c.resources], cause: canonicalCause(c.cause) })),
  };
}

export function canonicalPolicies(p: PoliciesSummary): PoliciesSummary {
  return {
    inputs: p.inputs.map((i) => ({ path: i.path, kind: i.kind, accounts: [...i.accounts], exportedOn: i.exportedOn, dateFrom: i.dateFrom })),
    engine: p.engine,
    simulations: p.simulations,
    maxSimulations: p.maxSimulations,
    overCap: p.overCap,
    issues: p.issues.map((i) => ({ path: i.path, reason: i.reason })),
  };
}

/** A denial's cause in denials.jsonl: what it is and where, without the statement's text (summary.json has it, per group). */
export function denialCause(c: Cause): Record<string, unknown> {
  const s = c.statement;
  return {
    kind: c.kind,
    summary: c.summary,
    layer: s?.layer ?? null,
    policy: s?.policy ?? null,
    attachedTo: s?.attachedTo ?? null,
    sid: s?.sid ?? null,
    index: s?.index ?? null,
    lacking: [...c.lacking],
    unknown: [...c.unknown],
    disagreement: c.disagreement,
    exportedOn: c.exportedOn,
  };
}
