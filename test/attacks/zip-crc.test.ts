// Attack: a zip entry whose bytes no longer match the CRC-32 its headers record. Someone who can
// write into the bundle rewrites a log inside the zip in place (same length, so sizes still agree),
// or a copy went wrong; either way the entry is not what was archived. yauzl does not check CRCs, so
// the tool does: the entry is a damaged file (exit 2, listed with the reason), for `report` and for
// `verify`'s hashing alike.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { IntegritySummary, Summary } from '../../src/types.js';
import { makeZip, type ArchiveItem } from '../helpers/archive-writers.js';
import { buildArchive } from '../helpers/digest-chain.js';
import { cloudTrailRecord } from '../helpers/record.js';
import { runCli } from '../helpers/run-cli.js';

const logName = (day: string) => `AWSLogs/111122223333/CloudTrail/us-east-1/2026/11/${day}/111122223333_CloudTrail_us-east-1_202611${day}T1000Z_abcd1234.json`;
const A = logName('20');
const B = logName('21');

const deleteTrail = cloudTrailRecord('evt-delete', {
  eventSource: 'cloudtrail.amazonaws.com',
  eventName: 'DeleteTrail',
  errorCode: 'AccessDenied',
  errorMessage:
    'User: arn:aws:iam::111122223333:user/mallory is not authorized to perform: cloudtrail:DeleteTrail with an explicit deny in a service control policy',
});
const plain = (id: string) => cloudTrailRecord(id);
const trail = (records: unknown[]) => JSON.stringify({ Records: records });

/** Sets the CRC-32 an entry's local header and central directory record claim (yazl writes no data descriptor for buffers). */
function setCrc(zip: Buffer, name: string, crc: number): void {
  const local = zip.indexOf(Buffer.from(name)) - 30;
  const central = zip.lastIndexOf(Buffer.from(name)) - 46;
  expect(zip.readUInt32LE(local)).toBe(0x04034b50);
  expect(zip.readUInt32LE(central)).toBe(0x02014b50);
  zip.writeUInt32LE(crc >>> 0, local + 14);
  zip.writeUInt32LE(crc >>> 0, central + 16);
}

function report(zip: Buffer, args: string[] = []): { code: number; stderr: string; summary: Summary } {
  const dir = mkdtempSync(join(tmpdir(), 'ctd-attack-crc-'));
  writeFileSync(join(dir, 'bundle.zip'), zip);
  const r = runCli(['report', 'bundle.zip', '--out', 'out', '--format', 'json', '--quiet', ...args], { cwd: dir });
  return { code: r.code, stderr: r.stderr, summary: JSON.parse(readFileSync(join(dir, 'out/summary.json'), 'utf8')) };
}

describe('zip entries are checked against their CRC-32', () => {
  it('attack: a log rewritten in place inside a zip (DeleteTrail made to read ListBuckets) is a damaged entry', async () => {
    const items: ArchiveItem[] = [
      { name: A, content: trail([plain('a1'), deleteTrail, plain('a2')]), store: true },
      { name: B, content: trail([plain('b1')]), store: true },
    ];
    const zip = await makeZip(items);
    const at = zip.indexOf(Buffer.from('"eventName":"DeleteTrail"'));
    expect(at).toBeGreaterThan(0);
    zip.write('"eventName":"ListBuckets"', at, 'latin1'); // same length: sizes still agree, the CRC does not

    const { code, summary } = report(zip);
    expect(code).toBe(2);
    expect(summary.files).toMatchObject({ found: 2, read: 1, damaged: 1 });
    expect(summary.issues).toEqual([
      {
        path: `bundle.zip!/${A}`,
        kind: 'file',
        reason: expect.stringMatching(/^zip entry fails its CRC-32 check \(content [0-9a-f]{8}, recorded [0-9a-f]{8}\)/),
        recordsKept: 3,
      },
    ]);
    // The records are kept and counted, as for a gzip file with a wrong checksum: a CRC says that some
    // byte differs, not which; the entry is flagged in every report.
    expect(summary.totals.records).toBe(4);
  });

  it.each([
    ['deflated, gzipped inside', true, false],
    ['deflated, plain JSON', false, false],
    ['stored, plain JSON', false, true],
  ])('attack: a wrong CRC-32 recorded for an intact entry (%s) is a damaged entry', async (_, gz, store) => {
    const content = trail([plain('a1'), deleteTrail]);
    const name = gz ? `${A}.gz` : A;
    const zip = await makeZip([
      { name, content: gz ? gzipSync(content) : content, store },
      { name: B, content: trail([plain('b1')]) },
    ]);
    setCrc(zip, name, 0x12345678);
    const { code, summary } = report(zip);
    expect(code).toBe(2);
    expect(summary.files).toMatchObject({ read: 1, damaged: 1 });
    expect(summary.issues).toMatchObject([{ path: `bundle.zip!/${name}`, reason: expect.stringMatching(/CRC-32.*recorded 12345678/) }]);
  });

  it('attack: a large entry (streamed, not read whole) with a wrong CRC-32 is a damaged entry', async () => {
    const many = Array.from({ length: 30_000 }, (_, i) => plain(`p${i}`));
    const content = trail([...many, deleteTrail]);
    expect(content.length).toBeGreaterThan(5 * 1024 * 1024); // past wholeFileBytes (4 MiB)
    const zip = await makeZip([{ name: A, content }]);
    setCrc(zip, A, 0);
    const { code, summary } = report(zip, ['--concurrency', '1']);
    expect(code).toBe(2);
    expect(summary.issues).toMatchObject([{ path: `bundle.zip!/${A}`, reason: expect.stringMatching(/CRC-32/), recordsKept: 30_001 }]);
  });

  it('an entry whose CRC-32 matches is read as before (control)', async () => {
    const zip = await makeZip([{ name: A, content: trail([plain('a1'), deleteTrail]), store: true }]);
    const { code, summary } = report(zip);
    expect(code).toBe(0);
    expect(summary.issues).toEqual([]);
    expect(summary.totals.denials).toBe(1);
  });

  it('attack: verify hashes a zip entry whose CRC-32 is wrong as unreadable, not valid', async () => {
    const a = buildArchive({ hours: 2 });
    const files = readdirSync(a.root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    const items = files.map((e) => ({ name: relative(a.root, join(e.parentPath, e.name)), content: readFileSync(join(e.parentPath, e.name)) }));
    const zip = await makeZip(items);
    const victim = a.logs[0].key;
    setCrc(zip, victim, 0xdeadbeef);
    const dir = mkdtempSync(join(tmpdir(), 'ctd-attack-crc-verify-'));
    writeFileSync(join(dir, 'bundle.zip'), zip);
    const r = runCli(['verify', 'bundle.zip', '--json'], { cwd: dir });
    const s = JSON.parse(r.stdout) as IntegritySummary;
    expect(r.code).toBe(4);
    expect(s.ok).toBe(false);
    expect(s.failures).toMatchObject([{ kind: 'log-unreadable', file: `bundle.zip!/${victim}`, detail: expect.stringMatching(/CRC-32/) }]);
  });
});
