// Reads one digest file whole (they are small: one hour's list of log files) and gunzips it.
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { gzipReason, isGzip } from './gzip.js';

const MAX_DIGEST_BYTES = 256 * 1024 * 1024; // a digest lists one hour of files; beyond this it is not one

/** The uncompressed bytes of a digest file, or why they could not be had. */
export async function readDigestBytes(path: string): Promise<{ bytes: Buffer } | { error: string }> {
  let raw: Buffer;
  try {
    raw = await readFile(path);
  } catch (err) {
    return { error: `cannot read: ${(err as Error).message}` };
  }
  if (!isGzip(raw)) return { bytes: raw };
  try {
    return { bytes: gunzipSync(raw, { maxOutputLength: MAX_DIGEST_BYTES }) };
  } catch (err) {
    return { error: gzipReason(err as NodeJS.ErrnoException) };
  }
}
