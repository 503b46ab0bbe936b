// The splitter's fastest inner loop as JavaScript sees it: one instance per thread of the WebAssembly
// SIMD scan assembled in simd-module.ts (what it checks and flags is said there), its state between
// calls, and the window a file is inflated into so that the bytes zlib writes are the bytes it scans.
import { COPY, DATA, ESC_TABLE, GAP_FIRST, OUT, STACK, WINDOW, simdModuleBytes } from './simd-module.js';
import { instantiate, perThread } from './wasm-asm.js';
import { NEED_MORE } from './wasm-scanner.js';

export { WINDOW } from './simd-module.js';

/** State of a scan between calls, kept by its splitter (several splitters may share the instance). */
export interface SimdState {
  depth: number;
  gap: number;
  inString: boolean;
  escape: boolean;
  flag: boolean;
  /** Kinds of the open brackets (the first `depth`). */
  stack: Uint8Array;
}

export function newSimdState(): SimdState {
  return { depth: 0, gap: GAP_FIRST, inString: false, escape: false, flag: false, stack: new Uint8Array(16) };
}

/** One instance per thread. Positions it reports are indexes into the Buffer given to scan(). */
export class SimdScanner {
  private readonly fn: (p: number, end: number, lo: number) => number;
  private readonly u8: Uint8Array;
  private readonly i32: Int32Array;
  private origin = 0; // memory address of the scanned Buffer's first byte
  /** Records found by the last scan(). */
  count = 0;
  /** Where the last scan() stopped: the window's end, the byte left to the caller, or the damage. */
  at = 0;
  /** Start of the record under way after NEED_MORE, -1 when it began before the last scan(). */
  pending = -1;

  /** The window in this scanner's memory: a Buffer read into here is scanned where it lies. */
  private readonly window: Buffer;
  private windowTaken = false;

  constructor() {
    const { fn, memory } = instantiate(simdModuleBytes());
    this.fn = fn;
    this.u8 = new Uint8Array(memory);
    this.i32 = new Int32Array(memory);
    this.window = Buffer.from(memory, DATA, WINDOW);
    for (const ch of '"\\/bfnrtu') this.u8[ESC_TABLE + ch.charCodeAt(0)] = 1;
  }

  /**
   * Scans b[i, min(n, i + WINDOW)): returns NEED_MORE (that window is used up: `at` is its end),
   * the code of damage at `at`, or `at` itself when the caller must read the byte there. Records found
   * are read with start/end/flagged before the next call.
   */
  scan(state: SimdState, b: Buffer, i: number, n: number): number {
    const len = Math.min(n - i, WINDOW);
    const u8 = this.u8;
    const i32 = this.i32;
    // b[0] is at memory address `at`: in this memory (the window, or a view of it), or in a copy
    const inPlace = b.buffer === u8.buffer;
    const at = inPlace ? b.byteOffset : COPY - i;
    if (!inPlace) u8.set(len === b.length ? b : b.subarray(i, i + len), COPY);
    this.origin = at;
    i32[0] = state.depth;
    i32[3] = state.gap;
    i32[4] = i32[5] = state.inString ? -1 : 0;
    i32[6] = state.escape ? 1 : 0;
    i32[7] = 0;
    i32[8] = state.flag ? 1 : 0;
    if (state.depth > 0) u8.set(state.stack.subarray(0, state.depth), STACK);
    const r = this.fn(at + i, at + i + len, inPlace ? at : COPY);
    const depth = i32[0];
    this.count = i32[2];
    state.depth = depth;
    state.gap = i32[3];
    state.inString = i32[4] !== 0;
    state.escape = i32[6] !== 0;
    state.flag = i32[8] !== 0;
    if (depth > 0) {
      if (state.stack.length < depth) state.stack = new Uint8Array(Math.max(depth, state.stack.length * 2));
      state.stack.set(u8.subarray(STACK, STACK + depth));
    }
    const pending = i32[9];
    this.pending = pending < 0 ? -1 : pending - at;
    this.at = r === NEED_MORE ? i + len : r >= 0 ? r - at : i32[1] - at;
    return r >= 0 ? r - at : r;
  }

  /**
   * The window, for one reader at a time (null while another has it): a file read into it is not
   * copied again to be scanned. Give it back with releaseWindow.
   */
  takeWindow(): Buffer | null {
    if (this.windowTaken) return null;
    this.windowTaken = true;
    return this.window;
  }

  releaseWindow(): void {
    this.windowTaken = false;
  }

  /** Start of record k of the last scan, or -1 when it began before that scan. */
  start(k: number): number {
    const s = this.i32[(OUT >> 2) + 3 * k];
    return s < 0 ? -1 : s - this.origin;
  }

  /** Index after record k's closing bracket. */
  end(k: number): number {
    return this.i32[(OUT >> 2) + 3 * k + 1] - this.origin;
  }

  /** Whether record k's bytes may hold a denial. */
  flagged(k: number): boolean {
    return this.i32[(OUT >> 2) + 3 * k + 2] !== 0;
  }
}

/** The thread's SIMD scanner, or null where WebAssembly SIMD is unavailable. */
export const simdScanner = perThread(() => new SimdScanner());
