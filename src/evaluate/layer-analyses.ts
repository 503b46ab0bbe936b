// The engine's analysis, flattened to one entry per policy layer (an SCP or RCP per level of the
// organization), each with its statements traced back to the policies they came from.
import type { PolicyLayer } from '../types.js';
import type { LayerAnalysis, RequestAnalysis, StatementAnalysis } from './engine.js';
import type { EvalRequest, PolicyRef } from './request-types.js';

export interface LayerResult {
  layer: PolicyLayer;
  level: string | null; // the root, OU or account an SCP or RCP level is attached to
  result: string;
  analysis: LayerAnalysis;
}

export function layerResults(a: RequestAnalysis, r: EvalRequest): LayerResult[] {
  const out: LayerResult[] = [];
  const add = (layer: PolicyLayer, analysis: LayerAnalysis | undefined, level: string | null = null) => {
    if (analysis !== undefined) out.push({ layer, level, result: analysis.result, analysis });
  };
  for (const ou of a.scpAnalysis?.ouAnalysis ?? []) add('service-control-policy', ou, ou.orgIdentifier);
  for (const ou of a.rcpAnalysis?.ouAnalysis ?? []) add('resource-control-policy', ou, ou.orgIdentifier);
  add('vpc-endpoint-policy', a.endpointAnalysis);
  if (r.resourcePolicy !== null) add(r.resourcePolicy.layer, a.resourceAnalysis);
  if (r.identity !== null) add('identity-based', a.identityAnalysis);
  add('permissions-boundary', a.permissionBoundaryAnalysis);
  add('session-policy', a.sessionAnalysis);
  return out;
}

/** The PolicyRef a statement came from; AWS's own default RCP (the engine adds it at every level) gets one made up. */
export function refOf(s: StatementAnalysis, layer: PolicyLayer, refs: Map<string, PolicyRef>, r: EvalRequest): PolicyRef {
  const ref = refs.get(s.policyId);
  if (ref !== undefined) return ref;
  if (layer === 'resource-based' || layer === 'role-trust-policy')
    return r.resourcePolicy ?? { layer, policy: 'resource-based policy', attachedTo: null, document: null };
  return { layer, policy: s.policyId, attachedTo: null, document: null };
}

export const denies = (l: LayerResult): boolean => l.result === 'ExplicitlyDenied' || l.result === 'DeniedForAccount';
export const allows = (l: LayerResult): boolean => l.result === 'Allowed' || l.result === 'AllowedForAccount';
