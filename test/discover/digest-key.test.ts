import { describe, expect, it } from 'vitest';
import { parseDigestKey } from '../../src/discover/digest-key.js';

describe('parseDigestKey', () => {
  it('reads the AWS example key', () => {
    expect(
      parseDigestKey(
        'AWSLogs/111122223333/CloudTrail-Digest/us-east-2/2015/08/17/111122223333_CloudTrail-Digest_us-east-2_your-trail-name_us-east-2_20150817T150131Z.json.gz',
      ),
    ).toEqual({
      orgId: null,
      account: '111122223333',
      region: 'us-east-2',
      date: '2015-08-17',
      trail: 'your-trail-name',
      homeRegion: 'us-east-2',
      endTime: '2015-08-17T15:01:31Z',
      backfill: false,
    });
  });

  it('keeps underscores in trail names, reads org trails, backfill digests, local folders and Windows paths', () => {
    const k = parseDigestKey(
      'C:\\copy\\prefix\\AWSLogs\\o-abc123def4\\111122223333\\CloudTrail-Digest\\eu-west-1\\2026\\03\\01\\111122223333_CloudTrail-Digest_eu-west-1_org_main_trail_us-gov-west-1_20260301T010131Z_backfill.json.gz',
    );
    expect(k).toMatchObject({ orgId: 'o-abc123def4', trail: 'org_main_trail', homeRegion: 'us-gov-west-1', region: 'eu-west-1', backfill: true });
  });

  it('is null for log files, Insight files and names that do not match their folders', () => {
    expect(parseDigestKey('AWSLogs/111122223333/CloudTrail/eu-west-1/2026/03/01/111122223333_CloudTrail_eu-west-1_20260301T0010Z_x.json.gz')).toBeNull();
    expect(parseDigestKey('AWSLogs/111122223333/CloudTrail-Digest/eu-west-1/2026/03/01/notes.txt')).toBeNull();
    expect(
      parseDigestKey(
        'AWSLogs/111122223333/CloudTrail-Digest/eu-west-1/2026/03/01/222222222222_CloudTrail-Digest_eu-west-1_t_us-east-1_20260301T010131Z.json.gz',
      ),
    ).toBeNull();
  });
});
