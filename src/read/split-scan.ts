import { readFileSync } from 'node:fs';
import type { FileScan, LogSource } from '../types.js';
import { hasRecordKeyBytes } from '../classify/record-keys.js';
import { FileScanBuilder } from './file-scan.js';
import { fileChunks, gunzippedWhole } from './inflate.js';
import type { ReadLimits } from './limits.js';
import { readReason } from './read-reason.js';
import { LineRecords } from './line-records.js';
import { encodingReason } from './text-encoding.js';
import { mayBeQueryResults } from './query-results-header.js';
import { DEFAULT_MAX_RECORD_BYTES, RecordSplitter, detectShape, mayBeDenial } from './splitter/record-splitter.js';
import { WINDOW, simdScanner } from './splitter/simd-scanner.js';
import { WindowFallback, windowChunks, windowInflateWorks } from './window-chunks.js';

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
 * streamed gunzip, with exact salvage). A shape neither reader knows is left to the stream-json path:
 * null.
 */
export async function splitScan(source: LogSource, limits: ReadLimits): Promise<FileScan | null> {
  if (windowInflateWorks()) {
    const builder = new FileScanBuilder(source.path, {
      named: source.named,
      contentFingerprints: limits.contentFingerprints,
      requestFacts: limits.requestFacts,
    });
    const simd = simdScanner();
    const shared = simd?.takeWindow() ?? null;
    try {
      const window = shared ?? Buffer.allocUnsafe(WINDOW);
      return await scanChunks(windowChunks(source.path, source.size, window, limits), source.path, builder, limits);
    } catch (err) {
      if (!(err instanceof WindowFallback)) throw err;
    } finally {
      if (shared !== null) simd?.releaseWindow();
    }
  }
  // damaged gzip, an unreadable file, a gzip bomb: read again the careful way, which words the reason
  const builder = new FileScanBuilder(source.path, { named: source.named, contentFingerprints: limits.contentFingerprints, requestFacts: limits.requestFacts });
  return scanChunks(decompressed(source, limits), source.path, builder, limits);
}

/**
 * The same over any decompressed chunks (an archive entry's: read/archive-entry-scan.ts). `name` says
 * whether it is JSON Lines. null when the shape is unknown: then only the first chunk has been taken
 * from `chunks`.
 */
export async function scanChunks(
  chunks: AsyncIterable<Buffer> | Iterable<Buffer>,
  name: string,
  builder: FileScanBuilder,
  limits: ReadLimits,
): Promise<FileScan | null> {
  let reader: ChunkReader | null = null;
  let bytes = 0;
  let error: string | null = null;
  try {
    for await (const chunk of chunks) {
      // query results (`report results.csv`): the reader loads only when a file starts like them
      reader ??= mayBeQueryResults(chunk)
        ? (await import('./query-results.js')).queryResultsReader(builder)
        : readerFor(chunk, builder, JSON_LINES_NAME.test(name), limits.strictJson === true);
      if (!reader) return null;
      bytes += chunk.length;
      error = reader.push(chunk);
      if (error !== null) break;
    }
  } catch (err) {
    if (err instanceof WindowFallback) throw err;
    error = readReason(err);
  }
  if (!reader && error === null) return null;
  const end = reader?.end() ?? null;
  return builder.finishRead({ bytes, error: error ?? end });
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

/**
 * Decompressed bytes: small files gunzipped whole (fastest below a few MB), larger ones streamed in
 * 1 MiB chunks (gunzip runs on a libuv thread while the splitter runs here, and memory stays bounded).
 * A whole-file gunzip that fails is retried streamed, so the data before the damage is still read.
 */
async function* decompressed(source: LogSource, limits: ReadLimits): AsyncGenerator<Buffer> {
  // a sync read: on a reading thread there is nothing else to do meanwhile, and it is the fastest
  if (source.size <= limits.wholeFileBytes && (yield* gunzippedWhole(readFileSync(source.path), limits))) return;
  yield* fileChunks(source.path, source.size, limits.maxExpansion);
}
