// The bytes of a record (or of a probed top-level object) that began in an earlier chunk, carried
// until the record ends. The first KEEP_CARRY_BYTES go into one reused buffer, the rest as one copy
// per chunk: a record that proves too long is then dropped having cost at most maxRecordBytes, not a
// doubling buffer's 2x.
//
//   carry.append(chunk, from, chunk.length);  …  const record = carry.carried(next.subarray(0, end)); carry.clear();

export const KEEP_CARRY_BYTES = 1 << 20;

export class RecordCarry {
  private head: Buffer = Buffer.alloc(0);
  private headLen = 0; // bytes in `head`
  private spill: Buffer[] = [];
  /** Bytes carried in all. */
  length = 0;

  clear(): void {
    this.length = 0;
    this.headLen = 0;
    if (this.spill.length > 0) this.spill = [];
  }

  /** Whether `more` bytes would still fit in the reused buffer (so a record can end there without a copy). */
  fitsHead(more: number): boolean {
    return this.spill.length === 0 && this.headLen + more <= KEEP_CARRY_BYTES;
  }

  append(b: Buffer, from: number, to: number): void {
    const len = to - from;
    this.length += len;
    const need = this.headLen + len;
    if (this.spill.length > 0 || need > KEEP_CARRY_BYTES) {
      this.spill.push(Buffer.from(b.subarray(from, to)));
      return;
    }
    if (need > this.head.length) {
      const grown = Buffer.allocUnsafe(Math.min(Math.max(need, this.head.length * 2, 4096), KEEP_CARRY_BYTES));
      this.head.copy(grown, 0, 0, this.headLen);
      this.head = grown;
    }
    b.copy(this.head, this.headLen, from, to);
    this.headLen = need;
  }

  /** The carried bytes, then `tail` if given, as one Buffer (valid until the carry is next used). */
  carried(tail?: Buffer): Buffer {
    const head = this.head.subarray(0, this.headLen);
    if (this.spill.length === 0 && tail === undefined) return head;
    const parts = [head, ...this.spill];
    if (tail !== undefined) parts.push(tail);
    return Buffer.concat(parts, this.length + (tail?.length ?? 0));
  }
}
