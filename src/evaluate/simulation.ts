// An EvalRequest → the engine's Simulation, each policy under a short name the analysis gives back
// (`p3`), so every statement the engine reports is traced to its PolicyRef.
import type { KeyConstraint, NamedPolicy, Simulation, SimulationOptions } from './engine.js';
import type { EvalRequest, PolicyRef } from './request-types.js';

export interface BuiltSimulation {
  simulation: Simulation;
  options: SimulationOptions;
  refs: Map<string, PolicyRef>;
}

export function buildSimulation(r: EvalRequest, resource: string = r.resource): BuiltSimulation {
  const refs = new Map<string, PolicyRef>();
  const name = (ref: PolicyRef): NamedPolicy => {
    const id = `p${refs.size}`;
    refs.set(id, ref);
    return { name: id, policy: ref.document };
  };
  const simulation: Simulation = {
    request: {
      principal: r.principal,
      action: r.action,
      resource: { resource, accountId: r.resourceAccount },
      contextVariables: r.context.values,
    },
    identityPolicies: (r.identity ?? []).map(name),
    serviceControlPolicies: r.scps.map((l) => ({ orgIdentifier: l.id, policies: l.policies.map(name) })),
    resourceControlPolicies: r.rcps.map((l) => ({ orgIdentifier: l.id, policies: l.policies.map(name) })),
  };
  if (r.session !== null) {
    // the engine names it SessionPolicy whatever it is given
    refs.set('SessionPolicy', r.session);
    simulation.sessionPolicy = r.session.document;
  }
  // the engine names a resource policy after a `name` field in the document, which validation then
  // refuses: it goes in as it is, and its statements are traced by layer (layer-analyses.ts)
  if (r.resourcePolicy !== null) simulation.resourcePolicy = r.resourcePolicy.document;
  if (r.boundary !== null) simulation.permissionBoundaryPolicies = r.boundary.map(name);
  if (r.vpce !== null) simulation.vpcEndpointPolicies = r.vpce.map(name);
  const constraints: KeyConstraint[] = [
    ...r.context.known.map((keyName) => ({ keyName, presenceIsKnown: true, valueIsKnown: true })),
    ...r.context.unproven.map((keyName) => ({ keyName, presenceIsKnown: false, valueIsKnown: false })),
  ];
  return { simulation, options: { simulationMode: 'Discovery', discoveryContextKeyConstraints: constraints }, refs };
}
