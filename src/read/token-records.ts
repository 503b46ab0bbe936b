import Assembler from 'stream-json/assembler.js';
import type parser from 'stream-json/parser.js';

type Token = parser.Token;

/**
 * How an item was found: an element of a Records container, an element of a bare top-level array
 * (a log only when its first element is a record: file-scan.ts), a lookup-events element (its
 * CloudTrailEvent string holds the record), or a bare top-level value (JSON Lines, a one-record file).
 */
export type ItemOrigin = 'element' | 'array-element' | 'event' | 'top-level';

export type ItemHandler = (value: unknown, origin: ItemOrigin) => void;

type Mode = 'between' | 'undecided' | 'array' | 'container' | 'after-container';

const CONTAINER_KEYS: Record<string, ItemOrigin> = { Records: 'element', Events: 'event' };

function scalar(t: Token): unknown {
  switch (t.name) {
    case 'stringValue':
      return t.value;
    case 'numberValue':
      return Number(t.value);
    case 'nullValue':
      return null;
    case 'trueValue':
      return true;
    case 'falseValue':
      return false;
    default:
      return undefined;
  }
}

/**
 * Turns a packed token stream (jsonStreaming on) into records, one at a time, for every container
 * shape: {"Records":[…]}, {"Events":[…]} (lookup-events), a top-level array, or concatenated values
 * (JSON Lines). A top-level object stays undecided until a depth-1 "Records"/"Events" key opens an
 * array; until then it is assembled as if it were a record, which is what it is in JSON Lines.
 * Only one record is held in memory at a time.
 */
export class TokenRecords {
  private depth = 0;
  private mode: Mode = 'between';
  private lastKey: string | null = null;
  private origin: ItemOrigin = 'element';
  private elementDepth = 0;
  private asm: Assembler | null = null;

  constructor(private readonly emit: ItemHandler) {}

  consume(t: Token): void {
    const opens = t.name === 'startObject' || t.name === 'startArray';
    const closes = t.name === 'endObject' || t.name === 'endArray';
    if (this.mode === 'between') return this.topLevel(t, opens);
    if (this.mode === 'undecided' && this.depth === 1) {
      if (t.name === 'keyValue') this.lastKey = t.value;
      else if (t.name === 'startArray' && this.lastKey !== null && this.lastKey in CONTAINER_KEYS) {
        this.origin = CONTAINER_KEYS[this.lastKey];
        this.mode = 'container';
        this.asm = null;
        this.elementDepth = 2;
        this.depth = 2;
        return;
      }
    }
    if ((this.mode === 'array' || this.mode === 'container') && this.depth === this.elementDepth && !this.asm) {
      if (closes) {
        this.depth--;
        this.mode = this.mode === 'array' ? 'between' : 'after-container';
        return;
      }
      if (opens) this.startAssembly(t);
      else this.emit(scalar(t), this.origin);
      return;
    }
    if (opens) this.depth++;
    if (closes) this.depth--;
    if (this.asm) {
      this.asm.consume(t);
      if (this.mode === 'undecided' && this.depth === 0) this.finish('top-level', 'between');
      else if (this.depth === this.elementDepth && this.mode !== 'undecided') this.finish(this.origin, this.mode);
    } else if (this.mode === 'after-container' && this.depth === 0) {
      this.mode = 'between';
    }
  }

  /** True when the stream ended between top-level values (nothing cut off). */
  get complete(): boolean {
    return this.mode === 'between' && this.depth === 0;
  }

  private topLevel(t: Token, opens: boolean): void {
    if (t.name === 'startArray') {
      this.mode = 'array';
      this.origin = 'array-element';
      this.elementDepth = 1;
      this.depth = 1;
    } else if (opens) {
      this.mode = 'undecided';
      this.lastKey = null;
      this.elementDepth = 0;
      this.startAssembly(t);
    } else {
      this.emit(scalar(t), 'top-level');
    }
  }

  private startAssembly(t: Token): void {
    this.asm = new Assembler();
    this.asm.consume(t);
    this.depth++;
  }

  private finish(origin: ItemOrigin, next: Mode): void {
    const value = this.asm?.current;
    this.asm = null;
    this.mode = next;
    this.emit(value, origin);
  }
}
