// The hot path's reader: a file's decompressed bytes, one window at a time, always into the same
// window. The window is the SIMD scanner's own memory (splitter/simd-scanner.ts), so the bytes zlib writes are
// the bytes the scanner reads: no output buffer per file, no copy, no garbage, and memory bounded by
// the window whatever the file's size. Measured on the 1 GiB bench corpus, one thread: gunzip into a
// 1 MiB window 0.97 s against 1.19 s for gunzipSync of each whole file (which allocates the whole
// output and faults its pages in).
//
//   for (const chunk of windowChunks(path, size, window, limits)) splitter.push(chunk, onRecord);
//
// Node's zlib offers no public way to inflate into a given buffer synchronously; this uses the zlib
// handle's writeSync, which zlib.gunzipSync is built on, behind a check at start-up that it behaves
// (windowInflateWorks). Anything but a clean file (a zlib error, an unreadable file, expansion past
// the limit) throws WindowFallback before a wrong byte is yielded, and the careful reader reads that
// file again from the start: it salvages damaged gzip exactly and words the reasons.

import { closeSync, openSync, readSync } from 'node:fs';
import zlib from 'node:zlib';
import type { ReadLimits } from './limits.js';

const INPUT_PIECE = 1 << 20;

/** The windowed reader cannot read this file as it is: read it the careful way. */
export class WindowFallback extends Error {}

interface ZlibHandle {
  writeSync(flush: number, input: Uint8Array, inOff: number, inLen: number, out: Uint8Array, outOff: number, outLen: number): void;
  reset(): void;
  onerror: (message: string, errno: number) => void;
}
interface GunzipInternals {
  _handle?: ZlibHandle;
  _writeState?: Uint32Array;
  close(): void;
}

interface Engine {
  handle: ZlibHandle;
  state: Uint32Array;
  failed: () => string | null;
  close: () => void;
  /** Ready for the next file: zlib's state and window are kept (inflateReset), not made again. */
  reset: () => void;
}

/** A gunzip engine whose handle writes into the window, or null where zlib's internals differ. */
function engine(): Engine | null {
  const z = new zlib.Gunzip() as unknown as GunzipInternals;
  const handle = z._handle;
  const state = z._writeState;
  if (typeof handle?.writeSync !== 'function' || typeof handle.reset !== 'function' || !(state instanceof Uint32Array) || state.length !== 2) {
    z.close();
    return null;
  }
  let error: string | null = null;
  handle.onerror = (message) => (error ??= message);
  return { handle, state, failed: () => error, close: () => z.close(), reset: () => ((error = null), handle.reset()) };
}

// One engine per thread, reused file after file: making one (a stream object, its 16 KiB buffer and
// zlib's own state and window) cost ~10 µs a file, the most of a small file's time. After an error
// the engine is dropped, not reused.
let spareEngine: Engine | null = null;

/**
 * The decompressed bytes of a gzip or plain file as successive views of `window` (each valid until
 * the next is taken). Throws WindowFallback instead of yielding bytes it is not sure of.
 */
export function* windowChunks(path: string, size: number, window: Buffer, limits: Pick<ReadLimits, 'maxExpansion'>): Generator<Buffer> {
  if (window.length < INPUT_PIECE) throw new Error('windowChunks: the window must hold an input piece');
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    throw new WindowFallback('cannot open');
  }
  // one input buffer per thread, reused file after file (a fresh 1 MiB per file was GC and page faults)
  const input = spareInput ?? Buffer.allocUnsafe(INPUT_PIECE);
  spareInput = null;
  try {
    const got = readPiece(fd, input);
    if (got < 2 || input[0] !== 0x1f || input[1] !== 0x8b) {
      // not gzip: the file's own bytes, read straight into the window
      window.set(input.subarray(0, got));
      for (let n = got; n > 0; n = readPiece(fd, window)) yield window.subarray(0, n);
      return;
    }
    yield* inflated(input, got, () => readPiece(fd, input), size, window, limits.maxExpansion);
  } finally {
    closeSync(fd);
    spareInput = input;
  }
}

let spareInput: Buffer | null = null;

function readPiece(fd: number, into: Uint8Array): number {
  let n = 0;
  try {
    while (n < into.length) {
      const r = readSync(fd, into, n, into.length - n, null);
      if (r === 0) break;
      n += r;
    }
  } catch {
    throw new WindowFallback('cannot read');
  }
  return n;
}

/** Inflates `input` (its first `got` bytes, then what `more` puts there, 0 at the end) into `window`. */
function* inflated(input: Buffer, got: number, more: () => number, size: number, window: Buffer, maxExpansion: number): Generator<Buffer> {
  const z = spareEngine ?? engine();
  spareEngine = null;
  if (z === null) throw new WindowFallback('zlib internals');
  let clean = false;
  const cap = Math.max(size, 1) * maxExpansion;
  let total = 0;
  try {
    for (;;) {
      const last = got < input.length;
      let off = 0;
      let left = got;
      for (;;) {
        z.handle.writeSync(last ? zlib.constants.Z_FINISH : zlib.constants.Z_NO_FLUSH, input, off, left, window, 0, window.length);
        if (z.failed() !== null) throw new WindowFallback(z.failed() ?? '');
        const have = window.length - z.state[0];
        const used = left - z.state[1];
        off += used;
        left -= used;
        total += have;
        if (total > cap) throw new WindowFallback('expansion');
        if (have > 0) yield window.subarray(0, have);
        // the window not filled: this input is used up (or only bytes after the last member remain)
        if (z.state[0] !== 0 && (left === 0 || (have === 0 && used === 0))) break;
      }
      if (last) {
        // bytes after the last member: zeros (as some writers pad) are allowed, as gunzipSync allows them
        if (left > 0 && input.subarray(off, off + left).some((b) => b !== 0)) throw new WindowFallback('trailing bytes');
        clean = true;
        return;
      }
      got = more();
    }
  } finally {
    // a generator left early (the caller stopped reading) is not clean either: zlib is mid-stream
    if (clean && spareEngine === null) {
      z.reset();
      spareEngine = z;
    } else z.close();
  }
}

let works: boolean | undefined;

/** Whether the zlib handle behaves as this reader needs: checked once per thread on known inputs. */
export function windowInflateWorks(): boolean {
  if (works !== undefined) return works;
  works = false;
  try {
    const text = Buffer.from('{"Records":[' + Array.from({ length: 300 }, (_, i) => `{"i":${i}}`).join(',') + ']}');
    const gz = zlib.gzipSync(text);
    const two = Buffer.concat([gz, gz]);
    // the reader's own loop, over small pieces of input and a window of 1000 bytes; the piece size
    // does not divide a member's length (a member ending with a piece is read the careful way)
    const piece = gz.length % 100 === 0 ? 99 : 100;
    const read = (bytes: Buffer): Buffer => {
      const input = Buffer.alloc(piece);
      let at = 0;
      const more = () => {
        const n = bytes.copy(input, 0, at, at + input.length);
        at += n;
        return n;
      };
      const out: Buffer[] = [];
      for (const chunk of inflated(input, more(), more, bytes.length, Buffer.alloc(1000), 1e6)) out.push(Buffer.from(chunk));
      return Buffer.concat(out);
    };
    const truncatedFails = (() => {
      try {
        read(gz.subarray(0, gz.length - 20));
        return false;
      } catch {
        return true;
      }
    })();
    // the same engine reads both after the first; after the failure, a fresh one
    works = read(gz).equals(text) && read(two).equals(Buffer.concat([text, text])) && truncatedFails && read(gz).equals(text);
  } catch {
    works = false;
  }
  return works;
}
