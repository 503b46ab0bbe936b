// The SIMD scanner's own duties: 64-byte blocks (escapes and strings across block and window edges),
// the denial flag it hands to onRecord (never missing a record that holds the words as strings), records
// it only counts (onPlain), and the damage it does check, at the offsets the grammar scanner reports.

import { describe, expect, it } from 'vitest';
import { RecordSplitter, type RecordSplitterOptions } from '../../../src/read/splitter/record-splitter.js';
import { WINDOW } from '../../../src/read/splitter/simd-scanner.js';
import { Gen, build, chunkSizes, split, type Json } from '../../fixtures/read/splitter/harness.js';

interface Flagged {
  texts: string[];
  hints: (boolean | undefined)[];
  plain: number;
  error: string | undefined;
}

/** Splits with onPlain, as the fast path does: unflagged records are only counted. */
function splitFlagged(bytes: Buffer, sizes: number[], options: RecordSplitterOptions = {}): Flagged {
  const out: Flagged = { texts: [], hints: [], plain: 0, error: undefined };
  const s = new RecordSplitter({ ...options, onPlain: (n) => (out.plain += n) });
  const onRecord = (r: Buffer, _i: number, _o: number, hint?: boolean) => {
    out.texts.push(r.toString());
    out.hints.push(hint);
  };
  let at = 0;
  for (const size of sizes) {
    s.push(bytes.subarray(at, at + size), onRecord);
    at += size;
  }
  out.error = s.end(onRecord).error?.reason;
  return out;
}

/**
 * The record holds the string "errorCode" or "ConsoleLogin" spelled out (not with \u escapes: see
 * mayBeDenial), as a key or a value at any depth. Outside strings JSON has no quotes, so the strings
 * are the matches of this pattern read from the start.
 */
function holdsWord(text: string): boolean {
  return (text.match(/"(?:[^"\\]|\\.)*"/g) ?? []).some((s) => s === '"errorCode"' || s === '"ConsoleLogin"');
}

describe('blocks and windows', () => {
  it('backslash runs and quotes at every offset across a 64-byte block edge', () => {
    for (let pad = 0; pad < 140; pad++) {
      for (const run of ['\\\\', '\\"', '\\\\\\"', '\\\\\\\\', '\\u0022', '\\/']) {
        const text = `{"p":"${'x'.repeat(pad)}${run}","q":["}",{"r":"${run}]"}]}`;
        const bytes = Buffer.from(`{"Records":[${text},{"b":1}]}`);
        const out = split(bytes, [bytes.length]);
        expect(out.result.error, `pad ${pad} ${run}`).toBeUndefined();
        expect(out.texts, `pad ${pad} ${run}`).toEqual([text, '{"b":1}']);
      }
    }
  });

  it('records across the 1 MiB window, fed whole and in odd chunks', () => {
    const g = new Gen(77);
    const values: Json[] = [];
    let size = 0;
    while (size < 2.5 * WINDOW) {
      const v = g.record();
      values.push(v);
      size += JSON.stringify(v).length;
    }
    const built = build('records-object', values, g);
    for (const sizes of [[built.bytes.length], chunkSizes(g, built.bytes.length), [WINDOW - 1, WINDOW + 1, built.bytes.length - 2 * WINDOW]]) {
      const out = split(built.bytes, sizes);
      expect(out.result.error).toBeUndefined();
      expect(out.texts).toEqual(built.texts);
    }
  });
});

describe('the denial flag', () => {
  it('flags "errorCode" and "ConsoleLogin" wherever they fall, and only what JSON.parse may need', () => {
    const flagged = [
      '{"errorCode":"AccessDenied"}', '{"a":1,"errorCode":"x"}', '{"eventName":"ConsoleLogin"}', '{"x":{"y":"errorCode"}}',
      '{"x":"a\\\\","errorCode":"x"}', '{"x":"\\\\","eventName":"ConsoleLogin"}', // an escaped backslash, then a real quote
    ];
    const plain = [
      '{"eventCategory":"Management","sessionContext":{"CipherSuite":"CCCCCC"}}', '{}', '{"errorcode":"x"}', '{"x":"\\"errorCode\\""}', '{"Code":"errorCod"}', '{"a":"C C C"}', '{"ConsoleLogi":1}',
    ];
    // the words' opening quote is escaped (they are inside a string): plain, but for a candidate in a
    // block's first six bytes, whose quote may lie in the block before (flagged: a false positive is safe)
    const edge = ['{"x":"a\\"errorCode"}', '{"x":"\\"ConsoleLogin"}'];
    let edgeFlagged = 0;
    for (let pad = 0; pad < 80; pad++) {
      const texts = [...flagged, ...plain, ...edge].map((t) => t.replace('{', `{"pad":"${'.'.repeat(pad)}",`));
      const bytes = Buffer.from(`{"Records":[${texts.join(',')}]}`);
      const out = splitFlagged(bytes, [bytes.length]);
      expect(out.error).toBeUndefined();
      expect(out.texts.slice(0, flagged.length), `pad ${pad}`).toEqual(texts.slice(0, flagged.length));
      expect(texts.slice(flagged.length + plain.length)).toEqual(expect.arrayContaining(out.texts.slice(flagged.length)));
      expect(out.hints.every((h) => h === true)).toBe(true);
      expect(out.plain + out.texts.length).toBe(texts.length);
      edgeFlagged += out.texts.length - flagged.length;
    }
    expect(edgeFlagged).toBeGreaterThan(0);
    expect(edgeFlagged).toBeLessThan((80 * edge.length) / 5);
  });

  it('never leaves out a record holding the string "errorCode" or "ConsoleLogin", for hostile records in any chunking', () => {
    const g = new Gen(2026);
    for (let file = 0; file < 150; file++) {
      const values: Json[] = Array.from({ length: 30 }, () => g.record());
      const built = build(g.chance(0.5) ? 'records-object' : 'array', values, g);
      const out = splitFlagged(built.bytes, chunkSizes(g, built.bytes.length));
      expect(out.error, `file ${file}`).toBeUndefined();
      expect(out.texts.length + out.plain, `file ${file}`).toBe(values.length);
      const kept = new Set(out.texts);
      for (const t of built.texts) if (holdsWord(t)) expect(kept.has(t), `file ${file}: ${t.slice(0, 80)}`).toBe(true);
    }
  });

  it('counts only objects as plain: an array or scalar element is delivered, for the caller to refuse', () => {
    const bytes = Buffer.from('{"Records":[{"a":1},[1,2],7,"s",{"b":2}]}');
    const out = splitFlagged(bytes, [bytes.length]);
    expect(out).toMatchObject({ texts: ['[1,2]', '7', '"s"'], plain: 2, error: undefined });
  });
});

describe('the damage it checks, where the grammar scanner finds it', () => {
  const cases = [
    '{"Records":[{"a":"x\ny"}]}',
    '{"Records":[{"a":"tab\there"}]}',
    '{"Records":[{"a":"é中😀\u0001 after UTF-8 in the same block"}]}', // bytes from 0x80 pass the quick test too
    '{"Records":[{"a":"bad \\q escape"}]}',
    '{"Records":[{"a":[1}]}',
    '{"Records":[{"a":1}}]}',
    '{"Records":[{"a":1} {"b":2}]}',
    '{"Records":[{"a":1},,{"b":2}]}',
    '{"Records":[{"a":1},{"b":2}',
    '{"Records":[{"a":"unterminated}]}',
  ];
  it.each(cases)('%j', (text) => {
    const bytes = Buffer.from(text);
    const grammar = split(bytes, [bytes.length], { scanner: 'wasm' });
    expect(grammar.result.error).toBeDefined();
    for (const sizes of [[bytes.length], Array<number>(bytes.length).fill(1)]) {
      const out = split(bytes, sizes);
      expect(out.texts).toEqual(grammar.texts);
      expect(out.result.error).toMatchObject({ kind: grammar.result.error?.kind, offset: grammar.result.error?.offset, record: grammar.result.error?.record });
    }
  });

  it('UTF-8 alone is no damage, in any block position', () => {
    for (let pad = 0; pad < 70; pad++) {
      const text = `{"a":"${'.'.repeat(pad)}é中😀","b":["ü"]}`;
      const bytes = Buffer.from(`{"Records":[${text}]}`);
      const out = split(bytes, [bytes.length]);
      expect(out.result.error, `pad ${pad}`).toBeUndefined();
      expect(out.texts).toEqual([text]);
    }
  });

  it('damage in the record after one that ends in the same block keeps the first', () => {
    const bytes = Buffer.from('{"Records":[{"a":1},{"b":"\\x"}]}');
    const out = split(bytes, [bytes.length]);
    expect(out.texts).toEqual(['{"a":1}']);
    expect(out.result.error).toMatchObject({ kind: 'unexpected-byte', offset: bytes.indexOf('\\x') + 1, record: 1 });
  });
});
