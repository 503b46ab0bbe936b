// A Denial with its keys in the order types.ts declares, so JSON Lines output is byte-stable.
import type { Denial } from '../types.js';

export function canonicalDenial(d: Denial): Denial {
  return {
    eventTime: d.eventTime,
    eventId: d.eventId,
    account: d.account,
    region: d.region,
    principal: d.principal,
    principalType: d.principalType,
    sessionName: d.sessionName,
    callerAccount: d.callerAccount,
    eventSource: d.eventSource,
    eventName: d.eventName,
    action: d.action,
    actions: [...d.actions],
    actionVerified: d.actionVerified,
    resource: d.resource,
    resourceSource: d.resourceSource,
    errorCode: d.errorCode,
    category: d.category,
    denyKind: d.denyKind,
    policyType: d.policyType,
    policyArn: d.policyArn,
    authorizationId: d.authorizationId,
    hints: [...d.hints],
    sourceIp: d.sourceIp,
    userAgent: d.userAgent,
    message: d.message,
    recognized: d.recognized,
    ...(d.sourceFile === undefined ? {} : { sourceFile: d.sourceFile }),
  };
}
