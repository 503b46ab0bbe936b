// The service names SDK error wrappers print (Go v2 "operation error S3: …", Java v1 "(Service: Amazon
// S3; …)", Java v2 "(Service: Iam, …)") → IAM prefix. Names are compared lower-cased without spaces,
// punctuation or a leading "amazon"/"aws"; a name no row lists is its own prefix when it is one word
// (Lambda, KMS, Glue), and actionVerified says whether that guess names a real action.
import type { SourceId } from './table-sources.js';

export interface SdkServiceRow {
  name: string; // normalised (see sdkKey)
  prefix: string;
  ref: SourceId;
}

// prettier-ignore
export const SDK_SERVICES: readonly SdkServiceRow[] = [
  { name: 'identitymanagement', prefix: 'iam', ref: 'iamDatasetSdk' }, // AmazonIdentityManagement (Java v1)
  { name: 'securitytokenservice', prefix: 'sts', ref: 'iamDatasetSdk' }, // AWSSecurityTokenService
  { name: 'simplesystemsmanagement', prefix: 'ssm', ref: 'iamDatasetSdk' },
  { name: 'dynamodbv2', prefix: 'dynamodb', ref: 'iamDatasetSdk' },
  { name: 'cloudwatchlogs', prefix: 'logs', ref: 'iamDatasetSdk' },
  { name: 'eventbridge', prefix: 'events', ref: 'iamDatasetSdk' },
  { name: 'cloudwatchevents', prefix: 'events', ref: 'iamDatasetSdk' },
  { name: 'sfn', prefix: 'states', ref: 'iamDatasetSdk' },
  { name: 'stepfunctions', prefix: 'states', ref: 'iamDatasetSdk' },
  { name: 'elasticloadbalancingv2', prefix: 'elasticloadbalancing', ref: 'iamDatasetSdk' },
  { name: 'cognitoidentityprovider', prefix: 'cognito-idp', ref: 'iamDatasetSdk' },
  { name: 'cognitoidentity', prefix: 'cognito-identity', ref: 'iamDatasetSdk' },
  { name: 'apigatewayv2', prefix: 'apigateway', ref: 'iamDatasetSdk' },
  { name: 'sesv2', prefix: 'ses', ref: 'iamDatasetSdk' },
  { name: 'simpleemailservice', prefix: 'ses', ref: 'iamDatasetSdk' },
  { name: 's3control', prefix: 's3', ref: 'iamDatasetSdk' },
  { name: 'resourcegroupstaggingapi', prefix: 'tag', ref: 'iamDatasetSdk' },
  { name: 'secretsmanager', prefix: 'secretsmanager', ref: 'iamDatasetSdk' },
  { name: 'route53', prefix: 'route53', ref: 'iamDatasetSdk' },
  { name: 'autoscaling', prefix: 'autoscaling', ref: 'iamDatasetSdk' },
  { name: 'pinpoint', prefix: 'mobiletargeting', ref: 'iamDatasetSdk' },
  { name: 'lambda', prefix: 'lambda', ref: 'iamDatasetSdk' }, // AWSLambda
  { name: 'kms', prefix: 'kms', ref: 'iamDatasetSdk' }, // AWSKMS
  { name: 'logs', prefix: 'logs', ref: 'iamDatasetSdk' }, // AWSLogs
  { name: 'bedrockruntime', prefix: 'bedrock', ref: 'iamDatasetSdk' },
  { name: 'sagemakerruntime', prefix: 'sagemaker', ref: 'iamDatasetSdk' },
  { name: 'mq', prefix: 'mq', ref: 'iamDatasetSdk' },
  { name: 'opensearch', prefix: 'es', ref: 'iamDatasetSdk' },
  { name: 'elasticsearchservice', prefix: 'es', ref: 'iamDatasetSdk' },
  { name: 'rdsdataservice', prefix: 'rds-data', ref: 'iamDatasetSdk' },
  { name: 'rdsdata', prefix: 'rds-data', ref: 'iamDatasetSdk' },
];

const BY_NAME: ReadonlyMap<string, string> = new Map(SDK_SERVICES.map((r) => [r.name, r.prefix]));

/** 'Amazon S3' → 's3'; 'AmazonIdentityManagement' → 'identitymanagement'; 'Secrets Manager' → 'secretsmanager'. */
export function sdkKey(name: string): string {
  const flat = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  const bare = flat.replace(/^(?:amazon|aws)/, '');
  return bare === '' ? flat : bare;
}

export function prefixOfSdkService(name: string): string | null {
  const key = sdkKey(name);
  if (key === '') return null;
  const listed = BY_NAME.get(key);
  if (listed !== undefined) return listed;
  // unlisted: the name itself, hyphens kept ('cognito-idp'), spaces and a leading Amazon/AWS dropped
  const own = name
    .trim()
    .toLowerCase()
    .replace(/^(?:amazon|aws)[\s-]*/, '')
    .replace(/\s+/g, '');
  return /^[a-z0-9-]+$/.test(own) ? own : key;
}
