import { describe, expect, it } from 'vitest';
import { buildSampleArchive, describeArchive, type SampleFile } from '../../src/samples/index.js';

const log = (path: string, records: object[]): SampleFile => ({ path: `AWSLogs/o-aaaaaaaaaa/111122223333/CloudTrail/us-east-1/2026/11/16/${path}`, content: JSON.stringify({ Records: records }), gzip: true });

describe('describeArchive', () => {
  const files: SampleFile[] = [
    log('b.json.gz', [
      { eventID: 'e1', errorCode: 'AccessDenied', recipientAccountId: '111122223333', awsRegion: 'us-east-1' },
      { eventID: 'e2', recipientAccountId: '111122223333', awsRegion: 'us-east-1' },
      { eventID: 'e3', eventName: 'ConsoleLogin', errorMessage: 'Failed authentication', responseElements: { ConsoleLogin: 'Failure' }, recipientAccountId: '111122223333', awsRegion: 'us-east-1' },
      { eventID: 'e6', eventName: 'ConsoleLogin', responseElements: { ConsoleLogin: 'Success' }, recipientAccountId: '111122223333', awsRegion: 'us-east-1' },
    ]),
    log('a.json.gz', [
      { eventID: 'e4', errorCode: 'ThrottlingException', recipientAccountId: '444455556666', awsRegion: 'eu-west-1' },
      { eventID: 'e5', errorCode: 'AccessDenied', recipientAccountId: '444455556666', awsRegion: 'eu-west-1' },
    ]),
    log('c.json.gz', [{ eventID: 'e1', errorCode: 'AccessDenied', recipientAccountId: '111122223333', awsRegion: 'us-east-1' }]),
    { path: 'AWSLogs/o-aaaaaaaaaa/111122223333/CloudTrail-Digest/us-east-1/2026/11/16/x_CloudTrail-Digest_us-east-1_org-trail_us-east-1_20261116T100000Z.json.gz', content: '{"logFiles":[{"errorCode":"NotARecord"}]}', gzip: true },
  ];

  it('counts records, errors by code, console failures and duplicates by scanning the JSON', () => {
    const d = describeArchive(files);
    expect(d).toMatchObject({ files: 4, logFiles: 3, digestFiles: 1, records: 7, recordsWithErrorCode: 4, consoleLoginFailures: 1, duplicateRecords: 1, uniqueEventIds: 6 });
    expect(d.byErrorCode).toEqual([{ key: 'AccessDenied', count: 3 }, { key: 'ThrottlingException', count: 1 }]);
    expect(d.byAccount).toEqual([{ key: '111122223333', count: 5 }, { key: '444455556666', count: 2 }]);
    expect(d.byRegion).toEqual([{ key: 'eu-west-1', count: 2 }, { key: 'us-east-1', count: 5 }]);
    expect(d.characters).toBe(files.reduce((sum, f) => sum + f.content.length, 0));
  });

  it('gives the same answer whatever the file order', () => {
    expect(describeArchive([...files].reverse())).toEqual(describeArchive(files));
  });

  it('counts nothing for an empty archive', () => {
    expect(describeArchive([])).toMatchObject({ files: 0, records: 0, byErrorCode: [] });
  });

  it('describes the demo archive (composition kept visible in one place)', () => {
    const d = describeArchive(buildSampleArchive().files);
    expect(d.digestFiles).toBe(1_008);
    expect(d.integrityFiles).toBe(2);
    expect(d.duplicateRecords).toBeGreaterThan(0);
    expect(d.consoleLoginFailures).toBe(13); // 3 of the noise, 10 of the intrusion story's password spray
    expect(Object.fromEntries(d.byErrorCode.map((c) => [c.key, c.count]))).toMatchSnapshot();
  });
});
