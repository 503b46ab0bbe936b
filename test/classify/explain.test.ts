import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { denialOf, explain as explainAny, explainRecord, guidanceFor } from '../../src/classify/index.js';
import type { Denial, RawRecord } from '../../src/types.js';
import { FIXTURE_DIR } from './fixture-table.js';

/** explain() on text these tests know to be a denial. */
function explain(message: string, options: { errorCode?: string } = {}): Denial {
  const d = denialOf(explainAny(message, options));
  if (d === null) throw new Error(`not a denial: ${message}`);
  return d;
}

describe('explain(message)', () => {
  test('says when the error code is only assumed: no code given, none in the text, a wording no row knows', () => {
    expect(explain('hello world')).toMatchObject({ errorCode: 'AccessDenied', recognized: false, errorCodeAssumed: true });
    expect(explain('hello world', { errorCode: 'AccessDenied' })).not.toHaveProperty('errorCodeAssumed');
    expect(explain('An error occurred (AccessDenied) when calling the PutObject operation: Access Denied')).not.toHaveProperty('errorCodeAssumed');
    expect(explain('User: arn:aws:iam::111122223333:user/a is not authorized to perform: s3:GetObject')).not.toHaveProperty('errorCodeAssumed');
  });

  test('strips the AWS CLI prefix and takes the error code and operation from it', () => {
    const d = explain('An error occurred (AccessDenied) when calling the PutObject operation: Access Denied');
    expect(d).toMatchObject({ errorCode: 'AccessDenied', action: 's3:PutObject', eventName: 'PutObject', recognized: true });
    expect(d.message).toBe('An error occurred (AccessDenied) when calling the PutObject operation: Access Denied'); // kept for display
  });

  test('keeps the action the message names over the operation', () => {
    const d = explain(
      'An error occurred (AccessDenied) when calling the AssumeRole operation: User: arn:aws:iam::111122223333:user/a is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::444455556666:role/X',
    );
    expect(d).toMatchObject({
      action: 'sts:AssumeRole',
      resource: 'arn:aws:iam::444455556666:role/X',
      principal: 'arn:aws:iam::111122223333:user/a',
      principalType: 'IAMUser',
    });
    expect(d.hints).toEqual(['cross-account', 'sts-assume-role']);
  });

  test('handles the retry note botocore inserts and the EC2 Client-less code', () => {
    const d = explain(
      'An error occurred (UnauthorizedOperation) when calling the RunInstances operation (reached max retries: 2): You are not authorized to perform this operation. Encoded authorization failure message: abcDEF123',
    );
    expect(d).toMatchObject({ errorCode: 'UnauthorizedOperation', action: 'ec2:RunInstances', eventSource: 'ec2.amazonaws.com', recognized: true });
    expect(d.hints).toEqual(['encoded-message']);
    expect(
      guidanceFor(d)
        .flatMap((g) => g.checks)
        .join('\n'),
    ).toContain('aws sts decode-authorization-message --encoded-message');
  });

  test('with an operation but no service in the wording, the action is the bare operation', () => {
    expect(explain('An error occurred (AccessDeniedException) when calling the ListThings operation: Denied!').action).toBe('ListThings');
  });

  test('an explicit --error-code wins over the prefix; unknown codes default to AccessDenied', () => {
    expect(explain('An error occurred (AccessDenied) when calling the X operation: Access Denied', { errorCode: 'AllAccessDisabled' }).errorCode).toBe(
      'AllAccessDisabled',
    );
    expect(explain('Something nobody has seen').errorCode).toBe('AccessDenied');
    expect(explain('Something nobody has seen')).toMatchObject({
      recognized: false,
      denyKind: 'unspecified',
      policyType: 'unspecified',
      message: 'Something nobody has seen',
    });
  });

  test('infers the code from credential wording when none is given', () => {
    expect(explain('The security token included in the request is expired')).toMatchObject({ errorCode: 'ExpiredToken', category: 'authentication' });
    expect(explain('Failed authentication')).toMatchObject({ errorCode: 'ConsoleLoginFailure', category: 'authentication', action: 'signin:ConsoleLogin' });
  });

  test('explicit deny with an SCP ARN, assumed-role principal grouped under its role', () => {
    const d = explain(
      'User: arn:aws:sts::111122223333:assumed-role/Dev/ana is not authorized to perform: ec2:RunInstances on resource: arn:aws:ec2:eu-west-3:111122223333:instance/* with an explicit deny in a service control policy: arn:aws:organizations::999988887777:policy/o-x/service_control_policy/p-y',
    );
    expect(d).toMatchObject({
      principal: 'arn:aws:iam::111122223333:role/Dev',
      sessionName: 'ana',
      callerAccount: '111122223333',
      account: '111122223333',
      denyKind: 'explicit',
      policyType: 'service-control-policy',
      policyArn: 'arn:aws:organizations::999988887777:policy/o-x/service_control_policy/p-y',
    });
  });

  test('the authorization id reaches the Denial and its guidance', () => {
    const d = explain(
      'User: arn:aws:iam::1:user/a is not authorized to perform: iam:GetUser on resource: user a because no identity-based policy allows the iam:GetUser action. Go to https://console.aws.amazon.com/iam/home#/authorization-details/q1w2e3 for complete details, or call the GetRequestAuthorizationDetails API with the following authorization id: q1w2e3',
    );
    expect(d.authorizationId).toBe('q1w2e3');
    const text = guidanceFor(d)
      .flatMap((g) => g.checks)
      .join('\n');
    expect(text).toContain('--authorization-id q1w2e3');
  });

  test('surrounding whitespace and newlines of a paste are ignored', () => {
    expect(explain('\n  Access Denied  \n').message).toBe('Access Denied');
    expect(explain('\n  Access Denied  \n').action).toBe('');
  });
});

describe('explainRecord(record)', () => {
  const load = (name: string): RawRecord => JSON.parse(readFileSync(`${FIXTURE_DIR}records/${name}.json`, 'utf8')) as RawRecord;

  test('returns the same Denial as classify for a denial record', () => {
    const d = explainRecord(load('assumed-role-with-path'));
    if (!d.denial) throw new Error('expected a denial');
    expect(d.principal).toBe('arn:aws:iam::111122223333:role/data/pipelines/ReportReader');
    expect(d.recognized).toBe(true);
  });

  test('a record that is not a denial is "not a denial", with what it is instead', () => {
    expect(explainRecord(load('throttling'))).toEqual({
      denial: false,
      errorCode: 'ThrottlingException',
      kind: 'other-error',
      category: 'throttling',
      explanation: 'ThrottlingException is a throttling error — the request was rate-limited, not refused',
      action: 'dynamodb:DescribeTable',
      message: 'Rate exceeded',
    });
    expect(explainRecord(load('no-error'))).toMatchObject({ denial: false, kind: 'not-an-error', errorCode: '', action: 's3:ListAllMyBuckets' });
    expect(explainRecord(load('dry-run'))).toMatchObject({ denial: false, kind: 'other-error', category: 'dry-run' });
  });

  test('anything that is not an object is not an error', () => {
    for (const odd of [null, 42, 'text', [], [1, 2]]) {
      expect(explainRecord(odd as unknown as RawRecord)).toMatchObject({ denial: false, kind: 'not-an-error', action: '' });
    }
  });
});
