// Two consecutive synthetic weeks with known differences, for the weekly-workflow tests.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Summary } from '../../src/types.js';
import { weekOfRecords, writeArchive, type DenialSpec } from './trail-archive.js';

export const ALICE: DenialSpec = {
  user: 'alice.jones',
  action: 's3:GetObject',
  resource: 'arn:aws:s3:::acme-finance-reports/q3/payroll.csv',
  explicit: false,
  ip: '203.0.113.45',
};
export const BOB: DenialSpec = {
  user: 'bob-admin',
  action: 'ec2:RunInstances',
  resource: 'arn:aws:ec2:us-east-1:111122223333:instance/*',
  explicit: true,
  ip: '198.51.100.23',
};
export const CI: DenialSpec = {
  user: 'ci-deployer',
  role: true,
  session: 'gh-run-98765',
  action: 'kms:Decrypt',
  resource: 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
  explicit: false,
  ip: '192.0.2.77',
};
export const CAROL: DenialSpec = {
  user: 'carol-finance',
  action: 's3:PutObject',
  resource: 'arn:aws:s3:::acme-finance-reports/upload.bin',
  explicit: false,
  ip: '203.0.113.46',
};
export const DAVE: DenialSpec = {
  user: 'dave-contractor',
  action: 'iam:CreateUser',
  resource: 'arn:aws:iam::111122223333:user/backdoor-user',
  explicit: true,
  ip: '2001:db8::7',
};
export const ERIN: DenialSpec = {
  user: 'erin-scanner',
  role: true,
  session: 'nightly-scan',
  action: 's3:GetBucketPolicy',
  resource: 'arn:aws:s3:::acme-public-assets',
  explicit: false,
  ip: '192.0.2.200',
};

// Week 46: alice 5, bob 2, ci 8, carol 3, erin 3.  Week 47: alice 5, bob 6, ci 2, dave 4, erin 4.
// So in week 47: dave is new, carol gone, bob rose (2 → 6), ci fell (8 → 2), alice steady, erin +1 (steady).
export function twoWeeks(): string {
  const root = mkdtempSync(join(tmpdir(), 'ctd-weeks-'));
  const a = weekOfRecords(
    '2026-11-09',
    [
      [ALICE, 5],
      [BOB, 2],
      [CI, 8],
      [CAROL, 3],
      [ERIN, 3],
    ],
    'a',
  );
  const b = weekOfRecords(
    '2026-11-16',
    [
      [ALICE, 5],
      [BOB, 6],
      [CI, 2],
      [DAVE, 4],
      [ERIN, 4],
    ],
    'b',
  );
  writeArchive(join(root, 'logs'), [...a, ...b]);
  return root;
}

export const readSummary = (dir: string): Summary => JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')) as Summary;
