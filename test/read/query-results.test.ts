// Query results as input, file by file: recognised by the header (Athena's quoted or DuckDB's plain),
// plain or gzipped; rows rebuilt into records; damage named.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { scanSource } from '../../src/read/index.js';
import { mayBeQueryResults } from '../../src/read/query-results-header.js';
import { resultColumns } from '../../src/sql/index.js';

const dir = mkdtempSync(join(tmpdir(), 'ctd-i19-read-'));
let n = 0;
function file(content: string | Buffer): { path: string; size: number; key: null } {
  const path = join(dir, `results-${n++}.csv`);
  writeFileSync(path, content);
  return { path, size: Buffer.byteLength(content), key: null };
}

const quoted = (cells: (string | null)[]) => cells.map((c) => (c === null ? '' : `"${c.replaceAll('"', '""')}"`)).join(',');
const PLAIN = resultColumns(false);
const AGG = resultColumns(true);

function plainRow(values: Record<string, string | null>): (string | null)[] {
  return PLAIN.map((c) => (c in values ? values[c] : null));
}

const DENIED = {
  eventtime: '2026-11-20T10:00:00Z',
  eventid: '11111111-2222-4333-8444-555555555555',
  eventsource: 's3.amazonaws.com',
  eventname: 'GetObject',
  awsregion: 'us-east-1',
  errorcode: 'AccessDenied',
  errormessage:
    'User: arn:aws:iam::111122223333:user/ann is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::b/k" because no identity-based policy allows the s3:GetObject action',
  recipientaccountid: '111122223333',
  useridentity: 'present',
  useridentity_type: 'IAMUser',
  useridentity_arn: 'arn:aws:iam::111122223333:user/ann',
  useridentity_accountid: '111122223333',
  requestparameters: '{"bucketName":"b","key":"k"}',
  additionaleventdata: '{"MFAUsed":"No"}',
};

describe('query results', () => {
  it('are told from logs and from other CSV by their first line', () => {
    expect(mayBeQueryResults(Buffer.from(`${quoted(PLAIN)}\n`))).toBe(true);
    expect(mayBeQueryResults(Buffer.from(`\ufeff${AGG.join(',')}\n`))).toBe(true);
    expect(mayBeQueryResults(Buffer.from('{"Records":[]}'))).toBe(false);
    expect(mayBeQueryResults(Buffer.from('eventTime,eventId,account\n'))).toBe(false); // report's own denials.csv
    expect(mayBeQueryResults(Buffer.from('eventtimes,x\n'))).toBe(false);
  });

  it.each([
    ['Athena (every cell quoted)', (cells: (string | null)[]) => quoted(cells), false],
    [
      'DuckDB, gzipped',
      (cells: (string | null)[]) => cells.map((c) => (c === null ? '' : /[",\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(','),
      true,
    ],
  ])('%s: each row is a record for the classifier', async (_name, line, gzip) => {
    const text =
      [
        line(PLAIN),
        line(plainRow(DENIED)),
        line(plainRow({ ...DENIED, eventid: 'x', useridentity: null, useridentity_type: null, useridentity_arn: null, useridentity_accountid: null })),
      ].join('\n') + '\n';
    const scan = await scanSource(file(gzip ? gzipSync(text) : text));
    expect(scan.error).toBeNull();
    expect(scan.queryResults).toEqual({ rows: 2, aggregated: false, duplicates: 0 });
    expect(scan.records).toBe(2);
    const [a, b] = scan.entries.map((e) => (e.kind === 'denial' ? e.denial : null));
    expect(a).toMatchObject({
      principal: 'arn:aws:iam::111122223333:user/ann',
      action: 's3:GetObject',
      hints: ['mfa-absent'],
      policyType: 'identity-based',
      denyKind: 'implicit',
    });
    // no userIdentity at all: the message names the principal, as for a log record without one
    expect(b).toMatchObject({ principal: 'arn:aws:iam::111122223333:user/ann', principalType: 'IAMUser', callerAccount: '111122223333' });
  });

  it('an aggregated row stands for its denials and duplicates', async () => {
    const values: Record<string, string | null> = {
      ...Object.fromEntries(Object.entries(DENIED).filter(([k]) => AGG.includes(k))),
      first_eventtime: '2026-11-20T10:00:00Z',
      last_eventtime: '2026-11-20T18:00:00Z',
      denials: '40',
      duplicates: '2',
      sample_events: '[["2026-11-20T10:00:00Z","id-1"],["2026-11-20T11:00:00Z","id-2"]]',
      additionaleventdata_mfaused: '"No"',
    };
    const scan = await scanSource(file(`${AGG.join(',')}\n${quoted(AGG.map((c) => values[c] ?? null))}\n`));
    expect(scan.records).toBe(42);
    expect(scan.queryResults).toEqual({ rows: 1, aggregated: true, duplicates: 2 });
    const entry = scan.entries[0];
    expect(entry.kind === 'denial' && entry.run).toEqual({
      count: 40,
      lastTime: '2026-11-20T18:00:00Z',
      samples: [
        { time: '2026-11-20T10:00:00Z', id: 'id-1' },
        { time: '2026-11-20T11:00:00Z', id: 'id-2' },
      ],
    });
    expect(entry.kind === 'denial' && entry.denial).toMatchObject({ eventTime: '2026-11-20T10:00:00Z', eventId: 'id-1', hints: ['mfa-absent'] });
  });

  it('names damage: a header of other columns, a row of the wrong length, a count that is not one', async () => {
    const other = await scanSource(file(`eventtime,eventid,something\n"a","b","c"\n`));
    expect(other.error).toMatch(/^query results with other columns than this version's query \(missing eventsource, .*unexpected something\)/);
    const short = await scanSource(file(`${PLAIN.join(',')}\n"a","b"\n`));
    expect(short.damagedRecords).toBe(1);
    expect(short.recordIssues).toEqual([`a row has 2 cells, the header ${PLAIN.length}`]);
    const badCount = await scanSource(file(`${AGG.join(',')}\n${quoted(AGG.map((c) => (c === 'denials' ? 'many' : c === 'duplicates' ? '0' : null)))}\n`));
    expect(badCount.recordIssues).toEqual(['an aggregated row whose denials or duplicates is not a count']);
    const cut = await scanSource(file(`${PLAIN.join(',')}\n"a","b`));
    expect(cut.error).toBe('file ends inside a quoted cell (truncated)');
  });
});
