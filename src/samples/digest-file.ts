// The demo trail's digest files (log file integrity validation), as CloudTrail writes them: for each
// account and region, one digest per hour of the week, empty hours included (`logFiles: []`), each
// listing the log files delivered in its hour with the SHA-256 of their uncompressed content, chained
// to the one before (previousDigest… fields) and signed with the demo key (see demo-key.ts) over
//   digestEndTime \n bucket/key \n hex(SHA-256(uncompressed digest)) \n previousDigestSignature
// So `verify samples` checks real hashes, a real chain and real signatures.
import { createHash, sign } from 'node:crypto';
import { demoKey } from './demo-key.js';
import { isoSeconds } from './ids.js';
import { digestFilePath, type SampleFile } from './log-file.js';
import { DAYS, HOME_REGION, HOUR_MS, TRAIL_BUCKET, TRAIL_NAME, WEEK_START_MS } from './world.js';

export interface DigestedLog {
  path: string;
  content: string; // the uncompressed log file
  deliveryMs: number;
  oldestEventMs: number;
  newestEventMs: number;
}

/** A digest file and its signature (which CloudTrail keeps in the object's S3 metadata). */
export interface SampleDigest {
  file: SampleFile;
  signature: string; // hex
}

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

function digestJson(account: string, region: string, endMs: number, logs: readonly DigestedLog[], previous: SampleDigest | null): string {
  const oldest = logs.length > 0 ? Math.min(...logs.map((log) => log.oldestEventMs)) : null;
  const newest = logs.length > 0 ? Math.max(...logs.map((log) => log.newestEventMs)) : null;
  return JSON.stringify({
    awsAccountId: account,
    digestStartTime: isoSeconds(endMs - HOUR_MS),
    digestEndTime: isoSeconds(endMs),
    digestS3Bucket: TRAIL_BUCKET,
    digestS3Object: digestFilePath(account, region, TRAIL_NAME, HOME_REGION, endMs),
    digestPublicKeyFingerprint: demoKey().fingerprint,
    digestSignatureAlgorithm: 'SHA256withRSA',
    newestEventTime: newest === null ? null : isoSeconds(newest),
    oldestEventTime: oldest === null ? null : isoSeconds(oldest),
    previousDigestS3Bucket: previous === null ? null : TRAIL_BUCKET,
    previousDigestS3Object: previous?.file.path ?? null,
    previousDigestHashValue: previous === null ? null : sha256(previous.file.content),
    previousDigestHashAlgorithm: previous === null ? null : 'SHA-256',
    previousDigestSignature: previous?.signature ?? null,
    logFiles: logs.map((log) => ({
      s3Bucket: TRAIL_BUCKET,
      s3Object: log.path,
      hashValue: sha256(log.content),
      hashAlgorithm: 'SHA-256',
      newestEventTime: isoSeconds(log.newestEventMs),
      oldestEventTime: isoSeconds(log.oldestEventMs),
    })),
  });
}

/** The week's hourly chain for one account and region; `logs` are that account's and region's log files. */
export function digestChain(account: string, region: string, logs: readonly DigestedLog[]): SampleDigest[] {
  const sorted = [...logs].sort((a, b) => a.deliveryMs - b.deliveryMs || (a.path < b.path ? -1 : 1));
  const chain: SampleDigest[] = [];
  let next = 0;
  for (let hour = 1; hour <= DAYS * 24; hour += 1) {
    const endMs = WEEK_START_MS + hour * HOUR_MS;
    const inHour: DigestedLog[] = [];
    while (next < sorted.length && sorted[next].deliveryMs < endMs) inHour.push(sorted[next++]);
    inHour.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const previous = chain.at(-1) ?? null;
    const content = digestJson(account, region, endMs, inHour, previous);
    const path = digestFilePath(account, region, TRAIL_NAME, HOME_REGION, endMs);
    const signed = `${isoSeconds(endMs)}\n${TRAIL_BUCKET}/${path}\n${sha256(content)}\n${previous?.signature ?? 'null'}`;
    chain.push({ file: { path, content, gzip: true }, signature: sign('sha256', Buffer.from(signed, 'utf8'), demoKey().privateKey).toString('hex') });
  }
  if (next < sorted.length) throw new Error(`${sorted[next].path} is delivered after the demo week its digests cover`);
  return chain;
}
