import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';

const HIGH = 4;

/**
 * Decompressed chunks of a gzip stream, every byte that decompressed before an error included.
 * (An async iterator over a destroyed stream drops its buffered data; a queue fed by 'data' events
 * does not: 'error' is thrown only once the chunks before it have been taken.)
 */
export async function* gunzipChunks(file: Readable, chunkSize = 1 << 20): AsyncGenerator<Buffer> {
  const gunzip = createGunzip({ chunkSize });
  const queue: Buffer[] = [];
  let failure: Error | null = null;
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
