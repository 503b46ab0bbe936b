// The equivalence beyond samples/: the classifier's record fixtures, attacker-written text in every
// field, and the records a damaged file still yields, each read as logs and as query results.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RecordSplitter } from '../../src/read/splitter/record-splitter.js';
import { accountingHolds, findings, queryResults, report, sqlText } from '../helpers/query-equivalence.js';
import { ROOT } from '../helpers/run-cli.js';

const FIXTURES = join(ROOT, 'test/fixtures/classify/records');

/**
 * Records whose fields have JSON types AWS never writes there (a number for eventTime, an array for
 * eventSource, an object for errorMessage): Athena's STRING columns hold such a value as its JSON
 * text, which classify then reads as text, where from the log it reads nothing. Checked apart below.
 */
const ODD_TYPES = 'odd-field-types.json';

function trailFile(records: unknown[], name = 'trail.json'): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'ctd-i19-logs-'));
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify({ Records: records }));
  return { dir, file };
}

async function bothWays(file: string, logs: string, nativePaths: string[] = [file]) {
  const native = report(nativePaths, []);
  const results = [];
  for (const aggregate of [false, true]) {
    const text = sqlText(['--partitions', 'none', ...(aggregate ? ['--aggregate'] : [])]);
    const { path } = await queryResults(logs, text);
    results.push({ aggregate, run: report([path], []) });
  }
  return { native, results };
}

describe('the classifier record fixtures', () => {
  const names = readdirSync(FIXTURES).filter((n) => n.endsWith('.json') && !n.endsWith('.expected.json'));
  const records = names.filter((n) => n !== ODD_TYPES).map((n) => JSON.parse(readFileSync(join(FIXTURES, n), 'utf8')) as unknown);

  it('give the same findings both ways', async () => {
    const { file } = trailFile(records);
    const { native, results } = await bothWays(file, file);
    expect(native.summary.totals.denials).toBeGreaterThan(10);
    for (const { aggregate, run } of results) {
      expect(findings(run.summary), `aggregated: ${aggregate}`).toEqual(findings(native.summary));
      accountingHolds(run.summary);
      if (!aggregate) expect(run.csv).toEqual(native.csv);
    }
  });

  it('odd JSON types: Athena has their JSON text where the log has no text', async () => {
    const record = JSON.parse(readFileSync(join(FIXTURES, ODD_TYPES), 'utf8')) as unknown;
    const { file } = trailFile([record]);
    const { native, results } = await bothWays(file, file);
    const fromLog = JSON.parse(native.jsonl[0]) as Record<string, unknown>;
    const fromSql = JSON.parse(results[0].run.jsonl[0]) as Record<string, unknown>;
    expect(fromLog).toMatchObject({ eventTime: '', eventSource: '', message: '', sourceIp: '' });
    expect(fromSql).toMatchObject({
      eventTime: '1714645200',
      eventSource: '["s3.amazonaws.com"]',
      message: '{"text":"nope"}',
      sourceIp: 'true',
      principal: '["arn:aws:iam::1:user/x"]',
    });
    // the fields of the right type agree
    for (const k of ['eventId', 'account', 'principalType', 'callerAccount', 'errorCode', 'category', 'eventName']) expect(fromSql[k], k).toEqual(fromLog[k]);
  });
});

// Text an attacker chose, in every field the query carries (CSV quoting, line breaks, controls).
// prettier-ignore
const PAYLOADS = ['<script>alert(1)</script>', '"quoted", comma', 'line\nbreak\r\nand CRLF', '| table |', '=HYPERLINK("x")', '\u2028\u2029', '\u001b[31mred', 'ünïcødé 😀', '', '""'];

function hostileRecords(): unknown[] {
  return PAYLOADS.map((p, i) => ({
    eventVersion: '1.09',
    eventTime: `2026-11-20T10:00:${String(i).padStart(2, '0')}Z`,
    eventSource: `s3.amazonaws.com${i % 2 ? p : ''}`,
    eventName: `GetObject${p}`,
    awsRegion: `us-east-1${p}`,
    sourceIPAddress: `198.51.100.${i}${p}`,
    userAgent: `aws-cli/2 ${p}`,
    recipientAccountId: `11112222333${i % 10}`,
    userIdentity: {
      type: i % 3 === 0 ? 'AssumedRole' : `IAMUser${p}`,
      arn: `arn:aws:sts::111122223333:assumed-role/role${p}/session${p}`,
      accountId: '111122223333',
      principalId: `AROA:${p}`,
      accessKeyId: i % 2 ? `ASIA${p}` : p,
      sessionContext: { sessionIssuer: { arn: `arn:aws:iam::111122223333:role/role${p}` }, attributes: { mfaAuthenticated: i % 2 ? 'false' : p } },
    },
    eventID: i === 8 ? undefined : `id-${i}-${p}`,
    errorCode: i % 3 === 2 ? 'AccessDeniedException' : 'AccessDenied',
    errorMessage: `User: arn:aws:sts::111122223333:assumed-role/r${p}/s is not authorized to perform: s3:Get${p} on resource: "arn:aws:s3:::b/${p}" with an explicit deny in a ${p} policy`,
    requestParameters: { bucketName: p, key: p },
    additionalEventData: { MFAUsed: i % 2 ? 'No' : p, UserName: p },
    responseElements: i === 4 ? null : { x: p },
  }));
}

describe('attacker-written text in every field', () => {
  it('gives the same findings and denial rows both ways', async () => {
    const { file } = trailFile(hostileRecords());
    const { native, results } = await bothWays(file, file);
    expect(native.summary.totals.denials).toBe(PAYLOADS.length);
    for (const { aggregate, run } of results) {
      expect(findings(run.summary), `aggregated: ${aggregate}`).toEqual(findings(native.summary));
      if (!aggregate) {
        expect(run.csv).toEqual(native.csv);
        expect(run.jsonl).toEqual(native.jsonl);
      }
    }
  });
});

describe('a damaged log file', () => {
  it('reads as query results of the records it still yields (the readable records)', async () => {
    // hostile records and the samples' kind of records, cut off in the middle of one
    const whole = JSON.stringify({ Records: hostileRecords() });
    const dir = mkdtempSync(join(tmpdir(), 'ctd-i19-damaged-'));
    mkdirSync(join(dir, 'in'));
    const damaged = join(dir, 'in', 'cut.json');
    writeFileSync(damaged, whole.slice(0, Math.floor(whole.length * 0.6)));
    const readable: unknown[] = [];
    const splitter = new RecordSplitter({ scanner: 'js' });
    splitter.push(readFileSync(damaged), (rec) => readable.push(JSON.parse(rec.toString('utf8'))));
    expect(splitter.end((rec) => readable.push(JSON.parse(rec.toString('utf8')))).error).toBeDefined();
    expect(readable.length).toBeGreaterThan(2);
    const { file } = trailFile(readable);
    const { native, results } = await bothWays(file, file, [damaged]);
    expect(native.code).toBe(2); // the native run names the damage
    expect(native.summary.totals.denials).toBe(readable.length);
    for (const { run } of results) expect(findings(run.summary)).toEqual(findings(native.summary));
  });
});
