// Policy documents the evaluation engine found invalid: each reported once as an issue, then left out
// of every later request (its layer counted as not supplied), so one damaged document does not make
// every evaluation fail.
import { placeholder, type EvalRequest, type PolicyRef } from './request-types.js';

export class DamagedPolicies {
  private readonly documents = new Set<unknown>();

  constructor(private readonly issues: { path: string; reason: string }[]) {}

  /** Policies the engine found invalid: reported once, and left out from then on (their layer counts as not supplied). */
  note(errors: Record<string, unknown>, refs: Map<string, PolicyRef>): boolean {
    let any = false;
    const mark = (ref: PolicyRef | undefined, detail: unknown) => {
      if (ref === undefined || ref.placeholder === true || this.documents.has(ref.document)) return;
      this.documents.add(ref.document);
      any = true;
      const first: unknown = Array.isArray(detail) ? (detail as unknown[])[0] : detail;
      const why = typeof first === 'object' && first !== null && 'message' in first ? String(first.message) : 'not a valid policy';
      this.issues.push({
        path: ref.policy,
        reason: `${ref.policy}${ref.attachedTo === null ? '' : ` (attached to ${ref.attachedTo})`}: damaged policy document (${why}): left out, its layer counted as not supplied`,
      });
    };
    for (const [field, value] of Object.entries(errors)) {
      if (field === 'message' || typeof value !== 'object' || value === null) continue;
      if (field === 'sessionPolicyErrors') mark(refs.get('SessionPolicy'), value);
      else if (field === 'resourcePolicyErrors')
        mark(
          [...refs.values()].find((r) => r.layer === 'resource-based' || r.layer === 'role-trust-policy'),
          value,
        );
      else for (const [name, detail] of Object.entries(value)) mark(refs.get(name), detail);
    }
    return any;
  }

  leaveOut(r: EvalRequest): EvalRequest {
    if (this.documents.size === 0) return r;
    const hit = (p: PolicyRef | null | undefined) => p != null && this.documents.has(p.document);
    const swap = (p: PolicyRef) => (hit(p) ? placeholder(p.layer, `${p.policy} (damaged)`) : p);
    const layersHit = new Set(
      [
        ...(r.identity ?? []),
        ...(r.boundary ?? []),
        ...(r.vpce ?? []),
        r.session,
        r.resourcePolicy,
        ...r.scps.flatMap((l) => l.policies),
        ...r.rcps.flatMap((l) => l.policies),
      ]
        .filter(hit)
        .map((p) => p!.layer),
    );
    if (layersHit.size === 0) return r;
    return {
      ...r,
      identity: r.identity?.map(swap) ?? null,
      boundary: r.boundary?.map(swap) ?? null,
      vpce: r.vpce?.map(swap) ?? null,
      session: r.session === null ? null : swap(r.session),
      resourcePolicy: r.resourcePolicy === null ? null : swap(r.resourcePolicy),
      scps: r.scps.map((l) => ({ ...l, policies: l.policies.map(swap) })),
      rcps: r.rcps.map((l) => ({ ...l, policies: l.policies.filter((p) => !hit(p)) })),
      layers: r.layers.map((l) => (layersHit.has(l.layer) ? { ...l, supplied: false, why: `a ${l.layer} policy is damaged` } : l)),
    };
  }
}
