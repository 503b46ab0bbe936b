const LF = 0x0a;
const CR = 0x0d;

/**
 * JSON Lines, one record per line: a broken line is one damaged record, and the lines after it are
 * still read. Lines are found with Buffer.indexOf. A line spread over chunks is kept as its pieces and
 * joined once at its end (linear, however long); a line longer than `maxLineBytes` is dropped as it
 * streams past and reported through onTooLong, so memory stays bounded.
 */
export class LineRecords {
  private pieces: Buffer[] = [];
  private held = 0;
  private skipping = false;

  constructor(
    private readonly maxLineBytes: number,
    private readonly onTooLong: () => void,
  ) {}

  push(chunk: Buffer, onLine: (line: Buffer) => void): void {
    let start = 0;
    for (let nl = chunk.indexOf(LF); nl !== -1; nl = chunk.indexOf(LF, start)) {
      this.take(chunk.subarray(start, nl));
      this.finishLine(onLine);
      start = nl + 1;
    }
    if (start < chunk.length) this.take(Buffer.from(chunk.subarray(start)));
  }

  end(onLine: (line: Buffer) => void): void {
    this.finishLine(onLine);
  }

  private take(piece: Buffer): void {
    if (this.skipping || piece.length === 0) return;
    this.held += piece.length;
    if (this.held > this.maxLineBytes) {
      this.skipping = true;
      this.pieces = [];
      return;
    }
    this.pieces.push(piece);
  }

  private finishLine(onLine: (line: Buffer) => void): void {
    if (this.skipping) this.onTooLong();
    else if (this.pieces.length > 0) {
      const line = this.pieces.length === 1 ? this.pieces[0] : Buffer.concat(this.pieces, this.held);
      const end = line[line.length - 1] === CR ? line.length - 1 : line.length;
      const trimmed = line.subarray(0, end);
      if (trimmed.toString('latin1').trim() !== '') onLine(trimmed);
    }
    this.pieces = [];
    this.held = 0;
    this.skipping = false;
  }
}
