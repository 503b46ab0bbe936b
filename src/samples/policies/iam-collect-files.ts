// The demo organization as an iam-collect file store holds it (github.com/cloud-copilot/iam-collect,
// src/persistence/file/FileSystemAwsIamStore.ts and util.ts resourcePrefix): aws/aws/accounts/<id>/
// <service>/[<region>/]['aws'/][<type>/]<url-encoded id, lower case>/<name>.json, and
// aws/aws/organizations/<org>/…; JSON two-space indented, as iam-collect writes it.
import type { SampleFile } from '../log-file.js';
import { ORG_ID } from '../world.js';
import { arnOf, managedArn, orgPolicyArn, type SampleIdentity, type SampleManagedPolicy, type SampleResource } from './model.js';
import { ACCOUNT_PARENTS, ATTACHMENTS, MANAGEMENT_ACCOUNT, ORG_POLICIES, OUS, ROOT } from './organization.js';

const json = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;

/**
 * The folder iam-collect keeps an ARN's files in, under accounts/<account>/: service, region, 'aws'
 * for AWS-owned ARNs, the resource type (what precedes the first '/' or ':' of the resource) and the
 * URL-encoded rest, lower case (resourcePrefix and splitArnParts).
 */
export function resourceFolder(arn: string): string {
  const parts = arn.split(':');
  const [service, region, account] = [parts[2] ?? '', parts[3] ?? '', parts[4] ?? ''];
  const resource = parts.slice(5).join(':');
  const cut = resource.search(/[/:]/);
  const type = cut < 0 ? '' : resource.slice(0, cut);
  const id = cut < 0 ? resource : resource.slice(cut + 1);
  return [service, region, account === 'aws' ? 'aws' : '', type, encodeURIComponent(id.trim())].filter((p) => p !== '').join('/').toLowerCase();
}

export function iamCollectFiles(root: string, identities: readonly SampleIdentity[], groups: readonly { account: string; name: string; inline: { name: string; doc: unknown }[]; managed: string[] }[], managed: readonly SampleManagedPolicy[], resources: readonly SampleResource[], accountBpa: Record<string, Record<string, boolean>>): SampleFile[] {
  const files: SampleFile[] = [];
  const put = (path: string, content: unknown) => files.push({ path: `${root}/aws/aws/${path}`, content: json(content), gzip: false });
  const under = (account: string, arn: string) => `accounts/${account}/${resourceFolder(arn)}`;
  for (const i of identities) {
    const arn = arnOf(i);
    const dir = under(i.account, arn);
    put(`${dir}/metadata.json`, { arn, name: i.name, id: `${i.kind === 'user' ? 'AIDA' : 'AROA'}${i.name.toUpperCase().replace(/[^A-Z0-9]/g, '').padEnd(17, 'X').slice(0, 17)}`, path: i.path, created: '2025-03-14T09:12:44.000Z', ...(i.boundary === undefined ? {} : { permissionBoundary: i.boundary }) });
    if (i.inline.length > 0) put(`${dir}/inline-policies.json`, i.inline.map((p) => ({ PolicyName: p.name, PolicyDocument: p.doc })));
    if (i.managed.length > 0) put(`${dir}/managed-policies.json`, i.managed);
    if (Object.keys(i.tags).length > 0) put(`${dir}/tags.json`, i.tags);
    if (i.trust !== undefined) put(`${dir}/trust-policy.json`, i.trust);
    if (i.groups !== undefined && i.groups.length > 0) put(`${dir}/groups.json`, i.groups.map((g) => `arn:aws:iam::${i.account}:group/${g}`));
  }
  for (const g of groups) {
    const arn = `arn:aws:iam::${g.account}:group/${g.name}`;
    const dir = under(g.account, arn);
    put(`${dir}/metadata.json`, { arn, name: g.name, path: '/', created: '2025-03-14T09:12:44.000Z' });
    if (g.inline.length > 0) put(`${dir}/inline-policies.json`, g.inline.map((p) => ({ PolicyName: p.name, PolicyDocument: p.doc })));
    if (g.managed.length > 0) put(`${dir}/managed-policies.json`, g.managed);
  }
  const accounts = [...new Set([...identities.map((i) => i.account), ...resources.map((r) => r.account)])].sort();
  for (const p of managed) {
    const arn = managedArn(p);
    // an AWS managed policy is kept under each account that collected it
    for (const account of p.account === 'aws' ? accounts : [p.account]) {
      const dir = under(account, arn);
      put(`${dir}/metadata.json`, { arn, name: p.name, path: p.path, defaultVersionId: 'v1', createDate: '2025-03-14T09:12:44.000Z', updateDate: '2026-10-02T16:40:05.000Z' });
      put(`${dir}/current-policy.json`, p.doc);
    }
  }
  for (const r of resources) {
    const dir = under(r.account, r.arn);
    put(`${dir}/metadata.json`, { arn: r.arn, ...(r.region === '' ? {} : { region: r.region }) });
    if (r.policy !== undefined) put(`${dir}/policy.json`, r.policy);
    if (r.tags !== undefined) put(`${dir}/tags.json`, r.tags);
    if (r.bpa !== undefined) put(`${dir}/bpa.json`, r.bpa);
  }
  for (const [account, bpa] of Object.entries(accountBpa)) put(`accounts/${account}/s3-bpa.json`, bpa);
  for (const account of accounts) put(`accounts/${account}/organization.json`, { organizationId: ORG_ID });
  // the organization, as collected from its management account
  const org = `organizations/${ORG_ID}`;
  put(`${org}/metadata.json`, { id: ORG_ID, arn: `arn:aws:organizations::${MANAGEMENT_ACCOUNT}:organization/${ORG_ID}`, rootOu: ROOT, rootAccountId: MANAGEMENT_ACCOUNT, features: { SERVICE_CONTROL_POLICY: true, RESOURCE_CONTROL_POLICY: true } });
  const arnsOf = (target: string, kind: 'scps' | 'rcps') =>
    (ATTACHMENTS[target]?.[kind] ?? []).map((id) => orgPolicyArn(ORG_POLICIES.find((p) => p.id === id && p.kind === kind) ?? ORG_POLICIES[0], MANAGEMENT_ACCOUNT));
  put(`${org}/accounts.json`, Object.fromEntries(Object.entries(ACCOUNT_PARENTS).map(([account, ou]) => [account, { ou, scps: arnsOf(account, 'scps'), rcps: arnsOf(account, 'rcps'), s3Policies: [] }])));
  put(`${org}/ous.json`, Object.fromEntries([[ROOT, { scps: arnsOf(ROOT, 'scps'), rcps: arnsOf(ROOT, 'rcps'), s3Policies: [] }], ...Object.entries(OUS).map(([id, ou]) => [id, { parent: ou.parent, scps: arnsOf(id, 'scps'), rcps: arnsOf(id, 'rcps'), s3Policies: [] }])]));
  for (const [id, ou] of [[ROOT, { name: 'Root' }] as const, ...Object.entries(OUS)]) put(`${org}/ous/${id.toLowerCase()}/metadata.json`, { arn: `arn:aws:organizations::${MANAGEMENT_ACCOUNT}:ou/${ORG_ID}/${id}`, name: ou.name });
  for (const p of ORG_POLICIES) {
    put(`${org}/${p.kind}/${p.id.toLowerCase()}/metadata.json`, { arn: orgPolicyArn(p, MANAGEMENT_ACCOUNT), name: p.name, awsManaged: p.awsManaged });
    put(`${org}/${p.kind}/${p.id.toLowerCase()}/policy.json`, p.doc);
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
