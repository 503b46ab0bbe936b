// The JavaScript scanner inside a value: strings (top-level keys and values, and every string when
// there is no WebAssembly), numbers and literals, and a nested value's bytes checked against the
// grammar table (grammar-table.ts) where there is no WebAssembly. Also the reference the fuzzers hold
// the WebAssembly scanners to. It jumps over strings with Buffer.indexOf, which reaches ~0.9 GB/s on
// CloudTrail JSON: strings are short and each indexOf call costs ~15 ns.
//
// What it checks: the whole JSON grammar inside a nested value (commas, colons, numbers, literals,
// escapes), bracket balance and kind, and raw line feeds inside strings (not other control bytes:
// the WebAssembly scanner checks those). Not checked: UTF-8 validity (JSON.parse of the decoded text
// does not check it either).
import { describeByte, isScalarByte } from './bytes.js';
import { grammarDamage, type DamageSink } from './damage.js';
import * as grammar from './grammar-table.js';
import { isHex } from './grammar-table.js';

// Byte values and codes are module-local constants on purpose: some loaders (vitest's, bundlers in
// dev mode) turn every use of an imported binding into a property read, which in the hot loop cost 4x.
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const LF = 0x0a;
const LBRACE = 0x7b;
const TABLE = grammar.TABLE;
const ESCAPES = grammar.ESCAPES;
// Literals, not copies of grammar.*: values read from another module are not constants to the JIT
// under such loaders (measured 20% slower); checked against grammar-table.ts once, here.
const ACTIONS = 0x70;
const STRING = 0x80;
const PUSH = 0x70;
const POP = 0x71;
const END = 0x72;
const O_FIRST = 0;
const O_NEXT = 4;
const A_FIRST = 5;
const A_NEXT = 7;
if (
  [ACTIONS, STRING, PUSH, POP, END, O_FIRST, O_NEXT, A_FIRST, A_NEXT].join() !==
  [grammar.ACTIONS, grammar.STRING, grammar.PUSH, grammar.POP, grammar.END, grammar.O_FIRST, grammar.O_NEXT, grammar.A_FIRST, grammar.A_NEXT].join()
) {
  throw new Error('value-scanner: grammar constants out of step with grammar-table.ts');
}

/** Consecutive backslashes ending just before `end`, not looking below `lo`; odd: `end` is escaped. */
function backslashRun(b: Buffer, end: number, lo: number): number {
  let j = end - 1;
  while (j >= lo && b[j] === BACKSLASH) j--;
  return end - 1 - j;
}

/** Scans values chunk by chunk; returns -1 when a chunk ends first (or on damage, told to the sink). */
export class JsValueScanner {
  /** Absolute offset of the current chunk's first byte. */
  pos = 0;
  inStr = false;
  /** Where the string being read started (absolute), for messages. */
  strStartAbs = 0;
  private depth = 0; // open brackets inside a nested value
  private stack = new Uint8Array(64); // their kinds
  private escPending = false; // chunk ended after an odd run of backslashes inside a string
  private hexLeft = 0; // hex digits of a \u escape still to come in the next chunk
  private gs = 0; // grammar state inside a nested value (grammar-table.ts)
  private nlAt = -1; // cached index of the next LF in the current chunk (n when none)
  private bsAt = -1; // likewise the next backslash

  constructor(private readonly sink: DamageSink) {}

  newChunk(pos: number): void {
    this.pos = pos;
    this.nlAt = -1;
    this.bsAt = -1;
  }

  /** A string whose opening quote is at absolute offset `abs`. */
  beginString(abs: number): void {
    this.inStr = true;
    this.escPending = false;
    this.hexLeft = 0;
    this.strStartAbs = abs;
  }

  /** A nested value whose opening bracket is `open`; `self`: scanned here (no WebAssembly). */
  beginNested(open: number, self: boolean): void {
    this.inStr = false;
    if (!self) return;
    this.depth = 1;
    this.stack[0] = open;
    this.gs = open === LBRACE ? O_FIRST : A_FIRST;
  }

  /** Number or literal: ends at the first byte that cannot belong to it. */
  scanScalar(b: Buffer, i: number, n: number): number {
    while (i < n && isScalarByte(b[i])) i++;
    return i < n ? i : -1;
  }

  /**
   * Rest of a string whose opening quote was already seen. Returns the index after the closing
   * quote, or -1 when the chunk ends first (or on damage).
   */
  scanString(b: Buffer, i: number, n: number): number {
    // an escape sequence cut by the end of the previous chunk
    while (this.escPending || this.hexLeft > 0) {
      if (i >= n) return -1;
      const c = b[i];
      if (this.escPending) {
        this.escPending = false;
        const e = ESCAPES[c];
        if (e === 0) return this.badEscape(b, i);
        if (e === 2) this.hexLeft = 4;
      } else {
        if (!isHex(c)) return this.badEscape(b, i);
        this.hexLeft--;
      }
      i++;
    }
    const lo = i;
    let q = b.indexOf(QUOTE, i);
    while (q !== -1 && (backslashRun(b, q, lo) & 1) === 1) q = b.indexOf(QUOTE, q + 1);
    const stop = q === -1 ? n : q;
    if (this.lineFeedIn(b, lo, stop, n)) return -1;
    if (!this.escapesIn(b, lo, stop, n)) return -1;
    if (q === -1) return -1;
    this.inStr = false;
    return q + 1;
  }

  /**
   * Checks the escapes of the string bytes [from, to), where `to` is the closing quote or the end of
   * the chunk (then an escape cut there is left pending). False (and damage) on a bad one.
   */
  private escapesIn(b: Buffer, from: number, to: number, n: number): boolean {
    let j = this.bsAt;
    if (j < from) {
      j = b.indexOf(BACKSLASH, from);
      if (j === -1) j = n;
    }
    while (j < to) {
      let k = j + 1;
      if (k === n) {
        this.escPending = true;
        break;
      }
      const e = ESCAPES[b[k++]];
      if (e === 0) {
        this.badEscape(b, j + 1);
        return false;
      }
      if (e === 2) {
        for (let h = 0; h < 4; h++, k++) {
          if (k === n) {
            this.hexLeft = 4 - h;
            break;
          }
          if (!isHex(b[k])) {
            this.badEscape(b, k);
            return false;
          }
        }
      }
      j = k < n ? b.indexOf(BACKSLASH, k) : n;
      if (j === -1) j = n;
    }
    this.bsAt = j;
    return true;
  }

  private badEscape(b: Buffer, at: number): number {
    this.sink.fail('unexpected-byte', this.pos + at, `invalid escape (${describeByte(b[at])}) in a string that starts at offset ${this.strStartAbs}`);
    return -1;
  }

  /** True (and damage) when a raw line feed lies in [from, to): JSON strings cannot hold one. */
  private lineFeedIn(b: Buffer, from: number, to: number, n: number): boolean {
    let nl = this.nlAt;
    if (nl >= to) return false;
    if (nl < from) {
      nl = b.indexOf(LF, from);
      if (nl === -1) nl = n;
      this.nlAt = nl;
    }
    if (nl >= to) return false;
    this.sink.fail('unexpected-byte', this.pos + nl, `line break inside a string that starts at offset ${this.strStartAbs} (truncated line?)`);
    return true;
  }

  /**
   * The hot loop without WebAssembly: inside an object or array, find its end, checking the grammar
   * byte by byte between strings; strings are skipped with indexOf. Returns the index after the
   * closing bracket, or -1.
   */
  scanNested(b: Buffer, i: number, n: number): number {
    if (this.inStr) {
      i = this.scanString(b, i, n);
      if (i < 0) return -1;
    }
    let depth = this.depth;
    let stack = this.stack;
    let st = this.gs;
    // strings ending before the next line feed and the next backslash need no closer look
    let careful = Math.min(this.nlAt, this.bsAt);
    const table = TABLE;
    while (i < n) {
      const c = b[i];
      const r = table[(st << 8) | c];
      if (r < ACTIONS) {
        st = r;
        i++;
        continue;
      }
      if (r >= STRING) {
        st = r & 0x7f;
        const s = i + 1;
        // (A JavaScript pre-scan of short strings before indexOf measured slower, not faster.)
        let q = b.indexOf(QUOTE, s);
        while (q !== -1 && b[q - 1] === BACKSLASH && (backslashRun(b, q, s) & 1) === 1) q = b.indexOf(QUOTE, q + 1);
        if (q === -1 || q > careful) {
          // a string that may hold a line feed or an escape, or runs past the chunk: the careful way
          this.strStartAbs = this.pos + i;
          this.depth = depth;
          this.gs = st;
          this.inStr = true;
          this.escPending = false;
          this.hexLeft = 0;
          q = this.scanString(b, s, n);
          if (q < 0) return -1;
          careful = Math.min(this.nlAt, this.bsAt);
          i = q;
          continue;
        }
        i = q + 1;
        continue;
      }
      if (r === PUSH) {
        if (depth === stack.length) {
          const grown = new Uint8Array(stack.length * 2);
          grown.set(stack);
          stack = this.stack = grown;
        }
        stack[depth++] = c;
        st = c === LBRACE ? O_FIRST : A_FIRST;
        i++;
      } else if (r === POP) {
        const open = stack[--depth];
        if (open !== c - 2) {
          this.sink.fail('unbalanced', this.pos + i, `${describeByte(c)} closes ${describeByte(open)} inside ${this.sink.inside()}`);
          return -1;
        }
        i++;
        if (depth === 0) {
          this.depth = 0;
          return i;
        }
        st = stack[depth - 1] === LBRACE ? O_NEXT : A_NEXT;
      } else if (r === END) {
        // a number or literal ended just before c: judge c again in the state after a value
        st = stack[depth - 1] === LBRACE ? O_NEXT : A_NEXT;
      } else {
        grammarDamage(this.sink, st, c, this.pos + i);
        return -1;
      }
    }
    this.depth = depth;
    this.gs = st;
    return -1;
  }
}
