import { describe, expect, it } from 'vitest';
import { POLICY_TYPES } from '../../src/types.js';
import { buildSampleArchive, describeArchive, isDigestPath, isIntegrityPath, SCENARIOS } from '../../src/samples/index.js';
import { isObject, recordsOf, str, type Json } from './helpers.js';

const archive = buildSampleArchive();
const logFiles = archive.files.filter((file) => !isDigestPath(file.path) && !isIntegrityPath(file.path));
const copy = archive.manifest.duplicate.copy;
/** Every record once (the duplicate delivery left out). */
const records: Json[] = logFiles.filter((f) => f.path !== copy).flatMap(recordsOf);
const failed = records.filter((r) => typeof r.errorCode === 'string' || r.eventName === 'ConsoleLogin');
const messages = failed.map((r) => str(r, 'errorMessage'));
const expectations = SCENARIOS.flatMap((s) => (s.expected ? [s.expected] : []));

describe('scenario table', () => {
  it('has unique ids and positive counts', () => {
    expect(new Set(SCENARIOS.map((s) => s.id)).size).toBe(SCENARIOS.length);
    for (const s of SCENARIOS) expect(s.count).toBeGreaterThan(0);
    for (const s of SCENARIOS) expect(s.kind === 'denial').toBe(s.expected !== undefined);
  });

  it('covers every named policy type both explicitly and implicitly', () => {
    for (const type of POLICY_TYPES.filter((t) => t !== 'unspecified' && t !== 's3-block-public-access')) {
      expect(expectations.some((e) => e.policyType === type && e.denyKind === 'explicit'), `${type} explicit`).toBe(true);
      expect(expectations.some((e) => e.policyType === type && e.denyKind === 'implicit'), `${type} implicit`).toBe(true);
    }
    expect(expectations.some((e) => e.policyType === 's3-block-public-access')).toBe(true);
    expect(expectations.some((e) => e.policyType === 'unspecified' && e.denyKind === 'unspecified')).toBe(true);
    expect(expectations.some((e) => e.policyType === 'unspecified' && e.denyKind === 'explicit')).toBe(true);
  });

  it('covers every category, and shapes meant to stay unrecognised', () => {
    expect(new Set(expectations.map((e) => e.category))).toEqual(new Set(['authorization', 'authentication', 'account']));
    expect(expectations.filter((e) => e.recognized === false).length).toBeGreaterThanOrEqual(2);
    expect(SCENARIOS.filter((s) => s.kind === 'other-error').length).toBeGreaterThanOrEqual(5);
  });

  it('places exactly the scenario counts in the archive (an independent count by scanning JSON)', () => {
    const description = describeArchive(archive.files);
    const copyFile = logFiles.find((f) => f.path === copy);
    const copyErrors = copyFile ? recordsOf(copyFile).filter((r) => typeof r.errorCode === 'string' || r.eventName === 'ConsoleLogin').length : 0;
    const total = SCENARIOS.reduce((sum, s) => sum + s.count, 0);
    expect(description.recordsWithErrorCode + description.consoleLoginFailures - copyErrors).toBe(total);
    expect(failed).toHaveLength(total);
  });
});

describe('error codes and message forms in the archive', () => {
  it('uses the realistic error codes per service', () => {
    const codes = new Set(failed.map((r) => `${str(r, 'eventSource')} ${str(r, 'errorCode')}`));
    for (const pair of [
      's3.amazonaws.com AccessDenied', 'sts.amazonaws.com AccessDenied', 'iam.amazonaws.com AccessDenied', 'kms.amazonaws.com AccessDeniedException',
      'dynamodb.amazonaws.com AccessDeniedException', 'lambda.amazonaws.com AccessDeniedException', 'ec2.amazonaws.com Client.UnauthorizedOperation',
      'sns.amazonaws.com AuthorizationError', 'secretsmanager.amazonaws.com VpceAccessDenied', 'sts.amazonaws.com InvalidClientTokenId',
      's3.amazonaws.com ExpiredToken', 'iam.amazonaws.com SignatureDoesNotMatch', 'ec2.amazonaws.com Client.OptInRequired',
      'ssm.amazonaws.com ThrottlingException', 's3.amazonaws.com NoSuchBucketPolicy', 'ec2.amazonaws.com Client.DryRunOperation',
      'lambda.amazonaws.com ResourceNotFoundException',
    ]) expect(codes, pair).toContain(pair);
  });

  it('writes every explicit and implicit phrase exactly as AWS does', () => {
    const text = messages.join('\n');
    for (const phrase of [
      'with an explicit deny in an identity-based policy', 'with an explicit deny in a resource-based policy', 'with an explicit deny in a permissions boundary: arn:aws:iam::',
      'with an explicit deny in a service control policy: arn:aws:organizations::', 'with an explicit deny in a resource control policy',
      'with an explicit deny in a session policy', 'with an explicit deny in a sessions policy', 'with an explicit deny in a VPC endpoint policy',
      'with an explicit deny in a VPC endpoint policy transitively through a service control policy', 'with an explicit deny in a role trust policy',
      'because no identity-based policy allows the', 'because no resource-based policy allows the', 'because no permissions boundary allows the',
      'because no service control policy allows the', 'because no resource control policy allows the', 'because no session policy allows the',
      'because no VPC endpoint policy allows the', 'because no role trust policy allows the',
      'because public ACLs are prevented by the BlockPublicAcls setting in S3 Block Public Access.',
      'because public policies are prevented by the BlockPublicPolicy setting in S3 Block Public Access.',
      'or call the GetRequestAuthorizationDetails API with the following authorization id: ',
      'on this resource because the resource does not exist in this Region, no resource-based policies allow access, or a resource-based policy explicitly denies access',
      'on the resource associated with this ciphertext because no identity-based policy allows the kms:Decrypt action',
      'The ciphertext refers to a customer master key that does not exist',
      'API: sqs:CreateQueue Access to the resource https://sqs.us-east-1.amazonaws.com/ is denied.',
      'CloudWatch Alarms is not authorized to perform: SNS:Publish',
    ]) expect(text, phrase).toContain(phrase);
    expect(text).toMatch(/service control policy: arn:aws:organizations::\d{12}:policy\/o-[a-z0-9]{10}\/service_control_policy\/p-[a-z0-9]{8}$/m);
    expect(text).toMatch(/resource control policy: arn:aws:organizations::\d{12}:policy\/o-[a-z0-9]{10}\/resource_control_policy\/p-[a-z0-9]{8}$/m);
    expect(messages.filter((m) => m === 'Access Denied').length).toBeGreaterThanOrEqual(2);
    expect(text).toMatch(/on resource: "arn:aws:s3:::[a-z0-9.-]+\/[^"]+" /);
  });

  it('includes EC2 forms: plain encoded, enhanced with a blob, and one cut at exactly 1024 characters', () => {
    const ec2 = messages.filter((m) => m.startsWith('You are not authorized to perform this operation.'));
    expect(ec2.some((m) => /^You are not authorized to perform this operation\. Encoded authorization failure message: [A-Za-z0-9_-]{100,}$/.test(m))).toBe(true);
    expect(ec2.some((m) => m.includes('. User: ') || m.includes('operation. User: '))).toBe(true);
    const cut = ec2.filter((m) => m.length === 1024);
    expect(cut).toHaveLength(1);
    expect(cut[0]).toContain('Encoded authorization failure message: ');
    expect(messages.every((m) => m.length <= 1024)).toBe(true);
  });

  it('logs console sign-in failures without an errorCode', () => {
    const logins = failed.filter((r) => r.eventName === 'ConsoleLogin');
    expect(logins.length).toBeGreaterThanOrEqual(2);
    for (const login of logins) {
      expect(login.errorCode).toBeUndefined();
      expect(login.errorMessage).toBe('Failed authentication');
      expect(login.responseElements).toEqual({ ConsoleLogin: 'Failure' });
      expect(login.eventType).toBe('AwsConsoleSignIn');
      expect(login.eventSource).toBe('signin.amazonaws.com');
    }
    expect(logins.some((r) => isObject(r.userIdentity) && r.userIdentity.userName === 'HIDDEN_DUE_TO_SECURITY_REASONS')).toBe(true);
  });
});

describe('denial context and clustering', () => {
  const principal = (r: Json): string => (isObject(r.userIdentity) ? String(r.userIdentity.arn ?? r.userIdentity.invokedBy ?? '') : '');

  it('clusters: the CI role hits the SCP many times, the Lambda role keeps missing kms:Decrypt', () => {
    const ci = failed.filter((r) => principal(r).includes('assumed-role/github-actions-deploy/') && r.eventName === 'CreateStack');
    expect(ci.length).toBeGreaterThanOrEqual(10);
    expect(new Set(ci.map((r) => str(r, 'errorMessage').replace(/stack\/[^/]+\/\*/, 'stack/*'))).size).toBe(1);
    const lambda = failed.filter((r) => principal(r).includes('orders-processor-role') && r.eventName === 'Decrypt');
    expect(lambda.length).toBeGreaterThanOrEqual(8);
    expect(new Set(lambda.map((r) => str(r, 'eventTime').slice(0, 10))).size).toBeGreaterThan(1);
  });

  it('has cross-account, MFA-absent, root, service-principal and VPC-endpoint denials', () => {
    const denied = failed.filter((r) => typeof r.errorCode === 'string');
    expect(denied.some((r) => isObject(r.userIdentity) && r.userIdentity.accountId !== undefined && r.userIdentity.accountId !== r.recipientAccountId)).toBe(true);
    expect(denied.some((r) => JSON.stringify(r.userIdentity).includes('"mfaAuthenticated":"false"') && str(r, 'errorMessage').includes('explicit deny'))).toBe(true);
    // the root user's refusal is a failed console sign-in (the intrusion story's spray), which carries no errorCode
    expect(failed.some((r) => isObject(r.userIdentity) && r.userIdentity.type === 'Root' && r.eventName === 'ConsoleLogin')).toBe(true);
    expect(denied.some((r) => isObject(r.userIdentity) && r.userIdentity.type === 'AWSService')).toBe(true);
    expect(denied.some((r) => typeof r.vpcEndpointId === 'string' && r.errorCode === 'AccessDenied')).toBe(true);
    expect(denied.some((r) => r.eventType === 'AwsVpceEvent' && r.eventCategory === 'NetworkActivity')).toBe(true);
  });

  it('lists scenario expectations in the manifest', () => {
    expect(archive.manifest.scenarios.map((s) => s.id)).toEqual(SCENARIOS.map((s) => s.id));
  });
});
