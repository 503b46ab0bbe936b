// A bare top-level JSON array is a log only when its first element is a CloudTrail record: the
// arrays an iam-collect store holds (inline-policies.json, a list of ARNs) are other documents, never
// records and never damage, on both reading paths.
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, scanSource } from '../../src/read/index.js';
import type { FileScan } from '../../src/types.js';

const tmp = mkdtempSync(join(tmpdir(), 'ctd-i16-array-'));
const file = (name: string, content: string) => {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
};

async function scan(path: string, named = false): Promise<FileScan> {
  const source = { path, size: statSync(path).size, key: null, named };
  const fast = await scanSource(source, { ...DEFAULT_LIMITS, contentFingerprints: true });
  const slow = await scanSource(source, { ...DEFAULT_LIMITS, fastPath: false, contentFingerprints: true });
  expect(fast).toEqual(slow);
  return fast;
}

describe('a top-level array that is no list of records', () => {
  it.each([
    [
      'inline-policies.json',
      JSON.stringify(
        [
          { PolicyName: 'p', PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } },
          { PolicyName: 'q', PolicyDocument: {} },
        ],
        null,
        2,
      ),
    ],
    ['managed-policies.json', JSON.stringify(['arn:aws:iam::aws:policy/ReadOnlyAccess', 'arn:aws:iam::111122223333:policy/X'], null, 2)],
    ['numbers.json', '[1, 2, 3]'],
  ])('%s found by walking a folder: skipped as not-a-log-file, no record, no damage', async (name, content) => {
    expect(await scan(file(name, content))).toMatchObject({ skip: 'not-a-log-file', records: 0, damagedRecords: 0, recordIssues: [], error: null });
  });

  it('named on the command line: not a CloudTrail log file', async () => {
    const s = await scan(file('named.json', '["arn:aws:iam::aws:policy/ReadOnlyAccess"]'), true);
    expect(s.error).toMatch(/^not a CloudTrail log file/);
    expect(s.records).toBe(0);
  });
});

describe('a top-level array of records', () => {
  it('is read as before: every element a record, a non-record among them damaged', async () => {
    const record = (id: string, extra = '') => `{"eventVersion":"1.09","eventTime":"2026-11-20T10:00:00Z","eventID":"${id}"${extra}}`;
    const s = await scan(file('records.json', `[${record('a')},${record('b', ',"errorCode":"AccessDenied","errorMessage":"Access Denied"')},"stray"]`));
    expect(s).toMatchObject({ records: 2, noError: 1, damagedRecords: 1 });
    expect(s.skip).toBeUndefined();
  });
});
