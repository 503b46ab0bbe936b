// The reading threads a report starts before the command line is parsed: the count only decides how
// soon threads are ready (the pool starts or closes threads to match the real --concurrency).

import { availableParallelism } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { earlyWorkers, isReport } from '../../src/cli/early-workers.js';
import type { ScanWorker } from '../../src/read/scan-worker-handle.js';

let started: ScanWorker[] = [];
const count = (...args: string[]): number => (started = earlyWorkers(['node', 'cloudtrail-denials', ...args])).length;

afterEach(async () => {
  await Promise.all(started.map((w) => w.close()));
  started = [];
});

describe('earlyWorkers', () => {
  it('starts one thread fewer than --concurrency for a report (this thread reads too)', () => {
    expect(count('report', 'logs/', '--concurrency', '3')).toBe(2);
    expect(count('--debug', 'report', '--concurrency=2', 'logs/')).toBe(1);
    expect(count('report', '--concurrency', '4', '--concurrency', '1')).toBe(0); // the last one counts
  });

  it('starts one per core but this one by default', () => {
    expect(count('report', 'logs/')).toBe(availableParallelism() - 1);
  });

  it('starts none for a bad --concurrency (the report command says why) or for other commands', () => {
    expect(count('report', '--concurrency', 'lots')).toBe(0);
    expect(count('report', '--concurrency')).toBe(availableParallelism() - 1);
    expect(count('verify', 'report')).toBe(0);
    expect(count('explain', 'User: x is not authorized')).toBe(0);
    expect(count('--version')).toBe(0);
    expect(count()).toBe(0);
  });

  it('tells a report by its first word', () => {
    expect(isReport(['node', 'cli', '--debug', 'report', 'x'])).toBe(true);
    expect(isReport(['node', 'cli', 'explain', 'report'])).toBe(false);
    expect(isReport(['node', 'cli'])).toBe(false);
  });
});
