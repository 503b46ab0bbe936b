// A small organization to evaluate denials against, built from real policy shapes: account
// 111122223333 in OU ou-ab12-apps under root r-ab12 (FullAWSAccess at every level), and what each test adds.
import { Evaluator, loadEngine, type EvaluatorOptions } from '../../src/evaluate/index.js';
import type { Cause, Denial, ExportedOrg, ExportedPolicy, ExportedPrincipal, PolicyStore, RequestFacts } from '../../src/types.js';
import { denial } from '../helpers/denial.js';

export const ACCOUNT = '111122223333';
export const OTHER = '444455556666';
export const doc = (...statements: Record<string, unknown>[]) => ({ Version: '2012-10-17', Statement: statements });
export const ALLOW_ALL = doc({ Effect: 'Allow', Action: '*', Resource: '*' });
const policy = (name: string, document: unknown): ExportedPolicy => ({ name, document, source: 'test' });

export function principal(arn: string, over: Partial<ExportedPrincipal> = {}): ExportedPrincipal {
  return { arn, kind: arn.includes(':user/') ? 'user' : 'role', tags: {}, inline: [], managed: [], groups: [], boundary: null, trust: null, ...over };
}

export const inline = (name: string, document: unknown): ExportedPolicy => policy(name, document);

export function org(
  extra: { scps?: Record<string, string[]>; rcps?: Record<string, string[]>; policies?: Record<string, unknown>; accounts?: Record<string, string> } = {},
): ExportedOrg {
  const full = 'arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess';
  const policies: Record<string, ExportedPolicy> = { 'p-fullawsaccess': policy(full, ALLOW_ALL) };
  for (const [id, d] of Object.entries(extra.policies ?? {}))
    policies[id] = policy(`arn:aws:organizations::999988887777:policy/o-abcdef1234/${id.startsWith('p-r') ? 'resource' : 'service'}_control_policy/${id}`, d);
  const scps: Record<string, string[]> = {
    'r-ab12': ['p-fullawsaccess'],
    'ou-ab12-apps': ['p-fullawsaccess'],
    [ACCOUNT]: ['p-fullawsaccess'],
    [OTHER]: ['p-fullawsaccess'],
  };
  for (const [target, ids] of Object.entries(extra.scps ?? {})) scps[target] = [...(scps[target] ?? []), ...ids];
  return {
    id: 'o-abcdef1234',
    managementAccount: '999988887777',
    root: 'r-ab12',
    parents: { 'ou-ab12-apps': 'r-ab12' },
    accounts: { [ACCOUNT]: 'ou-ab12-apps', ...extra.accounts },
    scps,
    rcps: extra.rcps ?? {},
    policies,
  };
}

export function store(over: Partial<PolicyStore> = {}): PolicyStore {
  return {
    inputs: [{ path: 'auth-2026-11-23.json', kind: 'authorization-details', accounts: [ACCOUNT], exportedOn: '2026-11-23', dateFrom: 'name' }],
    identityAccounts: [ACCOUNT],
    resourceAccounts: [ACCOUNT],
    principals: [],
    groups: [],
    managed: [],
    resources: [],
    vpcEndpoints: [],
    orgs: [org()],
    sessionPolicies: [],
    blockPublicAccess: [],
    issues: [],
    ...over,
  };
}

export const managed = (arn: string, document: unknown): ExportedPolicy => policy(arn, document);

/** A refused request of role `role` (a session of it) or user, with the facts of its record. */
export function refused(over: Partial<Denial>, facts: Partial<RequestFacts> = {}): { d: Denial; facts: RequestFacts } {
  const d = denial({ policyType: 'unspecified', denyKind: 'unspecified', account: ACCOUNT, callerAccount: ACCOUNT, ...over });
  const session = d.principalType === 'AssumedRole' && d.sessionName !== null;
  return {
    d,
    facts: {
      eventVersion: '1.11',
      identityType: d.principalType,
      principalId: session ? `AROAEXAMPLE:${d.sessionName}` : 'AIDAEXAMPLE',
      arn: '',
      userName: d.principalType === 'IAMUser' ? d.principal.slice(d.principal.lastIndexOf('/') + 1) : '',
      identityProvider: '',
      issuerArn: session ? d.principal : '',
      issuerType: session ? 'Role' : '',
      mfa: session ? 'false' : '',
      sessionCreated: session ? '2026-11-20T09:00:00Z' : '',
      sourceIdentity: '',
      invokedBy: '',
      tls: true,
      vpcEndpointId: '',
      names: {},
      ...facts,
    },
  };
}

export async function evaluator(s: PolicyStore, options: EvaluatorOptions = {}): Promise<Evaluator> {
  return new Evaluator(await loadEngine(), s, options);
}

export async function causeOf(ev: Evaluator, r: { d: Denial; facts: RequestFacts }): Promise<Cause> {
  const c = await ev.cause(r.d, r.facts);
  if (c === null) throw new Error('no cause');
  return c;
}
