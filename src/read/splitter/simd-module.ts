// The code of the splitter's fastest inner loop (its driver is simd-scanner.ts): a WebAssembly SIMD scan over a records array, 64 bytes a step,
// that finds where each record ends and whether its bytes may hold a denial, without visiting bytes
// one by one. The technique is simdjson's stage 1: bit masks of quotes, backslashes and brackets per
// 64-byte block, escaped quotes removed, a prefix-XOR turning quote positions into an in-string mask,
// and only the brackets outside strings walked one by one (CloudTrail JSON has about one per 80 bytes).
//
// What it checks: strings (escapes, the escaped byte, raw control bytes), bracket balance and kind,
// nesting depth, and the grammar between records (whitespace, one comma). It does not check the grammar
// inside a record (commas, colons, numbers, literals, \u digits): a record it flags is JSON.parsed,
// which checks everything; a record it does not flag is counted as a record without an error. The
// grammar scanner (wasm-scanner.ts, --strict-json) checks every byte, at about a third of the speed.
//
// Besides the record boundaries it flags each record that holds the string `"errorCode"` or
// `"ConsoleLogin"`: the bytes mayBeDenial looks for, with an opening quote that is not escaped (so
// only a 'C' one or six bytes after a quote is looked at, a quarter of them in CloudTrail JSON). A
// candidate that the window or the block edge cuts is flagged: a false positive costs one JSON.parse,
// a false negative would lose a denial.
//
// scan(p, end, lo): from memory p, in the gap before a record (depth 0) or inside one (depth > 0), over
// [p, end) (a block's bytes past `end` are read but masked off; look-behind stops at lo). State in
// memory: [0] depth, [4] damage address, [8] records found, [12] gap state (0 first element, 1 after a
// record, 2 after a comma), [16] in-string mask carry (i64), [24] escape carry (i64), [32] flag of the
// record under way, [36] its start (-1 when it began before this call). Records found: (start, end,
// flag) triples at OUT. Returns NEED_MORE when [p, end) is used up, the address of a byte between
// records that it leaves to the caller (']', a scalar, an array: anything but whitespace, one comma or
// an object), or damage (the grammar scanner's codes).

import { BAD_ESCAPE, CONTROL_BYTE, MAX_DEPTH, MISMATCH, NEED_MORE, TOO_DEEP } from './wasm-scanner.js';
import { Asm, I32, I64, V128, wasmModule } from './wasm-asm.js';

export const STACK = 64;
export const ESC_TABLE = STACK + MAX_DEPTH;
export const OUT = ESC_TABLE + 256;
export const WINDOW = 1 << 20;
// Records are at least 2 bytes and a comma apart, plus one carried in from the previous window.
const OUT_ENTRIES = Math.ceil(WINDOW / 3) + 4;
// A Buffer of another memory is copied to COPY to be scanned; DATA is the window read into in place.
// A block may read up to 64 bytes past its input: PAD keeps that inside the memory.
const PAD = 64;
export const COPY = OUT + OUT_ENTRIES * 12;
export const DATA = COPY + WINDOW + PAD;
const PAGES = Math.ceil((DATA + WINDOW + PAD) / 65536);

// Result codes are the grammar scanner's (wasm-scanner.ts), so one table of messages serves both.

export const GAP_FIRST = 0;
export const GAP_AFTER_RECORD = 1;
export const GAP_AFTER_COMMA = 2;

// locals: parameters, then i32, i64, v128
const P = 0;
const END = 1;
const LO = 2; // the first byte of input in memory: a candidate's look-behind stops there
const DEPTH = 3;
const GAP = 4;
const FLAG = 5;
const RSTART = 6;
const NOUT = 7;
const IDX = 8;
const C = 9;
const N = 10;
const CLOSE = 11;
const I = 12;
const ERR_AT = 13; // first damage in the block (unsigned: -1 is none), reported only if inside the record
const ERR_CODE = 14;
const RARE = 15; // the block holds a backslash or a control byte
const INSTR = 16;
const ESC = 17;
const Q = 18;
const S = 19;
const IN = 20;
const X = 21;
const M = 22;
const ESCD = 23;
const CM = 24;
const VM = 25; // the block's bytes of input (the rest of the 64 may be anything)
const V = 26; // V..V+3: the block's four vectors
const T = 30; // T..T+3: the same | 0x20 (folds '[' into '{' and ']' into '}')
const K_QUOTE = 34;
const K_BACKSLASH = 35;
const K_SPACE = 36;
const K_OPEN = 37;
const K_CLOSE = 38;
const K_C = 39;
const LOCALS: [number, number][] = [[13, I32], [10, I64], [14, V128]];

const le64 = (s: string): bigint => Buffer.from(s, 'latin1').readBigUInt64LE(0);
const le32 = (s: string): number => Buffer.from(s, 'latin1').readInt32LE(0);
const le16 = (s: string): number => Buffer.from(s, 'latin1').readUInt16LE(0);

function scanBody(): number[] {
  const a = new Asm();
  const save = () => {
    a.const(0).get(DEPTH).store32().const(8).get(NOUT).store32().const(12).get(GAP).store32();
    a.const(16).get(INSTR).store64().const(24).get(ESC).store64();
    a.const(32).get(FLAG).store32().const(36).get(RSTART).store32();
  };
  // 64-bit mask of a per-vector test: vec(k) leaves the k-th vector's i8x16 result on the stack
  const mask = (vec: (k: number) => void) => {
    for (let k = 0; k < 4; k++) {
      vec(k);
      a.bitmask8().extendU();
      if (k > 0) a.const64(BigInt(16 * k)).shl64().or64();
    }
  };
  const any = (vec: (k: number) => void) => {
    for (let k = 0; k < 4; k++) {
      vec(k);
      if (k > 0) a.or128();
    }
    a.anyTrue();
  };
  const eqV = (konst: number) => (k: number) => a.get(V + k).get(konst).eq8();
  const eqT = (konst: number) => (k: number) => a.get(T + k).get(konst).eq8();
  const brackets = (k: number) => { eqT(K_OPEN)(k); eqT(K_CLOSE)(k); a.or128(); };
  const control = (k: number) => a.get(V + k).get(K_SPACE).ltU8();
  const isByte = (c: number) => a.get(C).const(c).eq();
  // damage at `at` (pushed by at()) unless an earlier one is noted
  const note = (at: () => void, code: number) => {
    at(); a.tee(IDX).get(ERR_AT).ltU().if(); a.get(IDX).set(ERR_AT).const(code).set(ERR_CODE); a.end();
  };

  a.const(0).load32().set(DEPTH).const(12).load32().set(GAP);
  a.const(16).load64().set(INSTR).const(24).load64().set(ESC).const(32).load32().set(FLAG);
  a.const(-1).set(RSTART);
  a.const(0).set(NOUT);
  for (const [local, byte] of [[K_QUOTE, 0x22], [K_BACKSLASH, 0x5c], [K_SPACE, 0x20], [K_OPEN, 0x7b], [K_CLOSE, 0x7d], [K_C, 0x43]]) {
    a.const(byte).splat8().set(local);
  }

  a.loop('top');
  // ---- between records: whitespace, one comma, then a record; anything else goes back to the caller
  a.get(DEPTH).eqz().if();
  a.loop('gap');
  a.get(P).get(END).geU().if(); save(); a.const(NEED_MORE).ret(); a.end();
  a.get(P).load8().set(C);
  isByte(0x20); isByte(0x0a); a.or(); isByte(0x0d); a.or(); isByte(0x09); a.or();
  a.if(); a.get(P).const(1).add().set(P).br('gap'); a.end();
  isByte(0x2c); a.get(GAP).const(GAP_AFTER_RECORD).eq().and();
  a.if(); a.const(GAP_AFTER_COMMA).set(GAP).get(P).const(1).add().set(P).br('gap'); a.end();
  // records are objects: an array element that is an array goes to the caller, to be parsed (and refused)
  isByte(0x7b); a.get(GAP).const(GAP_AFTER_RECORD).ne().and();
  a.if();
  a.const(STACK).get(C).store8();
  a.const(1).set(DEPTH).get(P).set(RSTART).const(0).set(FLAG);
  a.const64(0n).set(INSTR).const64(0n).set(ESC);
  a.get(P).const(1).add().set(P).br('top');
  a.end();
  save(); a.get(P).ret();
  a.end();
  a.end();

  // ---- inside a record, 64 bytes a step
  a.loop('block');
  a.get(P).get(END).geU().if(); save(); a.const(NEED_MORE).ret(); a.end();
  // N: bytes of input in this block; VM masks off the rest
  a.const(64).get(END).get(P).sub().tee(N).get(N).const(64).gtU().select().set(N);
  a.const64(-1n).const64(1n).get(N).extendU().shl64().const64(1n).sub64().get(N).const(64).eq().select().set(VM);
  for (let k = 0; k < 4; k++) a.get(P).load128(16 * k).tee(V + k).get(K_SPACE).or128().set(T + k);
  a.const(-1).set(ERR_AT);
  mask(eqV(K_QUOTE)); a.get(VM).and64().set(Q);
  mask(brackets); a.get(VM).and64().set(S);
  mask(eqV(K_C)); a.get(VM).and64().set(CM);

  // escapes (rare): a backslash not itself escaped escapes the next byte, which must be a valid one
  // signed, a control byte test is one instruction, and also true for bytes from 0x80 (UTF-8): the
  // exact test runs only in blocks it passes
  any((k) => { eqV(K_BACKSLASH)(k); a.get(V + k).get(K_SPACE).ltS8().or128(); });
  a.tee(RARE).get(ESC).eqz64().eqz().or().if();
  {
    mask(eqV(K_BACKSLASH)); a.get(VM).and64().set(M);
    // a backslash that ended the previous window escapes this block's first byte: check it now
    a.get(ESC).eqz64().eqz().if();
    a.get(P).load8().const(ESC_TABLE).add().load8().eqz().if(); note(() => a.get(P), BAD_ESCAPE); a.end();
    a.end();
    a.get(ESC).set(ESCD).const64(0n).set(ESC);
    a.block('esc-done').loop('esc');
    a.get(M).eqz64().brIf('esc-done');
    a.get(M).ctz64().wrap().set(I);
    a.get(M).get(M).const64(1n).sub64().and64().set(M);
    a.get(ESCD).get(I).extendU().shrU64().const64(1n).and64().eqz64().if();
    {
      a.get(P).get(I).add().const(1).add().tee(IDX).get(END).ltU().if();
      a.get(IDX).load8().const(ESC_TABLE).add().load8().eqz().if(); note(() => a.get(IDX), BAD_ESCAPE); a.end();
      a.end();
      a.get(I).const(1).add().get(N).eq().if();
      a.const64(1n).set(ESC);
      a.else();
      a.get(ESCD).const64(1n).get(I).const(1).add().extendU().shl64().or64().set(ESCD);
      a.end();
    }
    a.end();
    a.br('esc');
    a.end().end();
    a.get(Q).get(ESCD).const64(-1n).xor64().and64().set(Q);
  }
  a.end();

  // in-string mask: prefix XOR of the quotes, flipped when the block starts inside a string
  a.get(Q).set(X);
  for (const sh of [1, 2, 4, 8, 16, 32]) a.get(X).get(X).const64(BigInt(sh)).shl64().xor64().set(X);
  a.get(X).get(INSTR).xor64().tee(IN).const64(63n).shrS64().set(INSTR);

  // raw control bytes inside strings
  a.get(RARE).if();
  mask(control); a.get(IN).and64().get(VM).and64().tee(M).eqz64().eqz().if();
  note(() => a.get(P).get(M).ctz64().wrap().add(), CONTROL_BYTE);
  a.end();
  a.end();

  // brackets outside strings, one by one; CLOSE: where the record ends in this block, 64 if it does not
  a.get(S).get(IN).const64(-1n).xor64().and64().set(S);
  a.const(64).set(CLOSE);
  a.block('brackets-done').loop('brackets');
  a.get(S).eqz64().brIf('brackets-done');
  a.get(S).ctz64().wrap().set(I);
  a.get(S).get(S).const64(1n).sub64().and64().set(S);
  a.get(P).get(I).add().tee(IDX).load8().tee(C).const(2).and().if();
  {
    // '{' 0x7b and '[' 0x5b have bit 1 set; '}' 0x7d and ']' 0x5d do not
    a.get(DEPTH).const(MAX_DEPTH).geU().if(); note(() => a.get(IDX), TOO_DEEP); a.br('brackets-done'); a.end();
    a.get(DEPTH).get(C).store8(STACK);
    a.get(DEPTH).const(1).add().set(DEPTH);
  }
  a.else();
  {
    a.get(DEPTH).const(1).sub().tee(DEPTH).load8(STACK).get(C).const(2).sub().ne().if(); note(() => a.get(IDX), MISMATCH); a.br('brackets-done'); a.end();
    a.get(DEPTH).eqz().if(); a.get(I).set(CLOSE).br('brackets-done'); a.end();
  }
  a.end();
  a.br('brackets');
  a.end().end();

  // damage before the record's end (damage after it is found again when the next record is scanned)
  a.get(ERR_AT).get(P).get(CLOSE).add().ltU().if(); a.const(4).get(ERR_AT).store32(); save(); a.get(ERR_CODE).ret(); a.end();

  // "errorCode" / "ConsoleLogin" candidates ('C') inside the record, until it is flagged
  a.get(FLAG).eqz().if();
  {
    // only a 'C' one byte after a quote ("ConsoleLogin") or six ("errorCode") can start either; one in
    // the block's first six bytes may follow a quote of the block before
    a.get(CM).get(Q).const64(1n).shl64().get(Q).const64(6n).shl64().or64().const64(0x3fn).or64().and64().set(CM);
    a.get(CM).const64(-1n).const64(1n).get(CLOSE).extendU().shl64().const64(1n).sub64()
      .get(CLOSE).const(64).eq().select().and64().set(M);
    a.block('cand-done').loop('cand');
    a.get(M).eqz64().brIf('cand-done');
    a.get(P).get(M).ctz64().wrap().add().set(IDX);
    a.get(M).get(M).const64(1n).sub64().and64().set(M);
    a.get(IDX).const(6).sub().get(LO).ltU().get(IDX).const(13).add().get(END).gtU().or().if();
    a.const(1).set(FLAG).br('cand-done');
    a.end();
    a.get(IDX).const(6).sub().load64().const64(le64('"errorCo')).eq64()
      .get(IDX).load16(2).const(le16('de')).eq().and()
      .get(IDX).load8(4).const(0x22).eq().and();
    a.get(IDX).const(1).sub().load64().const64(le64('"Console')).eq64()
      .get(IDX).load32(7).const(le32('Logi')).eq().and()
      .get(IDX).load16(11).const(le16('n"')).eq().and();
    a.or().if(); a.const(1).set(FLAG).br('cand-done'); a.end();
    a.br('cand');
    a.end().end();
  }
  a.end();

  a.get(CLOSE).const(64).ne().if();
  {
    // the record ends at P + CLOSE: (start, end, flag) out, then the gap after it
    a.get(NOUT).const(12).mul().const(OUT).add().tee(IDX).get(RSTART).store32();
    a.get(IDX).get(P).get(CLOSE).add().const(1).add().tee(P).store32(4);
    a.get(IDX).get(FLAG).store32(8);
    a.get(NOUT).const(1).add().set(NOUT);
    a.const(GAP_AFTER_RECORD).set(GAP);
    a.br('top');
  }
  a.end();
  a.get(P).get(N).add().set(P);
  a.br('block');
  a.end();
  a.end();
  a.unreachable();
  return a.bytes;
}

/** The assembled module: one exported function `scan(p, end, lo)` over one exported memory. */
export function simdModuleBytes(): Uint8Array {
  return wasmModule({ name: 'scan', params: [I32, I32, I32], locals: LOCALS, body: scanBody(), pages: PAGES });
}
