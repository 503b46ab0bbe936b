// Damage found inside a value, worded the same whichever scanner found it: the WebAssembly scanners
// report codes (wasm-scanner.ts), the JavaScript scanner the grammar state it was in.
import { describeByte } from './bytes.js';
import { expectation } from './grammar-table.js';
import type { SplitDamageKind } from './types.js';
import { BAD_ESCAPE, CONTROL_BYTE, MAX_DEPTH, MISMATCH } from './wasm-scanner.js';

/** Where damage goes: the splitter, which stops there. */
export interface DamageSink {
  fail(kind: SplitDamageKind, offset: number, reason: string): void;
  /** What was being read, for messages: `record 3` or `a container value`. */
  inside(): string;
}

/** Damage code `r` of a WebAssembly scanner at absolute offset `abs`, whose byte is `c`. */
export function nestedDamage(sink: DamageSink, r: number, c: number, abs: number): void {
  const inside = sink.inside();
  if (r === MISMATCH) {
    sink.fail('unbalanced', abs, `${describeByte(c)} does not match the open bracket inside ${inside}`);
  } else if (r === CONTROL_BYTE) {
    sink.fail(
      'unexpected-byte',
      abs,
      c === 0x0a ? `line break inside a string in ${inside} (truncated line?)` : `raw control ${describeByte(c)} inside a string in ${inside}`,
    );
  } else if (r === BAD_ESCAPE) {
    sink.fail('unexpected-byte', abs, `invalid escape (${describeByte(c)}) in a string in ${inside}`);
  } else {
    sink.fail('unbalanced', abs, `nesting deeper than ${MAX_DEPTH} inside ${inside}`);
  }
}

/** A byte `c` the in-record grammar does not allow in `state` (grammar-table.ts). */
export function grammarDamage(sink: DamageSink, state: number, c: number, abs: number): void {
  sink.fail('unexpected-byte', abs, `expected ${expectation(state)}, found ${describeByte(c)} inside ${sink.inside()}`);
}
