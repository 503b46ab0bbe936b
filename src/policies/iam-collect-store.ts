// An iam-collect file store (github.com/cloud-copilot/iam-collect, docs/Storage.md and
// src/persistence/file/FileSystemAwsIamStore.ts): aws/<partition>/accounts/<account>/<service>/
// [<region>/][<resource-type>/]<url-encoded id>/ holding metadata.json ({arn, …}), policy.json,
// tags.json and, for IAM, managed-policies.json, inline-policies.json, trust-policy.json, groups.json,
// current-policy.json; accounts/<account>/s3-bpa.json; and organizations/<org>/ holding
// metadata.json ({id, rootOu, rootAccountId}), accounts.json ({account: {ou, scps, rcps}}), ous.json
// ({ou: {parent, scps, rcps}}) and scps|rcps/<policy id>/{metadata.json, policy.json}. Paths are
// lower case. Pure: the files come read (iam-collect-walk.ts).
import { asObject, field, text } from '../classify/coerce.js';
import type { ExportedGroup, ExportedOrg, ExportedPolicy, ExportedPrincipal, ExportedResource, PolicyStore } from '../types.js';
import { arnAccount, exportedPolicy, strings, tagsOf, type Issues } from './policy-json.js';

/** One folder of the store: its path under the store root (segments) and its JSON files by name (parsed). */
export interface StoreFolder {
  segments: string[]; // e.g. ['aws', 'aws', 'accounts', '111122223333', 'iam', 'role', 'etl-batch']
  files: Record<string, unknown>;
  path: string; // for issues
}

export type StorePart = Pick<
  PolicyStore,
  'identityAccounts' | 'resourceAccounts' | 'principals' | 'groups' | 'managed' | 'resources' | 'vpcEndpoints' | 'orgs' | 'blockPublicAccess'
> & {
  latestDate: string | null;
  issues: Issues;
};

const inlineList = (value: unknown, owner: string, source: string, issues: Issues): ExportedPolicy[] =>
  (Array.isArray(value) ? value : []).flatMap((p) => {
    const name = text(field(p, 'PolicyName')) || '(unnamed)';
    const policy = exportedPolicy(name, field(p, 'PolicyDocument'), source, `inline policy ${name} of ${owner}`, issues);
    return policy === null ? [] : [policy];
  });

const BPA_SETTINGS = ['BlockPublicAcls', 'IgnorePublicAcls', 'BlockPublicPolicy', 'RestrictPublicBuckets'];

function bpaSettings(value: unknown): Record<string, boolean> | null {
  const o = asObject(value);
  if (o === null) return null;
  const out: Record<string, boolean> = {};
  for (const k of BPA_SETTINGS) if (typeof o[k] === 'boolean') out[k] = o[k];
  return out;
}

/** The id of an SCP or RCP from its ARN (…/service_control_policy/p-abc) or folder name; lower case, as the store names folders. */
const policyId = (arnOrId: string): string => arnOrId.slice(arnOrId.lastIndexOf('/') + 1).toLowerCase();

function orgOf(folders: StoreFolder[], base: string[], issues: Issues): ExportedOrg | null {
  const full = (rel: string[]) => [...base, ...rel];
  const at = (rel: string[]) => folders.find((f) => f.segments.length === base.length + rel.length && full(rel).every((s, i) => f.segments[i] === s));
  const top = at([]);
  const meta = asObject(top?.files['metadata.json']);
  if (top === undefined || meta === null) return null;
  const org: ExportedOrg = {
    id: text(meta.id) || base[base.length - 1],
    managementAccount: text(meta.rootAccountId) || null,
    root: text(meta.rootOu),
    parents: {},
    accounts: {},
    scps: {},
    rcps: {},
    policies: {},
  };
  const attach = (target: string, entry: unknown) => {
    org.scps[target] = strings(field(entry, 'scps')).map(policyId);
    org.rcps[target] = strings(field(entry, 'rcps')).map(policyId);
  };
  for (const [ou, entry] of Object.entries(asObject(top.files['ous.json']) ?? {})) {
    const parent = text(field(entry, 'parent'));
    if (parent !== '') org.parents[ou] = parent;
    attach(ou, entry);
  }
  for (const [account, entry] of Object.entries(asObject(top.files['accounts.json']) ?? {})) {
    org.accounts[account] = text(field(entry, 'ou')) || org.root;
    attach(account, entry);
  }
  for (const kind of ['scps', 'rcps']) {
    for (const f of folders) {
      if (f.segments.length !== base.length + 2 || f.segments[base.length] !== kind || !f.segments.every((s, i) => i >= base.length || s === base[i])) continue;
      const id = f.segments[base.length + 1];
      const name = text(field(f.files['metadata.json'], 'arn')) || id;
      const policy = exportedPolicy(name, f.files['policy.json'], f.path, `${kind === 'scps' ? 'SCP' : 'RCP'} ${id}`, issues);
      if (policy !== null) org.policies[id] = policy;
    }
  }
  if (org.root === '') issues.push({ path: top.path, reason: `organization ${org.id}: metadata.json names no root (rootOu): its SCPs and RCPs are left out` });
  return org.root === '' ? null : org;
}

export function iamCollectStore(folders: StoreFolder[]): StorePart {
  const issues: Issues = [];
  const dates: string[] = [];
  const part: StorePart = {
    identityAccounts: [],
    resourceAccounts: [],
    principals: [],
    groups: [],
    managed: [],
    resources: [],
    vpcEndpoints: [],
    orgs: [],
    blockPublicAccess: [],
    latestDate: null,
    issues,
  };
  const identity = new Set<string>();
  const resourcesIn = new Set<string>();
  for (const f of folders) {
    const [cloud, , area, account, service] = f.segments;
    if (cloud !== 'aws') continue;
    if (area === 'organizations' && f.segments.length === 4) {
      const org = orgOf(folders, f.segments, issues);
      if (org !== null) part.orgs.push(org);
      continue;
    }
    if (area !== 'accounts' || account === undefined) continue;
    if (f.segments.length === 4) {
      const bpa = bpaSettings(f.files['s3-bpa.json']);
      if (bpa !== null) part.blockPublicAccess.push({ scope: account, settings: bpa });
      continue;
    }
    const meta = asObject(f.files['metadata.json']);
    const arn = text(meta?.arn);
    if (meta === null || arn === '') continue;
    for (const k of ['created', 'createDate', 'updateDate']) if (/^\d{4}-\d{2}-\d{2}/.test(text(meta[k]))) dates.push(text(meta[k]).slice(0, 10));
    const kind = /^arn:[^:]+:iam::[^:]*:(user|role|group|policy)\//.exec(arn)?.[1];
    if (service === 'iam' && kind !== undefined) {
      identity.add(account);
      if (kind === 'policy') {
        const policy = exportedPolicy(arn, f.files['current-policy.json'], f.path, `managed policy ${arn}`, issues);
        if (policy !== null) part.managed.push(policy);
      } else if (kind === 'group') {
        part.groups.push({
          arn,
          inline: inlineList(f.files['inline-policies.json'], `group ${arn}`, f.path, issues),
          managed: strings(f.files['managed-policies.json']),
        } satisfies ExportedGroup);
      } else {
        const trustDoc = f.files['trust-policy.json'];
        const principal: ExportedPrincipal = {
          arn,
          kind: kind === 'user' ? 'user' : 'role',
          tags: tagsOf(f.files['tags.json']),
          inline: inlineList(f.files['inline-policies.json'], `${kind} ${arn}`, f.path, issues),
          managed: strings(f.files['managed-policies.json']),
          groups: strings(f.files['groups.json']),
          boundary: text(meta.permissionBoundary) || null,
          trust: trustDoc === undefined ? null : exportedPolicy(`trust policy of ${arn}`, trustDoc, f.path, `trust policy of role ${arn}`, issues),
        };
        part.principals.push(principal);
      }
      continue;
    }
    const doc = f.files['policy.json'];
    const policy = doc === undefined ? null : exportedPolicy(`resource policy of ${arn}`, doc, f.path, `resource policy of ${arn}`, issues);
    const vpce = /^arn:[^:]+:ec2:[^:]*:[^:]*:vpc-endpoint\/(vpce-[0-9a-z]+)$/.exec(arn);
    if (vpce !== null) {
      part.vpcEndpoints.push({ id: vpce[1], account, policy });
      continue;
    }
    resourcesIn.add(account);
    part.resources.push({ arn, account: arnAccount(arn) || account, policy, tags: tagsOf(f.files['tags.json']) } satisfies ExportedResource);
    const bpa = bpaSettings(f.files['bpa.json']);
    if (bpa !== null) part.blockPublicAccess.push({ scope: arn, settings: bpa });
  }
  part.identityAccounts = [...identity].sort();
  part.resourceAccounts = [...resourcesIn].sort();
  part.latestDate = dates.sort().at(-1) ?? null;
  return part;
}
