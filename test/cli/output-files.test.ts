// The output folder: made level by level (Node's recursive mkdir loops forever on procfs), removed
// again when the run fails, and never left with a half-written file in it.
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutputFiles } from '../../src/cli/output-files.js';
import { UserError } from '../../src/errors.js';
import { runCli } from '../helpers/run-cli.js';

describe('output folder', () => {
  it('--out under /proc: one line, exit 1, at once (it spun at 100% CPU forever)', () => {
    const started = Date.now();
    const r = runCli(['report', 'samples', '--out', '/proc/self/x/y', '--quiet'], { timeout: 20_000 });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^cloudtrail-denials: cannot create output folder \/proc\/self\/x\/y: .*\/proc\/self\/x.*\n$/);
    expect(r.stdout).toBe('');
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('a file where a folder should be: one line naming it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ctd-outdir-'));
    writeFileSync(join(dir, 'file'), 'x');
    expect(() => new OutputFiles(join(dir, 'file', 'a', 'b'))).toThrow(UserError);
    expect(() => new OutputFiles(join(dir, 'file', 'a', 'b'))).toThrow(/cannot create output folder .*file\/a\/b: .*not a directory/i);
    expect(readdirSync(dir)).toEqual(['file']);
  });

  it('makes every missing level, and a failed run removes the levels it made, and only those', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ctd-outdir-'));
    const out = new OutputFiles(join(dir, 'a', 'b', 'c'));
    out.write('report.md', 'x');
    expect(existsSync(join(dir, 'a', 'b', 'c'))).toBe(true);
    out.discard();
    expect(readdirSync(dir)).toEqual([]);
    const kept = new OutputFiles(dir);
    kept.write('report.md', 'x');
    kept.discard();
    expect(existsSync(dir)).toBe(true); // it was there before the run
  });
});
