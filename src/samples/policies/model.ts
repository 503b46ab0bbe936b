// The demo organization's IAM, as data: what the sample exports hold (export-files.ts writes them as
// `aws iam get-account-authorization-details` output and as an iam-collect store).
import { ORG_ID } from '../world.js';

export interface Statement {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Principal?: unknown;
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: string | string[];
  Condition?: Record<string, Record<string, string | string[]>>;
}

export interface PolicyDoc {
  Version: '2012-10-17';
  Statement: Statement[];
}

export const doc = (...statements: Statement[]): PolicyDoc => ({ Version: '2012-10-17', Statement: statements });

export interface InlinePolicy {
  name: string;
  doc: PolicyDoc;
}

export interface SampleIdentity {
  kind: 'user' | 'role';
  account: string;
  name: string;
  path: string; // '/' or '/service-role/' …
  tags: Record<string, string>;
  inline: InlinePolicy[];
  managed: string[]; // ARNs
  groups?: string[]; // a user's group names
  boundary?: string; // ARN of a managed policy
  trust?: PolicyDoc; // a role's trust policy
}

export interface SampleManagedPolicy {
  account: string; // 'aws' for AWS managed policies
  name: string;
  path: string;
  doc: PolicyDoc;
}

export const arnOf = (i: Pick<SampleIdentity, 'kind' | 'account' | 'path' | 'name'>): string => `arn:aws:iam::${i.account}:${i.kind}${i.path}${i.name}`;
export const managedArn = (p: Pick<SampleManagedPolicy, 'account' | 'path' | 'name'>): string => `arn:aws:iam::${p.account}:policy${p.path}${p.name}`;

export interface SampleResource {
  arn: string;
  account: string;
  region: string; // '' for global (S3 buckets are listed under their account only)
  policy?: PolicyDoc;
  tags?: Record<string, string>;
  bpa?: Record<string, boolean>;
}

export interface SampleOrgPolicy {
  id: string; // p-…
  kind: 'scps' | 'rcps';
  name: string;
  awsManaged: boolean;
  doc: PolicyDoc;
}

export const orgPolicyArn = (p: SampleOrgPolicy, management: string): string =>
  p.awsManaged
    ? `arn:aws:organizations::aws:policy/${p.kind === 'scps' ? 'service_control_policy' : 'resource_control_policy'}/${p.id}`
    : `arn:aws:organizations::${management}:policy/${ORG_ID}/${p.kind === 'scps' ? 'service_control_policy' : 'resource_control_policy'}/${p.id}`;
