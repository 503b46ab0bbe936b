// One digest file (log file integrity validation): hashes of the log files delivered in the hour
// before it. Readers must skip it; its hashes are random here, not real SHA-256 values.
import { hex, isoSeconds } from './ids.js';
import type { Prng } from './prng.js';
import { digestFilePath, type SampleFile } from './log-file.js';
import { HOME_REGION, HOUR_MS, TRAIL_BUCKET, TRAIL_NAME } from './world.js';

export interface DigestedLog {
  path: string;
  oldestEventMs: number;
  newestEventMs: number;
}

export function digestFile(rng: Prng, account: string, region: string, endMs: number, logs: readonly DigestedLog[]): SampleFile {
  const path = digestFilePath(account, region, TRAIL_NAME, HOME_REGION, endMs);
  const previous = digestFilePath(account, region, TRAIL_NAME, HOME_REGION, endMs - HOUR_MS);
  const oldest = logs.length > 0 ? Math.min(...logs.map((log) => log.oldestEventMs)) : null;
  const newest = logs.length > 0 ? Math.max(...logs.map((log) => log.newestEventMs)) : null;
  const digest = {
    awsAccountId: account,
    digestStartTime: isoSeconds(endMs - HOUR_MS),
    digestEndTime: isoSeconds(endMs),
    digestS3Bucket: TRAIL_BUCKET,
    digestS3Object: path,
    digestPublicKeyFingerprint: hex(rng, 32),
    digestSignatureAlgorithm: 'SHA256withRSA',
    newestEventTime: newest === null ? null : isoSeconds(newest),
    oldestEventTime: oldest === null ? null : isoSeconds(oldest),
    previousDigestS3Bucket: TRAIL_BUCKET,
    previousDigestS3Object: previous,
    previousDigestHashValue: hex(rng, 64),
    previousDigestHashAlgorithm: 'SHA-256',
    previousDigestSignature: hex(rng, 512),
    logFiles: logs.map((log) => ({
      s3Bucket: TRAIL_BUCKET,
      s3Object: log.path,
      hashValue: hex(rng, 64),
      hashAlgorithm: 'SHA-256',
      newestEventTime: isoSeconds(log.newestEventMs),
      oldestEventTime: isoSeconds(log.oldestEventMs),
    })),
  };
  return { path, content: JSON.stringify(digest), gzip: true };
}
