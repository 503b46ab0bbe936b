// An archive entry is read by the same readers as a file: fast path and stream-json agree, small and
// large entries, gzip or not, delivered in any chunking.
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { scanEntry } from '../../src/read/archive-entry-scan.js';
import { DEFAULT_LIMITS, type ReadLimits } from '../../src/read/limits.js';
import { cloudTrailRecord } from '../helpers/record.js';

const denied = (id: string) =>
  cloudTrailRecord(id, {
    errorCode: 'AccessDenied',
    errorMessage:
      'User: arn:aws:iam::111122223333:user/ann is not authorized to perform: s3:GetObject because no identity-based policy allows the s3:GetObject action',
  });
const records = Array.from({ length: 400 }, (_, i) => (i % 7 === 0 ? denied(`e${i}`) : cloudTrailRecord(`e${i}`)));

async function* chunked(bytes: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

const shapes: [string, string][] = [
  ['trail file', JSON.stringify({ Records: records })],
  ['array', JSON.stringify(records)],
  ['lookup-events', JSON.stringify({ Events: records.map((r) => ({ EventId: r.eventID, CloudTrailEvent: JSON.stringify(r) })) })],
  ['JSON Lines', records.map((r) => JSON.stringify(r)).join('\n')],
];

describe('scanEntry', () => {
  it.each(shapes)('%s: fast path = stream-json, whole or streamed, gzip or not', async (_, text) => {
    const results = [];
    for (const gzip of [false, true]) {
      const bytes = gzip ? gzipSync(text) : Buffer.from(text);
      for (const limits of [DEFAULT_LIMITS, { ...DEFAULT_LIMITS, fastPath: false }, { ...DEFAULT_LIMITS, wholeFileBytes: 1024 }] as ReadLimits[]) {
        const scan = await scanEntry('a.zip!/x.json', chunked(bytes, 777), bytes.length, limits);
        results.push({ records: scan.records, denials: scan.entries.length, error: scan.error, damaged: scan.damagedRecords });
      }
    }
    for (const r of results) expect(r).toEqual({ records: 400, denials: 58, error: null, damaged: 0 });
  });

  it('an entry whose bytes end in an archive error keeps the records before it, with that reason', async () => {
    const bytes = gzipSync(JSON.stringify({ Records: records }));
    async function* cut(): AsyncGenerator<Buffer> {
      yield bytes.subarray(0, Math.floor(bytes.length / 2));
      const { ReadFailure } = await import('../../src/errors.js');
      throw new ReadFailure('tar data ends early (truncated archive)');
    }
    for (const wholeFileBytes of [DEFAULT_LIMITS.wholeFileBytes, 1024]) {
      const scan = await scanEntry('a.tar!/x.json.gz', cut(), bytes.length, { ...DEFAULT_LIMITS, wholeFileBytes });
      expect(scan.error).toBe('tar data ends early (truncated archive)');
      expect(scan.records).toBeGreaterThan(100);
      expect(scan.records).toBeLessThan(400);
    }
  });
});
