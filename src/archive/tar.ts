// The entries of a .tar or .tar.gz, in archive order. Tar has no index, so an archive is read from start
// to end, once to list it (discover) and once to read the entries kept (each-entry.ts serves both).
//
//   for await (const e of tarEntries('bundle.tgz', true, 250)) {
//     e.header.name; for await (const chunk of e.body) …   // consume or drain before the next entry
//   }
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import { extract, type Header } from 'tar-stream';
import { ReadFailure, fileReason, gzipReason } from '../errors.js';

export interface TarEntry {
  header: Header;
  index: number; // position among the archive's entries
  body: AsyncIterable<Buffer>; // the entry's bytes; errors are ReadFailures with a reason
}

/** A reason a person can act on, for an error met while reading a tar archive. */
export function tarReason(err: unknown): string {
  const file = fileReason(err);
  if (file !== null) return file;
  const e = err as NodeJS.ErrnoException;
  if (e.code === 'Z_BUF_ERROR') return "the archive's gzip data ends early (truncated archive)";
  if (e.code?.startsWith('Z_')) return `the archive's ${gzipReason(e)}`;
  if (e.message === 'Unexpected end of data') return 'tar data ends early (truncated archive)';
  if (typeof e.code === 'string') return `cannot read: ${e.message}`;
  return `not a valid tar archive (${e.message})`;
}

/**
 * Every entry (files, folders, links…) with its header. `maxExpansion` bounds the archive's own gzip
 * (decompressed/compressed size), as for any gzip file. Errors are thrown as ReadFailures.
 */
export async function* tarEntries(path: string, gzip: boolean, maxExpansion: number): AsyncGenerator<TarEntry> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch (err) {
    throw new ReadFailure(tarReason(err));
  }
  const file = createReadStream(path, { highWaterMark: 1 << 20 });
  const tar = extract();
  const gunzip = gzip ? createGunzip({ chunkSize: 1 << 20 }) : null;
  file.once('error', (err) => tar.destroy(err));
  // When the gzip layer fails (cut short, corrupt, a bomb), the tar parser is let finish the bytes it
  // was already given, so the entries before the damage are read; the gzip error is the reason shown.
  let upstream = null as Error | null; // set by the gzip layer's listener
  const cut = (err: Error) => {
    if (upstream !== null) return;
    upstream = err;
    tar.end(null);
  };
  const reason = (err: unknown) => tarReason(upstream ?? err);
  async function* failing(body: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
    try {
      yield* body;
    } catch (err) {
      throw new ReadFailure(reason(err));
    }
  }
  const tail = new Tail();
  (gunzip ?? file).on('data', (chunk: Buffer) => tail.push(chunk));
  if (gunzip) {
    const cap = Math.max(size, 1) * maxExpansion;
    let out = 0;
    gunzip.once('error', cut);
    gunzip.on('data', (chunk: Buffer) => {
      out += chunk.length;
      if (out > cap)
        gunzip.destroy(
          new ReadFailure(`the archive's gzip expands more than ${maxExpansion}× its size (a gzip bomb?): refused past that point (see --max-expansion)`),
        );
    });
    file.pipe(gunzip).pipe(tar);
  } else file.pipe(tar);
  let index = 0;
  try {
    for await (const entry of tar) yield { header: entry.header, index: index++, body: failing(entry as AsyncIterable<Buffer>) };
    if (upstream !== null) throw upstream;
    // A tar ends with two zero blocks; a stream cut on a block boundary ends cleanly without them.
    if (!tail.zero()) throw new ReadFailure('tar data ends early, with no end-of-archive blocks (truncated archive)');
  } catch (err) {
    throw new ReadFailure(reason(err));
  } finally {
    file.destroy();
    gunzip?.destroy();
    tar.destroy();
  }
}

const END_BLOCKS = 1024;

/** The last bytes of the tar stream, to tell a complete archive from one cut between entries. */
class Tail {
  private last: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): void {
    this.last = chunk.length >= END_BLOCKS ? chunk.subarray(chunk.length - END_BLOCKS) : Buffer.concat([this.last, chunk]).subarray(-END_BLOCKS);
  }

  zero(): boolean {
    return this.last.length === END_BLOCKS && this.last.every((b) => b === 0);
  }
}
