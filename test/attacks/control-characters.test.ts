// Attack: control characters in text the tool prints or writes. ESC starts terminal sequences (ESC ]0;
// retitles the window, ESC [2J clears the screen), U+009B is an 8-bit CSI, BEL rings, NUL cuts strings
// short in C tools, the bidi overrides and isolates reorder what a reader sees ("Trojan Source"), and
// U+2028/2029 break lines in some tools. Written by whoever writes a log record, a file name, a
// baseline summary.json or a rules file. Every text output shows them as a visible \uXXXX, JSON as its
// own \u escapes, so nothing acts and nothing hides.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

/** One of each: C0 (NUL, BEL, ESC sequences, VT, CR), DEL, C1 (CSI, NEL), bidi override/isolates/marks, line and paragraph separators. */
const HOSTILE = 'a\u0000b\u0007c\u001b[2Jd\u001b]0;pwned\u0007e\u000bf\rg\u007fh\u009b31mi\u0085j\u202ek\u2066l\u2069m\u200fn\u061co\u2028p\u2029q';
/** What must never reach an output raw (tab and line feed are text: they end lines and separate words). */
const ACTIVE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;

const dir = mkdtempSync(join(tmpdir(), 'ctd-controls-'));

function record(i: number, text: string): unknown {
  return {
    eventVersion: '1.09',
    eventTime: `2026-11-20T10:00:0${i}Z`,
    eventSource: 's3.amazonaws.com',
    eventName: `GetObject${text}`,
    awsRegion: 'us-east-1',
    sourceIPAddress: `198.51.100.${i}${text}`,
    userAgent: `aws-cli/2 ${text}`,
    recipientAccountId: '111122223333',
    userIdentity: { type: 'IAMUser', arn: `arn:aws:iam::111122223333:user/u${text}`, accountId: '111122223333' },
    eventID: `id-${i}`,
    errorCode: 'AccessDenied',
    errorMessage: `User: arn:aws:iam::111122223333:user/u is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::b/${text}" ${text}`,
  };
}

const logs = join(dir, 'logs');
mkdirSync(logs);
writeFileSync(join(logs, 'trail.json'), JSON.stringify({ Records: [0, 1, 2].map((i) => record(i, HOSTILE)) }));
writeFileSync(join(logs, `damaged${HOSTILE.replace(/[\u0000/]/g, '')}.json`), '{"Records":[');

/** A baseline someone edited: its title and label reach the "since …" line and the --fail-on gate line. */
const baseline = join(dir, 'baseline.json');
writeFileSync(
  baseline,
  JSON.stringify({
    schemaVersion: 1,
    tool: { name: 'cloudtrail-denials', version: '0' },
    title: `T${HOSTILE}`,
    window: { since: null, until: null, label: `2026-W46${HOSTILE}` },
    totals: { denials: 0 },
    groups: [],
  }),
);

function expectVisible(text: string, where: string): void {
  const m = ACTIVE.exec(text);
  expect(m === null, `${where}: raw U+${m?.[0].charCodeAt(0).toString(16).padStart(4, '0')} at ${m?.index}`).toBe(true);
}

describe('control characters', () => {
  const out = join(dir, 'out');
  const r = runCli(['report', logs, '--out', out, '--baseline', baseline, '--fail-on', 'new', '--top', '100']);
  const read = (name: string) => readFileSync(join(out, name), 'utf8');

  it('attack: the --fail-on gate line and the "since" line show a baseline title\'s controls as \\uXXXX', () => {
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('--fail-on new:');
    expectVisible(r.stderr, 'stderr');
    expectVisible(r.stdout, 'stdout');
    expect(r.stderr).toContain('2026-W46a\\u0000b\\u0007c\\u001b[2Jd\\u001b]0;pwned\\u0007e\\u000bf');
    expect(r.stderr).toContain('\\u202ek\\u2066l\\u2069m\\u200fn\\u061co\\u2028p\\u2029q');
    expect(r.stdout).toContain('since 2026-W46a\\u0000b');
  });

  it('attack: denials.csv carries no raw ESC, BEL, NUL, C1 or bidi control; they read as \\uXXXX', () => {
    const csv = read('denials.csv');
    expectVisible(csv, 'denials.csv');
    expect(csv).toContain('a\\u0000b\\u0007c\\u001b[2Jd');
    expect(csv).toContain('\\u009b31mi\\u0085j\\u202ek');
  });

  it('attack: summary.json and denials.jsonl escape them the JSON way and keep the exact text', () => {
    for (const name of ['summary.json', 'denials.jsonl']) {
      const text = read(name);
      expectVisible(text, name);
      expect(text).toContain('\\u009b31mi\\u0085j\\u202ek\\u2066l\\u2069m\\u200fn\\u061co\\u2028p\\u2029q');
    }
    const first = JSON.parse(read('denials.jsonl').split('\n')[0]) as { userAgent: string };
    expect(first.userAgent).toBe(`aws-cli/2 ${HOSTILE}`);
  });

  it('attack: report.md and report.html show them as \\uXXXX', () => {
    for (const name of ['report.md', 'report.html']) {
      const text = read(name);
      expectVisible(text, name);
      expect(text).toContain(name.endsWith('md') ? '\\\\u001b\\[2Jd' : '\\u001b[2Jd');
      expect(text).toContain(name.endsWith('md') ? '\\\\u202ek' : '\\u202ek');
    }
  });

  it('attack: explain --json escapes C1, bidi and line separators; the text prints them visibly', () => {
    const message = `User: arn:aws:iam::1:user/x${HOSTILE} is not authorized to perform: s3:GetObject`;
    // on stdin: an argument cannot hold NUL
    const json = runCli(['explain', '--json'], { input: message });
    expect(json.code).toBe(0);
    expectVisible(json.stdout, 'explain --json');
    expect((JSON.parse(json.stdout) as { message: string }).message).toBe(message);
    // a message the classifier reads, so its principal is printed
    const text = runCli(['explain'], { input: 'User: arn:aws:iam::1:user/x\u001b]0;pwned\u0007\u009b31m\u202ek is not authorized to perform: s3:GetObject' });
    expectVisible(text.stdout, 'explain');
    expect(text.stdout).toContain('principal        arn:aws:iam::1:user/x\\u001b]0;pwned\\u0007\\u009b31m\\u202ek\n');
  });

  it("attack: verify --json and verify escape a file name's controls", () => {
    const trail = join(dir, 'verify', 'AWSLogs', '111122223333', 'CloudTrail', 'us-east-1', '2026', '11', '20');
    mkdirSync(trail, { recursive: true });
    const name = `111122223333_CloudTrail_us-east-1_20261120T1000Z_x${HOSTILE.replace(/[\u0000]/g, '')}.json.gz`;
    writeFileSync(join(trail, name), gzipSync('{"Records":[]}'));
    const json = runCli(['verify', join(dir, 'verify'), '--json']);
    expect(json.code).toBe(4);
    expectVisible(json.stdout, 'verify --json');
    expect(json.stdout).toContain('\\u202ek');
    const text = runCli(['verify', join(dir, 'verify')]);
    expectVisible(text.stdout, 'verify');
    expect(text.stdout).toContain('\\u001b]0;pwned');
  });

  it('attack: an error message quoting a rules file or a path shows its controls as \\uXXXX', () => {
    const rules = join(dir, 'rules.jsonc');
    writeFileSync(rules, JSON.stringify({ rules: [{ [`principal${HOSTILE}`]: 'x', reason: 'r' }] }));
    const bad = runCli(['report', logs, '--out', join(dir, 'out2'), '--suppress', rules]);
    expect(bad.code).toBe(1);
    expect(bad.stderr.split('\n')).toHaveLength(2); // one line
    expectVisible(bad.stderr, 'rules error');
    expect(bad.stderr).toContain('\\u001b]0;pwned');
    // (no glob characters: a glob that matches nothing is another case)
    const missing = runCli(['report', join(dir, 'nope\u001b\u0007\u202ek\u009b'), '--out', join(dir, 'out3')]);
    expect(missing.code).toBe(1);
    expectVisible(missing.stderr, 'missing path');
    expect(missing.stderr).toContain('\\u202ek');
  });
});
