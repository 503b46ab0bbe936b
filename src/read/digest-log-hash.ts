// SHA-256 of a log file's uncompressed content, which is what a digest's logFiles[].hashValue records.
// Streamed, so a file of any size (or a gzip bomb) costs time, not memory.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import pLimit from 'p-limit';
import { gzipReason, isGzip } from './gzip.js';

export interface LogDigestHash {
  sha256: string | null;
  error: string | null;
}

async function head(path: string): Promise<Buffer> {
  const file = await open(path, 'r');
  try {
    const buf = Buffer.alloc(2);
    const { bytesRead } = await file.read(buf, 0, 2, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

export async function hashLogFile(path: string): Promise<LogDigestHash> {
  const hash = createHash('sha256');
  const sink = async (chunks: AsyncIterable<Buffer>): Promise<void> => {
    for await (const chunk of chunks) hash.update(chunk);
  };
  try {
    const gz = isGzip(await head(path));
    if (gz) await pipeline(createReadStream(path), createGunzip(), sink);
    else await pipeline(createReadStream(path), sink);
    return { sha256: hash.digest('hex'), error: null };
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    return { sha256: null, error: e.code?.startsWith('Z_') ? gzipReason(e) : `cannot read: ${e.message}` };
  }
}

/** Hashes many files a few at a time; the map is keyed by path. */
export async function hashLogFiles(paths: readonly string[], concurrency = availableParallelism() * 2): Promise<Map<string, LogDigestHash>> {
  const limit = pLimit(Math.max(1, concurrency));
  const results = await Promise.all(paths.map((p) => limit(async () => [p, await hashLogFile(p)] as const)));
  return new Map(results);
}
