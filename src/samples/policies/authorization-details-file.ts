// One account's identities as `aws iam get-account-authorization-details --output json` prints them
// (the CLI decodes the URL-encoded policy documents into JSON and indents by four spaces).
import { arnOf, managedArn, type SampleIdentity, type SampleManagedPolicy } from './model.js';

const CREATED = '2025-03-14T09:12:44+00:00';
const UPDATED = '2026-10-02T16:40:05+00:00';

/** Stable made-up unique IDs: AIDA/AROA/ANPA and 17 characters from the name. */
function uniqueId(prefix: string, name: string): string {
  let h = 2166136261;
  for (const c of name) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let out = '';
  for (let i = 0; i < 17; i++) {
    out += chars[h % 32];
    h = Math.imul(h ^ (i + 1), 2654435761) >>> 0;
  }
  return prefix + out;
}

const attached = (arns: string[]) => arns.map((arn) => ({ PolicyName: arn.slice(arn.lastIndexOf('/') + 1), PolicyArn: arn }));
const boundary = (i: SampleIdentity) => (i.boundary === undefined ? {} : { PermissionsBoundary: { PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: i.boundary } });
const tags = (t: Record<string, string>) => Object.entries(t).map(([Key, Value]) => ({ Key, Value }));

export function authorizationDetails(identities: readonly SampleIdentity[], managed: readonly SampleManagedPolicy[], account: string): string {
  const users = identities.filter((i) => i.kind === 'user');
  const roles = identities.filter((i) => i.kind === 'role');
  const body = {
    UserDetailList: users.map((u) => ({
      Path: u.path,
      UserName: u.name,
      UserId: uniqueId('AIDA', `${account}/${u.name}`),
      Arn: arnOf(u),
      CreateDate: CREATED,
      UserPolicyList: u.inline.map((p) => ({ PolicyName: p.name, PolicyDocument: p.doc })),
      GroupList: u.groups ?? [],
      AttachedManagedPolicies: attached(u.managed),
      ...boundary(u),
      Tags: tags(u.tags),
    })),
    GroupDetailList: [],
    RoleDetailList: roles.map((r) => ({
      Path: r.path,
      RoleName: r.name,
      RoleId: uniqueId('AROA', `${account}/${r.name}`),
      Arn: arnOf(r),
      CreateDate: CREATED,
      AssumeRolePolicyDocument: r.trust,
      InstanceProfileList: [],
      RolePolicyList: r.inline.map((p) => ({ PolicyName: p.name, PolicyDocument: p.doc })),
      AttachedManagedPolicies: attached(r.managed),
      ...boundary(r),
      Tags: tags(r.tags),
      RoleLastUsed: { LastUsedDate: '2026-11-22T23:41:08+00:00', Region: 'us-east-1' },
    })),
    Policies: managed.map((p) => ({
      PolicyName: p.name,
      PolicyId: uniqueId('ANPA', managedArn(p)),
      Arn: managedArn(p),
      Path: p.path,
      DefaultVersionId: 'v1',
      AttachmentCount: identities.filter((i) => i.managed.includes(managedArn(p)) || i.boundary === managedArn(p)).length,
      PermissionsBoundaryUsageCount: identities.filter((i) => i.boundary === managedArn(p)).length,
      IsAttachable: true,
      CreateDate: CREATED,
      UpdateDate: UPDATED,
      PolicyVersionList: [{ Document: p.doc, VersionId: 'v1', IsDefaultVersion: true, CreateDate: UPDATED }],
    })),
  };
  return `${JSON.stringify(body, null, 4)}\n`;
}
