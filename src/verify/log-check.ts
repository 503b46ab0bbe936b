// The log files a digest names: present, and the SHA-256 of their uncompressed content as recorded.
// (AWS: "logFiles.hashValue — the hexadecimal encoded hash value of the uncompressed log file content".)
import type { IntegrityTrail } from '../types.js';
import type { DigestInput, LocalLog, LogHash } from './inputs.js';
import { objectSuffix } from './object-key.js';
import type { Tally } from './tally.js';

export type LogIndex = Map<string, LocalLog>; // by AWSLogs/… suffix

/** The local copy of an object a digest names; a copy someone gunzipped (no .gz) is found too. */
export function findLocal(index: LogIndex, s3Key: string): LocalLog | undefined {
  const suffix = objectSuffix(s3Key);
  if (suffix === null) return undefined;
  return index.get(suffix) ?? (suffix.endsWith('.gz') ? index.get(suffix.slice(0, -3)) : undefined);
}

/** Local paths of the log files some digest names: the ones to hash. */
export function namedLogPaths(digests: readonly DigestInput[], index: LogIndex): string[] {
  const paths = new Set<string>();
  for (const d of digests) {
    for (const lf of d.entry.digest?.logFiles ?? []) {
      const local = findLocal(index, lf.s3Object);
      if (local) paths.add(local.path);
    }
  }
  return [...paths].sort();
}

export interface LogContext {
  tally: Tally;
  row: IntegrityTrail;
  index: LogIndex;
  hashes: Map<string, LogHash>;
  logOutsideFilter: (s3Key: string) => boolean;
  listed: Set<string>; // local paths named by some digest, filled in here
}

export function checkDigestLogs(d: DigestInput, ctx: LogContext): void {
  const { tally, row } = ctx;
  for (const lf of d.entry.digest?.logFiles ?? []) {
    tally.count(row, 'logsListed');
    const local = findLocal(ctx.index, lf.s3Object);
    if (!local) {
      if (ctx.logOutsideFilter(lf.s3Object)) tally.count(row, 'logsOutsideWindow');
      else tally.find(row, 'logsMissing', { kind: 'log-missing', file: lf.s3Object, digest: d.entry.path, detail: 'named by the digest; not in the input' });
      continue;
    }
    ctx.listed.add(local.path);
    const hash = ctx.hashes.get(local.path);
    if (!hash || hash.sha256 === null) {
      tally.find(row, 'logsModified', { kind: 'log-unreadable', file: local.path, digest: d.entry.path, detail: hash?.error ?? 'not hashed' });
    } else if (lf.hashAlgorithm !== 'SHA-256' && lf.hashAlgorithm !== '') {
      tally.find(row, 'logsModified', { kind: 'unsupported-algorithm', file: local.path, digest: d.entry.path, detail: `hashAlgorithm ${lf.hashAlgorithm}` });
    } else if (hash.sha256 !== lf.hashValue) {
      tally.find(row, 'logsModified', {
        kind: 'log-modified',
        file: local.path,
        digest: d.entry.path,
        detail: `SHA-256 of its uncompressed content is ${hash.sha256}; the digest records ${lf.hashValue}`,
      });
    } else {
      tally.count(row, 'logsValid');
    }
  }
}
