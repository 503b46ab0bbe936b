import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { pipeline } from 'node:stream';
import { createGunzip, gunzipSync } from 'node:zlib';
import type { LogSource } from '../types.js';
import type { FileScanBuilder } from './file-scan.js';
import { isGzip } from './gzip.js';
import type { ReadLimits } from './limits.js';
import { RecordSplitter, mayBeDenial, type ContainerShape } from './record-splitter.js';
import { readHead } from './stream-items.js';
import type { ItemOrigin } from './token-records.js';

export type SplitOutcome = { ok: true; bytes: number } | { ok: false; why: string };

const OPEN_BRACE = 0x7b;
const ORIGIN: Record<ContainerShape, ItemOrigin> = {
  'records-object': 'element',
  array: 'element',
  'json-lines': 'top-level',
  'events-object': 'event',
};

/**
 * The hot path: exact record boundaries from the splitter, JSON.parse only for records whose bytes
 * may hold a denial (trail records) or that need a closer look (JSON Lines, lookup-events). Whatever
 * it cannot vouch for (an unknown shape, damage, a record that does not parse, a gzip bomb) is handed
 * back as {ok: false} and the stream-json path reads the file from the start, so both paths always
 * count the same.
 */
export async function splitScan(source: LogSource, builder: FileScanBuilder, limits: ReadLimits): Promise<SplitOutcome> {
  const splitter = new RecordSplitter();
  let bad: string | null = null;
  const onRecord = (record: Buffer) => {
    if (bad !== null) return;
    const origin = ORIGIN[splitter.detectedShape ?? 'records-object'];
    if (origin === 'element' && record[0] === OPEN_BRACE && !mayBeDenial(record)) return builder.unparsedNoError();
    let value: unknown;
    try {
      value = JSON.parse(record.toString('utf8'));
    } catch {
      bad = 'a record does not parse';
      return;
    }
    builder.item(value, origin);
  };

  let bytes = 0;
  try {
    const whole = await wholeFile(source, limits);
    if (whole) {
      bytes = whole.length;
      splitter.push(whole, onRecord);
    } else {
      for await (const chunk of chunks(source.path, source.size, limits)) {
        bytes += chunk.length;
        if (splitter.push(chunk, onRecord) || bad !== null) break;
      }
    }
  } catch (err) {
    return { ok: false, why: (err as Error).message };
  }
  const end = splitter.end(onRecord);
  if (bad !== null) return { ok: false, why: bad };
  if (end.error) return { ok: false, why: end.error.reason };
  return { ok: true, bytes };
}

/** The decompressed file when its size is known to fit the budget, else null (read in chunks). */
async function wholeFile(source: LogSource, limits: ReadLimits): Promise<Buffer | null> {
  if (source.size > limits.wholeFileBytes) return null;
  const raw = await readFile(source.path);
  if (!isGzip(raw)) return raw;
  // ISIZE, the trailer's last 4 bytes, is the uncompressed size mod 2^32 (of the last member only):
  // a sizing hint; maxOutputLength is the real bound.
  const isize = raw.length >= 18 ? raw.readUInt32LE(raw.length - 4) : 0;
  const cap = Math.min(limits.wholeFileBytes, raw.length * limits.maxExpansion);
  if (isize > cap) return null;
  try {
    return gunzipSync(raw, { chunkSize: Math.max(64 * 1024, Math.min(isize + 1, cap)), maxOutputLength: cap });
  } catch (err) {
    // More than ISIZE promised (several gzip members, or a bomb): the chunked path decides.
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return null;
    throw err;
  }
}

async function* chunks(path: string, size: number, limits: ReadLimits): AsyncGenerator<Buffer> {
  const file = createReadStream(path, { highWaterMark: 1 << 20 });
  if (!isGzip(await readHead(path))) return yield* file;
  const cap = Math.max(size, 1) * limits.maxExpansion;
  let out = 0;
  for await (const chunk of pipeline(file, createGunzip({ chunkSize: 1 << 20 }), () => {})) {
    out += (chunk as Buffer).length;
    if (out > cap) throw new Error('gzip bomb');
    yield chunk as Buffer;
  }
}
