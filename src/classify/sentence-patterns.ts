// The sentence table: every shape of "who may not do what on which resource" AWS is known to write.
// The first row that matches wins; rows with `hasReason` hand their `rest` group to the reason table.
import type { PatternRow } from './message-types.js';

const ACTION = String.raw`(?<action>[A-Za-z0-9-]+:[A-Za-z0-9*_-]+)`;
// The resource runs lazily up to the reason clause or the end; quoted S3 ARNs may hold anything.
const RESOURCE = String.raw`(?:\s+on\s+(?:resources?:?\s*(?<resource>"[^"]*"|[\s\S]+?)|(?<vague>the resource associated with this ciphertext|the specified resource|this resource|the resource)))?`;
const REST = String.raw`(?:[\s,.;]+(?<rest>(?:with an explicit deny|because)\b[\s\S]*?))?[\s.]*$`;

const core = (subject: string): RegExp =>
  // "perform: null": a service that did not fill in the action (Greengrass, aws/aws-cli issue 6274)
  new RegExp(`^${subject}\\s+is not authorized to perform:?\\s+(?:${ACTION}|null\\b)${RESOURCE}${REST}`);

// prettier-ignore
export const SENTENCES: readonly PatternRow[] = [
  {
    id: 'user-not-authorized',
    regex: core(String.raw`User:?\s+(?<principal>\S+)`),
    example:
      'User: arn:aws:iam::111122223333:user/dev-ana is not authorized to perform: dynamodb:PutItem on resource: arn:aws:dynamodb:eu-west-1:111122223333:table/Orders because no identity-based policy allows the dynamodb:PutItem action',
    hasReason: true,
  },
  {
    // Services acting for a customer are named in words: "CloudWatch Alarms is not authorized to …".
    id: 'service-not-authorized',
    regex: core(String.raw`(?!User\b)(?<principal>[A-Z][A-Za-z0-9 ()./-]{0,80}?)`),
    example:
      'CloudWatch Alarms is not authorized to perform: SNS:Publish on resource: arn:aws:sns:us-east-1:111122223333:ops-alerts',
    hasReason: true,
    hints: ['service-principal'],
  },
  {
    id: 'principal-not-allowed-to-execute',
    regex: new RegExp(
      String.raw`^Principal\s+\[(?<principal>[^\]]*)\]\s+is not allowed to execute\s+\[(?<action>[^\]]*)\](?:\s+on\s+(?:resource:?\s*)?\[(?<resource>[^\]]*)\])?${REST}`,
    ),
    example:
      'Principal [arn:aws:sts::111122223333:assumed-role/etl/run-42] is not allowed to execute [glue:StartJobRun] on resource [arn:aws:glue:us-east-1:111122223333:job/nightly]',
    hasReason: true,
  },
  {
    id: 'user-not-authorized-to-access-resource',
    regex: /^User:?\s+(?<principal>\S+)\s+is not authorized to access this resource[\s.]*$/,
    example: 'User: arn:aws:iam::111122223333:user/legacy-app is not authorized to access this resource',
  },
  {
    // Generic wording several services use without naming action or policy.
    id: 'not-authorized-this-action',
    regex: /^(?:User|You) (?:is|are) not authorized to perform this action[\s.]*$/,
    example: 'User is not authorized to perform this action',
  },
  {
    id: 'api-access-denied',
    regex: new RegExp(String.raw`^API:\s+${ACTION}\s+Access to the resource\s+(?<resource>\S+?)\s+is denied[\s.]*$`),
    example: 'API: sqs:CreateQueue Access to the resource https://sqs.us-east-1.amazonaws.com/ is denied.',
  },
  {
    id: 'not-authorized-to-access-resource',
    regex: /^Not authorized to access resource:?\s*(?<resource>[\s\S]*?)[\s.]*$/,
    example: 'Not authorized to access resource arn:aws:appsync:us-east-1:111122223333:apis/abc123/types/Query/fields/listOrders',
  },
  {
    // STS web identity and SAML refusals: only the role's trust policy decides.
    id: 'not-authorized-to-perform',
    regex: new RegExp(String.raw`^Not authorized to perform:?\s+${ACTION}[\s.]*$`),
    example: 'Not authorized to perform sts:AssumeRoleWithWebIdentity',
  },
  {
    // Bedrock models sold through AWS Marketplace: the caller also needs the Marketplace actions, and
    // the message lists them all (seen in CloudTrail as errorCode AccessDenied, eventSource bedrock).
    id: 'required-actions-list',
    regex: /is not authorized to perform the required (?:[A-Za-z0-9 -]+ )?actions? \((?<list>[A-Za-z0-9-]+:[A-Za-z0-9*_-]+(?:,\s*[A-Za-z0-9-]+:[A-Za-z0-9*_-]+)*)\)/,
    example:
      'Model access is denied due to IAM user or service role is not authorized to perform the required AWS Marketplace actions (aws-marketplace:ViewSubscriptions, aws-marketplace:Subscribe) to enable access to this model. Refer to the Amazon Bedrock documentation for further details. Your AWS Marketplace subscription for this model cannot be completed at this time. If you recently fixed this issue, try again after 2 minutes.',
    hints: ['marketplace-subscription'],
    derive: (g) => ({ actions: (g.list ?? '').split(/,\s*/) }),
  },
  {
    // EC2 answers AuthFailure for an AMI the account may not launch: a launch permission (authorization),
    // not bad credentials, whatever the code says.
    id: 'ec2-ami-not-authorized',
    regex: /^Not authorized for images:\s*\[(?<resource>[^\]]*)\][\s.]*$/,
    example: 'Not authorized for images: [ami-0a1b2c3d4e5f67890]',
    service: 'ec2',
    category: 'authorization',
    hints: ['ami-launch-permission'],
  },
  {
    id: 'sts-session-credentials',
    regex: /^Cannot call (?<operation>[A-Za-z]+) with session credentials[\s.]*$/,
    example: 'Cannot call GetSessionToken with session credentials',
    service: 'sts',
    hints: ['session-credentials'],
    derive: (g) => ({ action: `sts:${g.operation ?? ''}` }),
  },
  {
    id: 'kms-ciphertext-key',
    regex: /^The ciphertext refers to a (?:customer master key|KMS key|CMK) that does not exist/,
    example:
      'The ciphertext refers to a customer master key that does not exist, does not exist in this region, or you are not allowed to access.',
    service: 'kms',
    denyKind: 'unspecified',
    policyType: 'resource-based',
    hints: ['kms-cross-account'],
  },
  {
    id: 's3-access-denied',
    regex: /^Access Denied[\s.]*$/,
    example: 'Access Denied',
    service: 's3',
    hints: ['s3-access-denied'],
  },
  {
    // S3 can block SSE-C uploads per bucket (BlockedEncryptionTypes). The exact wording is not
    // documented, so match on the words any such message must carry.
    id: 's3-sse-c-blocked',
    regex: /(?:SSE-C|customer[- ]provided (?:encryption )?keys?)[\s\S]*?\b(?:is|are)\s+(?:blocked|not allowed|disabled)/i,
    example: 'Requests specifying Server Side Encryption with Customer provided keys (SSE-C) are blocked for this bucket.',
    service: 's3',
    policyType: 'resource-based',
    hints: ['sse-c-blocked'],
  },
  {
    id: 'vpce-access-denied',
    regex: /^The request was denied due to a VPC endpoint policy/,
    example: 'The request was denied due to a VPC endpoint policy',
    policyType: 'vpc-endpoint-policy',
    impliedCode: 'VpceAccessDenied',
  },
  {
    id: 'billing-access-not-activated',
    regex: /IAM user access (?:to [A-Za-z ]+? )?(?:is )?not activated/i,
    example: 'IAM user access not activated',
    category: 'account',
    hints: ['billing-access'],
  },
  {
    id: 'console-login-failed',
    regex: /^Failed authentication[\s.]*$/,
    example: 'Failed authentication',
    category: 'authentication',
    service: 'signin',
    action: 'signin:ConsoleLogin',
    impliedCode: 'ConsoleLoginFailure',
  },
  // Credential problems: the error code already says it all; the rows let `explain` infer the code.
  {
    // S3 HEAD (and any error without a body): the SDK can only repeat the HTTP status text
    id: 'http-forbidden-no-body',
    regex: /^Forbidden[\s.]*$/,
    example: 'Forbidden',
    hints: ['no-error-body'],
    impliedCode: 'AccessDenied',
  },
  {
    // STS GetSessionToken / AssumeRole with a wrong or reused MFA code: authentication, under AccessDenied
    id: 'mfa-code-invalid',
    regex: /^MultiFactorAuthentication failed/,
    example: 'MultiFactorAuthentication failed, unable to validate MFA code',
    category: 'authentication',
    hints: ['mfa-code'],
    impliedCode: 'AccessDenied',
  },
  {
    // SigV4 clock skew: "Signature expired: 20240101T000000Z is now earlier than 20240101T000500Z (…)"
    id: 'signature-expired',
    regex: /^Signature (?:expired: \S+ is now earlier than|not yet current: \S+ is still later than)/,
    example: 'Signature expired: 20231120T101010Z is now earlier than 20231120T101512Z (20231120T102012Z - 5 min.)',
    category: 'authentication',
    hints: ['clock-skew'],
    impliedCode: 'InvalidSignatureException',
  },
  {
    id: 'request-expired',
    regex: /^Request has expired/,
    example: 'Request has expired.',
    category: 'authentication',
    hints: ['clock-skew'],
    impliedCode: 'RequestExpired',
  },
  {
    id: 'token-expired',
    regex: /^The (?:security token|provided token) included in the request (?:is|has) expired|^The provided token has expired/,
    example: 'The security token included in the request is expired',
    category: 'authentication', // the message decides over a code that says otherwise
    impliedCode: 'ExpiredToken',
  },
  {
    id: 'token-invalid',
    regex: /^The security token included in the request is invalid/,
    example: 'The security token included in the request is invalid.',
    category: 'authentication', // the message decides over a code that says otherwise
    impliedCode: 'InvalidClientTokenId',
  },
  {
    id: 'signature-mismatch',
    regex: /^The request signature we calculated does not match the signature you provided/,
    example:
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
    category: 'authentication', // the message decides over a code that says otherwise
    impliedCode: 'SignatureDoesNotMatch',
  },
  {
    id: 'access-key-unknown',
    regex: /^The AWS Access Key Id you provided does not exist in our records/,
    example: 'The AWS Access Key Id you provided does not exist in our records.',
    category: 'authentication', // the message decides over a code that says otherwise
    impliedCode: 'InvalidAccessKeyId',
  },
  {
    id: 'credentials-not-validated',
    regex: /^AWS was not able to validate the provided access credentials/,
    example: 'AWS was not able to validate the provided access credentials',
    category: 'authentication', // the message decides over a code that says otherwise
    impliedCode: 'AuthFailure',
  },
  {
    id: 'opt-in-required',
    regex: /^(?:You are not subscribed to this service|The AWS Access Key Id needs a subscription for the service)/,
    example: 'You are not subscribed to this service. Please go to http://aws.amazon.com to subscribe.',
    impliedCode: 'OptInRequired',
  },
];
