// Expected denials (suppression rules) and CI gates (--fail-on) over the two synthetic weeks.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { readSummary, twoWeeks } from '../helpers/two-weeks.js';

const RULES = `{
  // expected denials, reviewed every quarter
  "rules": [
    { "principal": "arn:aws:iam::*:role/erin-scanner", "action": "s3:GetBucketPolicy", "reason": "nightly posture scan", "expires": "2027-06-30" },
    { "principal": "*:user/bob-*", "reason": "bob's sandbox quota", "expires": "2026-11-20" }, /* expired during W47 */
    { "account": "999988887777", "reason": "retired sandbox account" },
  ],
}`;

describe('suppression rules', () => {
  const root = twoWeeks();
  writeFileSync(join(root, '.cloudtrail-denials.jsonc'), RULES);
  const run = (...args: string[]) => runCli(['report', 'logs', '--week', '2026-W47', '--quiet', '--no-baseline', ...args], { cwd: root });

  it('uses .cloudtrail-denials.jsonc from the working folder: matching, expired and stale rules', () => {
    const r = run('--out', 'default');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('17 denials in 22 records; files: 13 found, 7 read, 6 pruned; 4 suppressed as expected');
    const s = readSummary(join(root, 'default'));
    expect(s.totals).toMatchObject({ denials: 17, suppressed: 4 });
    const t = s.totals;
    expect(t.records).toBe(t.denials + t.suppressed + t.otherErrors + t.noError + t.excludedByFilter + t.duplicates);
    expect(s.groups.map((g) => g.principal)).not.toContain('arn:aws:iam::111122223333:role/erin-scanner');
    expect(s.groups.map((g) => g.principal)).toContain('arn:aws:iam::111122223333:user/bob-admin'); // its rule expired
    expect(s.suppression).toMatchObject({ source: '.cloudtrail-denials.jsonc', asOf: '2026-11-22' });
    expect(s.suppression!.rules.map((x) => [x.number, x.status, x.count, x.reason])).toEqual([
      [1, 'active', 4, 'nightly posture scan'],
      [2, 'expired', 0, "bob's sandbox quota"],
      [3, 'stale', 0, 'retired sandbox account'],
    ]);
    const csv = readFileSync(join(root, 'default/denials.csv'), 'utf8');
    expect(csv).not.toContain('erin-scanner');
    expect(csv.trim().split('\n')).toHaveLength(1 + 17);
    const md = readFileSync(join(root, 'default/report.md'), 'utf8');
    expect(md).toContain('## Suppressed (expected) denials');
    expect(md).toContain("| 2 | principal \\*:user/bob-\\* | bob's sandbox quota | 2026-11-20 | expired: matches nothing | 0 | — | — |");
    expect(md).toContain('suppressed 4');
  });

  it('takes --suppress <file>, and --no-suppress turns rules off', () => {
    writeFileSync(join(root, 'other.jsonc'), '[{ "action": "iam:*", "reason": "IAM changes go through the pipeline" }]');
    expect(readSummary(join(root, run('--out', 'other', '--suppress', 'other.jsonc').code === 0 ? 'other' : 'x')).totals.suppressed).toBe(4);
    expect(run('--out', 'off', '--no-suppress').code).toBe(0);
    const off = readSummary(join(root, 'off'));
    expect([off.totals.suppressed, off.suppression]).toEqual([0, null]);
  });

  it.each([
    ['{ "rules": [ { "principal": "x" } ] }', /bad\.jsonc: rule 1 has no "reason"/],
    ['{ "rules": [ { "principal": "x", "reason": "r" }, { "user": "x", "reason": "r" } ] }', /bad\.jsonc: rule 2 has an unknown field "user"/],
    ['{ "rules": [ { "principal": "x", "reason": "r", "expires": "soon" } ] }', /bad\.jsonc: rule 1: "expires" must be a date/],
    ['{ "rules": [ ', /bad\.jsonc is not valid JSON with comments/],
  ])('refuses a bad rules file in one line: %s', (text, message) => {
    writeFileSync(join(root, 'bad.jsonc'), text);
    const r = run('--out', 'bad', '--suppress', 'bad.jsonc');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('--fail-on', () => {
  const root = twoWeeks();
  const gate = (week: string, ...args: string[]) => runCli(['report', 'logs', '--week', week, '--quiet', '-f', 'json', ...args], { cwd: root });
  const first = gate('2026-W46', '--fail-on', 'new');

  it('new: cannot trip without a baseline (first week), says so, exits 0', () => {
    expect(first.code).toBe(0);
    expect(first.stderr).toBe('');
    const loud = runCli(['report', 'logs', '--week', '2026-W46', '-f', 'json', '--out', join(root, 'loud'), '--fail-on', 'new'], { cwd: root });
    expect(loud.code).toBe(0);
    expect(loud.stderr).toContain('--fail-on new: no baseline to compare with');
  });

  it.each([
    [['--fail-on', 'new'], 3, /--fail-on new: 1 new group since 2026-W46/],
    [['--fail-on', 'explicit'], 3, /--fail-on explicit: 10 explicit-deny denials/],
    [['--fail-on', 'any'], 3, /--fail-on any: 21 denials/],
    [['--fail-on', '20'], 3, /--fail-on 20: 21 denials, more than 20/],
    [['--fail-on', '21'], 0, null],
    [['--fail-on', 'explicit', '--action', 's3:*'], 0, null],
    // no denial left, so no gate trips; the filter that matched nothing is named (issue 13, item 17)
    [['--fail-on', 'any', '--principal', 'nobody'], 0, /^cloudtrail-denials: --principal "nobody" matched none of the \d+ denials read/],
  ] as const)('%j exits %i', (args, code, message) => {
    const r = gate('2026-W47', '--out', join(root, 'gate'), '--baseline', 'reports/2026-W46', ...args);
    expect(r.code).toBe(code);
    if (message === null) expect(r.stderr).toBe('');
    else expect(r.stderr.trim()).toMatch(message);
  });

  it('reports every gate that tripped, from a comma list or repeated flags', () => {
    const r = gate('2026-W47', '--out', join(root, 'both'), '--baseline', 'reports/2026-W46', '--fail-on', 'new,21', '--fail-on', 'explicit');
    expect(r.code).toBe(3);
    expect(r.stderr.trim().split('\n')).toEqual([
      'cloudtrail-denials: --fail-on new: 1 new group since 2026-W46',
      'cloudtrail-denials: --fail-on explicit: 10 explicit-deny denials',
    ]);
  });

  it('wins over damaged input (3 over 2), and suppressed denials never trip it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ctd-gate-'));
    cpSync(join(root, 'logs'), join(dir, 'logs'), { recursive: true });
    writeFileSync(join(dir, 'broken.json.gz'), gzipSync('{"Records": [{"eventID": "x"}]}').subarray(0, 15));
    const damaged = runCli(['report', 'logs', 'broken.json.gz', '--quiet', '-f', 'json', '--out', 'o1', '--no-suppress'], { cwd: dir });
    expect(damaged.code).toBe(2);
    const both = runCli(['report', 'logs', 'broken.json.gz', '--quiet', '-f', 'json', '--out', 'o2', '--fail-on', 'any'], { cwd: dir });
    expect(both.code).toBe(3);
    writeFileSync(join(dir, 'all.jsonc'), '{ "rules": [ { "principal": "*", "reason": "drill: everything is expected" } ] }');
    const quiet = runCli(['report', 'logs', '--quiet', '-f', 'json', '--out', 'o3', '--suppress', 'all.jsonc', '--fail-on', 'any,explicit,0'], { cwd: dir });
    expect(quiet.code).toBe(0);
  });

  it('refuses an unknown gate in one line', () => {
    const r = gate('2026-W47', '--out', join(root, 'x'), '--fail-on', 'sometimes');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--fail-on "sometimes": choose new, explicit, any, a number .*, finding, or finding:high/);
  });
});
