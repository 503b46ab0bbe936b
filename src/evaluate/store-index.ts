// Lookups over the loaded exports, built once per run: principals by ARN and by name, managed policies
// by ARN, resources by ARN (an S3 object by its bucket), the organization of an account and its path,
// the session policies by session ARN, and the condition keys any policy mentions (which decide what
// makes two requests alike: see evaluator.ts).
import type { ExportedGroup, ExportedOrg, ExportedPolicy, ExportedPrincipal, ExportedResource, ExportedSessionPolicy, PolicyStore } from '../types.js';

const lower = (s: string) => s.toLowerCase();

export interface OrgPlace {
  org: ExportedOrg;
  path: string[]; // root first, then OUs, down to the account's parent: where SCPs and RCPs attach
}

/** `*` and `?` as in IAM ARN patterns, case-insensitive. */
function globRegExp(glob: string): RegExp {
  const body = glob
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replaceAll('*', '.*')
    .replaceAll('?', '.');
  return new RegExp(`^${body}$`, 'i');
}

function conditionKeysOf(document: unknown, into: Set<string>): void {
  const walk = (v: unknown): void => {
    if (typeof v === 'string') {
      for (const m of v.matchAll(/\$\{([^}]+)\}/g)) into.add(lower(m[1]));
      return;
    }
    if (Array.isArray(v)) return v.forEach(walk);
    if (typeof v !== 'object' || v === null) return;
    for (const [k, inner] of Object.entries(v as Record<string, unknown>)) {
      if (k === 'Condition' && typeof inner === 'object' && inner !== null) {
        for (const byKey of Object.values(inner as Record<string, unknown>))
          if (typeof byKey === 'object' && byKey !== null) for (const key of Object.keys(byKey)) into.add(lower(key));
      }
      walk(inner);
    }
  };
  walk(document);
}

export class StoreIndex {
  private readonly principalsByArn = new Map<string, ExportedPrincipal>();
  private readonly principalsByName = new Map<string, ExportedPrincipal[]>();
  private readonly groupsByArn = new Map<string, ExportedGroup>();
  private readonly managedByArn = new Map<string, ExportedPolicy>();
  private readonly resourcesByArn = new Map<string, ExportedResource>();
  private readonly sessionPolicies: { test: RegExp; entry: ExportedSessionPolicy }[];
  /** Condition keys (lower case) any supplied policy mentions, and whether any names a role session. */
  readonly conditionKeys = new Set<string>();
  readonly mentionsSessions: boolean;

  constructor(readonly store: PolicyStore) {
    for (const p of store.principals) {
      this.principalsByArn.set(lower(p.arn), p);
      const key = `${p.kind}:${lower(accountOf(p.arn))}:${lower(p.arn.slice(p.arn.lastIndexOf('/') + 1))}`;
      this.principalsByName.set(key, [...(this.principalsByName.get(key) ?? []), p]);
    }
    for (const g of store.groups) this.groupsByArn.set(lower(g.arn), g);
    for (const m of store.managed) this.managedByArn.set(lower(m.name), m);
    for (const r of store.resources) this.resourcesByArn.set(lower(r.arn), r);
    this.sessionPolicies = store.sessionPolicies.map((entry) => ({ test: globRegExp(entry.sessions), entry }));
    let sessions = false;
    for (const doc of this.documents()) {
      conditionKeysOf(doc, this.conditionKeys);
      if (!sessions && JSON.stringify(doc).includes(':assumed-role/')) sessions = true;
    }
    this.mentionsSessions = sessions;
  }

  private *documents(): Generator<unknown> {
    const s = this.store;
    for (const p of s.principals) {
      for (const i of p.inline) yield i.document;
      if (p.trust !== null) yield p.trust.document;
    }
    for (const g of s.groups) for (const i of g.inline) yield i.document;
    for (const m of s.managed) yield m.document;
    for (const r of s.resources) if (r.policy !== null) yield r.policy.document;
    for (const v of s.vpcEndpoints) if (v.policy !== null) yield v.policy.document;
    for (const o of s.orgs) for (const p of Object.values(o.policies)) yield p.document;
    for (const sp of s.sessionPolicies) yield sp.policy.document;
  }

  principal(arn: string): ExportedPrincipal | null {
    return this.principalsByArn.get(lower(arn)) ?? null;
  }

  /** A user or role named without its path (a message's "role audit-readonly", a request's roleName): found when the name is unique in its account. */
  principalByName(kind: 'user' | 'role', account: string, name: string): ExportedPrincipal | null {
    const found = this.principalsByName.get(`${kind}:${lower(account)}:${lower(name)}`) ?? [];
    return found.length === 1 ? found[0] : null;
  }

  group(arn: string): ExportedGroup | null {
    return this.groupsByArn.get(lower(arn)) ?? null;
  }

  managed(arn: string): ExportedPolicy | null {
    return this.managedByArn.get(lower(arn)) ?? null;
  }

  /** The resource a request's ARN names: itself, or for an S3 object its bucket. */
  resource(arn: string): ExportedResource | null {
    const exact = this.resourcesByArn.get(lower(arn));
    if (exact !== undefined) return exact;
    const s3 = /^(arn:[^:]+:s3:::[^/]+)\//.exec(arn);
    return s3 === null ? null : (this.resourcesByArn.get(lower(s3[1])) ?? null);
  }

  vpcEndpoint(id: string): PolicyStore['vpcEndpoints'][number] | null {
    return this.store.vpcEndpoints.find((v) => lower(v.id) === lower(id)) ?? null;
  }

  /** The organization holding the account, with the path from its root to the account's parent. */
  orgPlace(account: string): OrgPlace | null {
    for (const org of this.store.orgs) {
      let at = org.accounts[account];
      if (at === undefined) continue;
      const path: string[] = [];
      const seen = new Set<string>();
      while (at !== undefined && !seen.has(at)) {
        seen.add(at);
        path.unshift(at);
        if (at === org.root) break;
        at = org.parents[at];
      }
      return { org, path };
    }
    return null;
  }

  sessionPolicy(sessionArn: string): ExportedSessionPolicy | null {
    return this.sessionPolicies.find((s) => s.test.test(sessionArn))?.entry ?? null;
  }

  /** Whether the inputs hold session policies at all (then a session none names had none). */
  get hasSessionPolicies(): boolean {
    return this.store.inputs.some((i) => i.kind === 'session-policies');
  }

  blockPublicAccess(bucketArn: string, account: string): Record<string, boolean> | null {
    const bucket = this.store.blockPublicAccess.find((b) => lower(b.scope) === lower(bucketArn));
    const acct = this.store.blockPublicAccess.find((b) => b.scope === account);
    if (bucket === undefined && acct === undefined) return null;
    // a setting is on when the account or the bucket turns it on (S3 User Guide, "Blocking public access")
    const out: Record<string, boolean> = {};
    for (const s of [acct?.settings ?? {}, bucket?.settings ?? {}]) for (const [k, v] of Object.entries(s)) out[k] = (out[k] ?? false) || v;
    return out;
  }
}

export function accountOf(arn: string): string {
  const parts = arn.split(':');
  return parts.length >= 6 && parts[0] === 'arn' ? parts[4] : '';
}
