// A report's reading threads: started from the --concurrency commander parsed (the one parser), as
// soon as the command line is parsed; verify has no threads, and says so for a --concurrency.
import { availableParallelism } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { isReport, parseThreads, startReportWorkers } from '../../src/cli/early-workers.js';
import { buildProgram } from '../../src/cli/program.js';
import type { ScanWorker } from '../../src/read/scan-worker-handle.js';
import { runCli } from '../helpers/run-cli.js';

let started: ScanWorker[] = [];
afterEach(async () => {
  await Promise.all(started.map((w) => w.close()));
  started = [];
});

describe('reading threads of a report', () => {
  it('start one thread fewer than asked for (this thread reads too), one per core but this one by default', () => {
    expect((started = startReportWorkers(3)).length).toBe(2);
    expect((started = startReportWorkers(undefined)).length).toBe(availableParallelism() - 1);
  });

  it('take --concurrency as commander parsed it: the last one given, a bad one refused before anything starts', async () => {
    const parsed = (args: string[]) => {
      const program = buildProgram(() => {});
      const report = program.commands.find((c) => c.name() === 'report')!;
      report.action(() => {}); // parse only
      program.parse(['node', 'cli', 'report', ...args]);
      return report.opts().concurrency as unknown;
    };
    expect(parsed(['logs/', '--concurrency', '4', '--concurrency=1'])).toBe(1);
    expect(parsed(['logs/'])).toBeUndefined();
    expect(() => parseThreads('lots')).toThrow('--concurrency wants a whole number of 1 or more, not "lots"');
  });

  it('a bad --concurrency is one line and exit 1; verify names what its --concurrency became', () => {
    const bad = runCli(['report', 'samples', '--concurrency', '0']);
    expect([bad.code, bad.stderr]).toEqual([1, 'cloudtrail-denials: --concurrency wants a whole number of 1 or more, not "0"\n']);
    const verify = runCli(['verify', 'samples', '--concurrency', '2']);
    expect(verify.code).toBe(1);
    expect(verify.stderr).toContain('--concurrency is now --hash-concurrency <n>');
  });

  it('tells a report by its first word', () => {
    expect(isReport(['node', 'cli', '--debug', 'report', 'x'])).toBe(true);
    expect(isReport(['node', 'cli', 'explain', 'report'])).toBe(false);
    expect(isReport(['node', 'cli'])).toBe(false);
  });
});
