// What the pure checks are given: everything read from disk has been read already.
import type { KeyObject } from 'node:crypto';
import type { DigestKey } from '../discover/digest-key.js';
import type { DigestEntry } from './digest.js';

export interface DigestInput {
  entry: DigestEntry;
  key: DigestKey; // from its local path
  suffix: string; // AWSLogs/… part of its local path
}

/** A file of the input that is not a digest: a log file, or what stands in a log file's place. */
export interface LocalLog {
  path: string;
  suffix: string | null; // AWSLogs/… part of the path; null outside the AWSLogs layout
  account: string | null; // null outside AWSLogs/<account>/CloudTrail/<region>/… (e.g. Insight files)
  region: string | null;
  date: string | null; // YYYY-MM-DD delivery day from the folders
  deliveredAt: string | null; // YYYY-MM-DDTHH:mmZ from the file name
  read: boolean; // read as a log file (false: a file discovery skipped, kept only for digests that name it)
}

export interface LogHash {
  sha256: string | null; // of the uncompressed content
  error: string | null;
}

export interface IntegrityInput {
  digests: DigestInput[];
  digestsPruned: number;
  logs: LocalLog[];
  /** By local path; needed for the logs some digest names (see namedLogPaths). */
  logHashes: Map<string, LogHash>;
  /** Fingerprint (lower case) → key; null when no keys were supplied. */
  publicKeys: Map<string, KeyObject> | null;
  /** Digest key (AWSLogs/… part) → hex signature; null when no signatures file was given. */
  signatures: Map<string, string> | null;
  /** True when the filters keep an object with this S3 key out of the input (so its absence is no failure). */
  logOutsideFilter: (s3Key: string) => boolean;
  digestOutsideFilter: (s3Key: string) => boolean;
  /** The window asked for (epoch ms): log files outside it that no digest covers are not mentioned. */
  window: { since: number | null; until: number | null };
  /**
   * Files read outside the AWSLogs layout: true for report --verify (its counts rest on them, so they
   * are unverified), false for verify (they are not trail log files: counted as not examined).
   */
  countOutsideLayout: boolean;
}
