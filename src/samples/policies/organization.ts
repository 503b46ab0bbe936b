// The demo organization's tree, SCPs and RCPs. The SCP and RCP ids are those the sample messages name
// (world.ts); their statements are what refuse the sample denials the messages attribute to them.
import { DEV_ACCOUNT, MANAGEMENT_ACCOUNT, ORG_ID, PROD_ACCOUNT } from '../world.js';
import { doc, type SampleOrgPolicy } from './model.js';

export const ROOT = 'r-7kq2';
export const OU_WORKLOADS = 'ou-7kq2-wl3x9d2m';
export const OU_PROD = 'ou-7kq2-pr8d4n6q';
export const OU_DEV = 'ou-7kq2-dv5t1k7z';

export const OUS: Record<string, { name: string; parent: string }> = {
  [OU_WORKLOADS]: { name: 'Workloads', parent: ROOT },
  [OU_PROD]: { name: 'Prod', parent: OU_WORKLOADS },
  [OU_DEV]: { name: 'Dev', parent: OU_WORKLOADS },
};

export const ACCOUNT_PARENTS: Record<string, string> = { [PROD_ACCOUNT]: OU_PROD, [DEV_ACCOUNT]: OU_DEV, [MANAGEMENT_ACCOUNT]: ROOT };

const FULL: SampleOrgPolicy = { id: 'p-FullAWSAccess', kind: 'scps', name: 'FullAWSAccess', awsManaged: true, doc: doc({ Effect: 'Allow', Action: '*', Resource: '*' }) };

const GLOBAL_SERVICES = ['iam:*', 'organizations:*', 'sts:*', 'support:*', 'cloudfront:*', 'route53:*', 'budgets:*', 'health:*'];

export const ORG_POLICIES: readonly SampleOrgPolicy[] = [
  FULL,
  {
    id: 'p-3m8rzq1c', kind: 'scps', name: 'RegionGuard', awsManaged: false,
    doc: doc(
      { Sid: 'DenyLeaveOrganization', Effect: 'Deny', Action: 'organizations:LeaveOrganization', Resource: '*' },
      {
        Sid: 'DenyOutsideApprovedRegions', Effect: 'Deny', NotAction: GLOBAL_SERVICES, Resource: '*',
        Condition: { StringNotEquals: { 'aws:RequestedRegion': ['us-east-1', 'eu-west-1'] }, ArnNotLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/OrganizationAccountAccessRole' } },
      },
    ),
  },
  {
    id: 'p-a1x9dn5t', kind: 'scps', name: 'ProtectAuditTrail', awsManaged: false,
    doc: doc({
      // the trails' tags too: tag-based access and cost reports must not be rewritten by the accounts
      Sid: 'ProtectCloudTrail', Effect: 'Deny', Resource: '*',
      Action: ['cloudtrail:StopLogging', 'cloudtrail:DeleteTrail', 'cloudtrail:UpdateTrail', 'cloudtrail:PutEventSelectors', 'cloudtrail:AddTags', 'cloudtrail:RemoveTags'],
      Condition: { ArnNotLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/OrganizationAccountAccessRole' } },
    }),
  },
  {
    // an allow-list: the Dev OU has no FullAWSAccess, so what this leaves out is refused there
    id: 'p-dv4llow2', kind: 'scps', name: 'DevAllowedServices', awsManaged: false,
    doc: doc({
      Sid: 'AllowedServices', Effect: 'Allow', Resource: '*',
      Action: ['s3:*', 'ec2:*', 'iam:*', 'sts:*', 'sqs:*', 'sns:*', 'dynamodb:*', 'kms:*', 'glue:*', 'athena:*', 'logs:*', 'lambda:*', 'cloudformation:*', 'cloudtrail:*', 'cloudwatch:*', 'ssm:*', 'secretsmanager:*', 'lakeformation:*'],
    }),
  },
  {
    id: 'p-r7c2kw0e', kind: 'rcps', name: 'DataPerimeter', awsManaged: false,
    doc: doc(
      {
        Sid: 'EnforceOrgIdentities', Effect: 'Deny', Principal: '*', Action: ['s3:*', 'sqs:*', 'kms:*', 'secretsmanager:*', 'sts:AssumeRole'], Resource: '*',
        Condition: { StringNotEqualsIfExists: { 'aws:PrincipalOrgID': ORG_ID }, BoolIfExists: { 'aws:PrincipalIsAWSService': 'false' } },
      },
      { Sid: 'DenyFederatedUsersOnSharedData', Effect: 'Deny', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::acme-prod-shared-datasets/*', Condition: { StringEquals: { 'aws:PrincipalType': 'FederatedUser' } } },
      { Sid: 'ProdSecretsStayInProd', Effect: 'Deny', Principal: '*', Action: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'], Resource: `arn:aws:secretsmanager:*:${PROD_ACCOUNT}:secret:prod/*`, Condition: { StringNotEquals: { 'aws:PrincipalAccount': PROD_ACCOUNT } } },
    ),
  },
];

/** Target (root, OU or account) → the ids of the SCPs and RCPs attached to it. */
export const ATTACHMENTS: Record<string, { scps: string[]; rcps: string[] }> = {
  [ROOT]: { scps: ['p-FullAWSAccess', 'p-a1x9dn5t'], rcps: [] },
  [OU_WORKLOADS]: { scps: ['p-FullAWSAccess', 'p-3m8rzq1c'], rcps: [] },
  [OU_PROD]: { scps: ['p-FullAWSAccess'], rcps: ['p-r7c2kw0e'] },
  [OU_DEV]: { scps: ['p-dv4llow2'], rcps: [] },
  [PROD_ACCOUNT]: { scps: ['p-FullAWSAccess'], rcps: [] },
  [DEV_ACCOUNT]: { scps: ['p-FullAWSAccess'], rcps: [] },
  [MANAGEMENT_ACCOUNT]: { scps: ['p-FullAWSAccess'], rcps: [] },
};

export { MANAGEMENT_ACCOUNT };
