// A Denial with every identifier replaced by its pseudonym; what explains the denial (action,
// policy type, deny kind, error code, region, hints) stays as it was.
import type { Denial } from '../types.js';
import { accountPseudonym, arnNames, isServiceName, redactArn } from './redact-arn.js';
import { isIPv4, isIPv6, makeTextRedactor } from './redact-text.js';
import type { Pseudonyms } from './pseudonym.js';

/** Principals that name nobody in particular. */
const GENERIC_PRINCIPALS = new Set(['anonymous', 'unknown', 'root', 'AWSService']);

export function redactPrincipal(principal: string, p: Pseudonyms): string {
  if (GENERIC_PRINCIPALS.has(principal) || isServiceName(principal)) return principal;
  const arn = redactArn(principal, p);
  if (arn !== null) return arn;
  const account = /^aws-account:(.*)$/.exec(principal);
  if (account !== null) return `aws-account:${accountPseudonym(account[1], p)}`;
  return p.of('name', principal);
}

export function redactAddress(ip: string, p: Pseudonyms): string {
  if (ip === '' || ip === 'AWS Internal' || isServiceName(ip)) return ip;
  if (isIPv4(ip) || isIPv6(ip)) return p.of('ip', ip.toLowerCase());
  return p.of('name', ip);
}

/** A resource from a message: an ARN, '*', or a bare name. */
function redactResource(resource: string | null, p: Pseudonyms): string | null {
  if (resource === null || resource === '*') return resource;
  return redactArn(resource, p) ?? p.of('name', resource);
}

/** The raw names a denial carries, to be found again in its free text. */
export function denialLiterals(d: Denial): string[] {
  const out = [d.account, d.callerAccount ?? '', d.sessionName ?? '', d.sourceIp];
  for (const v of [d.principal, d.resource ?? '', d.policyArn ?? '']) {
    const names = arnNames(v);
    if (names.length > 0) out.push(...names);
    else if (!v.startsWith('arn:') && !GENERIC_PRINCIPALS.has(v) && !isServiceName(v) && v !== '*') out.push(v.replace(/^aws-account:/, ''));
  }
  return out.filter((v) => v !== '' && v !== 'AWS Internal' && !isServiceName(v));
}

export function redactDenial(d: Denial, p: Pseudonyms, literals: string[] = denialLiterals(d)): Denial {
  const text = makeTextRedactor(p, literals);
  return {
    ...d,
    account: accountPseudonym(d.account, p),
    principal: redactPrincipal(d.principal, p),
    sessionName: d.sessionName === null ? null : p.of('name', d.sessionName),
    callerAccount: d.callerAccount === null ? null : accountPseudonym(d.callerAccount, p),
    resource: redactResource(d.resource, p),
    policyArn: d.policyArn === null ? null : (redactArn(d.policyArn, p) ?? p.of('name', d.policyArn)),
    sourceIp: redactAddress(d.sourceIp, p),
    userAgent: text(d.userAgent),
    message: text(d.message),
    hints: [...d.hints],
  };
}
