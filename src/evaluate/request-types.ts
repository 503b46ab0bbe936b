// The request evaluated for a denial, and the policies that apply to it, as built from the denial,
// its record's facts and the exports (request.ts). A layer the inputs lack is stood in for by a
// policy that allows everything (ALLOW_ALL): it can only make the result more permissive, so a deny
// found without it is proven, and an allow found with it says which layer was missing.
import type { PolicyLayer } from '../types.js';
import type { RequestContext } from './context-keys.js';

/** A policy as evidence: which layer, what it is called, where it is attached, its document. */
export interface PolicyRef {
  layer: PolicyLayer;
  policy: string;
  attachedTo: string | null;
  document: unknown;
  /** A stand-in for a layer the inputs do not hold. */
  placeholder?: true;
}

export interface LayerState {
  layer: PolicyLayer;
  supplied: boolean;
  /** Without it no Allow can be proven (the caller's own policies; the resource's when it must grant). */
  essential: boolean;
  why?: string; // what is missing, for the report
}

export interface OrgLevel {
  id: string; // r-…, ou-…, or the account id
  policies: PolicyRef[];
}

export interface EvalRequest {
  principal: string | { type: 'Anonymous' };
  principalLabel: string; // 'role arn:aws:iam::…:role/x'
  action: string;
  resource: string; // as simulated ('*' when not known)
  resourceShown: string | null;
  resourceKnown: boolean;
  resourceAccount: string;
  context: RequestContext;
  layers: LayerState[];
  identity: PolicyRef[] | null; // null: the principal has no identity policies (a service, a web identity, anonymous)
  boundary: PolicyRef[] | null;
  session: PolicyRef | null;
  scps: OrgLevel[];
  rcps: OrgLevel[];
  resourcePolicy: PolicyRef | null;
  vpce: PolicyRef[] | null;
  notes: string[]; // what the log or the exports could not tell about the request itself
}

export const ALLOW_ALL = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };
export const ALLOW_ALL_PRINCIPALS = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }] };

/**
 * The stand-in for a resource's own policy the inputs lack: it grants everything to the caller's
 * account, so the caller's identity policies still decide (as when a resource has no policy), and
 * nothing is granted past a permissions boundary or a session policy, as a grant naming the session
 * itself could (IAM User Guide, "Permissions boundaries": such a grant is rare; the cause says the
 * layer is missing).
 */
export function allowAccount(account: string): unknown {
  const principal = /^\d{12}$/.test(account) ? { AWS: `arn:aws:iam::${account}:root` } : '*';
  return { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: principal, Action: '*', Resource: '*' }] };
}

export function placeholder(layer: PolicyLayer, what: string, document: unknown = ALLOW_ALL): PolicyRef {
  return { layer, policy: what, attachedTo: null, document, placeholder: true };
}
