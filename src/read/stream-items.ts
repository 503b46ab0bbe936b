// The stream-json path: decompressed chunks (a file's, or an archive entry's) → stream-json tokens →
// one record at a time, in bounded memory. For the shapes the splitter does not know (pretty-printed
// documents), and the reference the fast path is tested against.
//
//   const { error, bytes } = await streamItems('logs/a.json.gz', (value, origin) => builder.item(value, origin), 250);
import { stat } from 'node:fs/promises';
import { Readable, pipeline } from 'node:stream';
import parser from 'stream-json/parser.js';
import { ReadFailure } from '../errors.js';
import { fileChunks } from './inflate.js';
import { readReason } from './read-reason.js';
import { encodingReason } from './text-encoding.js';
import { TokenRecords, type ItemHandler } from './token-records.js';

export interface ReadOutcome {
  /** Why the input could not be read to the end, or null. Items before the damage were delivered. */
  error: string | null;
  bytes: number; // uncompressed bytes seen
}

/** A file, gunzipped when it is gzip; never throws for damaged input: the outcome says what went wrong. */
export async function streamItems(path: string, onItem: ItemHandler, maxExpansion = Infinity): Promise<ReadOutcome> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch (err) {
    return { error: readReason(err), bytes: 0 };
  }
  return chunkItems(fileChunks(path, size, maxExpansion), onItem);
}

/** Decompressed chunks → items; never throws for damaged input. */
export async function chunkItems(chunks: AsyncIterable<Buffer>, onItem: ItemHandler): Promise<ReadOutcome> {
  const records = new TokenRecords(onItem);
  const tokens = parser.asStream({ packValues: true, streamValues: false, jsonStreaming: true });
  let bytes = 0;
  let sourceError: unknown = null;
  async function* counted(): AsyncGenerator<Buffer> {
    try {
      for await (const chunk of chunks) {
        const encoding = bytes === 0 ? encodingReason(chunk) : null;
        bytes += chunk.length;
        if (encoding !== null) throw new ReadFailure(encoding); // UTF-16 or UTF-32 text
        yield chunk;
      }
    } catch (err) {
      sourceError = err;
      throw err;
    }
  }
  const chain: Readable = pipeline(Readable.from(counted()), tokens, () => {});
  try {
    for await (const token of chain as AsyncIterable<Parameters<TokenRecords['consume']>[0]>) records.consume(token);
  } catch (err) {
    return { error: sourceError !== null ? readReason(sourceError) : `not valid JSON: ${(err as Error).message}`, bytes };
  }
  return { error: records.complete ? null : 'file ends inside a record (truncated)', bytes };
}
