const LF = 0x0a;
const CR = 0x0d;

/**
 * JSON Lines, one record per line: a broken line is one damaged record, and the lines after it are
 * still read. Lines are found with Buffer.indexOf; a partial line is carried to the next chunk.
 */
export class LineRecords {
  private carry: Buffer | null = null;

  push(chunk: Buffer, onLine: (line: Buffer) => void): void {
    let data = chunk;
    if (this.carry) {
      data = Buffer.concat([this.carry, chunk]);
      this.carry = null;
    }
    let start = 0;
    for (let nl = data.indexOf(LF, start); nl !== -1; nl = data.indexOf(LF, start)) {
      this.emit(data.subarray(start, nl), onLine);
      start = nl + 1;
    }
    if (start < data.length) this.carry = Buffer.from(data.subarray(start));
  }

  end(onLine: (line: Buffer) => void): void {
    if (this.carry) this.emit(this.carry, onLine);
    this.carry = null;
  }

  private emit(line: Buffer, onLine: (line: Buffer) => void): void {
    const end = line.length > 0 && line[line.length - 1] === CR ? line.length - 1 : line.length;
    const trimmed = line.subarray(0, end);
    if (trimmed.toString('latin1').trim() !== '') onLine(trimmed);
  }
}
