// Every scenario the demo archive contains, in one list (the table other tests can iterate).
import type { Scenario } from './scenario-types.js';
import { ACTION_SCENARIOS } from './scenarios-actions.js';
import { CONTEXT_SCENARIOS } from './scenarios-context.js';
import { ERROR_SCENARIOS } from './scenarios-errors.js';
import { INTRUSION_SCENARIOS } from './scenarios-intrusion.js';
import { POLICY_SCENARIOS } from './scenarios-policy.js';
import { UNSPECIFIED_SCENARIOS } from './scenarios-unspecified.js';

export const SCENARIOS: readonly Scenario[] = [...POLICY_SCENARIOS, ...CONTEXT_SCENARIOS, ...UNSPECIFIED_SCENARIOS, ...ERROR_SCENARIOS, ...ACTION_SCENARIOS, ...INTRUSION_SCENARIOS];

export function scenario(id: string): Scenario {
  const found = SCENARIOS.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`unknown sample scenario ${id}`);
  return found;
}
