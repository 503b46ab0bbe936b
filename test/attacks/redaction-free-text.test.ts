// Attack (on privacy): a report made with --redact is handed to someone outside the account, and the
// identifiers the log holds in free text come along with it. A generated corpus plants every kind of
// identifier in every field that reaches an output (error message, user agent, error code, event
// name and source, region, principal, source address, file paths, damaged-record reasons, rule
// reasons and globs, report and baseline titles) and checks that none survives in any output file,
// while AWS's own vocabulary stays readable.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { cloudTrailRecord } from '../helpers/record.js';
import { runCli } from '../helpers/run-cli.js';

interface Planted {
  kind: string;
  value: string;
  /** Parts that give it away on their own (the address a host name spells, the digits of an account). */
  parts?: string[];
  /** Found by being known (a session name), not by its shape: only in the fields names are looked for in. */
  name?: boolean;
  /** Only a host-name pattern finds it: in user agents only with --redact-user-agents. */
  host?: boolean;
  /** Its first 10 characters (what a JSON error quotes) are AWS's own words (`arn:aws:ia`). */
  awsPrefix?: boolean;
}

const PLANTED: Planted[] = [
  { kind: 'access key ID', value: 'AKIAIOSFODNN7EXAMPLE' },
  { kind: 'temporary access key ID', value: 'ASIAY34FZKBOKMUTVV7A' },
  { kind: 'unique role ID', value: 'AROAJQABLZS4A3QDU576Q' },
  { kind: 'e-mail address', value: 'dana.smith@acme-corp.example', parts: ['dana.smith'] },
  { kind: 'host name spelling a private address', value: 'ip-10-20-30-40.ec2.internal', parts: ['10-20-30-40'] },
  { kind: 'host name', value: 'build01.ci.acme-corp.com', parts: ['build01'], host: true },
  { kind: 'host label spelling an address', value: 'ip-172-31-5-9', parts: ['172-31-5-9'] },
  { kind: 'public EC2 host name', value: 'ec2-54-201-17-3.compute-1.amazonaws.com', parts: ['54-201-17-3'] },
  { kind: 'instance ID', value: 'i-0abc123def4567890', parts: ['0abc123def4567890'] },
  { kind: 'volume ID', value: 'vol-0123456789abcdef0', parts: ['0123456789abcdef0'] },
  { kind: 'security group ID', value: 'sg-0a1b2c3d' },
  { kind: 'account ID with dashes', value: '2222-3333-4444', parts: ['222233334444'] },
  { kind: 'account ID', value: '555566667777' },
  { kind: 'IPv4 address', value: '198.51.100.77' },
  { kind: 'IPv6 address', value: '2001:db8:85a3::8a2e:370:7334' },
  { kind: 'ARN', value: 'arn:aws:iam::555566667777:user/eve-intern', parts: ['eve-intern', '555566667777'], awsPrefix: true },
  { kind: 'session name', value: 'contractor-bob-laptop', name: true },
];

// Every planted record is a denial by this session, so its name is known to the redactor.
const SESSION = 'contractor-bob-laptop';
const identity = {
  type: 'AssumedRole',
  arn: `arn:aws:sts::111122223333:assumed-role/deployer/${SESSION}`,
  accountId: '111122223333',
  principalId: `AROAEXAMPLEEXAMPLE1:${SESSION}`,
  sessionContext: { sessionIssuer: { type: 'Role', arn: 'arn:aws:iam::111122223333:role/deployer', accountId: '111122223333' } },
};
const MESSAGE =
  'User: arn:aws:sts::111122223333:assumed-role/deployer/contractor-bob-laptop is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::b/k" because no identity-based policy allows the s3:GetObject action';

let n = 0;
const denialWith = (over: Record<string, unknown>) =>
  cloudTrailRecord(`planted-${n++}`, {
    userIdentity: identity,
    errorCode: 'AccessDenied',
    errorMessage: MESSAGE,
    sourceIPAddress: '203.0.113.5',
    userAgent: 'aws-cli/2.15.0',
    ...over,
  });

/** Record fields and how an identifier is planted in each; `names`: a field free text is looked for known names in. */
const RECORD_FIELDS: { field: string; names: boolean; plant: (id: string) => Record<string, unknown> }[] = [
  { field: 'errorMessage', names: true, plant: (id) => ({ errorMessage: `${MESSAGE} (seen from ${id}, again ${id}.)` }) },
  { field: 'userAgent', names: true, plant: (id) => ({ userAgent: `aws-sdk-java/1.12.500 app/${id} Linux/5.10` }) },
  { field: 'errorCode (an error that is not a denial)', names: false, plant: (id) => ({ errorCode: `Throttled.${id}`, errorMessage: 'slow down' }) },
  { field: 'errorCode (a denial)', names: false, plant: (id) => ({ errorCode: `AccessDenied`, errorMessage: `Access Denied for ${id}` }) },
  { field: 'eventName', names: false, plant: (id) => ({ eventName: id, errorMessage: 'Access Denied' }) },
  { field: 'eventSource', names: false, plant: (id) => ({ eventSource: id, errorMessage: 'Access Denied' }) },
  { field: 'awsRegion', names: false, plant: (id) => ({ awsRegion: id }) },
  { field: 'sourceIPAddress', names: false, plant: (id) => ({ sourceIPAddress: id }) },
  {
    field: 'principal (userName of an IAM user without an ARN)',
    names: false,
    plant: (id) => ({ userIdentity: { type: 'IAMUser', userName: id, accountId: '111122223333' } }),
  },
];

/** AWS's own words, which a redacted report must still show. */
const vocabulary = [
  cloudTrailRecord('vocab-1', {
    eventSource: 'ec2.amazonaws.com',
    eventName: 'RunInstances',
    awsRegion: 'eu-west-1',
    errorCode: 'Client.UnauthorizedOperation',
    errorMessage: 'You are not authorized to perform this operation. See https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot.html',
    userAgent: 'aws-cli/2.15.0 Python/3.11.6 Linux/5.10.0 exe/x86_64.amzn.2 prompt/off command/ec2.run-instances',
    sourceIPAddress: 'cloudformation.amazonaws.com',
  }),
  cloudTrailRecord('vocab-2', {
    errorCode: 'AccessDenied',
    errorMessage:
      'User: arn:aws:iam::111122223333:user/ann is not authorized to perform: iam:ListRoles with an explicit deny in an identity-based policy: arn:aws:iam::aws:policy/AWSDenyAll',
  }),
];

function write(path: string, content: string | Buffer): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}

function corpus(): string {
  const root = mkdtempSync(join(tmpdir(), 'ctd-attack-redact-'));
  const records: Record<string, unknown>[] = [...vocabulary];
  PLANTED.forEach((id, i) => {
    for (const f of RECORD_FIELDS) if (!id.name || f.names) records.push(denialWith(f.plant(id.value)));
    // file paths: a damaged file and a file that is not a log, each named after the identifier
    write(join(root, 'logs', `damaged-${i}`, id.value, 'x.json.gz'), gzipSync(JSON.stringify({ Records: [] })).subarray(0, 12));
    write(join(root, 'logs', `notes-${i}`, `${id.value}.txt`), 'not a log');
    // damaged-record reasons quote the record around the damage
    write(join(root, 'logs', `lines-${i}.jsonl`), `${JSON.stringify(denialWith({}))}\n{"m": ${id.value}}\n`);
  });
  write(join(root, 'logs', 'planted.json'), JSON.stringify({ Records: records }));
  const rules = PLANTED.flatMap((id, i) => [
    { action: `nothing:Matches${i}`, reason: `expected for ${id.value} and ${id.value}.` },
    ...(id.name ? [] : [{ errorCode: `Err-${id.value}`, reason: 'a glob naming it' }]),
  ]);
  write(join(root, 'rules.jsonc'), JSON.stringify({ rules }));
  writeFileSync(join(root, 'key'), 'a redaction key, long enough for the tests\n');
  return root;
}

const ALL = PLANTED.map((p) => p.value).join(' ');

function outputs(dir: string): { name: string; text: string }[] {
  // Undo each format's own escaping, so an identifier escaped for Markdown or HTML is still found.
  const plain = (s: string) =>
    s
      .replace(/\\(.)/g, '$1')
      .replace(/&amp;/g, '&')
      .replace(/&#x27;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/""/g, '"');
  return readdirSync(dir).map((name) => ({ name, text: plain(readFileSync(join(dir, name), 'utf8')).toLowerCase() }));
}

function survivors(texts: { name: string; text: string }[], ids: Planted[]): string[] {
  const out: string[] = [];
  for (const id of ids) {
    for (const needle of new Set([id.value, ...(id.parts ?? []), ...(id.awsPrefix ? [] : [id.value.slice(0, 10)])])) {
      for (const t of texts) if (t.text.includes(needle.toLowerCase())) out.push(`${t.name}: ${id.kind} (${needle})`);
    }
  }
  return out;
}

describe('--redact finds identifiers in free text by their shape', () => {
  const root = corpus();
  const base = ['report', 'logs', '--suppress', 'rules.jsonc', '--quiet'];
  const baseline = runCli([...base, '--out', 'plain', '--title', `Baseline of ${ALL}`, '--format', 'json'], { cwd: root });
  const run = (out: string, ...extra: string[]) =>
    runCli([...base, '--out', out, '--redact-key', 'key', '--baseline', 'plain', '--title', `Report on ${ALL}`, ...extra], { cwd: root });
  const full = run('redacted', '--redact-user-agents');
  const noUa = run('redacted-ua-kept');

  it('the corpus runs (exit 2: it holds damaged files on purpose)', () => {
    expect([baseline.code, full.code, noUa.code]).toEqual([2, 2, 2]);
    expect(full.stderr).not.toMatch(/internal error/);
    const s = JSON.parse(readFileSync(join(root, 'redacted/summary.json'), 'utf8'));
    expect(s.totals.denials).toBeGreaterThan(PLANTED.length * 6);
    expect(s.changes).not.toBeNull();
    expect(readdirSync(join(root, 'redacted')).sort()).toEqual(['denials.csv', 'denials.jsonl', 'findings.jsonl', 'report.html', 'report.md', 'summary.json']);
  });

  it('attack: no planted identifier survives in any output file (--redact --redact-user-agents)', () => {
    const texts = [...outputs(join(root, 'redacted')), { name: 'stdout+stderr', text: (full.stdout + full.stderr).toLowerCase() }];
    expect(survivors(texts, PLANTED)).toEqual([]);
  });

  it('attack: without --redact-user-agents only host names inside user agents are left', () => {
    const texts = outputs(join(root, 'redacted-ua-kept'));
    expect(
      survivors(
        texts,
        PLANTED.filter((p) => !p.host),
      ),
    ).toEqual([]);
    const rows = readFileSync(join(root, 'redacted-ua-kept/denials.jsonl'), 'utf8').trim().split('\n');
    const kept = rows.filter((l) => l.includes('build01'));
    expect(kept.map((l) => JSON.parse(l).userAgent)).toEqual(['aws-sdk-java/1.12.500 app/build01.ci.acme-corp.com Linux/5.10']);
  });

  it("keeps AWS's own vocabulary readable", () => {
    for (const dir of ['redacted', 'redacted-ua-kept']) {
      const s = readFileSync(join(root, dir, 'summary.json'), 'utf8');
      const jsonl = readFileSync(join(root, dir, 'denials.jsonl'), 'utf8');
      for (const word of [
        'ec2:RunInstances',
        'iam:ListRoles',
        's3:GetObject',
        'eu-west-1',
        'us-east-1',
        'Client.UnauthorizedOperation',
        'AccessDenied',
        'identity-based',
        'arn:aws:iam::aws:policy/AWSDenyAll',
      ]) {
        expect(s, word).toContain(word);
      }
      for (const word of [
        '"eventSource":"ec2.amazonaws.com"',
        '"sourceIp":"cloudformation.amazonaws.com"',
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot.html',
      ]) {
        expect(jsonl, word).toContain(word);
      }
      expect(jsonl).toContain('"userAgent":"aws-cli/2.15.0 Python/3.11.6 Linux/5.10.0 exe/x86_64.amzn.2 prompt/off command/ec2.run-instances"');
    }
  });
});
