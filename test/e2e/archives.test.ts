// .zip, .tar and .tar.gz read as they are: entries named `archive!/entry`, discover's rules applied to
// entry paths, unsafe and non-file entries refused with a reason, damage and bombs counted, and the
// same findings as the unpacked folder.
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Summary } from '../../src/types.js';
import { makeTar, makeZip, type ArchiveItem } from '../helpers/archive-writers.js';
import { cloudTrailRecord } from '../helpers/record.js';
import { runCli } from '../helpers/run-cli.js';

const denied = (id: string, account = '111122223333', region = 'us-east-1') =>
  cloudTrailRecord(id, {
    recipientAccountId: account,
    awsRegion: region,
    eventTime: '2024-03-01T10:00:00Z',
    errorCode: 'AccessDenied',
    errorMessage: `User: arn:aws:iam::${account}:user/ann is not authorized to perform: s3:GetObject because no identity-based policy allows the s3:GetObject action`,
  });
const ok = (id: string) => cloudTrailRecord(id, { eventTime: '2024-03-01T10:00:00Z' });
const trail = (records: unknown[]) => JSON.stringify({ Records: records });
const logName = (account: string, region: string, day: string) =>
  `AWSLogs/${account}/CloudTrail/${region}/2024/03/${day}/${account}_CloudTrail_${region}_202403${day}T1000Z_abcd1234.json.gz`;

const US = logName('111122223333', 'us-east-1', '01');
const EU = logName('111122223333', 'eu-west-1', '02');
const OTHER = logName('444455556666', 'us-east-1', '05');
const DIGEST = 'AWSLogs/111122223333/CloudTrail-Digest/us-east-1/2024/03/01/111122223333_CloudTrail-Digest_us-east-1_trail_us-east-1_20240301T110000Z.json.gz';

/** What an unpacked copy holds: 4 logs (8 records, 5 denials), a digest and a note. */
const SAFE: ArchiveItem[] = [
  { name: US, content: gzipSync(trail([denied('u1'), ok('u2'), denied('u3')])) },
  { name: EU, content: gzipSync(trail([denied('e1', '111122223333', 'eu-west-1'), ok('e2')])) },
  { name: OTHER, content: gzipSync(trail([denied('o1', '444455556666')])) },
  { name: 'extra/deeper/more.json', content: trail([denied('m1'), ok('m2')]) },
  { name: DIGEST, content: gzipSync('{"logFiles":[]}') },
  { name: 'notes.txt', content: 'not a log' },
];
// Entries that must be refused: never read, never shown as logs (each holds a denial that must not count).
const UNSAFE_ZIP: ArchiveItem[] = [
  { name: 'QQ/evil.json', content: trail([denied('x1')]) },
  { name: 'Qetc/abs.json', content: trail([denied('x2')]) },
  { name: 'link.json', content: '/etc/passwd', mode: 0o120777 },
];
const ZIP_RENAME = { 'QQ/evil.json': '../evil.json', 'Qetc/abs.json': '/etc/abs.json' };
const UNSAFE_TAR: ArchiveItem[] = [
  { name: '../evil.json', content: trail([denied('x1')]) },
  { name: '/etc/abs.json', content: trail([denied('x2')]) },
  { name: 'sym.json', type: 'symlink', linkname: '/etc/passwd' },
  { name: 'hard.json', type: 'link', linkname: US },
  { name: 'tty.json', type: 'character-device' },
];

function run(files: Record<string, Buffer | string>, input: string, args: string[] = []): { code: number; summary: Summary; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'ctd-archive-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  const r = runCli(['report', join(dir, input), '--out', join(dir, 'out'), '-f', 'json', '--quiet', ...args]);
  expect(r.stderr).not.toMatch(/at .*\.js:\d+/); // no stack trace
  const summary = JSON.parse(readFileSync(join(dir, 'out', 'summary.json'), 'utf8')) as Summary;
  const f = summary.files;
  expect(f.found).toBe(f.read + f.pruned + f.skipped + f.damaged);
  const t = summary.totals;
  expect(t.records).toBe(t.denials + t.otherErrors + t.noError + t.excludedByFilter + t.duplicates + t.suppressed);
  return { code: r.code, summary, dir };
}

const archives: [string, () => Promise<Buffer>, number][] = [
  ['bundle.zip', () => makeZip([...SAFE, ...UNSAFE_ZIP], ZIP_RENAME), UNSAFE_ZIP.length],
  ['bundle.tar', () => makeTar([...SAFE, ...UNSAFE_TAR]), UNSAFE_TAR.length],
  ['bundle.tar.gz', () => makeTar([...SAFE, ...UNSAFE_TAR], true), UNSAFE_TAR.length],
  ['bundle.tgz', () => makeTar([...SAFE, ...UNSAFE_TAR], true), UNSAFE_TAR.length],
];

describe.each(archives)('%s', (name, build, refused) => {
  it('reads the logs, skips and refuses the rest, names entries archive!/entry', async () => {
    const { code, summary, dir } = run({ [name]: await build() }, name);
    expect(code).toBe(0);
    expect(summary.totals).toMatchObject({ records: 8, denials: 5, noError: 3, damagedRecords: 0 });
    expect(summary.files).toMatchObject({ found: 6 + refused, read: 4, pruned: 0, skipped: 2 + refused, damaged: 0 });
    const skipped = Object.fromEntries(summary.files.skippedFiles.map((s) => [s.path.slice(join(dir, name).length), s.reason]));
    expect(skipped).toMatchObject({
      [`!/${DIGEST}`]: 'digest-file',
      '!/notes.txt': 'not-a-log-file',
      '!/../evil.json': 'unsafe-entry-path',
      '!//etc/abs.json': 'unsafe-entry-path',
    });
    const byReason = Object.fromEntries(summary.files.skippedByReason.map((c) => [c.key, c.count]));
    expect(byReason['unsafe-entry-path']).toBe(2);
    expect((byReason['link-entry'] ?? 0) + (byReason['special-entry'] ?? 0)).toBe(refused - 2);
    expect(summary.issues).toEqual([]);
  });

  it('prunes by account, region and date on entry paths', async () => {
    const files = { [name]: await build() };
    const account = run(files, name, ['--account', '111122223333']).summary;
    expect(account.files).toMatchObject({ read: 3, pruned: 1 });
    expect(account.totals.denials).toBe(4);
    const region = run(files, name, ['--region', 'eu-west-1']).summary;
    expect(region.files).toMatchObject({ read: 2, pruned: 2 }); // extra/deeper/more.json has no key: read, its records filtered
    expect(region.totals.denials).toBe(1);
    const dates = run(files, name, ['--since', '2024-03-04', '--until', '2024-03-06']).summary;
    expect(dates.files).toMatchObject({ read: 2, pruned: 2 }); // 03/01 and 03/02 pruned (beyond the day of slack); 03/05 and more.json read
    expect(dates.totals.denials).toBe(0); // both kept files hold events of 2024-03-01: filtered by time
  });

  it('finds what the unpacked folder gives', async () => {
    const packed = run({ [name]: await build() }, name).summary;
    const unpacked = run(Object.fromEntries(SAFE.map((i) => [join('tree', i.name), i.content!])), 'tree').summary;
    expect(packed.totals).toEqual(unpacked.totals);
    expect(packed.groups).toEqual(unpacked.groups);
    expect(packed.byAccount).toEqual(unpacked.byAccount);
    expect(packed.files.read).toBe(unpacked.files.read);
  });
});

describe('damaged archives: counted, entries before the damage kept, exit 2', () => {
  // Random padding: entries that do not compress away, so a cut lands after some whole entries.
  const pad = () => ({ requestParameters: { blob: randomBytes(3000).toString('base64') } });
  const many = Array.from({ length: 6 }, (_, i) => ({
    name: logName('111122223333', 'us-east-1', `0${i + 1}`),
    content: Buffer.from(
      trail([
        { ...denied(`d${i}`), ...pad() },
        { ...ok(`k${i}`), ...pad() },
      ]),
    ),
  }));

  it('a truncated tar.gz: the entries before the cut are read', async () => {
    const whole = await makeTar(many, true);
    const { code, summary } = run({ 'cut.tgz': whole.subarray(0, Math.floor(whole.length * 0.6)) }, 'cut.tgz');
    expect(code).toBe(2);
    expect(summary.files.damaged).toBe(1);
    expect(summary.issues).toHaveLength(1);
    expect(summary.issues[0]).toMatchObject({ kind: 'file', reason: expect.stringMatching(/ends early \(truncated archive\)/) });
    // 60% in: three whole entries, then the fourth cut inside its data; its first records are kept.
    expect(summary.issues[0].path).toMatch(/cut\.tgz!\/AWSLogs\/.*_20240304T1000Z_abcd1234\.json\.gz$/);
    expect(summary.files).toMatchObject({ found: 4, read: 3, damaged: 1 });
    expect(summary.totals.records).toBe(6 + summary.issues[0].recordsKept);
  });

  it('a tar cut between entries (no end-of-archive blocks)', async () => {
    const whole = await makeTar(many);
    const blocks = (n: number) => 512 + Math.ceil(n / 512) * 512; // header + data padded to 512
    const twoEntries = blocks(many[0].content.length) + blocks(many[1].content.length);
    const { code, summary } = run({ 'cut.tar': whole.subarray(0, twoEntries) }, 'cut.tar');
    expect(code).toBe(2);
    expect(summary.issues).toEqual([expect.objectContaining({ path: expect.stringMatching(/cut\.tar$/), reason: expect.stringMatching(/no end-of-archive/) })]);
    expect(summary.files).toMatchObject({ read: 2, damaged: 1 });
  });

  it('a zip without its central directory', async () => {
    const whole = await makeZip(many);
    // nothing else read: without --allow-empty the run would stop (exit 1) naming the damage
    const { code, summary } = run({ 'cut.zip': whole.subarray(0, whole.length - 200) }, 'cut.zip', ['--allow-empty']);
    expect(code).toBe(2);
    expect(summary.files).toMatchObject({ found: 1, damaged: 1 });
    expect(summary.issues[0].reason).toMatch(/no central directory/);
  });

  it('a corrupt zip entry is one damaged entry; the others are read', async () => {
    const zip = await makeZip(many.map((m) => ({ ...m, content: gzipSync(m.content) })));
    const at = zip.indexOf(Buffer.from(many[2].name)) + many[2].name.length + 20;
    zip.fill(0x55, at, at + 40);
    const { code, summary } = run({ 'bad.zip': zip }, 'bad.zip');
    expect(code).toBe(2);
    expect(summary.files).toMatchObject({ read: 5, damaged: 1 });
    expect(summary.issues[0].path).toMatch(/bad\.zip!\/AWSLogs\/.*_20240303T1000Z_/);
  });
});

describe('gzip bombs in archives are refused past the limit', () => {
  const spaces = Buffer.alloc(30_000_000, 0x20); // ~1000x under gzip or deflate
  const good = { name: US, content: gzipSync(trail([denied('g1')])) };
  const bomb = { name: logName('111122223333', 'us-east-1', '02'), content: gzipSync(spaces) };

  it.each([
    ['zip', 'b.zip'],
    ['tar', 'b.tar'],
  ])('a gzip bomb entry (%s)', async (_, name) => {
    const bytes = name.endsWith('.zip') ? await makeZip([good, bomb]) : await makeTar([good, bomb]);
    const { code, summary } = run({ [name]: bytes }, name);
    expect(code).toBe(2);
    expect(summary.files).toMatchObject({ read: 1, damaged: 1 });
    expect(summary.issues[0]).toMatchObject({ path: expect.stringMatching(/!\/AWSLogs\/.*_20240302T1000Z_/), reason: expect.stringMatching(/gzip bomb/) });
    expect(summary.totals.denials).toBe(1);
  });

  it("the zip's own deflate", async () => {
    const { code, summary } = run({ 'z.zip': await makeZip([good, { name: 'AWSLogs/big.json', content: spaces }]) }, 'z.zip');
    expect(code).toBe(2);
    expect(summary.issues[0].reason).toMatch(/zip entry expands more than 250×/);
  });

  it("the tar.gz's own gzip", async () => {
    const { code, summary } = run({ 'z.tgz': await makeTar([good, { name: 'pad.bin', content: spaces }], true) }, 'z.tgz');
    expect(code).toBe(2);
    expect(summary.issues).toEqual([
      expect.objectContaining({ path: expect.stringMatching(/z\.tgz$/), reason: expect.stringMatching(/archive's gzip expands more than 250×/) }),
    ]);
    expect(summary.totals.denials).toBe(1);
  });
});

describe('several archives and files on worker threads', () => {
  it('gives what one thread gives, entries in path order', async () => {
    const files = {
      'in/a.zip': await makeZip(SAFE),
      'in/b.tgz': await makeTar(
        SAFE.map((i) => ({ ...i, name: i.name.replace('abcd1234', 'efgh5678') })),
        true,
      ),
      'in/c.json': trail([denied('c1')]),
    };
    const one = run(files, 'in', ['--concurrency', '1']);
    const two = run(files, 'in', ['--concurrency', '2']);
    expect(two.summary.totals).toEqual(one.summary.totals);
    expect(two.summary.groups).toEqual(one.summary.groups);
    // The tgz repeats the zip's events under other file names: duplicates, the zip's kept (it sorts first).
    expect(one.summary.totals).toMatchObject({ denials: 6, duplicates: 5 });
    expect(one.summary.files).toMatchObject({ found: 13, read: 9, skipped: 4 });
  });
});
