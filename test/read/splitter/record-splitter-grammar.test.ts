// The full JSON grammar inside records (commas, colons, numbers, literals, escapes), in both inner
// loops that check it: exact offsets for hand-written cases, and a mutation fuzz that must agree with
// JSON.parse (and, for the SIMD scanner, which does not check it, never hide damage between records).

import { describe, expect, it } from 'vitest';
import type { ContainerShape } from '../../../src/read/splitter/record-splitter.js';
import { Gen, build, chunkSizes, split } from '../../fixtures/read/splitter/harness.js';

const SCANNERS = ['wasm', 'js'] as const;

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

// [record text, index of the first byte JSON.parse must reject in it, or -1 when it is valid]
const CASES: [string, number][] = [
  ['{"x":nope}', 6],
  ['{"x":tru}', 8],
  ['{"x":truex}', 9],
  ['{"x":nul}', 8],
  ['{"x":fals}', 9],
  ['{"x":"a" "y":1}', 9],
  ['{"x" "a"}', 5],
  ['{"x"::1}', 5],
  ['{"x":1,}', 7],
  ['{"x":[1,]}', 8],
  ['{"x":[,1]}', 6],
  ['{"x":[1 2]}', 8],
  ['{"x":{"y":1}"z":2}', 12],
  ['{,}', 1],
  ['{1:2}', 1],
  ['{"x"}', 4],
  ['{"x":}', 5],
  ['{"x":01}', 6],
  ['{"x":-}', 6],
  ['{"x":-a}', 6],
  ['{"x":1.}', 7],
  ['{"x":.5}', 5],
  ['{"x":1e}', 7],
  ['{"x":1e+}', 8],
  ['{"x":+1}', 5],
  ['{"x":1.5.2}', 8],
  ['{"x":0x1F}', 6],
  ['{"x":NaN}', 5],
  ['{"x":Infinity}', 5],
  ["{\"x\":'a'}", 5],
  ['{"x":"a\\x"}', 8],
  ['{"x":"\\u12g4"}', 10],
  ['{"x":"\\u12"}', 10],
  ['{"x":"\\U0041"}', 7],
  ['["a" "b"]', 5],
  ['[1,2,]', 5],
  ['{"x":[{"y":[true,false,null,-0.0e-0,1E+2,0,12.5e7,"\\u00e9\\n\\"\\\\\\/"]}]}', -1],
  ['{ "x" : [ 1 , { } , [ ] ] , "y" :\t"z"\r\n}', -1],
  ['[]', -1],
];

describe('in-record grammar: damage at the first byte JSON.parse rejects', () => {
  const first = '{"ok":1}';
  for (const [text, at] of CASES) {
    it(text, () => {
      // the case itself is right: JSON.parse agrees
      if (at < 0) expect(() => JSON.parse(text) as unknown).not.toThrow();
      else expect(() => JSON.parse(text) as unknown).toThrow(SyntaxError);
      const bytes = Buffer.from(`{"Records":[${first},${text},{"after":1}]}`);
      const start = 13 + first.length;
      const g = new Gen(text.length);
      for (const scanner of SCANNERS) {
        for (const sizes of [[bytes.length], Array<number>(bytes.length).fill(1), chunkSizes(g, bytes.length)]) {
          const out = split(bytes, sizes, { scanner });
          const where = `${scanner}, ${sizes.length} chunks`;
          if (at < 0) {
            expect(out.result.error, where).toBeUndefined();
            expect(out.texts, where).toEqual([first, text, '{"after":1}']);
          } else {
            expect(out.texts, where).toEqual([first]);
            expect(out.result.error, where).toMatchObject({ kind: 'unexpected-byte', offset: start + at, record: 1 });
            expect(out.result.error?.reason, where).toMatch(/expected|invalid escape/);
          }
        }
      }
    });
  }

  it('the reason says what was expected', () => {
    const cases: [string, string][] = [
      ['[{"x":nope}]', "expected 'null', found 'o' inside record 0"],
      ['[{"x" 1}]', "expected ':' after a key, found '1' inside record 0"],
      ['[{"x":1 "y":2}]', "expected ',' or '}', found '\"' inside record 0"],
      ['[{"x":1,}]', "expected a key after ',', found '}' inside record 0"],
      ['[{"x":1.}]', "expected a digit after '.', found '}' inside record 0"],
      ['[{"x":"\\q"}]', "invalid escape ('q') in a string in record 0"],
    ];
    for (const [text, reason] of cases) {
      const bytes = Buffer.from(text);
      expect(split(bytes, [bytes.length], { scanner: 'wasm' }).result.error?.reason, text).toBe(reason);
      expect(split(bytes, [bytes.length], { scanner: 'js' }).result.error?.reason, text).toMatch(reason.includes('escape') ? /^invalid escape \('q'\) in a string that starts at offset 6$/ : reason);
    }
  });
});

describe('mutation fuzz: the splitter reports damage exactly when JSON.parse rejects the file', () => {
  // Bytes that make or break JSON; control bytes other than LF are left out because the JavaScript
  // scanner does not look for them inside strings (the WebAssembly one does).
  const ALPHABET = Buffer.from('"\\{}[],: \nx0123456789-+.eEtrufalsn/u');
  const SHAPES: ContainerShape[] = ['array', 'records-object'];

  /** The records JSON.parse finds, or null when it rejects the file or the container. */
  function reference(bytes: Buffer, shape: ContainerShape): unknown[] | null {
    let v: unknown;
    try {
      v = JSON.parse(bytes.toString('utf8'));
    } catch {
      return null;
    }
    const records = shape === 'array' ? v : (v as { Records?: unknown } | null)?.Records;
    return Array.isArray(records) ? records : null;
  }

  for (const shape of SHAPES) {
    it(`${shape}: 3000 mutated files, all scanners, random chunking`, () => {
      const g = new Gen(4242 + SHAPES.indexOf(shape));
      let damaged = 0;
      for (let trial = 0; trial < 3000; trial++) {
        const built = build(shape, [g.record(), g.record(), g.record()], g);
        // mutate inside the records: the container around them stays what the shape says
        const k = g.int(built.starts.length);
        const at = built.starts[k] + g.int(built.ends[k] - built.starts[k]);
        const byte = ALPHABET.subarray(g.int(ALPHABET.length)).subarray(0, 1);
        const op = g.int(3);
        const bytes = Buffer.concat([built.bytes.subarray(0, at), op === 2 ? Buffer.alloc(0) : byte, built.bytes.subarray(op === 0 ? at : at + 1)]);
        const records = reference(bytes, shape);
        if (records === null) damaged++;
        for (const scanner of SCANNERS) {
          const out = split(bytes, chunkSizes(g, bytes.length), { shape, scanner });
          const where = `trial ${trial}, ${scanner}: ${JSON.stringify(bytes.toString('latin1').slice(Math.max(0, at - 20), at + 20))}`;
          expect(out.result.error === undefined, where).toBe(records !== null);
          // every record delivered, before damage too, is valid JSON
          for (const t of out.texts) expect(() => JSON.parse(t) as unknown, where).not.toThrow();
          if (records !== null) expect(out.texts.map((t) => JSON.parse(t) as unknown), where).toEqual(records);
        }
        // the SIMD scanner leaves the grammar inside a record to JSON.parse: damage it does not
        // report lies inside a record it delivers
        const out = split(bytes, chunkSizes(new Gen(trial), bytes.length), { shape });
        const where = `trial ${trial}, simd: ${JSON.stringify(bytes.toString('latin1').slice(Math.max(0, at - 20), at + 20))}`;
        if (records !== null) {
          expect(out.result.error, where).toBeUndefined();
          expect(out.texts.map((t) => JSON.parse(t) as unknown), where).toEqual(records);
        } else if (out.result.error === undefined) {
          expect(out.texts.some((t) => !parses(t)), where).toBe(true);
        }
      }
      expect(damaged).toBeGreaterThan(1000);
    }, 120_000);
  }
});
