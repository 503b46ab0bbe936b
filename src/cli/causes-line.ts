// With --policies, one console line on what the exported policies say of the denials read:
// `causes (policies as exported on 2026-11-23): 61 explicit-deny, 19 implicit-deny, 4 allowed-now, 5 undetermined; 3 no policy decision (failed sign-ins, credentials, account state); 38 requests simulated`.
import { notPolicyDecisions } from '../render/cause-view.js';
import { CAUSE_KINDS, type Summary } from '../types.js';

export function causesLine(s: Summary): string {
  const p = s.policies;
  if (p === undefined) return '';
  const byKind = new Map<string, number>();
  for (const g of s.groups) for (const k of g.cause?.kinds ?? []) byKind.set(k.key, (byKind.get(k.key) ?? 0) + k.count);
  const dates = [...new Set(p.inputs.map((i) => i.exportedOn).filter((d) => d !== null))].sort();
  const when = dates.length === 0 ? 'undated' : `as exported on ${dates.length === 1 ? dates[0] : `${dates[0]} to ${dates.at(-1)}`}`;
  const kinds = CAUSE_KINDS.filter((k) => byKind.has(k)).map((k) => `${(byKind.get(k) ?? 0).toLocaleString('en-US')} ${k}`);
  const over = p.overCap > 0 ? `; ${p.overCap.toLocaleString('en-US')} left undetermined past --max-simulations ${p.maxSimulations}` : '';
  const issues = p.issues.length > 0 ? `; ${p.issues.length} damaged policy ${p.issues.length === 1 ? 'document' : 'documents'} left out (see the report)` : '';
  const notPolicy = notPolicyDecisions(s);
  const none = notPolicy > 0 ? `; ${notPolicy.toLocaleString('en-US')} no policy decision (failed sign-ins, credentials, account state)` : '';
  return `causes (policies ${when}): ${kinds.length > 0 ? kinds.join(', ') : 'none'}${none}; ${p.simulations.toLocaleString('en-US')} requests simulated${over}${issues}`;
}
