// The integrity checks as a library call: discover → read digests, hash the log files they name →
// verify (pure). No network: public keys and signatures come from files captured beforehand.
//
//   const integrity = await verifyIntegrity({ paths: ['AWSLogs/'], filter: { accounts: [], regions: [], since: null, until: null } });
//   integrity.status, integrity.coverage, integrity.failures
import { availableParallelism } from 'node:os';
import pLimit from 'p-limit';
import { parseDigestKey, type DigestKey } from '../discover/digest-key.js';
import { discover, isPrunedByKey, parseTrailKey, type PruneFilter } from '../discover/index.js';
import type { ArchiveEntry } from '../archive/read-entries.js';
import { readDigestBytes, readDigestEntries, type DigestBytes } from './digest-file.js';
import { hashLogFiles } from './log-hash.js';
import type { IntegritySummary, TrailKey } from '../types.js';
import { checkIntegrity, digestEntry, logIndex, namedLogPaths, objectSuffix, type DigestInput, type LocalLog, type PublicKey } from '../verify/index.js';

export interface IntegrityOptions {
  paths: string[];
  filter: PruneFilter;
  publicKeys?: PublicKey[] | null; // from `aws cloudtrail list-public-keys`; null: signatures unchecked
  signatures?: Map<string, string> | null; // digest key → hex signature (see parseSignatures)
  concurrency?: number;
  /**
   * report --verify: the report read these files, so those outside the AWSLogs layout are unverified
   * input (coverage.outsideLayout). `skipped` names files discovery passed on that the report then
   * skipped after all (they are no input of its). Without it (verify) such files are not examined.
   */
  readByReport?: { skipped: (path: string) => boolean };
}

const DAY = 86_400_000;

const asTrailKey = (k: DigestKey): TrailKey => ({ orgId: k.orgId, account: k.account, region: k.region, date: k.date, deliveredAt: null });

export async function verifyIntegrity(options: IntegrityOptions): Promise<IntegritySummary> {
  const { filter } = options;
  // A digest is delivered up to an hour after the log files it lists: keep one more day of digests
  // than of logs, so every log file kept has its digest.
  const digestFilter: PruneFilter = {
    ...filter,
    since: filter.since === null ? null : filter.since - DAY,
    until: filter.until === null ? null : filter.until + DAY,
  };
  const logOutsideFilter = (s3Key: string): boolean => {
    const key = parseTrailKey(s3Key);
    return key !== null && isPrunedByKey(key, filter);
  };
  const digestOutsideFilter = (s3Key: string): boolean => {
    const key = parseDigestKey(s3Key);
    return key !== null && isPrunedByKey(asTrailKey(key), digestFilter);
  };

  const found = await discover(options.paths, filter);
  const digestFiles: { path: string; key: DigestKey; suffix: string }[] = [];
  let digestsPruned = 0;
  const logs: LocalLog[] = [];
  // Digests and logs inside archives (`bundle.tgz!/AWSLogs/…`) are read through the archive readers.
  const entries = new Map<string, ArchiveEntry>();
  for (const { path, archive, size } of [...found.sources, ...found.skipped]) {
    if (archive) entries.set(path, { path, ref: archive, size: size ?? 0 });
  }
  const readByReport = options.readByReport;
  for (const { path } of found.sources) addLog(logs, path, !(readByReport?.skipped(path) ?? false));
  for (const { path, reason } of found.skipped) {
    if (reason === 'special-file') continue; // a FIFO or device is never opened (hashing would block)
    if (reason !== 'digest-file') {
      addLog(logs, path, false); // not read, but a digest may name it
      continue;
    }
    const key = parseDigestKey(path);
    const suffix = objectSuffix(path);
    if (!key || suffix === null) continue; // under CloudTrail-Digest/ but not named like a digest
    if (isPrunedByKey(asTrailKey(key), digestFilter)) digestsPruned++;
    else digestFiles.push({ path, key, suffix });
  }

  const concurrency = Math.max(1, options.concurrency ?? availableParallelism() * 2);
  const limit = pLimit(concurrency);
  const fromArchives = await readDigestEntries(
    digestFiles.flatMap((f) => entries.get(f.path) ?? []),
    concurrency,
  );
  const bytesOf = async (path: string): Promise<DigestBytes> => fromArchives.get(path) ?? readDigestBytes(path);
  const digests: DigestInput[] = await Promise.all(
    digestFiles.map((f) => limit(async () => ({ entry: digestEntry(f.path, await bytesOf(f.path)), key: f.key, suffix: f.suffix }))),
  );
  const logHashes = await hashLogFiles(namedLogPaths(digests, logIndex(logs)), concurrency, entries);

  return checkIntegrity({
    digests,
    digestsPruned,
    logs,
    logHashes,
    publicKeys: options.publicKeys ? new Map(options.publicKeys.map((k) => [k.fingerprint, k.key])) : null,
    signatures: options.signatures ?? null,
    logOutsideFilter,
    digestOutsideFilter,
    window: { since: filter.since, until: filter.until },
    countOutsideLayout: readByReport !== undefined,
  });
}

function addLog(logs: LocalLog[], path: string, read: boolean): void {
  const suffix = objectSuffix(path); // null outside the AWSLogs layout: no digest can name it
  const key = suffix === null ? null : parseTrailKey(path);
  logs.push({
    path,
    suffix,
    account: key?.account ?? null,
    region: key?.region ?? null,
    date: key?.date ?? null,
    deliveredAt: key?.deliveredAt ?? null,
    read,
  });
}
