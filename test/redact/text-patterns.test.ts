// The identifier patterns of --redact (src/redact/text-patterns.ts), row by row from the table's own
// examples, and the words they must leave alone.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEXT_PATTERNS, makePseudonyms, makeTextRedactor } from '../../src/redact/index.js';
import { KnownNames } from '../../src/redact/known-names.js';

const p = makePseudonyms(new TextEncoder().encode('a test key of enough length'));
const text = makeTextRedactor(p);
const hex = '[0-9a-f]{10}';
const shape = (redacted: string) => new RegExp(`^${redacted.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replaceAll('*', hex)}$`);

describe('each row of the pattern table', () => {
  it.each(TEXT_PATTERNS.map((r) => [r.name, r] as const))('%s: its example', (_, row) => {
    expect(text(row.example.text)).toMatch(shape(row.example.redacted));
  });

  it('is found in text, with what stands around it kept', () => {
    expect(text('(AKIAIOSFODNN7EXAMPLE)')).toBe(`(${p.of('key', 'AKIAIOSFODNN7EXAMPLE')})`);
    expect(text('Err-i-0abc123def4567890.')).toBe(`Err-${p.of('i', 'i-0abc123def4567890')}.`);
    expect(text('Throttled.198.51.100.7')).toBe(`Throttled.${p.of('ip', '198.51.100.7')}`);
    expect(text('s3:2001:db8::7')).toBe(`s3:${p.of('ip', '2001:db8::7')}`);
    expect(text('Throttled.arn:aws:iam::111122223333:user/eve')).toBe(`Throttled.arn:aws:iam::${p.of('acct', '111122223333')}:user/${p.of('name', 'eve')}`);
    expect(text('logs/db01.acme.com.txt')).toBe(`logs/${p.of('host', 'db01.acme.com')}.txt`);
  });

  it('gives an account ID the same pseudonym however it is written', () => {
    expect(text('1111-2222-3333')).toBe(text('111122223333'));
  });

  it('keeps the customer labels of AWS host names from being kept with them', () => {
    expect(text('ec2-54-201-17-3.compute-1.amazonaws.com')).toBe(`${p.of('host', 'ec2-54-201-17-3')}.compute-1.amazonaws.com`);
    expect(text('payroll.s3.us-east-1.amazonaws.com')).toBe(`${p.of('name', 'payroll')}.s3.us-east-1.amazonaws.com`);
    expect(text('vpce-0abc12345def67890-x1y2.s3.us-east-1.vpce.amazonaws.com')).toMatch(/^vpce-[0-9a-f]{10}\.s3\.us-east-1\.vpce\.amazonaws\.com$/);
  });

  it('is applied once: redacted text redacted again is the same', () => {
    const once = text('dana@acme.example from ip-10-1-2-3.ec2.internal, 1111-2222-3333, AKIAIOSFODNN7EXAMPLE, i-0abc1234, 2001:db8::1, 10.0.0.1');
    expect(text(once)).toBe(once);
  });
});

describe('what the patterns leave alone', () => {
  it.each([
    'User: is not authorized to perform: s3:GetObject with an explicit deny in a service control policy',
    'Client.UnauthorizedOperation',
    'AccessDenied',
    'AuthorizationHeaderMalformed',
    's3.amazonaws.com',
    'cloudformation.amazonaws.com',
    'signin.aws.amazon.com',
    'See https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot.html',
    'arn:aws:iam::aws:policy/AWSDenyAll',
    'us-east-1 eu-west-1 ap-southeast-2',
    'aws-cli/2.15.0 Python/3.11.6 Linux/5.10.0 exe/x86_64.amzn.2 prompt/off command/ec2.run-instances',
    'Boto3/1.34.0 md/Botocore#1.34.0 ua/2.0 os/linux#5.10.201-191.748.amzn2.x86_64 lang/python#3.11.6',
    'aws-sdk-java/1.12.500 Linux/5.10 OpenJDK_64-Bit_Server_VM/17.0.9+8-LTS java/17.0.9 vendor/Amazon.com_Inc.',
    '2026-11-20T10:00:00Z at 10:00:00.123, version 1.2.3.4.5, 999.1.2.3',
    'AWSLogs/111122223333x/x.json.gz and notes.v2.md, README.md',
    'card 1234-5678-9012-3456',
    'multi-abcdef12 and snapshot',
  ])('%s', (plain) => {
    const kept = plain.replace(/111122223333x/, '1111222233334'); // 13 digits: no account
    expect(text(kept)).toBe(kept);
  });

  it('host names in user agents only when asked (--redact-user-agents)', () => {
    const ua = 'APN/1.0 HashiCorp/1.0 Terraform/1.6.0 (+https://www.terraform.io) from ip-10-1-2-3.ec2.internal';
    const kept = makeTextRedactor(p, [], { hosts: false })(ua);
    expect(kept).toBe(`APN/1.0 HashiCorp/1.0 Terraform/1.6.0 (+https://www.terraform.io) from ${p.of('host', 'ip-10-1-2-3')}.ec2.internal`);
    expect(text(ua)).toBe(
      `APN/1.0 HashiCorp/1.0 Terraform/1.6.0 (+https://${p.of('host', 'www.terraform.io')}) from ${p.of('host', 'ip-10-1-2-3.ec2.internal')}`,
    );
  });
});

describe('known names', () => {
  it('are found as whole words, beside punctuation, in key=value text and file names', () => {
    const names = new KnownNames();
    names.add('frank.ops');
    names.add('contractor-bob');
    names.add('ci'); // too short to look for
    const t = makeTextRedactor(p, names);
    const f = p.of('name', 'frank.ops');
    const b = p.of('name', 'contractor-bob');
    expect(t('by frank.ops. RoleSessionName=contractor-bob,x contractor-bob.txt ci')).toBe(`by ${f}. RoleSessionName=${b},x ${b}.txt ci`);
    expect(t('frank.opsx contractor-bobby')).toBe('frank.opsx contractor-bobby');
  });

  it('grow as they are met: text redacted later knows every name met before', () => {
    const names = new KnownNames();
    const t = makeTextRedactor(p, names);
    expect(t('session night-runner')).toBe('session night-runner');
    names.add('night-runner');
    expect(t('session night-runner')).toBe(`session ${p.of('name', 'night-runner')}`);
  });
});

describe("the README's table of what --redact finds by shape", () => {
  const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');
  const table = readme.slice(readme.indexOf('| found by its shape |'));
  const rows = table.slice(0, table.indexOf('\n\n')).split('\n').slice(2);
  const code = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]);

  it('has a row per pattern', () => expect(rows).toHaveLength(TEXT_PATTERNS.length));

  it.each(rows.map((r) => r.split(' | ')))('%s: its examples become what it says', (_, examples, becomes) => {
    const forms = code(becomes).map((f) => new RegExp(`^${f.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replaceAll('…', '[0-9a-f]{10}')}$`));
    for (const e of code(examples))
      expect(
        forms.some((f) => f.test(text(e))),
        `${e} → ${text(e)}`,
      ).toBe(true);
  });
});
