// One archive entry → FileScan, by the readers files use: the entry's bytes (the archive's own
// compression undone) are gunzipped when they are gzip, then split on the fast path, or read by
// stream-json when the splitter does not know the shape.
//
//   const scan = await scanEntry('bundle.zip!/AWSLogs/…/x.json.gz', bytes, size, limits);
import { Readable } from 'node:stream';
import type { FileScan } from '../types.js';
import { chunkItems } from './stream-items.js';
import { FileScanBuilder } from './file-scan.js';
import { cappedGunzip, gunzippedWhole } from './inflate.js';
import { isGzip } from './gzip.js';
import type { ReadLimits } from './limits.js';
import { scanChunks } from './split-scan.js';

const FIRST_CHUNK = 64 * 1024; // enough for the splitter to tell the shape

export async function scanEntry(path: string, bytes: AsyncIterable<Buffer>, size: number, limits: ReadLimits): Promise<FileScan> {
  const it = decompressed(bytes, size, limits)[Symbol.asyncIterator]();
  let first: Buffer | null = null; // the chunk the splitter took before it gave up
  try {
    if (limits.fastPath) {
      // Not closed by the splitter when it gives up after the first chunk: stream-json takes over.
      const lent: AsyncIterable<Buffer> = {
        [Symbol.asyncIterator]: () => ({
          next: async () => {
            const r = await it.next();
            if (first === null && !r.done) first = r.value;
            return r;
          },
        }),
      };
      const fast = await scanChunks(
        lent,
        path,
        new FileScanBuilder(path, { contentFingerprints: limits.contentFingerprints, requestFacts: limits.requestFacts }),
        limits,
      );
      if (fast !== null) return fast;
    }
    const builder = new FileScanBuilder(path, { contentFingerprints: limits.contentFingerprints, requestFacts: limits.requestFacts });
    const rest: AsyncIterable<Buffer> = { [Symbol.asyncIterator]: () => it };
    return builder.finishRead(await chunkItems(prepend(first, rest), (v, o) => builder.item(v, o)));
  } finally {
    await it.return?.(undefined);
  }
}

async function* prepend(first: Buffer | null, rest: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  if (first) yield first;
  yield* rest;
}

/**
 * The entry's content: small entries gathered and gunzipped whole (as small files are), larger ones
 * streamed with the first chunk at least FIRST_CHUNK long. The gzip-bomb bound is the same as a
 * file's: decompressed/compressed size of the entry's own gzip.
 */
async function* decompressed(bytes: AsyncIterable<Buffer>, size: number, limits: ReadLimits): AsyncGenerator<Buffer> {
  const it = bytes[Symbol.asyncIterator]();
  const want = size <= limits.wholeFileBytes ? Infinity : FIRST_CHUNK;
  const head: Buffer[] = [];
  let got = 0;
  let failure: unknown = null;
  let done = false;
  try {
    while (got < want) {
      const r = await it.next();
      if (r.done) {
        done = true;
        break;
      }
      head.push(r.value);
      got += r.value.length;
    }
  } catch (err) {
    failure = err; // the archive broke inside this entry: read what came before, report the archive's reason
  }
  const raw = head.length === 1 ? head[0] : Buffer.concat(head);
  if (failure !== null || done) {
    try {
      if (!(yield* gunzippedWhole(raw, limits))) yield* cappedGunzip(Readable.from([raw]), raw.length, limits.maxExpansion);
    } catch (err) {
      throw failure ?? err;
    }
    if (failure !== null) throw failure as Error;
    return;
  }
  const rest: AsyncIterable<Buffer> = { [Symbol.asyncIterator]: () => it };
  if (!isGzip(raw)) {
    yield raw;
    yield* rest;
  } else yield* cappedGunzip(Readable.from(prepend(raw, rest)), size, limits.maxExpansion);
}
