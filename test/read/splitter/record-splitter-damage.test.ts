// Damaged input: records completed before the damage are delivered, the damage is reported with its
// offset and a reason, and nothing throws.

import { describe, expect, it } from 'vitest';
import { RecordSplitter, type ContainerShape } from '../../../src/read/splitter/record-splitter.js';
import { Gen, build, chunkSizes, split, type Json } from '../../fixtures/read/splitter/harness.js';

const SHAPES: ContainerShape[] = ['records-object', 'events-object', 'array', 'json-lines'];

function smallFile(shape: ContainerShape, seed: number) {
  const g = new Gen(seed);
  const values: Json[] = [
    { eventVersion: '1.08', s: 'a"b\\c}', n: [1, { x: ']' }] },
    { errorCode: 'AccessDenied', m: '😀 \\u0022 }]' },
    { e: {}, f: [], g: [[{}]], h: 'é' },
  ];
  return { g, built: build(shape, values, g, { bom: seed % 2 === 0 }) };
}

describe('truncated at every offset', () => {
  for (const shape of SHAPES) {
    it(shape, () => {
      const { g, built } = smallFile(shape, SHAPES.indexOf(shape));
      const full = built.bytes;
      for (let cut = 0; cut < full.length; cut++) {
        const prefix = full.subarray(0, cut);
        const out = split(prefix, chunkSizes(g, cut), { shape });
        const complete = built.ends.filter((e) => e <= cut).length;
        const where = `cut at ${cut} of ${full.length}`;
        expect(out.texts, where).toEqual(built.texts.slice(0, complete));
        const insideRecord = built.starts.some((s, k) => s < cut && cut < built.ends[k]);
        if (shape === 'json-lines' && !insideRecord) {
          // a JSON Lines file cut between lines is a shorter, valid file
          if (out.result.error !== undefined) expect(out.result.error.offset, where).toBe(cut);
          continue;
        }
        expect(out.result.error, where).toBeDefined();
        expect(['truncated', 'empty'], where).toContain(out.result.error?.kind);
        expect(out.result.error?.offset, where).toBe(cut);
        expect(out.result.error?.record, where).toBe(complete);
      }
    });
  }

  it('the reason names the record and where it starts', () => {
    const bytes = Buffer.from('{"Records":[{"a":1},{"b":"xy');
    expect(split(bytes, [bytes.length]).result.error?.reason).toBe('input ends inside record 1 (starts at offset 20)');
  });
});

describe('garbage between records', () => {
  for (const shape of SHAPES) {
    it(shape, () => {
      const { g, built } = smallFile(shape, 10 + SHAPES.indexOf(shape));
      for (let k = 1; k < built.starts.length; k++) {
        // just before record k, after the separator
        for (const junk of ['x', '}', ']', ',', ':', '#', '\u0000', 'nul', '-', '1e']) {
          const at = built.starts[k];
          const bytes = Buffer.concat([built.bytes.subarray(0, at), Buffer.from(junk), built.bytes.subarray(at)]);
          const out = split(bytes, chunkSizes(g, bytes.length), { shape });
          const where = `${JSON.stringify(junk)} before record ${k}`;
          expect(out.texts, where).toEqual(built.texts.slice(0, k));
          expect(out.result.error, where).toMatchObject({ offset: at, record: k });
          expect(['unexpected-byte', 'unbalanced'], where).toContain(out.result.error?.kind);
        }
      }
    });
  }

  it('after the end of the container', () => {
    const bytes = Buffer.from('[{"a":1}] [');
    expect(split(bytes, [bytes.length]).result.error).toMatchObject({ kind: 'unexpected-byte', offset: 10, record: 1 });
  });
});

describe('unbalanced brackets', () => {
  const cases: [string, number][] = [
    ['{"Records":[{"a":[1}]}', 19],
    ['{"Records":[{"a":{"b":1]}]}', 23],
    ['[{"x":"]"]]', 9],
    ['{"a":[}\n', 6],
  ];
  for (const [text, offset] of cases) {
    it(text, () => {
      const bytes = Buffer.from(text);
      for (let size = 1; size <= bytes.length; size++) {
        const sizes = Array.from({ length: Math.ceil(bytes.length / size) }, (_, k) => Math.min(size, bytes.length - k * size));
        const out = split(bytes, sizes);
        expect(out.result.error).toMatchObject({ kind: 'unbalanced', offset, record: 0 });
        expect(out.texts).toEqual([]);
      }
    });
  }

  it('a record whose brackets never close is truncated at the end of input', () => {
    const bytes = Buffer.from('{"a":1}\n{"b":[1,2}\n{"c":3}\n');
    const out = split(bytes, [bytes.length]);
    expect(out.texts).toEqual(['{"a":1}']);
    expect(out.result.error).toMatchObject({ kind: 'unbalanced', offset: 17 });
  });
});

describe('line feed inside a string (a truncated line of JSON Lines)', () => {
  it('is reported where the line breaks, with the records before it', () => {
    const bytes = Buffer.from('{"a":"x"}\n{"b":"cut her\n{"c":"y"}\n');
    for (let size = 1; size <= bytes.length; size++) {
      const sizes = Array.from({ length: Math.ceil(bytes.length / size) }, (_, k) => Math.min(size, bytes.length - k * size));
      const out = split(bytes, sizes);
      expect(out.texts).toEqual(['{"a":"x"}']);
      expect(out.result.error).toMatchObject({ kind: 'unexpected-byte', offset: 23, record: 1 });
    }
  });
});

describe('maxRecordBytes: a longer record is skipped, reported, and splitting goes on', () => {
  const big = `{"k":"${'x'.repeat(1000)}","n":[1,{"m":"]}"}]}`;
  const bytes = Buffer.from(`{"Records":[{"a":1},${big},{"b":2}]}`);
  const sizesOf = (b: Buffer, size: number) => Array.from({ length: Math.ceil(b.length / size) }, (_, k) => Math.min(size, b.length - k * size));
  for (const scanner of ['wasm', 'js'] as const) {
    for (const size of [bytes.length, 64, 7]) {
      it(`${scanner}, chunks of ${size}`, () => {
        const out = split(bytes, sizesOf(bytes, size), { maxRecordBytes: 500, scanner });
        expect(out.texts).toEqual(['{"a":1}', '{"b":2}']);
        expect(out.offsets).toEqual([12, 21 + big.length]);
        expect(out.skips).toEqual([{ index: 1, offset: 20, bytes: big.length, reason: expect.stringMatching(/^record 1 \(starts at offset 20\) is 1\d+ bytes, longer than maxRecordBytes \(500\): skipped$/) }]);
        expect(out.result).toEqual({ shape: 'records-object', records: 2, skipped: 1, bytes: bytes.length });
      });
    }
  }

  it('in every shape, and damage after a skipped record counts it in the index', () => {
    const long = `"${'s'.repeat(300)}"`;
    const cases: [string, ContainerShape, number][] = [
      [`[{"a":1},${big},${long},123456789012345,{"b":2}]`, 'array', 3],
      [`{"a":1}\n${big}\n${long}\n{"b":2}\n`, 'json-lines', 2],
      [`{"Events":[${big},{"b":2}]}`, 'events-object', 1],
    ];
    for (const [text, shape, skipped] of cases) {
      const b = Buffer.from(text);
      for (const size of [b.length, 50, 3]) {
        const out = split(b, sizesOf(b, size), { maxRecordBytes: shape === 'array' ? 10 : 200 });
        expect(out.result.error, shape).toBeUndefined();
        expect(out.result.shape, shape).toBe(shape);
        expect(out.skips.length, shape).toBe(skipped);
        expect(out.texts.at(-1), shape).toBe('{"b":2}');
      }
    }
    // grammar inside a record: the scanners that check it (the SIMD one leaves it to JSON.parse)
    const damaged = Buffer.from(`[${big},{"a":1},{"b":nope}]`);
    for (const scanner of ['wasm', 'js'] as const) {
      const out = split(damaged, [damaged.length], { maxRecordBytes: 500, scanner });
      expect(out.texts).toEqual(['{"a":1}']);
      expect(out.result.error).toMatchObject({ kind: 'unexpected-byte', record: 2, offset: damaged.indexOf('nope') + 1 });
    }
    expect(split(damaged, [damaged.length], { maxRecordBytes: 500 })).toMatchObject({ texts: ['{"a":1}', '{"b":nope}'], result: { records: 2, skipped: 1 } });
  });

  it('a damaged record over the limit is still damage, not a skip (grammar-checking scanners)', () => {
    const b = Buffer.from(`[{"a":1},{"k":"${'x'.repeat(1000)}",}]`);
    for (const scanner of ['wasm', 'js'] as const) {
      const out = split(b, sizesOf(b, 100), { maxRecordBytes: 500, scanner });
      expect(out.texts).toEqual(['{"a":1}']);
      expect(out.skips).toEqual([]);
      expect(out.result.error).toMatchObject({ kind: 'unexpected-byte', record: 1, offset: b.length - 2 });
    }
    // the SIMD scanner sees a record too long to keep, whatever its grammar
    expect(split(b, sizesOf(b, 100), { maxRecordBytes: 500 })).toMatchObject({ texts: ['{"a":1}'], result: { skipped: 1 } });
  });

  it('bounds the probe of an undetected top-level object too', () => {
    const probe = Buffer.from(`{"Meta":"${'m'.repeat(2000)}","Records":[{"a":1}]}`);
    const sizes = sizesOf(probe, 100);
    // the probe outgrows the limit and is dropped, but it was a container after all
    expect(split(probe, sizes, { maxRecordBytes: 500 })).toMatchObject({ texts: ['{"a":1}'], skips: [], result: { shape: 'records-object' } });
    // an object without a records array is the first JSON Lines record: too long, so skipped
    const line = Buffer.from(`{"Meta":"${'m'.repeat(2000)}"}\n{"b":2}`);
    const out = split(line, sizesOf(line, 100), { maxRecordBytes: 500 });
    expect(out.texts).toEqual(['{"b":2}']);
    expect(out.skips).toMatchObject([{ index: 0, offset: 0, bytes: 2011 }]);
    expect(out.result.shape).toBe('json-lines');
  });

  it('a record of several MiB under the limit is delivered whole across chunks', () => {
    const g = new Gen(3);
    const long = Array.from({ length: 3 << 18 }, () => g.pick(['a', '\\"', '}', '😀'])).join('');
    const rec = `{"k":"${long}","n":[1,2]}`;
    const b = Buffer.from(`{"Records":[{"a":1},${rec},{"b":2}]}`);
    for (const scanner of ['wasm', 'js'] as const) {
      for (const size of [65536, 1 << 20, 777_777]) {
        const out = split(b, sizesOf(b, size), { scanner });
        expect(out.texts, `${scanner} ${size}`).toEqual(['{"a":1}', rec, '{"b":2}']);
      }
    }
  });

  it('a record exactly at the limit passes', () => {
    const rec = '{"k":"abc"}';
    const b = Buffer.from(`[${rec}]`);
    expect(split(b, [3, b.length - 3], { maxRecordBytes: rec.length }).texts).toEqual([rec]);
    expect(split(b, [3, b.length - 3], { maxRecordBytes: rec.length - 1 }).skips).toHaveLength(1);
  });

  it('a skipped record is not kept: memory stays bounded by the limit, not the record', () => {
    const limit = 1 << 20;
    const skips: number[] = [];
    const splitter = new RecordSplitter({ maxRecordBytes: limit, onSkipped: (index, offset, bytes) => skips.push(index, offset, bytes) });
    const chunk = Buffer.alloc(1 << 20, 0x61);
    const seen: string[] = [];
    const onRecord = (rec: Buffer) => seen.push(rec.toString());
    const before = process.memoryUsage().arrayBuffers;
    splitter.push(Buffer.from('{"Records":[{"a":1},{"blob":"'), onRecord);
    let peak = 0;
    for (let k = 0; k < 128; k++) {
      splitter.push(chunk, onRecord);
      peak = Math.max(peak, process.memoryUsage().arrayBuffers - before);
    }
    splitter.push(Buffer.from('"},{"b":2}]}'), onRecord);
    expect(splitter.end()).toMatchObject({ records: 2, skipped: 1 });
    expect(skips).toEqual([1, 20, 128 * chunk.length + 11]);
    expect(seen).toEqual(['{"a":1}', '{"b":2}']);
    // 128 MiB went through; what is held is at most the limit plus a chunk
    expect(peak).toBeLessThan(8 * limit);
  });
});

describe('after damage', () => {
  it('further input is ignored and push keeps returning the damage', () => {
    const splitter = new RecordSplitter();
    const seen: string[] = [];
    const onRecord = (rec: Buffer) => seen.push(rec.toString());
    expect(splitter.push(Buffer.from('[{"a":1} {"b":2}'), onRecord)?.kind).toBe('unexpected-byte');
    expect(splitter.push(Buffer.from(',{"c":3}]'), onRecord)?.offset).toBe(9);
    expect(seen).toEqual(['{"a":1}']);
    expect(splitter.end().error?.offset).toBe(9);
  });

  it('random corruption never throws and never delivers a record that JSON.parse rejects', () => {
    const g = new Gen(99);
    for (let trial = 0; trial < 2000; trial++) {
      const shape = SHAPES[trial % SHAPES.length];
      const built = build(shape, [g.record(), g.record(), g.record()], g);
      const bytes = Buffer.from(built.bytes);
      const flips = 1 + g.int(3);
      for (let k = 0; k < flips; k++) bytes[g.int(bytes.length)] = g.pick([0x22, 0x5c, 0x7b, 0x7d, 0x5b, 0x5d, 0x2c, 0x0a, 0x20, 0x78, 0xff]);
      const scanner = trial % 3 === 0 ? 'js' : 'wasm';
      const out = split(bytes, chunkSizes(g, bytes.length), { shape: g.chance(0.5) ? shape : undefined, scanner });
      // the whole grammar is checked inside records too (no flip makes a raw control byte other than LF)
      for (const text of out.texts) expect(() => JSON.parse(text) as unknown, `trial ${trial}, ${scanner}`).not.toThrow();
      expect(out.result.records).toBe(out.texts.length);
    }
  });
});

describe('bounded memory outside records', () => {
  it('a huge top-level key is skipped without being kept', () => {
    const key = `${'k'.repeat(100_000)}\\u0041`;
    const bytes = Buffer.from(`{"${key}":1,"Records":[{"a":1}]}`);
    const out = split(bytes, [50_000, 50_000, bytes.length - 100_000]);
    expect(out.texts).toEqual(['{"a":1}']);
  });

  it('an endless number is damage', () => {
    const bytes = Buffer.from(`[${'1'.repeat(10_000)}]`);
    for (const sizes of [[bytes.length], [3000, 3000, 3000, bytes.length - 9000]]) {
      expect(split(bytes, sizes).result.error).toMatchObject({ kind: 'unexpected-byte', offset: 1 });
    }
  });
});
