// One Evaluator per run: a denial → its cause, each distinct request simulated once. Requests are
// alike when their principal, action, resource and the context values the supplied policies mention
// are (an eventTime no policy tests does not make two requests different), and when AWS's message
// said the same of them. At most maxSimulations distinct requests are simulated; the others get an
// `undetermined` cause that says so (counted in the Summary).
//
//   const ev = new Evaluator(await loadEngine(), loadPolicies(paths), { maxSimulations: 20_000 });
//   denial.cause = await ev.cause(denial, facts);
import type { Cause, Denial, PolicyStore, RequestFacts } from '../types.js';
import { blockPublicAccessCause } from './block-public-access.js';
import type { Engine, SimulationResult } from './engine.js';
import { interpret } from './interpret.js';
import { buildRequest } from './request.js';
import type { EvalRequest } from './request-types.js';
import { DamagedPolicies } from './damaged-policies.js';
import { buildSimulation } from './simulation.js';
import { engineError, partitionOf, pick } from './engine-result.js';
import { mentionsOf, quickKey, type Mentions } from './quick-key.js';
import { StoreIndex } from './store-index.js';
import { PRINCIPAL_TAG_PATTERN } from './context-keys.js';
import { LITERAL_STAR, onNoResource } from './resource-side.js';

export const DEFAULT_MAX_SIMULATIONS = 20_000;
export const OVER_CAP = 'too many distinct requests';

export interface EvaluatorOptions {
  maxSimulations?: number;
}

/** The earliest export date of the inputs: the policies evaluated are at least that old. */
export function exportedOnOf(store: PolicyStore): string | null {
  return (
    store.inputs
      .map((i) => i.exportedOn)
      .filter((d): d is string => d !== null)
      .sort()[0] ?? null
  );
}

function fixed(kind: 'undetermined', why: string, exportedOn: string | null, summary = `Not evaluated: ${why}`): Cause {
  return { kind, summary, statement: null, lacking: [], unknown: [why], supplied: [], missing: [], disagreement: null, guidance: null, exportedOn };
}

export class Evaluator {
  readonly index: StoreIndex;
  readonly maxSimulations: number;
  readonly exportedOn: string | null;
  simulations = 0;
  readonly issues: { path: string; reason: string }[] = [];
  private readonly cache = new Map<string, Promise<Cause>>();
  /** Denials alike in every field the cause can depend on, given what the policies mention: one request built per kind. */
  private readonly seen = new Map<string, Promise<Cause>>();
  private readonly mentions: Mentions;
  private readonly wildcardOnly = new Map<string, Promise<boolean>>();
  private readonly damaged: DamagedPolicies;

  constructor(
    private readonly engine: Engine,
    store: PolicyStore,
    options: EvaluatorOptions = {},
  ) {
    this.index = new StoreIndex(store);
    this.maxSimulations = options.maxSimulations ?? DEFAULT_MAX_SIMULATIONS;
    this.exportedOn = exportedOnOf(store);
    this.mentions = mentionsOf(this.index);
    this.damaged = new DamagedPolicies(this.issues);
  }

  get engineLabel(): string {
    return this.engine.label;
  }

  /** The cause of a refused request; null for denials that are no policy decision (failed sign-ins, expired keys, account state). */
  cause(d: Denial, facts: RequestFacts | null = null): Promise<Cause> | null {
    if (d.category !== 'authorization') return null;
    // most denials repeat a request seen before, but for its time, address or session: building the
    // request again would only find the same key (measured: most of the cost on 100,000 denials)
    const quick = quickKey(d, facts, this.mentions, this.index);
    const hit = this.seen.get(quick);
    if (hit !== undefined) return hit;
    const found = this.causeOf(d, facts);
    if (this.cache.size < this.maxSimulations) this.seen.set(quick, found);
    return found;
  }

  private causeOf(d: Denial, facts: RequestFacts | null): Promise<Cause> {
    const built = buildRequest(d, facts, this.index);
    if (typeof built === 'string') return Promise.resolve(fixed('undetermined', built, this.exportedOn));
    const key = this.keyOf(d, built);
    let found = this.cache.get(key);
    if (found === undefined) {
      if (this.cache.size >= this.maxSimulations) {
        const why = `${OVER_CAP}: ${this.maxSimulations.toLocaleString('en-US')} were simulated in this run (see --max-simulations)`;
        return Promise.resolve(fixed('undetermined', why, this.exportedOn));
      }
      found = this.evaluate(d, built);
      this.cache.set(key, found);
    }
    return found;
  }

  /** What makes two requests alike for the policies at hand. */
  private keyOf(d: Denial, r: EvalRequest): string {
    const mentioned = this.index.conditionKeys;
    const tags = [...mentioned].some((k) => k.startsWith('aws:principaltag/'));
    const relevant = (k: string) => mentioned.has(k.toLowerCase()) || (tags && (k.startsWith('aws:PrincipalTag/') || k === PRINCIPAL_TAG_PATTERN));
    const principal = typeof r.principal === 'string' && !this.index.mentionsSessions ? r.principal.replace(/(:assumed-role\/[^/]+\/).*$/, '$1*') : r.principal;
    const context = Object.entries(r.context.values)
      .filter(([k]) => relevant(k))
      .sort(([a], [b]) => (a < b ? -1 : 1));
    const known = r.context.known.filter(relevant).sort();
    const layers = r.layers.map((l) => `${l.layer}:${l.supplied}`).sort();
    return JSON.stringify([
      principal,
      r.action,
      r.resource,
      r.resourceAccount,
      r.session?.policy ?? null,
      r.vpce?.map((v) => v.policy) ?? null,
      context,
      known,
      layers,
      d.policyType,
      d.denyKind,
      d.policyType === 's3-block-public-access' ? d.message : '',
    ]);
  }

  private async evaluate(d: Denial, built: EvalRequest): Promise<Cause> {
    const bpa = blockPublicAccessCause(d, built, this.index, this.exportedOn);
    if (bpa !== null) return bpa;
    let r = built;
    const [service, name] = r.action.split(':');
    let only = this.wildcardOnly.get(r.action.toLowerCase());
    if (only === undefined) this.wildcardOnly.set(r.action.toLowerCase(), (only = this.engine.isWildcardOnlyAction(service, name).catch(() => false)));
    if (await only) r = onNoResource(r);
    else if (!r.resourceKnown) r = await this.optionalResource(r, service, name);
    for (let attempt = 0; attempt < 3; attempt++) {
      r = this.damaged.leaveOut(r);
      const sim = buildSimulation(r);
      this.simulations++;
      let result: SimulationResult;
      try {
        result = await this.engine.runSimulation(sim.simulation, sim.options);
      } catch (err) {
        return fixed('undetermined', `the evaluation engine failed on it (${(err as Error).message})`, this.exportedOn);
      }
      if (result.resultType === 'error') {
        if (this.damaged.note(result.errors, sim.refs)) continue;
        return fixed('undetermined', engineError(result.errors.message, r), this.exportedOn);
      }
      const analysis = pick(result);
      if (analysis === null) return fixed('undetermined', 'the resource is not named in the event', this.exportedOn);
      return interpret({ denial: d, request: r, analysis, refs: sim.refs, exportedOn: this.exportedOn });
    }
    return fixed('undetermined', 'the policies that apply are damaged', this.exportedOn);
  }

  /**
   * A request that names no resource, for an action whose resource types are all optional
   * (cloudwatch:PutMetricData and its datasets), is on "*" (Service Authorization Reference: an action
   * without a required resource type is authorized against "*" when no resource is named). It is
   * simulated as a name of its first type made of the literal "*", which a policy's "*" matches and a
   * named resource does not, as AWS matches "*".
   */
  private async optionalResource(r: EvalRequest, service: string, action: string): Promise<EvalRequest> {
    const types = await this.engine.resourceTypes(service, action);
    if (types.length === 0 || types.some((t) => t.required)) return r;
    const arn = types[0].arn
      .replace('${Partition}', partitionOf(r.context.values['aws:RequestedRegion']))
      .replace('${Region}', typeof r.context.values['aws:RequestedRegion'] === 'string' ? r.context.values['aws:RequestedRegion'] : '')
      .replace('${Account}', r.resourceAccount)
      .replace(/\$\{[^}]+\}/g, LITERAL_STAR);
    return { ...r, resource: arn, resourceKnown: true, resourceShown: '*' };
  }
}
