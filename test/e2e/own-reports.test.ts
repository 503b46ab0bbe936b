// Reports written under their own input are never read back as logs (it was 60 → 120 → 180 denials).
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/run-cli.js';
import { readSummary, twoWeeks } from '../helpers/two-weeks.js';

const counts = (dir: string) => {
  const s = readSummary(dir);
  return { totals: s.totals, read: s.files.read, damaged: s.files.damaged };
};

describe('report . in a folder that holds its own reports', () => {
  it('two and three runs of `report .` give the same counts; the reports found are skipped as own-output', () => {
    const root = twoWeeks();
    const runs = [1, 2, 3].map(() => runCli(['report', '.', '--quiet'], { cwd: root }));
    expect(runs.map((r) => r.code)).toEqual([0, 0, 0]);
    const first = counts(join(root, 'cloudtrail-denials-report'));
    expect(first.totals.denials).toBe(42);
    for (const r of runs) expect(r.stdout).toMatch(/^42 denials in 42 records/);
    const third = readSummary(join(root, 'cloudtrail-denials-report'));
    expect(counts(join(root, 'cloudtrail-denials-report'))).toEqual(first);
    expect(
      third.files.skippedFiles
        .filter((f) => f.reason === 'own-output')
        .map((f) => f.path)
        .sort(),
    ).toEqual(['denials.csv', 'denials.jsonl', 'findings.jsonl', 'report.html', 'report.md', 'summary.json'].map((n) => `./cloudtrail-denials-report/${n}`));
  });

  it("--week in a repository: earlier weeks' reports beside the logs are not read, in this run or a later one", () => {
    const root = twoWeeks();
    const week = (w: string) => runCli(['report', '.', '--week', w, '--quiet', '--no-baseline'], { cwd: root });
    expect(week('2026-W47').code).toBe(0);
    const before = readSummary(join(root, 'reports/2026-W47')).totals;
    expect(before.denials).toBe(21);
    expect([week('2026-W46'), week('2026-W47'), week('2026-W47')].map((r) => r.code)).toEqual([0, 0, 0]);
    expect(readSummary(join(root, 'reports/2026-W47')).totals).toEqual(before);
    const all = runCli(['report', '.', '--out', join(root, '..', `${root.split('/').at(-1)}-all`), '--quiet'], { cwd: root });
    expect(all.code).toBe(0);
    expect(all.stdout).toMatch(/^42 denials in 42 records/);
  });

  it('a copy of a summary.json, denials.jsonl or findings.jsonl under another name is recognised by its content', () => {
    const root = twoWeeks();
    expect(runCli(['report', 'logs', '--out', 'out', '--quiet'], { cwd: root }).code).toBe(0);
    mkdirSync(join(root, 'logs', 'old'));
    copyFileSync(join(root, 'out', 'summary.json'), join(root, 'logs', 'old', 'last-week.json'));
    copyFileSync(join(root, 'out', 'denials.jsonl'), join(root, 'logs', 'old', 'export.jsonl'));
    copyFileSync(join(ROOT, 'reports', 'samples', 'findings.jsonl'), join(root, 'logs', 'old', 'alerts.jsonl')); // the samples' findings: not empty
    const again = runCli(['report', 'logs', '--out', 'out2', '--quiet'], { cwd: root });
    expect(again.code).toBe(0);
    const s = readSummary(join(root, 'out2'));
    expect(s.totals.denials).toBe(42);
    expect(s.files.skippedFiles).toEqual([
      { path: 'logs/old/alerts.jsonl', reason: 'own-output' },
      { path: 'logs/old/export.jsonl', reason: 'own-output' },
      { path: 'logs/old/last-week.json', reason: 'own-output' },
    ]);
  });
});
