// A --principal or --action filter that matches nothing says so on stderr (one line per filter),
// instead of a report that quietly says nobody was refused. The exit code stays what the run earned.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cloudTrailRecord } from '../helpers/record.js';
import { runCli } from '../helpers/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'ctd-filters-'));
const session = 'arn:aws:sts::111122223333:assumed-role/contractor-bob/bob-laptop';
writeFileSync(
  join(dir, 'a.json'),
  JSON.stringify({
    Records: [
      cloudTrailRecord('1', {
        errorCode: 'AccessDenied',
        errorMessage: `User: ${session} is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::b/k" because no identity-based policy allows the s3:GetObject action`,
        userIdentity: {
          type: 'AssumedRole',
          arn: session,
          accountId: '111122223333',
          sessionContext: { sessionIssuer: { type: 'Role', arn: 'arn:aws:iam::111122223333:role/ext/contractor-bob', accountId: '111122223333' } },
        },
      }),
    ],
  }),
);
const report = (...args: string[]) => {
  const out = mkdtempSync(join(tmpdir(), 'ctd-filters-out-'));
  const r = runCli(['report', dir, '--out', out, '-f', 'json', '--quiet', ...args]);
  return { ...r, summary: JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) };
};

describe('--principal and --action', () => {
  it.each([['contractor-bob'], [session], ['bob-laptop'], ['arn:aws:iam::111122223333:role/ext/contractor-bob']])('--principal %s finds the denial', (glob) => {
    const r = report('--principal', glob);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.summary.totals.denials).toBe(1);
    expect(r.summary.groups[0].principal).toBe('arn:aws:iam::111122223333:role/ext/contractor-bob');
  });

  it('say on stderr which filter matched nothing; the exit code stays', () => {
    const r = report('--principal', 'contractor-alice', '--principal', 'contractor-*', '--action', 'ec2:*', '--action', 's3:Get*');
    expect(r.code).toBe(0);
    expect(r.stderr.trim().split('\n')).toEqual([
      'cloudtrail-denials: --principal "contractor-alice" matched none of the 1 denial read (a principal is matched by its ARN, its name, its session name or session ARN)',
      'cloudtrail-denials: --action "ec2:*" matched none of the 1 denial read',
    ]);
    expect(r.summary.totals).toMatchObject({ denials: 1, excludedByFilter: 0 });
  });

  it('say it under --quiet too: a report of nothing is worth a line', () => {
    expect(report('--principal', 'nobody').stderr).toMatch(/--principal "nobody" matched none of the 1 denial read/);
  });
});
