import { Evaluator, loadEngine } from './dist/evaluate/index.js';
const allowAll = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };
const store = {
  inputs: [{ path: 'x-2026-11-23.json', kind: 'authorization-details', accounts: ['111122223333'], exportedOn: '2026-11-23', dateFrom: 'name' }],
  identityAccounts: ['111122223333'], resourceAccounts: [],
  principals: [{ arn: 'arn:aws:iam::111122223333:role/ci', kind: 'role', tags: {}, inline: [{ name: 'all', document: allowAll, source: 'x' }], managed: [], groups: [], boundary: null, trust: null }],
  groups: [], managed: [], resources: [], vpcEndpoints: [],
  orgs: [{ id: 'o-1', managementAccount: '999900001111', root: 'r-ab12', parents: { 'ou-ab12-prod': 'r-ab12' }, accounts: { '111122223333': 'ou-ab12-prod' }, scps: { 'r-ab12': ['p-full'], 'ou-ab12-prod': ['p-region'], '111122223333': ['p-full'] }, rcps: {}, policies: {
    'p-full': { name: 'arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess', document: allowAll, source: 's' },
    'p-region': { name: 'arn:aws:organizations::999900001111:policy/o-1/service_control_policy/p-region', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }, { Sid: 'DenyOutsideEU', Effect: 'Deny', NotAction: ['iam:*'], Resource: '*', Condition: { StringNotEquals: { 'aws:RequestedRegion': ['eu-west-1', 'eu-central-1'] } } }] }, source: 's' } } }],
  sessionPolicies: [], blockPublicAccess: [], issues: [] };
const ev = new Evaluator(await loadEngine(), store);
const d = { eventTime: '2026-11-20T10:00:00Z', eventId: 'e', account: '111122223333', region: 'us-west-2', principal: 'arn:aws:iam::111122223333:role/ci', principalType: 'AssumedRole', sessionName: 's1', callerAccount: '111122223333', eventSource: 'cloudformation.amazonaws.com', eventName: 'CreateStack', action: 'cloudformation:CreateStack', actions: [], actionVerified: true, resource: 'arn:aws:cloudformation:us-west-2:111122223333:stack/app/*', resourceSource: 'message', errorCode: 'AccessDenied', category: 'authorization', denyKind: 'explicit', policyType: 'service-control-policy', policyArn: null, authorizationId: null, hints: [], sourceIp: '1.2.3.4', userAgent: '', message: '', recognized: true };
console.log(JSON.stringify(await ev.cause(d), null, 2));
console.log(JSON.stringify(await ev.cause({ ...d, region: 'eu-west-1' }), null, 2));
console.log(JSON.stringify(await ev.cause({ ...d, action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', region: 'eu-west-1', policyType: 'identity-based', denyKind: 'implicit' }), null, 2));
