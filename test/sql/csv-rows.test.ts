import { describe, expect, it } from 'vitest';
import { CsvRows, type Cell } from '../../src/sql/csv-rows.js';

function rowsOf(chunks: (string | Buffer)[], max = 1 << 20): { rows: Cell[][]; tooLong: number; error: string | null } {
  const rows: Cell[][] = [];
  let tooLong = 0;
  const csv = new CsvRows(
    max,
    (cells) => rows.push(cells),
    () => tooLong++,
  );
  for (const c of chunks) csv.push(typeof c === 'string' ? Buffer.from(c) : c);
  return { rows, tooLong, error: csv.end() };
}

// Athena quotes every cell and leaves NULL empty; DuckDB quotes what needs it and writes "" for ''.
const TEXT = 'a,"b","c, with comma","d ""quoted""",,"","multi\nline\r\ncell",ü😀\r\n"x",,"",y\n';
const EXPECTED: Cell[][] = [
  ['a', 'b', 'c, with comma', 'd "quoted"', null, '', 'multi\nline\r\ncell', 'ü😀'],
  ['x', null, '', 'y'],
];

describe('CsvRows', () => {
  it('reads quoted and plain cells, NULL apart from the empty string', () => {
    expect(rowsOf([TEXT])).toEqual({ rows: EXPECTED, tooLong: 0, error: null });
  });

  it('gives the same rows however the bytes are cut (inside quotes, CRLF, UTF-8 sequences)', () => {
    const bytes = Buffer.from(TEXT);
    for (let at = 1; at < bytes.length; at++) {
      expect(rowsOf([bytes.subarray(0, at), bytes.subarray(at)]).rows, `cut at ${at}`).toEqual(EXPECTED);
    }
    expect(rowsOf([...bytes].map((b) => Buffer.from([b]))).rows).toEqual(EXPECTED);
  });

  it('reads a last row without a line end, and skips blank lines', () => {
    expect(rowsOf(['a,b\n\n\nc,d']).rows).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('says so when the input ends inside a quoted cell', () => {
    expect(rowsOf(['a,"unfinished\n']).error).toBe('file ends inside a quoted cell (truncated)');
  });

  it('drops a row longer than the bound and goes on', () => {
    const r = rowsOf([`${'x'.repeat(50)},y\nshort,row\n`], 20);
    expect(r.tooLong).toBe(1);
    expect(r.rows).toEqual([['short', 'row']]);
  });
});
