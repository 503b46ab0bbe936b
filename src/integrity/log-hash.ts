// SHA-256 of a log file's uncompressed content, which is what a digest's logFiles[].hashValue records.
// Streamed, so a file of any size (or a gzip bomb) costs time, not memory. A log file inside an archive
// is hashed over its content with both the archive's compression and its own gzip undone.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import pLimit from 'p-limit';
import { readArchiveEntries, type ArchiveEntry } from '../archive/read-entries.js';
import { isGzip, readHead } from '../read/gzip.js';
import { readReason } from '../read/read-reason.js';

export interface LogDigestHash {
  sha256: string | null;
  error: string | null;
}

function hashFailure(err: unknown): LogDigestHash {
  return { sha256: null, error: readReason(err) };
}

async function sha256Of(input: Readable, gzip: boolean): Promise<string> {
  const hash = createHash('sha256');
  const sink = async (chunks: AsyncIterable<Buffer>): Promise<void> => {
    for await (const chunk of chunks) hash.update(chunk);
  };
  if (gzip) await pipeline(input, createGunzip(), sink);
  else await pipeline(input, sink);
  return hash.digest('hex');
}

export async function hashLogFile(path: string): Promise<LogDigestHash> {
  try {
    const gz = isGzip(await readHead(path));
    return { sha256: await sha256Of(createReadStream(path), gz), error: null };
  } catch (err) {
    return hashFailure(err);
  }
}

/** An archive entry's bytes (the archive's compression undone) → the hash of its content. */
export async function hashLogBytes(bytes: AsyncIterable<Buffer>): Promise<LogDigestHash> {
  const it = bytes[Symbol.asyncIterator]();
  const first: Buffer[] = [];
  try {
    let got = 0;
    while (got < 2) {
      const r = await it.next();
      if (r.done) break;
      first.push(r.value);
      got += r.value.length;
    }
    async function* all(): AsyncGenerator<Buffer> {
      yield* first;
      for (let r = await it.next(); !r.done; r = await it.next()) yield r.value;
    }
    return { sha256: await sha256Of(Readable.from(all()), isGzip(Buffer.concat(first))), error: null };
  } catch (err) {
    return hashFailure(err);
  }
}

/**
 * Hashes many files a few at a time; the map is keyed by path. Paths found in `entries` are archive
 * entries: each archive is read once (a tar sequentially), hashing every entry asked for as it passes.
 */
export async function hashLogFiles(
  paths: readonly string[],
  concurrency = availableParallelism() * 2,
  entries: ReadonlyMap<string, ArchiveEntry> = new Map(),
): Promise<Map<string, LogDigestHash>> {
  const limit = pLimit(Math.max(1, concurrency));
  const inArchives = paths.flatMap((p) => entries.get(p) ?? []);
  const onDisk = paths.filter((p) => !entries.has(p));
  const [files, fromArchives] = await Promise.all([
    Promise.all(onDisk.map((p) => limit(async () => [p, await hashLogFile(p)] as const))),
    readArchiveEntries(inArchives, hashLogBytes, (reason): LogDigestHash => ({ sha256: null, error: reason }), { concurrency }),
  ]);
  return new Map([...files, ...inArchives.map((e, i) => [e.path, fromArchives[i]] as const)]);
}
