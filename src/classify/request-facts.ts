// What a refused request's record says about the request beyond the Denial: the facts the IAM
// context keys are built from (src/evaluate/context-keys.ts) and the names the exports resolve
// (a role or user named without its path). Read only when the run evaluates policies (--policies);
// plain data, posted back from the reading threads with the denial.
//
//   requestFacts(record).mfa          // 'false' for a console session without MFA
import { asObject, at, field, flag, text, textAt } from './coerce.js';
import type { RequestFacts } from '../types.js';

/**
 * requestParameters fields that name what a request acted on without a whole ARN, for the exports to
 * resolve (a role's path, a secret's suffix), or that say what it asked for (an ACL).
 */
export const REQUEST_NAMES = [
  'roleName',
  'userName',
  'groupName',
  'policyArn',
  'secretId',
  'keyId',
  'bucketName',
  'key',
  'x-amz-acl',
  'roleArn',
  'queueName',
] as const;

/** Longest name kept: a name is an identifier, not a payload. */
const MAX_NAME = 2048;

export function requestFacts(record: unknown): RequestFacts {
  const id = asObject(field(record, 'userIdentity'));
  const params = asObject(field(record, 'requestParameters'));
  const names: Record<string, string> = {};
  for (const n of REQUEST_NAMES) {
    const v = text(field(params, n));
    if (v !== '' && v.length <= MAX_NAME) names[n] = v;
  }
  return {
    eventVersion: text(field(record, 'eventVersion')),
    identityType: textAt(id, 'type'),
    principalId: textAt(id, 'principalId'),
    arn: textAt(id, 'arn'),
    userName: textAt(id, 'userName'),
    identityProvider: textAt(id, 'identityProvider'),
    issuerArn: textAt(id, 'sessionContext', 'sessionIssuer', 'arn'),
    issuerType: textAt(id, 'sessionContext', 'sessionIssuer', 'type'),
    mfa: flag(at(id, 'sessionContext', 'attributes', 'mfaAuthenticated')),
    sessionCreated: textAt(id, 'sessionContext', 'attributes', 'creationDate'),
    sourceIdentity: textAt(id, 'sessionContext', 'sourceIdentity'),
    invokedBy: textAt(id, 'invokedBy'),
    tls: asObject(field(record, 'tlsDetails')) !== null,
    vpcEndpointId: text(field(record, 'vpcEndpointId')),
    names,
  };
}
