// The engine's analysis of one request → its cause: which statement denied it, which layers lack an
// Allow (and the Allow that came closest), or why the exports allow it or cannot tell.
import type { Cause, CauseStatement, Denial, PolicyLayer } from '../types.js';
import type { RequestAnalysis } from './engine.js';
import { byLayerOrder } from './layers.js';
import { allows, denies, layerResults, refOf, type LayerResult } from './layer-analyses.js';
import type { EvalRequest, PolicyRef } from './request-types.js';
import { closeness, statementEvidence } from './statement-why.js';
import { describeCause } from './cause-text.js';

const GUARDRAILS: readonly PolicyLayer[] = [
  'service-control-policy',
  'resource-control-policy',
  'vpc-endpoint-policy',
  'permissions-boundary',
  'session-policy',
];

function firstDeny(results: LayerResult[], refs: Map<string, PolicyRef>, r: EvalRequest): { statement: CauseStatement; more: number } | null {
  const found = results
    .filter(denies)
    .sort((a, b) => byLayerOrder(a.layer, b.layer))
    .flatMap((l) => l.analysis.denyStatements.map((s) => ({ s, l })));
  if (found.length === 0) return null;
  const { s, l } = found[0];
  return { statement: statementEvidence(s, refOf(s, l.layer, refs, r), r), more: found.length - 1 };
}

/**
 * Layers without an Allow: the guardrails that found none (SCP or RCP levels, boundary, session, VPC
 * endpoint), and the caller's and the resource's own policies when neither grants what it must
 * (within an account either one suffices; across accounts both must). IAM User Guide, "Policy
 * evaluation logic" and "Cross-account policy evaluation logic".
 */
function lackingLayers(results: LayerResult[], sameAccount: boolean): LayerResult[] {
  const guard = results.filter((l) => GUARDRAILS.includes(l.layer) && l.result === 'ImplicitlyDenied');
  const identity = results.find((l) => l.layer === 'identity-based');
  const resource = results.find((l) => l.layer === 'resource-based' || l.layer === 'role-trust-policy');
  const idAllows = identity === undefined || identity.result === 'Allowed';
  const coreFails = sameAccount
    ? !(identity?.result === 'Allowed') && !(resource?.result === 'Allowed')
    : !idAllows || resource === undefined || !allows(resource);
  const core = coreFails ? [identity, resource].filter((l): l is LayerResult => l !== undefined && !allows(l) && l.result !== 'NotApplicable') : [];
  const lacking = [...guard, ...core];
  return lacking.length > 0 ? lacking : results.filter((l) => l.result === 'ImplicitlyDenied');
}

function nearestAllow(lacking: LayerResult[], refs: Map<string, PolicyRef>, r: EvalRequest): CauseStatement | null {
  let best: { score: number; s: CauseStatement } | null = null;
  for (const l of lacking) {
    for (const s of l.analysis.unmatchedStatements) {
      if (s.statement.effect() !== 'Allow') continue;
      const score = closeness(s);
      if (score >= 4 && (best === null || score > best.score)) best = { score, s: statementEvidence(s, refOf(s, l.layer, refs, r), r) };
    }
  }
  return best?.s ?? null;
}

/** Conditions the engine set aside because their keys are unknown from the log: each once, with the statements they are in. */
function unknownConditions(a: RequestAnalysis): string[] {
  const out = new Set<string>();
  for (const byEffect of Object.values(a.ignoredConditions ?? {})) {
    for (const c of [...(byEffect?.allow ?? []), ...(byEffect?.deny ?? [])]) out.add(`condition on ${c.key}: unknown from the log`);
  }
  return [...out].sort();
}

/** The statement holding the first condition the engine set aside (an Allow it assumed, a Deny it could not rule out). */
function statementWithUnknown(results: LayerResult[], a: RequestAnalysis, refs: Map<string, PolicyRef>, r: EvalRequest): CauseStatement | null {
  for (const l of [...results].sort((x, y) => byLayerOrder(x.layer, y.layer))) {
    for (const s of [...l.analysis.denyStatements, ...l.analysis.unmatchedStatements, ...l.analysis.allowStatements]) {
      if ((s.ignoredConditions?.length ?? 0) > 0) return statementEvidence(s, refOf(s, l.layer, refs, r), r);
    }
  }
  void a;
  return null;
}

/** Whether a supplied policy (not a stand-in for a missing layer) grants what the request needs: the caller's or the resource's own. */
function grantedByExports(results: LayerResult[], refs: Map<string, PolicyRef>, r: EvalRequest, sameAccount: boolean): boolean {
  const real = (l: LayerResult | undefined) =>
    l !== undefined && allows(l) && l.analysis.allowStatements.some((s) => refOf(s, l.layer, refs, r).placeholder !== true);
  const identity = results.find((l) => l.layer === 'identity-based');
  const resource = results.find((l) => l.layer === 'resource-based' || l.layer === 'role-trust-policy');
  if (identity === undefined) return real(resource);
  return sameAccount && resource?.result !== 'AllowedForAccount'
    ? real(identity) || real(resource)
    : real(identity) && (resource === undefined || resource.result === 'NotApplicable' || real(resource));
}

export interface Interpretation {
  denial: Denial;
  request: EvalRequest;
  analysis: RequestAnalysis;
  refs: Map<string, PolicyRef>;
  exportedOn: string | null;
}

export function interpret({ denial, request: r, analysis: a, refs, exportedOn }: Interpretation): Cause {
  const results = layerResults(a, r);
  const supplied = [...new Set(r.layers.filter((l) => l.supplied).map((l) => l.layer))].sort(byLayerOrder);
  const missing = [...new Set(r.layers.filter((l) => !l.supplied).map((l) => l.layer))].sort(byLayerOrder);
  const missingWhy = r.layers.filter((l) => !l.supplied).map((l) => l.why ?? l.layer);
  const unknown = [...r.notes, ...unknownConditions(a)];
  const base = { lacking: [] as PolicyLayer[], supplied, missing, exportedOn };
  let draft: Omit<Cause, 'summary' | 'guidance' | 'disagreement'>;
  if (a.result === 'ExplicitlyDenied') {
    const deny = firstDeny(results, refs, r);
    draft = {
      ...base,
      kind: 'explicit-deny',
      statement: deny?.statement ?? null,
      unknown:
        deny !== null && deny.more > 0 ? [...unknown, `${deny.more} more Deny ${deny.more === 1 ? 'statement matches' : 'statements match'} too`] : unknown,
    };
  } else if (!r.resourceKnown) {
    draft = {
      ...base,
      kind: 'undetermined',
      statement: null,
      unknown: [`the resource is not named in the event${r.resourceShown === null ? '' : ` ("${r.resourceShown}")`}`, ...unknown],
    };
  } else if (a.result === 'ImplicitlyDenied') {
    const lacking = lackingLayers(results, a.sameAccount);
    // a resource's own policy the inputs lack could have granted this principal what the others lack
    const ownMissing = r.layers
      .filter((l) => !l.supplied && (l.layer === 'resource-based' || l.layer === 'role-trust-policy'))
      .map((l) => `${l.why ?? l.layer}: a grant there naming this principal would change the answer`);
    draft = {
      ...base,
      kind: 'implicit-deny',
      lacking: [...new Set(lacking.map((l) => l.layer))].sort(byLayerOrder),
      statement: nearestAllow(lacking, refs, r),
      unknown: [...unknown, ...ownMissing],
    };
  } else if (!grantedByExports(results, refs, r, a.sameAccount)) {
    // the Allow came from a stand-in for a layer the inputs lack: that layer decides, and it is not here
    draft = { ...base, kind: 'undetermined', statement: null, unknown: [...unknown, ...missingWhy.filter((w) => !/session polic/.test(w))] };
  } else if (unknownConditions(a).length > 0) {
    draft = { ...base, kind: 'undetermined', statement: statementWithUnknown(results, a, refs, r), unknown };
  } else if (r.layers.some((l) => !l.supplied && l.essential)) {
    draft = {
      ...base,
      kind: 'undetermined',
      statement: null,
      unknown: [...unknown, ...r.layers.filter((l) => !l.supplied && l.essential).map((l) => `${l.why ?? l.layer}`)],
    };
  } else {
    draft = { ...base, kind: 'allowed-now', statement: null, unknown: [...unknown, ...missingWhy] };
  }
  return { ...draft, ...describeCause(draft, denial, r) };
}
