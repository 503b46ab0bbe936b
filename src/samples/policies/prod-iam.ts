// The prod account's users, roles and managed policies (exported as authorization details). Each
// statement that refuses a sample denial carries the Sid the intended cause names (intended-causes.ts).
import { BUCKETS, BUILD_DENY_POLICY, KMS_KEYS, MANAGEMENT_ACCOUNT, MFA_POLICY, PROD_ACCOUNT, DEV_ACCOUNT } from '../world.js';
import { doc, type SampleIdentity, type SampleManagedPolicy } from './model.js';

const P = PROD_ACCOUNT;
const bucket = (name: string) => [`arn:aws:s3:::${name}`, `arn:aws:s3:::${name}/*`];
const OLD_ORDERS_KEY = `arn:aws:kms:eu-west-1:${P}:key/0d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6`;

export const PROD_MANAGED: readonly SampleManagedPolicy[] = [
  { account: 'aws', name: 'AdministratorAccess', path: '/', doc: doc({ Effect: 'Allow', Action: '*', Resource: '*' }) },
  {
    account: P, name: 'DenyDestructiveWithoutMFA', path: '/',
    doc: doc({ Sid: 'DenyDestructiveWithoutMFA', Effect: 'Deny', Action: ['ec2:TerminateInstances', 'ec2:StopInstances', 'rds:DeleteDBInstance', 's3:DeleteBucket'], Resource: '*', Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } } }),
  },
  {
    account: P, name: 'ci-deny-public-network', path: '/',
    doc: doc({ Sid: 'DenyDirectNetworkInterfaces', Effect: 'Deny', Action: 'ec2:RunInstances', Resource: `arn:aws:ec2:*:${P}:network-interface/*`, Condition: { Bool: { 'aws:ViaAWSService': 'false' } } }),
  },
  {
    account: P, name: 'ProtectAuditRoles', path: '/',
    doc: doc({ Sid: 'ProtectAuditRoles', Effect: 'Deny', Action: ['iam:DeleteRole', 'iam:DetachRolePolicy', 'iam:DeleteRolePolicy', 'iam:UpdateAssumeRolePolicy'], Resource: `arn:aws:iam::${P}:role/security/audit-*` }),
  },
];

// the managed policies the messages name must be these
if (!PROD_MANAGED.some((p) => `arn:aws:iam::${p.account}:policy${p.path}${p.name}` === MFA_POLICY)) throw new Error('sample MFA policy');
if (!PROD_MANAGED.some((p) => `arn:aws:iam::${p.account}:policy${p.path}${p.name}` === BUILD_DENY_POLICY)) throw new Error('sample CI policy');

const trustAccount = (account: string) => doc({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: 'sts:AssumeRole' });

export const PROD_IDENTITIES: readonly SampleIdentity[] = [
  {
    kind: 'user', account: P, name: 'jdoe', path: '/', tags: { team: 'platform' }, managed: [`arn:aws:iam::${P}:policy/ProtectAuditRoles`],
    inline: [{ name: 'jdoe-iam-admin', doc: doc({ Sid: 'IamAdmin', Effect: 'Allow', Action: 'iam:*', Resource: '*' }) }],
  },
  {
    kind: 'user', account: P, name: 'maria.ops', path: '/', tags: { team: 'operations' }, managed: [MFA_POLICY],
    inline: [{
      name: 'ops-console',
      doc: doc(
        { Sid: 'OperateInstances', Effect: 'Allow', Action: ['ec2:Describe*', 'ec2:StartInstances', 'ec2:StopInstances', 'ec2:TerminateInstances'], Resource: '*' },
        { Sid: 'ListBuckets', Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' },
        { Sid: 'BrowseArtifacts', Effect: 'Allow', Action: ['s3:ListBucket', 's3:GetObject'], Resource: bucket(BUCKETS.artifacts) },
      ),
    }],
  },
  {
    kind: 'user', account: P, name: 'svc-reporting', path: '/', tags: {}, managed: [],
    inline: [{ name: 'reporting', doc: doc({ Sid: 'Reports', Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject', 's3:ListBucket'], Resource: [...bucket(BUCKETS.artifacts), ...bucket(BUCKETS.datasets)] }) }],
  },
  {
    // the CI user of the older pipeline, with a long-lived access key: the key the intrusion story's
    // intruder holds (scenarios-intrusion.ts). It may publish artifacts and update the payments stacks,
    // nothing else: every call of the enumeration lacks an Allow here, the SCP refuses StopLogging, and
    // the artifacts bucket's Block Public Access refuses the public policy its s3:* would let it write
    kind: 'user', account: P, name: 'deploy-bot', path: '/', tags: { team: 'platform', purpose: 'ci' }, managed: [],
    inline: [{
      name: 'deploy-artifacts',
      doc: doc(
        { Sid: 'Artifacts', Effect: 'Allow', Action: 's3:*', Resource: bucket(BUCKETS.artifacts) },
        { Sid: 'PaymentsStacks', Effect: 'Allow', Action: ['cloudformation:DescribeStacks', 'cloudformation:CreateChangeSet', 'cloudformation:DescribeChangeSet', 'cloudformation:ExecuteChangeSet'], Resource: `arn:aws:cloudformation:*:${P}:stack/payments-*/*` },
      ),
    }],
  },
  {
    kind: 'role', account: P, name: 'github-actions-deploy', path: '/', tags: { team: 'platform' }, managed: [BUILD_DENY_POLICY],
    trust: doc({
      Effect: 'Allow', Principal: { Federated: `arn:aws:iam::${P}:oidc-provider/token.actions.githubusercontent.com` }, Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: { StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' }, StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:acme/payments-api:environment:production' } },
    }),
    inline: [{
      name: 'deploy',
      doc: doc(
        { Sid: 'Deploy', Effect: 'Allow', Action: ['cloudformation:*', 'lambda:*', 'ecr:*', 'ec2:RunInstances', 'ec2:Describe*', 'sts:GetCallerIdentity'], Resource: '*' },
        { Sid: 'Artifacts', Effect: 'Allow', Action: 's3:*', Resource: bucket(BUCKETS.artifacts) },
        { Sid: 'PassLambdaRoles', Effect: 'Allow', Action: 'iam:PassRole', Resource: `arn:aws:iam::${P}:role/service-role/*` },
      ),
    }],
  },
  {
    kind: 'role', account: P, name: 'orders-processor-role', path: '/service-role/', tags: { app: 'orders' }, managed: [],
    trust: doc({ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }),
    inline: [{
      name: 'orders-processor',
      doc: doc(
        { Sid: 'OrdersData', Effect: 'Allow', Action: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:Query', 'sqs:*', 'logs:*'], Resource: '*' },
        // written for the key the orders were encrypted with before the key rotation to a new key
        { Sid: 'DecryptOrders', Effect: 'Allow', Action: 'kms:Decrypt', Resource: OLD_ORDERS_KEY },
      ),
    }],
  },
  {
    kind: 'role', account: P, name: 'etl-batch', path: '/', tags: { app: 'etl' }, managed: [],
    trust: doc({ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }),
    inline: [{
      name: 'etl',
      doc: doc(
        { Sid: 'ReadDatasets', Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: bucket(BUCKETS.datasets) },
        { Sid: 'PartnerExchange', Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: bucket(BUCKETS.partner) },
        { Sid: 'AuditLogRetention', Effect: 'Allow', Action: ['s3:GetObject', 's3:DeleteObject'], Resource: bucket(BUCKETS.audit) },
        { Sid: 'ProdSecrets', Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: `arn:aws:secretsmanager:*:${P}:secret:prod/*` },
        { Sid: 'OrdersKey', Effect: 'Allow', Action: 'kms:Decrypt', Resource: KMS_KEYS.ordersEu },
        { Sid: 'Batch', Effect: 'Allow', Action: ['glue:*', 'ssm:GetParameter', 'ssm:GetParameters', 'cloudwatch:GetMetricData'], Resource: '*' },
      ),
    }],
  },
  {
    kind: 'role', account: P, name: 'AWSReservedSSO_AdministratorAccess_4f1c8e2b7a9d0356', path: '/aws-reserved/sso.amazonaws.com/', tags: {},
    managed: ['arn:aws:iam::aws:policy/AdministratorAccess'], inline: [],
    trust: doc({ Effect: 'Allow', Principal: { Federated: `arn:aws:iam::${P}:saml-provider/AWSSSO_5f0a7c2e1b9d4c63_DO_NOT_DELETE` }, Action: ['sts:AssumeRoleWithSAML', 'sts:TagSession'] }),
  },
  { kind: 'role', account: P, name: 'audit-readonly', path: '/security/', tags: { team: 'security' }, managed: [], inline: [], trust: trustAccount(P) },
  {
    kind: 'role', account: P, name: 'break-glass-admin', path: '/', tags: { team: 'security' }, managed: ['arn:aws:iam::aws:policy/AdministratorAccess'], inline: [],
    trust: doc(
      { Sid: 'NoDevAccounts', Effect: 'Deny', Principal: { AWS: `arn:aws:iam::${DEV_ACCOUNT}:root` }, Action: 'sts:AssumeRole' },
      { Sid: 'SecurityTeamWithMfa', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${MANAGEMENT_ACCOUNT}:root` }, Action: 'sts:AssumeRole', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } },
    ),
  },
  {
    kind: 'role', account: P, name: 'payments-readonly', path: '/', tags: {}, managed: [], trust: trustAccount(P),
    inline: [{ name: 'read', doc: doc({ Effect: 'Allow', Action: ['dynamodb:GetItem', 'dynamodb:Query'], Resource: `arn:aws:dynamodb:*:${P}:table/payments*` }) }],
  },
  { kind: 'role', account: P, name: 'OrganizationAccountAccessRole', path: '/', tags: {}, managed: ['arn:aws:iam::aws:policy/AdministratorAccess'], inline: [], trust: trustAccount(MANAGEMENT_ACCOUNT) },
];
