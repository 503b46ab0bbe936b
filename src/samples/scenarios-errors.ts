// Failures that are not policy refusals: failed authentication, account state, and ordinary errors
// (throttling, missing things, dry runs) that a report must count but not call denials.
import { hex, stableId, uuid } from './ids.js';
import type { JsonObject } from './json.js';
import type { Prng } from './prng.js';
import { s3ObjectResources } from './success-calls.js';
import type { CallContext, CallSpec } from './record-builder.js';
import type { Scenario } from './scenario-types.js';
import { DEV_ACCOUNT, PROD_ACCOUNT } from './world.js';

const AUTH = { category: 'authentication', denyKind: 'unspecified', policyType: 'unspecified' } as const;

function consoleLogin(c: CallContext, userName: string, known: boolean): CallSpec {
  const identity: JsonObject = known
    ? { type: 'IAMUser', principalId: stableId('AIDA', `${c.recipient}/${userName}`), arn: `arn:aws:iam::${c.recipient}:user/${userName}`, accountId: c.recipient, accessKeyId: '', userName }
    : { type: 'IAMUser', accountId: c.recipient, accessKeyId: '', userName };
  return {
    eventSource: 'signin.amazonaws.com', eventName: 'ConsoleLogin', readOnly: false, eventType: 'AwsConsoleSignIn', requestId: 'none',
    errorMessage: 'Failed authentication', userIdentity: identity, requestParameters: null, responseElements: { ConsoleLogin: 'Failure' },
    additionalEventData: { LoginTo: 'https://console.aws.amazon.com/console/home?hashArgs=%23&isauthcode=true&state=hashArgsFromTB_us-east-1_c6e3a1b0f2d94e87', MobileVersion: 'No', MFAUsed: 'No' },
    host: 'signin.aws.amazon.com',
  };
}

function simpleError(eventSource: string, eventName: string, readOnly: boolean, errorCode: string, errorMessage: string, request: (rng: Prng, c: CallContext) => CallSpec['requestParameters'] = () => null): (rng: Prng, c: CallContext) => CallSpec {
  return (rng, c) => ({ eventSource, eventName, readOnly, errorCode, errorMessage, requestParameters: request(rng, c) });
}

export const ERROR_SCENARIOS: readonly Scenario[] = [
  // authentication
  { id: 'console-login-wrong-password', kind: 'denial', count: 2, recipient: PROD_ACCOUNT, region: 'us-east-1', actor: 'prod-ops-user', days: [2, 2], expected: AUTH, build: (_rng, c) => consoleLogin(c, 'maria.ops', true) },
  { id: 'console-login-unknown-user', kind: 'denial', count: 1, recipient: DEV_ACCOUNT, region: 'us-east-1', actor: 'dev-contractor', expected: AUTH, build: (_rng, c) => consoleLogin(c, 'HIDDEN_DUE_TO_SECURITY_REASONS', false) },
  {
    id: 'expired-token-s3', kind: 'denial', count: 2, recipient: DEV_ACCOUNT, region: 'us-east-1', actor: 'dev-terraform', expected: AUTH,
    build: (rng, c) => ({
      eventSource: 's3.amazonaws.com', eventName: 'GetObject', readOnly: true, eventCategory: 'Data', errorCode: 'ExpiredToken', errorMessage: 'The provided token has expired.',
      requestParameters: { bucketName: 'acme-dev-tfstate', Host: `acme-dev-tfstate.s3.${c.region}.amazonaws.com`, key: `network/terraform.tfstate` },
      resources: s3ObjectResources(c.recipient, 'acme-dev-tfstate', 'network/terraform.tfstate'),
      additionalEventData: { SignatureVersion: 'SigV4', CipherSuite: 'TLS_AES_128_GCM_SHA256', bytesTransferredIn: 0, AuthenticationMethod: 'AuthHeader', 'x-amz-id-2': `${hex(rng, 40)}=`, bytesTransferredOut: 0 },
    }),
  },
  { id: 'expired-token-glue', kind: 'denial', count: 1, recipient: DEV_ACCOUNT, region: 'eu-west-1', actor: 'dev-analytics-etl', expected: AUTH, build: simpleError('glue.amazonaws.com', 'GetTable', true, 'ExpiredTokenException', 'The security token included in the request is expired', () => ({ databaseName: 'analytics', name: 'sessions' })) },
  { id: 'invalid-client-token', kind: 'denial', count: 3, recipient: DEV_ACCOUNT, region: 'us-east-1', actor: 'dev-contractor', days: [4, 4], expected: AUTH, build: simpleError('sts.amazonaws.com', 'GetCallerIdentity', true, 'InvalidClientTokenId', 'The security token included in the request is invalid.') },
  { id: 'signature-mismatch', kind: 'denial', count: 1, recipient: PROD_ACCOUNT, region: 'us-east-1', actor: 'prod-jdoe', expected: AUTH, build: simpleError('iam.amazonaws.com', 'ListUsers', true, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.') },
  // account
  {
    id: 'marketplace-opt-in', kind: 'denial', count: 1, recipient: DEV_ACCOUNT, region: 'us-east-1', actor: 'dev-sso-developer',
    expected: { category: 'account', denyKind: 'unspecified', policyType: 'unspecified', hints: ['console-session'] },
    build: simpleError('ec2.amazonaws.com', 'RunInstances', false, 'Client.OptInRequired', 'In order to use this AWS Marketplace product you need to accept terms and subscribe. To do so please visit https://aws.amazon.com/marketplace/pp?sku=8k2m1q9x4v6c3b0n5z8d1r2e7', (rng) => ({ instancesSet: { items: [{ imageId: `ami-0${hex(rng, 16)}`, minCount: 1, maxCount: 1 }] }, instanceType: 'm7i.large', clientToken: uuid(rng) })),
  },
  // not denials
  { id: 'ssm-throttled', kind: 'other-error', count: 3, recipient: PROD_ACCOUNT, region: 'eu-west-1', actor: 'prod-etl', days: [1, 1], build: simpleError('ssm.amazonaws.com', 'GetParameter', true, 'ThrottlingException', 'Rate exceeded', () => ({ name: '/app/etl/batch-size', withDecryption: true })) },
  { id: 'config-no-bucket-policy', kind: 'other-error', count: 2, recipient: PROD_ACCOUNT, region: 'us-east-1', actor: 'prod-config', build: simpleError('s3.amazonaws.com', 'GetBucketPolicy', true, 'NoSuchBucketPolicy', 'The bucket policy does not exist', (rng, c) => ({ bucketName: rng.pick(['acme-prod-build-artifacts', 'acme-prod-static-site']), Host: `s3.${c.region}.amazonaws.com`, policy: '' })) },
  { id: 'config-no-replication', kind: 'other-error', count: 1, recipient: DEV_ACCOUNT, region: 'us-east-1', actor: 'dev-config', build: simpleError('s3.amazonaws.com', 'GetBucketReplication', true, 'ReplicationConfigurationNotFoundError', 'The replication configuration was not found', (_rng, c) => ({ bucketName: 'acme-dev-scratch', Host: `s3.${c.region}.amazonaws.com`, replication: '' })) },
  { id: 'terraform-dry-run', kind: 'other-error', count: 2, recipient: DEV_ACCOUNT, region: 'us-west-2', actor: 'dev-terraform', build: simpleError('ec2.amazonaws.com', 'RunInstances', false, 'Client.DryRunOperation', 'Request would have succeeded, but DryRun flag is set.', (rng) => ({ instancesSet: { items: [{ imageId: `ami-0${hex(rng, 16)}`, minCount: 1, maxCount: 1 }] }, instanceType: 't4g.small', dryRun: true })) },
  { id: 'lambda-not-found', kind: 'other-error', count: 1, recipient: DEV_ACCOUNT, region: 'us-west-2', actor: 'dev-sso-developer', build: simpleError('lambda.amazonaws.com', 'GetFunction20150331v2', true, 'ResourceNotFoundException', `Function not found: arn:aws:lambda:us-west-2:${DEV_ACCOUNT}:function:thumbnailer`, () => ({ functionName: 'thumbnailer' })) },
  { id: 'iam-role-missing', kind: 'other-error', count: 1, recipient: PROD_ACCOUNT, region: 'us-east-1', actor: 'prod-sso-admin', build: simpleError('iam.amazonaws.com', 'GetRole', true, 'NoSuchEntityException', 'The role with name legacy-ci cannot be found.', () => ({ roleName: 'legacy-ci' })) },
  { id: 'duplicate-sg-rule', kind: 'other-error', count: 1, recipient: DEV_ACCOUNT, region: 'us-east-1', actor: 'dev-terraform', build: simpleError('ec2.amazonaws.com', 'AuthorizeSecurityGroupIngress', false, 'Client.InvalidPermission.Duplicate', 'the specified rule "peer: 10.0.0.0/16, TCP, from port: 443, to port: 443, ALLOW" already exists', (rng) => ({ groupId: `sg-0${hex(rng, 16)}`, ipPermissions: { items: [{ ipProtocol: 'tcp', fromPort: 443, toPort: 443, ipRanges: { items: [{ cidrIp: '10.0.0.0/16' }] } }] } })) },
];
