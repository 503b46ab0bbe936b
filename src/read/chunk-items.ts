// The stream-json path over chunks already in memory or coming from an archive entry, where there is
// no file to open (stream-items.ts reads files). Same tokens, same records, same outcome.
import { Readable, pipeline } from 'node:stream';
import parser from 'stream-json/parser.js';
import { ReadFailure, gzipReason } from '../errors.js';
import { encodingReason } from './text-encoding.js';
import type { ReadOutcome } from './stream-items.js';
import { TokenRecords, type ItemHandler } from './token-records.js';

function sourceReason(err: unknown): string {
  if (err instanceof ReadFailure) return err.message;
  const e = err as NodeJS.ErrnoException;
  return e.code?.startsWith('Z_') ? gzipReason(e) : `cannot read: ${e.message}`;
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
        if (encoding !== null) throw new ReadFailure(encoding); // UTF-16 or UTF-32 text
        bytes += chunk.length;
        yield chunk;
      }
    } catch (err) {
      sourceError = err;
      throw err;
    }
  }
  const chain: Readable = pipeline(Readable.from(counted()), tokens, () => {});
  try {
    for await (const token of chain) records.consume(token);
  } catch (err) {
    return { error: sourceError !== null ? sourceReason(sourceError) : `not valid JSON: ${(err as Error).message}`, bytes };
  }
  return { error: records.complete ? null : 'file ends inside a record (truncated)', bytes };
}
