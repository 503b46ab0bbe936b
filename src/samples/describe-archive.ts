// An independent count over generated files, read back from their JSON text: what a correct
// analyzer must find. Other tests compare the pipeline's totals with this.
import type { Counted } from '../types.js';
import { isIntegrityPath } from './integrity-files.js';
import type { SampleFile } from './log-file.js';

export interface ArchiveDescription {
  files: number;
  logFiles: number;
  digestFiles: number;
  /** The captured public keys and signatures (integrity/…): neither logs nor digests. */
  integrityFiles: number;
  /** Uncompressed characters over all files. */
  characters: number;
  records: number;
  /** Records that carry an errorCode (console sign-in failures carry none). */
  recordsWithErrorCode: number;
  /** ConsoleLogin records whose responseElements.ConsoleLogin is "Failure". */
  consoleLoginFailures: number;
  /** Records whose eventID was already seen in an earlier file (by path order). */
  duplicateRecords: number;
  uniqueEventIds: number;
  byErrorCode: Counted[];
  byAccount: Counted[];
  byRegion: Counted[];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function bump(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

function sorted(counts: Map<string, number>): Counted[] {
  return [...counts.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, count]) => ({ key, count }));
}

export function isDigestPath(path: string): boolean {
  return path.includes('/CloudTrail-Digest/');
}

export function describeArchive(files: readonly SampleFile[]): ArchiveDescription {
  const seen = new Set<string>();
  const byErrorCode = new Map<string, number>();
  const byAccount = new Map<string, number>();
  const byRegion = new Map<string, number>();
  const result = { files: files.length, logFiles: 0, digestFiles: 0, integrityFiles: 0, characters: 0, records: 0, recordsWithErrorCode: 0, consoleLoginFailures: 0, duplicateRecords: 0 };
  for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    result.characters += file.content.length;
    if (isDigestPath(file.path)) {
      result.digestFiles += 1;
      continue;
    }
    if (isIntegrityPath(file.path)) {
      result.integrityFiles += 1;
      continue;
    }
    result.logFiles += 1;
    const parsed: unknown = JSON.parse(file.content);
    const records = isObject(parsed) && Array.isArray(parsed.Records) ? parsed.Records : [];
    for (const record of records) {
      if (!isObject(record)) continue;
      result.records += 1;
      const id = typeof record.eventID === 'string' ? record.eventID : '';
      if (seen.has(id)) result.duplicateRecords += 1;
      seen.add(id);
      if (typeof record.errorCode === 'string') {
        result.recordsWithErrorCode += 1;
        bump(byErrorCode, record.errorCode);
      }
      if (record.eventName === 'ConsoleLogin' && isObject(record.responseElements) && record.responseElements.ConsoleLogin === 'Failure') {
        result.consoleLoginFailures += 1;
      }
      bump(byAccount, typeof record.recipientAccountId === 'string' ? record.recipientAccountId : '');
      bump(byRegion, typeof record.awsRegion === 'string' ? record.awsRegion : '');
    }
  }
  return { ...result, uniqueEventIds: seen.size, byErrorCode: sorted(byErrorCode), byAccount: sorted(byAccount), byRegion: sorted(byRegion) };
}
