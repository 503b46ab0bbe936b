// The context keys a record proves, row by row: each with an example, including when it is absent
// (proven) and when it is unknown (left out, never guessed).
import { describe, expect, it } from 'vitest';
import { CONTEXT_KEYS, PRINCIPAL_TAG_PATTERN, requestContext, type ContextInput, type Proof } from '../../src/evaluate/context-keys.js';
import { denial } from '../helpers/denial.js';
import { refused } from './helpers.js';

const role = refused(
  {
    principal: 'arn:aws:iam::111122223333:role/ci',
    principalType: 'AssumedRole',
    sessionName: 'ci-1',
    sourceIp: '198.51.100.7',
    region: 'eu-west-1',
    eventTime: '2026-11-20T10:11:12Z',
  },
  { mfa: 'false', principalId: 'AROAEXAMPLE:ci-1', sessionCreated: '2026-11-20T10:00:00Z' },
);
const input = (over: Partial<ContextInput> = {}): ContextInput => ({
  denial: role.d,
  facts: role.facts,
  principalArn: 'arn:aws:iam::111122223333:role/ci',
  principalTags: null,
  org: null,
  ...over,
});
const proof = (key: string, i: ContextInput): Proof => CONTEXT_KEYS.find((r) => r.key === key)!.proof(i);

describe('context keys from the record', () => {
  it.each<[string, ContextInput, Proof]>([
    ['aws:SourceIp', input(), { value: '198.51.100.7' }],
    ['aws:SourceIp', input({ facts: { ...role.facts, vpcEndpointId: 'vpce-1' } }), 'absent'],
    ['aws:SourceIp', input({ denial: { ...role.d, sourceIp: 'athena.amazonaws.com' } }), 'unknown'],
    ['aws:VpcSourceIp', input({ denial: { ...role.d, sourceIp: '10.0.1.5' }, facts: { ...role.facts, vpcEndpointId: 'vpce-1' } }), { value: '10.0.1.5' }],
    ['aws:VpcSourceIp', input(), 'absent'],
    ['aws:SourceVpce', input({ facts: { ...role.facts, vpcEndpointId: 'vpce-1' } }), { value: 'vpce-1' }],
    ['aws:SourceVpce', input(), 'absent'],
    ['aws:SourceVpce', input({ facts: null }), 'unknown'],
    ['aws:CurrentTime', input(), { value: '2026-11-20T10:11:12Z' }],
    ['aws:EpochTime', input(), { value: '1795169472' }],
    ['aws:CurrentTime', input({ denial: { ...role.d, eventTime: '' } }), 'unknown'],
    ['aws:RequestedRegion', input(), { value: 'eu-west-1' }],
    ['aws:MultiFactorAuthPresent', input(), { value: 'false' }],
    ['aws:MultiFactorAuthPresent', input({ denial: denial({ principalType: 'IAMUser' }), facts: { ...role.facts, mfa: '', sessionCreated: '' } }), 'absent'],
    ['aws:TokenIssueTime', input(), { value: '2026-11-20T10:00:00Z' }],
    ['aws:PrincipalArn', input(), { value: 'arn:aws:iam::111122223333:role/ci' }],
    ['aws:PrincipalAccount', input(), { value: '111122223333' }],
    ['aws:PrincipalOrgID', input({ org: { id: 'o-abcdef1234', path: 'o-abcdef1234/r-ab12/ou-ab12-apps/' } }), { value: 'o-abcdef1234' }],
    ['aws:PrincipalOrgID', input(), 'unknown'],
    [
      'aws:PrincipalOrgPaths',
      input({ org: { id: 'o-abcdef1234', path: 'o-abcdef1234/r-ab12/ou-ab12-apps/' } }),
      { value: ['o-abcdef1234/r-ab12/ou-ab12-apps/'] },
    ],
    ['aws:userid', input(), { value: 'AROAEXAMPLE:ci-1' }],
    ['aws:username', input(), 'absent'],
    ['aws:username', input({ denial: denial({ principalType: 'IAMUser' }), facts: { ...role.facts, userName: 'alice' } }), { value: 'alice' }],
    ['aws:PrincipalType', input(), { value: 'AssumedRole' }],
    ['aws:PrincipalType', input({ denial: denial({ principalType: 'Root' }) }), { value: 'Account' }],
    ['aws:PrincipalIsAWSService', input({ denial: denial({ principalType: 'AWSService' }) }), { value: 'true' }],
    ['aws:PrincipalIsAWSService', input({ denial: denial({ principalType: 'AWSAccount' }) }), { value: 'false' }],
    ['aws:ViaAWSService', input({ facts: { ...role.facts, invokedBy: 'cloudformation.amazonaws.com' } }), { value: 'true' }],
    ['aws:ViaAWSService', input(), { value: 'false' }],
    ['aws:CalledVia', input({ facts: { ...role.facts, invokedBy: 'athena.amazonaws.com' } }), { value: ['athena.amazonaws.com'] }],
    ['aws:CalledVia', input(), 'absent'],
    ['aws:CalledViaFirst', input({ facts: { ...role.facts, invokedBy: 'athena.amazonaws.com' } }), { value: 'athena.amazonaws.com' }],
    ['aws:CalledViaLast', input(), 'absent'],
    ['aws:SecureTransport', input(), { value: 'true' }],
    ['aws:SecureTransport', input({ facts: { ...role.facts, tls: false } }), 'unknown'],
    ['aws:SourceIdentity', input({ facts: { ...role.facts, sourceIdentity: 'alice@example.com' } }), { value: 'alice@example.com' }],
  ])('%s: %o → %o', (key, i, want) => {
    expect(proof(key, i)).toEqual(want);
  });

  it('has a row for every key the issue lists as proven by the event', () => {
    const keys = CONTEXT_KEYS.map((r) => r.key);
    for (const k of [
      'aws:SourceIp',
      'aws:CurrentTime',
      'aws:RequestedRegion',
      'aws:MultiFactorAuthPresent',
      'aws:SourceVpce',
      'aws:PrincipalArn',
      'aws:PrincipalAccount',
      'aws:PrincipalOrgID',
      'aws:PrincipalOrgPaths',
      'aws:userid',
      'aws:username',
      'aws:PrincipalType',
      'aws:ViaAWSService',
      'aws:CalledVia',
      'aws:SecureTransport',
    ]) {
      expect(keys, k).toContain(k);
    }
  });

  it('gives principal tags as the export has them: proven for a user, given but not proven for a session', () => {
    const user = requestContext(
      input({
        denial: denial({ principalType: 'IAMUser', principal: 'arn:aws:iam::111122223333:user/a' }),
        facts: { ...role.facts, sessionCreated: '', mfa: '' },
        principalTags: { team: 'payments' },
      }),
    );
    expect(user.values['aws:PrincipalTag/team']).toBe('payments');
    expect(user.known).toContain(PRINCIPAL_TAG_PATTERN);
    const session = requestContext(input({ principalTags: { team: 'payments' } }));
    expect(session.values['aws:PrincipalTag/team']).toBe('payments');
    expect(session.unproven).toEqual([PRINCIPAL_TAG_PATTERN]);
    expect(session.known).not.toContain(PRINCIPAL_TAG_PATTERN);
  });

  it('leaves out what it cannot prove, so the engine reports it unknown', () => {
    const c = requestContext(input({ facts: null }));
    expect(Object.keys(c.values)).not.toContain('aws:SourceVpce');
    expect(c.known).not.toContain('aws:MultiFactorAuthPresent');
    expect(c.known).not.toContain('aws:ResourceTag/team');
  });
});
