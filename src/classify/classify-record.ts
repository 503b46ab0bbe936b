// One CloudTrail record → denial, other error, or nothing. Pure and total: any input, no throw.
import { asObject, field, firstText, strictText, text, textAt } from './coerce.js';
import { buildDenial } from './build-denial.js';
import { isConsoleLoginFailure } from './context-hints.js';
import { CONSOLE_LOGIN_FAILURE, errorCategory } from './error-codes.js';
import type { Classification, Denial, RawRecord } from '../types.js';

/** Console sign-in failures hide unknown user names behind this placeholder; we keep it as is. */
export const HIDDEN_USER = 'HIDDEN_DUE_TO_SECURITY_REASONS';

function consoleLoginDenial(record: RawRecord): Denial {
  const message = firstText(text(field(record, 'errorMessage')), 'Failed authentication');
  const denial = buildDenial({ record, message, errorCode: CONSOLE_LOGIN_FAILURE, category: 'authentication', codeIsDenial: true });
  // Failed sign-ins rarely carry an ARN: the name typed (or the placeholder) is all there is.
  const name = firstText(
    textAt(record, 'userIdentity', 'arn'),
    textAt(record, 'userIdentity', 'userName'),
    textAt(record, 'additionalEventData', 'UserName'),
    HIDDEN_USER,
  );
  return denial.action === ''
    ? { ...denial, principal: name, action: 'signin:ConsoleLogin', actions: ['signin:ConsoleLogin'] }
    : { ...denial, principal: name };
}

export function classifyRecord(record: RawRecord): Classification {
  if (asObject(record) === null) return { kind: 'no-error' };
  const errorCode = text(field(record, 'errorCode'));
  if (errorCode === '') {
    return isConsoleLoginFailure(record) ? { kind: 'denial', denial: consoleLoginDenial(record) } : { kind: 'no-error' };
  }
  const category = errorCategory(errorCode);
  if (category === null) {
    return { kind: 'other-error', errorCode, eventId: text(field(record, 'eventID')), eventTime: strictText(field(record, 'eventTime')) };
  }
  const message = text(field(record, 'errorMessage'));
  return { kind: 'denial', denial: buildDenial({ record, message, errorCode, category, codeIsDenial: true }) };
}

export function classify(record: RawRecord): Denial | null {
  const c = classifyRecord(record);
  return c.kind === 'denial' ? c.denial : null;
}
