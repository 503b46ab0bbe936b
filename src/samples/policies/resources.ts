// The demo organization's resources as an iam-collect store holds them: buckets (with their policies
// and Block Public Access settings), KMS keys, SNS topics, secrets, DynamoDB tables and VPC endpoints.
import { BUCKETS, DEV_ACCOUNT, KMS_KEYS, PROD_ACCOUNT, VPC_ENDPOINTS } from '../world.js';
import { doc, type SampleResource } from './model.js';

const P = PROD_ACCOUNT;
const D = DEV_ACCOUNT;
const ALL_ON = { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true };
const s3 = (name: string, account: string, region: string, extra: Partial<SampleResource> = {}): SampleResource => ({ arn: `arn:aws:s3:::${name}`, account, region, bpa: ALL_ON, ...extra });
const keyPolicy = (account: string, ...more: ReturnType<typeof doc>['Statement']) =>
  doc({ Sid: 'EnableIAMUserPermissions', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: 'kms:*', Resource: '*' }, ...more);

/** The VPC endpoint through which the sample's Secrets Manager calls were refused (its NetworkActivity events). */
export const PROD_SECRETS_ENDPOINT = 'vpce-0f2e4d6c8a1b3957d';

export const RESOURCES: readonly SampleResource[] = [
  s3(BUCKETS.audit, P, 'us-east-1', {
    policy: doc(
      { Sid: 'ProtectLogs', Effect: 'Deny', Principal: '*', Action: ['s3:DeleteObject', 's3:DeleteObjectVersion', 's3:PutLifecycleConfiguration'], Resource: `arn:aws:s3:::${BUCKETS.audit}/*` },
      { Sid: 'ElbDelivery', Effect: 'Allow', Principal: { Service: 'logdelivery.elasticloadbalancing.amazonaws.com' }, Action: 's3:PutObject', Resource: `arn:aws:s3:::${BUCKETS.audit}/AWSLogs/*` },
    ),
  }),
  s3(BUCKETS.artifacts, P, 'us-east-1', {
    policy: doc({ Sid: 'PartnerReadsStableReleases', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::210987654321:root' }, Action: 's3:GetObject', Resource: `arn:aws:s3:::${BUCKETS.artifacts}/releases/stable/*` }),
  }),
  s3(BUCKETS.datasets, P, 'eu-west-1', {
    policy: doc({ Sid: 'DevAnalyticsReadsShared', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${D}:role/analytics-etl` }, Action: ['s3:GetObject', 's3:ListBucket'], Resource: [`arn:aws:s3:::${BUCKETS.datasets}`, `arn:aws:s3:::${BUCKETS.datasets}/shared/*`] }),
  }),
  s3(BUCKETS.partner, P, 'eu-west-1'),
  s3(BUCKETS.web, P, 'us-east-1'),
  s3(BUCKETS.devScratch, D, 'us-west-2'),
  s3(BUCKETS.devReports, D, 'us-east-1'),
  { arn: KMS_KEYS.ordersEu, account: P, region: 'eu-west-1', policy: keyPolicy(P) },
  {
    arn: KMS_KEYS.datasetsUs, account: P, region: 'us-east-1',
    policy: keyPolicy(P, { Sid: 'DevAnalyticsEncryptsOnly', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${D}:role/analytics-etl` }, Action: ['kms:Encrypt', 'kms:GenerateDataKey'], Resource: '*' }),
  },
  { arn: KMS_KEYS.devEu, account: D, region: 'eu-west-1', policy: keyPolicy(D) },
  {
    arn: `arn:aws:sns:us-east-1:${P}:ops-alerts`, account: P, region: 'us-east-1',
    policy: doc(
      { Sid: 'AlarmsPublish', Effect: 'Allow', Principal: { Service: 'cloudwatch.amazonaws.com' }, Action: 'SNS:Publish', Resource: `arn:aws:sns:us-east-1:${P}:ops-alerts` },
      { Sid: 'ProdPublishes', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${P}:root` }, Action: 'SNS:Publish', Resource: `arn:aws:sns:us-east-1:${P}:ops-alerts` },
    ),
  },
  {
    arn: `arn:aws:sns:us-east-1:${P}:ops-alerts-encrypted`, account: P, region: 'us-east-1',
    policy: doc({ Sid: 'ProdPublishes', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${P}:root` }, Action: 'SNS:Publish', Resource: `arn:aws:sns:us-east-1:${P}:ops-alerts-encrypted` }),
  },
  { arn: `arn:aws:secretsmanager:us-east-1:${P}:secret:shared/partner-api-key-Qm3xRt`, account: P, region: 'us-east-1' },
  { arn: `arn:aws:secretsmanager:eu-west-1:${P}:secret:prod/orders/db-Hx4Tq9`, account: P, region: 'eu-west-1' },
  // the copy in us-east-1 the intrusion story's stolen key asks for (scenarios-intrusion.ts): no resource policy
  { arn: `arn:aws:secretsmanager:us-east-1:${P}:secret:prod/orders/db-Xc81Lp`, account: P, region: 'us-east-1' },
  { arn: `arn:aws:dynamodb:us-east-1:${D}:table/experiments`, account: D, region: 'us-east-1' },
  { arn: `arn:aws:dynamodb:us-east-1:${D}:table/terraform-locks`, account: D, region: 'us-east-1' },
  {
    arn: `arn:aws:ec2:eu-west-1:${P}:vpc-endpoint/${VPC_ENDPOINTS.prodS3Eu}`, account: P, region: 'eu-west-1',
    policy: doc(
      { Sid: 'NoOutboundDrops', Effect: 'Deny', Principal: '*', Action: 's3:PutObject', Resource: `arn:aws:s3:::${BUCKETS.partner}/outbound/*` },
      { Sid: 'ReadPartnerDrops', Effect: 'Allow', Principal: '*', Action: ['s3:GetObject', 's3:ListBucket'], Resource: [`arn:aws:s3:::${BUCKETS.partner}`, `arn:aws:s3:::${BUCKETS.partner}/*`] },
      { Sid: 'DatasetsTraffic', Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: [`arn:aws:s3:::${BUCKETS.datasets}`, `arn:aws:s3:::${BUCKETS.datasets}/*`] },
    ),
  },
  {
    arn: `arn:aws:ec2:eu-west-1:${P}:vpc-endpoint/${PROD_SECRETS_ENDPOINT}`, account: P, region: 'eu-west-1',
    policy: doc({ Sid: 'OnlyOrdersReadSecrets', Effect: 'Deny', Principal: '*', Action: 'secretsmanager:*', Resource: '*', Condition: { ArnNotLike: { 'aws:PrincipalArn': `arn:aws:iam::${P}:role/service-role/orders-*` } } }),
  },
  {
    arn: `arn:aws:ec2:us-east-1:${D}:vpc-endpoint/${VPC_ENDPOINTS.devS3Us}`, account: D, region: 'us-east-1',
    policy: doc(
      { Sid: 'ReportsStayInside', Effect: 'Deny', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${BUCKETS.devReports}/weekly/*`, Condition: { ArnNotLike: { 'aws:PrincipalArn': `arn:aws:iam::${D}:role/reports-*` } } },
      { Sid: 'DevBuckets', Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: '*' },
    ),
  },
];

/** Account-wide Block Public Access (iam-collect accounts/<id>/s3-bpa.json). */
export const ACCOUNT_BPA: Record<string, Record<string, boolean>> = {
  [P]: { BlockPublicAcls: false, IgnorePublicAcls: false, BlockPublicPolicy: false, RestrictPublicBuckets: false },
  [D]: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true },
};
