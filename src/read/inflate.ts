// A file's or an archive entry's bytes, gzip undone when they are gzip (told by content, never by
// name), every byte that inflated before damage delivered first, and the gzip-bomb bound applied.
// The careful readers: the hot path inflates into the scanner's window instead (window-chunks.ts) and
// comes here only for a file it is not sure of, which is then read again from the start.
//
//   for await (const chunk of fileChunks(path, size, 250)) …      // streamed, 1 MiB at a time
//   if (!(yield* gunzippedWhole(raw, limits))) …                   // small: one call, or salvaged exactly
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { constants, createGunzip, gunzipSync } from 'node:zlib';
import { isGzip, readHead } from './gzip.js';
import { ExpansionError, type ReadLimits } from './limits.js';

const HIGH = 4;

/**
 * Decompressed chunks of a gzip stream, every byte that decompressed before an error included.
 * (An async iterator over a destroyed stream drops its buffered data; a queue fed by 'data' events
 * does not: 'error' is thrown only once the chunks before it have been taken.)
 */
export async function* gunzipChunks(file: Readable, chunkSize = 1 << 20): AsyncGenerator<Buffer> {
  const gunzip = createGunzip({ chunkSize });
  const queue: Buffer[] = [];
  let failure = null as Error | null; // set by the listeners
  let ended = false;
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  gunzip.on('data', (chunk: Buffer) => {
    queue.push(chunk);
    if (queue.length >= HIGH) gunzip.pause();
    notify();
  });
  gunzip.once('end', () => ((ended = true), notify()));
  const fail = (err: Error) => ((failure ??= err), notify());
  gunzip.once('error', fail);
  file.once('error', fail);
  file.pipe(gunzip);
  try {
    for (;;) {
      const chunk = queue.shift();
      if (chunk) {
        if (queue.length < HIGH) gunzip.resume();
        yield chunk;
        continue;
      }
      if (failure) throw failure;
      if (ended) return;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    file.destroy();
    gunzip.destroy();
  }
}

/** gunzipChunks, refused past `maxExpansion` times the `compressed` size (an ExpansionError). */
export async function* cappedGunzip(input: Readable, compressed: number, maxExpansion: number): AsyncGenerator<Buffer> {
  const cap = Math.max(compressed, 1) * maxExpansion;
  let out = 0;
  for await (const chunk of gunzipChunks(input)) {
    out += chunk.length;
    if (out > cap) throw new ExpansionError(maxExpansion);
    yield chunk;
  }
}

/** A file's content streamed in 1 MiB chunks: gunzipped when it is gzip. */
export async function* fileChunks(path: string, size: number, maxExpansion: number): AsyncGenerator<Buffer> {
  const file = createReadStream(path, { highWaterMark: 1 << 20 });
  if (isGzip(await readHead(path))) yield* cappedGunzip(file, size, maxExpansion);
  else yield* file as AsyncIterable<Buffer>;
}

/**
 * A file held whole in memory, decompressed in one call when its gzip trailer says it fits in
 * wholeFileBytes (or yielded as it is when not gzip). false: nothing yielded, stream it instead.
 */
export function* gunzippedWhole(raw: Buffer, limits: ReadLimits): Generator<Buffer, boolean> {
  if (!isGzip(raw)) {
    yield raw;
    return true;
  }
  // ISIZE (the trailer's last 4 bytes) is the uncompressed size mod 2^32 of the last member only:
  // a sizing hint, never trusted as a bound.
  const isize = raw.length >= 18 ? raw.readUInt32LE(raw.length - 4) : 0;
  if (isize <= limits.wholeFileBytes) {
    const cap = Math.min(limits.wholeFileBytes, raw.length * limits.maxExpansion);
    const options = { chunkSize: Math.max(64 * 1024, Math.min(isize + 1, cap)), maxOutputLength: cap };
    let whole: Buffer | null = null;
    try {
      whole = gunzipSync(raw, options);
    } catch (err) {
      const salvage = salvageable(raw, err as NodeJS.ErrnoException);
      if (salvage) {
        yield gunzipSync(salvage, { ...options, finishFlush: constants.Z_SYNC_FLUSH });
        throw err;
      }
      // Larger than promised, or damaged mid-stream: the streamed path reads up to the damage.
    }
    if (whole) {
      yield whole;
      return true;
    }
  }
  return false;
}

/**
 * The bytes from which everything before a gzip error can be decompressed exactly: zlib reads a
 * truncated stream with Z_SYNC_FLUSH, and a stream whose trailer (CRC-32, size) is wrong is read
 * the same way without its trailer. Corruption inside the data is left to the streamed path.
 */
function salvageable(raw: Buffer, err: NodeJS.ErrnoException): Buffer | null {
  if (err.code === 'Z_BUF_ERROR') return raw;
  if (err.code === 'Z_DATA_ERROR' && /incorrect (data|length) check/.test(err.message)) return raw.subarray(0, raw.length - 8);
  return null;
}
