// Exact, incremental splitter of a JSON log container into its top-level records, over UTF-8 bytes.
//
//   const splitter = new RecordSplitter({ onSkipped });  // or { shape: 'records-object', ... }
//   for (const chunk of gunzippedChunks) splitter.push(chunk, (rec, i) => { if (mayBeDenial(rec)) use(JSON.parse(rec.toString())); });
//   const { shape, records, skipped, error } = splitter.end();   // error: damage with offset and reason
//
// Why not JSON.parse or stream-json: the hot path only needs record boundaries, and most records are
// never parsed. The grammar between records (container keys, commas, literals, JSON Lines) is read
// in JavaScript, where there are a few bytes per record (container-grammar.ts). Inside the records of
// an array the default inner loop is the WebAssembly SIMD scanner (simd-driver.ts, simd-scanner.ts,
// ~3.6 GB/s; it does not check the grammar inside a record, see there). With scanner 'wasm'
// (--strict-json) it runs the grammar table of grammar-table.ts as a WebAssembly byte loop
// (wasm-scanner.ts, ~1.6 GB/s on CloudTrail JSON); the JavaScript one ('js', where there is no
// WebAssembly: value-scanner.ts) reaches ~0.9 GB/s.
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
import { isValidScalar } from './bytes.js';
import {
  ContainerGrammar,
  GAP_OF_STATE,
  MAX_KEY_KEPT,
  MAX_LITERAL,
  STATE_OF_GAP,
  S_ARR_NEXT,
  S_DAMAGED,
  S_END,
  S_LINES,
  S_START,
  S_VALUE,
  V_KEY,
  V_NESTED,
  V_SCALAR,
} from './container-grammar.js';
import { nestedDamage } from './damage.js';
import { SimdDriver, type SimdHost } from './simd-driver.js';
import { simdScanner } from './simd-scanner.js';
import {
  DEFAULT_MAX_RECORD_BYTES,
  type ContainerShape,
  type RecordCallback,
  type RecordSplitterOptions,
  type SkipCallback,
  type SplitDamage,
  type SplitDamageKind,
  type SplitResult,
} from './types.js';
import { wasmScanner } from './wasm-scanner.js';

export { mayBeDenial } from './bytes.js';
export * from './types.js';

const NO_BYTES = Buffer.alloc(0);
const IGNORE: RecordCallback = () => undefined;

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
export class RecordSplitter extends ContainerGrammar implements SimdHost {
  private readonly maxRecordBytes: number;
  private readonly onSkipped: SkipCallback | undefined;
  private records = 0; // delivered
  private skipped = 0;

  constructor(options: RecordSplitterOptions = {}) {
    const maxRecordBytes = options.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES;
    const simd = options.scanner === undefined || options.scanner === 'simd' ? simdScanner() : null;
    super(options.shape, options.scanner === 'js' ? null : wasmScanner(), simd === null ? null : new SimdDriver(simd, options.onPlain, maxRecordBytes));
    this.maxRecordBytes = maxRecordBytes;
    this.onSkipped = options.onSkipped;
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
    this.js.newChunk(this.pos);
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
      // a number or literal ends the input: it ends with it
      const token = this.token;
      if (!isValidScalar(token)) {
        this.fail('unexpected-byte', this.tokenStartAbs, `invalid literal ${JSON.stringify(token.slice(0, 40))}`);
        return;
      }
      this.g = S_LINES;
      this.deliver(NO_BYTES, 0, onRecord ?? IGNORE);
      return;
    }
    this.fail('truncated', this.pos, `input ends ${this.truncatedWhere()}`);
  }

  fail(kind: SplitDamageKind, offset: number, reason: string): void {
    if (this.error !== undefined) return;
    this.error = { kind, offset, record: this.index(), reason };
    this.g = S_DAMAGED;
    if (this.simd !== null) this.simd.inRecord = false;
    this.carry.clear();
    if (this.wasm !== null) this.wasm.release(this);
  }

  /** Copies the unfinished record (or probed object) at the end of the chunk. */
  private keepTail(b: Buffer, n: number): void {
    const inRecord = this.probing || (this.g === S_VALUE && this.emit);
    if (inRecord) {
      const from = this.recLocal >= 0 ? this.recLocal : 0;
      if (!this.skipping && this.carry.length + n - from > this.maxRecordBytes) {
        this.skipping = true;
        this.carry.clear();
      }
      if (!this.skipping) this.carry.append(b, from, n);
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

  /** Where the input stopped, for a 'truncated' damage. */
  private truncatedWhere(): string {
    if (this.g === S_VALUE && this.emit) return `inside record ${this.index()} (starts at offset ${this.recStartAbs})`;
    if (this.js.inStr) return `inside a string (starts at offset ${this.js.strStartAbs})`;
    if (this.shape === 'array') return 'inside the top-level array';
    if (this.shape === 'json-lines' || this.probing) return `inside record ${this.index()} (starts at offset ${this.recStartAbs})`;
    return 'inside the container object';
  }

  protected index(): number {
    return this.records + this.skipped;
  }

  /** Passes over the record just ended, `bytes` long, that is longer than maxRecordBytes. */
  private skip(bytes: number): void {
    const index = this.index();
    this.skipped++;
    this.skipping = false;
    this.recLocal = -1;
    this.carry.clear();
    if (this.onSkipped !== undefined) {
      this.onSkipped(
        index,
        this.recStartAbs,
        bytes,
        `record ${index} (starts at offset ${this.recStartAbs}) is ${bytes} bytes, longer than maxRecordBytes (${this.maxRecordBytes}): skipped`,
      );
    }
  }

  protected deliver(b: Buffer, end: number, onRecord: RecordCallback, hint?: boolean): void {
    const length = this.pos + end - this.recStartAbs;
    if (this.skipping || length > this.maxRecordBytes) return this.skip(length);
    let rec: Buffer;
    if (this.recLocal >= 0) {
      rec = b.subarray(this.recLocal, end);
    } else if (this.carry.fitsHead(end)) {
      this.carry.append(b, 0, end);
      rec = this.carry.carried();
    } else {
      rec = this.carry.carried(b.subarray(0, end));
    }
    this.recLocal = -1;
    this.carry.clear();
    const index = this.index();
    this.records++;
    onRecord(rec, index, this.recStartAbs, hint);
  }

  // ---- the SIMD driver's view (simd-driver.ts) ---------------------------------------------

  protected simdHost(): SimdHost {
    return this;
  }

  simdGap(): number | null {
    return GAP_OF_STATE.get(this.g) ?? null;
  }

  toGap(gap: number): void {
    this.g = STATE_OF_GAP[gap];
  }

  inRecord(start: number): void {
    if (start >= 0) {
      this.recLocal = start;
      this.recStartAbs = this.pos + start;
      this.skipping = false;
      this.carry.clear();
    }
    this.g = S_VALUE;
    this.vkind = V_NESTED;
    this.emit = true;
    this.after = S_ARR_NEXT;
  }

  countPlain(count: number): void {
    this.records += count;
  }

  deliverFrom(b: Buffer, start: number, end: number, onRecord: RecordCallback, hint: boolean): void {
    if (start >= 0) {
      this.recLocal = start;
      this.recStartAbs = this.pos + start;
    }
    this.deliver(b, end, onRecord, hint);
  }

  recordDamage(code: number, c: number, abs: number): void {
    this.emit = true;
    nestedDamage(this, code, c, abs);
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
