// Each layer of AWS's evaluation and each answer, with real policy shapes: an explicit Deny in an
// identity policy, an SCP at an OU, an RCP, a resource policy (an S3 bucket, a KMS key), a permissions
// boundary, a session policy, a VPC endpoint policy, a role's trust policy, S3 Block Public Access;
// an implicit deny with an Allow whose condition fails; allowed-now; undetermined for a missing layer
// and for a context key the log cannot prove.
import { describe, expect, it } from 'vitest';
import { ACCOUNT, ALLOW_ALL, OTHER, causeOf, doc, evaluator, inline, managed, org, principal, refused, store } from './helpers.js';

const USER = `arn:aws:iam::${ACCOUNT}:user/intern`;
const ROLE = `arn:aws:iam::${ACCOUNT}:role/ci`;
const asUser = { principal: USER, principalType: 'IAMUser', sessionName: null };
const asRole = { principal: ROLE, principalType: 'AssumedRole', sessionName: 'ci-42' };
const bucket = (name: string, policy: unknown = null) => ({
  arn: `arn:aws:s3:::${name}`,
  account: ACCOUNT,
  policy: policy === null ? null : inline(`bucket policy of ${name}`, policy),
  tags: {},
});

describe('explicit-deny', () => {
  it('in an identity-based policy: the policy, where it is attached, the statement and why it matched', async () => {
    const ev = await evaluator(
      store({
        principals: [
          principal(USER, {
            inline: [inline('storage', doc({ Effect: 'Allow', Action: 's3:*', Resource: '*' }))],
            managed: [`arn:aws:iam::${ACCOUNT}:policy/NoBucketDeletion`],
          }),
        ],
        managed: [
          managed(
            `arn:aws:iam::${ACCOUNT}:policy/NoBucketDeletion`,
            doc({ Sid: 'NoBucketDeletion', Effect: 'Deny', Action: ['s3:DeleteBucket', 's3:DeleteBucketPolicy'], Resource: 'arn:aws:s3:::*' }),
          ),
        ],
        resources: [bucket('logs')],
      }),
    );
    const c = await causeOf(
      ev,
      refused({ ...asUser, action: 's3:DeleteBucket', resource: 'arn:aws:s3:::logs', policyType: 'identity-based', denyKind: 'explicit' }),
    );
    expect(c.kind).toBe('explicit-deny');
    expect(c.statement).toMatchObject({
      layer: 'identity-based',
      policy: `arn:aws:iam::${ACCOUNT}:policy/NoBucketDeletion`,
      attachedTo: `user ${USER}`,
      sid: 'NoBucketDeletion',
      index: 1,
    });
    expect(c.statement?.why).toEqual(['action s3:DeleteBucket matches "s3:DeleteBucket"', 'resource arn:aws:s3:::logs matches "arn:aws:s3:::*"']);
    expect(c.statement?.marks).toEqual(['"s3:DeleteBucket"', '"arn:aws:s3:::*"']);
    expect(JSON.parse(c.statement!.text)).toEqual({
      Sid: 'NoBucketDeletion',
      Effect: 'Deny',
      Action: ['s3:DeleteBucket', 's3:DeleteBucketPolicy'],
      Resource: 'arn:aws:s3:::*',
    });
    expect(c.guidance).toBe(
      `Remove or narrow statement \`NoBucketDeletion\` (index 1) of policy arn:aws:iam::${ACCOUNT}:policy/NoBucketDeletion attached to user ${USER}`,
    );
    expect(c).toMatchObject({
      disagreement: null,
      exportedOn: '2026-11-23',
      supplied: ['service-control-policy', 'resource-control-policy', 'resource-based', 'identity-based'],
      missing: [],
    });
  });

  it('in an SCP attached to an OU, with the condition values from the event', async () => {
    const ev = await evaluator(
      store({
        principals: [principal(ROLE, { inline: [inline('ci', ALLOW_ALL)] })],
        orgs: [
          org({
            scps: { 'ou-ab12-apps': ['p-denyregions'] },
            policies: {
              'p-denyregions': doc(
                { Sid: 'DenyLeave', Effect: 'Deny', Action: 'organizations:LeaveOrganization', Resource: '*' },
                {
                  Sid: 'DenyOutsideEU',
                  Effect: 'Deny',
                  NotAction: ['iam:*', 'sts:*'],
                  Resource: '*',
                  Condition: { StringNotEquals: { 'aws:RequestedRegion': ['eu-west-1', 'eu-central-1'] } },
                },
              ),
            },
          }),
        ],
      }),
    );
    const c = await causeOf(
      ev,
      refused({
        ...asRole,
        region: 'us-west-2',
        action: 'ec2:RunInstances',
        resource: `arn:aws:ec2:us-west-2:${ACCOUNT}:instance/*`,
        policyType: 'service-control-policy',
        denyKind: 'explicit',
      }),
    );
    expect(c.statement).toMatchObject({ layer: 'service-control-policy', attachedTo: 'OU r-ab12/ou-ab12-apps', sid: 'DenyOutsideEU', index: 2 });
    expect(c.guidance).toBe(
      'Remove or narrow statement `DenyOutsideEU` (index 2) of SCP p-denyregions attached to OU r-ab12/ou-ab12-apps, or make the request meet its condition',
    );
    expect(c.statement?.why).toContain("condition StringNotEquals aws:RequestedRegion [eu-west-1, eu-central-1] holds: the request's us-west-2");
    expect(c.summary).toMatch(
      /^Statement `DenyOutsideEU` \(index 2\) of SCP p-denyregions attached to OU r-ab12\/ou-ab12-apps denies ec2:RunInstances on arn:aws:ec2:us-west-2:111122223333:instance\/\*: its condition/,
    );
    // the wildcard in the name AWS gave is part of the name, not a pattern over instances
    expect(c.statement?.why).toContain('resource arn:aws:ec2:us-west-2:111122223333:instance/* matches "*"');
  });

  it("in an RCP of the resource's account (a service RCPs apply to)", async () => {
    const ev = await evaluator(
      store({
        principals: [principal(ROLE, { inline: [inline('ci', ALLOW_ALL)] })],
        resources: [bucket('data')],
        orgs: [
          org({
            rcps: { 'ou-ab12-apps': ['p-rperimeter'] },
            policies: {
              'p-rperimeter': doc({
                Sid: 'EuDataOnly',
                Effect: 'Deny',
                Principal: '*',
                Action: 's3:*',
                Resource: '*',
                Condition: { StringNotEquals: { 'aws:RequestedRegion': 'eu-west-1' } },
              }),
            },
          }),
        ],
      }),
    );
    const c = await causeOf(
      ev,
      refused({
        ...asRole,
        region: 'us-east-1',
        action: 's3:GetObject',
        resource: 'arn:aws:s3:::data/report.csv',
        policyType: 'resource-control-policy',
        denyKind: 'explicit',
      }),
    );
    expect(c.statement).toMatchObject({ layer: 'resource-control-policy', sid: 'EuDataOnly', attachedTo: 'OU r-ab12/ou-ab12-apps' });
    expect(c.guidance).toMatch(/^Remove or narrow statement `EuDataOnly` \(index 1\) of RCP p-rperimeter attached to OU r-ab12\/ou-ab12-apps/);
  });

  it('in an S3 bucket policy', async () => {
    const ev = await evaluator(
      store({
        principals: [principal(ROLE, { inline: [inline('ci', ALLOW_ALL)] })],
        resources: [bucket('audit', doc({ Sid: 'ProtectLogs', Effect: 'Deny', Principal: '*', Action: 's3:DeleteObject', Resource: 'arn:aws:s3:::audit/*' }))],
      }),
    );
    const c = await causeOf(
      ev,
      refused({ ...asRole, action: 's3:DeleteObject', resource: 'arn:aws:s3:::audit/2026/11/app.log', policyType: 'resource-based', denyKind: 'explicit' }),
    );
    expect(c.statement).toMatchObject({ layer: 'resource-based', policy: 'bucket policy of arn:aws:s3:::audit', sid: 'ProtectLogs' });
    expect(c.statement?.why).toContain('principal matches "*"');
    expect(c.disagreement).toBeNull();
  });

  it('in a permissions boundary', async () => {
    const boundary = `arn:aws:iam::${ACCOUNT}:policy/Boundary`;
    const ev = await evaluator(
      store({
        principals: [principal(USER, { inline: [inline('admin', ALLOW_ALL)], boundary })],
        managed: [
          managed(
            boundary,
            doc({ Effect: 'Allow', Action: ['iam:*', 's3:*'], Resource: '*' }, { Sid: 'NoUsers', Effect: 'Deny', Action: 'iam:CreateUser', Resource: '*' }),
          ),
        ],
      }),
    );
    const c = await causeOf(
      ev,
      refused({
        ...asUser,
        action: 'iam:CreateUser',
        resource: `arn:aws:iam::${ACCOUNT}:user/backdoor`,
        policyType: 'permissions-boundary',
        denyKind: 'explicit',
      }),
    );
    expect(c.statement).toMatchObject({ layer: 'permissions-boundary', policy: boundary, attachedTo: `user ${USER}`, sid: 'NoUsers', index: 2 });
    expect(c.guidance).toBe(`Remove or narrow statement \`NoUsers\` (index 2) of permissions boundary ${boundary} of user ${USER}`);
  });

  it('in a session policy the inputs hold for the session', async () => {
    const ev = await evaluator(
      store({
        principals: [principal(ROLE, { inline: [inline('ci', ALLOW_ALL)] })],
        resources: [bucket('artifacts')],
        sessionPolicies: [
          {
            sessions: `arn:aws:sts::${ACCOUNT}:assumed-role/ci/ci-*`,
            policy: inline(
              'ci workflow',
              doc(
                { Effect: 'Allow', Action: 's3:*', Resource: '*' },
                { Sid: 'NoReleases', Effect: 'Deny', Action: 's3:PutObject', Resource: 'arn:aws:s3:::artifacts/releases/*' },
              ),
            ),
          },
        ],
        inputs: [...store().inputs, { path: 'sessions.json', kind: 'session-policies', accounts: [], exportedOn: null, dateFrom: null }],
      }),
    );
    const c = await causeOf(
      ev,
      refused({ ...asRole, action: 's3:PutObject', resource: 'arn:aws:s3:::artifacts/releases/v1.zip', policyType: 'session-policy', denyKind: 'explicit' }),
    );
    expect(c.statement).toMatchObject({
      layer: 'session-policy',
      policy: 'ci workflow',
      attachedTo: `sessions arn:aws:sts::${ACCOUNT}:assumed-role/ci/ci-*`,
      sid: 'NoReleases',
    });
    expect(c.supplied).toContain('session-policy');
  });

  it('in a VPC endpoint policy, for a request through that endpoint', async () => {
    const ev = await evaluator(
      store({
        principals: [principal(ROLE, { inline: [inline('ci', ALLOW_ALL)] })],
        resources: [bucket('exchange')],
        vpcEndpoints: [
          {
            id: 'vpce-0a1b2c3d',
            account: ACCOUNT,
            policy: inline(
              'policy of vpce-0a1b2c3d',
              doc(
                { Sid: 'NoUploads', Effect: 'Deny', Principal: '*', Action: 's3:PutObject', Resource: '*' },
                { Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: '*' },
              ),
            ),
          },
        ],
      }),
    );
    const c = await causeOf(
      ev,
      refused(
        {
          ...asRole,
          action: 's3:PutObject',
          resource: 'arn:aws:s3:::exchange/out.csv',
          sourceIp: '10.0.4.7',
          policyType: 'vpc-endpoint-policy',
          denyKind: 'explicit',
        },
        { vpcEndpointId: 'vpce-0a1b2c3d' },
      ),
    );
    expect(c.statement).toMatchObject({ layer: 'vpc-endpoint-policy', attachedTo: `VPC endpoint vpce-0a1b2c3d in account ${ACCOUNT}`, sid: 'NoUploads' });
  });

  it("in a role's trust policy, for sts:AssumeRole from another account", async () => {
    const target = `arn:aws:iam::${ACCOUNT}:role/admin`;
    const caller = `arn:aws:iam::${OTHER}:role/tooling`;
    const ev = await evaluator(
      store({
        identityAccounts: [ACCOUNT, OTHER],
        principals: [
          principal(caller, { inline: [inline('assume', doc({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }))] }),
          principal(target, {
            trust: inline(
              'trust',
              doc(
                { Sid: 'NotTooling', Effect: 'Deny', Principal: { AWS: `arn:aws:iam::${OTHER}:root` }, Action: 'sts:AssumeRole' },
                { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'sts:AssumeRole' },
              ),
            ),
          }),
        ],
        orgs: [org({ accounts: { [OTHER]: 'ou-ab12-apps' } })],
      }),
    );
    const c = await causeOf(
      ev,
      refused({
        principal: caller,
        principalType: 'AssumedRole',
        sessionName: 's1',
        callerAccount: OTHER,
        action: 'sts:AssumeRole',
        resource: target,
        policyType: 'role-trust-policy',
        denyKind: 'explicit',
      }),
    );
    expect(c.statement).toMatchObject({ layer: 'role-trust-policy', policy: `trust policy of ${target}`, attachedTo: `role ${target}`, sid: 'NotTooling' });
  });

  it('in S3 Block Public Access, by the setting the message names', async () => {
    const ev = await evaluator(store({ blockPublicAccess: [{ scope: 'arn:aws:s3:::site', settings: { BlockPublicAcls: true, BlockPublicPolicy: false } }] }));
    const message =
      'User: x is not authorized to perform: s3:PutObjectAcl on resource: "arn:aws:s3:::site/a.png" because public ACLs are prevented by the BlockPublicAcls setting in S3 Block Public Access.';
    const c = await causeOf(
      ev,
      refused({
        ...asRole,
        action: 's3:PutObjectAcl',
        resource: 'arn:aws:s3:::site/a.png',
        message,
        policyType: 's3-block-public-access',
        denyKind: 'explicit',
      }),
    );
    expect(c).toMatchObject({ kind: 'explicit-deny', statement: { layer: 's3-block-public-access', sid: 'BlockPublicAcls' }, disagreement: null });
    const off = await causeOf(
      ev,
      refused({
        ...asRole,
        action: 's3:PutBucketPolicy',
        resource: 'arn:aws:s3:::site',
        message: message.replace('BlockPublicAcls', 'BlockPublicPolicy'),
        policyType: 's3-block-public-access',
        denyKind: 'explicit',
      }),
    );
    expect(off.kind).toBe('allowed-now');
    expect(off.disagreement).toMatch(/^AWS's message said an explicit deny in an S3 Block Public Access setting/);
  });

  it('with a Deny on every resource, also when the event does not name the resource', async () => {
    const ev = await evaluator(
      store({
        principals: [
          principal(USER, {
            inline: [
              inline('ec2', ALLOW_ALL),
              inline('guard', doc({ Sid: 'NoOpenIngress', Effect: 'Deny', Action: 'ec2:AuthorizeSecurityGroupIngress', Resource: '*' })),
            ],
          }),
        ],
      }),
    );
    const c = await causeOf(ev, refused({ ...asUser, action: 'ec2:AuthorizeSecurityGroupIngress', resource: null }));
    expect(c).toMatchObject({ kind: 'explicit-deny', statement: { sid: 'NoOpenIngress' } });
  });
});

describe('implicit-deny', () => {
  it('names the layer without an Allow and the Allow that came closest, with the condition that failed', async () => {
    const ev = await evaluator(
      store({
        principals: [
          principal(USER, {
            inline: [
              inline(
                'ops',
                doc(
                  { Effect: 'Allow', Action: 'ec2:Describe*', Resource: '*' },
                  {
                    Sid: 'TerminateWithMfa',
                    Effect: 'Allow',
                    Action: 'ec2:TerminateInstances',
                    Resource: '*',
                    Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
                  },
                ),
              ),
            ],
          }),
        ],
      }),
    );
    const c = await causeOf(
      ev,
      refused(
        {
          ...asUser,
          action: 'ec2:TerminateInstances',
          resource: `arn:aws:ec2:us-east-1:${ACCOUNT}:instance/i-0abc`,
          policyType: 'identity-based',
          denyKind: 'implicit',
        },
        { mfa: 'false', sessionCreated: '2026-11-20T09:00:00Z' },
      ),
    );
    expect(c).toMatchObject({ kind: 'implicit-deny', lacking: ['identity-based'], disagreement: null });
    expect(c.statement).toMatchObject({
      sid: 'TerminateWithMfa',
      index: 2,
      marks: ['"ec2:TerminateInstances"', '"*"'],
      missed: ['"aws:MultiFactorAuthPresent"'],
    });
    expect(c.summary).toBe(
      `No identity-based policy allows ec2:TerminateInstances on arn:aws:ec2:us-east-1:${ACCOUNT}:instance/i-0abc for user ${USER}; the closest Allow is statement \`TerminateWithMfa\` (index 2) of inline policy ops of user ${USER}, which does not match: condition Bool aws:MultiFactorAuthPresent true does not hold: the request's false`,
    );
    expect(c.guidance).toMatch(
      /^Add an Allow for ec2:TerminateInstances on .* to the identity-based policies of user .*, e\.g\. widen statement `TerminateWithMfa`/,
    );
  });

  it('in a KMS key policy, across accounts', async () => {
    const key = `arn:aws:kms:eu-west-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
    const reader = `arn:aws:iam::${OTHER}:role/reader`;
    const ev = await evaluator(
      store({
        identityAccounts: [ACCOUNT, OTHER],
        principals: [principal(reader, { inline: [inline('keys', doc({ Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*' }))] })],
        resources: [
          {
            arn: key,
            account: ACCOUNT,
            policy: inline(
              'key policy',
              doc({ Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'kms:*', Resource: '*' }),
            ),
            tags: {},
          },
        ],
        orgs: [org({ accounts: { [OTHER]: 'ou-ab12-apps' } })],
      }),
    );
    const c = await causeOf(
      ev,
      refused({ principal: reader, principalType: 'AssumedRole', sessionName: 'r', callerAccount: OTHER, action: 'kms:Decrypt', resource: key }),
    );
    expect(c).toMatchObject({ kind: 'implicit-deny', lacking: ['resource-based'] });
    expect(c.statement).toMatchObject({ policy: `key policy of ${key}`, sid: 'Enable IAM User Permissions' });
    expect(c.statement?.why).toContain(`principal role ${reader} is not among "arn:aws:iam::${ACCOUNT}:root"`);
  });

  it('in a permissions boundary, a session policy and a VPC endpoint policy', async () => {
    const boundary = `arn:aws:iam::${ACCOUNT}:policy/Boundary`;
    const ev = await evaluator(
      store({
        principals: [principal(ROLE, { inline: [inline('all', ALLOW_ALL)], boundary })],
        managed: [managed(boundary, doc({ Effect: 'Allow', Action: ['s3:*', 'ec2:*'], Resource: '*' }))],
        resources: [bucket('b')],
        sessionPolicies: [
          {
            sessions: `arn:aws:sts::${ACCOUNT}:assumed-role/ci/*`,
            policy: inline('narrow', doc({ Effect: 'Allow', Action: ['s3:*', 'sqs:*'], Resource: '*' })),
          },
        ],
        vpcEndpoints: [
          { id: 'vpce-1', account: ACCOUNT, policy: inline('vpce-1', doc({ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: '*' })) },
        ],
      }),
    );
    const sqs = await causeOf(ev, refused({ ...asRole, action: 'sqs:SendMessage', resource: `arn:aws:sqs:us-east-1:${ACCOUNT}:jobs` }));
    expect(sqs.lacking).toEqual(['permissions-boundary']);
    const ec2 = await causeOf(ev, refused({ ...asRole, action: 'ec2:StopInstances', resource: `arn:aws:ec2:us-east-1:${ACCOUNT}:instance/i-1` }));
    expect(ec2.lacking).toEqual(['session-policy']);
    const put = await causeOf(ev, refused({ ...asRole, action: 's3:PutObject', resource: 'arn:aws:s3:::b/k' }, { vpcEndpointId: 'vpce-1' }));
    expect(put.lacking).toEqual(['vpc-endpoint-policy']);
  });
});

describe('allowed-now', () => {
  it("says which layers were supplied and which not, and that the message's SCP is not confirmed", async () => {
    const ev = await evaluator(store({ principals: [principal(ROLE, { inline: [inline('all', ALLOW_ALL)] })] }));
    const c = await causeOf(
      ev,
      refused({
        ...asRole,
        action: 'ec2:RunInstances',
        resource: `arn:aws:ec2:us-east-1:${ACCOUNT}:instance/*`,
        policyType: 'service-control-policy',
        denyKind: 'explicit',
      }),
    );
    expect(c).toMatchObject({ kind: 'allowed-now', supplied: ['service-control-policy', 'identity-based'], missing: ['session-policy'] });
    expect(c.summary).toMatch(
      /^The exported policies allow ec2:RunInstances on .* for role .*: they changed since the event, or what refused it is not in the inputs \(not supplied: session policies\)$/,
    );
    expect(c.disagreement).toBe("AWS's message said an explicit deny in a service control policy; the exported SCPs allow it: exported after a change?");
  });
});

describe('undetermined', () => {
  it("when the caller's own policies are not in the inputs", async () => {
    const ev = await evaluator(store());
    const c = await causeOf(ev, refused({ ...asRole, action: 'ec2:RunInstances', resource: `arn:aws:ec2:us-east-1:${ACCOUNT}:instance/*` }));
    expect(c.kind).toBe('undetermined');
    expect(c.missing).toContain('identity-based');
    expect(c.unknown).toContain(`${ROLE} is not in the export of account ${ACCOUNT}`);
  });

  it('when a condition turns on a key the log cannot prove, never guessing it', async () => {
    const ev = await evaluator(
      store({
        principals: [
          principal(ROLE, {
            inline: [
              inline(
                'tagged',
                doc({
                  Sid: 'TeamData',
                  Effect: 'Allow',
                  Action: 's3:GetObject',
                  Resource: '*',
                  Condition: { StringEquals: { 'aws:ResourceTag/team': 'payments' } },
                }),
              ),
            ],
          }),
        ],
        resources: [bucket('data')],
      }),
    );
    const c = await causeOf(ev, refused({ ...asRole, action: 's3:GetObject', resource: 'arn:aws:s3:::data/k' }));
    expect(c.kind).toBe('undetermined');
    expect(c.unknown).toEqual(['condition on aws:ResourceTag/team: unknown from the log']);
    expect(c.statement).toMatchObject({ sid: 'TeamData' });
    expect(c.statement?.why).toContain('condition StringEquals aws:ResourceTag/team payments does not hold: unknown from the log');
  });

  it('when the event does not name a resource the action needs', async () => {
    const ev = await evaluator(
      store({
        principals: [
          principal(ROLE, { inline: [inline('keys', doc({ Effect: 'Allow', Action: 'kms:Decrypt', Resource: `arn:aws:kms:us-east-1:${ACCOUNT}:key/k1` }))] }),
        ],
      }),
    );
    const c = await causeOf(ev, refused({ ...asRole, action: 'kms:Decrypt', resource: null }));
    expect(c).toMatchObject({ kind: 'undetermined', unknown: ['the resource is not named in the event'] });
  });
});

describe('the evaluator', () => {
  it('simulates each distinct request once: a time or address no policy tests does not make requests differ', async () => {
    const ev = await evaluator(store({ principals: [principal(ROLE, { inline: [inline('all', ALLOW_ALL)] })] }));
    const a = await causeOf(
      ev,
      refused({
        ...asRole,
        action: 'ec2:StopInstances',
        resource: `arn:aws:ec2:us-east-1:${ACCOUNT}:instance/i-1`,
        eventTime: '2026-11-16T01:00:00Z',
        sourceIp: '198.51.100.1',
      }),
    );
    const b = await causeOf(
      ev,
      refused({
        ...asRole,
        sessionName: 'ci-43',
        action: 'ec2:StopInstances',
        resource: `arn:aws:ec2:us-east-1:${ACCOUNT}:instance/i-1`,
        eventTime: '2026-11-17T05:00:00Z',
        sourceIp: '198.51.100.9',
      }),
    );
    expect(b).toBe(a);
    expect(ev.simulations).toBe(1);
  });

  it('keeps requests apart by the context values a policy tests', async () => {
    const ev = await evaluator(
      store({
        principals: [
          principal(ROLE, {
            inline: [inline('office', doc({ Effect: 'Allow', Action: '*', Resource: '*', Condition: { IpAddress: { 'aws:SourceIp': '198.51.100.0/24' } } }))],
          }),
        ],
      }),
    );
    const inside = await causeOf(
      ev,
      refused({ ...asRole, action: 'ec2:StopInstances', resource: `arn:aws:ec2:us-east-1:${ACCOUNT}:instance/i-1`, sourceIp: '198.51.100.1' }),
    );
    const outside = await causeOf(
      ev,
      refused({ ...asRole, action: 'ec2:StopInstances', resource: `arn:aws:ec2:us-east-1:${ACCOUNT}:instance/i-1`, sourceIp: '203.0.113.5' }),
    );
    expect(inside.kind).toBe('allowed-now');
    expect(outside.kind).toBe('implicit-deny');
    expect(outside.statement?.why).toContain("condition IpAddress aws:SourceIp 198.51.100.0/24 does not hold: the request's 203.0.113.5");
  });

  it('keeps sessions apart when a session policy names some of them, and times apart when a policy tests the time', async () => {
    const ev = await evaluator(
      store({
        principals: [
          principal(ROLE, {
            inline: [
              inline('all', ALLOW_ALL),
              inline(
                'window',
                doc({
                  Sid: 'MaintenanceWindowOnly',
                  Effect: 'Deny',
                  Action: 'ec2:RebootInstances',
                  Resource: '*',
                  Condition: { DateGreaterThan: { 'aws:CurrentTime': '2026-11-18T00:00:00Z' } },
                }),
              ),
            ],
          }),
        ],
        sessionPolicies: [
          { sessions: `arn:aws:sts::${ACCOUNT}:assumed-role/ci/release-*`, policy: inline('release', doc({ Effect: 'Allow', Action: 's3:*', Resource: '*' })) },
        ],
        inputs: [...store().inputs, { path: 'sessions.json', kind: 'session-policies', accounts: [], exportedOn: null, dateFrom: null }],
      }),
    );
    const stop = (session: string) =>
      refused(
        { ...asRole, sessionName: session, action: 'ec2:StopInstances', resource: `arn:aws:ec2:us-east-1:${ACCOUNT}:instance/i-1` },
        { arn: `arn:aws:sts::${ACCOUNT}:assumed-role/ci/${session}` },
      );
    expect((await causeOf(ev, stop('build-1'))).kind).toBe('allowed-now');
    expect((await causeOf(ev, stop('release-7'))).lacking).toEqual(['session-policy']);
    const reboot = (eventTime: string) =>
      refused({ ...asRole, eventTime, action: 'ec2:RebootInstances', resource: `arn:aws:ec2:us-east-1:${ACCOUNT}:instance/i-1` });
    expect((await causeOf(ev, reboot('2026-11-17T10:00:00Z'))).kind).toBe('allowed-now');
    expect((await causeOf(ev, reboot('2026-11-19T10:00:00Z'))).statement?.sid).toBe('MaintenanceWindowOnly');
  });

  it('stops at the cap on distinct simulations, and says so', async () => {
    const ev = await evaluator(store({ principals: [principal(ROLE, { inline: [inline('all', ALLOW_ALL)] })] }), { maxSimulations: 1 });
    await causeOf(ev, refused({ ...asRole, action: 'ec2:StopInstances', resource: `arn:aws:ec2:us-east-1:${ACCOUNT}:instance/i-1` }));
    const c = await causeOf(ev, refused({ ...asRole, action: 'ec2:StopInstances', resource: `arn:aws:ec2:us-east-1:${ACCOUNT}:instance/i-2` }));
    expect(c.kind).toBe('undetermined');
    expect(c.unknown[0]).toBe('too many distinct requests: 1 were simulated in this run (see --max-simulations)');
    expect(ev.simulations).toBe(1);
  });

  it('counts a policy the engine finds invalid as an issue, and its layer as not supplied', async () => {
    const ev = await evaluator(
      store({
        principals: [principal(ROLE, { inline: [inline('all', ALLOW_ALL), inline('bad', doc({ Effect: 'Perhaps', Action: 's3:*', Resource: '*' }))] })],
      }),
    );
    const c = await causeOf(ev, refused({ ...asRole, action: 'ec2:StopInstances', resource: `arn:aws:ec2:us-east-1:${ACCOUNT}:instance/i-1` }));
    expect(ev.issues).toHaveLength(1);
    expect(ev.issues[0].reason).toMatch(
      /^inline policy bad \(attached to role arn:aws:iam::111122223333:role\/ci\): damaged policy document \(.+\): left out, its layer counted as not supplied$/,
    );
    expect(c.kind).toBe('undetermined');
    expect(c.missing).toContain('identity-based');
  });

  it('gives no cause to a failed sign-in or an expired key: no policy decided those', async () => {
    const ev = await evaluator(store());
    expect(ev.cause(refused({ ...asUser, category: 'authentication' }).d)).toBeNull();
  });
});
