// Offline integrity checks of CloudTrail digest files and the log files they name. Pure: the caller
// reads the files (src/integrity.ts does, with discover/ and read/) and passes what it read.
//
//   const summary = checkIntegrity({ digests, digestsPruned: 0, logs, logHashes, publicKeys: null,
//     signatures: null, logOutsideFilter: () => false, digestOutsideFilter: () => false,
//     window: { since: null, until: null } });
//   summary.ok, summary.trails, summary.failures
import { parseDigestKey } from '../discover/digest-key.js';
import type { IntegrityFinding, IntegritySummary } from '../types.js';
import { checkChain } from './chain-check.js';
import { checkCoverage } from './coverage.js';
import type { DigestInput, IntegrityInput } from './inputs.js';
import { checkDigestLogs, type LogIndex } from './log-check.js';
import { checkSignature } from './signature-check.js';
import { COUNTERS, emptyCounts, Tally } from './tally.js';

export { digestEntry, parseDigest, sha256Hex, type Digest, type DigestEntry } from './digest.js';
export type { DigestInput, IntegrityInput, LocalLog, LogHash } from './inputs.js';
export { findLocal, namedLogPaths, type LogIndex } from './log-check.js';
export { objectSuffix } from './object-key.js';
export { parsePublicKeys, type PublicKey } from './public-keys.js';
export { parseSignatures } from './signatures-file.js';
export { signingString, SIGNATURE_ALGORITHM } from './signing.js';

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const chainKey = (d: DigestInput): string =>
  [d.key.orgId ?? '', d.key.account, d.key.region, d.key.trail, d.key.homeRegion].join(' ');

const byEnd = (a: DigestInput, b: DigestInput): number =>
  byText(a.entry.digest?.digestEndTime ?? a.key.endTime, b.entry.digest?.digestEndTime ?? b.key.endTime) || byText(a.entry.path, b.entry.path);

function findingOrder(a: IntegrityFinding, b: IntegrityFinding): number {
  return byText(a.trail, b.trail) || byText(a.file, b.file) || byText(a.kind, b.kind) || byText(a.digest ?? '', b.digest ?? '');
}

/** One copy per digest key: the same digest reached twice (two folders) is checked once. */
function unique(digests: readonly DigestInput[]): DigestInput[] {
  const seen = new Set<string>();
  return [...digests]
    .sort((a, b) => byText(a.entry.path, b.entry.path))
    .filter((d) => (seen.has(d.suffix) ? false : (seen.add(d.suffix), true)));
}

export function checkIntegrity(input: IntegrityInput): IntegritySummary {
  const tally = new Tally();
  const digests = unique(input.digests);
  const index: LogIndex = new Map();
  for (const log of input.logs) if (!index.has(log.suffix)) index.set(log.suffix, log);
  const listed = new Set<string>();

  const chains = new Map<string, DigestInput[]>();
  for (const d of digests) {
    const key = chainKey(d);
    const chain = chains.get(key);
    if (chain) chain.push(d);
    else chains.set(key, [d]);
  }
  for (const key of [...chains.keys()].sort(byText)) {
    const all = chains.get(key) ?? [];
    const first = all[0].key;
    const row = tally.row({ account: first.account, region: first.region, trail: first.trail, homeRegion: first.homeRegion });
    // Backfill digests list late log files; they are outside the hourly chain.
    const hourly = all.filter((d) => !d.key.backfill).sort(byEnd);
    const successor = checkChain(hourly, { tally, row, digestOutsideFilter: input.digestOutsideFilter });
    for (const d of [...hourly, ...all.filter((x) => x.key.backfill).sort(byEnd)]) {
      tally.count(row, 'digests');
      const end = d.entry.digest?.digestEndTime ?? d.key.endTime;
      if (row.firstDigestEnd === null || end < row.firstDigestEnd) row.firstDigestEnd = end;
      if (row.lastDigestEnd === null || end > row.lastDigestEnd) row.lastDigestEnd = end;
      checkDigestLogs(d, { tally, row, index, hashes: input.logHashes, logOutsideFilter: input.logOutsideFilter, listed });
      checkSignature(d, {
        tally,
        row,
        keys: input.publicKeys,
        fromFile: input.signatures?.get(d.suffix),
        fromSuccessor: successor.get(d.entry.path),
      });
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

  checkCoverage(digests, input.logs, { tally, listed, window: input.window });
  // Nothing verified is not a pass: an auditor reading "OK" would take it for one.
  if (digests.length === 0) {
    tally.failures.push({
      kind: 'digest-missing',
      trail: '-',
      file: 'AWSLogs/…/CloudTrail-Digest/',
      digest: null,
      detail: input.digestsPruned > 0
        ? 'every digest file in the input is outside the filters: nothing was verified'
        : 'no digest files in the input: nothing was verified (copy CloudTrail-Digest/ too; the trail needs log file validation turned on)',
    });
  }

  const trails = [...tally.rows.values()].sort((a, b) => byText(a.key, b.key));
  const totals = emptyCounts();
  for (const row of trails) for (const c of COUNTERS) totals[c] += row[c];
  return {
    ok: tally.failures.length === 0,
    publicKeys: input.publicKeys === null ? null : input.publicKeys.size,
    signatures: input.signatures === null ? null : input.signatures.size,
    digestsPruned: input.digestsPruned,
    totals,
    trails,
    failures: tally.failures.sort(findingOrder),
    notices: tally.notices.sort(findingOrder),
  };
}
