// The policy layers of AWS's evaluation, as the engine names them and as this project does, and
// which services each layer applies to. Facts from AWS's documentation, cited per table; each row
// has an example in test/evaluate/layers.test.ts.
import type { PolicyLayer } from '../types.js';

/** How the layer is named in sentences, and in the short form guidance uses. */
export const LAYER_LABELS: Record<PolicyLayer, { name: string; short: string; plural: string }> = {
  'identity-based': { name: 'identity-based policy', short: 'policy', plural: 'identity-based policies' },
  'resource-based': { name: 'resource-based policy', short: 'resource policy', plural: 'resource-based policies' },
  'permissions-boundary': { name: 'permissions boundary', short: 'permissions boundary', plural: 'permissions boundaries' },
  'service-control-policy': { name: 'service control policy', short: 'SCP', plural: 'SCPs' },
  'resource-control-policy': { name: 'resource control policy', short: 'RCP', plural: 'RCPs' },
  'session-policy': { name: 'session policy', short: 'session policy', plural: 'session policies' },
  'vpc-endpoint-policy': { name: 'VPC endpoint policy', short: 'VPC endpoint policy', plural: 'VPC endpoint policies' },
  'role-trust-policy': { name: 'role trust policy', short: 'trust policy', plural: 'role trust policies' },
  's3-block-public-access': { name: 'S3 Block Public Access setting', short: 'S3 Block Public Access', plural: 'S3 Block Public Access settings' },
};

/** The order AWS's evaluation logic walks them in (IAM User Guide, "Policy evaluation logic"): the order causes list them in. */
export const LAYER_ORDER: readonly PolicyLayer[] = [
  'service-control-policy',
  'resource-control-policy',
  'vpc-endpoint-policy',
  'resource-based',
  'role-trust-policy',
  'identity-based',
  'permissions-boundary',
  'session-policy',
  's3-block-public-access',
];

export const byLayerOrder = (a: PolicyLayer, b: PolicyLayer): number => LAYER_ORDER.indexOf(a) - LAYER_ORDER.indexOf(b);

/**
 * Services whose resources carry resource-based policies that this project reads from an iam-collect
 * store, and whether the policy must grant access even within the account. Source: IAM User Guide,
 * "AWS services that work with IAM" (column "Resource-based policies"); KMS: "Key policies in AWS KMS"
 * ("Every KMS key must have exactly one key policy … no principal has any permissions on the key
 * unless the key policy allows it"); IAM roles' trust policies: "Roles terms and concepts".
 */
export const RESOURCE_POLICY_SERVICES: Record<string, { required: boolean; example: string }> = {
  s3: { required: false, example: 'arn:aws:s3:::bucket/key' },
  kms: { required: true, example: 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab' },
  sqs: { required: false, example: 'arn:aws:sqs:us-east-1:111122223333:queue' },
  sns: { required: false, example: 'arn:aws:sns:us-east-1:111122223333:topic' },
  secretsmanager: { required: false, example: 'arn:aws:secretsmanager:us-east-1:111122223333:secret:name-AbCdEf' },
  lambda: { required: false, example: 'arn:aws:lambda:us-east-1:111122223333:function:name' },
  ecr: { required: false, example: 'arn:aws:ecr:us-east-1:111122223333:repository/name' },
  dynamodb: { required: false, example: 'arn:aws:dynamodb:us-east-1:111122223333:table/name' },
  events: { required: false, example: 'arn:aws:events:us-east-1:111122223333:event-bus/default' },
  glacier: { required: false, example: 'arn:aws:glacier:us-east-1:111122223333:vaults/name' },
  backup: { required: false, example: 'arn:aws:backup:us-east-1:111122223333:backup-vault:name' },
  elasticfilesystem: { required: false, example: 'arn:aws:elasticfilesystem:us-east-1:111122223333:file-system/fs-1' },
  kinesis: { required: false, example: 'arn:aws:kinesis:us-east-1:111122223333:stream/name' },
};

/**
 * Services RCPs apply to. Source: AWS Organizations User Guide, "Resource control policies (RCPs)",
 * list of supported services (at launch Amazon S3, AWS STS, AWS KMS, Amazon SQS and AWS Secrets
 * Manager; since then Amazon ECR, Amazon OpenSearch Serverless, Amazon Cognito user pools and
 * Amazon DynamoDB). RCPs do not apply to AWS managed KMS keys (AWS KMS Developer Guide,
 * "Resource control policies in AWS KMS").
 */
export const RCP_SERVICES: readonly string[] = ['s3', 'sts', 'kms', 'sqs', 'secretsmanager', 'ecr', 'aoss', 'cognito-idp', 'dynamodb'];

/** The actions whose resource policy is the role's trust policy (IAM User Guide, "Roles terms and concepts"). */
export const TRUST_ACTIONS: readonly string[] = [
  'sts:assumerole',
  'sts:assumerolewithsaml',
  'sts:assumerolewithwebidentity',
  'sts:tagsession',
  'sts:setsourceidentity',
];
