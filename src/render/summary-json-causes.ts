// The order of what --policies adds (field-order.ts): a group's causes and Summary.policies in
// summary.json, and a denial's cause in denials.jsonl (what it is and where, without the statement's
// text: summary.json has that, per group).
import type { Cause, CauseStatement, GroupCause, PoliciesSummary, PolicyInput } from '../types.js';
import { copy, list, orDefault, orNull, record, type Write } from './field-order.js';
import { COUNTED } from './summary-sections.js';

const STATEMENT = record<CauseStatement>({
  layer: copy,
  policy: copy,
  attachedTo: copy,
  sid: copy,
  index: copy,
  text: copy,
  marks: copy,
  missed: orDefault([]), // a summary written before near misses were marked
  why: copy,
});

const CAUSE = record<Cause>({
  kind: copy,
  summary: copy,
  statement: orNull(STATEMENT),
  lacking: copy,
  unknown: copy,
  supplied: copy,
  missing: copy,
  disagreement: copy,
  guidance: copy,
  exportedOn: copy,
});

export const GROUP_CAUSE: Write = record<GroupCause>({
  requests: copy,
  kinds: COUNTED,
  causes: list(record<GroupCause['causes'][number]>({ count: copy, requests: copy, resources: copy, cause: CAUSE })),
});

export const POLICIES: Write = record<PoliciesSummary>({
  inputs: list(record<PolicyInput>({ path: copy, kind: copy, accounts: copy, exportedOn: copy, dateFrom: copy })),
  engine: copy,
  simulations: copy,
  maxSimulations: copy,
  overCap: copy,
  issues: list(record<PoliciesSummary['issues'][number]>({ path: copy, reason: copy })),
});

/** A denial's cause in denials.jsonl: what it is and where; the statement itself is in summary.json. */
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
