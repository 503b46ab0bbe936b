// Assembles a Denial from the record (may be empty, for `explain`) and the parsed message.
import { field, firstText, strictText, text } from './coerce.js';
import { contextHints } from './context-hints.js';
import { operationActions, recordActions } from './action.js';
import { eventSourceOf } from './event-sources.js';
import { serviceOfOperation } from './operation-services.js';
import { parseMessageOnce } from './parse-message.js';
import { principalOf } from './principal.js';
import { requestHints } from './request-hints.js';
import { requestResource } from './request-resource.js';
import { prefixOfSdkService } from './sdk-services.js';
import type { Category, Denial, Hint, ResourceSource } from '../types.js';
import type { ParsedMessage } from './message-types.js';

export interface DenialInput {
  record: unknown; // {} for a message alone
  message: string;
  errorCode: string;
  /** Category from the catalog; the wording may still force another (billing access → account). */
  category: Category;
  /** False when the code is not a denial code (explain/explainRecord on anything else). */
  codeIsDenial: boolean;
  parsed?: ParsedMessage; // when the caller already parsed the message
}

export function sortedHints(hints: Hint[]): Hint[] {
  return hints.filter((h, i) => hints.indexOf(h) === i).sort(); // a few at most: no Set needed
}

/**
 * The service of a pasted error (no record): the SDK's own name for it, else the only service with
 * that operation, else what the wording implies (S3's bare "Access Denied", EC2's sentence).
 */
export function pastedService(parsed: ParsedMessage): string {
  const operation = parsed.operation ?? '';
  return (parsed.sdkService === null ? null : prefixOfSdkService(parsed.sdkService)) ?? serviceOfOperation(operation) ?? parsed.service ?? '';
}

/** The action(s): what the message names, else the event → IAM action table. */
export function actionsOf(record: unknown, parsed: ParsedMessage): string[] {
  if (parsed.actions.length > 0) return [...parsed.actions];
  if (text(field(record, 'eventSource')) !== '') return recordActions(record);
  return operationActions(pastedService(parsed), parsed.operation ?? '');
}

function resourceOf(record: unknown, parsed: ParsedMessage): { resource: string | null; resourceSource: ResourceSource } {
  if (parsed.resource !== null) return { resource: parsed.resource, resourceSource: 'message' };
  const built = requestResource(record);
  return built === null ? { resource: null, resourceSource: null } : { resource: built, resourceSource: 'request' };
}

export function buildDenial(input: DenialInput): Denial {
  const { record, message } = input;
  const parsed = input.parsed ?? parseMessageOnce(message);
  const who = principalOf(record, parsed.principal);
  const account = firstText(text(field(record, 'recipientAccountId')), who.callerAccount ?? '');
  const loggedSource = text(field(record, 'eventSource'));
  const eventName = firstText(text(field(record, 'eventName')), parsed.operation ?? '');
  const actions = actionsOf(record, parsed);
  const { resource, resourceSource } = resourceOf(record, parsed);
  const category = parsed.category ?? input.category;
  const hints: Hint[] = [
    ...parsed.hints,
    ...who.hints,
    ...contextHints(record, { principalType: who.principalType, callerAccount: who.callerAccount, account, resource }),
    ...requestHints(record),
  ];
  const pasted = loggedSource === '' && eventName !== '' ? pastedService(parsed) : '';
  return {
    eventTime: strictText(field(record, 'eventTime')),
    eventId: text(field(record, 'eventID')),
    account,
    region: text(field(record, 'awsRegion')),
    principal: who.principal,
    principalType: who.principalType,
    sessionName: who.sessionName,
    callerAccount: who.callerAccount,
    eventSource: loggedSource !== '' ? loggedSource : eventSourceOf(pasted),
    eventName,
    action: actions[0] ?? '',
    actions,
    actionVerified: false, // known only where iam-data's files may be read (read/action-check.ts)
    resource,
    resourceSource,
    errorCode: input.errorCode,
    category,
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
    recognized: input.codeIsDenial && (parsed.recognized || category !== 'authorization'),
  };
}
