import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '../..');
const MAIN = join(ROOT, 'dist/cli/main.js');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built command line (npm test builds first), as a user would. */
/** `timeout` (ms): a run that takes longer is killed and reported with code -1. */
export function runCli(args: string[], options: { input?: string; cwd?: string; nodeArgs?: string[]; timeout?: number } = {}): CliResult {
  const r = spawnSync(process.execPath, [...(options.nodeArgs ?? []), MAIN, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: options.timeout,
    killSignal: 'SIGKILL',
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
