import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { pipeline } from 'node:stream';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import parser from 'stream-json/parser.js';
import { isGzip, readHead } from './gzip.js';
import { ReadFailure, fileReason, gzipReason } from '../errors.js';
import { ExpansionError } from './limits.js';
import { encodingReason } from './text-encoding.js';
import { TokenRecords, type ItemHandler } from './token-records.js';

export interface ReadOutcome {
  /** Why the file could not be read to the end, or null. Items before the damage were delivered. */
  error: string | null;
  bytes: number; // uncompressed bytes seen
}

function describe(err: unknown, stage: 'file' | 'gzip' | 'json'): string {
  const e = err as NodeJS.ErrnoException;
  if (err instanceof ReadFailure) return err.message;
  if (stage === 'gzip' || e.code?.startsWith('Z_')) return gzipReason(e);
  const file = fileReason(err);
  if (file !== null) return file;
  if (e.code === 'EISDIR') return 'is a folder, not a file';
  if (stage === 'json') return `not valid JSON: ${e.message}`;
  return `cannot read: ${e.message}`;
}

/**
 * The bounded-memory path: file → (gunzip) → stream-json tokens → one record at a time.
 * Never throws for damaged input; the outcome says what went wrong.
 */
export async function streamItems(path: string, onItem: ItemHandler, maxExpansion = Infinity): Promise<ReadOutcome> {
  let head: Buffer;
  let size: number;
  try {
    head = await readHead(path);
    size = (await stat(path)).size;
  } catch (err) {
    return { error: describe(err, 'file'), bytes: 0 };
  }
  const records = new TokenRecords(onItem);
  const tokens = parser.asStream({ packValues: true, streamValues: false, jsonStreaming: true });
  // pipeline() hands the first error to every stream; the first listener to hear it names the stage.
  let stage: 'file' | 'gzip' | 'json' | null = null;
  const source = createReadStream(path);
  const gunzip = isGzip(head) ? createGunzip() : null;
  source.once('error', () => (stage ??= 'file'));
  gunzip?.once('error', () => (stage ??= 'gzip'));
  tokens.once('error', () => (stage ??= 'json'));
  let bytes = 0;
  const cap = Math.max(size, 1) * maxExpansion;
  let encoding: string | null = null; // UTF-16 or UTF-32 text: named before the parser's complaint
  (gunzip ?? source).on('data', (chunk: Buffer) => {
    if (bytes === 0 && (encoding = encodingReason(chunk)) !== null) (gunzip ?? source).destroy(new ReadFailure(encoding));
    bytes += chunk.length;
    if (gunzip && bytes > cap) gunzip.destroy(new ExpansionError(maxExpansion));
  });
  const chain: Readable = gunzip
    ? pipeline(source, gunzip, tokens, () => {})
    : pipeline(source, tokens, () => {});
  try {
    for await (const token of chain) records.consume(token);
  } catch (err) {
    return { error: encoding ?? describe(err, stage ?? 'json'), bytes };
  }
  return { error: encoding ?? (records.complete ? null : 'file ends inside a record (truncated)'), bytes };
}
