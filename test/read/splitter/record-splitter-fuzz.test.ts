// Seeded fuzz corpus: hostile records in every container shape, fed in random chunk sizes, checked
// against JSON.parse and stream-json. Seeds are fixed so a failure reproduces; SPLITTER_FUZZ_SEED
// overrides the base seed to explore further.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ContainerShape } from '../../../src/read/splitter/record-splitter.js';
import {
  Gen, build, chunkSizes, parseReference, split, streamJsonReference, type Json,
} from '../../fixtures/read/splitter/harness.js';

const BASE_SEED = Number(process.env.SPLITTER_FUZZ_SEED ?? 20240501);
const SHAPES: ContainerShape[] = ['records-object', 'events-object', 'array', 'json-lines'];
const FILES = 200;

describe('seeded fuzz corpus', () => {
  it(`${FILES} files, >= 10,000 hostile records, random chunking, equal to JSON.parse and stream-json`, async () => {
    let records = 0;
    for (let f = 0; f < FILES; f++) {
      const seed = BASE_SEED + f;
      const g = new Gen(seed);
      const shape = SHAPES[f % SHAPES.length];
      const values: Json[] = [];
      const n = f % 10 === 0 ? g.int(3) : 40 + g.int(40);
      for (let k = 0; k < n; k++) values.push(g.record());
      const built = build(shape, values, g, { bom: g.chance(0.2) });
      const reference = parseReference(built.bytes, shape);
      expect(reference, `seed ${seed}: the generator made bad JSON`).toEqual(values);

      for (let round = 0; round < 3; round++) {
        const sizes = chunkSizes(g, built.bytes.length);
        // Detection reads the first object: a JSON Lines record with its own top-level "Records" or
        // "Events" array looks like a container (CloudTrail records have no such key).
        const first = values[0];
        const ambiguous = shape === 'json-lines' && typeof first === 'object' && first !== null && !Array.isArray(first)
          && (Array.isArray(first.Records) || Array.isArray(first.Events));
        const auto = !ambiguous && g.chance(0.5);
        // round 0 uses the SIMD scanner (the default), round 1 the WebAssembly grammar one, round 2 the
        // JavaScript one: all must be exact
        const scanner = (['simd', 'wasm', 'js'] as const)[round];
        const out = split(built.bytes, sizes, auto ? { scanner } : { shape, scanner });
        const where = `seed ${seed}, shape ${shape}, ${auto ? 'detected' : 'given'}, ${scanner}, ${sizes.length} chunks`;
        expect(out.result.error, where).toBeUndefined();
        expect(out.result.shape, where).toBe(shape);
        // byte-exact: each record is the very text that was written, at its offset
        expect(out.texts, where).toEqual(built.texts);
        expect(out.offsets, where).toEqual(built.starts);
        if (round === 0) {
          expect(out.texts.map((t) => JSON.parse(t) as Json), where).toEqual(reference);
        }
      }
      if (f % 4 < 2) {
        // stream-json is slow; every other file is plenty and still covers all shapes
        expect(await streamJsonReference(built.bytes, shape), `seed ${seed}`).toEqual(reference);
      }
      records += n;
    }
    expect(records).toBeGreaterThanOrEqual(10_000);
  }, 300_000);
});

describe('property: any JSON values, any chunking', () => {
  const chunking = fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 20 });
  const toSizes = (pattern: number[], total: number) => {
    const sizes: number[] = [];
    for (let left = total, k = 0; left > 0; k++) {
      const s = Math.min(left, pattern[k % pattern.length]);
      sizes.push(s);
      left -= s;
    }
    return sizes;
  };

  it('top-level array of arbitrary values (JSON.stringify output, full unicode)', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue({ maxDepth: 6 }), { maxLength: 12 }), chunking, (values, pattern) => {
        const text = JSON.stringify(values);
        const bytes = Buffer.from(text);
        const out = split(bytes, toSizes(pattern, bytes.length), { shape: 'array' });
        expect(out.result.error).toBeUndefined();
        expect(out.texts).toEqual(values.map((v) => JSON.stringify(v)));
      }),
      { seed: BASE_SEED, numRuns: 400 },
    );
  });

  it('JSON Lines of arbitrary values', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue({ maxDepth: 4 }), { minLength: 1, maxLength: 12 }), chunking, (values, pattern) => {
        const bytes = Buffer.from(values.map((v) => JSON.stringify(v)).join('\n'));
        const out = split(bytes, toSizes(pattern, bytes.length), { shape: 'json-lines' });
        expect(out.result.error).toBeUndefined();
        expect(out.texts).toEqual(values.map((v) => JSON.stringify(v)));
      }),
      { seed: BASE_SEED + 1, numRuns: 400 },
    );
  });

  it('records object with arbitrary strings around and inside', () => {
    const str = fc.string({ unit: 'binary', maxLength: 30 });
    const rec = fc.dictionary(str, fc.oneof(str, fc.jsonValue({ maxDepth: 3 })), { maxKeys: 6 });
    fc.assert(
      fc.property(fc.array(rec, { maxLength: 8 }), str, chunking, (values, noise, pattern) => {
        const text = JSON.stringify({ [noise]: noise, Records: values, [`${noise}x`]: [noise] });
        const bytes = Buffer.from(text);
        const out = split(bytes, toSizes(pattern, bytes.length));
        if (noise === 'Records' || noise === 'Events' || `${noise}x` === 'Events') return; // a different container
        expect(out.result.error).toBeUndefined();
        expect(out.texts.map((t) => JSON.parse(t) as unknown)).toEqual(values);
      }),
      { seed: BASE_SEED + 2, numRuns: 400 },
    );
  });
});
