// The log files a digest names: present, and the SHA-256 of their uncompressed content as recorded.
// (AWS: "logFiles.hashValue — the hexadecimal encoded hash value of the uncompressed log file content".)
import type { IntegrityTrail } from '../types.js';
import type { DigestInput, LogHash } from './inputs.js';
import { findLocal, type LogIndex } from './log-index.js';
import type { Tally } from './tally.js';

/** One digest naming one local file, and whether the file's hash is what the digest records. */
export interface Naming {
  digest: DigestInput;
  hashMatches: boolean;
}

export interface LogContext {
  tally: Tally;
  row: IntegrityTrail;
  index: LogIndex;
  hashes: Map<string, LogHash>;
  logOutsideFilter: (s3Key: string) => boolean;
  namings: Map<string, Naming[]>; // by local path: the digests naming it, filled in here
}

/** Checks every local copy of every log file `d` lists; an entry is valid when every copy matches. */
export function checkDigestLogs(d: DigestInput, ctx: LogContext): void {
  const { tally, row } = ctx;
  for (const lf of d.entry.digest?.logFiles ?? []) {
    tally.count(row, 'logsListed');
    const copies = findLocal(ctx.index, lf.s3Object);
    if (copies.length === 0) {
      if (ctx.logOutsideFilter(lf.s3Object)) tally.count(row, 'logsOutsideWindow');
      else tally.find(row, 'logsMissing', { kind: 'log-missing', file: lf.s3Object, digest: d.entry.path, detail: 'named by the digest; not in the input' });
      continue;
    }
    let valid = true;
    for (const local of copies) {
      const hashMatches = checkCopy(d, lf, local.path, ctx);
      valid &&= hashMatches;
      const list = ctx.namings.get(local.path);
      if (list) list.push({ digest: d, hashMatches });
      else ctx.namings.set(local.path, [{ digest: d, hashMatches }]);
    }
    if (valid) tally.count(row, 'logsValid');
  }
}

function checkCopy(d: DigestInput, lf: { hashValue: string; hashAlgorithm: string }, path: string, ctx: LogContext): boolean {
  const { tally, row } = ctx;
  const hash = ctx.hashes.get(path);
  if (!hash || hash.sha256 === null) {
    tally.find(row, 'logsModified', { kind: 'log-unreadable', file: path, digest: d.entry.path, detail: hash?.error ?? 'not hashed' });
  } else if (lf.hashAlgorithm !== 'SHA-256' && lf.hashAlgorithm !== '') {
    tally.find(row, 'logsModified', { kind: 'unsupported-algorithm', file: path, digest: d.entry.path, detail: `hashAlgorithm ${lf.hashAlgorithm}` });
  } else if (hash.sha256 !== lf.hashValue) {
    tally.find(row, 'logsModified', {
      kind: 'log-modified',
      file: path,
      digest: d.entry.path,
      detail: `SHA-256 of its uncompressed content is ${hash.sha256}; the digest records ${lf.hashValue}`,
    });
  } else {
    return true;
  }
  return false;
}
