// One digest file (log file integrity validation): the SHA-256 of each log file delivered in the hour
// before it, over the uncompressed content as AWS defines it, so `verify samples` checks real hashes.
// It starts its chain (no previous digest in the archive) and carries no real signature.
import { createHash } from 'node:crypto';
import { hex, isoSeconds } from './ids.js';
import type { Prng } from './prng.js';
import { digestFilePath, type SampleFile } from './log-file.js';
import { HOME_REGION, HOUR_MS, TRAIL_BUCKET, TRAIL_NAME } from './world.js';

export interface DigestedLog {
  path: string;
  content: string; // the uncompressed log file
  oldestEventMs: number;
  newestEventMs: number;
}

export function digestFile(rng: Prng, account: string, region: string, endMs: number, logs: readonly DigestedLog[]): SampleFile {
  const path = digestFilePath(account, region, TRAIL_NAME, HOME_REGION, endMs);
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
    previousDigestS3Bucket: null,
    previousDigestS3Object: null,
    previousDigestHashValue: null,
    previousDigestHashAlgorithm: null,
    previousDigestSignature: null,
    logFiles: logs.map((log) => ({
      s3Bucket: TRAIL_BUCKET,
      s3Object: log.path,
      hashValue: createHash('sha256').update(log.content, 'utf8').digest('hex'),
      hashAlgorithm: 'SHA-256',
      newestEventTime: isoSeconds(log.newestEventMs),
      oldestEventTime: isoSeconds(log.oldestEventMs),
    })),
  };
  return { path, content: JSON.stringify(digest), gzip: true };
}
