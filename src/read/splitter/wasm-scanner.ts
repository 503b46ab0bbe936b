// The splitter's hot loop, as a small WebAssembly function assembled here from readable opcodes.
//
// Why: CloudTrail records are mostly short strings, so a Buffer.indexOf call per string (~15 ns of
// call overhead) caps a JavaScript scanner near 0.9 GB/s. A byte loop compiled to machine code has
// no per-string call and no bounds checks, and checks more (control bytes inside strings) for free.
//
// scan(i, n): continue a nested value (object or array) over memory [i, n). State lives in memory:
//   [0] depth, [4] string state (0 outside, 1 inside, 2 after a backslash, 3..6 that many minus 2 hex
//   digits of a \u escape still to come), [8] damage address, [12] grammar state (grammar-table.ts),
//   [16 .. 16+MAX_DEPTH) kinds of the open brackets, then the grammar and escape tables, then [DATA ..)
//   the window of input bytes.
// Returns the address after the value's closing bracket, -1 when [i, n) ran out, or damage:
//   -2 a closing bracket of the wrong kind, -3 a control byte inside a string, -4 nesting too deep,
//   -5 a byte the grammar does not allow (state at [12]), -6 a bad escape in a string.

import * as grammar from './grammar-table.js';
import { Asm, I32, instantiate, perThread, wasmModule } from './wasm-asm.js';

export const MAX_DEPTH = 65536;
const STACK = 16;
const TABLE = STACK + MAX_DEPTH;
const ESC_TABLE = TABLE + grammar.STATES * 256;
const DATA = ESC_TABLE + 256;
const WINDOW = 1 << 20;
const PAGES = Math.ceil((DATA + WINDOW + 64) / 65536);

export const NEED_MORE = -1;
export const MISMATCH = -2;
export const CONTROL_BYTE = -3;
export const TOO_DEEP = -4;
export const GRAMMAR = -5;
export const BAD_ESCAPE = -6;

// locals
const I = 0;
const N = 1;
const C = 2;
const DEPTH = 3;
const STR = 4;
const G = 5;
const R = 6;

function scanBody(): number[] {
  const a = new Asm();
  const save = () => a.const(0).get(DEPTH).store32().const(4).get(STR).store32().const(12).get(G).store32();
  const fail = (code: number) => { a.const(8).get(I).const(1).sub().store32(); save(); a.const(code).ret(); };
  const needMore = () => { save(); a.const(NEED_MORE).ret(); };
  // c = mem[i++]
  const next = () => a.get(I).load8().set(C).get(I).const(1).add().set(I);
  // G = the state after a value inside the innermost open bracket
  const afterValue = () => a.const(grammar.O_NEXT).const(grammar.A_NEXT)
    .get(DEPTH).const(STACK - 1).add().load8().const(0x7b).eq().select().set(G);

  // The rest of a string: on its closing quote continue at `done` with STR = 0; after a backslash
  // go through 'main' (escapes are rare); at the end of the input save STR = 1.
  const stringLoop = (label: string, done: string) => {
    a.loop(label);
    a.get(I).get(N).geU().if(); a.const(1).set(STR); needMore(); a.end();
    next();
    a.get(C).const(0x22).eq().if(); a.const(0).set(STR).br(done); a.end();
    a.get(C).const(0x5c).eq().if(); a.const(2).set(STR).br('main'); a.end();
    a.get(C).const(0x20).ltU().if(); fail(CONTROL_BYTE); a.end();
    a.br(label);
    a.end();
  };

  a.const(0).load32().set(DEPTH).const(4).load32().set(STR).const(12).load32().set(G);
  a.loop('main');
  a.block('outside');
  {
    a.get(STR).eqz().brIf('outside');
    // inside a string (resumed): first an escape sequence, if one is under way
    a.get(STR).const(1).ne().if();
    a.get(I).get(N).geU().if(); needMore(); a.end();
    next();
    a.get(STR).const(2).eq().if();
    {
      a.get(C).const(ESC_TABLE).add().load8().tee(R).eqz().if(); fail(BAD_ESCAPE); a.end();
      a.const(6).const(1).get(R).const(2).eq().select().set(STR);
    }
    a.else();
    {
      // a hex digit: (c - '0') < 10 or ((c | 0x20) - 'a') < 6
      a.get(C).const(0x30).sub().const(10).ltU().get(C).const(0x20).or().const(0x61).sub().const(6).ltU().or().eqz().if();
      fail(BAD_ESCAPE);
      a.end();
      a.get(STR).const(1).sub().tee(STR).const(2).eq().if(); a.const(1).set(STR); a.end();
    }
    a.end();
    a.br('main');
    a.end();
    stringLoop('str-resumed', 'outside');
  }
  a.end();
  {
    a.loop('out');
    a.get(I).get(N).geU().if(); needMore(); a.end();
    next();
    // r = TABLE[(g << 8) | c]
    a.get(G).const(8).shl().get(C).or().const(TABLE).add().load8().tee(R).const(grammar.ACTIONS).ltU().if();
    a.get(R).set(G).br('out');
    a.end();
    a.get(R).const(grammar.STRING).geU().if();
    a.get(R).const(grammar.STRING - 1).and().set(G);
    stringLoop('str', 'out');
    a.end();
    a.get(R).const(grammar.PUSH).eq().if();
    {
      a.get(DEPTH).const(MAX_DEPTH).geU().if(); fail(TOO_DEEP); a.end();
      a.get(DEPTH).const(STACK).add().get(C).store8();
      a.get(DEPTH).const(1).add().set(DEPTH);
      a.const(grammar.O_FIRST).const(grammar.A_FIRST).get(C).const(0x7b).eq().select().set(G);
      a.br('out');
    }
    a.end();
    a.get(R).const(grammar.POP).eq().if();
    {
      // '}' 0x7d closes '{' 0x7b, ']' 0x5d closes '[' 0x5b
      a.get(DEPTH).const(1).sub().tee(DEPTH).const(STACK).add().load8().get(C).const(2).sub().ne().if(); fail(MISMATCH); a.end();
      a.get(DEPTH).eqz().if(); save(); a.get(I).ret(); a.end();
      afterValue();
      a.br('out');
    }
    a.end();
    a.get(R).const(grammar.END).eq().if();
    {
      // a number or literal ended just before c: judge c again in the state after a value
      a.get(I).const(1).sub().set(I);
      afterValue();
      a.br('out');
    }
    a.end();
    fail(GRAMMAR);
    a.end();
  }
  a.br('main');
  a.end();
  a.unreachable();
  return a.bytes;
}

function moduleBytes(): Uint8Array {
  return wasmModule({ name: 'scan', params: [I32, I32], locals: [[5, I32]], body: scanBody(), pages: PAGES });
}

interface Saved {
  depth: number;
  str: number;
  state: number;
  stack: Uint8Array;
}

/**
 * One instance per thread, shared by all splitters (instantiating per file would cost more than
 * scanning a small file). A splitter that takes over from another one mid-value swaps the bracket
 * stack in and out; in the usual one-file-at-a-time use that never happens.
 */
export class WasmScanner {
  private readonly scanFn: (i: number, n: number) => number;
  private readonly u8: Uint8Array;
  private readonly i32: Int32Array;
  private owner: object | null = null;
  private readonly saved = new WeakMap<object, Saved>();
  private win: Buffer | null = null;
  private winStart = 0;
  private winEnd = 0;
  /** Chunk index of the damage after a negative result below NEED_MORE. */
  errIndex = 0;
  /** Grammar state before the damage, after GRAMMAR. */
  get errState(): number {
    return this.i32[3];
  }

  constructor() {
    const { fn, memory } = instantiate(moduleBytes());
    this.scanFn = fn;
    this.u8 = new Uint8Array(memory);
    this.i32 = new Int32Array(memory, 0, 4);
    this.u8.set(grammar.TABLE, TABLE);
    this.u8.set(grammar.ESCAPES, ESC_TABLE);
  }

  /** Forget the window: the caller may reuse a chunk's Buffer for new bytes. */
  newChunk(): void {
    this.win = null;
  }

  private own(owner: object): void {
    if (this.owner === owner) return;
    const prev = this.owner;
    if (prev !== null) {
      const depth = this.i32[0];
      this.saved.set(prev, { depth, str: this.i32[1], state: this.i32[3], stack: this.u8.slice(STACK, STACK + depth) });
    }
    const mine = this.saved.get(owner);
    if (mine !== undefined) {
      this.i32[0] = mine.depth;
      this.i32[1] = mine.str;
      this.i32[3] = mine.state;
      this.u8.set(mine.stack, STACK);
      this.saved.delete(owner);
    }
    this.owner = owner;
    this.win = null;
  }

  /** Starts a nested value whose opening bracket is `open`. */
  begin(owner: object, open: number): void {
    this.own(owner);
    this.i32[0] = 1;
    this.i32[1] = 0;
    this.i32[3] = open === 0x7b ? grammar.O_FIRST : grammar.A_FIRST;
    this.u8[STACK] = open;
  }

  /** Forgets a value abandoned on damage. */
  release(owner: object): void {
    if (this.owner === owner) this.owner = null;
    this.saved.delete(owner);
  }

  /** Continues the value over b[i, n): the index after it, NEED_MORE, or a damage code. */
  scan(owner: object, b: Buffer, i: number, n: number): number {
    this.own(owner);
    for (;;) {
      if (this.win !== b || i < this.winStart || i >= this.winEnd) {
        const end = Math.min(n, i + WINDOW);
        this.u8.set(b.subarray(i, end), DATA);
        this.win = b;
        this.winStart = i;
        this.winEnd = end;
      }
      const base = DATA - this.winStart;
      const r = this.scanFn(i + base, this.winEnd + base);
      if (r >= 0) return r - base;
      if (r !== NEED_MORE) {
        this.errIndex = this.i32[2] - base;
        return r;
      }
      i = this.winEnd;
      if (i >= n) return NEED_MORE;
    }
  }
}

/** The thread's scanner, or null where WebAssembly is unavailable. */
export const wasmScanner = perThread(() => new WasmScanner());
