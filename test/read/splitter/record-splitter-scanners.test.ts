// The three inner loops (WebAssembly SIMD, WebAssembly grammar, JavaScript) against each other and
// JSON.parse, where they differ in mechanics: 1 MiB copy windows, shared instances, the nesting limit.

import { describe, expect, it } from 'vitest';
import { RecordSplitter } from '../../../src/read/splitter/record-splitter.js';
import { MAX_DEPTH } from '../../../src/read/splitter/wasm-scanner.js';
import { Gen, split } from '../../fixtures/read/splitter/harness.js';

const SCANNERS = ['simd', 'wasm', 'js'] as const;

describe('large chunks cross the WebAssembly copy window', () => {
  it('3 MiB in one push: every record, with boundaries inside strings and escapes', () => {
    const g = new Gen(5);
    const texts: string[] = [];
    let len = 12;
    while (len < 3.2 * 1024 * 1024) {
      const filler = g.pick(['\\\\', '\\"', 'a', '}', ']', '😀', '\\u0041']).repeat(1 + g.int(3000));
      const text = `{"i":${texts.length},"s":"${filler}","t":[{"u":"${'\\\\'.repeat(g.int(4))}"}]}`;
      texts.push(text);
      len += text.length + 1;
    }
    const bytes = Buffer.from(`{"Records":[${texts.join(',')}]}`);
    for (const scanner of SCANNERS) {
      const out = split(bytes, [bytes.length], { scanner });
      expect(out.result.error, scanner).toBeUndefined();
      expect(out.texts, scanner).toEqual(texts);
    }
    expect(texts.map((t) => (JSON.parse(t) as { i: number }).i)).toEqual(texts.map((_, k) => k));
  });
});

describe('splitters used in turn share the WebAssembly instance safely', () => {
  it('two files interleaved chunk by chunk, each mid-record at every switch', () => {
    const a = Buffer.from(`{"Records":[${Array.from({ length: 50 }, (_, k) => `{"a":[${k},{"x":"}]\\""}]}`).join(',')}]}`);
    const b = Buffer.from(Array.from({ length: 50 }, (_, k) => `[[{"b":${k}}],"]]"]`).join('\n'));
    const sa = new RecordSplitter();
    const sb = new RecordSplitter({ shape: 'json-lines' });
    const outA: string[] = [];
    const outB: string[] = [];
    for (let k = 0; k < Math.max(a.length, b.length); k += 7) {
      if (k < a.length) sa.push(a.subarray(k, k + 7), (r) => outA.push(r.toString()));
      if (k < b.length) sb.push(b.subarray(k, k + 5), (r) => outB.push(r.toString()));
      if (k + 5 < b.length) sb.push(b.subarray(k + 5, k + 7), (r) => outB.push(r.toString()));
    }
    expect(sa.end().error).toBeUndefined();
    expect(sb.end().error).toBeUndefined();
    expect(outA.map((t) => JSON.parse(t) as unknown)).toEqual((JSON.parse(a.toString()) as { Records: unknown[] }).Records);
    expect(outB).toEqual(b.toString().split('\n'));
  });
});

describe.each(SCANNERS)('scanner %s', (scanner) => {
  it('deep nesting within the limit is fine; beyond it is damage, not a crash', () => {
    const ok = `[${'['.repeat(5000)}${']'.repeat(5000)}]`;
    expect(split(Buffer.from(ok), [1000, ok.length - 1000], { scanner }).texts).toEqual([`${'['.repeat(5000)}${']'.repeat(5000)}`]);
    const deep = `[${'{"a":'.repeat(MAX_DEPTH + 10)}`;
    const out = split(Buffer.from(deep), [deep.length], { scanner });
    expect(out.result.error?.kind).toBe(scanner === 'js' ? 'truncated' : 'unbalanced');
  });

  it('a raw line feed inside a string is damage at its offset', () => {
    const bytes = Buffer.from('[{"a":"x\ny"}]');
    expect(split(bytes, [bytes.length], { scanner }).result.error).toMatchObject({ kind: 'unexpected-byte', offset: 8 });
  });

  it('an escaped quote at the very end of a chunk', () => {
    const bytes = Buffer.from('[{"a":"\\\\\\"\\\\"},{"b":"\\""}]');
    for (let cut = 1; cut < bytes.length; cut++) {
      const out = split(bytes, [cut, bytes.length - cut], { scanner });
      expect(out.texts, `cut ${cut}`).toEqual(['{"a":"\\\\\\"\\\\"}', '{"b":"\\""}']);
    }
  });
});

it('only the WebAssembly scanners reject other raw control bytes in strings (JSON.parse does too)', () => {
  const bytes = Buffer.from('[{"a":"tab\there"}]');
  for (const scanner of ['simd', 'wasm'] as const) {
    expect(split(bytes, [bytes.length], { scanner }).result.error).toMatchObject({ kind: 'unexpected-byte', offset: 10 });
  }
  expect(split(bytes, [bytes.length], { scanner: 'js' }).texts).toEqual(['{"a":"tab\there"}']);
});
