// A Denial with every identifier replaced by its pseudonym; what explains the denial (action,
// policy type, deny kind, error code, region, hints) stays readable: those fields only lose what
// matches an identifier's shape (an account inside an unusual error code).
import type { Denial } from '../types.js';
import { redactHost } from './host-names.js';
import type { Pseudonyms } from './pseudonym.js';
import { accountPseudonym, arnNames, isServiceName, redactArn } from './redact-arn.js';
import { isIPv4, isIPv6, type TextRedactor } from './redact-text.js';

/** Principals that name nobody in particular. */
// HIDDEN_DUE_TO_SECURITY_REASONS: the user name CloudTrail writes for a failed sign-in under a name that does not exist
const GENERIC_PRINCIPALS = new Set(['anonymous', 'unknown', 'root', 'AWSService', 'HIDDEN_DUE_TO_SECURITY_REASONS']);

/** A service principal or AWS host as it is, but for the labels in it that are the customer's (`ec2-54-1-2-3.compute-1…`). */
const awsName = (name: string, p: Pseudonyms) => redactHost(name, p) ?? name;

export function redactPrincipal(principal: string, p: Pseudonyms): string {
  if (GENERIC_PRINCIPALS.has(principal)) return principal;
  if (isServiceName(principal)) return awsName(principal, p);
  const arn = redactArn(principal, p);
  if (arn !== null) return arn;
  const account = /^aws-account:(.*)$/.exec(principal);
  if (account !== null) return `aws-account:${accountPseudonym(account[1], p)}`;
  return p.of('name', principal);
}

export function redactAddress(ip: string, p: Pseudonyms): string {
  if (ip === '' || ip === 'AWS Internal') return ip;
  if (isServiceName(ip)) return awsName(ip, p);
  if (isIPv4(ip) || isIPv6(ip)) return p.of('ip', ip.toLowerCase());
  return redactHost(ip, p) ?? p.of('name', ip);
}

/** A resource from a message: an ARN, '*', or a bare name. */
function redactResource(resource: string | null, p: Pseudonyms): string | null {
  if (resource === null || resource === '*') return resource;
  return redactArn(resource, p) ?? p.of('name', resource);
}

/** The raw names a denial carries, to be found again in free text. */
export function denialLiterals(d: Denial): string[] {
  const out = [d.account, d.callerAccount ?? '', d.sessionName ?? '', d.sourceIp];
  for (const v of [d.principal, d.resource ?? '', d.policyArn ?? '']) {
    const names = arnNames(v);
    if (names.length > 0) out.push(...names);
    else if (!v.startsWith('arn:') && !GENERIC_PRINCIPALS.has(v) && !isServiceName(v) && v !== '*') out.push(v.replace(/^aws-account:/, ''));
  }
  return out.filter((v) => v !== '' && v !== 'AWS Internal' && !isServiceName(v));
}

export interface DenialRedactors {
  /** Free text: identifier patterns and known names. */
  text: TextRedactor;
  /** User agents: the same, host names only with --redact-user-agents. */
  userAgent: TextRedactor;
  /** AWS's vocabulary as logged (codes, names, regions): identifier patterns only. */
  code: TextRedactor;
  /** The action: as `code`, and a service prefix taken from a redacted event source follows it. */
  action: TextRedactor;
}

export function redactDenial(d: Denial, p: Pseudonyms, r: DenialRedactors): Denial {
  return {
    ...d,
    account: accountPseudonym(d.account, p),
    region: r.code(d.region),
    principal: redactPrincipal(d.principal, p),
    principalType: r.code(d.principalType),
    sessionName: d.sessionName === null ? null : p.of('name', d.sessionName),
    callerAccount: d.callerAccount === null ? null : accountPseudonym(d.callerAccount, p),
    eventSource: r.code(d.eventSource),
    eventName: r.code(d.eventName),
    action: r.action(d.action),
    actions: d.actions.map((a) => r.action(a)), // every action, redacted as `action` is
    resource: redactResource(d.resource, p),
    errorCode: r.code(d.errorCode),
    policyArn: d.policyArn === null ? null : (redactArn(d.policyArn, p) ?? p.of('name', d.policyArn)),
    authorizationId: d.authorizationId === null ? null : r.code(d.authorizationId),
    sourceIp: redactAddress(d.sourceIp, p),
    userAgent: r.userAgent(d.userAgent),
    message: r.text(d.message),
    hints: [...d.hints],
    ...(d.sourceFile === undefined ? {} : { sourceFile: r.text(d.sourceFile) }),
  };
}
