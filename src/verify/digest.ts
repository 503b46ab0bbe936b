// A digest file's content, checked field by field. Hashing an in-memory buffer is not I/O: the reader
// hands over the uncompressed bytes, this module keeps their SHA-256 and the fields, not the bytes.
import { createHash } from 'node:crypto';

export interface DigestLogFile {
  s3Bucket: string;
  s3Object: string;
  hashValue: string;
  hashAlgorithm: string;
}

/** The fields of a digest file the checks use (see the README for what each one means). */
export interface Digest {
  digestStartTime: string;
  digestEndTime: string;
  digestS3Bucket: string;
  digestS3Object: string;
  digestPublicKeyFingerprint: string;
  digestSignatureAlgorithm: string;
  previousDigestS3Bucket: string | null;
  previousDigestS3Object: string | null; // null in a starting digest
  previousDigestHashValue: string | null;
  previousDigestHashAlgorithm: string | null;
  previousDigestSignature: string | null;
  logFiles: DigestLogFile[];
}

/** What the checks know of one digest file found in the input. */
export interface DigestEntry {
  path: string; // local path
  sha256: string | null; // of the uncompressed bytes; null when they could not be read
  digest: Digest | null; // null when unreadable
  error: string | null;
}

const REQUIRED = ['digestStartTime', 'digestEndTime', 'digestS3Bucket', 'digestS3Object', 'digestPublicKeyFingerprint'] as const;
const OPTIONAL = [
  'digestSignatureAlgorithm',
  'previousDigestS3Bucket',
  'previousDigestS3Object',
  'previousDigestHashValue',
  'previousDigestHashAlgorithm',
  'previousDigestSignature',
] as const;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);

function logFile(v: unknown): DigestLogFile | null {
  if (!isRecord(v)) return null;
  const s3Object = text(v.s3Object);
  const hashValue = text(v.hashValue);
  if (s3Object === null || hashValue === null) return null;
  return { s3Bucket: text(v.s3Bucket) ?? '', s3Object, hashValue: hashValue.toLowerCase(), hashAlgorithm: text(v.hashAlgorithm) ?? '' };
}

/** The digest's fields, or why they are not a digest. */
export function parseDigest(json: string): Digest | string {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (err) {
    return `not JSON (${(err as Error).message})`;
  }
  if (!isRecord(raw)) return 'not a JSON object';
  for (const field of REQUIRED) if (text(raw[field]) === null) return `no ${field}`;
  if (!Array.isArray(raw.logFiles)) return 'no logFiles list';
  const logFiles: DigestLogFile[] = [];
  for (const [i, entry] of raw.logFiles.entries()) {
    const parsed = logFile(entry);
    if (!parsed) return `logFiles[${i}] lacks s3Object or hashValue`;
    logFiles.push(parsed);
  }
  const optional = Object.fromEntries(OPTIONAL.map((f) => [f, text(raw[f])])) as Record<(typeof OPTIONAL)[number], string | null>;
  return {
    digestStartTime: raw.digestStartTime as string,
    digestEndTime: raw.digestEndTime as string,
    digestS3Bucket: raw.digestS3Bucket as string,
    digestS3Object: raw.digestS3Object as string,
    digestPublicKeyFingerprint: raw.digestPublicKeyFingerprint as string,
    ...optional,
    digestSignatureAlgorithm: optional.digestSignatureAlgorithm ?? '',
    previousDigestHashValue: optional.previousDigestHashValue?.toLowerCase() ?? null,
    logFiles,
  };
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** One digest file as read: `bytes` uncompressed, or the reason it could not be read. */
export function digestEntry(path: string, read: { bytes: Uint8Array } | { error: string }): DigestEntry {
  if ('error' in read) return { path, sha256: null, digest: null, error: read.error };
  const sha256 = sha256Hex(read.bytes);
  const parsed = parseDigest(Buffer.from(read.bytes).toString('utf8'));
  return typeof parsed === 'string' ? { path, sha256, digest: null, error: parsed } : { path, sha256, digest: parsed, error: null };
}
