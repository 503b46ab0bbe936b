// Successful calls by family: the background traffic every denial hides in. Each template returns a
// CallSpec with plausible request and response bodies for the service.
import { alnum, hex, instanceId, s3HostId, uuid } from './ids.js';
import type { JsonObject } from './json.js';
import type { Prng } from './prng.js';
import type { CallContext, CallSpec } from './record-builder.js';
import { BUCKETS, DEV_ACCOUNT, HOME_REGION, KMS_KEYS } from './world.js';

export interface CallTemplate {
  /** Global services log only in the home region. */
  global?: boolean;
  build(rng: Prng, context: CallContext): CallSpec;
}

export function s3ObjectResources(account: string, bucket: string, key: string): JsonObject[] {
  return [
    { type: 'AWS::S3::Object', ARN: `arn:aws:s3:::${bucket}/${key}` },
    { accountId: account, type: 'AWS::S3::Bucket', ARN: `arn:aws:s3:::${bucket}` },
  ];
}

export function s3Extra(rng: Prng, bytesIn: number, bytesOut: number): JsonObject {
  return { SignatureVersion: 'SigV4', CipherSuite: 'TLS_AES_128_GCM_SHA256', bytesTransferredIn: bytesIn, AuthenticationMethod: 'AuthHeader', 'x-amz-id-2': s3HostId(rng), bytesTransferredOut: bytesOut };
}

function s3Object(bucket: (c: CallContext) => string, name: 'GetObject' | 'PutObject', keys: readonly string[]): CallTemplate {
  return {
    build(rng, c) {
      const b = bucket(c);
      const key = `${rng.pick(keys)}/${rng.int(2024, 2026)}/${hex(rng, 8)}.${rng.pick(['json', 'parquet', 'csv.gz'])}`;
      const size = rng.int(400, 900_000);
      return {
        eventSource: 's3.amazonaws.com', eventName: name, readOnly: name === 'GetObject', eventCategory: 'Data',
        requestParameters: { bucketName: b, Host: `${b}.s3.${c.region}.amazonaws.com`, key },
        responseElements: name === 'PutObject' ? { 'x-amz-server-side-encryption': 'aws:kms', 'x-amz-server-side-encryption-aws-kms-key-id': KMS_KEYS.datasetsUs } : null,
        additionalEventData: s3Extra(rng, name === 'PutObject' ? size : 0, name === 'GetObject' ? size : 0),
        resources: s3ObjectResources(c.recipient, b, key), host: `${b}.s3.${c.region}.amazonaws.com`,
      };
    },
  };
}

function simple(eventSource: string, eventName: string, readOnly: boolean, request: (rng: Prng, c: CallContext) => JsonObject | null = () => null, global = false): CallTemplate {
  return { global, build: (rng, c) => ({ eventSource, eventName, readOnly, requestParameters: request(rng, c) }) };
}

const STACKS = ['payments-api', 'orders-worker', 'static-site', 'shared-network'];
const FUNCTIONS = ['orders-processor', 'invoice-renderer', 'thumbnailer', 'audit-forwarder'];

export const SUCCESS_CALLS: Readonly<Record<string, readonly CallTemplate[]>> = {
  cloudformation: [
    simple('cloudformation.amazonaws.com', 'DescribeStacks', true, (rng) => ({ stackName: rng.pick(STACKS) })),
    simple('cloudformation.amazonaws.com', 'DescribeStackEvents', true, (rng) => ({ stackName: rng.pick(STACKS) })),
    { build: (rng, c) => ({ eventSource: 'cloudformation.amazonaws.com', eventName: 'CreateChangeSet', readOnly: false, requestParameters: { stackName: rng.pick(STACKS), changeSetName: `deploy-${hex(rng, 7)}`, changeSetType: 'UPDATE', capabilities: ['CAPABILITY_IAM'] }, responseElements: { id: `arn:aws:cloudformation:${c.region}:${c.recipient}:changeSet/deploy-${hex(rng, 7)}/${uuid(rng)}` } }) },
  ],
  's3-artifacts': [s3Object(() => BUCKETS.artifacts, 'PutObject', ['builds/payments-api', 'builds/orders-worker'])],
  ecr: [simple('ecr.amazonaws.com', 'GetAuthorizationToken', true)],
  'sts-identity': [simple('sts.amazonaws.com', 'GetCallerIdentity', true)],
  'lambda-admin': [
    simple('lambda.amazonaws.com', 'GetFunction20150331v2', true, (rng) => ({ functionName: rng.pick(FUNCTIONS) })),
    simple('lambda.amazonaws.com', 'ListFunctions20150331', true, () => ({ functionVersion: 'ALL' })),
  ],
  'kms-use': [
    { build: (rng, c) => ({ eventSource: 'kms.amazonaws.com', eventName: 'Decrypt', readOnly: true, requestParameters: { encryptionAlgorithm: 'SYMMETRIC_DEFAULT', encryptionContext: { 'aws:lambda:FunctionArn': `arn:aws:lambda:${c.region}:${c.recipient}:function:${rng.pick(FUNCTIONS)}` } }, resources: [{ accountId: c.recipient, type: 'AWS::KMS::Key', ARN: c.recipient === DEV_ACCOUNT ? KMS_KEYS.devEu : KMS_KEYS.ordersEu }] }) },
    { build: (_rng, c) => ({ eventSource: 'kms.amazonaws.com', eventName: 'GenerateDataKey', readOnly: true, requestParameters: { keyId: c.recipient === DEV_ACCOUNT ? KMS_KEYS.devEu : KMS_KEYS.datasetsUs, keySpec: 'AES_256' }, resources: [{ accountId: c.recipient, type: 'AWS::KMS::Key', ARN: c.recipient === DEV_ACCOUNT ? KMS_KEYS.devEu : KMS_KEYS.datasetsUs }] }) },
  ],
  dynamodb: [
    simple('dynamodb.amazonaws.com', 'DescribeTable', true, () => ({ tableName: 'orders' })),
    simple('dynamodb.amazonaws.com', 'DescribeContinuousBackups', true, () => ({ tableName: 'orders' })),
  ],
  'sqs-data': [
    { build: (rng, c) => ({ eventSource: 'sqs.amazonaws.com', eventName: 'DeleteMessage', readOnly: false, eventCategory: 'Data', requestParameters: { queueUrl: `https://sqs.${c.region}.amazonaws.com/${c.recipient}/orders-inbound`, receiptHandle: `AQEB${alnum(rng, 40)}` }, resources: [{ accountId: c.recipient, type: 'AWS::SQS::Queue', ARN: `arn:aws:sqs:${c.region}:${c.recipient}:orders-inbound` }] }) },
  ],
  logs: [simple('logs.amazonaws.com', 'CreateLogStream', false, (rng) => ({ logGroupName: `/aws/lambda/${rng.pick(FUNCTIONS)}`, logStreamName: `2026/11/${rng.int(16, 22)}/[$LATEST]${hex(rng, 32)}` }))],
  'logs-read': [simple('logs.amazonaws.com', 'DescribeLogGroups', true, () => ({ limit: 50 }))],
  's3-datasets': [
    s3Object(() => BUCKETS.datasets, 'GetObject', ['curated/orders', 'curated/customers']),
    s3Object(() => BUCKETS.datasets, 'PutObject', ['staging/orders']),
  ],
  glue: [
    simple('glue.amazonaws.com', 'GetTable', true, (rng) => ({ databaseName: 'analytics', name: rng.pick(['orders_curated', 'customers', 'sessions']) })),
    simple('glue.amazonaws.com', 'GetPartitions', true, () => ({ databaseName: 'analytics', tableName: 'orders_curated' })),
  ],
  ssm: [simple('ssm.amazonaws.com', 'GetParameter', true, (rng) => ({ name: rng.pick(['/app/orders/db-host', '/app/etl/batch-size', '/platform/ami/latest']), withDecryption: true }))],
  'ec2-describe': [
    simple('ec2.amazonaws.com', 'DescribeInstances', true, () => ({ instancesSet: {}, filterSet: {} })),
    simple('ec2.amazonaws.com', 'DescribeSecurityGroups', true, () => ({ securityGroupSet: {}, securityGroupIdSet: {}, filterSet: {} })),
    simple('ec2.amazonaws.com', 'DescribeVpcs', true, () => ({ vpcSet: {}, filterSet: {} })),
    simple('ec2.amazonaws.com', 'DescribeInstanceStatus', true, (rng) => ({ instancesSet: { items: [{ instanceId: instanceId(rng) }] }, filterSet: {}, includeAllInstances: false })),
  ],
  'iam-read': [
    simple('iam.amazonaws.com', 'ListRoles', true, () => null, true),
    simple('iam.amazonaws.com', 'GetRole', true, (rng) => ({ roleName: rng.pick(['etl-batch', 'orders-processor-role', 'github-actions-deploy']) }), true),
    simple('iam.amazonaws.com', 'ListAttachedRolePolicies', true, (rng) => ({ roleName: rng.pick(['etl-batch', 'analytics-etl']) }), true),
  ],
  'cloudtrail-read': [simple('cloudtrail.amazonaws.com', 'LookupEvents', true, () => ({ maxResults: 50, lookupAttributes: [{ attributeKey: 'ReadOnly', attributeValue: 'false' }] }))],
  's3-console': [
    simple('s3.amazonaws.com', 'ListBuckets', true, (_rng, c) => ({ Host: `s3.${c.region}.amazonaws.com` })),
    simple('s3.amazonaws.com', 'GetBucketLocation', true, (rng) => ({ bucketName: rng.pick(Object.values(BUCKETS)), location: '' })),
  ],
  cloudwatch: [simple('monitoring.amazonaws.com', 'DescribeAlarms', true, () => ({ maxRecords: 100 }))],
  athena: [
    { build: (rng) => ({ eventSource: 'athena.amazonaws.com', eventName: 'StartQueryExecution', readOnly: false, requestParameters: { queryString: 'SELECT region, count(*) FROM analytics.orders_curated GROUP BY 1', workGroup: 'analysts' }, responseElements: { queryExecutionId: uuid(rng) } }) },
    simple('athena.amazonaws.com', 'GetQueryResults', true, (rng) => ({ queryExecutionId: uuid(rng), maxResults: 1000 })),
  ],
  's3-dev': [s3Object(() => BUCKETS.devReports, 'GetObject', ['weekly', 'adhoc']), s3Object(() => BUCKETS.devScratch, 'PutObject', ['tmp'])],
  'sts-saml': [
    { global: true, build: (rng, c) => ({ eventSource: 'sts.amazonaws.com', eventName: 'AssumeRoleWithSAML', readOnly: true, requestParameters: { roleArn: `arn:aws:iam::${c.recipient}:role/saml-readonly`, principalArn: `arn:aws:iam::${c.recipient}:saml-provider/AcmeOkta`, durationSeconds: 3600 }, responseElements: { credentials: { accessKeyId: `ASIA${alnum(rng, 16).toUpperCase()}`, sessionToken: 'IQoJb3JpZ2luX2VjEXAMPLE', expiration: 'Nov 16, 2026, 11:00:00 PM' }, audience: 'https://signin.aws.amazon.com/saml', issuer: 'http://www.okta.com/exk1a2b3c4d5e6f7g8h9' } }) },
  ],
  'sts-web-identity': [
    { global: true, build: (rng, c) => ({ eventSource: 'sts.amazonaws.com', eventName: 'AssumeRoleWithWebIdentity', readOnly: true, requestParameters: { roleArn: `arn:aws:iam::${c.recipient}:role/github-actions-deploy`, roleSessionName: 'GitHubActions', durationSeconds: 3600 }, responseElements: { subjectFromWebIdentityToken: 'repo:acme/payments-api:ref:refs/heads/main', assumedRoleUser: { assumedRoleId: `AROA${alnum(rng, 17).toUpperCase()}:GitHubActions`, arn: `arn:aws:sts::${c.recipient}:assumed-role/github-actions-deploy/GitHubActions` }, provider: `arn:aws:iam::${c.recipient}:oidc-provider/token.actions.githubusercontent.com`, audience: 'sts.amazonaws.com' } }) },
  ],
  'config-scan': [
    simple('s3.amazonaws.com', 'GetBucketAcl', true, (rng) => ({ bucketName: rng.pick(Object.values(BUCKETS)), acl: '' })),
    simple('ec2.amazonaws.com', 'DescribeNetworkInterfaces', true, () => ({ networkInterfaceIdSet: {}, filterSet: {} })),
    simple('iam.amazonaws.com', 'GetAccountAuthorizationDetails', true, () => ({ filter: ['Role', 'User'] }), true),
  ],
  'kms-service': [
    { build: (_rng, c) => ({ eventSource: 'kms.amazonaws.com', eventName: 'GenerateDataKey', readOnly: true, requestParameters: { keyId: `arn:aws:kms:${HOME_REGION}:${c.recipient}:alias/cloudtrail`, encryptionContext: { 'aws:cloudtrail:arn': `arn:aws:cloudtrail:${HOME_REGION}:999900001111:trail/org-trail` }, keySpec: 'AES_256' } }) },
  ],
};
