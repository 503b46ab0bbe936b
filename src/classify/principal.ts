// Who made the call, from userIdentity. Assumed-role sessions are grouped under their role so a
// report shows one line per role, not one per session.
import { accountOfArn, principalFromArn, roleArnOfSession } from './arn.js';
import { at, asObject, field, firstText, flag, text, textAt } from './coerce.js';
import type { Hint } from '../types.js';

export interface PrincipalInfo {
  principal: string;
  principalType: string;
  sessionName: string | null;
  callerAccount: string | null;
  hints: Hint[];
}

type Rule = (identity: Record<string, unknown>, eventSource: string) => Omit<PrincipalInfo, 'principalType' | 'callerAccount'>;

const FEDERATED: Rule = (id) => ({
  principal: firstText(textAt(id, 'arn'), textAt(id, 'userName'), textAt(id, 'onBehalfOf', 'userId'), textAt(id, 'principalId'), 'unknown'),
  sessionName: null,
  hints: ['federated'],
});

// One row per userIdentity.type; anything else falls back to the ARN, the name or 'unknown'.
const RULES: Record<string, Rule> = {
  IAMUser: (id) => ({ principal: firstText(textAt(id, 'arn'), textAt(id, 'userName'), textAt(id, 'principalId'), 'unknown'), sessionName: null, hints: [] }),
  AssumedRole: (id) => {
    const arn = textAt(id, 'arn');
    const fromArn = roleArnOfSession(arn);
    const issuer = textAt(id, 'sessionContext', 'sessionIssuer', 'arn');
    const principalId = textAt(id, 'principalId');
    const colon = principalId.indexOf(':'); // AROA…:session
    const sessionFromId = colon < 0 ? '' : principalId.slice(colon + 1);
    return {
      principal: firstText(issuer, fromArn?.role ?? '', arn, textAt(id, 'principalId'), 'unknown'),
      sessionName: firstText(fromArn?.session ?? '', sessionFromId) || null,
      hints: [],
    };
  },
  Root: (id) => ({
    principal: firstText(textAt(id, 'arn'), textAt(id, 'accountId') && `arn:aws:iam::${textAt(id, 'accountId')}:root`, 'root'),
    sessionName: null,
    hints: ['root'],
  }),
  AWSService: (id, eventSource) => ({
    principal: firstText(textAt(id, 'invokedBy'), eventSource, 'AWSService'),
    sessionName: null,
    hints: ['service-principal'],
  }),
  AWSAccount: (id) => {
    const account = textAt(id, 'accountId');
    if (account === 'ANONYMOUS_PRINCIPAL') return { principal: 'anonymous', sessionName: null, hints: [] };
    return { principal: account === '' ? 'unknown' : `aws-account:${account}`, sessionName: null, hints: [] };
  },
  FederatedUser: (id) => ({ ...FEDERATED(id, ''), principal: firstText(textAt(id, 'arn'), textAt(id, 'principalId'), 'unknown') }),
  SAMLUser: FEDERATED,
  WebIdentityUser: FEDERATED,
  IdentityCenterUser: FEDERATED,
};

const FALLBACK: Rule = (id) => ({
  principal: firstText(textAt(id, 'arn'), textAt(id, 'userName'), textAt(id, 'principalId'), 'unknown'),
  sessionName: null,
  hints: [],
});

/**
 * `messagePrincipal` stands in when the record has no userIdentity at all (some data events);
 * S3 marks unsigned requests with accountId ANONYMOUS_PRINCIPAL.
 */
export function principalOf(record: unknown, messagePrincipal: string | null): PrincipalInfo {
  const identity = asObject(field(record, 'userIdentity'));
  const eventSource = text(field(record, 'eventSource'));
  if (identity === null) {
    const fromMessage = messagePrincipal === null ? null : principalFromArn(messagePrincipal);
    return {
      principal: fromMessage?.principal ?? 'unknown',
      principalType: fromMessage?.principalType ?? '',
      sessionName: fromMessage?.sessionName ?? null,
      callerAccount: accountOfArn(messagePrincipal),
      hints: fromMessage?.principalType === 'Root' ? ['root'] : [],
    };
  }
  const type = textAt(identity, 'type');
  const rule = Object.prototype.hasOwnProperty.call(RULES, type) ? RULES[type] : FALLBACK;
  const found = rule(identity, eventSource);
  const account = textAt(identity, 'accountId');
  const anonymous = account === 'ANONYMOUS_PRINCIPAL';
  const hints = [...found.hints];
  if (textAt(identity, 'invokedBy') !== '' && !hints.includes('service-principal')) hints.push('service-principal');
  return {
    principal: anonymous ? 'anonymous' : found.principal,
    principalType: type,
    sessionName: found.sessionName,
    callerAccount: account === '' || anonymous ? null : account,
    hints,
  };
}

/** Used by hints: sessionContext attributes as logged (strings "true"/"false", sometimes booleans). */
export function sessionAttribute(record: unknown, name: string): string {
  return flag(at(record, 'userIdentity', 'sessionContext', 'attributes', name));
}
