import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const SCP =
  'User: arn:aws:iam::111122223333:user/bob is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::b/k" with an explicit deny in a service control policy';

describe('cloudtrail-denials explain', () => {
  it('takes the message as an argument and prints classification and guidance', () => {
    const r = runCli(['explain', SCP]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/policy type\s+service-control-policy/);
    expect(r.stdout).toMatch(/deny kind\s+explicit/);
    expect(r.stdout).toMatch(/action\s+s3:GetObject/);
    expect(r.stdout).toContain('aws organizations list-policies-for-target');
    expect(r.stderr).toBe('');
  });

  it('says an error code was assumed when nothing named one', () => {
    const r = runCli(['explain', 'something went wrong']);
    expect(r.stdout).toMatch(/error code\s+AccessDenied \(assumed: none was given and the text names none; --error-code <code> sets it\)/);
  });

  it('reads stdin for `-`, as for no argument', () => {
    const r = runCli(['explain', '-'], { input: 'An error occurred (ThrottlingException) when calling the DescribeInstances operation: Rate exceeded\n' });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^not a denial: ThrottlingException/);
    expect(runCli(['explain', '-'], { input: '' }).stderr).toContain('explain needs an error message');
  });

  it('reads the message from stdin, AWS CLI prefix and all, taking the code from it', () => {
    const line = `An error occurred (AccessDeniedException) when calling the Decrypt operation: User: arn:aws:sts::111122223333:assumed-role/app/i-0abc is not authorized to perform: kms:Decrypt on resource: arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab because no identity-based policy allows the kms:Decrypt action\n`;
    const r = runCli(['explain', '--json'], { input: line });
    expect(r.code).toBe(0);
    const d = JSON.parse(r.stdout);
    expect(d).toMatchObject({
      errorCode: 'AccessDeniedException',
      category: 'authorization',
      denyKind: 'implicit',
      policyType: 'identity-based',
      action: 'kms:Decrypt',
      principal: 'arn:aws:iam::111122223333:role/app',
    });
  });

  it('explains a whole record from --event', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ctd-explain-'));
    const path = join(dir, 'record.json');
    writeFileSync(
      path,
      JSON.stringify({
        eventVersion: '1.09',
        eventTime: '2026-11-20T10:00:00Z',
        eventSource: 'ec2.amazonaws.com',
        eventName: 'RunInstances',
        awsRegion: 'eu-west-1',
        errorCode: 'Client.UnauthorizedOperation',
        errorMessage: 'You are not authorized to perform this operation. Encoded authorization failure message: AbCdEf0123',
        userIdentity: { type: 'IAMUser', arn: 'arn:aws:iam::111122223333:user/ann', accountId: '111122223333', userName: 'ann' },
        recipientAccountId: '111122223333',
        eventID: 'e1',
      }),
    );
    const r = runCli(['explain', '--event', path, '--json']);
    expect(r.code).toBe(0);
    const d = JSON.parse(r.stdout);
    expect(d).toMatchObject({ action: 'ec2:RunInstances', principal: 'arn:aws:iam::111122223333:user/ann', eventId: 'e1' });
    expect(d.hints).toContain('encoded-message');
    expect(runCli(['explain', '--event', path]).stdout).toContain('aws sts decode-authorization-message');
  });

  it('uses --error-code and says when nothing was given', () => {
    const r = runCli(['explain', 'The security token included in the request is expired', '--error-code', 'ExpiredToken', '--json']);
    expect(JSON.parse(r.stdout)).toMatchObject({ category: 'authentication', errorCode: 'ExpiredToken' });
    const empty = runCli(['explain']);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toMatch(/^cloudtrail-denials: explain needs an error message/);
    expect(empty.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('strips terminal control sequences from log text', () => {
    const r = runCli(['explain', `${SCP}\u001b]0;pwned\u0007\u001b[2J`]);
    expect(r.stdout).not.toMatch(/\u001b/);
  });

  it('says "not a denial" plainly for other errors, and --json carries denial false and the kind', () => {
    const text = runCli(['explain', '--error-code', 'ThrottlingException', 'Rate exceeded']);
    expect(text.code).toBe(0);
    expect(text.stdout.split('\n')[0]).toBe('not a denial: ThrottlingException is a throttling error — the request was rate-limited, not refused');
    for (const code of ['Client.DryRunOperation', 'NoSuchBucket', 'KMS.NotFoundException']) {
      const r = runCli(['explain', '--json', '--error-code', code, 'whatever AWS said']);
      expect(JSON.parse(r.stdout)).toMatchObject({ denial: false, errorCode: code, kind: 'other-error' });
    }
    expect(JSON.parse(runCli(['explain', '--json', 'Rate exceeded']).stdout)).toEqual({
      denial: false,
      errorCode: 'ThrottlingException',
      kind: 'other-error',
      category: 'throttling',
      explanation: 'ThrottlingException is a throttling error — the request was rate-limited, not refused',
      action: '',
      message: 'Rate exceeded',
    });
  });

  it('a denial in --json starts with denial true and carries actions, actionVerified and resourceSource', () => {
    const d = JSON.parse(
      runCli(['explain', '--json'], { input: 'fatal error: An error occurred (403) when calling the HeadObject operation: Forbidden\n' }).stdout,
    );
    expect(Object.keys(d)[0]).toBe('denial');
    expect(d).toMatchObject({
      denial: true,
      errorCode: 'AccessDenied',
      action: 's3:GetObject',
      actions: ['s3:GetObject'],
      actionVerified: true,
      eventName: 'HeadObject',
      resourceSource: null,
    });
    expect(d.hints).toContain('no-error-body');
    const unknown = JSON.parse(runCli(['explain', '--json', 'User: arn:aws:iam::111122223333:user/a is not authorized to perform: s3:HeadObject']).stdout);
    expect(unknown).toMatchObject({ action: 's3:HeadObject', actionVerified: false });
    expect(runCli(['explain', 'User: arn:aws:iam::111122223333:user/a is not authorized to perform: s3:HeadObject']).stdout).toMatch(
      /action\s+s3:HeadObject \(not in the IAM action catalogue\)/,
    );
  });

  it('a Terraform error box pasted on stdin', () => {
    const paste =
      '╷\n│ Error: creating IAM Role (app): operation error IAM: CreateRole, https response error StatusCode: 403, RequestID: 7c2d1e0f, api error AccessDenied: User:\n│ arn:aws:sts::111122223333:assumed-role/tf/gh is not authorized to perform: iam:CreateRole on resource:\n│ arn:aws:iam::111122223333:role/app with an explicit deny in a service control policy\n│\n╵\n';
    const d = JSON.parse(runCli(['explain', '--json'], { input: paste }).stdout);
    expect(d).toMatchObject({
      denial: true,
      action: 'iam:CreateRole',
      resource: 'arn:aws:iam::111122223333:role/app',
      policyType: 'service-control-policy',
      denyKind: 'explicit',
    });
  });

  it('--event on a record that is not a denial', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ctd-i15-explain-'));
    const path = join(dir, 'ok.json');
    writeFileSync(path, JSON.stringify({ eventSource: 's3.amazonaws.com', eventName: 'ListBuckets', eventTime: '2026-11-20T10:00:00Z' }));
    expect(runCli(['explain', '--event', path]).stdout.split('\n')[0]).toMatch(/^not a denial: The record carries no errorCode/);
    expect(JSON.parse(runCli(['explain', '--event', path, '--json']).stdout)).toMatchObject({
      denial: false,
      kind: 'not-an-error',
      action: 's3:ListAllMyBuckets',
    });
  });
});
