// The intrusion story the demo archive tells beside its everyday noise, at fixed times (in log files of
// their own, so the noise is placed as before). What `report samples` must find in it, and nothing else
// (test/e2e/samples-findings.test.ts):
//
// 1. Thursday 2026-11-19, 10:42-11:01 UTC, 19 minutes: the access key of `deploy-bot`, a CI user of the
//    prod account, leaked. From one rented host (198.18.44.7, the AWS CLI on Kali and boto3) someone
//    checks whose key it is (GetCallerIdentity works), enumerates IAM, S3, EC2, Lambda, RDS, DynamoDB,
//    Secrets Manager, KMS, SNS, SQS, CloudTrail, GuardDuty, Organizations and SSM, all refused; reaches for
//    credentials (an instance's Windows password and user data, a secret); tries to stop the org trail
//    (an SCP refuses), to create an access key and a user, and to open the artifacts bucket to the world
//    (Block Public Access refuses).
//    → an enumeration burst, and sensitive actions: logging, persistence (two techniques), credential
//      access (two techniques), exfiltration.
// 2. Friday 2026-11-20, 02:11-02:24 UTC: one address (198.19.7.200) tries console passwords for seven
//    user names of the prod account, root among them, some that do not exist.
//    → password spraying; the root user's failed sign-in.
// 3. All week: principals of account 210987654321, outside the organization, keep trying to read the
//    release artifacts (scenarios s3-head-object-denied and s3-plain-external-account).
//    → principals of an account outside the archive.
import { blockPublicAccess, ec2Denied, explicitDeny, implicitDeny, S3_ACCESS_DENIED } from './denial-messages.js';
import { encodedAuthorizationMessage } from './encoded-message.js';
import { stableId } from './ids.js';
import type { JsonObject } from './json.js';
import type { CallContext, CallSpec } from './record-builder.js';
import type { Scenario } from './scenario-types.js';
import { refusal } from './scenarios-policy.js';
import { s3Extra } from './success-calls.js';
import { BUCKETS, PROD_ACCOUNT, SCP_PROTECT_AUDIT, TRAIL_NAME } from './world.js';

const UNSPECIFIED = { category: 'authorization', denyKind: 'unspecified', policyType: 'unspecified' } as const;
const IDENTITY = { category: 'authorization', denyKind: 'implicit', policyType: 'identity-based' } as const;
const AUTH = { category: 'authentication', denyKind: 'unspecified', policyType: 'unspecified' } as const;

/** The instance whose password and user data the intruder asks for (named only in the request). */
const WINDOWS_HOST = 'i-0a7c3e91f5b2d4086';

interface Step {
  id: string;
  at: string;
  source: string;
  event: string;
  action: string;
  resource?: (c: CallContext) => string;
  read: boolean;
  request?: (c: CallContext) => JsonObject;
  expected?: Scenario['expected'];
  /** The message, when not the identity-based implicit deny. */
  message?: (c: CallContext, rng: Parameters<Scenario['build']>[0]) => string;
  errorCode?: string;
}

const iam = (c: CallContext, path: string) => `arn:aws:iam::${c.recipient}:${path}`;

// Act 1: the stolen key. Every step is refused; the one call that works (GetCallerIdentity) is not a denial
// and not in the scenario table.
const STEPS: Step[] = [
  { id: 'get-user', at: '10:42:15', source: 'iam', event: 'GetUser', action: 'iam:GetUser', resource: (c) => iam(c, 'user/deploy-bot'), read: true },
  { id: 'list-users', at: '10:42:31', source: 'iam', event: 'ListUsers', action: 'iam:ListUsers', resource: (c) => iam(c, 'user/'), read: true },
  { id: 'list-roles', at: '10:42:40', source: 'iam', event: 'ListRoles', action: 'iam:ListRoles', resource: (c) => iam(c, 'role/'), read: true },
  { id: 'list-attached-user-policies', at: '10:43:02', source: 'iam', event: 'ListAttachedUserPolicies', action: 'iam:ListAttachedUserPolicies', resource: (c) => iam(c, 'user/deploy-bot'), read: true, request: () => ({ userName: 'deploy-bot' }) },
  { id: 'list-user-policies', at: '10:43:10', source: 'iam', event: 'ListUserPolicies', action: 'iam:ListUserPolicies', resource: (c) => iam(c, 'user/deploy-bot'), read: true, request: () => ({ userName: 'deploy-bot' }) },
  { id: 'list-groups-for-user', at: '10:43:25', source: 'iam', event: 'ListGroupsForUser', action: 'iam:ListGroupsForUser', resource: (c) => iam(c, 'user/deploy-bot'), read: true, request: () => ({ userName: 'deploy-bot' }) },
  { id: 'get-account-authorization-details', at: '10:43:50', source: 'iam', event: 'GetAccountAuthorizationDetails', action: 'iam:GetAccountAuthorizationDetails', resource: (c) => iam(c, '*'), read: true },
  { id: 'list-access-keys', at: '10:44:20', source: 'iam', event: 'ListAccessKeys', action: 'iam:ListAccessKeys', resource: (c) => iam(c, 'user/deploy-bot'), read: true },
  { id: 'list-buckets', at: '10:45:05', source: 's3', event: 'ListBuckets', action: 's3:ListAllMyBuckets', read: true, message: () => S3_ACCESS_DENIED, expected: UNSPECIFIED, errorCode: 'AccessDenied', request: (c) => ({ Host: `s3.${c.region}.amazonaws.com` }) },
  { id: 'get-bucket-policy', at: '10:45:40', source: 's3', event: 'GetBucketPolicy', action: 's3:GetBucketPolicy', read: true, message: () => S3_ACCESS_DENIED, expected: UNSPECIFIED, errorCode: 'AccessDenied', request: (c) => ({ bucketName: BUCKETS.audit, Host: `s3.${c.region}.amazonaws.com`, policy: '' }) },
  { id: 'describe-instances', at: '10:47:00', source: 'ec2', event: 'DescribeInstances', action: 'ec2:DescribeInstances', read: true, request: () => ({ instancesSet: {}, filterSet: {} }) },
  { id: 'describe-security-groups', at: '10:47:12', source: 'ec2', event: 'DescribeSecurityGroups', action: 'ec2:DescribeSecurityGroups', read: true, request: () => ({ securityGroupSet: {}, securityGroupIdSet: {}, filterSet: {} }) },
  { id: 'describe-vpcs', at: '10:47:30', source: 'ec2', event: 'DescribeVpcs', action: 'ec2:DescribeVpcs', read: true, request: () => ({ vpcSet: {}, filterSet: {} }) },
  { id: 'describe-snapshots', at: '10:47:55', source: 'ec2', event: 'DescribeSnapshots', action: 'ec2:DescribeSnapshots', read: true, request: () => ({ ownersSet: { items: [{ owner: 'self' }] }, snapshotSet: {}, filterSet: {} }) },
  { id: 'list-functions', at: '10:48:40', source: 'lambda', event: 'ListFunctions20150331', action: 'lambda:ListFunctions', resource: (c) => `arn:aws:lambda:${c.region}:${c.recipient}:function:*`, read: true },
  { id: 'describe-db-instances', at: '10:49:15', source: 'rds', event: 'DescribeDBInstances', action: 'rds:DescribeDBInstances', resource: (c) => `arn:aws:rds:${c.region}:${c.recipient}:db:*`, read: true },
  { id: 'list-tables', at: '10:49:40', source: 'dynamodb', event: 'ListTables', action: 'dynamodb:ListTables', resource: (c) => `arn:aws:dynamodb:${c.region}:${c.recipient}:table/*`, read: true },
  { id: 'list-secrets', at: '10:50:30', source: 'secretsmanager', event: 'ListSecrets', action: 'secretsmanager:ListSecrets', read: true },
  { id: 'list-keys', at: '10:51:05', source: 'kms', event: 'ListKeys', action: 'kms:ListKeys', resource: (c) => `arn:aws:kms:${c.region}:${c.recipient}:key/*`, read: true },
  { id: 'list-topics', at: '10:51:40', source: 'sns', event: 'ListTopics', action: 'SNS:ListTopics', resource: (c) => `arn:aws:sns:${c.region}:${c.recipient}:*`, read: true },
  { id: 'list-queues', at: '10:52:10', source: 'sqs', event: 'ListQueues', action: 'sqs:listqueues', resource: (c) => `arn:aws:sqs:${c.region}:${c.recipient}:`, read: true },
  { id: 'describe-trails', at: '10:52:45', source: 'cloudtrail', event: 'DescribeTrails', action: 'cloudtrail:DescribeTrails', resource: (c) => `arn:aws:cloudtrail:${c.region}:${c.recipient}:trail/*`, read: true },
  { id: 'list-detectors', at: '10:53:20', source: 'guardduty', event: 'ListDetectors', action: 'guardduty:ListDetectors', resource: (c) => `arn:aws:guardduty:${c.region}:${c.recipient}:detector/*`, read: true },
  { id: 'describe-organization', at: '10:53:50', source: 'organizations', event: 'DescribeOrganization', action: 'organizations:DescribeOrganization', read: true },
  { id: 'describe-parameters', at: '10:54:30', source: 'ssm', event: 'DescribeParameters', action: 'ssm:DescribeParameters', resource: (c) => `arn:aws:ssm:${c.region}:${c.recipient}:*`, read: true },
  // credential access
  {
    id: 'get-password-data', at: '10:55:10', source: 'ec2', event: 'GetPasswordData', action: 'ec2:GetPasswordData', read: true,
    request: () => ({ instanceId: WINDOWS_HOST }), expected: { ...UNSPECIFIED, hints: ['encoded-message'] }, errorCode: 'Client.UnauthorizedOperation',
    message: (_c, rng) => ec2Denied(null, encodedAuthorizationMessage(rng, 480)),
  },
  { id: 'get-secret-value', at: '10:55:40', source: 'secretsmanager', event: 'GetSecretValue', action: 'secretsmanager:GetSecretValue', resource: (c) => `arn:aws:secretsmanager:${c.region}:${c.recipient}:secret:prod/orders/db-Xc81Lp`, read: true, request: () => ({ secretId: 'prod/orders/db' }) },
  {
    id: 'describe-instance-user-data', at: '10:56:20', source: 'ec2', event: 'DescribeInstanceAttribute', action: 'ec2:DescribeInstanceAttribute', read: true,
    request: () => ({ instanceId: WINDOWS_HOST, attribute: 'userData' }), expected: { ...UNSPECIFIED, hints: ['encoded-message', 'user-data'] }, errorCode: 'Client.UnauthorizedOperation',
    message: (_c, rng) => ec2Denied(null, encodedAuthorizationMessage(rng, 420)),
  },
  // logging, persistence, exfiltration
  {
    id: 'stop-logging', at: '11:00:12', source: 'cloudtrail', event: 'StopLogging', action: 'cloudtrail:StopLogging', read: false,
    resource: (c) => `arn:aws:cloudtrail:${c.region}:${c.recipient}:trail/${TRAIL_NAME}`, request: (c) => ({ name: `arn:aws:cloudtrail:${c.region}:${c.recipient}:trail/${TRAIL_NAME}` }),
    expected: { category: 'authorization', denyKind: 'explicit', policyType: 'service-control-policy' },
    message: (c) => explicitDeny(refusal(c, 'cloudtrail:StopLogging', `arn:aws:cloudtrail:${c.region}:${c.recipient}:trail/${TRAIL_NAME}`), 'service-control-policy', SCP_PROTECT_AUDIT),
  },
  { id: 'create-access-key', at: '11:01:05', source: 'iam', event: 'CreateAccessKey', action: 'iam:CreateAccessKey', resource: (c) => iam(c, 'user/admin-breakglass'), read: false, request: () => ({ userName: 'admin-breakglass' }) },
  { id: 'create-user', at: '11:01:30', source: 'iam', event: 'CreateUser', action: 'iam:CreateUser', resource: (c) => iam(c, 'user/svc-sync'), read: false, request: () => ({ userName: 'svc-sync' }) },
  {
    id: 'put-public-bucket-policy', at: '11:01:52', source: 's3', event: 'PutBucketPolicy', action: 's3:PutBucketPolicy', read: false, errorCode: 'AccessDenied',
    expected: { category: 'authorization', denyKind: 'explicit', policyType: 's3-block-public-access' },
    request: (c) => ({ bucketName: BUCKETS.artifacts, Host: `s3.${c.region}.amazonaws.com`, bucketPolicy: { Version: '2012-10-17', Statement: [{ Sid: 'PublicRead', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${BUCKETS.artifacts}/*` }] }, policy: '' }),
    message: (c) => blockPublicAccess(refusal(c, 's3:PutBucketPolicy', `arn:aws:s3:::${BUCKETS.artifacts}`), 'BlockPublicPolicy'),
  },
];

const ERROR_CODES: Record<string, string> = { iam: 'AccessDenied', s3: 'AccessDenied', ec2: 'Client.UnauthorizedOperation', sqs: 'AccessDenied', sns: 'AuthorizationError' };

function stepScenario(step: Step): Scenario {
  return {
    id: `intrusion-${step.id}`, kind: 'denial', count: 1, recipient: PROD_ACCOUNT, region: 'us-east-1', actor: 'intruder-stolen-key',
    at: [`2026-11-19T${step.at}Z`],
    expected: step.expected ?? IDENTITY,
    build: (rng, c): CallSpec => {
      const s3 = step.source === 's3';
      const spec: CallSpec = {
        eventSource: `${step.source}.amazonaws.com`, eventName: step.event, readOnly: step.read,
        errorCode: step.errorCode ?? ERROR_CODES[step.source] ?? 'AccessDeniedException',
        errorMessage: step.message?.(c, rng) ?? implicitDeny(refusal(c, step.action, step.resource?.(c)), 'identity-based'),
        requestParameters: step.request?.(c) ?? null,
      };
      if (s3) spec.additionalEventData = s3Extra(rng, 0, 0);
      return spec;
    },
  };
}

// Act 2: the spray. Known users are logged with their ARN; names that do not exist as HIDDEN_DUE_TO_SECURITY_REASONS.
const SPRAY: { at: string; user: string | null; root?: true }[] = [
  { at: '02:11:04', user: 'maria.ops' },
  { at: '02:11:40', user: 'jdoe' },
  { at: '02:12:22', user: null },
  { at: '02:13:09', user: 'deploy-bot' },
  { at: '02:14:51', user: 'svc-backup' },
  { at: '02:16:30', user: null, root: true },
  { at: '02:18:02', user: 'li.wei' },
  { at: '02:19:45', user: null },
  { at: '02:21:13', user: 'finance-reports' },
  { at: '02:23:58', user: null },
];

const SIGN_IN = 'https://console.aws.amazon.com/console/home?hashArgs=%23&isauthcode=true&state=hashArgsFromTB_us-east-1_5a0c2e8f1b7d3946';

function signIn(c: CallContext, user: string | null, root: boolean): CallSpec {
  const identity: JsonObject = root
    ? { type: 'Root', principalId: c.recipient, arn: `arn:aws:iam::${c.recipient}:root`, accountId: c.recipient, accessKeyId: '' }
    : user === null
      ? { type: 'IAMUser', accountId: c.recipient, accessKeyId: '', userName: 'HIDDEN_DUE_TO_SECURITY_REASONS' }
      : { type: 'IAMUser', principalId: stableId('AIDA', `${c.recipient}/${user}`), arn: `arn:aws:iam::${c.recipient}:user/${user}`, accountId: c.recipient, accessKeyId: '', userName: user };
  return {
    eventSource: 'signin.amazonaws.com', eventName: 'ConsoleLogin', readOnly: false, eventType: 'AwsConsoleSignIn', requestId: 'none',
    errorMessage: 'Failed authentication', userIdentity: identity, requestParameters: null, responseElements: { ConsoleLogin: 'Failure' },
    additionalEventData: { LoginTo: SIGN_IN, MobileVersion: 'No', MFAUsed: 'No' }, host: 'signin.aws.amazon.com',
  };
}

function sprayScenario(attempt: (typeof SPRAY)[number], i: number): Scenario {
  return {
    id: `intrusion-spray-${i + 1}`, kind: 'denial', count: 1, recipient: PROD_ACCOUNT, region: 'us-east-1', actor: 'intruder-sprayer',
    at: [`2026-11-20T${attempt.at}Z`],
    expected: attempt.root ? { ...AUTH, hints: ['root', 'mfa-absent'] } : { ...AUTH, hints: ['mfa-absent'] },
    build: (_rng, c) => signIn(c, attempt.user, attempt.root === true),
  };
}

export const INTRUSION_SCENARIOS: readonly Scenario[] = [...STEPS.map(stepScenario), ...SPRAY.map(sprayScenario)];

/** The one call of the story that works, its first: whose key is this? (a record without an error). */
export const INTRUSION_PROBE = {
  actor: 'intruder-stolen-key',
  at: '2026-11-19T10:42:07Z',
  recipient: PROD_ACCOUNT,
  region: 'us-east-1',
  build: (c: CallContext): CallSpec => ({
    eventSource: 'sts.amazonaws.com', eventName: 'GetCallerIdentity', readOnly: true,
    responseElements: { userId: stableId('AIDA', `${c.recipient}/deploy-bot`), account: c.recipient, arn: `arn:aws:iam::${c.recipient}:user/deploy-bot` },
  }),
} as const;
