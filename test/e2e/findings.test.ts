// Findings end to end, through the command line: the findings.jsonl format, the --fail-on finding
// gates (exit 3, one line per gate), the rules file's findings part (and its notes on stderr),
// "new since the baseline", and byte-identical findings at any concurrency.
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding, Summary } from '../../src/types.js';
import { ROOT, runCli } from '../helpers/run-cli.js';

const FIXTURES = join(ROOT, 'test/fixtures/findings');

/** A folder holding the given findings fixtures. */
function logs(...names: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'ctd-i17-logs-'));
  for (const n of names) copyFileSync(join(FIXTURES, `${n}.jsonl`), join(dir, `${n}.jsonl`));
  return dir;
}

function report(args: string[]): { out: string; code: number; stderr: string; stdout: string; summary: Summary } {
  const out = mkdtempSync(join(tmpdir(), 'ctd-i17-out-'));
  const r = runCli(['report', ...args, '--out', out, '--quiet']);
  let summary = {} as Summary;
  try {
    summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as Summary;
  } catch {
    // --format without json
  }
  return { out, code: r.code, stderr: r.stderr, stdout: r.stdout, summary };
}

const jsonl = (path: string): Finding[] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Finding);

describe('findings from the command line', () => {
  const dir = logs('sensitive-action.fires', 'enumeration-burst.fires', 'console-password-spray.quiet');

  it('--format findings writes findings.jsonl: one finding per line, as summary.json lists them', () => {
    const both = report([dir, '--format', 'json,findings']);
    expect(both.code).toBe(0);
    expect(jsonl(join(both.out, 'findings.jsonl'))).toEqual(both.summary.findings);
    expect(both.summary.findings!.length).toBe(7);
    const only = report([dir, '--format', 'findings']);
    expect(readFileSync(join(only.out, 'findings.jsonl'), 'utf8')).toBe(readFileSync(join(both.out, 'findings.jsonl'), 'utf8'));
  });

  it('--fail-on finding:high and finding: exit 3 with one line per gate; nothing found, exit 0', () => {
    const r = report([dir, '--format', 'json', '--fail-on', 'finding:high', '--fail-on', 'finding']);
    expect(r.code).toBe(3);
    expect(r.stderr.split('\n').filter((l) => l !== '')).toEqual([
      'cloudtrail-denials: --fail-on finding:high: 3 high findings (sensitive-action ×3)',
      'cloudtrail-denials: --fail-on finding: 7 findings (sensitive-action ×6, enumeration-burst)',
    ]);
    const medium = report([dir, '--format', 'json', '--fail-on', 'finding:medium']);
    expect(medium.stderr).toContain('--fail-on finding:medium: 7 medium or high findings');
    const quiet = report([logs('console-password-spray.quiet'), '--format', 'json', '--fail-on', 'finding']);
    expect([quiet.code, quiet.stderr]).toEqual([0, '']);
  });

  it('reads the findings part of the rules file, and says on stderr which suppress entries did nothing', () => {
    const rules = join(mkdtempSync(join(tmpdir(), 'ctd-i17-rules-')), 'rules.jsonc');
    writeFileSync(
      rules,
      `{
      // no suppression rules: findings only
      "findings": {
        "rules": { "enumeration-burst": { "enabled": false } },
        "suppress": [
          { "rule": "sensitive-action", "subject": "*:role/ci-deploy", "reason": "the pipeline's tests" },
          { "id": "f-000000000000", "reason": "gone" },
        ],
      },
    }`,
    );
    const out = mkdtempSync(join(tmpdir(), 'ctd-i17-out-'));
    const r = runCli(['report', dir, '--out', out, '--format', 'json', '--suppress', rules]);
    expect(r.code).toBe(0);
    const s = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as Summary;
    expect(s.suppression).toBeNull();
    expect(s.findings!.map((f) => f.rule)).toEqual(['sensitive-action', 'sensitive-action', 'sensitive-action']);
    expect(s.findingsReport!.suppressed).toHaveLength(3);
    expect(r.stderr).toContain(`findings.suppress entry 2 of ${rules} (f-000000000000) matched no finding: remove it if it is no longer needed`);
    const bad = runCli(['report', dir, '--out', out, '--suppress', rules.replace('rules.jsonc', 'bad.jsonc')], {});
    expect(bad.code).toBe(1);
  });

  it('new since the baseline: a principal and an address refused for the first time', () => {
    const before = report([logs('enumeration-burst.quiet'), '--format', 'json']);
    const after = report([logs('enumeration-burst.quiet', 'enumeration-burst.fires'), '--format', 'json', '--baseline', join(before.out, 'summary.json')]);
    const fresh = after.summary.findings!.filter((f) => f.rule.startsWith('new-')).sort((a, b) => (a.rule < b.rule ? -1 : 1));
    expect(fresh.map((f) => [f.rule, f.subject, f.count])).toEqual([
      ['new-principal', 'arn:aws:iam::111122223333:user/leaked', 20],
      ['new-source-ip', '198.18.44.7', 20],
    ]);
    expect(fresh[0].title).toMatch(/for the first time since .*summary\.json/);
    // the address's own span, from the per-address view of the activity record
    expect([fresh[1].firstSeen, fresh[1].lastSeen]).toEqual(['2026-11-19T10:42:00Z', '2026-11-19T10:50:33Z']);
    expect(fresh[1].why).not.toMatch(/groups it appears in/);
    expect(after.summary.findingsReport!.baseline).toMatch(/summary\.json$/);
    const same = report([logs('enumeration-burst.quiet'), '--format', 'json', '--baseline', join(before.out, 'summary.json')]);
    expect(same.summary.findings).toEqual([]);
  });

  it('gives byte-identical findings, summary and reports at --concurrency 1, 2 and 3', () => {
    const all = logs(
      'sensitive-action.fires',
      'enumeration-burst.fires',
      'enumeration-burst-ip.fires',
      'console-password-spray.fires',
      'console-brute-force.fires',
      'root-activity.fires',
      'outside-principal.fires',
    );
    const runs = ['1', '2', '3'].map((c) => report([all, '--concurrency', c]));
    for (const name of ['findings.jsonl', 'summary.json', 'report.md', 'report.html', 'denials.csv']) {
      const texts = runs.map((r) => readFileSync(join(r.out, name), 'utf8'));
      expect(texts[1], name).toBe(texts[0]);
      expect(texts[2], name).toBe(texts[0]);
    }
    expect(runs[0].summary.findings!.length).toBe(12); // sensitive-action 6, one of each other rule
    expect(runs.map((r) => r.code)).toEqual([0, 0, 0]);
  });
});
