// A denial → the request to evaluate: the caller's side, the resource's side and the context keys
// the record proves (principal-side.ts, resource-side.ts, context-keys.ts).
//
//   const r = buildRequest(denial, facts, index);   // a string says why it cannot be evaluated
import type { Denial, RequestFacts } from '../types.js';
import { requestContext } from './context-keys.js';
import { principalSide } from './principal-side.js';
import type { EvalRequest } from './request-types.js';
import { resourceSide } from './resource-side.js';
import type { StoreIndex } from './store-index.js';

export function buildRequest(d: Denial, facts: RequestFacts | null, index: StoreIndex): EvalRequest | string {
  if (!/^[\w-]+:[\w*]+$/.test(d.action)) return d.action === '' ? 'the event names no action' : `"${d.action}" is not an IAM action`;
  const who = principalSide(d, facts, index);
  if (typeof who === 'string') return who;
  const what = resourceSide(d, facts, who.account, index);
  const context = requestContext({ denial: d, facts, principalArn: who.principalArn, principalTags: who.tags, org: who.org });
  return {
    principal: who.principal,
    principalLabel: who.label,
    // a prefix as the message wrote it (SNS:Publish) is the same action: prefixes are lower case
    action: `${d.action.slice(0, d.action.indexOf(':')).toLowerCase()}${d.action.slice(d.action.indexOf(':'))}`,
    resource: what.resource,
    resourceShown: what.shown,
    resourceKnown: what.known,
    resourceAccount: what.account,
    context,
    layers: [...who.layers, ...what.layers],
    identity: who.identity,
    boundary: who.boundary,
    session: who.session,
    scps: who.scps,
    rcps: what.rcps,
    resourcePolicy: what.resourcePolicy,
    vpce: what.vpce,
    notes: [...who.notes, ...what.notes],
  };
}
