// --policies inputs, recognised by content: an authorization-details export (as the AWS CLI writes it,
// and with documents URL-encoded as the IAM API returns them), an iam-collect store (made from its
// storage layout: test/fixtures/policies/iam-collect-2026-11-20), a session-policies file, and
// folders of them; anything else is one clear error naming the file.
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { dateInPath, exportDate } from '../../src/policies/export-date.js';
import { loadPolicies } from '../../src/policies/index.js';

const FIX = join(import.meta.dirname, '../fixtures/policies');
const AUTH = join(FIX, 'authorization-details.json');
const STORE = join(FIX, 'iam-collect-2026-11-20');

describe('an authorization-details export', () => {
  const store = loadPolicies([AUTH]);
  const alice = store.principals.find((p) => p.arn === 'arn:aws:iam::111122223333:user/alice')!;

  it('gives users and roles with their inline, attached, group and boundary policies, and tags', () => {
    expect(store.inputs).toEqual([{ path: AUTH, kind: 'authorization-details', accounts: ['111122223333'], exportedOn: '2026-11-21', dateFrom: 'content' }]);
    expect(store.identityAccounts).toEqual(['111122223333']);
    expect(alice.inline.map((p) => p.name)).toEqual(['alice-inline', 'raw-sdk-encoded']);
    expect(alice.managed).toEqual(['arn:aws:iam::aws:policy/ReadOnlyAccess']);
    expect(alice.groups).toEqual(['arn:aws:iam::111122223333:group/developers']);
    expect(alice.boundary).toBe('arn:aws:iam::111122223333:policy/DevBoundary');
    expect(alice.tags).toEqual({ team: 'payments' });
    const deploy = store.principals.find((p) => p.kind === 'role')!;
    expect(deploy.arn).toBe('arn:aws:iam::111122223333:role/service-role/deploy');
    expect(deploy.trust?.document).toMatchObject({ Statement: [{ Principal: { Service: 'codebuild.amazonaws.com' } }] });
    expect(store.groups.map((g) => g.arn)).toEqual(['arn:aws:iam::111122223333:group/developers']);
  });

  it("decodes a URL-encoded document (the IAM API's form) and takes a managed policy's default version", () => {
    expect(alice.inline[1].document).toEqual({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' }] });
    const deploy = store.managed.find((m) => m.name === 'arn:aws:iam::111122223333:policy/DeployPolicy')!;
    expect(deploy.document).toMatchObject({ Statement: [{ Sid: 'Deploy' }] });
  });

  it('counts a damaged document as an issue naming it, and leaves it out', () => {
    expect(store.issues).toEqual([
      { path: AUTH, reason: 'inline policy broken of user arn:aws:iam::111122223333:user/alice: damaged policy document (no "Statement"): left out' },
    ]);
  });
});

describe('an iam-collect store', () => {
  const store = loadPolicies([STORE]);

  it("gives identities (role paths decoded from the folder's metadata), managed policies, resources, endpoints and settings", () => {
    expect(store.inputs).toEqual([
      { path: STORE, kind: 'iam-collect', accounts: ['222233334444', '999988887777'], exportedOn: '2026-11-20', dateFrom: 'name' },
    ]);
    const worker = store.principals.find((p) => p.kind === 'role')!;
    expect(worker).toMatchObject({
      arn: 'arn:aws:iam::222233334444:role/app/worker',
      managed: ['arn:aws:iam::222233334444:policy/WorkerPolicy', 'arn:aws:iam::aws:policy/ReadOnlyAccess'],
      tags: { team: 'jobs', env: 'prod' },
    });
    expect(worker.inline[0].name).toBe('queue');
    expect(store.principals.find((p) => p.kind === 'user')).toMatchObject({
      boundary: 'arn:aws:iam::222233334444:policy/WorkerPolicy',
      groups: ['arn:aws:iam::222233334444:group/ops'],
    });
    expect(store.managed.map((m) => m.name).sort()).toEqual(['arn:aws:iam::222233334444:policy/WorkerPolicy', 'arn:aws:iam::aws:policy/ReadOnlyAccess']);
    expect(store.resources.map((r) => r.arn).sort()).toEqual([
      'arn:aws:kms:eu-west-1:222233334444:key/9f8e7d6c-5b4a-4392-8a1b-0c2d3e4f5a6b',
      'arn:aws:s3:::app-data',
      'arn:aws:sns:eu-west-1:222233334444:alerts',
    ]);
    expect(store.resources.find((r) => r.arn === 'arn:aws:s3:::app-data')).toMatchObject({ account: '222233334444', tags: { data: 'confidential' } });
    expect(store.vpcEndpoints.map((v) => v.id)).toEqual(['vpce-0123456789abcdef0']);
    expect([...store.blockPublicAccess].sort((a, b) => (a.scope < b.scope ? -1 : 1))).toEqual([
      { scope: '222233334444', settings: { BlockPublicAcls: false, IgnorePublicAcls: false, BlockPublicPolicy: true, RestrictPublicBuckets: false } },
      { scope: 'arn:aws:s3:::app-data', settings: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true } },
    ]);
  });

  it('gives the organization: its tree, and SCPs and RCPs by lower-case id as the store names their folders', () => {
    expect(store.orgs).toHaveLength(1);
    const org = store.orgs[0];
    expect(org).toMatchObject({
      id: 'o-abcdef1234',
      managementAccount: '999988887777',
      root: 'r-ab12',
      parents: { 'ou-ab12-apps0001': 'r-ab12', 'ou-ab12-prod0002': 'ou-ab12-apps0001' },
    });
    expect(org.accounts).toEqual({ '222233334444': 'ou-ab12-prod0002', '999988887777': 'r-ab12' });
    expect(org.scps['ou-ab12-apps0001']).toEqual(['p-fullawsaccess', 'p-denyregions']);
    expect(org.rcps['ou-ab12-apps0001']).toEqual(['p-perimeter']);
    expect(Object.keys(org.policies).sort()).toEqual(['p-denyregions', 'p-fullawsaccess', 'p-perimeter']);
    expect(org.policies['p-denyregions'].name).toBe('arn:aws:organizations::999988887777:policy/o-abcdef1234/service_control_policy/p-denyregions');
  });

  it('counts a file that is not JSON as an issue, not a crash; the resource is kept without a policy', () => {
    expect(store.issues).toHaveLength(1);
    expect(store.issues[0].path).toMatch(/sns\/eu-west-1\/alerts\/policy\.json$/);
    expect(store.issues[0].reason).toMatch(/^damaged JSON \(.*\): left out$/);
    expect(store.resources.find((r) => r.arn.endsWith(':alerts'))?.policy).toBeNull();
  });

  it('is recognised from its aws/<partition> folder too', () => {
    expect(loadPolicies([join(STORE, 'aws/aws')]).principals.length).toBe(store.principals.length);
  });
});

describe('inputs', () => {
  it('reads a session-policies file, and names an entry without sessions as an issue', () => {
    const store = loadPolicies([join(FIX, 'session-policies.json')]);
    expect(store.sessionPolicies.map((s) => s.sessions)).toEqual(['arn:aws:sts::111122223333:assumed-role/deploy/ci-*']);
    expect(store.issues[0].reason).toBe('no sessions named: no "sessions" (the session ARNs it applies to): left out');
  });

  it('walks a folder of any mix, and stays quiet about files that are not JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ctd-i16-'));
    cpSync(AUTH, join(dir, 'auth.json'));
    cpSync(STORE, join(dir, 'stores', 'iam-data'), { recursive: true });
    writeFileSync(join(dir, 'README.txt'), 'exported by the audit team');
    const store = loadPolicies([dir]);
    expect(store.inputs.map((i) => i.kind)).toEqual(['authorization-details', 'iam-collect']);
    expect(store.identityAccounts).toEqual(['111122223333', '222233334444']);
  });

  it('refuses a JSON file that is no export with one line naming it and what was expected', () => {
    expect(() => loadPolicies([join(FIX, 'not-an-export.json')])).toThrow(UserError);
    expect(() => loadPolicies([join(FIX, 'not-an-export.json')])).toThrow(
      `--policies ${join(FIX, 'not-an-export.json')}: not a policy export; expected \`aws iam get-account-authorization-details --output json\` output, a session-policies file ({"sessionPolicies": […]}) or an iam-collect store folder`,
    );
    expect(() => loadPolicies([join(FIX, 'nope.json')])).toThrow(`--policies ${join(FIX, 'nope.json')}: no such file or folder`);
    const empty = mkdtempSync(join(tmpdir(), 'ctd-i16-'));
    expect(() => loadPolicies([empty])).toThrow(/no policy export found/);
  });
});

describe('the export date', () => {
  it.each([
    ['auth-111122223333-2026-11-23.json', '2026-11-23'],
    ['iam-data-20261123/aws', '2026-11-23'],
    ['exports/2025-01-02/auth-2026-11-23.json', '2026-11-23'],
    ['auth-111122223333.json', null],
    ['build-20261345.json', null],
  ])('%s → %s', (path, date) => {
    expect(dateInPath(path)).toBe(date);
  });

  it('falls back to the latest date inside, as "on or after"', () => {
    expect(exportDate('auth.json', '2026-11-21')).toEqual({ exportedOn: '2026-11-21', dateFrom: 'content' });
    expect(exportDate('auth.json', null)).toEqual({ exportedOn: null, dateFrom: null });
  });
});
