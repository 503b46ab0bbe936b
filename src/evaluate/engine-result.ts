// What the engine returns, made usable: the analysis to explain, and its errors in words.
import type { RequestAnalysis, SimulationResult } from './engine.js';
import type { EvalRequest } from './request-types.js';

/** The analysis to explain: the one result; of several (a resource given as a pattern), a denying one first. */
export function pick(result: Exclude<SimulationResult, { resultType: 'error' }>): RequestAnalysis | null {
  if (result.resultType === 'single') return result.result.analysis;
  const all = result.results.map((x) => x.analysis);
  return all.find((a) => a.result === 'ExplicitlyDenied') ?? all.find((a) => a.result === 'ImplicitlyDenied') ?? all[0] ?? null;
}

/** The partition of a region's ARNs (aws-cn for cn-*, aws-us-gov for us-gov-*). */
export function partitionOf(region: string | string[] | undefined): string {
  const r = typeof region === 'string' ? region : '';
  return r.startsWith('cn-') ? 'aws-cn' : r.startsWith('us-gov-') ? 'aws-us-gov' : 'aws';
}

export function engineError(message: string, r: EvalRequest): string {
  switch (message) {
    case 'invalid.action':
    case 'invalid.service':
      return `${r.action} is not in the evaluation engine's catalogue of IAM actions`;
    case 'no.resource.types':
      return `${r.resourceShown ?? r.resource} is not a resource ${r.action} acts on, as the engine's catalogue has it`;
    case 'multiple.resource.types':
      return `${r.resourceShown ?? r.resource} fits more than one resource type of ${r.action}`;
    default:
      return `the evaluation engine could not take it (${message})`;
  }
}
