import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { cloudTrailRecord } from '../helpers/record.js';
import { runCli } from '../helpers/run-cli.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'ctd-report-'));
const record = cloudTrailRecord;

describe('cloudtrail-denials report', () => {
  it('writes the asked formats, prints where, exits 0', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'a.json'), JSON.stringify({ Records: [record('1', { errorCode: 'AccessDenied', errorMessage: 'Access Denied' }), record('2')] }));
    const out = join(dir, 'out');
    const r = runCli(['report', dir, '--out', out, '-f', 'md,json', '--quiet']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('1 denial in 2 records; files: 1 found, 1 read\n');
    expect(readdirSync(out).sort()).toEqual(['report.md', 'summary.json']);
  });

  it('loads a renderer only for the formats asked for: no handlebars for --format json,csv', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'a.json'), JSON.stringify({ Records: [record('1', { errorCode: 'AccessDenied', errorMessage: 'Access Denied' })] }));
    // handlebars loads through require (render/handlebars-env.ts): a hook on require names it when it does
    const hook = join(dir, 'hook.cjs');
    writeFileSync(
      hook,
      "const M = require('node:module'); const load = M._load; M._load = function (name, ...rest) { if (name === 'handlebars') process.stderr.write('handlebars loaded\\n'); return load.call(this, name, ...rest); };",
    );
    const run = (formats: string) =>
      runCli(['report', dir, '--out', join(dir, formats.replace(',', '-')), '-f', formats, '--quiet'], { nodeArgs: ['--require', hook] });
    const json = run('json,csv');
    expect([json.code, json.stderr]).toEqual([0, '']);
    expect(run('md').stderr).toBe('handlebars loaded\n');
  });

  it('exits 2 when an input is damaged, and still writes reports', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'good.json.gz'), gzipSync(JSON.stringify({ Records: [record('1')] })));
    writeFileSync(join(dir, 'bad.json.gz'), gzipSync(JSON.stringify({ Records: [record('2')] })).subarray(0, 20));
    const out = join(dir, 'out');
    const r = runCli(['report', dir, '--out', out, '-f', 'json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('0 denials in 1 record; files: 2 found, 1 read, 1 damaged\n');
    expect(existsSync(join(out, 'summary.json'))).toBe(true);
  });

  it('--max-expansion sets the gzip-bomb limit', () => {
    const [dir, out] = [tmp(), tmp()];
    writeFileSync(join(dir, 'ratio.json.gz'), gzipSync(JSON.stringify({ Records: [record('1', { pad: 'a'.repeat(2_000_000) })] })));
    // the refused file is all there is: the run stops (exit 1, the reason on stderr) unless --allow-empty
    const stopped = runCli(['report', dir, '--out', join(out, 'a'), '-f', 'json', '--quiet']);
    expect(stopped.code).toBe(1);
    expect(stopped.stderr).toMatch(/no log file read: 1 file found: 1 damaged \(.*ratio\.json\.gz: gzip expands more than 250/);
    const refused = runCli(['report', dir, '--out', join(out, 'a'), '-f', 'json', '--quiet', '--allow-empty']);
    expect(refused.code).toBe(2);
    expect(readFileSync(join(out, 'a', 'summary.json'), 'utf8')).toContain('gzip expands more than 250');
    const allowed = runCli(['report', dir, '--out', join(out, 'b'), '-f', 'json', '--quiet', '--max-expansion', '5000']);
    expect(allowed.code).toBe(0);
    expect(allowed.stdout).toContain('0 denials in 1 record;');
  });

  it.each([
    [['report', '/no/such/path'], /no such file or folder: \/no\/such\/path/],
    [['report', '.', '-f', 'pdf'], /unknown format pdf/],
    [['report', '.', '--since', 'last tuesday'], /--since "last tuesday" is not a time/],
    [['report', '.', '--top', 'x'], /--top wants a whole number/],
    [['report', '.', '--templates', '/no/such/templates'], /templates folder not found/],
  ])('%j is a one-line error with exit 1', (args, message) => {
    const r = runCli(args);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('leaves nothing half-written when it fails', () => {
    const dir = tmp();
    const out = join(dir, 'out');
    mkdirSync(out);
    const r = runCli(['report', '/no/such/path', '--out', out]);
    expect(r.code).toBe(1);
    expect(readdirSync(out)).toEqual([]);
  });

  it('removes the output folders it made when it fails, and only those', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'kept'), '');
    const r = runCli(['report', '/no/such/path', '--out', join(dir, 'new', 'deeper'), '-f', 'csv,json']);
    expect(r.code).toBe(1);
    expect(readdirSync(dir)).toEqual(['kept']);
  });
});
