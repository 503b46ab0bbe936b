// The weekly workflow end to end: two consecutive synthetic weeks with known differences, the
// reports of the second compared with the first, expected denials suppressed, CI gates.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Summary } from '../../src/types.js';
import { runCli } from '../helpers/run-cli.js';
import { weekOfRecords, writeArchive, type DenialSpec } from '../helpers/trail-archive.js';

export const ALICE: DenialSpec = { user: 'alice.jones', action: 's3:GetObject', resource: 'arn:aws:s3:::acme-finance-reports/q3/payroll.csv', explicit: false, ip: '203.0.113.45' };
export const BOB: DenialSpec = { user: 'bob-admin', action: 'ec2:RunInstances', resource: 'arn:aws:ec2:us-east-1:111122223333:instance/*', explicit: true, ip: '198.51.100.23' };
export const CI: DenialSpec = { user: 'ci-deployer', role: true, session: 'gh-run-98765', action: 'kms:Decrypt', resource: 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab', explicit: false, ip: '192.0.2.77' };
export const CAROL: DenialSpec = { user: 'carol-finance', action: 's3:PutObject', resource: 'arn:aws:s3:::acme-finance-reports/upload.bin', explicit: false, ip: '203.0.113.46' };
export const DAVE: DenialSpec = { user: 'dave-contractor', action: 'iam:CreateUser', resource: 'arn:aws:iam::111122223333:user/backdoor-user', explicit: true, ip: '2001:db8::7' };
export const ERIN: DenialSpec = { user: 'erin-scanner', role: true, session: 'nightly-scan', action: 's3:GetBucketPolicy', resource: 'arn:aws:s3:::acme-public-assets', explicit: false, ip: '192.0.2.200' };

// Week 46: alice 5, bob 2, ci 8, carol 3, erin 3.  Week 47: alice 5, bob 6, ci 2, dave 4, erin 4.
// So in week 47: dave is new, carol gone, bob rose (2 → 6), ci fell (8 → 2), alice steady, erin +1 (steady).
export function twoWeeks(): string {
  const root = mkdtempSync(join(tmpdir(), 'ctd-weeks-'));
  const a = weekOfRecords('2026-11-09', [[ALICE, 5], [BOB, 2], [CI, 8], [CAROL, 3], [ERIN, 3]], 'a');
  const b = weekOfRecords('2026-11-16', [[ALICE, 5], [BOB, 6], [CI, 2], [DAVE, 4], [ERIN, 4]], 'b');
  writeArchive(join(root, 'logs'), [...a, ...b]);
  return root;
}

export const readSummary = (dir: string): Summary => JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')) as Summary;
const key = (principal: string, action: string, policyType: string, denyKind: string) => [principal, action, policyType, denyKind].join(' | ');
const user = (name: string) => `arn:aws:iam::111122223333:user/${name}`;
const role = (name: string) => `arn:aws:iam::111122223333:role/${name}`;

describe('two consecutive weeks', () => {
  const root = twoWeeks();
  const week = (w: string, ...args: string[]) => runCli(['report', 'logs', '--week', w, '--quiet', ...args], { cwd: root });
  const first = week('2026-W46');
  const second = week('2026-W47');
  const s = readSummary(join(root, 'reports/2026-W47'));

  it('writes each week to reports/<week>/ and labels every report with the week', () => {
    expect(first.code).toBe(0);
    expect(second.code).toBe(0);
    expect(s.window).toMatchObject({ label: '2026-W47', since: '2026-11-16T00:00:00.000Z', until: '2026-11-22T23:59:59.999Z' });
    expect(s.totals.denials).toBe(5 + 6 + 2 + 4 + 4);
    const md = readFileSync(join(root, 'reports/2026-W47/report.md'), 'utf8');
    const html = readFileSync(join(root, 'reports/2026-W47/report.html'), 'utf8');
    expect(md.split('\n')[0]).toBe('# CloudTrail denials — 2026-W47');
    expect(html).toContain('<h1>CloudTrail denials — 2026-W47</h1>');
  });

  it('compares with the previous week found beside it: exactly the new, gone, risen and fallen groups', () => {
    const c = s.changes!;
    expect(c.baseline).toMatchObject({ label: '2026-W46', denials: 5 + 2 + 8 + 3 + 3 });
    expect(c.denials).toEqual({ before: 21, after: 21 });
    const rows = (list: typeof c.newGroups) => list.map((g) => [g.key, g.before, g.after]);
    expect(rows(c.newGroups)).toEqual([[key(user('dave-contractor'), 'iam:CreateUser', 'service-control-policy', 'explicit'), 0, 4]]);
    expect(rows(c.goneGroups)).toEqual([[key(user('carol-finance'), 's3:PutObject', 'identity-based', 'implicit'), 3, 0]]);
    expect(rows(c.rose)).toEqual([[key(user('bob-admin'), 'ec2:RunInstances', 'service-control-policy', 'explicit'), 2, 6]]);
    expect(rows(c.fell)).toEqual([[key(role('ci-deployer'), 'kms:Decrypt', 'identity-based', 'implicit'), 8, 2]]);
    expect(c.unchanged).toBe(2); // alice 5 → 5, erin 3 → 4 (below the minimum of 2)
    expect(second.stdout).toContain('since 2026-W46: 1 new, 1 gone, 1 rose, 1 fell');
  });

  it('shows the same changes in Markdown and HTML', () => {
    const md = readFileSync(join(root, 'reports/2026-W47/report.md'), 'utf8');
    expect(md).toContain('## Changes since 2026-W46');
    expect(md).toMatch(/### New groups\n\n\| Principal .*\n.*\n\| arn:aws:iam::111122223333:user\/dave-contractor \| iam:CreateUser \| service-control-policy \| explicit \| 0 \| 4 \| new \|/);
    expect(md).toContain('| arn:aws:iam::111122223333:role/ci-deployer | kms:Decrypt | identity-based | implicit | 8 | 2 | -75% |');
    const html = readFileSync(join(root, 'reports/2026-W47/report.html'), 'utf8');
    expect(html).toContain('<h2>Changes since 2026-W46</h2>');
  });

  it('takes an explicit --baseline folder, a stricter threshold, and --no-baseline', () => {
    const out = join(root, 'explicit');
    const r = runCli(['report', 'logs', '--week', '2026-W47', '--quiet', '--out', out, '--baseline', 'reports/2026-W46', '--change-threshold', '20%'], { cwd: root });
    expect(r.code).toBe(0);
    expect(readSummary(out).changes!.rose.map((g) => g.principal)).toEqual([user('bob-admin')]);
    const none = runCli(['report', 'logs', '--week', '2026-W47', '--quiet', '--out', join(root, 'none'), '--no-baseline'], { cwd: root });
    expect(none.code).toBe(0);
    expect(readSummary(join(root, 'none')).changes).toBeNull();
  });

  it('refuses a baseline it cannot use, in one line', () => {
    writeFileSync(join(root, 'v2.json'), JSON.stringify({ ...s, schemaVersion: 2 }));
    writeFileSync(join(root, 'junk.json'), '{"Records": [');
    for (const [file, message] of [['v2.json', /schemaVersion 2/], ['junk.json', /cannot be read/], ['missing.json', /cannot be read: ENOENT/]] as const) {
      const r = runCli(['report', 'logs', '--quiet', '--out', join(root, 'x'), '--baseline', file], { cwd: root });
      expect(r.code, file).toBe(1);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});
