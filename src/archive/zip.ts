// A .zip's entries from its central directory (yauzl: the index at the end of the file, so listing costs
// one read, and each entry can then be read on its own, on any thread).
//
//   const zip = await openZip('bundle.zip');
//   for await (const e of zipEntries(zip)) e.name, e.kind, e.ref;
//   const bytes = await openZipEntry(zip, ref);   // the entry inflated, sizes and CRC-32 checked
import type { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import yauzl from 'yauzl';
import type { ArchiveEntryRef } from '../types.js';
import { ReadFailure, fileReason } from '../errors.js';
import type { EntryKind } from './entry-kind.js';

export type ZipRef = NonNullable<ArchiveEntryRef['zip']>;

export interface ZipEntry {
  name: string; // as stored ('\' read as '/'), not yet checked for '..' or absolute paths
  kind: EntryKind;
  size: number; // uncompressed
  ref: ZipRef;
}

const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
const S_IFLNK = 0o120000;
const UNIX = 3;
const STORED = 0;
const DEFLATED = 8;
const ENCRYPTED = 0x1;

/** A reason a person can act on, for an error met while reading a zip. */
export function zipReason(err: unknown): string {
  const file = fileReason(err);
  if (file !== null) return file;
  const e = err as NodeJS.ErrnoException;
  if (e.code?.startsWith('Z_')) return `zip entry data is corrupt (${e.message})`;
  if (/end of central directory record signature not found/i.test(e.message)) return 'not a zip archive, or truncated (no central directory at its end)';
  if (/unexpected EOF|overflows file bounds/.test(e.message)) return `zip data ends early (truncated archive): ${e.message}`;
  if (typeof e.code === 'string') return `cannot read: ${e.message}`;
  return `damaged zip archive (${e.message})`;
}

export async function openZip(path: string): Promise<yauzl.ZipFile> {
  try {
    return await yauzl.openPromise(path, { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true });
  } catch (err) {
    throw new ReadFailure(zipReason(err));
  }
}

function kindOf(e: yauzl.Entry, name: string): EntryKind {
  const mode = e.versionMadeBy >> 8 === UNIX ? (e.externalFileAttributes >>> 16) & S_IFMT : 0;
  if (name.endsWith('/') || mode === S_IFDIR) return 'directory';
  if (mode === S_IFLNK) return 'link';
  if (mode !== 0 && mode !== S_IFREG) return 'special';
  if (e.generalPurposeBitFlag & ENCRYPTED) return 'unsupported';
  if (e.compressionMethod !== STORED && e.compressionMethod !== DEFLATED) return 'unsupported';
  return 'file';
}

/** Central directory records in order; a damaged directory ends the listing with a ReadFailure. */
export async function* zipEntries(zip: yauzl.ZipFile): AsyncGenerator<ZipEntry> {
  try {
    for await (const e of zip.eachEntry()) {
      const name = yauzl.getFileNameLowLevel(e.generalPurposeBitFlag, e.fileNameRaw, e.extraFields, false);
      const ref: ZipRef = {
        offset: e.relativeOffsetOfLocalHeader,
        compressedSize: e.compressedSize,
        method: e.compressionMethod,
        flags: e.generalPurposeBitFlag,
        crc32: e.crc32,
      };
      yield { name, kind: kindOf(e, name), size: e.uncompressedSize, ref };
    }
  } catch (err) {
    throw new ReadFailure(zipReason(err));
  }
}

/**
 * The entry's bytes, inflated. yauzl checks the local header and that the entry inflates to exactly
 * the size the directory records, but not the CRC-32: that is checked here, over the bytes as they
 * stream, and a mismatch is thrown after the last chunk (only then is it known), so a reader keeps
 * what it read and reports the entry as damaged. `maxExpansion` bounds deflate's own ratio (a zip bomb).
 */
export async function openZipEntry(zip: yauzl.ZipFile, ref: ZipRef, size: number, maxExpansion: number): Promise<AsyncIterable<Buffer>> {
  // yauzl opens an entry from its directory record; these fields are all it reads from one.
  const entry = Object.assign(new yauzl.Entry(), {
    relativeOffsetOfLocalHeader: ref.offset,
    compressedSize: ref.compressedSize,
    uncompressedSize: size,
    compressionMethod: ref.method,
    generalPurposeBitFlag: ref.flags,
  });
  let stream: Readable;
  try {
    stream = await zip.openReadStreamPromise(entry);
  } catch (err) {
    throw new ReadFailure(zipReason(err));
  }
  return checked(stream, ref.method === DEFLATED ? Math.max(ref.compressedSize, 1) * maxExpansion : Infinity, maxExpansion, ref.crc32 >>> 0);
}

const hex = (n: number) => n.toString(16).padStart(8, '0');

function crcReason(actual: number, recorded: number): string {
  return `zip entry fails its CRC-32 check (content ${hex(actual)}, recorded ${hex(recorded)}): altered or corrupt since it was zipped; its records are kept but cannot be trusted`;
}

async function* checked(stream: Readable, cap: number, maxExpansion: number, recorded: number): AsyncGenerator<Buffer> {
  let out = 0;
  let crc = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      out += chunk.length;
      if (out > cap)
        throw new ReadFailure(`zip entry expands more than ${maxExpansion}× its compressed size (a zip bomb?): refused past that point (see --max-expansion)`);
      crc = crc32(chunk, crc);
      yield chunk;
    }
    if (crc >>> 0 !== recorded) throw new ReadFailure(crcReason(crc >>> 0, recorded));
  } catch (err) {
    throw new ReadFailure(zipReason(err));
  } finally {
    stream.destroy();
  }
}
