import { createReadStream, readFileSync } from 'node:fs';
import { constants, gunzipSync } from 'node:zlib';
import type { LogSource } from '../types.js';
import { FileScanBuilder, RECORD_KEYS } from './file-scan.js';

const RECORD_KEY_BYTES = RECORD_KEYS.map((k) => Buffer.from(`"${k}"`));
import { gunzipChunks } from './gunzip-chunks.js';
import { gzipReason, isGzip, readHead } from './gzip.js';
import { ExpansionError, type ReadLimits } from './limits.js';
import { fileReason } from './read-failure.js';
import { LineRecords } from './line-records.js';
import { encodingReason } from './text-encoding.js';
import { mayBeQueryResults } from './query-results-header.js';
import { DEFAULT_MAX_RECORD_BYTES, RecordSplitter, detectShape, mayBeDenial } from './record-splitter.js';
import { WINDOW, simdScanner } from './splitter-simd.js';
import { WindowFallback, windowChunks, windowInflateWorks } from './window-chunks.js';

/** ok: the file was read (error says why it ended early, if it did); unknown: leave it to stream-json. */
export type SplitOutcome = { kind: 'ok'; bytes: number; error: string | null } | { kind: 'unknown' };

const OPEN_BRACE = 0x7b;
// A longer record is passed over without being held in memory, and counted as damaged.
const TOO_LARGE = `record larger than ${DEFAULT_MAX_RECORD_BYTES / 1024 / 1024} MiB skipped`;

/**
 * The hot path. The file is inflated window by window into the SIMD scanner's memory
 * (window-chunks.ts); trail files, arrays and lookup-events output go through the exact splitter, and
 * only records whose bytes may hold a denial are JSON.parsed (lookup-events entries always are). JSON
 * Lines is read line by line, each line parsed. On damage the records before it are kept and the
 * reason names the offset; a record longer than 64 MiB is skipped unread and counted as damaged. A file
 * the windowed reader is not sure of is read again from the start the careful way (whole-file or
 * streamed gunzip, with exact salvage). A shape neither reader knows is left to the stream-json path.
 */
export async function splitScan(source: LogSource, limits: ReadLimits): Promise<{ builder: FileScanBuilder; outcome: SplitOutcome }> {
  if (windowInflateWorks()) {
    const builder = new FileScanBuilder(source.path, { named: source.named, contentFingerprints: limits.contentFingerprints, requestFacts: limits.requestFacts });
    const simd = simdScanner();
    const shared = simd?.takeWindow() ?? null;
    try {
      const window = shared ?? Buffer.allocUnsafe(WINDOW);
      return { builder, outcome: await scanChunks(windowChunks(source.path, source.size, window, limits), source.path, builder, limits) };
    } catch (err) {
      if (!(err instanceof WindowFallback)) throw err;
    } finally {
      if (shared !== null) simd?.releaseWindow();
    }
  }
  // damaged gzip, an unreadable file, a gzip bomb: read again the careful way, which words the reason
  const builder = new FileScanBuilder(source.path, { named: source.named, contentFingerprints: limits.contentFingerprints, requestFacts: limits.requestFacts });
  return { builder, outcome: await scanChunks(decompressed(source, limits), source.path, builder, limits) };
}

/**
 * The same over any decompressed chunks (an archive entry's: read/archive-entry-scan.ts). `name` says
 * whether it is JSON Lines. On 'unknown' only the first chunk has been taken from `chunks`.
 */
export async function scanChunks(chunks: AsyncIterable<Buffer> | Iterable<Buffer>, name: string, builder: FileScanBuilder, limits: ReadLimits): Promise<SplitOutcome> {
  let reader: ChunkReader | null = null;
  let bytes = 0;
  let error: string | null = null;
  try {
    for await (const chunk of chunks) {
      // query results (`report results.csv`): the reader loads only when a file starts like them
      reader ??= mayBeQueryResults(chunk)
        ? (await import('./query-results.js')).queryResultsReader(builder)
        : readerFor(chunk, builder, JSON_LINES_NAME.test(name), limits.strictJson === true);
      if (!reader) return { kind: 'unknown' };
      bytes += chunk.length;
      error = reader.push(chunk);
      if (error !== null) break;
    }
  } catch (err) {
    if (err instanceof WindowFallback) throw err;
    error = gzipOrFileReason(err);
  }
  if (!reader) return error === null ? { kind: 'unknown' } : { kind: 'ok', bytes, error };
  const end = reader.end();
  return { kind: 'ok', bytes, error: error ?? end };
}

interface ChunkReader {
  push(chunk: Buffer): string | null;
  end(): string | null;
}

function parseInto(builder: FileScanBuilder, bytes: Buffer, origin: 'element' | 'event' | 'top-level'): void {
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch (err) {
    return builder.damaged(`${origin === 'top-level' ? 'a line' : 'a record'} is not valid JSON (${(err as Error).message})`);
  }
  builder.item(value, origin, bytes);
}

// A JSON Lines file is read by line whatever its first line looks like ("[1]" would pass for an array).
const JSON_LINES_NAME = /\.(?:jsonl|ndjson)(?:\.gz)?$/i;

function readerFor(chunk: Buffer, builder: FileScanBuilder, jsonLinesByName: boolean, strictJson: boolean): ChunkReader | null {
  const encoding = encodingReason(chunk);
  if (encoding !== null) return { push: () => encoding, end: () => null };
  const shape = jsonLinesByName ? 'json-lines' : detectShape(chunk);
  // JSON Lines of CloudTrail records are objects, one a line; text that merely starts like a literal,
  // or a pretty-printed document (its first line is a value cut short), is left to stream-json.
  if (shape === null || (shape === 'json-lines' && !jsonLinesByName && !startsLikeJsonLines(chunk))) return null;
  if (shape === 'json-lines') {
    const lines = new LineRecords(DEFAULT_MAX_RECORD_BYTES, () => builder.damaged(TOO_LARGE.replace('record', 'line')));
    let first = true;
    const onLine = (line: Buffer) => {
      // a byte order mark may start the file (the splitter's shapes skip it themselves)
      if (first && line[0] === BOM[0] && line[1] === BOM[1] && line[2] === BOM[2]) line = line.subarray(3);
      first = false;
      parseInto(builder, line, 'top-level');
    };
    return { push: (c) => (lines.push(c, onLine), null), end: () => (lines.end(onLine), null) };
  }
  const origin = shape === 'events-object' ? 'event' : 'element';
  const splitter = new RecordSplitter({
    shape,
    onSkipped: () => builder.damaged(TOO_LARGE),
    scanner: strictJson ? 'wasm' : undefined,
    // lookup-events entries are always parsed (the record is a string inside them)
    // a bare array's elements are each looked at (is it a list of records at all? file-scan.ts)
    onPlain: origin === 'element' && shape !== 'array' ? (count) => builder.unparsedNoError(count) : undefined,
  });
  const onRecord = (record: Buffer, _index: number, _offset: number, hint?: boolean) => {
    if (shape === 'array') builder.noteArrayElement(hasRecordKeyBytes(record));
    if (origin === 'element' && record[0] === OPEN_BRACE && !(hint ?? mayBeDenial(record))) builder.unparsedNoError();
    else parseInto(builder, record, origin);
  };
  return {
    push: (c) => splitter.push(c, onRecord)?.reason ?? null,
    end: () => splitter.end(onRecord).error?.reason ?? null,
  };
}

const BOM = [0xef, 0xbb, 0xbf];

/** Whether an element's bytes hold a key only CloudTrail records have ("eventTime": …), as file-scan.ts asks of parsed ones. */
function hasRecordKeyBytes(bytes: Buffer): boolean {
  for (const key of RECORD_KEY_BYTES) {
    for (let at = bytes.indexOf(key); at >= 0; at = bytes.indexOf(key, at + 1)) {
      let i = at + key.length;
      while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)) i++;
      if (bytes[i] === 0x3a) return true; // a key, not a value
    }
  }
  return false;
}

function firstByte(chunk: Buffer): number {
  let i = chunk[0] === BOM[0] && chunk[1] === BOM[1] && chunk[2] === BOM[2] ? 3 : 0;
  while (i < chunk.length && (chunk[i] === 0x20 || chunk[i] === 0x0a || chunk[i] === 0x0d || chunk[i] === 0x09)) i++;
  return i;
}

/** An object starts the content, and its first line (when the chunk holds a line end) is not a value cut short. */
function startsLikeJsonLines(chunk: Buffer): boolean {
  const start = firstByte(chunk);
  if (chunk[start] !== OPEN_BRACE) return false;
  const end = chunk.indexOf(0x0a, start);
  if (end === -1) return true;
  const probe = new RecordSplitter({ shape: 'json-lines' });
  probe.push(chunk.subarray(start, end), () => undefined);
  return probe.end(() => undefined).error?.kind !== 'truncated';
}

function gzipOrFileReason(err: unknown): string {
  const file = fileReason(err);
  if (file !== null) return file;
  const e = err as NodeJS.ErrnoException;
  if (e.code?.startsWith('Z_')) return gzipReason(e);
  return `cannot read: ${e.message}`;
}

/**
 * Decompressed bytes: small files gunzipped whole (fastest below a few MB), larger ones streamed in
 * 1 MiB chunks (gunzip runs on a libuv thread while the splitter runs here, and memory stays bounded).
 * A whole-file gunzip that fails is retried streamed, so the data before the damage is still read.
 */
async function* decompressed(source: LogSource, limits: ReadLimits): AsyncGenerator<Buffer> {
  // a sync read: on a reading thread there is nothing else to do meanwhile, and it is the fastest
  if (source.size <= limits.wholeFileBytes && (yield* gunzippedWhole(readFileSync(source.path), limits))) return;
  yield* streamed(source, limits);
}

/**
 * A file held whole in memory, decompressed in one call when its gzip trailer says it fits in
 * wholeFileBytes (or yielded as it is when not gzip). false: nothing yielded, stream it instead.
 */
export async function* gunzippedWhole(raw: Buffer, limits: ReadLimits): AsyncGenerator<Buffer, boolean> {
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

async function* streamed(source: LogSource, limits: ReadLimits): AsyncGenerator<Buffer> {
  const file = createReadStream(source.path, { highWaterMark: 1 << 20 });
  if (!isGzip(await readHead(source.path))) return yield* file;
  const cap = Math.max(source.size, 1) * limits.maxExpansion;
  let out = 0;
  for await (const chunk of gunzipChunks(file)) {
    out += chunk.length;
    if (out > cap) throw new ExpansionError(limits.maxExpansion);
    yield chunk;
  }
}
