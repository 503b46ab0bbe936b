import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/run-cli.js';

describe('integrity checks and archives', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ctd-verify-archive-'));
  const archive = join(dir, 'samples.tgz');
  execFileSync('tar', ['czf', archive, '-C', ROOT, 'samples']);

  it.each([
    ['verify', [archive]],
    ['report --verify', [archive, '--verify', '--out', join(dir, 'out'), '--quiet']],
  ])('%s refuses an archive in one line rather than calling its digests unreadable', (command, args) => {
    const r = runCli([command.split(' ')[0], ...args]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(`cloudtrail-denials: integrity checks read folders and files, not archives: unpack ${archive} and verify the folder`);
    expect(existsSync(join(dir, 'out', 'summary.json'))).toBe(false);
  });

  it('report without --verify reads the same archive', () => {
    const r = runCli(['report', archive, '--out', join(dir, 'plain'), '-f', 'json', '--quiet']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^95 denials in 665 records/);
  });
});
