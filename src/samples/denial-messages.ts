// The error-message grammar AWS uses for refusals, as builders. Text follows the forms documented in
// the IAM and S3 troubleshooting guides; tests/other stages rely on these being exact.
import type { PolicyType } from '../types.js';

export type NamedPolicyType = Exclude<PolicyType, 'unspecified' | 's3-block-public-access'>;

/** How each policy type is written after "explicit deny in" and after "because no". */
export const POLICY_PHRASES: Readonly<Record<NamedPolicyType, { explicit: string; implicit: string }>> = {
  'identity-based': { explicit: 'an identity-based policy', implicit: 'identity-based policy' },
  'resource-based': { explicit: 'a resource-based policy', implicit: 'resource-based policy' },
  'permissions-boundary': { explicit: 'a permissions boundary', implicit: 'permissions boundary' },
  'service-control-policy': { explicit: 'a service control policy', implicit: 'service control policy' },
  'resource-control-policy': { explicit: 'a resource control policy', implicit: 'resource control policy' },
  'session-policy': { explicit: 'a session policy', implicit: 'session policy' },
  'vpc-endpoint-policy': { explicit: 'a VPC endpoint policy', implicit: 'VPC endpoint policy' },
  'role-trust-policy': { explicit: 'a role trust policy', implicit: 'role trust policy' },
};

export interface Refusal {
  /** The caller's ARN, or a service name such as "CloudWatch Alarms". */
  principal: string;
  action: string;
  /** Left out for actions without a resource ("…perform: ec2:DescribeInstances …"). */
  resource?: string;
  /** S3 quotes its resource ARNs. */
  quoted?: boolean;
  /** `User: …` (default) or the bare service-name form. */
  subject?: 'user' | 'service';
}

export function notAuthorized(refusal: Refusal): string {
  const who = refusal.subject === 'service' ? refusal.principal : `User: ${refusal.principal}`;
  const resource = refusal.resource === undefined ? '' : ` on resource: ${refusal.quoted ? `"${refusal.resource}"` : refusal.resource}`;
  return `${who} is not authorized to perform: ${refusal.action}${resource}`;
}

export function explicitDeny(refusal: Refusal, type: NamedPolicyType, policyArn?: string): string {
  const suffix = policyArn ? `: ${policyArn}` : '';
  return `${notAuthorized(refusal)} with an explicit deny in ${POLICY_PHRASES[type].explicit}${suffix}`;
}

/** `implicitAction` lets a message carry the clause's own action (AWS has shipped mismatches). */
export function implicitDeny(refusal: Refusal, type: NamedPolicyType, implicitAction = refusal.action): string {
  return `${notAuthorized(refusal)} because no ${POLICY_PHRASES[type].implicit} allows the ${implicitAction} action`;
}

/** The oldest form: no policy type at all. */
export function bareExplicitDeny(refusal: Refusal): string {
  return `${notAuthorized(refusal)} with an explicit deny`;
}

export function blockPublicAccess(refusal: Refusal, setting: 'BlockPublicAcls' | 'BlockPublicPolicy'): string {
  const reason = setting === 'BlockPublicAcls' ? 'public ACLs are prevented by the BlockPublicAcls setting' : 'public policies are prevented by the BlockPublicPolicy setting';
  return `${notAuthorized({ ...refusal, quoted: true })} because ${reason} in S3 Block Public Access.`;
}

/** The newest suffix: a pointer to the stored authorization details of this one request. */
export function withAuthorizationId(message: string, region: string, authorizationId: string): string {
  return `${message}. Go to https://${region}.console.aws.amazon.com/iam/home#/authorization-details/${authorizationId} for complete details, or call the GetRequestAuthorizationDetails API with the following authorization id: ${authorizationId}`;
}

export const S3_ACCESS_DENIED = 'Access Denied';

export const KMS_NO_RESOURCE_POLICY =
  'because the resource does not exist in this Region, no resource-based policies allow access, or a resource-based policy explicitly denies access';

export function kmsUnspecified(principal: string, action: string, on: 'this resource' | 'the resource associated with this ciphertext'): string {
  return `User: ${principal} is not authorized to perform: ${action} on ${on} ${KMS_NO_RESOURCE_POLICY}`;
}

export const KMS_CIPHERTEXT_MISSING_KEY =
  'The ciphertext refers to a customer master key that does not exist, does not exist in this region, or you are not allowed to access.';

export const VPCE_NETWORK_DENIED = 'The request was denied due to a VPC endpoint policy';

export const EC2_NOT_AUTHORIZED = 'You are not authorized to perform this operation.';

/** EC2's form: the fixed sentence, an optional enhanced sentence, an optional encoded blob. */
export function ec2Denied(enhanced: string | null, encoded: string | null): string {
  let message = EC2_NOT_AUTHORIZED;
  if (enhanced) message += ` ${enhanced}.`;
  if (encoded) message += ` Encoded authorization failure message: ${encoded}`;
  return message;
}

/** CloudTrail keeps at most 1 KB of an error message. */
export const MESSAGE_LIMIT = 1024;

export function truncateMessage(message: string): string {
  return message.length > MESSAGE_LIMIT ? message.slice(0, MESSAGE_LIMIT) : message;
}
