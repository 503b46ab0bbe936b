// Denials decided by the request's context: session policies, VPC endpoints, role trust policies and
// S3 Block Public Access.
import { blockPublicAccess, ec2Denied, explicitDeny, implicitDeny, notAuthorized, VPCE_NETWORK_DENIED } from './denial-messages.js';
import { hex, ipInRange, uuid } from './ids.js';
import type { Prng } from './prng.js';
import type { CallContext, CallSpec } from './record-builder.js';
import type { Scenario } from './scenario-types.js';
import { refusal } from './scenarios-policy.js';
import { s3Extra, s3ObjectResources } from './success-calls.js';
import { BUCKETS, DEV_ACCOUNT, PROD_ACCOUNT, VPC_ENDPOINTS } from './world.js';

function s3Data(rng: Prng, c: CallContext, bucket: string, key: string, name: string, errorMessage: string, readOnly: boolean): CallSpec {
  const host = `${bucket}.s3.${c.region}.amazonaws.com`;
  return {
    eventSource: 's3.amazonaws.com', eventName: name, readOnly, eventCategory: 'Data', errorCode: 'AccessDenied', errorMessage,
    requestParameters: { bucketName: bucket, Host: host, key }, additionalEventData: s3Extra(rng, 0, 0),
    resources: s3ObjectResources(c.recipient, bucket, key), host,
  };
}

function throughEndpoint(spec: CallSpec, rng: Prng, endpoint: string, owner: string, privatePrefix: string): CallSpec {
  return { ...spec, vpcEndpointId: endpoint, vpcEndpointAccountId: owner, sourceIPAddress: ipInRange(rng, privatePrefix) };
}

function assumeRole(c: CallContext, rng: Prng, role: string, errorMessage: string): CallSpec {
  return {
    eventSource: 'sts.amazonaws.com', eventName: 'AssumeRole', readOnly: true, errorCode: 'AccessDenied', errorMessage,
    requestParameters: { roleArn: `arn:aws:iam::${PROD_ACCOUNT}:role/${role}`, roleSessionName: `${c.actor.name.split('@')[0]}-${hex(rng, 6)}`, durationSeconds: 3600 },
  };
}

export const CONTEXT_SCENARIOS: readonly Scenario[] = [
  {
    id: 'federated-session-policy-deny', kind: 'denial', count: 1, recipient: PROD_ACCOUNT, region: 'us-east-1', actor: 'prod-federated',
    expected: { category: 'authorization', denyKind: 'explicit', policyType: 'session-policy', hints: ['federated'] },
    build: (rng, c) => {
      const key = `reports/weekly/${hex(rng, 8)}.pdf`;
      return s3Data(rng, c, BUCKETS.artifacts, key, 'PutObject', explicitDeny(refusal(c, 's3:PutObject', `arn:aws:s3:::${BUCKETS.artifacts}/${key}`, true), 'session-policy'), false);
    },
  },
  {
    id: 'ci-inline-session-policy', kind: 'denial', count: 1, recipient: PROD_ACCOUNT, region: 'us-east-1', actor: 'prod-ci',
    expected: { category: 'authorization', denyKind: 'implicit', policyType: 'session-policy' },
    build: (_rng, c) => ({
      eventSource: 'ec2.amazonaws.com', eventName: 'DescribeInstances', readOnly: true, errorCode: 'Client.UnauthorizedOperation',
      errorMessage: ec2Denied(implicitDeny(refusal(c, 'ec2:DescribeInstances'), 'session-policy'), null),
      requestParameters: { instancesSet: {}, filterSet: { items: [{ name: 'tag:app', valueSet: { items: [{ value: 'payments-api' }] } }] } },
    }),
  },
  {
    id: 'terraform-sessions-policy-typo', kind: 'denial', count: 1, recipient: DEV_ACCOUNT, region: 'us-east-1', actor: 'dev-terraform',
    expected: { category: 'authorization', denyKind: 'explicit', policyType: 'session-policy' },
    build: (rng, c) => ({
      eventSource: 'dynamodb.amazonaws.com', eventName: 'PutItem', readOnly: false, errorCode: 'AccessDeniedException',
      errorMessage: `${notAuthorized(refusal(c, 'dynamodb:PutItem', `arn:aws:dynamodb:${c.region}:${c.recipient}:table/terraform-locks`))} with an explicit deny in a sessions policy`,
      requestParameters: { tableName: 'terraform-locks', key: { LockID: `acme-dev-tfstate/network/terraform.tfstate-${hex(rng, 4)}` } },
    }),
  },
  {
    id: 'vpce-explicit-partner-put', kind: 'denial', count: 1, recipient: PROD_ACCOUNT, region: 'eu-west-1', actor: 'prod-etl',
    expected: { category: 'authorization', denyKind: 'explicit', policyType: 'vpc-endpoint-policy', hints: ['vpc-endpoint'] },
    build: (rng, c) => {
      const key = `outbound/${hex(rng, 10)}.csv`;
      const spec = s3Data(rng, c, BUCKETS.partner, key, 'PutObject', explicitDeny(refusal(c, 's3:PutObject', `arn:aws:s3:::${BUCKETS.partner}/${key}`, true), 'vpc-endpoint-policy'), false);
      return throughEndpoint(spec, rng, VPC_ENDPOINTS.prodS3Eu, PROD_ACCOUNT, '10.20');
    },
  },
  {
    id: 'vpce-implicit-partner-put', kind: 'denial', count: 3, recipient: PROD_ACCOUNT, region: 'eu-west-1', actor: 'prod-etl', days: [1, 2],
    expected: { category: 'authorization', denyKind: 'implicit', policyType: 'vpc-endpoint-policy', hints: ['vpc-endpoint'] },
    build: (rng, c) => {
      const key = `inbound/acme/${hex(rng, 10)}.json`;
      const spec = s3Data(rng, c, BUCKETS.partner, key, 'PutObject', implicitDeny(refusal(c, 's3:PutObject', `arn:aws:s3:::${BUCKETS.partner}/${key}`, true), 'vpc-endpoint-policy'), false);
      return throughEndpoint(spec, rng, VPC_ENDPOINTS.prodS3Eu, PROD_ACCOUNT, '10.20');
    },
  },
  {
    id: 'vpce-transitive-scp', kind: 'denial', count: 1, recipient: DEV_ACCOUNT, region: 'us-east-1', actor: 'dev-analytics-etl',
    expected: { category: 'authorization', denyKind: 'explicit', policyType: 'vpc-endpoint-policy', hints: ['vpc-endpoint'] },
    build: (rng, c) => {
      const key = `weekly/${hex(rng, 8)}.parquet`;
      const message = `${notAuthorized(refusal(c, 's3:GetObject', `arn:aws:s3:::${BUCKETS.devReports}/${key}`, true))} with an explicit deny in a VPC endpoint policy transitively through a service control policy`;
      return throughEndpoint(s3Data(rng, c, BUCKETS.devReports, key, 'GetObject', message, true), rng, VPC_ENDPOINTS.devS3Us, DEV_ACCOUNT, '10.40');
    },
  },
  {
    id: 'vpce-network-activity', kind: 'denial', count: 2, recipient: PROD_ACCOUNT, region: 'eu-west-1', actor: 'prod-etl',
    expected: { category: 'authorization', denyKind: 'unspecified', policyType: 'vpc-endpoint-policy', hints: ['vpc-endpoint'] },
    build: (rng) => ({
      eventSource: 'secretsmanager.amazonaws.com', eventName: 'DescribeSecret', readOnly: true, eventType: 'AwsVpceEvent', eventCategory: 'NetworkActivity',
      errorCode: 'VpceAccessDenied', errorMessage: VPCE_NETWORK_DENIED, eventVersion: '1.10',
      vpcEndpointId: 'vpce-0f2e4d6c8a1b3957d', vpcEndpointAccountId: PROD_ACCOUNT, sourceIPAddress: ipInRange(rng, '10.20'),
    }),
  },
  {
    id: 'trust-policy-explicit-break-glass', kind: 'denial', count: 1, recipient: PROD_ACCOUNT, region: 'us-east-1', actor: 'dev-terraform',
    expected: { category: 'authorization', denyKind: 'explicit', policyType: 'role-trust-policy', hints: ['cross-account'] },
    build: (rng, c) => assumeRole(c, rng, 'break-glass-admin', explicitDeny(refusal(c, 'sts:AssumeRole', `arn:aws:iam::${PROD_ACCOUNT}:role/break-glass-admin`), 'role-trust-policy')),
  },
  {
    id: 'trust-policy-implicit', kind: 'denial', count: 1, recipient: PROD_ACCOUNT, region: 'us-east-1', actor: 'dev-sso-developer',
    expected: { category: 'authorization', denyKind: 'implicit', policyType: 'role-trust-policy', hints: ['cross-account'] },
    build: (rng, c) => assumeRole(c, rng, 'payments-readonly', implicitDeny(refusal(c, 'sts:AssumeRole', `arn:aws:iam::${PROD_ACCOUNT}:role/payments-readonly`), 'role-trust-policy')),
  },
  {
    id: 'assume-role-no-reason', kind: 'denial', count: 3, recipient: PROD_ACCOUNT, region: 'us-east-1', actor: 'dev-contractor', days: [5, 5],
    expected: { category: 'authorization', denyKind: 'unspecified', policyType: 'unspecified', hints: ['cross-account'] },
    build: (rng, c) => assumeRole(c, rng, 'OrganizationAccountAccessRole', notAuthorized(refusal(c, 'sts:AssumeRole', `arn:aws:iam::${PROD_ACCOUNT}:role/OrganizationAccountAccessRole`))),
  },
  {
    id: 'web-identity-not-trusted', kind: 'denial', count: 1, recipient: PROD_ACCOUNT, region: 'us-east-1', actor: 'prod-github-oidc',
    expected: { category: 'authorization', denyKind: 'unspecified', policyType: 'unspecified', hints: ['federated'] },
    build: (rng) => ({
      eventSource: 'sts.amazonaws.com', eventName: 'AssumeRoleWithWebIdentity', readOnly: true, errorCode: 'AccessDenied',
      errorMessage: 'Not authorized to perform sts:AssumeRoleWithWebIdentity',
      requestParameters: { roleArn: `arn:aws:iam::${PROD_ACCOUNT}:role/github-actions-deploy`, roleSessionName: `GitHubActions-${rng.int(100000, 999999)}`, durationSeconds: 3600 },
    }),
  },
  {
    id: 'bpa-public-acl', kind: 'denial', count: 1, recipient: PROD_ACCOUNT, region: 'us-east-1', actor: 'prod-sso-admin',
    expected: { category: 'authorization', denyKind: 'explicit', policyType: 's3-block-public-access', hints: ['console-session'] },
    build: (rng, c) => {
      const key = `assets/img/hero-${hex(rng, 6)}.webp`;
      return { ...s3Data(rng, c, BUCKETS.web, key, 'PutObjectAcl', blockPublicAccess(refusal(c, 's3:PutObjectAcl', `arn:aws:s3:::${BUCKETS.web}/${key}`), 'BlockPublicAcls'), false), requestParameters: { bucketName: BUCKETS.web, Host: `${BUCKETS.web}.s3.${c.region}.amazonaws.com`, key, acl: '', 'x-amz-acl': 'public-read' } };
    },
  },
  {
    id: 'glue-job-log-retention', kind: 'denial', count: 1, recipient: DEV_ACCOUNT, region: 'eu-west-1', actor: 'dev-analytics-etl',
    expected: { category: 'authorization', denyKind: 'implicit', policyType: 'identity-based' },
    build: (rng, c) => ({
      eventSource: 'logs.amazonaws.com', eventName: 'PutRetentionPolicy', readOnly: false, errorCode: 'AccessDeniedException',
      errorMessage: implicitDeny(refusal(c, 'logs:PutRetentionPolicy', `arn:aws:logs:${c.region}:${c.recipient}:log-group:/aws-glue/jobs/output:*`), 'identity-based'),
      requestParameters: { logGroupName: '/aws-glue/jobs/output', retentionInDays: 30 },
      additionalEventData: { requestToken: uuid(rng) },
    }),
  },
];
