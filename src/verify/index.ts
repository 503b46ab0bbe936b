// Offline integrity checks of CloudTrail digest files and the log files they name. Pure: the caller
// reads the files (src/integrity/ does, with discover/, archive/ and read/) and passes what it read.
//
//   const summary = checkIntegrity({ digests, digestsPruned: 0, logs, logHashes, publicKeys: null,
//     signatures: null, logOutsideFilter: () => false, digestOutsideFilter: () => false,
//     window: { since: null, until: null }, countOutsideLayout: false });
//   summary.status, summary.coverage, summary.failures
import { parseDigestKey } from '../discover/digest-key.js';
import type { IntegrityFinding, IntegritySummary } from '../types.js';
import { checkChain } from './chain-check.js';
import { checkCoverage, type DigestState } from './coverage.js';
import { digestCopies } from './digest-copies.js';
import type { DigestInput, IntegrityInput } from './inputs.js';
import { checkDigestLogs, type Naming } from './log-check.js';
import { logIndex } from './log-index.js';
import { checkSignature, type SignatureStatus } from './signature-check.js';
import { verdict } from './status.js';
import { COUNTERS, emptyCounts, Tally } from './tally.js';

export { digestEntry, parseDigest, sha256Hex, type Digest, type DigestEntry } from './digest.js';
export type { DigestInput, IntegrityInput, LocalLog, LogHash } from './inputs.js';
export { findLocal, logIndex, namedLogPaths, type LogIndex } from './log-index.js';
export { objectSuffix } from './object-key.js';
export { parsePublicKeys, type PublicKey } from './public-keys.js';
export { parseSignatures } from './signatures-file.js';
export { signingString, SIGNATURE_ALGORITHM } from './signing.js';
export { PARTIAL_REASONS } from './status.js';

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const chainKey = (d: DigestInput): string => [d.key.orgId ?? '', d.key.account, d.key.region, d.key.trail, d.key.homeRegion].join(' ');

const byEnd = (a: DigestInput, b: DigestInput): number =>
  byText(a.entry.digest?.digestEndTime ?? a.key.endTime, b.entry.digest?.digestEndTime ?? b.key.endTime) || byText(a.entry.path, b.entry.path);

function findingOrder(a: IntegrityFinding, b: IntegrityFinding): number {
  return byText(a.trail, b.trail) || byText(a.file, b.file) || byText(a.kind, b.kind) || byText(a.digest ?? '', b.digest ?? '');
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const t of items) {
    const list = out.get(key(t));
    if (list) list.push(t);
    else out.set(key(t), [t]);
  }
  return out;
}

export function checkIntegrity(input: IntegrityInput): IntegritySummary {
  const tally = new Tally();
  const copies = digestCopies(input.digests);
  const digests = copies.kept;
  const differing = groupBy(copies.differing, (c) => chainKey(c.copy));
  const index = logIndex(input.logs);
  const namings = new Map<string, Naming[]>();
  const signature = new Map<string, SignatureStatus>(); // by digest path

  const chains = groupBy(digests, chainKey);
  for (const key of [...chains.keys()].sort(byText)) {
    const all = chains.get(key) ?? [];
    const first = all[0].key;
    const row = tally.row({ account: first.account, region: first.region, trail: first.trail, homeRegion: first.homeRegion });
    for (const c of differing.get(key) ?? []) tally.find(row, 'chainBreaks', c.finding);
    // Backfill digests list late log files; they chain among themselves, apart from the hourly chain.
    const hourly = all.filter((d) => !d.key.backfill).sort(byEnd);
    const backfill = all.filter((d) => d.key.backfill).sort(byEnd);
    const chainContext = { tally, row, digestOutsideFilter: input.digestOutsideFilter };
    const successor = new Map([...checkChain(hourly, { ...chainContext, backfill: false }), ...checkChain(backfill, { ...chainContext, backfill: true })]);
    for (const d of [...hourly, ...backfill]) {
      tally.count(row, 'digests');
      const end = d.entry.digest?.digestEndTime ?? d.key.endTime;
      if (row.firstDigestEnd === null || end < row.firstDigestEnd) row.firstDigestEnd = end;
      if (row.lastDigestEnd === null || end > row.lastDigestEnd) row.lastDigestEnd = end;
      checkDigestLogs(d, { tally, row, index, hashes: input.logHashes, logOutsideFilter: input.logOutsideFilter, namings });
      const status = checkSignature(d, {
        tally,
        row,
        keys: input.publicKeys,
        signaturesGiven: input.signatures !== null,
        fromFile: input.signatures?.get(d.suffix),
        fromSuccessor: successor.get(d.entry.path),
      });
      signature.set(d.entry.path, status);
    }
  }

  // The signatures file doubles as the list of digests S3 held: one absent here was lost on the way.
  const present = new Set(digests.map((d) => d.suffix));
  for (const suffix of [...(input.signatures?.keys() ?? [])].sort(byText)) {
    const key = parseDigestKey(suffix);
    if (!key || present.has(suffix) || input.digestOutsideFilter(suffix)) continue;
    const row = tally.row({ account: key.account, region: key.region, trail: key.trail, homeRegion: key.homeRegion });
    tally.find(row, 'chainBreaks', { kind: 'digest-missing', file: suffix, digest: null, detail: 'listed in the signatures file; not in the input' });
  }

  // A digest any failure names (moved, modified, unchained, unsigned, …) vouches for nothing.
  const failed = new Set(tally.failures.map((f) => f.file));
  const state = (d: DigestInput): DigestState => (failed.has(d.entry.path) ? 'failed' : (signature.get(d.entry.path) ?? 'failed'));
  const coverage = checkCoverage(
    digests.filter((d) => !d.key.backfill),
    input.logs,
    {
      tally,
      namings,
      state,
      window: input.window,
      countOutsideLayout: input.countOutsideLayout,
    },
  );
  // Nothing verified is not a pass: an auditor reading "OK" would take it for one.
  if (digests.length === 0) {
    tally.failures.push({
      kind: 'digest-missing',
      trail: '-',
      file: 'AWSLogs/…/CloudTrail-Digest/',
      digest: null,
      detail:
        input.digestsPruned > 0
          ? 'every digest file in the input is outside the filters: nothing was verified'
          : 'no digest files in the input: nothing was verified (copy CloudTrail-Digest/ too; the trail needs log file validation turned on)',
    });
  }

  const trails = [...tally.rows.values()].sort((a, b) => byText(a.key, b.key));
  const totals = emptyCounts();
  for (const row of trails) for (const c of COUNTERS) totals[c] += row[c];
  return {
    ...verdict(tally.failures.length, coverage, totals),
    publicKeys: input.publicKeys === null ? null : input.publicKeys.size,
    signatures: input.signatures === null ? null : input.signatures.size,
    digestsPruned: input.digestsPruned,
    coverage,
    totals,
    trails,
    failures: tally.failures.sort(findingOrder),
    notices: tally.notices.sort(findingOrder),
  };
}
