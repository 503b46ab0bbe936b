// The resource built from requestParameters when the message names none: each row's example, and the
// cases where the parameters do not say enough (never guessed).
import { describe, expect, test } from 'vitest';
import { classifyRecord } from '../../src/classify/index.js';
import { partitionOf, requestResource } from '../../src/classify/request-resource.js';
import { REQUEST_RESOURCES } from '../../src/classify/request-resource-rows.js';
import { eventSourceOf } from '../../src/classify/event-sources.js';

const record = (service: string, eventName: string, requestParameters: unknown, over: Record<string, unknown> = {}) => ({
  eventSource: eventSourceOf(service),
  eventName,
  awsRegion: 'us-east-1',
  recipientAccountId: '111122223333',
  requestParameters,
  ...over,
});

describe('resource from the request', () => {
  test.each(REQUEST_RESOURCES.map((r) => [`${r.service} ${r.example.eventName}`, r] as const))('%s', (_n, row) => {
    expect(requestResource(record(row.service, row.example.eventName, row.example.requestParameters))).toBe(row.example.expected);
  });

  test('never more than the parameters say', () => {
    expect(requestResource(record('secretsmanager', 'GetSecretValue', { secretId: 'prod/db' }))).toBeNull(); // ARN suffix unknown
    expect(requestResource(record('iam', 'AttachRolePolicy', { roleName: 'etl', policyArn: 'arn:aws:iam::aws:policy/X' }))).toBeNull(); // path unknown
    expect(requestResource(record('ec2', 'StopInstances', { instancesSet: { items: [{ instanceId: 'i-1' }, { instanceId: 'i-2' }] } }))).toBeNull(); // two resources
    expect(requestResource(record('ec2', 'StopInstances', { instancesSet: { items: [{ instanceId: 'i-0abc' }] } }))).toBe(
      'arn:aws:ec2:us-east-1:111122223333:instance/i-0abc',
    );
    expect(requestResource(record('kms', 'Decrypt', { keyId: 'k' }, { awsRegion: '' }))).toBeNull(); // no Region
    expect(requestResource(record('kms', 'Decrypt', { encryptionContext: {} }))).toBeNull();
    expect(requestResource(record('s3', 'ListBuckets', null))).toBeNull();
    expect(requestResource(record('s3', 'GetObject', { bucketName: 'a b' }))).toBeNull(); // not a bucket name
    expect(requestResource(record('s3', 'GetObject', { bucketName: ['b'] }))).toBeNull();
    expect(requestResource({ eventSource: 's3.amazonaws.com', requestParameters: 'x' })).toBeNull();
  });

  test('partitions, access points, partial Lambda ARNs, legacy queue URLs', () => {
    expect(partitionOf('cn-north-1')).toBe('aws-cn');
    expect(partitionOf('us-gov-west-1')).toBe('aws-us-gov');
    expect(requestResource(record('s3', 'GetObject', { bucketName: 'b', key: 'k' }, { awsRegion: 'cn-north-1' }))).toBe('arn:aws-cn:s3:::b/k');
    expect(requestResource(record('s3', 'GetObject', { bucketName: 'arn:aws:s3:us-east-1:111122223333:accesspoint/ap', key: 'k' }))).toBe(
      'arn:aws:s3:us-east-1:111122223333:accesspoint/ap/object/k',
    );
    expect(requestResource(record('lambda', 'Invoke', { functionName: '444455556666:function:f:prod' }))).toBe(
      'arn:aws:lambda:us-east-1:444455556666:function:f:prod',
    );
    expect(requestResource(record('kms', 'Encrypt', { keyId: '1a2b3c4d-0000-4000-8000-000000000003' }))).toBe(
      'arn:aws:kms:us-east-1:111122223333:key/1a2b3c4d-0000-4000-8000-000000000003',
    );
    expect(requestResource(record('sqs', 'SendMessage', { queueUrl: 'https://queue.amazonaws.com/111122223333/q' }))).toBe(
      'arn:aws:sqs:us-east-1:111122223333:q',
    );
    expect(requestResource(record('sqs', 'SendMessage', { queueUrl: 'https://eu-west-1.queue.amazonaws.com/111122223333/q' }))).toBe(
      'arn:aws:sqs:eu-west-1:111122223333:q',
    );
    expect(requestResource(record('ssm', 'GetParameters', { names: ['/a/b'] }))).toBe('arn:aws:ssm:us-east-1:111122223333:parameter/a/b');
  });

  test('a denial says where its resource came from', () => {
    const fromRequest = classifyRecord({
      ...record('ec2', 'GetPasswordData', { instanceId: 'i-0abc123def4567890' }),
      errorCode: 'Client.UnauthorizedOperation',
      errorMessage: 'You are not authorized to perform this operation.',
    });
    expect(fromRequest.kind === 'denial' && [fromRequest.denial.resource, fromRequest.denial.resourceSource, fromRequest.denial.action]).toEqual([
      'arn:aws:ec2:us-east-1:111122223333:instance/i-0abc123def4567890',
      'request',
      'ec2:GetPasswordData',
    ]);
    const fromMessage = classifyRecord({
      ...record('s3', 'GetObject', { bucketName: 'b', key: 'k' }),
      errorCode: 'AccessDenied',
      errorMessage: 'User: arn:aws:iam::111122223333:user/a is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::other/x"',
    });
    expect(fromMessage.kind === 'denial' && [fromMessage.denial.resource, fromMessage.denial.resourceSource]).toEqual(['arn:aws:s3:::other/x', 'message']);
    const none = classifyRecord({
      ...record('ec2', 'RunInstances', {}),
      errorCode: 'Client.UnauthorizedOperation',
      errorMessage: 'You are not authorized to perform this operation.',
    });
    expect(none.kind === 'denial' && [none.denial.resource, none.denial.resourceSource]).toEqual([null, null]);
  });
});
