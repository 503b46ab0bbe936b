import { describe, expect, it } from 'vitest';
import { LineRecords } from '../../src/read/line-records.js';

function read(chunks: string[], max = 1000): { lines: string[]; tooLong: number } {
  let tooLong = 0;
  const lines: string[] = [];
  const r = new LineRecords(max, () => tooLong++);
  const onLine = (b: Buffer) => lines.push(b.toString('utf8'));
  for (const c of chunks) r.push(Buffer.from(c), onLine);
  r.end(onLine);
  return { lines, tooLong };
}

describe('LineRecords', () => {
  it('splits lines across any chunking, drops CR and blank lines, keeps a last line without LF', () => {
    const text = '{"a":1}\r\n\n  \n{"b":"x y"}\n{"c":3}';
    for (let size = 1; size <= text.length; size++) {
      const chunks = text.match(new RegExp(`[\\s\\S]{1,${size}}`, 'g')) ?? [];
      expect(read(chunks).lines, `chunks of ${size}`).toEqual(['{"a":1}', '{"b":"x y"}', '{"c":3}']);
    }
  });

  it('passes over a line longer than the limit, whatever the chunking, and reads on', () => {
    const long = 'x'.repeat(5000);
    for (const size of [7, 100, 999, 6000]) {
      const text = `{"a":1}\n${long}\n{"b":2}\n`;
      const chunks = text.match(new RegExp(`[\\s\\S]{1,${size}}`, 'g')) ?? [];
      expect(read(chunks, 1000)).toEqual({ lines: ['{"a":1}', '{"b":2}'], tooLong: 1 });
    }
  });

  it('joins a long line once, not per chunk (linear in its length)', () => {
    const piece = 'y'.repeat(64 * 1024);
    const chunks = Array.from({ length: 200 }, () => piece); // a 12.5 MiB line in 200 chunks
    const started = process.hrtime.bigint();
    const { lines } = read([...chunks, '\n'], 64 * 1024 * 1024);
    expect(lines[0].length).toBe(200 * piece.length);
    // Quadratic re-joining would copy ~1.3 GB here; linear copies 12.5 MiB. Not a timing claim, a sanity bound.
    expect(Number(process.hrtime.bigint() - started) / 1e9).toBeLessThan(5);
  });
});
