// Where the local copies of the objects digests name are. One rule, used both to choose the files to
// hash and to check them: every copy is kept (two folders, or a folder and a zip of it, hold the same
// object twice), in path order, and every copy is checked, so a tampered one is named whichever of
// the two sorts first.
import type { DigestInput, LocalLog } from './inputs.js';
import { objectSuffix } from './object-key.js';

export type LogIndex = ReadonlyMap<string, readonly LocalLog[]>; // AWSLogs/… suffix → copies, by path

const byPath = (a: LocalLog, b: LocalLog): number => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

export function logIndex(logs: readonly LocalLog[]): LogIndex {
  const index = new Map<string, LocalLog[]>();
  for (const log of logs) {
    if (log.suffix === null) continue; // outside the AWSLogs layout: no digest can name it
    const copies = index.get(log.suffix);
    if (copies) copies.push(log);
    else index.set(log.suffix, [log]);
  }
  for (const copies of index.values()) copies.sort(byPath);
  return index;
}

/** The local copies of an object a digest names; copies someone gunzipped (no .gz) are found too. */
export function findLocal(index: LogIndex, s3Key: string): readonly LocalLog[] {
  const suffix = objectSuffix(s3Key);
  if (suffix === null) return [];
  const exact = index.get(suffix) ?? [];
  const gunzipped = suffix.endsWith('.gz') ? (index.get(suffix.slice(0, -3)) ?? []) : [];
  return gunzipped.length === 0 ? exact : [...exact, ...gunzipped].sort(byPath);
}

/** Local paths of the log files some digest names: the ones to hash. */
export function namedLogPaths(digests: readonly DigestInput[], index: LogIndex): string[] {
  const paths = new Set<string>();
  for (const d of digests) {
    for (const lf of d.entry.digest?.logFiles ?? []) for (const local of findLocal(index, lf.s3Object)) paths.add(local.path);
  }
  return [...paths].sort();
}
