import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { classify, classifyRecord } from '../../src/classify/index.js';
import type { RawRecord } from '../../src/types.js';
import { FIXTURE_DIR } from './fixture-table.js';

const DIR = `${FIXTURE_DIR}records/`;
const cases = readdirSync(DIR)
  .filter((n) => n.endsWith('.json') && !n.endsWith('.expected.json'))
  .sort()
  .map((n) => n.replace(/\.json$/, ''));

const load = (name: string): unknown => JSON.parse(readFileSync(`${DIR}${name}`, 'utf8'));

describe('record fixtures (test/fixtures/classify/records/<case>.json → <case>.expected.json)', () => {
  test('cover the cases the issue names', () => {
    for (const name of ['assumed-role-with-path', 'console-login-failure-hidden-user', 'throttling', 'dry-run', 'no-such-bucket-policy', 'unknown-code']) {
      expect(cases).toContain(name);
    }
  });

  test.each(cases)('%s', (name) => {
    const record = load(`${name}.json`) as RawRecord;
    const expected = load(`${name}.expected.json`);
    expect(classifyRecord(record)).toEqual(expected);
    const c = classifyRecord(record);
    expect(classify(record)).toEqual(c.kind === 'denial' ? c.denial : null);
  });
});

describe('record rules', () => {
  const denial = (record: RawRecord) => {
    const c = classifyRecord(record);
    if (c.kind !== 'denial') throw new Error(c.kind);
    return c.denial;
  };

  test('assumed-role sessions group under the issuer ARN (keeps the role path) and keep the session name', () => {
    const d = denial(load('assumed-role-with-path.json') as RawRecord);
    expect(d.principal).toBe('arn:aws:iam::111122223333:role/data/pipelines/ReportReader');
    expect(d.sessionName).toBe('etl-run-17');
  });

  test('without a session issuer the session ARN is converted, in every partition', () => {
    for (const partition of ['aws', 'aws-cn', 'aws-us-gov']) {
      const d = denial({
        errorCode: 'AccessDenied',
        userIdentity: { type: 'AssumedRole', arn: `arn:${partition}:sts::123456789012:assumed-role/Ops/me`, accountId: '123456789012' },
      });
      expect(d.principal).toBe(`arn:${partition}:iam::123456789012:role/Ops`);
      expect(d.sessionName).toBe('me');
    }
  });

  test('the EC2 Client. prefix is the same code; Client.DryRunOperation is not a denial', () => {
    expect(classifyRecord({ errorCode: 'Client.UnauthorizedOperation' }).kind).toBe('denial');
    expect(classifyRecord({ errorCode: 'UnauthorizedOperation' }).kind).toBe('denial');
    expect(classifyRecord({ errorCode: 'Client.DryRunOperation' }).kind).toBe('other-error');
  });

  test('codes are case-sensitive', () => {
    expect(classifyRecord({ errorCode: 'accessdenied' }).kind).toBe('other-error');
    expect(classifyRecord({ errorCode: 'ACCESSDENIED' }).kind).toBe('other-error');
  });

  test('action falls back to the event → IAM action table, service prefix lower-cased', () => {
    expect(denial({ errorCode: 'AccessDenied', eventSource: 'ec2.amazonaws.com', eventName: 'RunInstances' }).action).toBe('ec2:RunInstances');
    expect(denial({ errorCode: 'AccessDenied', eventSource: 'monitoring.amazonaws.com', eventName: 'PutMetricData' }).action).toBe('cloudwatch:PutMetricData');
    expect(denial({ errorCode: 'AccessDenied', eventSource: 'S3.AMAZONAWS.COM', eventName: 'GetObject' }).action).toBe('s3:GetObject');
  });

  test('account is recipientAccountId, else the caller account', () => {
    expect(denial({ errorCode: 'AccessDenied', userIdentity: { type: 'IAMUser', accountId: '111122223333' } }).account).toBe('111122223333');
    expect(
      denial({ errorCode: 'AccessDenied', recipientAccountId: '444455556666', userIdentity: { type: 'IAMUser', accountId: '111122223333' } }).account,
    ).toBe('444455556666');
  });

  test('a record without userIdentity and without a message principal is unknown', () => {
    expect(denial({ errorCode: 'AccessDenied', errorMessage: 'Access Denied' }).principal).toBe('unknown');
  });

  test('hints come out sorted and unique', () => {
    const d = denial(load('vpce-network-activity.json') as RawRecord);
    expect(d.hints).toEqual([...new Set(d.hints)].sort());
  });

  test('a ConsoleLogin success, or a failure that has an errorCode, is not a console-login denial', () => {
    expect(classifyRecord({ eventName: 'ConsoleLogin', responseElements: { ConsoleLogin: 'Success' } }).kind).toBe('no-error');
    const withCode = classifyRecord({ eventName: 'ConsoleLogin', errorCode: 'AccessDenied', responseElements: { ConsoleLogin: 'Failure' } });
    expect(withCode.kind === 'denial' && withCode.denial.errorCode).toBe('AccessDenied');
  });
});
