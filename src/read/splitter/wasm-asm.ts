// A minimal WebAssembly assembler: opcodes by name, labels resolved to branch depths, and a module of
// one exported function over one exported memory. The splitter's inner loops are written with it
// (wasm-scanner.ts, simd-scanner.ts) so that no binary blob and no toolchain enters the repository.
//
//   const a = new Asm();
//   a.block('done').get(0).eqz().brIf('done').end();
//   const bytes = wasmModule({ params: [I32, I32], locals: [[2, I32]], body: a.bytes, pages: 4, name: 'scan' });

export const I32 = 0x7f;
export const I64 = 0x7e;
export const V128 = 0x7b;
const EMPTY = 0x40;

export class Asm {
  readonly bytes: number[] = [];
  private readonly labels: string[] = [];

  op(...b: number[]): this {
    for (const x of b) this.bytes.push(x);
    return this;
  }
  private simd(code: number, ...rest: number[]): this {
    return this.op(0xfd, ...uleb(code), ...rest);
  }
  private depthOf(label: string): number {
    const k = this.labels.lastIndexOf(label);
    if (k < 0) throw new Error(`no label ${label}`);
    return this.labels.length - 1 - k;
  }
  block(label: string): this { this.labels.push(label); return this.op(0x02, EMPTY); }
  loop(label: string): this { this.labels.push(label); return this.op(0x03, EMPTY); }
  if(): this { this.labels.push(''); return this.op(0x04, EMPTY); }
  else(): this { return this.op(0x05); }
  end(): this { this.labels.pop(); return this.op(0x0b); }
  br(label: string): this { return this.op(0x0c, this.depthOf(label)); }
  brIf(label: string): this { return this.op(0x0d, this.depthOf(label)); }
  ret(): this { return this.op(0x0f); }
  unreachable(): this { return this.op(0x00); }
  select(): this { return this.op(0x1b); }
  get(local: number): this { return this.op(0x20, ...uleb(local)); }
  set(local: number): this { return this.op(0x21, ...uleb(local)); }
  tee(local: number): this { return this.op(0x22, ...uleb(local)); }

  // i32
  const(v: number): this { return this.op(0x41, ...sleb(v)); }
  load8(offset = 0): this { return this.op(0x2d, 0, ...uleb(offset)); }
  load16(offset = 0): this { return this.op(0x2f, 0, ...uleb(offset)); }
  load32(offset = 0): this { return this.op(0x28, 0, ...uleb(offset)); }
  store8(offset = 0): this { return this.op(0x3a, 0, ...uleb(offset)); }
  store32(offset = 0): this { return this.op(0x36, 0, ...uleb(offset)); }
  eqz(): this { return this.op(0x45); }
  eq(): this { return this.op(0x46); }
  ne(): this { return this.op(0x47); }
  ltU(): this { return this.op(0x49); }
  gtU(): this { return this.op(0x4b); }
  leU(): this { return this.op(0x4d); }
  geU(): this { return this.op(0x4f); }
  add(): this { return this.op(0x6a); }
  sub(): this { return this.op(0x6b); }
  mul(): this { return this.op(0x6c); }
  and(): this { return this.op(0x71); }
  or(): this { return this.op(0x72); }
  shl(): this { return this.op(0x74); }
  wrap(): this { return this.op(0xa7); }

  // i64
  const64(v: bigint): this { return this.op(0x42, ...sleb64(v)); }
  load64(offset = 0): this { return this.op(0x29, 0, ...uleb(offset)); }
  store64(offset = 0): this { return this.op(0x37, 0, ...uleb(offset)); }
  eqz64(): this { return this.op(0x50); }
  eq64(): this { return this.op(0x51); }
  ne64(): this { return this.op(0x52); }
  ctz64(): this { return this.op(0x7a); }
  sub64(): this { return this.op(0x7d); }
  and64(): this { return this.op(0x83); }
  or64(): this { return this.op(0x84); }
  xor64(): this { return this.op(0x85); }
  shl64(): this { return this.op(0x86); }
  shrS64(): this { return this.op(0x87); }
  shrU64(): this { return this.op(0x88); }
  extendU(): this { return this.op(0xad); }

  // v128 (unaligned loads: align hint 0)
  load128(offset = 0): this { return this.simd(0x00, 0, ...uleb(offset)); }
  splat8(): this { return this.simd(0x0f); }
  eq8(): this { return this.simd(0x23); }
  ltS8(): this { return this.simd(0x25); }
  ltU8(): this { return this.simd(0x26); }
  or128(): this { return this.simd(0x50); }
  anyTrue(): this { return this.simd(0x53); }
  bitmask8(): this { return this.simd(0x64); }
}

export function uleb(v: number): number[] {
  const out: number[] = [];
  do {
    let b = v & 0x7f;
    v >>>= 7;
    if (v !== 0) b |= 0x80;
    out.push(b);
  } while (v !== 0);
  return out;
}

export function sleb(v: number): number[] {
  const out: number[] = [];
  for (;;) {
    const b = v & 0x7f;
    v >>= 7;
    if ((v === 0 && (b & 0x40) === 0) || (v === -1 && (b & 0x40) !== 0)) {
      out.push(b);
      return out;
    }
    out.push(b | 0x80);
  }
}

function sleb64(v: bigint): number[] {
  const out: number[] = [];
  let x = BigInt.asIntN(64, v);
  for (;;) {
    const b = Number(x & 0x7fn);
    x >>= 7n;
    if ((x === 0n && (b & 0x40) === 0) || (x === -1n && (b & 0x40) !== 0)) {
      out.push(b);
      return out;
    }
    out.push(b | 0x80);
  }
}

const vec = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];
const section = (id: number, body: number[]): number[] => [id, ...uleb(body.length), ...body];
const name = (s: string): number[] => [...uleb(s.length), ...Buffer.from(s, 'latin1')];

export interface WasmFunction {
  name: string;
  params: number[];
  /** Runs of locals after the parameters: [count, type]. */
  locals: [number, number][];
  body: number[];
  /** Memory size in 64 KiB pages; the memory is exported as "mem". */
  pages: number;
}

/** A module with one function `(params) -> i32` and one memory. */
export function wasmModule(f: WasmFunction): Uint8Array {
  const body = [...vec(f.locals.map(([n, t]) => [...uleb(n), t])), ...f.body, 0x0b];
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, vec([[0x60, ...vec(f.params.map((t) => [t])), ...vec([[I32]])]])),
    ...section(3, vec([[0]])),
    ...section(5, vec([[0x00, ...uleb(f.pages)]])),
    ...section(7, vec([[...name(f.name), 0x00, 0], [...name('mem'), 0x02, 0]])),
    ...section(10, vec([[...uleb(body.length), ...body]])),
  ]);
}

/** A per-thread instance made on first use, or null for good when making it throws (no WebAssembly). */
export function perThread<T>(make: () => T): () => T | null {
  let made: T | null | undefined;
  return () => {
    if (made === undefined) {
      try {
        made = make();
      } catch {
        made = null;
      }
    }
    return made;
  };
}

// The compiler's libs here (ES2023, node types) do not declare WebAssembly; this is the part used.
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: Record<string, unknown> };
}
const wasmApi = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;

/** Compiles and instantiates a module; throws where WebAssembly (or its SIMD) is unavailable. */
export function instantiate(bytes: Uint8Array): { fn: (...args: number[]) => number; memory: ArrayBuffer } {
  if (wasmApi === undefined) throw new Error('WebAssembly is not available');
  const exports = new wasmApi.Instance(new wasmApi.Module(bytes)).exports;
  const fn = Object.values(exports).find((v) => typeof v === 'function') as (...args: number[]) => number;
  return { fn, memory: (exports.mem as { buffer: ArrayBuffer }).buffer };
}
