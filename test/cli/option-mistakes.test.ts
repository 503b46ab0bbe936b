// Mistakes in the options that say when and which account: each is one line on stderr, exit 1 and
// nothing written, for `report` and `verify` alike (instead of a date moved to another month, or a
// window or account that silently matches nothing).
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cloudTrailRecord } from '../helpers/record.js';
import { runCli } from '../helpers/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'ctd-mistakes-'));
writeFileSync(join(dir, 'a.json'), JSON.stringify({ Records: [cloudTrailRecord('1', { errorCode: 'AccessDenied', errorMessage: 'Access Denied' })] }));

const MISTAKES: [string, string[], RegExp][] = [
  ['a day February does not have', ['--since', '2026-02-30'], /^cloudtrail-denials: --since "2026-02-30" is not a date: 2026-02 has 28 days/],
  ['a month that does not exist', ['--until', '2026-13-01'], /^cloudtrail-denials: --until "2026-13-01" is not a date: there is no month 13/],
  [
    '--since after --until',
    ['--since', '2026-11-20', '--until', '2026-11-10'],
    /^cloudtrail-denials: --since 2026-11-20 \(.*\) is after --until 2026-11-10 \(.*\): nothing can fall in that window/,
  ],
  ['an account ID that is not 12 digits', ['--account', '1111'], /^cloudtrail-denials: --account "1111" is not an account ID: give its 12 digits/],
];

describe.each(['report', 'verify'])('%s refuses', (command) => {
  it.each(MISTAKES)('%s', (_, args, message) => {
    const out = join(dir, `out-${command}-${args.join('_')}`);
    const r = runCli([command, dir, ...(command === 'report' ? ['--out', out] : []), ...args]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
  });
});

describe('report refuses calendar windows and rule dates that do not exist', () => {
  it.each([
    [['--day', '2026-02-30'], /--day "2026-02-30" is not a date/],
    [['--week', '2026-W54'], /--week 2026-W54: 2026 has weeks W01 to W53/],
  ])('%s', (args, message) => {
    const r = runCli(['report', dir, '--out', join(dir, 'never'), ...args]);
    expect([r.code, r.stderr.trim().split('\n').length]).toEqual([1, 1]);
    expect(r.stderr).toMatch(message);
  });

  it('a rule that expires on a day that does not exist', () => {
    writeFileSync(join(dir, 'rules.jsonc'), '{ "rules": [ { "action": "s3:*", "reason": "r", "expires": "2027-02-29" } ] }');
    const r = runCli(['report', dir, '--out', join(dir, 'never'), '--suppress', join(dir, 'rules.jsonc')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/rule 1: "expires" must be a date such as 2027-03-31, not "2027-02-29"/);
  });
});
