import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanSource } from '../../src/read/index.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/read/containers');
const scan = (name: string) => scanSource({ path: join(FIXTURES, name), size: 1, key: null });

describe('scanSource accounting', () => {
  it('classifies error records and counts the rest', async () => {
    const s = await scan('top-level-array.json');
    expect(s).toMatchObject({ records: 2, noError: 1, damagedRecords: 0, error: null });
    expect(s.entries).toHaveLength(1);
  });
  it('unwraps lookup-events entries', async () => {
    const s = await scan('lookup-events.json');
    expect(s.records).toBe(2);
    expect(s.entries.map((e) => e.kind)).toEqual(['denial']);
  });
  it('counts non-object records as damaged, with the reason', async () => {
    const s = await scan('scalars-in-records.json');
    expect(s).toMatchObject({ records: 2, damagedRecords: 3 });
    expect(s.recordIssues).toEqual(['record is null, not an object', 'record is a string, not an object', 'record is an array, not an object']);
  });
  it('a container whose "Records" is not an array is not counted as a record', async () => {
    const s = await scan('records-not-array.json');
    expect(s).toMatchObject({ records: 0, damagedRecords: 1, recordIssues: ['"Records" is not an array'] });
  });
  it('a JSON document that is not a log is not counted as a record: the file is skipped (see not-a-log.test.ts)', async () => {
    const s = await scan('not-cloudtrail.json');
    expect(s).toMatchObject({ records: 0, damagedRecords: 0, recordIssues: [], skip: 'not-a-log-file' });
  });
});
