import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

describe('cloudtrail-denials samples', () => {
  it('an existing file as the target folder is a one-line user error, and the file is left alone', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ctd-samples-'));
    writeFileSync(join(dir, 'notes.txt'), 'keep me');
    const r = runCli(['samples', join(dir, 'notes.txt')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`cloudtrail-denials: ${join(dir, 'notes.txt')} is a file: give a new or empty folder\n`);
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('keep me');
  });

  it('a folder that is not empty is refused too', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ctd-samples-'));
    writeFileSync(join(dir, 'x'), '');
    const r = runCli(['samples', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/is not empty: give a new or empty folder\n$/);
  });

  it("a target under /proc is a one-line error, not a spin (Node's recursive mkdir loops on procfs)", () => {
    const r = runCli(['samples', '/proc/self/ctd-x/y'], { timeout: 20_000 });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^cloudtrail-denials: cannot write the samples into \/proc\/self\/ctd-x\/y: .*\n$/);
  });
});
