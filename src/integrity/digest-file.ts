// Reads one digest file whole (they are small: one hour's list of log files) and gunzips it; digests
// inside archives are read the same way, through the archive readers.
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { readArchiveEntries, type ArchiveEntry } from '../archive/read-entries.js';
import { isGzip } from '../read/gzip.js';
import { ReadFailure, gzipReason } from '../errors.js';

const MAX_DIGEST_BYTES = 256 * 1024 * 1024; // a digest lists one hour of files; beyond this it is not one

export type DigestBytes = { bytes: Buffer } | { error: string };

/** The uncompressed bytes of a digest file, or why they could not be had. */
export async function readDigestBytes(path: string): Promise<DigestBytes> {
  let raw: Buffer;
  try {
    raw = await readFile(path);
  } catch (err) {
    return { error: `cannot read: ${(err as Error).message}` };
  }
  return ungzipped(raw);
}

/** The same for digests that are archive entries, each archive read once; keyed by entry path. */
export async function readDigestEntries(entries: readonly ArchiveEntry[], concurrency?: number): Promise<Map<string, DigestBytes>> {
  const whole = async (bytes: AsyncIterable<Buffer>): Promise<DigestBytes> => {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of bytes) {
      size += chunk.length;
      if (size > MAX_DIGEST_BYTES) throw new ReadFailure(`larger than ${MAX_DIGEST_BYTES} bytes: not a digest file`);
      chunks.push(chunk);
    }
    return ungzipped(Buffer.concat(chunks));
  };
  const read = await readArchiveEntries(entries, whole, (reason): DigestBytes => ({ error: reason }), { concurrency });
  return new Map(entries.map((e, i) => [e.path, read[i]]));
}

function ungzipped(raw: Buffer): DigestBytes {
  if (!isGzip(raw)) return { bytes: raw };
  try {
    return { bytes: gunzipSync(raw, { maxOutputLength: MAX_DIGEST_BYTES }) };
  } catch (err) {
    return { error: gzipReason(err as NodeJS.ErrnoException) };
  }
}
