// The hourly chain of one trail in one region: each digest names the one before it (key, SHA-256 of
// its uncompressed content, signature). A missing, altered, inserted or renamed digest breaks a link.
import { parseDigestKey } from '../discover/digest-key.js';
import type { IntegrityTrail } from '../types.js';
import type { DigestInput } from './inputs.js';
import { objectSuffix } from './object-key.js';
import type { Tally } from './tally.js';

export interface ChainContext {
  tally: Tally;
  row: IntegrityTrail;
  digestOutsideFilter: (s3Key: string) => boolean;
  /**
   * Backfill digests chain among themselves, apart from the hourly chain (the AWS CLI's validate-logs
   * walks them as a chain of their own); each batch of late log files may start one, so a starting
   * backfill digest is no sign of logging having been off.
   */
  backfill: boolean;
}

/**
 * Checks the links of a chain sorted by end time; returns, by local path, the signature each digest's
 * successor records for it (previousDigestSignature): offline, that is where a signature comes from.
 */
export function checkChain(chain: readonly DigestInput[], ctx: ChainContext): Map<string, string> {
  const { tally, row } = ctx;
  const bySuffix = new Map(chain.map((d) => [d.suffix, d]));
  const referenced = new Set<string>();
  const successorSignature = new Map<string, string>();
  const earliest = chain[0]?.key.endTime ?? '';

  for (const [i, d] of chain.entries()) {
    const digest = d.entry.digest;
    if (!digest) {
      tally.find(row, 'chainBreaks', { kind: 'digest-unreadable', file: d.entry.path, digest: null, detail: d.entry.error ?? 'unreadable' });
      continue;
    }
    if (objectSuffix(digest.digestS3Object) !== d.suffix) {
      tally.find(row, 'chainBreaks', {
        kind: 'digest-moved',
        file: d.entry.path,
        digest: null,
        detail: `its digestS3Object is ${digest.digestS3Object}: it is not where CloudTrail put it`,
      });
    }
    const previous = digest.previousDigestS3Object;
    if (previous === null) {
      const before = chain[i - 1];
      if (before && !ctx.backfill) {
        tally.find(row, 'chainRestarts', {
          kind: 'chain-restart',
          file: d.entry.path,
          digest: null,
          detail:
            `a starting digest: no digest chain between ${before.key.endTime} and ${digest.digestStartTime}; ` +
            'CloudTrail logging or log file validation was off (look for StopLogging and UpdateTrail events)',
        });
      }
      continue;
    }
    const suffix = objectSuffix(previous);
    const target = suffix === null ? undefined : bySuffix.get(suffix);
    if (!target) {
      const end = parseDigestKey(previous)?.endTime;
      const beforeInput = end !== undefined && end < earliest;
      if (!beforeInput && !ctx.digestOutsideFilter(previous)) {
        tally.find(row, 'chainBreaks', {
          kind: 'digest-missing',
          file: previous,
          digest: d.entry.path,
          detail: 'named as the previous digest; not in the input',
        });
      }
      continue;
    }
    referenced.add(target.entry.path);
    if (digest.previousDigestSignature !== null) successorSignature.set(target.entry.path, digest.previousDigestSignature);
    if (target.entry.sha256 === null) continue; // unreadable: reported as such
    const algorithm = digest.previousDigestHashAlgorithm;
    if (algorithm !== null && algorithm !== 'SHA-256') {
      tally.find(row, 'chainBreaks', {
        kind: 'unsupported-algorithm',
        file: target.entry.path,
        digest: d.entry.path,
        detail: `previousDigestHashAlgorithm ${algorithm}`,
      });
    } else if (digest.previousDigestHashValue !== target.entry.sha256) {
      tally.find(row, 'chainBreaks', {
        kind: 'digest-modified',
        file: target.entry.path,
        digest: d.entry.path,
        detail: `SHA-256 of its uncompressed content is ${target.entry.sha256}; the next digest records ${digest.previousDigestHashValue ?? 'none'}`,
      });
    }
  }

  // A digest no successor names, while the successor names another present digest: skipped over.
  for (const [i, d] of chain.slice(0, -1).entries()) {
    if (!d.entry.digest || referenced.has(d.entry.path)) continue;
    const next = chain[i + 1].entry.digest;
    const nextPrevious = next?.previousDigestS3Object ?? null;
    const suffix = nextPrevious === null ? null : objectSuffix(nextPrevious);
    if (suffix !== null && bySuffix.has(suffix)) {
      tally.find(row, 'chainBreaks', {
        kind: 'digest-unchained',
        file: d.entry.path,
        digest: chain[i + 1].entry.path,
        detail: `no later digest names it as previous; the next one names ${nextPrevious}`,
      });
    }
  }
  return successorSignature;
}
