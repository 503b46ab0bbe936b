// Denials alike in every field their cause can depend on share one evaluation without the request
// being built again: on 100,000 denials building requests was most of the cost (measured), and most
// denials repeat a request but for their time, address or session, which few policies test.
import type { Denial, RequestFacts } from '../types.js';
import type { StoreIndex } from './store-index.js';

/** Which request details the supplied policies can tell apart. */
export interface Mentions {
  time: boolean;
  ip: boolean;
  session: boolean;
}

export function mentionsOf(index: StoreIndex): Mentions {
  const k = (key: string) => index.conditionKeys.has(key);
  return {
    time: k('aws:currenttime') || k('aws:epochtime') || k('aws:tokenissuetime'),
    ip: k('aws:sourceip') || k('aws:vpcsourceip'),
    session: index.mentionsSessions || k('aws:userid') || k('aws:sourceidentity') || k('aws:tokenissuetime'),
  };
}

const IP_SHAPE = /^(\d{1,3}(\.\d{1,3}){3}|[0-9a-f:]*:[0-9a-f:.]+)$/i;

/**
 * Every field of a denial and its facts that a cause can depend on, less what the policies make
 * irrelevant: the time when no policy tests it, the address (but whether it is one), the session
 * (but whether there is one) when no policy names sessions or keys made of them.
 */
export function quickKey(d: Denial, f: RequestFacts | null, m: Mentions, index: StoreIndex): string {
  const ip = m.ip ? d.sourceIp : IP_SHAPE.test(d.sourceIp) ? '(ip)' : d.sourceIp;
  // a session policy is matched by the session's ARN: kept by the one it matches, or the session kept
  const sessionArn = f?.arn ?? '';
  const sessionPolicy =
    index.store.sessionPolicies.length === 0 ? null : sessionArn === '' ? undefined : (index.sessionPolicy(sessionArn)?.policy.name ?? null);
  const keep = m.session || sessionPolicy === undefined;
  const session = (s: string) => (keep || s === '' ? s : '(session)');
  const facts =
    f === null
      ? null
      : [
          f.eventVersion,
          f.identityType,
          session(f.principalId),
          session(f.arn),
          f.userName,
          f.identityProvider,
          f.issuerArn,
          f.issuerType,
          f.mfa,
          m.time ? f.sessionCreated : f.sessionCreated !== '',
          session(f.sourceIdentity),
          f.invokedBy,
          f.tls,
          f.vpcEndpointId,
          f.names,
        ];
  return JSON.stringify([
    d.principal,
    d.principalType,
    d.sessionName === null ? null : session(d.sessionName),
    d.callerAccount,
    d.account,
    d.action,
    d.resource,
    d.region,
    ip,
    m.time ? d.eventTime : Number.isNaN(Date.parse(d.eventTime)),
    d.policyType,
    d.denyKind,
    d.policyType === 's3-block-public-access' ? d.message : '',
    sessionPolicy ?? null,
    facts,
  ]);
}
