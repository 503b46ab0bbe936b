// Denials by the policy that refused them: identity-based, resource-based, permissions boundary,
// service control policy and resource control policy, explicit and implicit.
import { implicitDeny, explicitDeny, withAuthorizationId, ec2Denied, type Refusal } from './denial-messages.js';
import { encodedAuthorizationMessage } from './encoded-message.js';
import { hex, uuid } from './ids.js';
import { callerArn } from './identities.js';
import type { CallContext } from './record-builder.js';
import type { Scenario } from './scenario-types.js';
import { s3Extra, s3ObjectResources } from './success-calls.js';
import {
  BUCKETS, DEV_ACCOUNT, DEV_BOUNDARY, KMS_KEYS, MFA_POLICY, PROD_ACCOUNT, RCP_DATA_PERIMETER, SCP_PROTECT_AUDIT, SCP_REGION_GUARD,
} from './world.js';

export function refusal(c: CallContext, action: string, resource?: string, quoted = false): Refusal {
  return { principal: callerArn(c.actor), action, resource, quoted };
}

const s3Host = (bucket: string, region: string): string => `${bucket}.s3.${region}.amazonaws.com`;

export const POLICY_SCENARIOS: readonly Scenario[] = [
  {
    id: 'ci-region-guard-scp', kind: 'denial', count: 14, recipient: PROD_ACCOUNT, region: 'us-west-2', actor: 'prod-ci',
    expected: { category: 'authorization', denyKind: 'explicit', policyType: 'service-control-policy', hints: ['temporary-credentials'] },
    build: (rng, c) => {
      const stack = rng.pick(['payments-api-dr', 'orders-worker-dr']);
      const resource = `arn:aws:cloudformation:${c.region}:${c.recipient}:stack/${stack}/*`;
      return {
        eventSource: 'cloudformation.amazonaws.com', eventName: 'CreateStack', readOnly: false, errorCode: 'AccessDenied',
        errorMessage: explicitDeny(refusal(c, 'cloudformation:CreateStack', resource), 'service-control-policy', SCP_REGION_GUARD),
        requestParameters: { stackName: stack, templateURL: `https://${BUCKETS.artifacts}.s3.amazonaws.com/templates/${stack}-${hex(rng, 7)}.yaml`, capabilities: ['CAPABILITY_NAMED_IAM'], clientRequestToken: `gh-run-${rng.int(11_000_000_000, 11_999_999_999)}` },
      };
    },
  },
  {
    id: 'lambda-missing-kms-decrypt', kind: 'denial', count: 11, recipient: PROD_ACCOUNT, region: 'eu-west-1', actor: 'prod-orders-lambda', days: [3, 6],
    expected: { category: 'authorization', denyKind: 'implicit', policyType: 'identity-based', hints: ['temporary-credentials'] },
    build: (_rng, c) => ({
      eventSource: 'kms.amazonaws.com', eventName: 'Decrypt', readOnly: true, errorCode: 'AccessDeniedException',
      errorMessage: implicitDeny(refusal(c, 'kms:Decrypt', KMS_KEYS.ordersEu), 'identity-based'),
      requestParameters: { encryptionAlgorithm: 'SYMMETRIC_DEFAULT', encryptionContext: { 'aws:lambda:FunctionArn': `arn:aws:lambda:${c.region}:${c.recipient}:function:orders-processor` } },
      resources: [{ accountId: c.recipient, type: 'AWS::KMS::Key', ARN: KMS_KEYS.ordersEu }],
    }),
  },
  {
    id: 'analyst-dynamodb-scan', kind: 'denial', count: 3, recipient: DEV_ACCOUNT, region: 'us-east-1', actor: 'dev-sso-analyst',
    expected: { category: 'authorization', denyKind: 'implicit', policyType: 'identity-based', hints: ['console-session'] },
    build: (_rng, c) => ({
      eventSource: 'dynamodb.amazonaws.com', eventName: 'Scan', readOnly: true, errorCode: 'AccessDeniedException',
      errorMessage: implicitDeny(refusal(c, 'dynamodb:Scan', `arn:aws:dynamodb:${c.region}:${c.recipient}:table/experiments`), 'identity-based'),
      requestParameters: { tableName: 'experiments', limit: 50 },
    }),
  },
  {
    id: 'user-delete-role-explicit', kind: 'denial', count: 2, recipient: PROD_ACCOUNT, region: 'us-east-1', actor: 'prod-jdoe',
    expected: { category: 'authorization', denyKind: 'explicit', policyType: 'identity-based' },
    build: (_rng, c) => ({
      eventSource: 'iam.amazonaws.com', eventName: 'DeleteRole', readOnly: false, errorCode: 'AccessDenied',
      errorMessage: explicitDeny(refusal(c, 'iam:DeleteRole', 'role audit-readonly'), 'identity-based'),
      requestParameters: { roleName: 'audit-readonly' },
    }),
  },
  {
    id: 'console-user-no-mfa-terminate', kind: 'denial', count: 2, recipient: PROD_ACCOUNT, region: 'us-east-1', actor: 'prod-ops-user',
    expected: { category: 'authorization', denyKind: 'explicit', policyType: 'identity-based', hints: ['mfa-absent', 'console-session', 'encoded-message'] },
    build: (rng, c) => {
      const instance = `i-0${hex(rng, 16)}`;
      const enhanced = explicitDeny(refusal(c, 'ec2:TerminateInstances', `arn:aws:ec2:${c.region}:${c.recipient}:instance/${instance}`), 'identity-based', MFA_POLICY);
      return {
        eventSource: 'ec2.amazonaws.com', eventName: 'TerminateInstances', readOnly: false, errorCode: 'Client.UnauthorizedOperation',
        errorMessage: ec2Denied(enhanced, encodedAuthorizationMessage(rng, 420)),
        requestParameters: { instancesSet: { items: [{ instanceId: instance }] } },
      };
    },
  },
  {
    id: 'contractor-authorization-id', kind: 'denial', count: 1, recipient: DEV_ACCOUNT, region: 'us-east-1', actor: 'dev-contractor',
    expected: { category: 'authorization', denyKind: 'explicit', policyType: 'identity-based', hints: ['authorization-id'] },
    build: (rng, c) => ({
      eventSource: 'iam.amazonaws.com', eventName: 'ListAccessKeys', readOnly: true, errorCode: 'AccessDenied',
      errorMessage: withAuthorizationId(explicitDeny(refusal(c, 'iam:ListAccessKeys', `arn:aws:iam::${c.recipient}:user/ci-legacy`), 'identity-based'), c.region, uuid(rng)),
      requestParameters: { userName: 'ci-legacy' },
    }),
  },
  {
    id: 'bucket-policy-protects-audit-logs', kind: 'denial', count: 2, recipient: PROD_ACCOUNT, region: 'us-east-1', actor: 'prod-etl',
    expected: { category: 'authorization', denyKind: 'explicit', policyType: 'resource-based' },
    build: (rng, c) => {
      const key = `AWSLogs/${c.recipient}/elasticloadbalancing/${c.region}/2026/11/${rng.int(16, 22)}/lb-${hex(rng, 8)}.log.gz`;
      const resource = `arn:aws:s3:::${BUCKETS.audit}/${key}`;
      return {
        eventSource: 's3.amazonaws.com', eventName: 'DeleteObject', readOnly: false, eventCategory: 'Data', errorCode: 'AccessDenied',
        errorMessage: explicitDeny(refusal(c, 's3:DeleteObject', resource, true), 'resource-based'),
        requestParameters: { bucketName: BUCKETS.audit, Host: s3Host(BUCKETS.audit, c.region), key },
        additionalEventData: s3Extra(rng, 0, 0), resources: s3ObjectResources(c.recipient, BUCKETS.audit, key), host: s3Host(BUCKETS.audit, c.region),
      };
    },
  },
  {
    id: 'cross-account-bucket-no-grant', kind: 'denial', count: 4, recipient: PROD_ACCOUNT, region: 'eu-west-1', actor: 'dev-analytics-etl',
    expected: { category: 'authorization', denyKind: 'implicit', policyType: 'resource-based', hints: ['cross-account'] },
    build: (rng, c) => {
      const key = `curated/orders/2026/11/${rng.int(10, 22)}/part-${hex(rng, 5)}.parquet`;
      return {
        eventSource: 's3.amazonaws.com', eventName: 'GetObject', readOnly: true, eventCategory: 'Data', errorCode: 'AccessDenied',
        errorMessage: implicitDeny(refusal(c, 's3:GetObject', `arn:aws:s3:::${BUCKETS.datasets}/${key}`, true), 'resource-based'),
        requestParameters: { bucketName: BUCKETS.datasets, Host: s3Host(BUCKETS.datasets, c.region), key },
        additionalEventData: s3Extra(rng, 0, 0), resources: s3ObjectResources(c.recipient, BUCKETS.datasets, key), host: s3Host(BUCKETS.datasets, c.region),
      };
    },
  },
  {
    id: 'cross-account-sns-publish', kind: 'denial', count: 1, recipient: PROD_ACCOUNT, region: 'us-east-1', actor: 'dev-terraform',
    expected: { category: 'authorization', denyKind: 'implicit', policyType: 'resource-based', hints: ['cross-account'] },
    build: (_rng, c) => ({
      eventSource: 'sns.amazonaws.com', eventName: 'Publish', readOnly: false, errorCode: 'AuthorizationError',
      errorMessage: implicitDeny(refusal(c, 'SNS:Publish', `arn:aws:sns:${c.region}:${c.recipient}:ops-alerts`), 'resource-based'),
      requestParameters: { topicArn: `arn:aws:sns:${c.region}:${c.recipient}:ops-alerts`, subject: 'terraform apply finished', messageStructure: 'raw' },
    }),
  },
  {
    id: 'boundary-blocks-create-role', kind: 'denial', count: 2, recipient: DEV_ACCOUNT, region: 'us-east-1', actor: 'dev-contractor',
    expected: { category: 'authorization', denyKind: 'explicit', policyType: 'permissions-boundary' },
    build: (rng, c) => {
      const role = rng.pick(['tmp-admin', 'debug-full-access']);
      return {
        eventSource: 'iam.amazonaws.com', eventName: 'CreateRole', readOnly: false, errorCode: 'AccessDenied',
        errorMessage: explicitDeny(refusal(c, 'iam:CreateRole', `arn:aws:iam::${c.recipient}:role/${role}`), 'permissions-boundary', DEV_BOUNDARY),
        requestParameters: { roleName: role, assumeRolePolicyDocument: `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::${c.recipient}:user/contractor-bob"},"Action":"sts:AssumeRole"}]}` },
      };
    },
  },
  {
    id: 'boundary-lacks-sqs', kind: 'denial', count: 1, recipient: DEV_ACCOUNT, region: 'eu-west-1', actor: 'dev-sso-developer',
    expected: { category: 'authorization', denyKind: 'implicit', policyType: 'permissions-boundary' },
    build: (_rng, c) => ({
      eventSource: 'sqs.amazonaws.com', eventName: 'CreateQueue', readOnly: false, errorCode: 'AccessDenied',
      errorMessage: implicitDeny(refusal(c, 'sqs:CreateQueue', `arn:aws:sqs:${c.region}:${c.recipient}:feature-flags-events`), 'permissions-boundary'),
      requestParameters: { queueName: 'feature-flags-events', attribute: { VisibilityTimeout: '60' } },
    }),
  },
  {
    id: 'trail-tags-scp', kind: 'denial', count: 1, recipient: DEV_ACCOUNT, region: 'us-east-1', actor: 'dev-sso-developer', // the audit SCP refuses tags too
    expected: { category: 'authorization', denyKind: 'explicit', policyType: 'service-control-policy', hints: ['console-session'] },
    build: (_rng, c) => ({
      eventSource: 'cloudtrail.amazonaws.com', eventName: 'AddTags', readOnly: false, errorCode: 'AccessDenied',
      errorMessage: explicitDeny(refusal(c, 'cloudtrail:AddTags', `arn:aws:cloudtrail:${c.region}:${c.recipient}:trail/local-debug`), 'service-control-policy', SCP_PROTECT_AUDIT),
      requestParameters: { resourceId: `arn:aws:cloudtrail:${c.region}:${c.recipient}:trail/local-debug`, tagsList: [{ key: 'owner', value: 'platform' }] },
    }),
  },
  {
    id: 'developer-run-instances-scp', kind: 'denial', count: 1, recipient: DEV_ACCOUNT, region: 'us-west-2', actor: 'dev-sso-developer',
    expected: { category: 'authorization', denyKind: 'explicit', policyType: 'service-control-policy', hints: ['encoded-message', 'console-session'] },
    build: (rng, c) => ({
      eventSource: 'ec2.amazonaws.com', eventName: 'RunInstances', readOnly: false, errorCode: 'Client.UnauthorizedOperation',
      errorMessage: ec2Denied(explicitDeny(refusal(c, 'ec2:RunInstances', `arn:aws:ec2:${c.region}:${c.recipient}:instance/*`), 'service-control-policy', SCP_REGION_GUARD), encodedAuthorizationMessage(rng, 380)),
      requestParameters: { instancesSet: { items: [{ imageId: `ami-0${hex(rng, 16)}`, minCount: 1, maxCount: 1 }] }, instanceType: 'c7i.4xlarge', blockDeviceMapping: {}, monitoring: { enabled: false }, disableApiTermination: false, disableApiStop: false, clientToken: uuid(rng) },
    }),
  },
  {
    id: 'bedrock-not-allowed-scp', kind: 'denial', count: 2, recipient: DEV_ACCOUNT, region: 'us-east-1', actor: 'dev-analytics-etl',
    expected: { category: 'authorization', denyKind: 'implicit', policyType: 'service-control-policy' },
    build: (_rng, c) => ({
      eventSource: 'bedrock.amazonaws.com', eventName: 'InvokeModel', readOnly: true, errorCode: 'AccessDeniedException',
      errorMessage: implicitDeny(refusal(c, 'bedrock:InvokeModel', `arn:aws:bedrock:${c.region}::foundation-model/anthropic.claude-3-5-haiku-20241022-v1:0`), 'service-control-policy'),
      requestParameters: { modelId: 'anthropic.claude-3-5-haiku-20241022-v1:0' },
    }),
  },
  {
    id: 'rcp-blocks-outside-principal', kind: 'denial', count: 1, recipient: PROD_ACCOUNT, region: 'us-east-1', actor: 'prod-federated',
    expected: { category: 'authorization', denyKind: 'explicit', policyType: 'resource-control-policy', hints: ['federated'] },
    build: (rng, c) => {
      const key = `exports/customers-${hex(rng, 6)}.csv.gz`;
      return {
        eventSource: 's3.amazonaws.com', eventName: 'GetObject', readOnly: true, eventCategory: 'Data', errorCode: 'AccessDenied',
        errorMessage: explicitDeny(refusal(c, 's3:GetObject', `arn:aws:s3:::${BUCKETS.datasets}/${key}`, true), 'resource-control-policy', RCP_DATA_PERIMETER),
        requestParameters: { bucketName: BUCKETS.datasets, Host: s3Host(BUCKETS.datasets, c.region), key },
        additionalEventData: s3Extra(rng, 0, 0), resources: s3ObjectResources(c.recipient, BUCKETS.datasets, key), host: s3Host(BUCKETS.datasets, c.region),
      };
    },
  },
  {
    id: 'rcp-secret-explicit', kind: 'denial', count: 1, recipient: PROD_ACCOUNT, region: 'eu-west-1', actor: 'dev-analytics-etl',
    expected: { category: 'authorization', denyKind: 'explicit', policyType: 'resource-control-policy', hints: ['cross-account'] },
    build: (rng, c) => ({
      eventSource: 'secretsmanager.amazonaws.com', eventName: 'DescribeSecret', readOnly: true, errorCode: 'AccessDeniedException',
      errorMessage: explicitDeny(refusal(c, 'secretsmanager:DescribeSecret', `arn:aws:secretsmanager:${c.region}:${c.recipient}:secret:prod/orders/db-${rng.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', 6)}`), 'resource-control-policy'),
      requestParameters: { secretId: `arn:aws:secretsmanager:${c.region}:${c.recipient}:secret:prod/orders/db` },
    }),
  },
  {
    id: 'rcp-secret-implicit', kind: 'denial', count: 1, recipient: PROD_ACCOUNT, region: 'us-east-1', actor: 'prod-etl',
    expected: { category: 'authorization', denyKind: 'implicit', policyType: 'resource-control-policy' },
    build: (_rng, c) => ({
      eventSource: 'secretsmanager.amazonaws.com', eventName: 'DescribeSecret', readOnly: true, errorCode: 'AccessDeniedException',
      errorMessage: implicitDeny(refusal(c, 'secretsmanager:DescribeSecret', `arn:aws:secretsmanager:${c.region}:${c.recipient}:secret:shared/partner-api-key-Qm3xRt`), 'resource-control-policy'),
      requestParameters: { secretId: 'shared/partner-api-key' },
    }),
  },
];
