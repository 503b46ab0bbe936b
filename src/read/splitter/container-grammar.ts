// The grammar between records: the container (`{"Records":[…]}`, `{"Events":[…]}`, a top-level array,
// JSON Lines), its keys, commas and literals, where each record begins and ends, and what an input
// that stops early was in the middle of. A few bytes per record are read here, in JavaScript; the
// bytes inside a value go to a scanner (value-scanner.ts, or WebAssembly: wasm-driver.ts, and for the
// records of an array simd-driver.ts). record-splitter.ts completes this class with the delivery of
// records. Longer than the other splitter files (~350 lines): it is one state machine, one switch
// over the states between records, and cutting it apart would scatter that switch.
import { RecordCarry } from './carry.js';
import { describeByte, isScalarStart, isValidScalar } from './bytes.js';
import { recordsKey } from './container-keys.js';
import { GAP_AFTER_COMMA, GAP_AFTER_RECORD, GAP_FIRST } from './simd-module.js';
import type { DamageSink } from './damage.js';
import type { SimdDriver, SimdHost } from './simd-driver.js';
import type { ContainerShape, RecordCallback, SplitDamage, SplitDamageKind } from './types.js';
import { JsValueScanner } from './value-scanner.js';
import { scanNestedWasm } from './wasm-driver.js';
import type { WasmScanner } from './wasm-scanner.js';

// Byte values and states are module-local constants on purpose (see value-scanner.ts).
const QUOTE = 0x22;
const LF = 0x0a;
const LBRACE = 0x7b;
const RBRACE = 0x7d;
const LBRACKET = 0x5b;
const RBRACKET = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;
const BOM = [0xef, 0xbb, 0xbf];

export const MAX_KEY_KEPT = 256; // a longer top-level key cannot be "Records" or "Events"
export const MAX_LITERAL = 4096;

// Grammar states between records.
export const S_START = 0; // before the top-level value (BOM, whitespace)
const S_OBJ_FIRST = 1; // after the container's '{': a key or '}'
const S_OBJ_KEY = 2; // after ',': a key
const S_OBJ_COLON = 3;
const S_OBJ_VALUE = 4;
const S_OBJ_NEXT = 5; // ',' or '}'
const S_ARR_FIRST = 6; // after the records array's '[': a record or ']'
const S_ARR_ELEM = 7; // after ',': a record
export const S_ARR_NEXT = 8; // ',' or ']'
export const S_LINES = 9; // JSON Lines: a record or whitespace
export const S_END = 10; // after the top-level value: whitespace only
export const S_VALUE = 11; // inside a value (record, skipped container value, or key)
export const S_DAMAGED = 12;

// The records-array states and the SIMD scanner's gap states, both ways.
export const STATE_OF_GAP: Record<number, number> = { [GAP_FIRST]: S_ARR_FIRST, [GAP_AFTER_RECORD]: S_ARR_NEXT, [GAP_AFTER_COMMA]: S_ARR_ELEM };
export const GAP_OF_STATE = new Map(Object.entries(STATE_OF_GAP).map(([gap, state]) => [state, Number(gap)]));

// Kinds of value scanned in S_VALUE.
export const V_NESTED = 0;
const V_STRING = 1;
export const V_SCALAR = 2;
export const V_KEY = 3;

function isWhitespace(c: number): boolean {
  return c === 0x20 || c === LF || c === 0x0d || c === 0x09;
}

export abstract class ContainerGrammar implements DamageSink {
  protected shape: ContainerShape | null = null;
  protected g = S_START;
  protected error: SplitDamage | undefined;
  /** Absolute offset of the current chunk's first byte. */
  pos = 0;
  protected bomSeen = 0;

  // Value being scanned (S_VALUE).
  protected vkind = V_NESTED;
  protected emit = false; // the value is a record
  protected after = S_END; // state once the value ends
  protected token = ''; // scalar or key bytes (latin1) carried across chunks
  protected tokenLocal = -1; // where the scalar or key began in the current chunk, -1 if before it
  protected tokenStartAbs = 0;
  protected readonly js = new JsValueScanner(this);

  // The record (or probed top-level object) under way.
  protected recLocal = -1; // start in the current chunk, -1 if it began in an earlier chunk
  protected recStartAbs = 0;
  protected readonly carry = new RecordCarry();
  protected skipping = false; // the record (or probed object) outgrew maxRecordBytes: not kept
  protected probing = false; // auto mode, top-level '{': container or first JSON Lines record?
  private keyTarget = false;
  protected keyName: 'Records' | 'Events' | '' = '';
  private foundTarget = false;

  protected constructor(
    protected readonly fixedShape: ContainerShape | undefined,
    protected readonly wasm: WasmScanner | null,
    protected readonly simd: SimdDriver | null,
  ) {}

  /** Hands out the record ending before local index `end` (it began at recLocal, or is carried). */
  protected abstract deliver(b: Buffer, end: number, onRecord: RecordCallback, hint?: boolean): void;
  abstract fail(kind: SplitDamageKind, offset: number, reason: string): void;
  /** Index of the record being read: records delivered and skipped before it. */
  protected abstract index(): number;
  /** How the SIMD driver sees the splitter (simd-driver.ts): record-splitter.ts. */
  protected abstract simdHost(): SimdHost;

  inside(): string {
    return this.emit ? `record ${this.index()}` : 'a container value';
  }

  // ---- grammar between records -------------------------------------------------------------

  protected run(b: Buffer, n: number, onRecord: RecordCallback): void {
    let i = 0;
    let handBack = false; // the SIMD scanner left the byte at i to the grammar below
    while (i < n) {
      const g = this.g;
      if (this.simd !== null && !handBack && (this.simd.inRecord || g === S_ARR_FIRST || g === S_ARR_ELEM || g === S_ARR_NEXT)) {
        i = this.simd.run(this.simdHost(), b, i, n, onRecord);
        if (i < 0) return;
        handBack = true;
        continue;
      }
      handBack = false;
      if (g === S_VALUE) {
        const e =
          this.vkind === V_NESTED
            ? this.wasm !== null
              ? scanNestedWasm(this.wasm, this, this, this.pos, b, i, n)
              : this.js.scanNested(b, i, n)
            : this.vkind === V_SCALAR
              ? this.js.scanScalar(b, i, n)
              : this.js.scanString(b, i, n);
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
            i = this.startTop(i, c);
          }
          break;
        case S_OBJ_FIRST:
        case S_OBJ_KEY:
          if (c === QUOTE) {
            this.beginString(i, V_KEY);
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
          i = this.objectValue(i, c);
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
            i = this.beginValue(i, c, true, S_ARR_NEXT);
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
          i = this.beginValue(i, c, true, S_LINES);
          break;
        case S_END:
          this.fail('unexpected-byte', abs, `unexpected ${describeByte(c)} after the end of the top-level value`);
          break;
        default:
          return;
      }
    }
  }

  private startTop(i: number, c: number): number {
    const fixed = this.fixedShape;
    const abs = this.pos + i;
    if (fixed === 'json-lines' || (fixed === undefined && c !== LBRACE && c !== LBRACKET && (c === QUOTE || isScalarStart(c)))) {
      this.shape = 'json-lines';
      return this.beginValue(i, c, true, S_LINES);
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
        this.carry.clear();
      }
      return i + 1;
    }
    const expected = fixed === 'array' ? "'['" : fixed === undefined ? "'{', '[' or a JSON value" : "'{'";
    this.fail('not-a-container', abs, `not a recognised container: expected ${expected}, found ${describeByte(c)}`);
    return i + 1;
  }

  private objectValue(i: number, c: number): number {
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
          this.carry.clear();
        }
        this.g = S_ARR_FIRST;
        return i + 1;
      }
      if (this.fixedShape !== undefined) {
        this.fail('bad-container', this.pos + i, `"${this.targetName()}" is not an array (found ${describeByte(c)})`);
        return i + 1;
      }
    }
    return this.beginValue(i, c, false, S_OBJ_NEXT);
  }

  protected targetName(): string {
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
  private beginValue(i: number, c: number, emit: boolean, after: number): number {
    const abs = this.pos + i;
    if (c === LBRACE || c === LBRACKET) {
      this.vkind = V_NESTED;
      this.js.beginNested(c, this.wasm === null);
      if (this.wasm !== null) this.wasm.begin(this, c);
    } else if (c === QUOTE) {
      this.beginString(i, V_STRING);
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
      this.carry.clear();
    }
    return this.vkind === V_SCALAR ? i : i + 1;
  }

  private beginString(i: number, kind: number): void {
    this.g = S_VALUE;
    this.vkind = kind;
    this.js.beginString(this.pos + i);
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
      const key = recordsKey(raw, this.fixedShape, this.foundTarget, this.keyName);
      this.keyName = key.name;
      this.keyTarget = key.target;
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
}
