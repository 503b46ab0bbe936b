// Assembles a Denial from the record (may be empty, for `explain`) and the parsed message.
import { field, firstText, strictText, text } from './coerce.js';
import { contextHints } from './context-hints.js';
import { actionOf, recordAction } from './action.js';
import { parseMessageOnce } from './parse-message.js';
import { principalOf } from './principal.js';
import type { Category, Denial, Hint } from '../types.js';
import type { ParsedMessage } from './message-types.js';

export interface DenialInput {
  record: unknown; // {} for a message alone
  message: string;
  errorCode: string;
  /** Category from the catalog; the wording may still force another (billing access → account). */
  category: Category;
  /** False when the code is not a denial code (explain/explainRecord on anything else). */
  codeIsDenial: boolean;
  operation?: string; // from the AWS CLI prefix, when explain got one
  parsed?: ParsedMessage; // when the caller already parsed the message
}

export function sortedHints(hints: Hint[]): Hint[] {
  return hints.filter((h, i) => hints.indexOf(h) === i).sort(); // a few at most: no Set needed
}

export function buildDenial(input: DenialInput): Denial {
  const { record, message } = input;
  const parsed = input.parsed ?? parseMessageOnce(message);
  const who = principalOf(record, parsed.principal);
  const account = firstText(text(field(record, 'recipientAccountId')), who.callerAccount ?? '');
  const eventSource = text(field(record, 'eventSource'));
  const eventName = firstText(text(field(record, 'eventName')), input.operation ?? '');
  const fallbackAction = eventSource !== '' ? recordAction(record) : actionOf(parsed.service ?? '', input.operation ?? '');
  const hints: Hint[] = [
    ...parsed.hints,
    ...who.hints,
    ...contextHints(record, { principalType: who.principalType, callerAccount: who.callerAccount, account, resource: parsed.resource }),
  ];
  return {
    eventTime: strictText(field(record, 'eventTime')),
    eventId: text(field(record, 'eventID')),
    account,
    region: text(field(record, 'awsRegion')),
    principal: who.principal,
    principalType: who.principalType,
    sessionName: who.sessionName,
    callerAccount: who.callerAccount,
    eventSource: eventSource !== '' ? eventSource : parsed.service !== null && eventName !== '' ? `${parsed.service}.amazonaws.com` : '',
    eventName,
    action: parsed.action ?? fallbackAction,
    resource: parsed.resource,
    errorCode: input.errorCode,
    category: parsed.category ?? input.category,
    denyKind: parsed.denyKind,
    policyType: parsed.policyType,
    policyArn: parsed.policyArn,
    authorizationId: parsed.authorizationId,
    hints: sortedHints(hints),
    sourceIp: text(field(record, 'sourceIPAddress')),
    userAgent: text(field(record, 'userAgent')),
    message,
    // Credential and account errors are fully described by their code; only authorization messages
    // need their wording understood to say which policy refused.
    recognized: input.codeIsDenial && (parsed.recognized || (parsed.category ?? input.category) !== 'authorization'),
  };
}
