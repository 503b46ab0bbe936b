// --redact: no identifier from the input survives in any output file, pseudonyms are stable under
// one key and differ under another, and AWS's own names stay readable.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/run-cli.js';
import { denialRecord, writeArchive } from '../helpers/trail-archive.js';
import { CI, readSummary, twoWeeks } from '../helpers/two-weeks.js';

// Every identifier the synthetic input holds (see helpers/two-weeks.ts and the records added below).
// prettier-ignore
const IDENTIFIERS = [
  '111122223333', '444455556666', '203.0.113.45', '198.51.100.23', '192.0.2.77', '203.0.113.46', '2001:db8::7', '192.0.2.200', '198.51.100.99',
  'alice.jones', 'bob-admin', 'ci-deployer', 'carol-finance', 'dave-contractor', 'erin-scanner', 'frank.ops',
  'gh-run-98765', 'nightly-scan', 'frank@example.com',
  'acme-finance-reports', 'acme-public-assets', 'payroll.csv', 'upload.bin', 'backdoor-user', '1234abcd-12ab-34cd-56ef-1234567890ab',
  'ops-boundary', 'secret-bucket-42',
];

function archive(): string {
  const root = twoWeeks();
  // A cross-account denial whose message names an AWS managed policy, a customer policy, an IP and a session in free text.
  const frank = denialRecord(
    {
      user: 'frank.ops',
      role: true,
      session: 'frank@example.com',
      action: 's3:ListBucket',
      resource: 'arn:aws:s3:::secret-bucket-42',
      explicit: true,
      ip: '198.51.100.99',
      account: '444455556666',
    },
    '2026-11-18T09:00:00Z',
    'b-frank-1',
  );
  frank.errorMessage =
    'User: arn:aws:sts::444455556666:assumed-role/frank.ops/frank@example.com is not authorized to perform: s3:ListBucket on resource: "arn:aws:s3:::secret-bucket-42" ' +
    'with an explicit deny in a permissions boundary: arn:aws:iam::444455556666:policy/ops-boundary (call from 198.51.100.99 by frank.ops in 111122223333).';
  const managed = denialRecord({ ...CI, action: 'iam:ListRoles', resource: '*' }, '2026-11-18T10:00:00Z', 'b-managed-1');
  managed.errorMessage = `User: arn:aws:sts::111122223333:assumed-role/ci-deployer/gh-run-98765 is not authorized to perform: iam:ListRoles with an explicit deny in an identity-based policy: arn:aws:iam::aws:policy/AWSDenyAll`;
  writeArchive(join(root, 'logs'), [frank], '444455556666');
  writeArchive(join(root, 'extra'), [managed]);
  const broken = join(root, 'logs/AWSLogs/111122223333/CloudTrail/us-east-1/2026/11/18/111122223333_CloudTrail_us-east-1_20261118T2355Z_broken.json.gz');
  mkdirSync(join(broken, '..'), { recursive: true });
  writeFileSync(broken, gzipSync(JSON.stringify({ Records: [] })).subarray(0, 12));
  writeFileSync(
    join(root, 'rules.jsonc'),
    '{ "rules": [ { "principal": "arn:aws:iam::111122223333:role/erin-scanner", "account": "111122223333", "reason": "erin-scanner scans acme-public-assets from 192.0.2.200 nightly" } ] }',
  );
  writeFileSync(join(root, 'key-a'), 'correct horse battery staple, week after week\n');
  writeFileSync(join(root, 'key-b'), 'another key entirely, for another audience\n');
  return root;
}

const files = (dir: string) =>
  readdirSync(dir)
    .sort()
    .map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));

describe('--redact', () => {
  const root = archive();
  const cli = (...args: string[]) => runCli(['report', 'logs', 'extra', '--week', '2026-W47', '--quiet', '--suppress', 'rules.jsonc', ...args], { cwd: root });
  // The previous week, plain: its groups are redacted with this run's key before they are compared.
  const plain = runCli(['report', 'logs', '--week', '2026-W46', '--quiet', '--no-suppress'], { cwd: root });
  const filters = ['--account', '111122223333', '444455556666', '--principal', '*frank.ops*', '*:role/*', '*:user/*'];
  const a1 = cli('--redact-key', 'key-a', ...filters);
  const a2 = cli('--redact-key', 'key-a', '--out', 'again', '--baseline', 'reports/2026-W46', ...filters);
  const b = cli('--redact-key', 'key-b', '--out', 'other-key', '--baseline', 'reports/2026-W46', ...filters);
  const dir = join(root, 'reports/2026-W47');

  it('runs (exit 2: one input is damaged, and it is reported)', () => {
    expect([plain.code, plain.stderr]).toEqual([0, '']);
    for (const r of [a1, a2, b]) expect([r.code, r.stderr]).toEqual([2, '']);
    const s = readSummary(dir);
    expect(s.files.damaged).toBe(1);
    expect(s.totals.suppressed).toBe(4);
    expect(s.changes).not.toBeNull();
  });

  it('leaves no identifier from the input in any output file', () => {
    const out = files(dir);
    expect(out.map((f) => f.name)).toEqual(['denials.csv', 'denials.jsonl', 'findings.jsonl', 'report.html', 'report.md', 'summary.json']);
    for (const { name, text } of out) {
      for (const id of IDENTIFIERS) expect(text.toLowerCase().includes(id.toLowerCase()), `${name} still holds ${id}`).toBe(false);
    }
  });

  it('keeps what explains a denial readable: actions, policy types, regions, AWS managed policies', () => {
    const s = readSummary(dir);
    expect(s.redaction).toEqual({ keyId: expect.stringMatching(/^[0-9a-f]{12}$/) });
    expect(s.byAction.map((c) => c.key)).toContain('iam:CreateUser');
    expect(s.byRegion).toEqual([{ key: 'us-east-1', count: s.totals.denials }]);
    expect(s.byPolicyType.map((c) => c.key)).toContain('permissions-boundary');
    const jsonl = readFileSync(join(dir, 'denials.jsonl'), 'utf8');
    expect(jsonl).toContain('arn:aws:iam::aws:policy/AWSDenyAll');
    expect(jsonl).toMatch(/arn:aws:iam::acct-[0-9a-f]{10}:role\/name-[0-9a-f]{10}/);
    expect(jsonl).toContain('"eventSource":"s3.amazonaws.com"');
    expect(readFileSync(join(dir, 'report.md'), 'utf8')).toMatch(/- Identifiers: pseudonyms \(redaction key [0-9a-f]{12}\)/);
  });

  it('compares with a plain baseline by redacting its groups with the same key', () => {
    const c = readSummary(dir).changes!;
    // carol-finance (no denials this week) and erin-scanner (suppressed this week), under their pseudonyms
    expect(c.goneGroups.map((g) => g.principal)).toEqual([
      expect.stringMatching(/^arn:aws:iam::acct-[0-9a-f]{10}:role\/name-[0-9a-f]{10}$/),
      expect.stringMatching(/^arn:aws:iam::acct-[0-9a-f]{10}:user\/name-[0-9a-f]{10}$/),
    ]);
    expect(c.goneGroups.map((g) => g.before)).toEqual([3, 3]);
    expect(c.newGroups.length).toBeGreaterThan(0);
  });

  it('gives the same pseudonyms with the same key, other ones with another key', () => {
    const again = files(join(root, 'again'));
    expect(again.map((f) => f.text)).toEqual(files(dir).map((f) => f.text));
    const principals = (d: string) =>
      readSummary(join(root, d))
        .byPrincipal.map((p) => p.key)
        .sort();
    const other = principals('other-key');
    expect(other).toHaveLength(principals('reports/2026-W47').length);
    for (const p of principals('reports/2026-W47')) expect(other).not.toContain(p);
  });

  it('refuses to compare pseudonyms made with another key, and a short key', () => {
    const mixed = cli('--redact-key', 'key-b', '--out', 'mixed', '--baseline', 'reports/2026-W47');
    expect(mixed.code).toBe(1);
    expect(mixed.stderr).toMatch(/was redacted with another key: pass the same --redact-key/);
    const unredacted = cli('--out', 'plain-vs-redacted', '--baseline', 'reports/2026-W47');
    expect(unredacted.stderr).toMatch(/is redacted: compare with --redact --redact-key/);
    writeFileSync(join(root, 'short'), 'abc\n');
    expect(cli('--redact-key', 'short', '--out', 'short-key').stderr).toMatch(/a key needs at least 16 bytes/);
  });

  it('redacts the Integrity section of report --verify with the rest (the bundled samples)', () => {
    const out = join(root, 'verified');
    const r = runCli([
      'report',
      join(ROOT, 'samples'),
      '--verify',
      '--public-keys',
      join(ROOT, 'samples/integrity/public-keys.json'),
      '--signatures',
      join(ROOT, 'samples/integrity/signatures.tsv'),
      '--redact',
      '--out',
      out,
      '--quiet',
    ]);
    expect(r.code).toBe(0);
    const summary = readSummary(out);
    expect(summary.integrity?.status).toBe('ok');
    expect(summary.integrity?.trails.length).toBeGreaterThan(0);
    for (const f of readdirSync(out)) expect(readFileSync(join(out, f), 'utf8'), f).not.toMatch(/111122223333|444455556666/);
  });
});
