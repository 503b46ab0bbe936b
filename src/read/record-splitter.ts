// Exact, incremental splitter of a JSON log container into its top-level records, over UTF-8 bytes.
//
//   const splitter = new RecordSplitter({ onSkipped });  // or { shape: 'records-object', ... }
//   for (const chunk of gunzippedChunks) splitter.push(chunk, (rec, i) => { if (mayBeDenial(rec)) use(JSON.parse(rec.toString())); });
//   const { shape, records, skipped, error } = splitter.end();   // error: damage with offset and reason
//
// Why not JSON.parse or stream-json: the hot path only needs record boundaries, and most records are
// never parsed. This file is the grammar between records (container keys, commas, literals, JSON
// Lines), in JavaScript, where there are a few bytes per record. Inside the records of an array the
// default inner loop is the WebAssembly SIMD scanner (splitter-simd.ts, ~3.6 GB/s; it does not check
// the grammar inside a record, see there). With scanner 'wasm' (--strict-json) it runs the grammar
// table of splitter-grammar.ts as a WebAssembly byte loop (splitter-wasm.ts, ~1.6 GB/s on CloudTrail
// JSON); the JavaScript one below ('js', where there is no WebAssembly), which jumps over strings with
// Buffer.indexOf, reaches ~0.9 GB/s because CloudTrail strings are short and each indexOf call costs
// ~15 ns.
//
// What 'wasm' and 'js' check: the whole JSON grammar, inside records too (commas, colons, numbers, literals,
// escapes), so a damaged record is found even when it is never JSON.parsed, as stream-json would;
// bracket balance and kind; raw control bytes in strings with WebAssembly, raw line feeds only in
// JavaScript. Not checked: UTF-8 validity (JSON.parse of the decoded text does not check it either).
// Cost of the in-record grammar, measured on the opt-in bench corpus (200 MB, best of 16-24 runs in
// CPU time, old and new interleaved on a shared 2-core machine): WebAssembly 1.60 -> 1.70 GB/s (+5%;
// the grammar costs less than inlining the string loop saved), JavaScript 0.97 -> 0.93 GB/s (-4%).
//
// A record longer than maxRecordBytes is not damage: it is scanned (and checked) to its end without
// being kept, reported to onSkipped, and the split goes on. Offsets are absolute byte offsets of the
// input, BOM included.

import { describeByte, isScalarByte, isScalarStart, isValidScalar } from './splitter-bytes.js';
import * as grammar from './splitter-grammar.js';
import { expectation, isHex } from './splitter-grammar.js';
import * as wasmCodes from './splitter-wasm.js';
import { wasmScanner, type WasmScanner } from './splitter-wasm.js';
import { SIMD_GAP, newSimdState, simdScanner, type SimdScanner } from './splitter-simd.js';

export { mayBeDenial } from './splitter-bytes.js';

export type ContainerShape = 'records-object' | 'array' | 'json-lines' | 'events-object';

export type SplitDamageKind =
  | 'empty' // no JSON value at all
  | 'not-a-container' // the input does not start like any known container
  | 'bad-container' // a container object without its "Records"/"Events" array, or a duplicate one
  | 'truncated' // input ended inside a record, a string or the container
  | 'unexpected-byte' // a byte the grammar does not allow, between or inside records; a bad escape or literal
  | 'unbalanced'; // a closing bracket that does not match the open one

export interface SplitDamage {
  kind: SplitDamageKind;
  /** Absolute byte offset in the input (BOM included) where the damage was seen. */
  offset: number;
  /** Index of the record being read when the damage was seen (= records delivered or skipped before it). */
  record: number;
  /** One line for a person: what was found and where. */
  reason: string;
}

export interface SplitResult {
  /** Given or detected; null when the input never showed one (empty, not JSON). */
  shape: ContainerShape | null;
  /** Records delivered. */
  records: number;
  /** Records skipped as longer than maxRecordBytes (each also reported to onSkipped). */
  skipped: number;
  /** Bytes pushed up to and including the chunk where damage was found (all of them otherwise). */
  bytes: number;
  error?: SplitDamage;
}

export interface RecordSplitterOptions {
  /** Container shape; detected from the input when absent. */
  shape?: ContainerShape;
  /**
   * Longest record kept in memory (default 64 MiB). A longer one is scanned to its end without being
   * kept, reported to `onSkipped` instead of `onRecord`, and splitting goes on after it.
   */
  maxRecordBytes?: number;
  onSkipped?: SkipCallback;
  /**
   * Inner loop. 'simd' (the default where WebAssembly SIMD exists): records arrays 64 bytes a step,
   * checking strings, brackets and the grammar between records but not the grammar inside a record
   * (splitter-simd.ts); it tells onRecord whether a record may hold a denial. 'wasm': a byte loop
   * checking the whole grammar and raw control bytes in strings. 'js': Buffer.indexOf between quotes,
   * the whole grammar, and only line feeds and escapes inside strings. All give the same records on
   * valid JSON; 'wasm' and 'js' the same grammar damage.
   */
  scanner?: 'simd' | 'wasm' | 'js';
  /**
   * With the 'simd' scanner: records it knows hold neither "errorCode" nor "ConsoleLogin" are counted
   * here (in batches) instead of being delivered to onRecord.
   */
  onPlain?: (count: number) => void;
}

/**
 * Receives each record. `record` may be a view of the pushed chunk or of an internal buffer: it is
 * valid only during the call (copy it to keep it). `offset` is the record's absolute byte offset.
 * `mayBeDenial`: what the 'simd' scanner saw (see mayBeDenial); undefined when it did not look.
 */
export type RecordCallback = (record: Buffer, index: number, offset: number, mayBeDenial?: boolean) => void;

/**
 * Receives each record longer than maxRecordBytes: its index (skipped records take an index like
 * delivered ones), absolute offset, length in bytes, and a line for a person.
 */
export type SkipCallback = (index: number, offset: number, bytes: number, reason: string) => void;

// Byte values and codes are module-local constants on purpose: some loaders (vitest's, bundlers in
// dev mode) turn every use of an imported binding into a property read, which in the hot loop cost 4x.
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const LF = 0x0a;
const LBRACE = 0x7b;
const RBRACE = 0x7d;
const LBRACKET = 0x5b;
const RBRACKET = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;
const BOM = [0xef, 0xbb, 0xbf];
const NEED_MORE = wasmCodes.NEED_MORE;
const MISMATCH = wasmCodes.MISMATCH;
const CONTROL_BYTE = wasmCodes.CONTROL_BYTE;
const MAX_DEPTH = wasmCodes.MAX_DEPTH;
const GRAMMAR = wasmCodes.GRAMMAR;
const BAD_ESCAPE = wasmCodes.BAD_ESCAPE;
const TABLE = grammar.TABLE;
const ESCAPES = grammar.ESCAPES;
// Literals, not copies of grammar.*: values read from another module are not constants to the JIT
// under such loaders (measured 20% slower); checked against splitter-grammar.ts once, here.
const ACTIONS = 0x70;
const STRING = 0x80;
const PUSH = 0x70;
const POP = 0x71;
const END = 0x72;
const O_FIRST = 0;
const O_NEXT = 4;
const A_FIRST = 5;
const A_NEXT = 7;
if ([ACTIONS, STRING, PUSH, POP, END, O_FIRST, O_NEXT, A_FIRST, A_NEXT].join() !== [grammar.ACTIONS, grammar.STRING, grammar.PUSH,
  grammar.POP, grammar.END, grammar.O_FIRST, grammar.O_NEXT, grammar.A_FIRST, grammar.A_NEXT].join()) {
  throw new Error('record-splitter: grammar constants out of step with splitter-grammar.ts');
}

function isWhitespace(c: number): boolean {
  return c === 0x20 || c === LF || c === 0x0d || c === 0x09;
}

/** Consecutive backslashes ending just before `end`, not looking below `lo`; odd: `end` is escaped. */
function backslashRun(b: Buffer, end: number, lo: number): number {
  let j = end - 1;
  while (j >= lo && b[j] === BACKSLASH) j--;
  return end - 1 - j;
}

export const DEFAULT_MAX_RECORD_BYTES = 64 * 1024 * 1024;
const KEEP_CARRY_BYTES = 1 << 20;
const MAX_KEY_KEPT = 256; // a longer top-level key cannot be "Records" or "Events"
const MAX_LITERAL = 4096;

// Grammar states between records.
const S_START = 0; // before the top-level value (BOM, whitespace)
const S_OBJ_FIRST = 1; // after the container's '{': a key or '}'
const S_OBJ_KEY = 2; // after ',': a key
const S_OBJ_COLON = 3;
const S_OBJ_VALUE = 4;
const S_OBJ_NEXT = 5; // ',' or '}'
const S_ARR_FIRST = 6; // after the records array's '[': a record or ']'
const S_ARR_ELEM = 7; // after ',': a record
const S_ARR_NEXT = 8; // ',' or ']'
const S_LINES = 9; // JSON Lines: a record or whitespace
const S_END = 10; // after the top-level value: whitespace only
const S_VALUE = 11; // inside a value (record, skipped container value, or key)
const S_DAMAGED = 12;

// The records-array states and the SIMD scanner's gap states, both ways.
const STATE_OF_GAP: Record<number, number> = { [SIMD_GAP.first]: S_ARR_FIRST, [SIMD_GAP.afterRecord]: S_ARR_NEXT, [SIMD_GAP.afterComma]: S_ARR_ELEM };
const GAP_OF_STATE = new Map(Object.entries(STATE_OF_GAP).map(([gap, state]) => [state, Number(gap)]));

// Kinds of value scanned in S_VALUE.
const V_NESTED = 0;
const V_STRING = 1;
const V_SCALAR = 2;
const V_KEY = 3;

/**
 * Detection without `shape`: '[' is an array; a top-level object is a container as soon as a top-level
 * "Records"/"Events" key holds an array (any key order), and otherwise, once it closes, the first
 * record of JSON Lines; any other value starts JSON Lines. A JSON Lines file whose first record has its
 * own top-level "Records"/"Events" array is therefore taken for a container: pass the shape.
 * JSON Lines here means whitespace-separated values (NDJSON, CRLF, blank lines, and also the
 * pretty-printed stream `jq` writes). Damage stops the split: records after it are not delivered.
 * A record longer than maxRecordBytes is skipped (onSkipped) and the split goes on; it takes an index.
 * An exception thrown by `onRecord` or `onSkipped` propagates and leaves the splitter unusable.
 */
export class RecordSplitter {
  private readonly fixedShape: ContainerShape | undefined;
  private readonly maxRecordBytes: number;
  private readonly onSkipped: SkipCallback | undefined;
  private readonly wasm: WasmScanner | null;
  private readonly simd: SimdScanner | null;
  private readonly simdState = newSimdState();
  private simdRecord = false; // a record under way is the SIMD scanner's
  private readonly onPlain: ((count: number) => void) | undefined;

  private shape: ContainerShape | null = null;
  private g = S_START;
  private error: SplitDamage | undefined;
  private pos = 0; // absolute offset of the current chunk's first byte
  private records = 0; // delivered
  private skipped = 0;
  private bomSeen = 0;

  // Value being scanned (S_VALUE).
  private vkind = V_NESTED;
  private emit = false; // the value is a record
  private after = S_END; // state once the value ends
  private depth = 0; // open brackets inside a nested value
  private stack = new Uint8Array(64); // their kinds
  private inStr = false;
  private escPending = false; // chunk ended after an odd run of backslashes inside a string
  private hexLeft = 0; // hex digits of a \u escape still to come in the next chunk
  private gs = 0; // grammar state inside a nested value (splitter-grammar.ts), JavaScript scanner
  private strStartAbs = 0;
  private token = ''; // scalar or key bytes (latin1) carried across chunks
  private tokenLocal = -1; // where the scalar or key began in the current chunk, -1 if before it
  private tokenStartAbs = 0;
  private nlAt = -1; // cached index of the next LF in the current chunk (n when none)
  private bsAt = -1; // likewise the next backslash

  // Record bytes (and the probed top-level object) carried across chunks.
  private recLocal = -1; // start in the current chunk, -1 if it began in an earlier chunk
  private recStartAbs = 0;
  // The first KEEP_CARRY_BYTES in one reused buffer, the rest as one copy per chunk (a record that
  // proves too long is then dropped having cost at most maxRecordBytes, not a doubling buffer's 2x).
  private carry: Buffer = Buffer.alloc(0);
  private headLen = 0; // bytes in `carry`
  private spill: Buffer[] = [];
  private carryLen = 0; // bytes carried in all
  private skipping = false; // the record (or probed object) outgrew maxRecordBytes: not kept
  private probing = false; // auto mode, top-level '{': container or first JSON Lines record?
  private keyTarget = false;
  private keyName: 'Records' | 'Events' | '' = '';
  private foundTarget = false;

  constructor(options: RecordSplitterOptions = {}) {
    this.fixedShape = options.shape;
    this.maxRecordBytes = options.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES;
    this.onSkipped = options.onSkipped;
    this.wasm = options.scanner === 'js' ? null : wasmScanner();
    this.simd = options.scanner === undefined || options.scanner === 'simd' ? simdScanner() : null;
    this.onPlain = options.onPlain;
    if (options.shape !== undefined) this.shape = options.shape;
    if (options.shape === 'records-object') this.keyName = 'Records';
    if (options.shape === 'events-object') this.keyName = 'Events';
  }

  /** The container's shape once known (given, or seen in the input so far). */
  get detectedShape(): ContainerShape | null {
    return this.shape;
  }

  /** Damage seen so far, if any; after damage further input is ignored. */
  get damage(): SplitDamage | undefined {
    return this.error;
  }

  /** Feeds the next chunk. Returns the damage once the input is known to be damaged. */
  push(chunk: Buffer, onRecord: RecordCallback): SplitDamage | undefined {
    if (this.error !== undefined || chunk.length === 0) return this.error;
    const n = chunk.length;
    this.nlAt = -1;
    this.bsAt = -1;
    if (this.wasm !== null) this.wasm.newChunk();
    this.run(chunk, n, onRecord);
    if (this.error === undefined) this.keepTail(chunk, n);
    this.pos += n;
    return this.error;
  }

  /** Ends the input. `onRecord` receives a bare number or literal that ends a JSON Lines input. */
  end(onRecord?: RecordCallback): SplitResult {
    if (this.error === undefined) this.finish(onRecord);
    const result: SplitResult = { shape: this.shape, records: this.records, skipped: this.skipped, bytes: this.pos };
    if (this.error !== undefined) result.error = this.error;
    return result;
  }

  private finish(onRecord: RecordCallback | undefined): void {
    const g = this.g;
    if (g === S_END || g === S_LINES) return;
    if (g === S_START) {
      if (this.fixedShape === 'json-lines') return;
      this.fail('empty', this.pos, this.bomSeen > 0 ? 'nothing after the byte order mark' : 'no JSON value in the input');
      return;
    }
    if (g === S_VALUE && this.vkind === V_SCALAR && this.after === S_LINES) {
      const token = this.token;
      if (!isValidScalar(token)) {
        this.fail('unexpected-byte', this.tokenStartAbs, `invalid literal ${JSON.stringify(token.slice(0, 40))}`);
        return;
      }
      this.g = S_LINES;
      if (this.skipping || this.carryLen > this.maxRecordBytes) return this.skip(this.pos - this.recStartAbs);
      const rec = this.carried();
      this.clearCarry();
      const index = this.index();
      this.records++;
      if (onRecord !== undefined) onRecord(rec, index, this.recStartAbs);
      return;
    }
    let where: string;
    if (g === S_VALUE && this.emit) where = `inside record ${this.index()} (starts at offset ${this.recStartAbs})`;
    else if (this.inStr) where = `inside a string (starts at offset ${this.strStartAbs})`;
    else if (this.shape === 'array') where = 'inside the top-level array';
    else if (this.shape === 'json-lines' || this.probing) where = `inside record ${this.index()} (starts at offset ${this.recStartAbs})`;
    else where = 'inside the container object';
    this.fail('truncated', this.pos, `input ends ${where}`);
  }

  private fail(kind: SplitDamageKind, offset: number, reason: string): void {
    if (this.error !== undefined) return;
    this.error = { kind, offset, record: this.index(), reason };
    this.g = S_DAMAGED;
    this.simdRecord = false;
    this.clearCarry();
    if (this.wasm !== null) this.wasm.release(this);
  }

  /** Copies the unfinished record (or probed object) at the end of the chunk. */
  private keepTail(b: Buffer, n: number): void {
    const inRecord = this.probing || (this.g === S_VALUE && this.emit);
    if (inRecord) {
      const from = this.recLocal >= 0 ? this.recLocal : 0;
      if (!this.skipping && this.carryLen + n - from > this.maxRecordBytes) {
        this.skipping = true;
        this.clearCarry();
      }
      if (!this.skipping) this.append(b, from, n);
      this.recLocal = -1;
    }
    if (this.g === S_VALUE && (this.vkind === V_SCALAR || this.vkind === V_KEY)) {
      const from = this.tokenLocal >= 0 ? this.tokenLocal : 0;
      this.token += b.toString('latin1', from, Math.min(n, from + MAX_LITERAL + 1));
      this.tokenLocal = -1;
      if (this.vkind === V_KEY) {
        this.token = this.token.slice(0, MAX_KEY_KEPT);
      } else if (this.token.length > MAX_LITERAL) {
        this.fail('unexpected-byte', this.tokenStartAbs, `a number or literal longer than ${MAX_LITERAL} bytes`);
      }
    }
  }

  /** Index of the record being read: records delivered and skipped before it. */
  private index(): number {
    return this.records + this.skipped;
  }

  private clearCarry(): void {
    this.carryLen = 0;
    this.headLen = 0;
    if (this.spill.length > 0) this.spill = [];
  }

  /** The carried bytes, then `tail` if given, as one Buffer (valid until the carry is next used). */
  private carried(tail?: Buffer): Buffer {
    const head = this.carry.subarray(0, this.headLen);
    if (this.spill.length === 0 && tail === undefined) return head;
    const parts = [head, ...this.spill];
    if (tail !== undefined) parts.push(tail);
    return Buffer.concat(parts, this.carryLen + (tail?.length ?? 0));
  }

  /** Passes over the record just ended, `bytes` long, that is longer than maxRecordBytes. */
  private skip(bytes: number): void {
    const index = this.index();
    this.skipped++;
    this.skipping = false;
    this.recLocal = -1;
    this.clearCarry();
    if (this.onSkipped !== undefined) {
      this.onSkipped(index, this.recStartAbs, bytes,
        `record ${index} (starts at offset ${this.recStartAbs}) is ${bytes} bytes, longer than maxRecordBytes (${this.maxRecordBytes}): skipped`);
    }
  }

  private append(b: Buffer, from: number, to: number): void {
    const len = to - from;
    this.carryLen += len;
    const need = this.headLen + len;
    if (this.spill.length > 0 || need > KEEP_CARRY_BYTES) {
      this.spill.push(Buffer.from(b.subarray(from, to)));
      return;
    }
    if (need > this.carry.length) {
      const grown = Buffer.allocUnsafe(Math.min(Math.max(need, this.carry.length * 2, 4096), KEEP_CARRY_BYTES));
      this.carry.copy(grown, 0, 0, this.headLen);
      this.carry = grown;
    }
    b.copy(this.carry, this.headLen, from, to);
    this.headLen = need;
  }

  /** Hands out the record ending before local index `end`. */
  private deliver(b: Buffer, end: number, onRecord: RecordCallback, hint?: boolean): void {
    const length = this.pos + end - this.recStartAbs;
    if (this.skipping || length > this.maxRecordBytes) return this.skip(length);
    let rec: Buffer;
    if (this.recLocal >= 0) {
      rec = b.subarray(this.recLocal, end);
    } else if (this.spill.length === 0 && this.headLen + end <= KEEP_CARRY_BYTES) {
      this.append(b, 0, end);
      rec = this.carried();
    } else {
      rec = this.carried(b.subarray(0, end));
    }
    this.recLocal = -1;
    this.clearCarry();
    const index = this.index();
    this.records++;
    onRecord(rec, index, this.recStartAbs, hint);
  }

  // ---- grammar between records -------------------------------------------------------------

  private run(b: Buffer, n: number, onRecord: RecordCallback): void {
    let i = 0;
    let handBack = false; // the SIMD scanner left the byte at i to the grammar below
    while (i < n) {
      const g = this.g;
      if (this.simd !== null && !handBack && (this.simdRecord || g === S_ARR_FIRST || g === S_ARR_ELEM || g === S_ARR_NEXT)) {
        i = this.runSimd(this.simd, b, i, n, onRecord);
        if (i < 0) return;
        handBack = true;
        continue;
      }
      handBack = false;
      if (g === S_VALUE) {
        const e = this.vkind === V_NESTED ? (this.wasm !== null ? this.scanNestedWasm(this.wasm, b, i, n) : this.scanNested(b, i, n))
          : this.vkind === V_SCALAR ? this.scanScalar(b, i, n)
            : this.scanString(b, i, n);
        if (e < 0) return;
        i = e;
        this.valueDone(b, e, onRecord);
        continue;
      }
      if (g === S_DAMAGED) return;
      const c = b[i];
      if (isWhitespace(c)) {
        i++;
        continue;
      }
      const abs = this.pos + i;
      switch (g) {
        case S_START:
          if (abs === this.bomSeen && this.bomSeen < 3 && c === BOM[this.bomSeen]) {
            this.bomSeen++;
            i++;
          } else if (this.bomSeen === 1 || this.bomSeen === 2) {
            this.fail('not-a-container', abs, 'incomplete UTF-8 byte order mark');
          } else {
            i = this.startTop(b, i, c);
          }
          break;
        case S_OBJ_FIRST:
        case S_OBJ_KEY:
          if (c === QUOTE) {
            this.beginString(b, i, V_KEY);
            i++;
          } else if (c === RBRACE && g === S_OBJ_FIRST) {
            i = this.closeObject(b, i, onRecord);
          } else {
            this.fail('unexpected-byte', abs, `expected a key in the top-level object, found ${describeByte(c)}`);
          }
          break;
        case S_OBJ_COLON:
          if (c === COLON) {
            this.g = S_OBJ_VALUE;
            i++;
          } else {
            this.fail('unexpected-byte', abs, `expected ':' after a key, found ${describeByte(c)}`);
          }
          break;
        case S_OBJ_VALUE:
          i = this.objectValue(b, i, c);
          break;
        case S_OBJ_NEXT:
          if (c === COMMA) {
            this.g = S_OBJ_KEY;
            i++;
          } else if (c === RBRACE) {
            i = this.closeObject(b, i, onRecord);
          } else {
            this.fail('unexpected-byte', abs, `expected ',' or '}' in the top-level object, found ${describeByte(c)}`);
          }
          break;
        case S_ARR_FIRST:
        case S_ARR_ELEM:
          if (c === RBRACKET && g === S_ARR_FIRST) {
            this.g = this.shape === 'array' ? S_END : S_OBJ_NEXT;
            i++;
          } else {
            i = this.beginValue(b, i, c, true, S_ARR_NEXT);
          }
          break;
        case S_ARR_NEXT:
          if (c === COMMA) {
            this.g = S_ARR_ELEM;
            i++;
          } else if (c === RBRACKET) {
            this.g = this.shape === 'array' ? S_END : S_OBJ_NEXT;
            i++;
          } else {
            this.fail('unexpected-byte', abs, `expected ',' or ']' after record ${this.index() - 1}, found ${describeByte(c)}`);
          }
          break;
        case S_LINES:
          i = this.beginValue(b, i, c, true, S_LINES);
          break;
        case S_END:
          this.fail('unexpected-byte', abs, `unexpected ${describeByte(c)} after the end of the top-level value`);
          break;
        default:
          return;
      }
    }
  }

  /**
   * Records of a records array through the SIMD scanner, window by window, from a gap or a record
   * under way. Returns the index of a byte the grammar must read, or -1 (chunk used up, or damage).
   */
  private runSimd(simd: SimdScanner, b: Buffer, i: number, n: number, onRecord: RecordCallback): number {
    const st = this.simdState;
    if (!this.simdRecord) {
      st.depth = 0;
      st.gap = GAP_OF_STATE.get(this.g) ?? SIMD_GAP.afterComma;
    }
    for (;;) {
      const r = simd.scan(st, b, i, n);
      let plain = 0;
      for (let k = 0, count = simd.count; k < count; k++) {
        const start = simd.start(k);
        const end = simd.end(k);
        const hint = simd.flagged(k);
        if (start >= 0) {
          if (!hint && this.onPlain !== undefined && end - start <= this.maxRecordBytes) {
            plain++;
            this.records++;
            continue;
          }
          this.recLocal = start;
          this.recStartAbs = this.pos + start;
        }
        this.simdRecord = false;
        this.deliver(b, end, onRecord, hint);
      }
      if (plain > 0) this.onPlain?.(plain);
      if (r === NEED_MORE) {
        if (st.depth > 0) {
          if (!this.simdRecord && simd.pending >= 0) {
            this.recLocal = simd.pending;
            this.recStartAbs = this.pos + simd.pending;
            this.skipping = false;
            this.clearCarry();
          }
          this.simdRecord = true;
          this.g = S_VALUE;
          this.vkind = V_NESTED;
          this.emit = true;
          this.after = S_ARR_NEXT;
        } else {
          this.g = STATE_OF_GAP[st.gap];
        }
        i = simd.at;
        if (i >= n) return -1;
        continue;
      }
      if (r >= 0) {
        this.g = STATE_OF_GAP[st.gap];
        return r;
      }
      this.emit = true;
      this.nestedDamage(r, b, simd.at);
      return -1;
    }
  }

  private startTop(b: Buffer, i: number, c: number): number {
    const fixed = this.fixedShape;
    const abs = this.pos + i;
    if (fixed === 'json-lines' || (fixed === undefined && c !== LBRACE && c !== LBRACKET && (c === QUOTE || isScalarStart(c)))) {
      this.shape = 'json-lines';
      return this.beginValue(b, i, c, true, S_LINES);
    }
    if (c === LBRACKET && (fixed === undefined || fixed === 'array')) {
      this.shape = 'array';
      this.g = S_ARR_FIRST;
      return i + 1;
    }
    if (c === LBRACE && fixed !== 'array') {
      this.g = S_OBJ_FIRST;
      if (fixed === undefined) {
        this.probing = true;
        this.recLocal = i;
        this.recStartAbs = abs;
        this.clearCarry();
      }
      return i + 1;
    }
    const expected = fixed === 'array' ? "'['" : fixed === undefined ? "'{', '[' or a JSON value" : "'{'";
    this.fail('not-a-container', abs, `not a recognised container: expected ${expected}, found ${describeByte(c)}`);
    return i + 1;
  }

  private objectValue(b: Buffer, i: number, c: number): number {
    if (this.keyTarget) {
      if (c === LBRACKET) {
        if (this.foundTarget) {
          this.fail('bad-container', this.pos + i, `a second "${this.targetName()}" array in the top-level object`);
          return i + 1;
        }
        this.foundTarget = true;
        this.shape = this.keyName === 'Records' ? 'records-object' : 'events-object';
        if (this.probing) {
          this.probing = false;
          this.skipping = false;
          this.recLocal = -1;
          this.clearCarry();
        }
        this.g = S_ARR_FIRST;
        return i + 1;
      }
      if (this.fixedShape !== undefined) {
        this.fail('bad-container', this.pos + i, `"${this.targetName()}" is not an array (found ${describeByte(c)})`);
        return i + 1;
      }
    }
    return this.beginValue(b, i, c, false, S_OBJ_NEXT);
  }

  private targetName(): string {
    return this.keyName === '' ? 'Records' : this.keyName;
  }

  private closeObject(b: Buffer, i: number, onRecord: RecordCallback): number {
    if (this.probing) {
      // A top-level object without a "Records"/"Events" array: the first record of JSON Lines.
      this.probing = false;
      this.shape = 'json-lines';
      this.g = S_LINES;
      this.deliver(b, i + 1, onRecord);
      return i + 1;
    }
    if (!this.foundTarget) {
      this.fail('bad-container', this.pos + i, `the top-level object has no "${this.targetName()}" array`);
      return i + 1;
    }
    this.g = S_END;
    return i + 1;
  }

  /** Starts a value at `i` (first byte `c`): a record when `emit`, else a skipped container value. */
  private beginValue(b: Buffer, i: number, c: number, emit: boolean, after: number): number {
    const abs = this.pos + i;
    if (c === LBRACE || c === LBRACKET) {
      this.vkind = V_NESTED;
      this.inStr = false;
      if (this.wasm !== null) {
        this.wasm.begin(this, c);
      } else {
        this.depth = 1;
        this.stack[0] = c;
        this.gs = c === LBRACE ? O_FIRST : A_FIRST;
      }
    } else if (c === QUOTE) {
      this.beginString(b, i, V_STRING);
    } else if (isScalarStart(c)) {
      this.vkind = V_SCALAR;
      this.token = '';
      this.tokenLocal = i;
      this.tokenStartAbs = abs;
    } else {
      const what = emit ? `record ${this.index()}` : 'a value';
      this.fail('unexpected-byte', abs, `expected ${what}, found ${describeByte(c)}`);
      return i + 1;
    }
    this.g = S_VALUE;
    this.emit = emit;
    this.after = after;
    if (emit) {
      this.recLocal = i;
      this.recStartAbs = abs;
      this.clearCarry();
    }
    return this.vkind === V_SCALAR ? i : i + 1;
  }

  private beginString(b: Buffer, i: number, kind: number): void {
    this.g = S_VALUE;
    this.vkind = kind;
    this.inStr = true;
    this.escPending = false;
    this.hexLeft = 0;
    this.strStartAbs = this.pos + i;
    if (kind === V_KEY) {
      this.token = '';
      this.tokenLocal = i + 1;
    }
  }

  private valueDone(b: Buffer, e: number, onRecord: RecordCallback): void {
    const kind = this.vkind;
    if (kind === V_KEY) {
      const from = this.tokenLocal >= 0 ? this.tokenLocal : 0;
      const raw = (this.token + b.toString('latin1', from, Math.min(e - 1, from + MAX_KEY_KEPT))).slice(0, MAX_KEY_KEPT);
      this.g = S_OBJ_COLON;
      this.keyTarget = this.targetKey(raw);
      return;
    }
    if (kind === V_SCALAR) {
      const from = this.tokenLocal >= 0 ? this.tokenLocal : 0;
      const token = this.token + b.toString('latin1', from, Math.min(e, from + MAX_LITERAL + 1));
      if (token.length > MAX_LITERAL) {
        this.fail('unexpected-byte', this.tokenStartAbs, `a number or literal longer than ${MAX_LITERAL} bytes`);
        return;
      }
      if (!isValidScalar(token)) {
        this.fail('unexpected-byte', this.tokenStartAbs, `invalid literal ${JSON.stringify(token.slice(0, 40))}`);
        return;
      }
    }
    this.g = this.after;
    if (this.emit) this.deliver(b, e, onRecord);
  }

  /** Decides whether a top-level key names the records array; remembers which name it was. */
  private targetKey(raw: string): boolean {
    let key = raw;
    if (raw.includes('\\')) {
      try {
        const decoded: unknown = JSON.parse(`"${Buffer.from(raw, 'latin1').toString('utf8')}"`);
        if (typeof decoded === 'string') key = decoded;
      } catch {
        return false;
      }
    }
    const fixed = this.fixedShape;
    if (fixed === 'records-object' || (fixed === undefined && !this.foundTarget && key === 'Records')) {
      this.keyName = 'Records';
    } else if (fixed === 'events-object' || (fixed === undefined && !this.foundTarget && key === 'Events')) {
      this.keyName = 'Events';
    }
    return (fixed === undefined || fixed === 'records-object' || fixed === 'events-object') && key === this.keyName;
  }

  // ---- scanning inside values ----------------------------------------------------------------

  /** Number or literal: ends at the first byte that cannot belong to it. */
  private scanScalar(b: Buffer, i: number, n: number): number {
    while (i < n && isScalarByte(b[i])) i++;
    return i < n ? i : -1;
  }

  /**
   * Rest of a string whose opening quote was already seen. Returns the index after the closing
   * quote, or -1 when the chunk ends first (or on damage).
   */
  private scanString(b: Buffer, i: number, n: number): number {
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
    this.fail('unexpected-byte', this.pos + at,
      `invalid escape (${describeByte(b[at])}) in a string that starts at offset ${this.strStartAbs}`);
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
    this.fail('unexpected-byte', this.pos + nl,
      `line break inside a string that starts at offset ${this.strStartAbs} (truncated line?)`);
    return true;
  }

  private scanNestedWasm(wasm: WasmScanner, b: Buffer, i: number, n: number): number {
    const r = wasm.scan(this, b, i, n);
    if (r >= 0) return r;
    if (r === NEED_MORE) return -1;
    if (r === GRAMMAR) this.badGrammar(wasm.errState, b[wasm.errIndex], wasm.errIndex);
    else this.nestedDamage(r, b, wasm.errIndex);
    return -1;
  }

  /** Damage inside a nested value found by a WebAssembly scanner (their codes agree). */
  private nestedDamage(r: number, b: Buffer, at: number): void {
    const c = b[at];
    const inside = this.inside();
    if (r === MISMATCH) {
      this.fail('unbalanced', this.pos + at, `${describeByte(c)} does not match the open bracket inside ${inside}`);
    } else if (r === CONTROL_BYTE) {
      this.fail('unexpected-byte', this.pos + at, c === LF
        ? `line break inside a string in ${inside} (truncated line?)`
        : `raw control ${describeByte(c)} inside a string in ${inside}`);
    } else if (r === BAD_ESCAPE) {
      this.fail('unexpected-byte', this.pos + at, `invalid escape (${describeByte(c)}) in a string in ${inside}`);
    } else {
      this.fail('unbalanced', this.pos + at, `nesting deeper than ${MAX_DEPTH} inside ${inside}`);
    }
  }

  private inside(): string {
    return this.emit ? `record ${this.index()}` : 'a container value';
  }

  private badGrammar(state: number, c: number, at: number): void {
    this.fail('unexpected-byte', this.pos + at, `expected ${expectation(state)}, found ${describeByte(c)} inside ${this.inside()}`);
  }

  /**
   * The hot loop without WebAssembly: inside an object or array, find its end, checking the grammar
   * byte by byte between strings; strings are skipped with indexOf. Returns the index after the
   * closing bracket, or -1.
   */
  private scanNested(b: Buffer, i: number, n: number): number {
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
          this.fail('unbalanced', this.pos + i, `${describeByte(c)} closes ${describeByte(open)} inside ${this.inside()}`);
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
        this.badGrammar(st, c, i);
        return -1;
      }
    }
    this.depth = depth;
    this.gs = st;
    return -1;
  }
}

/**
 * Shape of a container from its first bytes (after BOM and whitespace), or null when the head does
 * not tell: a top-level object is a container only if a "Records"/"Events" array follows, and is
 * the first JSON Lines record otherwise, so the head must reach that far.
 */
export function detectShape(head: Buffer): ContainerShape | null {
  const probe = new RecordSplitter();
  // in slices: the shape is usually known within the first bytes, and the head may be a whole file
  for (let at = 0; at < head.length && probe.detectedShape === null && probe.damage === undefined; at += PROBE_SLICE) {
    probe.push(head.subarray(at, at + PROBE_SLICE), () => undefined);
  }
  return probe.detectedShape;
}

const PROBE_SLICE = 64 * 1024;
