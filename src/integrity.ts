// The integrity checks as a library call: discover → read digests, hash the log files they name →
// verify (pure). No network: public keys and signatures come from files captured beforehand.
//
//   const integrity = await verifyIntegrity({ paths: ['AWSLogs/'], filter: { accounts: [], regions: [], since: null, until: null } });
//   integrity.ok, integrity.trails, integrity.failures
import { availableParallelism } from 'node:os';
import pLimit from 'p-limit';
import { parseDigestKey, type DigestKey } from './discover/digest-key.js';
import { discover, isPrunedByKey, parseTrailKey, type Discovery, type PruneFilter } from './discover/index.js';
import type { ArchiveEntry } from './read/archive-entries-each.js';
import { readDigestBytes, readDigestEntries, type DigestBytes } from './read/digest-file.js';
import { hashLogFiles } from './read/digest-log-hash.js';
import type { IntegritySummary, TrailKey } from './types.js';
import { checkIntegrity, digestEntry, namedLogPaths, objectSuffix, type DigestInput, type LocalLog, type LogIndex, type PublicKey } from './verify/index.js';

export interface IntegrityOptions {
  paths: string[];
  filter: PruneFilter;
  publicKeys?: PublicKey[] | null; // from `aws cloudtrail list-public-keys`; null: signatures unchecked
  signatures?: Map<string, string> | null; // digest key → hex signature (see parseSignatures)
  concurrency?: number;
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
  for (const { path } of found.sources) addLog(logs, path);
  for (const { path, reason } of found.skipped) {
    if (reason === 'special-file') continue; // a FIFO or device is never opened (hashing would block)
    if (reason !== 'digest-file') {
      addLog(logs, path);
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
  const fromArchives = await readDigestEntries(digestFiles.flatMap((f) => entries.get(f.path) ?? []), concurrency);
  const bytesOf = async (path: string): Promise<DigestBytes> => fromArchives.get(path) ?? readDigestBytes(path);
  const digests: DigestInput[] = await Promise.all(
    digestFiles.map((f) => limit(async () => ({ entry: digestEntry(f.path, await bytesOf(f.path)), key: f.key, suffix: f.suffix }))),
  );
  const index: LogIndex = new Map(logs.map((l) => [l.suffix, l]));
  const logHashes = await hashLogFiles(namedLogPaths(digests, index), concurrency, entries);

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
  });
}

function addLog(logs: LocalLog[], path: string): void {
  const suffix = objectSuffix(path);
  if (suffix === null) return; // outside the AWSLogs layout: no digest can name it
  const key = parseTrailKey(path);
  logs.push({
    path,
    suffix,
    account: key?.account ?? null,
    region: key?.region ?? null,
    date: key?.date ?? null,
    deliveredAt: key?.deliveredAt ?? null,
  });
}
