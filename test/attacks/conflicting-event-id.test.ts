// A record that reuses a real denial's eventID must not make the denial vanish as "a second delivery".
// A duplicate is the same event delivered twice: same eventID and same content. Same eventID with
// other content is a conflicting-event-id issue: both records counted, the conflict listed, exit 2.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Summary } from '../../src/types.js';
import { runCli } from '../helpers/run-cli.js';

const ID = '3f1c2a9e-5b7d-4e21-9c8a-0d6e4b2f7a11';
const TRAIL = 'AWSLogs/111122223333/CloudTrail/us-east-1/2026/11/20/111122223333_CloudTrail_us-east-1_20261120T1005Z_a1B2c3D4e5F6g7H8.json.gz';

/** The real event: mallory tried to stop the trail and an SCP refused it. */
const deleteTrail = {
  eventVersion: '1.09',
  userIdentity: { type: 'IAMUser', principalId: 'AIDAEXAMPLE', arn: 'arn:aws:iam::111122223333:user/mallory', accountId: '111122223333', userName: 'mallory' },
  eventTime: '2026-11-20T10:01:02Z',
  eventSource: 'cloudtrail.amazonaws.com',
  eventName: 'DeleteTrail',
  awsRegion: 'us-east-1',
  sourceIPAddress: '203.0.113.66',
  userAgent: 'aws-cli/2.15.0',
  errorCode: 'AccessDenied',
  errorMessage:
    'User: arn:aws:iam::111122223333:user/mallory is not authorized to perform: cloudtrail:DeleteTrail on resource: arn:aws:cloudtrail:us-east-1:111122223333:trail/org-trail with an explicit deny in a service control policy',
  requestParameters: { name: 'org-trail' },
  responseElements: null,
  requestID: 'b5e2c6f0-1111-4aaa-8bbb-222233334444',
  eventID: ID,
  readOnly: false,
  eventType: 'AwsApiCall',
  managementEvent: true,
  recipientAccountId: '111122223333',
  eventCategory: 'Management',
};

/** The decoy the attacker writes: something harmless, with the real denial's eventID. */
const listBuckets = {
  ...deleteTrail,
  eventSource: 's3.amazonaws.com',
  eventName: 'ListBuckets',
  errorCode: 'AccessDenied',
  errorMessage:
    'User: arn:aws:iam::111122223333:user/mallory is not authorized to perform: s3:ListAllMyBuckets because no identity-based policy allows the s3:ListAllMyBuckets action',
  requestParameters: null,
};

function run(files: Record<string, string | Buffer>): { code: number; stdout: string; stderr: string; summary: Summary; jsonl: string } {
  const root = mkdtempSync(join(tmpdir(), 'ctd-attack-id-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, 'in', name)), { recursive: true });
    writeFileSync(join(root, 'in', name), content);
  }
  const r = runCli(['report', 'in', '--out', 'out', '-f', 'json,jsonl,md', '--quiet'], { cwd: root });
  const summary = JSON.parse(readFileSync(join(root, 'out', 'summary.json'), 'utf8')) as Summary;
  const t = summary.totals;
  expect(t.records).toBe(t.denials + t.suppressed + t.otherErrors + t.noError + t.excludedByFilter + t.duplicates);
  return { ...r, summary, jsonl: readFileSync(join(root, 'out', 'denials.jsonl'), 'utf8') };
}

const trailFile = (...records: object[]) => gzipSync(JSON.stringify({ Records: records }));
/** aws cloudtrail lookup-events output: the record is a string inside, serialised its own way. */
const lookupEvents = (record: object) => {
  const keys = Object.keys(record).reverse(); // another key order, other spacing: the same event
  const text = JSON.stringify(Object.fromEntries(keys.map((k) => [k, (record as Record<string, unknown>)[k]])), null, 1);
  return JSON.stringify({ Events: [{ EventId: ID, EventName: 'DeleteTrail', CloudTrailEvent: text }] }, null, 4);
};

describe('duplicate by eventID', () => {
  it('attack: a decoy with the eventID of a DeleteTrail explicit deny, in a file that sorts first, does not hide the denial', () => {
    const r = run({ '0-export.json': JSON.stringify({ Records: [listBuckets] }), [TRAIL]: trailFile(deleteTrail) });
    expect(r.summary.totals).toMatchObject({ records: 2, denials: 2, duplicates: 0 });
    expect(r.summary.groups.map((g) => g.action).sort()).toEqual(['cloudtrail:DeleteTrail', 's3:ListAllMyBuckets']);
    expect(r.jsonl).toContain('"eventName":"DeleteTrail"');
    const conflicts = r.summary.issues.filter((i) => i.kind === 'conflicting-event-id');
    expect(conflicts).toEqual([{ path: `in/${TRAIL}`, kind: 'conflicting-event-id', reason: expect.stringContaining(ID), recordsKept: 0 }]);
    expect(conflicts[0].reason).toContain('in/0-export.json');
    expect(r.code).toBe(2); // suspect input, as damaged input is
    expect(r.stdout).toMatch(/^2 denials in 2 records; files: 2 found, 2 read; 1 conflicting-event-id issue \(see the report\)\n/);
  });

  it('attack: a decoy that is an error but not a denial does not hide it either; each counts in its own term', () => {
    const throttled = { ...listBuckets, errorCode: 'ThrottlingException', errorMessage: 'Rate exceeded' };
    const r = run({ '0-export.json': JSON.stringify({ Records: [throttled] }), [TRAIL]: trailFile(deleteTrail) });
    expect(r.summary.totals).toMatchObject({ records: 2, denials: 1, otherErrors: 1, duplicates: 0 });
    expect(r.summary.groups.map((g) => g.action)).toEqual(['cloudtrail:DeleteTrail']);
    expect(r.code).toBe(2);
  });

  it('a genuine second delivery in another container (lookup-events export, other key order and spacing) is still a duplicate', () => {
    const r = run({ '0-lookup-events.json': lookupEvents(deleteTrail), [TRAIL]: trailFile(deleteTrail) });
    expect(r.summary.totals).toMatchObject({ records: 2, denials: 1, duplicates: 1 });
    expect(r.summary.issues).toEqual([]);
    expect(r.code).toBe(0);
  });

  it('attack: a decoy that differs from the real record only where no report looks (requestID) is other content all the same', () => {
    const r = run({ '0-export.jsonl': JSON.stringify({ ...deleteTrail, requestID: 'decoy' }), [TRAIL]: trailFile(deleteTrail) });
    expect(r.summary.totals).toMatchObject({ records: 2, denials: 2, duplicates: 0 });
    expect(r.summary.issues.map((i) => i.kind)).toEqual(['conflicting-event-id']);
    expect(r.code).toBe(2);
  });

  it('a genuine second delivery pretty-printed (other bytes, same content) is still a duplicate', () => {
    const r = run({ '0-copy.json': JSON.stringify({ Records: [deleteTrail] }, null, 2), [TRAIL]: trailFile(deleteTrail) });
    expect(r.summary.totals).toMatchObject({ records: 2, denials: 1, duplicates: 1 });
    expect(r.code).toBe(0);
  });

  it('attack: a third copy equal to either one is a duplicate; the conflict is listed once', () => {
    const r = run({
      '0-export.json': JSON.stringify({ Records: [listBuckets] }),
      '1-lookup-events.json': lookupEvents(deleteTrail),
      '2-again.jsonl': JSON.stringify(listBuckets),
      [TRAIL]: trailFile(deleteTrail),
    });
    expect(r.summary.totals).toMatchObject({ records: 4, denials: 2, duplicates: 2 });
    expect(r.summary.groups.map((g) => [g.action, g.count]).sort()).toEqual([
      ['cloudtrail:DeleteTrail', 1],
      ['s3:ListAllMyBuckets', 1],
    ]);
    expect(r.summary.issues.map((i) => [i.path, i.kind])).toEqual([['in/1-lookup-events.json', 'conflicting-event-id']]);
    expect(r.code).toBe(2);
  });
});
