// A nested value through the WebAssembly grammar scanner (wasm-scanner.ts; --strict-json): its result
// codes in the splitter's terms.
import { grammarDamage, nestedDamage, type DamageSink } from './damage.js';
import { GRAMMAR, NEED_MORE, type WasmScanner } from './wasm-scanner.js';

/**
 * Continues the nested value `owner` is reading over b[i, n): the index after its closing bracket,
 * or -1 when the chunk ends first or on damage (told to the sink; `pos`: the chunk's absolute offset).
 */
export function scanNestedWasm(wasm: WasmScanner, owner: object, sink: DamageSink, pos: number, b: Buffer, i: number, n: number): number {
  const r = wasm.scan(owner, b, i, n);
  if (r >= 0) return r;
  if (r === NEED_MORE) return -1;
  const at = wasm.errIndex;
  if (r === GRAMMAR) grammarDamage(sink, wasm.errState, b[at], pos + at);
  else nestedDamage(sink, r, b[at], pos + at);
  return -1;
}
