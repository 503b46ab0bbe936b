/** A CloudTrail record for tests that run the CLI: a successful s3:GetObject by an IAM user. */
export function cloudTrailRecord(id: string, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    eventVersion: '1.09',
    eventTime: '2026-11-20T10:00:00Z',
    eventSource: 's3.amazonaws.com',
    eventName: 'GetObject',
    awsRegion: 'us-east-1',
    recipientAccountId: '111122223333',
    userIdentity: { type: 'IAMUser', arn: 'arn:aws:iam::111122223333:user/ann', accountId: '111122223333' },
    eventID: id,
    ...over,
  };
}
