// RFC 4180 rows from chunks, for query results (Athena's CSV, DuckDB's COPY … TO). Cells keep the
// one distinction SQL needs: an empty cell without quotes is NULL (null), `""` is the empty string.
// Quoted cells may hold commas, doubled quotes and line breaks; a row longer than `maxRowBytes` is
// dropped as it streams past and reported through onTooLong, so memory stays bounded. (A library's
// parser would need a stream per file; this one takes chunks as the other readers do.)
//
//   const rows = new CsvRows(64 << 20, (cells) => …, () => …);
//   for (const chunk of chunks) rows.push(chunk);
//   const error = rows.end();   // 'file ends inside a quoted cell' or null
import { StringDecoder } from 'node:string_decoder';

export type Cell = string | null;

const SPECIAL = /[",\r\n]/g;

export class CsvRows {
  private readonly decoder = new StringDecoder('utf8');
  private cells: Cell[] = [];
  private pieces: string[] = [];
  private quoted = false; // the cell being read started with a quote
  private inQuotes = false;
  private quoteSeen = false; // inside quotes, the last character was a quote (a doubled one, or the end)
  private afterCr = false;
  private rowChars = 0;
  private skipping = false;
  private started = false; // any character of the current row read

  constructor(
    private readonly maxRowBytes: number,
    private readonly onRow: (cells: Cell[]) => void,
    private readonly onTooLong: () => void,
  ) {}

  push(chunk: Buffer): void {
    this.text(this.decoder.write(chunk));
  }

  /** The last row; an error when the input ends inside a quoted cell. */
  end(): string | null {
    this.text(this.decoder.end());
    if (this.inQuotes && !this.quoteSeen) {
      this.reset();
      return 'file ends inside a quoted cell (truncated)';
    }
    if (this.started) this.endRow();
    return null;
  }

  private text(s: string): void {
    let i = 0;
    while (i < s.length) {
      if (this.inQuotes) i = this.quotedText(s, i);
      else i = this.plainText(s, i);
    }
  }

  private quotedText(s: string, i: number): number {
    if (this.quoteSeen) {
      this.quoteSeen = false;
      if (s[i] === '"') {
        this.take('"');
        return i + 1;
      }
      this.inQuotes = false; // that quote closed the cell
      return i;
    }
    const q = s.indexOf('"', i);
    if (q < 0) {
      this.take(s.slice(i));
      return s.length;
    }
    this.take(s.slice(i, q));
    this.quoteSeen = true;
    return q + 1;
  }

  private plainText(s: string, i: number): number {
    if (this.afterCr) {
      this.afterCr = false;
      if (s[i] === '\n') return i + 1; // CRLF: the row ended at the CR
    }
    SPECIAL.lastIndex = i;
    const m = SPECIAL.exec(s);
    const at = m === null ? s.length : m.index;
    if (at > i) {
      this.take(s.slice(i, at));
      this.started = true;
    }
    if (m === null) return s.length;
    const c = s[at];
    this.started = true;
    if (c === '"') {
      // a quote opens a cell only at its start; elsewhere it is kept as text, as lenient readers do
      if (this.pieces.length === 0 && !this.quoted) {
        this.quoted = true;
        this.inQuotes = true;
      } else this.take('"');
    } else if (c === ',') this.endCell();
    else {
      this.endRow();
      this.afterCr = c === '\r';
    }
    return at + 1;
  }

  private take(piece: string): void {
    if (this.skipping || piece.length === 0) return;
    this.rowChars += piece.length;
    // characters, not bytes: a bound within a factor of 3 of the bytes is bound enough for memory
    if (this.rowChars > this.maxRowBytes) {
      this.skipping = true;
      this.pieces = [];
      this.cells = [];
      return;
    }
    this.pieces.push(piece);
  }

  private endCell(): void {
    const value = this.pieces.join('');
    this.cells.push(value === '' && !this.quoted ? null : value);
    this.pieces = [];
    this.quoted = false;
  }

  private endRow(): void {
    this.endCell();
    const cells = this.cells;
    const skipped = this.skipping;
    this.reset();
    if (skipped) this.onTooLong();
    else if (!(cells.length === 1 && cells[0] === null)) this.onRow(cells); // a blank line is no row
  }

  private reset(): void {
    this.cells = [];
    this.pieces = [];
    this.quoted = false;
    this.inQuotes = false;
    this.quoteSeen = false;
    this.rowChars = 0;
    this.skipping = false;
    this.started = false;
  }
}
