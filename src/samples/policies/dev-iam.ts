// The dev account's users, roles and managed policies (exported in the iam-collect store).
import { BUCKETS, DEV_ACCOUNT, DEV_BOUNDARY, KMS_KEYS, PROD_ACCOUNT } from '../world.js';
import { doc, type SampleIdentity, type SampleManagedPolicy } from './model.js';

const D = DEV_ACCOUNT;
const bucket = (name: string) => [`arn:aws:s3:::${name}`, `arn:aws:s3:::${name}/*`];
const SSO = '/aws-reserved/sso.amazonaws.com/';
const SSO_TRUST = doc({ Effect: 'Allow', Principal: { Federated: `arn:aws:iam::${D}:saml-provider/AWSSSO_8c1e4a7b2d905f36_DO_NOT_DELETE` }, Action: ['sts:AssumeRoleWithSAML', 'sts:TagSession'] });
export const SSO_DEVELOPER_BOUNDARY = `arn:aws:iam::${D}:policy/SsoDeveloperBoundary`;

export const DEV_MANAGED: readonly SampleManagedPolicy[] = [
  {
    account: D, name: 'DeveloperBoundary', path: '/',
    doc: doc(
      { Sid: 'BoundaryAllows', Effect: 'Allow', Action: ['s3:*', 'ec2:*', 'iam:Get*', 'iam:List*', 'iam:CreateRole', 'sts:AssumeRole', 'logs:*', 'cloudwatch:*', 'lambda:*', 'dynamodb:*', 'sns:*'], Resource: '*' },
      { Sid: 'NoRoleCreation', Effect: 'Deny', Action: ['iam:CreateRole', 'iam:PutRolePolicy', 'iam:AttachRolePolicy'], Resource: '*' },
    ),
  },
  { account: D, name: 'SsoDeveloperBoundary', path: '/', doc: doc({ Sid: 'DeveloperServices', Effect: 'Allow', Action: ['ec2:*', 'lambda:*', 's3:*', 'logs:*', 'cloudwatch:*', 'sts:AssumeRole', 'kms:Decrypt'], Resource: '*' }) },
  {
    account: D, name: 'ContractorGuardrails', path: '/',
    doc: doc(
      { Sid: 'NoAccessKeyEnumeration', Effect: 'Deny', Action: ['iam:ListAccessKeys', 'iam:CreateAccessKey', 'iam:GetAccessKeyLastUsed'], Resource: `arn:aws:iam::${D}:user/*` },
      { Sid: 'NoOpenIngress', Effect: 'Deny', Action: ['ec2:AuthorizeSecurityGroupIngress', 'ec2:ModifySecurityGroupRules'], Resource: '*' },
    ),
  },
  {
    // plan only reads: what it would change in IAM (inline policies, tags) is for apply
    account: D, name: 'TerraformPlanGuard', path: '/',
    doc: doc(
      { Sid: 'NoInlinePolicies', Effect: 'Deny', Action: ['iam:PutUserPolicy', 'iam:PutRolePolicy', 'iam:PutGroupPolicy'], Resource: '*' },
      { Sid: 'NoIamTagChanges', Effect: 'Deny', Action: ['iam:TagUser', 'iam:UntagUser', 'iam:TagRole', 'iam:UntagRole'], Resource: '*' },
    ),
  },
];

if (!DEV_MANAGED.some((p) => `arn:aws:iam::${p.account}:policy${p.path}${p.name}` === DEV_BOUNDARY)) throw new Error('sample boundary');

export const DEV_IDENTITIES: readonly SampleIdentity[] = [
  {
    kind: 'user', account: D, name: 'contractor-bob', path: '/', tags: { team: 'contractors' }, groups: ['contractors'], boundary: DEV_BOUNDARY,
    managed: [`arn:aws:iam::${D}:policy/ContractorGuardrails`],
    inline: [{ name: 'contractor', doc: doc({ Sid: 'Scratch', Effect: 'Allow', Action: 's3:*', Resource: bucket(BUCKETS.devScratch) }) }],
  },
  { kind: 'user', account: D, name: 'ci-legacy', path: '/', tags: {}, managed: [], inline: [] },
  {
    kind: 'role', account: D, name: 'analytics-etl', path: '/', tags: { app: 'analytics' }, managed: [],
    trust: doc({ Effect: 'Allow', Principal: { Service: 'glue.amazonaws.com' }, Action: 'sts:AssumeRole' }),
    inline: [{
      name: 'analytics',
      doc: doc(
        { Sid: 'ReadProdDatasets', Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: bucket(BUCKETS.datasets) },
        { Sid: 'DevData', Effect: 'Allow', Action: 's3:*', Resource: [...bucket(BUCKETS.devReports), ...bucket(BUCKETS.devScratch)] },
        { Sid: 'Jobs', Effect: 'Allow', Action: ['glue:*', 'logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents', 'bedrock:InvokeModel', 'bedrock:Converse*'], Resource: '*' },
        { Sid: 'CrawlerLogRetention', Effect: 'Allow', Action: 'logs:PutRetentionPolicy', Resource: `arn:aws:logs:*:${D}:log-group:/aws-glue/crawlers:*` },
        { Sid: 'ProdKeys', Effect: 'Allow', Action: 'kms:Decrypt', Resource: `arn:aws:kms:*:${PROD_ACCOUNT}:key/*` },
        { Sid: 'ProdSecrets', Effect: 'Allow', Action: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'], Resource: `arn:aws:secretsmanager:*:${PROD_ACCOUNT}:secret:*` },
      ),
    }],
  },
  {
    kind: 'role', account: D, name: 'terraform-plan', path: '/', tags: { team: 'platform' }, managed: [`arn:aws:iam::${D}:policy/TerraformPlanGuard`],
    trust: doc({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${D}:root` }, Action: 'sts:AssumeRole' }),
    inline: [{
      name: 'plan',
      doc: doc(
        { Sid: 'Plan', Effect: 'Allow', Action: ['ec2:Describe*', 'iam:Get*', 'iam:List*', 'iam:PutUserPolicy', 'cloudformation:*', 'ssm:*', 'sts:AssumeRole'], Resource: '*' },
        { Sid: 'State', Effect: 'Allow', Action: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:DeleteItem', 's3:*'], Resource: [`arn:aws:dynamodb:*:${D}:table/terraform-locks`, ...bucket('acme-dev-tfstate')] },
        { Sid: 'NotifyProd', Effect: 'Allow', Action: 'sns:Publish', Resource: `arn:aws:sns:*:${PROD_ACCOUNT}:*` },
      ),
    }],
  },
  {
    kind: 'role', account: D, name: 'AWSReservedSSO_Developer_31d7a0e96c4b2f85', path: SSO, tags: {}, managed: [], boundary: SSO_DEVELOPER_BOUNDARY, trust: SSO_TRUST,
    inline: [{
      name: 'AwsSSOInlinePolicy',
      doc: doc(
        { Sid: 'Build', Effect: 'Allow', Action: ['ec2:*', 'lambda:*', 's3:*', 'logs:*', 'cloudwatch:*', 'sqs:*'], Resource: '*' },
        { Sid: 'ProdRoles', Effect: 'Allow', Action: 'sts:AssumeRole', Resource: `arn:aws:iam::${PROD_ACCOUNT}:role/*` },
        { Sid: 'DevKey', Effect: 'Allow', Action: 'kms:Decrypt', Resource: KMS_KEYS.devEu },
      ),
    }],
  },
  {
    kind: 'role', account: D, name: 'AWSReservedSSO_DataAnalyst_9b27e1d4c6a80f35', path: SSO, tags: {}, managed: [], trust: SSO_TRUST,
    inline: [{
      name: 'AwsSSOInlinePolicy',
      doc: doc(
        { Sid: 'Analyze', Effect: 'Allow', Action: ['athena:*', 'glue:Get*', 'lakeformation:GetDataAccess', 's3:GetObject', 's3:ListBucket'], Resource: '*' },
        { Sid: 'ReadExperiments', Effect: 'Allow', Action: ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:DescribeTable'], Resource: `arn:aws:dynamodb:*:${D}:table/experiments` },
        { Sid: 'ScanSandboxTables', Effect: 'Allow', Action: 'dynamodb:Scan', Resource: `arn:aws:dynamodb:*:${D}:table/sandbox-*` },
      ),
    }],
  },
];

export const DEV_GROUPS: readonly { account: string; name: string; inline: { name: string; doc: ReturnType<typeof doc> }[]; managed: string[] }[] = [
  { account: D, name: 'contractors', managed: [], inline: [{ name: 'contractors-read', doc: doc({ Sid: 'ReadOnly', Effect: 'Allow', Action: ['ec2:Describe*', 'iam:Get*', 'iam:List*', 'iam:CreateRole', 'sts:AssumeRole'], Resource: '*' }) }] },
];
