import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  RecordSplitter, detectShape, mayBeDenial, type ContainerShape, type SplitDamageKind,
} from '../../../src/read/splitter/record-splitter.js';
import {
  Gen, chunkSizes, parseReference, split, streamJsonReference, type Json,
} from '../../fixtures/read/splitter/harness.js';

const dir = fileURLToPath(new URL('../../fixtures/read/splitter/', import.meta.url));

interface Expected {
  file: string;
  shape: ContainerShape | null;
  records: number;
  options?: { shape?: ContainerShape };
  reference?: 'stream-json';
  error?: { kind: SplitDamageKind; offset: number };
  /**
   * Damage inside a record, which the SIMD scanner (the default) does not look for: it delivers this
   * many records, and those at `rejectedByParse` fail the JSON.parse that a caller would make.
   */
  simd?: { records: number; rejectedByParse: number[] };
}
const expected = JSON.parse(readFileSync(`${dir}expected.json`, 'utf8')) as Expected[];

const parseAll = (texts: string[]) => texts.map((t) => JSON.parse(t) as Json);
const isJson = (t: string) => {
  try {
    JSON.parse(t);
    return true;
  } catch {
    return false;
  }
};

describe('fixtures', () => {
  for (const fx of expected) {
    const name = `${fx.file}${fx.options?.shape !== undefined ? ` (shape ${fx.options.shape})` : ''}`;
    it(name, async () => {
      const bytes = readFileSync(`${dir}${fx.file}`);
      const g = new Gen(fx.file.length);
      // whole, byte by byte, and a few random chunkings
      const feeds = [[bytes.length], Array<number>(bytes.length).fill(1), ...[1, 2, 3].map(() => chunkSizes(g, bytes.length))];
      if (fx.simd !== undefined) {
        for (const sizes of feeds) {
          const out = split(bytes, sizes, fx.options);
          expect(out.result.error).toBeUndefined();
          expect(out.texts.length).toBe(fx.simd.records);
          const rejected = out.texts.flatMap((t, k) => (isJson(t) ? [] : [k]));
          expect(rejected).toEqual(fx.simd.rejectedByParse);
        }
      }
      // the grammar-checking scanners, and the SIMD one where the fixture holds no damage inside a record
      const scanners = fx.simd !== undefined ? (['wasm', 'js'] as const) : ([undefined, 'wasm', 'js'] as const);
      for (const sizes of feeds) for (const scanner of scanners) {
        const out = split(bytes, sizes, { ...fx.options, scanner });
        expect(out.result.shape).toBe(fx.shape);
        expect(out.texts.length).toBe(fx.records);
        expect(out.result.records).toBe(fx.records);
        if (fx.error === undefined) {
          expect(out.result.error).toBeUndefined();
        } else {
          expect(out.result.error).toMatchObject({ kind: fx.error.kind, offset: fx.error.offset, record: fx.records });
          expect(out.result.error?.reason.length).toBeGreaterThan(10);
        }
        // each record is exactly a JSON value, at the offset reported
        for (let k = 0; k < out.texts.length; k++) {
          const at = out.offsets[k];
          expect(bytes.subarray(at, at + Buffer.byteLength(out.texts[k])).toString('utf8')).toBe(out.texts[k]);
        }
      }
      if (fx.error !== undefined || fx.shape === null) return;
      const records = parseAll(split(bytes, [bytes.length], fx.options).texts);
      if (fx.reference !== 'stream-json') expect(records).toEqual(parseReference(bytes, fx.shape));
      expect(records).toEqual(await streamJsonReference(bytes, fx.shape));
    });
  }

  it('lookup-events: the caller can parse each CloudTrailEvent', () => {
    const bytes = readFileSync(`${dir}lookup-events.json`);
    const events = parseAll(split(bytes, [bytes.length]).texts) as { CloudTrailEvent: string }[];
    const inner = events.map((e) => JSON.parse(e.CloudTrailEvent) as { eventVersion: string });
    expect(inner.map((e) => e.eventVersion)).toEqual(['1.08', '1.08', '1.08']);
  });
});

describe('shapes', () => {
  const cases: [string, ContainerShape | null][] = [
    ['{"Records":[', 'records-object'],
    ['\ufeff \n {"Events":[{', 'events-object'],
    ['{"Other":{"Records":[]},"Records":[', 'records-object'],
    ['  [{"a":1}', 'array'],
    ['{"eventVersion":"1.08"}\n{"eventV', 'json-lines'],
    ['"a string line"\n', 'json-lines'],
    ['{"eventVersion":"1.0', null], // undecided: the first object has not closed yet
    ['', null],
    ['   ', null],
    ['<html>', null],
  ];
  for (const [head, shape] of cases) {
    it(`detectShape(${JSON.stringify(head)}) = ${shape}`, () => {
      expect(detectShape(Buffer.from(head))).toBe(shape);
    });
  }

  it('an explicit shape is enforced', () => {
    const arr = Buffer.from('[{"a":1}]');
    expect(split(arr, [arr.length], { shape: 'records-object' }).result.error?.kind).toBe('not-a-container');
    const obj = Buffer.from('{"Records":[{"a":1}]}');
    expect(split(obj, [obj.length], { shape: 'array' }).result.error?.kind).toBe('not-a-container');
    expect(split(obj, [obj.length], { shape: 'events-object' }).result.error?.kind).toBe('bad-container');
    // as JSON Lines, the whole object is one record
    expect(split(obj, [obj.length], { shape: 'json-lines' }).texts).toEqual(['{"Records":[{"a":1}]}']);
    const notArray = Buffer.from('{"Records":{"a":1}}');
    expect(split(notArray, [notArray.length], { shape: 'records-object' }).result.error?.kind).toBe('bad-container');
  });

  it('empty input: damage unless JSON Lines was asked for', () => {
    expect(split(Buffer.alloc(0), []).result.error?.kind).toBe('empty');
    expect(split(Buffer.from(' \n'), [2], { shape: 'json-lines' }).result).toEqual({ shape: 'json-lines', records: 0, skipped: 0, bytes: 2 });
  });

  it('a JSON Lines input may end with a bare number, delivered by end()', () => {
    const bytes = Buffer.from('{"a":1}\n12');
    const out = split(bytes, [bytes.length]);
    expect(out.texts).toEqual(['{"a":1}', '12']);
    expect(out.result.error).toBeUndefined();
  });

  it('invalid literals between records are damage', () => {
    for (const text of ['[1,tru]', '[01]', '{"Records":[nul]}', '{"x":troo,"Records":[]}', '[1.]']) {
      const bytes = Buffer.from(text);
      expect(split(bytes, [bytes.length]).result.error?.kind, text).toBe('unexpected-byte');
    }
  });
});

describe('records spanning chunks', () => {
  it('carries only the partial record, and delivers slices of the chunk otherwise', () => {
    const splitter = new RecordSplitter();
    const chunk = Buffer.from('{"Records":[{"a":1},{"b":');
    const seen: Buffer[] = [];
    splitter.push(chunk, (rec) => seen.push(rec));
    expect(seen[0].buffer).toBe(chunk.buffer); // a view, no copy
    splitter.push(Buffer.from('2}]}'), (rec) => seen.push(Buffer.from(rec)));
    expect(seen.map(String)).toEqual(['{"a":1}', '{"b":2}']);
    expect(splitter.end()).toEqual({ shape: 'records-object', records: 2, skipped: 0, bytes: 29 });
  });

  it('a UTF-8 character and an escape split across chunks', () => {
    const text = '[{"k":"😀\\"\\\\\\u00e9"}]';
    const bytes = Buffer.from(text);
    for (let cut = 1; cut < bytes.length; cut++) {
      for (let cut2 = cut + 1; cut2 < bytes.length; cut2++) {
        const out = split(bytes, [cut, cut2 - cut, bytes.length - cut2]);
        expect(parseAll(out.texts)).toEqual([{ k: '😀"\\é' }]);
      }
    }
  });
});

describe('mayBeDenial', () => {
  const yes = [
    '{"errorCode":"AccessDenied"}',
    '{"a":1, "errorCode" : "x"}',
    '{"eventName":"ConsoleLogin","responseElements":{"ConsoleLogin":"Failure"}}',
    '{"x":"errorCode"}', // a value that looks like the key: a harmless false positive
    'errorCode"errorCode"',
  ];
  const no = [
    '{}',
    '{"errorcode":"x"}',
    '{"x":"\\"errorCode\\""}',
    '{"eventName":"ConsoleLogin","responseElements":{"ConsoleLogin":"Success"}}',
    '{"reason":"Failure"}',
    'errorCode',
    '"errorCod"',
    'C',
  ];
  for (const text of yes) it(`true for ${text}`, () => expect(mayBeDenial(Buffer.from(text))).toBe(true));
  for (const text of no) it(`false for ${text}`, () => expect(mayBeDenial(Buffer.from(text))).toBe(false));

  it('agrees with a plain substring search on generated records', () => {
    const g = new Gen(7);
    for (let k = 0; k < 1500; k++) {
      const text = g.stringify(g.record());
      const want = text.includes('"errorCode"') || (text.includes('"ConsoleLogin"') && text.includes('"Failure"'));
      expect(mayBeDenial(Buffer.from(text)), text).toBe(want);
    }
  });
});
