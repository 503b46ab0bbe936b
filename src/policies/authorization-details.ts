// `aws iam get-account-authorization-details --output json`: one account's users, groups, roles (with
// inline and attached policies, permissions boundaries, trust policies and tags) and managed policies
// with their versions. Field names: the IAM API reference, GetAccountAuthorizationDetails.
//
//   const part = authorizationDetails(JSON.parse(text), 'auth-111122223333.json');
import { asObject, field, text } from '../classify/coerce.js';
import type { ExportedGroup, ExportedPolicy, ExportedPrincipal } from '../types.js';
import { arnAccount, exportedPolicy, strings, tagsOf, type Issues } from './policy-json.js';

export const AUTHORIZATION_DETAILS_LISTS = ['UserDetailList', 'GroupDetailList', 'RoleDetailList', 'Policies'] as const;

/** Whether a parsed JSON file is an authorization-details export (by content: one of its lists). */
export function isAuthorizationDetails(json: unknown): boolean {
  const o = asObject(json);
  return o !== null && AUTHORIZATION_DETAILS_LISTS.some((k) => Array.isArray(field(o, k)));
}

export interface AuthorizationDetailsPart {
  accounts: string[];
  principals: ExportedPrincipal[];
  groups: ExportedGroup[];
  managed: ExportedPolicy[];
  latestDate: string | null; // the latest date inside: the export was made on or after it
  issues: Issues;
}

const list = (o: unknown, key: string): unknown[] => {
  const v = field(o, key);
  return Array.isArray(v) ? v : [];
};

function inlinePolicies(entry: unknown, key: string, owner: string, source: string, issues: Issues): ExportedPolicy[] {
  const out: ExportedPolicy[] = [];
  for (const p of list(entry, key)) {
    const name = text(field(p, 'PolicyName')) || '(unnamed)';
    const policy = exportedPolicy(name, field(p, 'PolicyDocument'), source, `inline policy ${name} of ${owner}`, issues);
    if (policy !== null) out.push(policy);
  }
  return out;
}

const attached = (entry: unknown): string[] =>
  list(entry, 'AttachedManagedPolicies')
    .map((p) => text(field(p, 'PolicyArn')))
    .filter((a) => a !== '');
const boundaryOf = (entry: unknown): string | null => text(field(field(entry, 'PermissionsBoundary'), 'PermissionsBoundaryArn')) || null;

export function authorizationDetails(json: unknown, source: string): AuthorizationDetailsPart {
  const issues: Issues = [];
  const dates: string[] = [];
  const date = (v: unknown) => {
    const t = text(v);
    if (/^\d{4}-\d{2}-\d{2}/.test(t)) dates.push(t.slice(0, 10));
  };
  const groups: ExportedGroup[] = [];
  const groupArnByName = new Map<string, string>();
  for (const g of list(json, 'GroupDetailList')) {
    const arn = text(field(g, 'Arn'));
    if (arn === '') continue;
    groupArnByName.set(text(field(g, 'GroupName')), arn);
    date(field(g, 'CreateDate'));
    groups.push({ arn, inline: inlinePolicies(g, 'GroupPolicyList', `group ${arn}`, source, issues), managed: attached(g) });
  }
  const principals: ExportedPrincipal[] = [];
  for (const u of list(json, 'UserDetailList')) {
    const arn = text(field(u, 'Arn'));
    if (arn === '') continue;
    date(field(u, 'CreateDate'));
    const groupArns = strings(field(u, 'GroupList')).map((name) => groupArnByName.get(name) ?? `arn:aws:iam::${arnAccount(arn)}:group/${name}`);
    principals.push({
      arn,
      kind: 'user',
      tags: tagsOf(field(u, 'Tags')),
      inline: inlinePolicies(u, 'UserPolicyList', `user ${arn}`, source, issues),
      managed: attached(u),
      groups: groupArns,
      boundary: boundaryOf(u),
      trust: null,
    });
  }
  for (const r of list(json, 'RoleDetailList')) {
    const arn = text(field(r, 'Arn'));
    if (arn === '') continue;
    date(field(r, 'CreateDate'));
    date(field(field(r, 'RoleLastUsed'), 'LastUsedDate'));
    const trustDoc = field(r, 'AssumeRolePolicyDocument');
    const trust = trustDoc === undefined ? null : exportedPolicy(`trust policy of ${arn}`, trustDoc, source, `trust policy of role ${arn}`, issues);
    principals.push({
      arn,
      kind: 'role',
      tags: tagsOf(field(r, 'Tags')),
      inline: inlinePolicies(r, 'RolePolicyList', `role ${arn}`, source, issues),
      managed: attached(r),
      groups: [],
      boundary: boundaryOf(r),
      trust,
    });
  }
  const managed: ExportedPolicy[] = [];
  for (const p of list(json, 'Policies')) {
    const arn = text(field(p, 'Arn'));
    if (arn === '') continue;
    date(field(p, 'CreateDate'));
    date(field(p, 'UpdateDate'));
    const versions = list(p, 'PolicyVersionList');
    const wanted = text(field(p, 'DefaultVersionId'));
    // the default version is what applies; the others are history
    const current =
      versions.find((v) => field(v, 'IsDefaultVersion') === true) ?? versions.find((v) => wanted !== '' && text(field(v, 'VersionId')) === wanted);
    if (current === undefined) {
      issues.push({ path: source, reason: `managed policy ${arn}: no default version in PolicyVersionList: left out` });
      continue;
    }
    const policy = exportedPolicy(arn, field(current, 'Document'), source, `managed policy ${arn}`, issues);
    if (policy !== null) managed.push(policy);
  }
  const accounts = new Set([...principals.map((p) => arnAccount(p.arn)), ...groups.map((g) => arnAccount(g.arn))].filter((a) => /^\d{12}$/.test(a)));
  return { accounts: [...accounts].sort(), principals, groups, managed, latestDate: dates.sort().at(-1) ?? null, issues };
}
