// The records of a records array through the SIMD scanner (simd-scanner.ts), window by window, from a
// gap between records or from a record under way: records it knows hold no denial are counted in
// batches (onPlain), the others delivered, and the grammar between records gets back every byte the
// scanner leaves to it (']', a scalar, an array).
import { GAP_AFTER_COMMA } from './simd-module.js';
import { newSimdState, type SimdScanner } from './simd-scanner.js';
import type { RecordCallback } from './types.js';
import { NEED_MORE } from './wasm-scanner.js';

/** What the driver needs of the splitter it drives. */
export interface SimdHost {
  /** Absolute offset of the current chunk's first byte. */
  readonly pos: number;
  /** The gap between records the grammar is in, as the scanner names it (simd-module.ts), or null outside the records array. */
  simdGap(): number | null;
  /** The scanner stopped in this gap (it hands the next byte, if any, to the grammar). */
  toGap(gap: number): void;
  /** The scanner stopped inside a record; `start`: where it began in this chunk, -1 when in an earlier one (carried). */
  inRecord(start: number): void;
  /** Records counted without being delivered. */
  countPlain(count: number): void;
  /** Delivers the record ending before local index `end`; `start` as for inRecord, -1 when it is under way. */
  deliverFrom(b: Buffer, start: number, end: number, onRecord: RecordCallback, hint: boolean): void;
  /** Damage code `code` of the scanner (wasm-scanner.ts) inside a record, at byte `c` (absolute offset `abs`). */
  recordDamage(code: number, c: number, abs: number): void;
}

export class SimdDriver {
  private readonly state = newSimdState();
  /** A record under way is the scanner's (it resumes it from its own state). */
  inRecord = false;

  constructor(
    private readonly simd: SimdScanner,
    private readonly onPlain: ((count: number) => void) | undefined,
    private readonly maxRecordBytes: number,
  ) {}

  /** Returns the index of a byte the grammar must read, or -1 (chunk used up, or damage). */
  run(host: SimdHost, b: Buffer, i: number, n: number, onRecord: RecordCallback): number {
    const { simd, state: st } = this;
    if (!this.inRecord) {
      st.depth = 0;
      st.gap = host.simdGap() ?? GAP_AFTER_COMMA;
    }
    for (;;) {
      const r = simd.scan(st, b, i, n);
      let plain = 0;
      let counted = 0;
      for (let k = 0, count = simd.count; k < count; k++) {
        const start = simd.start(k);
        const end = simd.end(k);
        const hint = simd.flagged(k);
        if (start >= 0 && !hint && this.onPlain !== undefined && end - start <= this.maxRecordBytes) {
          plain++;
          continue;
        }
        // records counted before this one take their indexes first
        if (plain > counted) {
          host.countPlain(plain - counted);
          counted = plain;
        }
        this.inRecord = false;
        host.deliverFrom(b, start, end, onRecord, hint);
      }
      if (plain > counted) host.countPlain(plain - counted);
      if (plain > 0) this.onPlain?.(plain);
      if (r === NEED_MORE) {
        if (st.depth > 0) {
          host.inRecord(!this.inRecord ? simd.pending : -1);
          this.inRecord = true;
        } else {
          host.toGap(st.gap);
        }
        i = simd.at;
        if (i >= n) return -1;
        continue;
      }
      if (r >= 0) {
        host.toGap(st.gap);
        return r;
      }
      host.recordDamage(r, b[simd.at], host.pos + simd.at);
      return -1;
    }
  }
}
