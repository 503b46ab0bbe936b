// Denials whose message does not name a policy: plain S3, EC2's encoded form (one cut at 1 KB),
// KMS's catch-all sentences, legacy forms, a service principal, and two shapes nobody parses.
import {
  bareExplicitDeny, ec2Denied, explicitDeny, KMS_CIPHERTEXT_MISSING_KEY, kmsUnspecified, notAuthorized, S3_ACCESS_DENIED, truncateMessage,
} from './denial-messages.js';
import { encodedAuthorizationMessage } from './encoded-message.js';
import { hex, uuid } from './ids.js';
import { callerArn, roleArn } from './identities.js';
import { actor } from './actors.js';
import type { Scenario } from './scenario-types.js';
import { refusal } from './scenarios-policy.js';
import { s3Extra, s3ObjectResources } from './success-calls.js';
import { BUCKETS, BUILD_DENY_POLICY, DEV_ACCOUNT, KMS_KEYS, PROD_ACCOUNT } from './world.js';

export const UNSPECIFIED_SCENARIOS: readonly Scenario[] = [
  {
    id: 's3-plain-external-account', kind: 'denial', count: 3, recipient: PROD_ACCOUNT, region: 'us-east-1', actor: 'external-partner',
    expected: { category: 'authorization', denyKind: 'unspecified', policyType: 'unspecified', hints: ['cross-account'] },
    build: (rng, c) => {
      const key = `builds/payments-api/2026/${hex(rng, 8)}.zip`;
      const host = `${BUCKETS.artifacts}.s3.${c.region}.amazonaws.com`;
      return {
        eventSource: 's3.amazonaws.com', eventName: 'GetObject', readOnly: true, eventCategory: 'Data', errorCode: 'AccessDenied', errorMessage: S3_ACCESS_DENIED,
        requestParameters: { bucketName: BUCKETS.artifacts, Host: host, key }, additionalEventData: s3Extra(rng, 0, 0),
        resources: s3ObjectResources(c.recipient, BUCKETS.artifacts, key), host,
      };
    },
  },
  {
    id: 's3-plain-same-account', kind: 'denial', count: 1, recipient: PROD_ACCOUNT, region: 'us-east-1', actor: 'prod-ops-user',
    expected: { category: 'authorization', denyKind: 'unspecified', policyType: 'unspecified', hints: ['console-session', 'mfa-absent'] },
    build: (rng, c) => ({
      eventSource: 's3.amazonaws.com', eventName: 'ListObjects', readOnly: true, eventCategory: 'Data', errorCode: 'AccessDenied', errorMessage: S3_ACCESS_DENIED,
      requestParameters: { bucketName: BUCKETS.audit, Host: `${BUCKETS.audit}.s3.${c.region}.amazonaws.com`, prefix: 'AWSLogs/', delimiter: '/', 'encoding-type': 'url' },
      additionalEventData: s3Extra(rng, 0, 0), resources: [{ accountId: c.recipient, type: 'AWS::S3::Bucket', ARN: `arn:aws:s3:::${BUCKETS.audit}` }],
    }),
  },
  {
    id: 'ec2-encoded-only', kind: 'denial', count: 1, recipient: DEV_ACCOUNT, region: 'us-east-1', actor: 'dev-contractor',
    expected: { category: 'authorization', denyKind: 'unspecified', policyType: 'unspecified', hints: ['encoded-message'] },
    build: (rng) => ({
      eventSource: 'ec2.amazonaws.com', eventName: 'AuthorizeSecurityGroupIngress', readOnly: false, errorCode: 'Client.UnauthorizedOperation',
      errorMessage: ec2Denied(null, encodedAuthorizationMessage(rng, 640)),
      requestParameters: { groupId: `sg-0${hex(rng, 16)}`, ipPermissions: { items: [{ ipProtocol: 'tcp', fromPort: 22, toPort: 22, groups: {}, ipRanges: { items: [{ cidrIp: '0.0.0.0/0' }] }, ipv6Ranges: {}, prefixListIds: {} }] } },
    }),
  },
  {
    id: 'ec2-truncated-message', kind: 'denial', count: 1, recipient: PROD_ACCOUNT, region: 'us-east-1', actor: 'prod-ci',
    expected: { category: 'authorization', denyKind: 'explicit', policyType: 'identity-based', hints: ['encoded-message', 'truncated-message'] },
    build: (rng, c) => ({
      eventSource: 'ec2.amazonaws.com', eventName: 'RunInstances', readOnly: false, errorCode: 'Client.UnauthorizedOperation',
      errorMessage: truncateMessage(ec2Denied(explicitDeny(refusal(c, 'ec2:RunInstances', `arn:aws:ec2:${c.region}:${c.recipient}:network-interface/*`), 'identity-based', BUILD_DENY_POLICY), encodedAuthorizationMessage(rng, 1400))),
      requestParameters: { instancesSet: { items: [{ imageId: `ami-0${hex(rng, 16)}`, minCount: 1, maxCount: 1 }] }, instanceType: 't3.medium', networkInterfaceSet: { items: [{ deviceIndex: 0, associatePublicIpAddress: true }] }, clientToken: uuid(rng) },
    }),
  },
  {
    id: 'kms-cross-account-key-policy', kind: 'denial', count: 2, recipient: PROD_ACCOUNT, region: 'us-east-1', actor: 'dev-analytics-etl',
    expected: { category: 'authorization', denyKind: 'unspecified', policyType: 'resource-based', hints: ['cross-account', 'kms-cross-account'] },
    build: (_rng, c) => ({
      eventSource: 'kms.amazonaws.com', eventName: 'Decrypt', readOnly: true, errorCode: 'AccessDeniedException',
      errorMessage: kmsUnspecified(callerArn(c.actor), 'kms:Decrypt', 'this resource'),
      requestParameters: { keyId: KMS_KEYS.datasetsUs, encryptionAlgorithm: 'SYMMETRIC_DEFAULT' },
      resources: [{ accountId: c.recipient, type: 'AWS::KMS::Key', ARN: KMS_KEYS.datasetsUs }],
    }),
  },
  {
    id: 'kms-ciphertext-unknown-key', kind: 'denial', count: 1, recipient: DEV_ACCOUNT, region: 'eu-west-1', actor: 'dev-sso-developer',
    expected: { category: 'authorization', denyKind: 'unspecified', policyType: 'resource-based', hints: ['console-session'] },
    build: () => ({
      eventSource: 'kms.amazonaws.com', eventName: 'Decrypt', readOnly: true, errorCode: 'AccessDeniedException', errorMessage: KMS_CIPHERTEXT_MISSING_KEY,
      requestParameters: { encryptionAlgorithm: 'SYMMETRIC_DEFAULT' },
    }),
  },
  {
    id: 'kms-ciphertext-implicit', kind: 'denial', count: 1, recipient: PROD_ACCOUNT, region: 'us-east-1', actor: 'prod-etl',
    expected: { category: 'authorization', denyKind: 'implicit', policyType: 'identity-based' },
    build: (_rng, c) => ({
      eventSource: 'kms.amazonaws.com', eventName: 'Decrypt', readOnly: true, errorCode: 'AccessDeniedException',
      errorMessage: `User: ${callerArn(c.actor)} is not authorized to perform: kms:Decrypt on the resource associated with this ciphertext because no identity-based policy allows the kms:Decrypt action`,
      requestParameters: { encryptionAlgorithm: 'SYMMETRIC_DEFAULT', encryptionContext: { 'aws:s3:arn': `arn:aws:s3:::${BUCKETS.audit}` } },
    }),
  },
  {
    id: 'legacy-bare-explicit', kind: 'denial', count: 1, recipient: DEV_ACCOUNT, region: 'us-east-1', actor: 'dev-terraform',
    expected: { category: 'authorization', denyKind: 'explicit', policyType: 'unspecified' },
    build: (_rng, c) => ({
      eventSource: 'iam.amazonaws.com', eventName: 'TagUser', readOnly: false, errorCode: 'AccessDenied',
      errorMessage: bareExplicitDeny(refusal(c, 'iam:TagUser', 'user ci-legacy')),
      requestParameters: { userName: 'ci-legacy', tags: [{ key: 'cost-center', value: 'platform' }] },
    }),
  },
  {
    id: 'alarm-service-principal', kind: 'denial', count: 1, recipient: PROD_ACCOUNT, region: 'us-east-1', actor: 'prod-alarms',
    expected: { category: 'authorization', denyKind: 'unspecified', policyType: 'unspecified', hints: ['service-principal'] },
    build: (_rng, c) => ({
      eventSource: 'sns.amazonaws.com', eventName: 'Publish', readOnly: false, errorCode: 'AuthorizationError',
      errorMessage: notAuthorized({ principal: 'CloudWatch Alarms', subject: 'service', action: 'SNS:Publish', resource: `arn:aws:sns:${c.region}:${c.recipient}:ops-alerts-encrypted` }),
      requestParameters: { topicArn: `arn:aws:sns:${c.region}:${c.recipient}:ops-alerts-encrypted`, subject: 'ALARM: "orders-dlq-depth" in US East (N. Virginia)' },
    }),
  },
  {
    id: 'sqs-legacy-api-form', kind: 'denial', count: 1, recipient: DEV_ACCOUNT, region: 'us-east-1', actor: 'dev-contractor',
    expected: { category: 'authorization', denyKind: 'unspecified', policyType: 'unspecified' },
    build: (_rng, c) => ({
      eventSource: 'sqs.amazonaws.com', eventName: 'CreateQueue', readOnly: false, errorCode: 'AccessDenied',
      errorMessage: `API: sqs:CreateQueue Access to the resource https://sqs.${c.region}.amazonaws.com/ is denied.`,
      requestParameters: { queueName: 'bob-test-queue' },
    }),
  },
  {
    id: 'unrecognised-cross-account-pass-role', kind: 'denial', count: 1, recipient: PROD_ACCOUNT, region: 'us-east-1', actor: 'prod-ci',
    expected: { category: 'authorization', denyKind: 'unspecified', policyType: 'unspecified', recognized: false },
    build: (_rng, c) => ({
      eventSource: 'lambda.amazonaws.com', eventName: 'CreateFunction20150331', readOnly: false, errorCode: 'AccessDeniedException',
      errorMessage: 'Cross-account pass role is not allowed.',
      requestParameters: { functionName: 'invoice-renderer-canary', runtime: 'nodejs20.x', role: `arn:aws:iam::${DEV_ACCOUNT}:role/lambda-basic-execution`, handler: 'index.handler', code: {}, timeout: 30, memorySize: 512, publish: false, architectures: ['arm64'] },
      resources: [{ accountId: c.recipient, type: 'AWS::Lambda::Function', ARN: `arn:aws:lambda:${c.region}:${c.recipient}:function:invoice-renderer-canary` }],
    }),
  },
  {
    id: 'unrecognised-lake-formation', kind: 'denial', count: 1, recipient: DEV_ACCOUNT, region: 'eu-west-1', actor: 'dev-sso-analyst',
    expected: { category: 'authorization', denyKind: 'unspecified', policyType: 'unspecified', recognized: false },
    build: () => ({
      eventSource: 'lakeformation.amazonaws.com', eventName: 'GetDataAccess', readOnly: true, errorCode: 'AccessDeniedException',
      errorMessage: 'Insufficient Lake Formation permission(s): Required Select on orders_curated',
      requestParameters: { tableArn: `arn:aws:glue:eu-west-1:${DEV_ACCOUNT}:table/analytics/orders_curated`, permissions: ['SELECT'], durationSeconds: 3600, auditContext: { additionalAuditContext: `{athena-query-id: ${'d1f0e6a2-7b3c-4e59-8a1d-2c6f9b0e4a73'}}` } },
      additionalEventData: { requesterService: 'ATHENA', lakeFormationRoleSessionName: 'AWSLF-00-AT-444455556666-4521907836', lakeFormationPrincipal: roleArn(actor('dev-sso-analyst')) },
    }),
  },
];
