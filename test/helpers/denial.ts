import type { Denial } from '../../src/types.js';

/** A denial with every field filled; override what the case is about. */
export function denial(over: Partial<Denial> = {}): Denial {
  return {
    eventTime: '2026-11-16T10:00:00Z',
    eventId: 'e-1',
    account: '111122223333',
    region: 'us-east-1',
    principal: 'arn:aws:iam::111122223333:role/ci',
    principalType: 'AssumedRole',
    sessionName: 'build-1',
    callerAccount: '111122223333',
    eventSource: 's3.amazonaws.com',
    eventName: 'GetObject',
    action: 's3:GetObject',
    actions: [over.action ?? 's3:GetObject'],
    actionVerified: true,
    resource: 'arn:aws:s3:::bucket/key',
    resourceSource: 'message',
    errorCode: 'AccessDenied',
    category: 'authorization',
    denyKind: 'explicit',
    policyType: 'service-control-policy',
    policyArn: null,
    authorizationId: null,
    hints: [],
    sourceIp: '198.51.100.7',
    userAgent: 'aws-cli/2.15.0',
    message: 'User: x is not authorized to perform: s3:GetObject with an explicit deny in a service control policy',
    recognized: true,
    ...over,
  };
}
