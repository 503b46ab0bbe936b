// A report stopped half way (Ctrl-C, kill, a CI job cancelled) leaves nothing behind: no temporary
// file (a weekly `git add reports` would commit a gigabyte of them), no folder it made, one line on
// stderr, and the exit code a shell gives a process stopped by that signal.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { onStop, stopped } from '../../src/cli/interrupt.js';
import { ROOT, runCli } from '../helpers/run-cli.js';

/** Enough denials to keep a one-thread report busy for seconds, even on a loaded machine: 60 files of 3,000. */
function corpus(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ctd-interrupt-in-'));
  for (let f = 0; f < 60; f++) {
    const records = Array.from({ length: 3000 }, (_, i) => ({
      eventVersion: '1.08',
      eventTime: '2026-11-20T10:00:00Z',
      eventSource: 's3.amazonaws.com',
      eventName: 'GetObject',
      awsRegion: 'us-east-1',
      sourceIPAddress: `10.0.${f}.${i % 250}`,
      userAgent: 'aws-cli/2',
      recipientAccountId: '111122223333',
      userIdentity: { type: 'IAMUser', arn: `arn:aws:iam::111122223333:user/u${i % 20}`, accountId: '111122223333' },
      eventID: `${String(f).padStart(8, '0')}-0000-4000-8000-${String(i).padStart(12, '0')}`,
      errorCode: 'AccessDenied',
      errorMessage: `User: arn:aws:iam::111122223333:user/u${i % 20} is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::b/k${i}" because no identity-based policy allows the s3:GetObject action`,
    }));
    writeFileSync(join(dir, `trail-${String(f).padStart(3, '0')}.json`), JSON.stringify({ Records: records }));
  }
  return dir;
}

const input = corpus();
afterAll(() => rmSync(input, { recursive: true, force: true })); // ~100 MB

interface Stopped {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  sawTemp: string[];
}

/** Starts a report, waits until it is writing its denials (a temporary file holds rows), then sends `signal`. */
function stopMidRun(out: string, signal: NodeJS.Signals, threads = 1): Promise<Stopped> {
  return new Promise((resolve, reject) => {
    const args = [join(ROOT, 'dist/cli/main.js'), 'report', input, '--out', out, '--concurrency', String(threads)];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    let sawTemp: string[] = [];
    const poll = setInterval(() => {
      const temps = existsSync(out) ? readdirSync(out).filter((n) => n.includes('.tmp-')) : [];
      if (temps.some((n) => n.startsWith('denials.csv') && statSync(join(out, n)).size > 0)) {
        sawTemp = temps;
        clearInterval(poll);
        child.kill(signal);
      }
    }, 5);
    const guard = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('error', reject);
    child.on('exit', (code, sig) => {
      clearInterval(poll);
      clearTimeout(guard);
      resolve({ code, signal: sig, stderr, sawTemp });
    });
  });
}

describe('an interrupted report', () => {
  it('SIGINT: exit 130, one "interrupted" line, no temporary file and no folder left', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'ctd-interrupt-out-')), 'reports', '2026-W47');
    const r = await stopMidRun(out, 'SIGINT');
    expect(r.sawTemp.length).toBeGreaterThan(0); // it was stopped mid-run, while writing
    expect(r.signal).toBeNull();
    expect(r.code).toBe(130);
    expect(r.stderr).toMatch(/^cloudtrail-denials: interrupted by SIGINT; no report written, temporary files removed\n$/);
    expect(existsSync(join(out, '..'))).toBe(false); // both levels it made are gone
  });

  it('SIGTERM: exit 143; a folder that was there before stays, without the temporary files', async () => {
    const out = mkdtempSync(join(tmpdir(), 'ctd-interrupt-out-'));
    mkdirSync(join(out, 'kept'));
    const r = await stopMidRun(out, 'SIGTERM');
    expect(r.sawTemp.length).toBeGreaterThan(0);
    expect(r.code).toBe(143);
    expect(r.stderr).toMatch(/^cloudtrail-denials: interrupted by SIGTERM; no report written, temporary files removed\n$/);
    expect(readdirSync(out)).toEqual(['kept']);
  });

  it('SIGINT with reading threads: the threads do not keep the process alive', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'ctd-interrupt-out-')), 'out');
    const r = await stopMidRun(out, 'SIGINT', 2);
    expect(r.sawTemp.length).toBeGreaterThan(0);
    expect(r.code).toBe(130);
    expect(existsSync(out)).toBe(false);
  });

  it('a fatal error after the reading (a template that fails): exit 1, one line, no temporary file, no folder', () => {
    const templates = mkdtempSync(join(tmpdir(), 'ctd-interrupt-tpl-'));
    mkdirSync(join(templates, 'partials'));
    writeFileSync(join(templates, 'report.html.hbs'), '{{#each nosuchfield}}x{{/each}}');
    writeFileSync(join(templates, 'report.md.hbs'), '# x');
    const out = join(mkdtempSync(join(tmpdir(), 'ctd-interrupt-out-')), 'out');
    const r = runCli(['report', 'samples', '--out', out, '--templates', templates, '--quiet']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(out)).toBe(false);
  });
});

describe('stopping', () => {
  it('clears the progress line (registered last) before it removes the files, then says so in one line', () => {
    const events: string[] = [];
    onStop(() => events.push('remove files'), '; no report written');
    onStop(() => events.push('clear progress line'));
    const done = onStop(() => events.push('never: finished before the stop'));
    done();
    let code = 0;
    const exit = (c: number): never => {
      code = c;
      throw new Error('exit');
    };
    expect(() => stopped('SIGTERM', (line) => events.push(line), exit)).toThrow('exit');
    expect(events).toEqual(['clear progress line', 'remove files', 'cloudtrail-denials: interrupted by SIGTERM; no report written\n']);
    expect(code).toBe(143);
  });
});
