// A run that reads no log file must not say "0 denials" and exit 0: a weekly job whose sync broke would
// commit "no denials this week". It stops with the reason (exit 1, nothing written) unless --allow-empty.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Summary } from '../../src/types.js';
import { cloudTrailRecord } from '../helpers/record.js';
import { ROOT, runCli } from '../helpers/run-cli.js';

const trailKey = (account: string, day: string) =>
  `AWSLogs/${account}/CloudTrail/us-east-1/2026/11/${day}/${account}_CloudTrail_us-east-1_202611${day}T1005Z_abcdEFGH1234.json.gz`;
const digestKey = (day: string) =>
  `AWSLogs/111122223333/CloudTrail-Digest/us-east-1/2026/11/${day}/111122223333_CloudTrail-Digest_us-east-1_t_us-east-1_202611${day}T1100Z.json.gz`;
const log = (id: string) => gzipSync(JSON.stringify({ Records: [cloudTrailRecord(id, { errorCode: 'AccessDenied', errorMessage: 'Access Denied' })] }));

function folder(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(join(tmpdir(), 'ctd-empty-'));
  mkdirSync(join(root, 'in'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, 'in', name)), { recursive: true });
    writeFileSync(join(root, 'in', name), content);
  }
  return root;
}

/** Runs in `root`; the reports go to root/out. */
function report(root: string, ...args: string[]) {
  return runCli(['report', ...args, '--out', 'out', '--quiet'], { cwd: root });
}

function stopsWith(root: string, r: { code: number; stdout: string; stderr: string }, reason: RegExp): void {
  expect(r.code).toBe(1);
  expect(r.stdout).toBe('');
  expect(r.stderr.split('\n')).toHaveLength(2); // one line
  expect(r.stderr).toMatch(/^cloudtrail-denials: no log file read: /);
  expect(r.stderr).toMatch(reason);
  expect(r.stderr).toMatch(/--allow-empty/);
  expect(existsSync(join(root, 'out'))).toBe(false); // nothing written, not even the folder
}

describe('no log file read: exit 1 with the reason, nothing written', () => {
  it('an empty folder', () => {
    const root = folder({});
    stopsWith(root, report(root, 'in'), /the folder in holds no files/);
  });

  it('a glob that matches nothing', () => {
    const root = folder({ 'a.txt': 'x' });
    stopsWith(root, report(root, 'in/*.json.gz'), /the glob in\/\*\.json\.gz matches no file/);
  });

  it('a window that prunes every file: how many, and the newest', () => {
    const root = folder({ [trailKey('111122223333', '20')]: log('a'), [trailKey('111122223333', '22')]: log('b') });
    stopsWith(root, report(root, 'in', '--since', '2026-12-10'), /2 files found: 2 outside --since 2026-12-10 \(the newest is from 2026-11-22\)/);
  });

  it('an --account that prunes every file', () => {
    const root = folder({ [trailKey('111122223333', '20')]: log('a') });
    stopsWith(root, report(root, 'in', '--account', '444455556666'), /1 file found: 1 outside --account 444455556666/);
  });

  it('every file skipped', () => {
    const root = folder({ [digestKey('20')]: 'x', [digestKey('21')]: 'x', [digestKey('22')]: 'x', 'notes.txt': 'x' });
    stopsWith(root, report(root, 'in'), /4 files found: 4 skipped \(digest-file 3, not-a-log-file 1\)/);
  });

  it('a JSON document that is not a log, named: "not a CloudTrail log file", said once', () => {
    const root = folder({});
    const r = runCli(['report', join(ROOT, 'package.json'), '--out', join(root, 'out'), '--quiet']);
    stopsWith(root, r, /1 file found: 1 damaged \(.*package\.json: not a CloudTrail log file/);
    expect(r.stderr.match(/not a CloudTrail log file/g)).toHaveLength(1);
  });

  it('with --allow-empty: the reports are written, exit 0, and they say plainly that no log file was read', () => {
    const root = folder({ [trailKey('111122223333', '20')]: log('a') });
    const r = report(root, 'in', '--since', '2026-12-10', '--allow-empty', '-f', 'md,json,html');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('cloudtrail-denials: no log file read: 1 file found: 1 outside --since 2026-12-10 (the newest is from 2026-11-20)\n');
    expect(readdirSync(join(root, 'out')).sort()).toEqual(['report.html', 'report.md', 'summary.json']);
    const md = readFileSync(join(root, 'out', 'report.md'), 'utf8');
    expect(md).toContain('**No log file was read**');
    expect(md).not.toContain('No request in the input was refused');
    expect(readFileSync(join(root, 'out', 'report.html'), 'utf8')).toContain('No log file was read');
    const s = JSON.parse(readFileSync(join(root, 'out', 'summary.json'), 'utf8')) as Summary;
    expect(s.files).toMatchObject({ found: 1, read: 0, pruned: 1 });
  });
});

describe('some files pruned', () => {
  it('says how many on stderr, in one line, and reads the rest', () => {
    const root = folder({ [trailKey('111122223333', '01')]: log('a'), [trailKey('111122223333', '20')]: log('b'), [trailKey('444455556666', '20')]: log('c') });
    const r = runCli(['report', 'in', '--out', 'out', '--since', '2026-11-15', '--account', '111122223333'], { cwd: root });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      'cloudtrail-denials: 2 of 3 files not opened: 1 outside --account 111122223333, 1 outside --since 2026-11-15 (the newest is from 2026-11-01)\n',
    );
    expect(r.stdout).toMatch(/^1 denial in 1 record; files: 3 found, 1 read, 2 pruned\n/);
  });
});
