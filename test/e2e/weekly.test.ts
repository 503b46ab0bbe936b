// The weekly workflow end to end: two consecutive synthetic weeks with known differences, the
// reports of the second compared with the first, expected denials suppressed, CI gates.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { readSummary, twoWeeks } from '../helpers/two-weeks.js';

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
    expect(md).toMatch(
      /### New groups\n\n\| Principal .*\n.*\n\| arn:aws:iam::111122223333:user\/dave-contractor \| iam:CreateUser \| service-control-policy \| explicit \| 0 \| 4 \| new \|/,
    );
    expect(md).toContain('| arn:aws:iam::111122223333:role/ci-deployer | kms:Decrypt | identity-based | implicit | 8 | 2 | -75% |');
    const html = readFileSync(join(root, 'reports/2026-W47/report.html'), 'utf8');
    expect(html).toContain('<h2>Changes since 2026-W46</h2>');
  });

  it('takes an explicit --baseline folder, a stricter threshold, and --no-baseline', () => {
    const out = join(root, 'explicit');
    const r = runCli(['report', 'logs', '--week', '2026-W47', '--quiet', '--out', out, '--baseline', 'reports/2026-W46', '--change-threshold', '20%'], {
      cwd: root,
    });
    expect(r.code).toBe(0);
    expect(readSummary(out).changes!.rose.map((g) => g.principal)).toEqual([user('bob-admin')]);
    const none = runCli(['report', 'logs', '--week', '2026-W47', '--quiet', '--out', join(root, 'none'), '--no-baseline'], { cwd: root });
    expect(none.code).toBe(0);
    expect(readSummary(join(root, 'none')).changes).toBeNull();
  });

  it('refuses a baseline it cannot use, in one line', () => {
    writeFileSync(join(root, 'v2.json'), JSON.stringify({ ...s, schemaVersion: 2 }));
    writeFileSync(join(root, 'junk.json'), '{"Records": [');
    for (const [file, message] of [
      ['v2.json', /schemaVersion 2/],
      ['junk.json', /cannot be read/],
      ['missing.json', /cannot be read: ENOENT/],
    ] as const) {
      const r = runCli(['report', 'logs', '--quiet', '--out', join(root, 'x'), '--baseline', file], { cwd: root });
      expect(r.code, file).toBe(1);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});
