// Hints read from the record around the message: they change what a person should check.
import { at, field, flag, text, textAt } from './coerce.js';
import { accountOfArn } from './arn.js';
import { sessionAttribute } from './principal.js';
import type { Hint } from '../types.js';

export interface HintContext {
  principalType: string;
  callerAccount: string | null;
  account: string;
  resource: string | null;
}

const TEMPORARY_TYPES = new Set(['AssumedRole', 'FederatedUser']);

// Each row: the hint and the test on the record that raises it.
const RECORD_HINTS: readonly [Hint, (record: unknown, ctx: HintContext) => boolean][] = [
  // An MFA-enforcing Deny (aws:MultiFactorAuthPresent) is the usual cause when this is set.
  ['mfa-absent', (r) => sessionAttribute(r, 'mfaAuthenticated') === 'false' || textAt(r, 'additionalEventData', 'MFAUsed') === 'No'],
  ['cross-account', (_r, c) => isCrossAccount(c)],
  ['vpc-endpoint', (r) => text(field(r, 'vpcEndpointId')) !== ''],
  ['console-session', (r) => flag(field(r, 'sessionCredentialFromConsole')) === 'true'],
  ['temporary-credentials', (r, c) => textAt(r, 'userIdentity', 'accessKeyId').startsWith('ASIA') || TEMPORARY_TYPES.has(c.principalType)],
];

export function isCrossAccount(c: HintContext): boolean {
  if (c.callerAccount === null) return false;
  if (c.account !== '' && c.account !== c.callerAccount) return true;
  const resourceAccount = accountOfArn(c.resource);
  return resourceAccount !== null && resourceAccount !== c.callerAccount;
}

export function contextHints(record: unknown, ctx: HintContext): Hint[] {
  return RECORD_HINTS.filter(([, test]) => test(record, ctx)).map(([hint]) => hint);
}

/** responseElements.ConsoleLogin is "Failure" for refused console sign-ins, which carry no errorCode. */
export function isConsoleLoginFailure(record: unknown): boolean {
  return (
    text(field(record, 'eventName')) === 'ConsoleLogin' &&
    text(at(record, 'responseElements', 'ConsoleLogin')) === 'Failure' &&
    text(field(record, 'errorCode')) === ''
  );
}
