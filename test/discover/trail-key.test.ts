import { describe, expect, it } from 'vitest';
import { isPrunedByKey, parseTrailKey, skipReason } from '../../src/discover/index.js';

const FILE = '111122223333_CloudTrail_eu-west-1_20261120T2355Z_AbCdEf0123456789.json.gz';

describe('parseTrailKey', () => {
  it('reads an organisation trail key under any prefix', () => {
    expect(parseTrailKey(`bucket/prefix/AWSLogs/o-abc123defg/111122223333/CloudTrail/eu-west-1/2026/11/20/${FILE}`)).toEqual({
      orgId: 'o-abc123defg',
      account: '111122223333',
      region: 'eu-west-1',
      date: '2026-11-20',
      deliveredAt: '2026-11-20T23:55Z',
    });
  });
  it('reads an account trail key and a Windows path', () => {
    expect(parseTrailKey(`C:\\logs\\AWSLogs\\111122223333\\CloudTrail\\us-east-1\\2026\\01\\02\\x.json`)).toMatchObject({
      orgId: null,
      account: '111122223333',
      region: 'us-east-1',
      date: '2026-01-02',
      deliveredAt: null,
    });
  });
  it('is null outside the layout', () => {
    expect(parseTrailKey('exports/lookup-events.json')).toBeNull();
    expect(parseTrailKey('AWSLogs/111122223333/CloudTrail-Digest/us-east-1/2026/11/20/d.json.gz')).toBeNull();
  });
});

describe('isPrunedByKey', () => {
  const key = parseTrailKey(`AWSLogs/111122223333/CloudTrail/eu-west-1/2026/11/20/${FILE}`)!;
  const open = { accounts: [], regions: [], since: null, until: null };
  const day = (d: string) => Date.parse(`${d}T00:00:00Z`);
  it('keeps everything without a filter', () => expect(isPrunedByKey(key, open)).toBe(false));
  it('prunes by account and region', () => {
    expect(isPrunedByKey(key, { ...open, accounts: ['999999999999'] })).toBe(true);
    expect(isPrunedByKey(key, { ...open, accounts: ['111122223333'] })).toBe(false);
    expect(isPrunedByKey(key, { ...open, regions: ['us-east-1'] })).toBe(true);
  });
  it('keeps a day of slack at both edges of the window', () => {
    expect(isPrunedByKey(key, { ...open, since: day('2026-11-21') })).toBe(false);
    expect(isPrunedByKey(key, { ...open, since: day('2026-11-22') })).toBe(true);
    expect(isPrunedByKey(key, { ...open, until: day('2026-11-19') })).toBe(false);
    expect(isPrunedByKey(key, { ...open, until: day('2026-11-18') })).toBe(true);
  });
});

describe('skipReason', () => {
  it.each([
    ['AWSLogs/111122223333/CloudTrail-Digest/us-east-1/2026/11/20/x.json.gz', true, 'digest-file'],
    ['AWSLogs/111122223333/CloudTrail-Insight/us-east-1/2026/11/20/x.json.gz', false, 'insight-file'],
    ['notes/readme.txt', false, 'not-a-log-file'],
    ['notes/readme.txt', true, null],
    ['a/b.jsonl.gz', false, null],
    ['a/b.ndjson', false, null],
  ])('%s (named: %s) → %s', (path, named, reason) => expect(skipReason(path, named)).toBe(reason));
});
