import { describe, expect, it } from 'vitest';
import { DUPLICATE, EventIdSet, FIRST } from '../../src/aggregate/event-id-set.js';
import { createPrng } from '../../src/samples/prng.js';

const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const fp = (n: number, kind = 'c') => kind + n.toString(16).padStart(16, '0');

describe('EventIdSet', () => {
  it('says FIRST the first time an ID is added and DUPLICATE after, with the same content, across many growths', () => {
    const s = new EventIdSet();
    for (let i = 0; i < 50_000; i++) expect(s.add(uuid(i), fp(i), 0)).toBe(FIRST);
    for (let i = 0; i < 50_000; i += 7) expect(s.add(uuid(i), fp(i), 1)).toBe(DUPLICATE);
    expect(s.size).toBe(50_000);
  });

  it('the same ID with other content is a conflict, answered with the file of the first; a third copy equal to either is a duplicate', () => {
    for (const id of [uuid(42), 'not-a-uuid']) {
      const s = new EventIdSet();
      expect(s.add(id, 'caaaaaaaaaaaaaaaa', 3)).toBe(FIRST);
      expect(s.add(id, 'cbbbbbbbbbbbbbbbb', 5)).toBe(3);
      expect(s.add(id, 'caaaaaaaaaaaaaaaa', 6)).toBe(DUPLICATE);
      expect(s.add(id, 'cbbbbbbbbbbbbbbbb', 7)).toBe(DUPLICATE);
      expect(s.add(id, 'ccccccccccccccccc', 8)).toBe(3);
      expect(s.add(id, 'baaaaaaaaaaaaaaaa', 9)).toBe(3); // the same 64 bits of another kind are another fingerprint
      expect(s.size).toBe(1);
    }
  });

  it('agrees with a Map of the strings on random UUIDs, other IDs, spellings of one UUID and contents', () => {
    const rng = createPrng(11);
    const hex = (n: number) => Array.from({ length: n }, () => '0123456789abcdef'[rng.int(0, 15)]).join('');
    const pool: string[] = [];
    for (let i = 0; i < 3000; i++) pool.push(`${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}`);
    const upper = pool[0].toUpperCase();
    pool.push(upper, `{${pool[1]}}`, pool[2].replace(/-/g, ''), 'e-1', '', '00000000-0000-0000-0000-000000000000', ' ' + pool[3].slice(1));
    const contents = [`c${hex(16)}`, `c${hex(16)}`, `b${hex(16)}`];
    const s = new EventIdSet();
    const reference = new Map<string, { file: number; seen: Set<string> }>();
    for (let i = 0; i < 20_000; i++) {
      const id = pool[rng.int(0, pool.length - 1)];
      const content = contents[rng.int(0, i % 10 === 0 ? 2 : 0)];
      const known = reference.get(id);
      const expected = known === undefined ? FIRST : known.seen.has(content) ? DUPLICATE : known.file;
      expect(s.add(id, content, i)).toBe(expected);
      if (known === undefined) reference.set(id, { file: i, seen: new Set([content]) });
      else known.seen.add(content);
    }
    expect(s.size).toBe(reference.size);
  });

  it("lookup tells what add would meet; learn puts a first record's content fingerprint in place of its bytes'", () => {
    for (const id of [uuid(7), 'not-a-uuid']) {
      const s = new EventIdSet();
      expect(s.lookup(id, fp(1, 'b'))).toBeNull();
      s.add(id, fp(1, 'b'), 4);
      expect(s.lookup(id, fp(1, 'b'))).toEqual({ same: true, firstFile: 4, firstByContent: false });
      expect(s.lookup(id, fp(2, 'b'))).toEqual({ same: false, firstFile: 4, firstByContent: false });
      s.learn(id, fp(9), 5); // not the file the first record came from: ignored
      expect(s.lookup(id, fp(9))).toEqual({ same: false, firstFile: 4, firstByContent: false });
      s.learn(id, fp(9), 4);
      expect(s.lookup(id, fp(9))).toEqual({ same: true, firstFile: 4, firstByContent: true });
      s.learn(id, fp(8), 4); // once by content, it stays
      expect(s.add(id, fp(9), 6)).toBe(DUPLICATE);
      expect(s.add(id, fp(8), 6)).toBe(4);
      expect(s.lookup(id, fp(8))).toEqual({ same: true, firstFile: 4, firstByContent: true });
    }
  });

  it('stays small: a million error records in 61 bytes of table each at most (the table is at least half empty), outside the heap', () => {
    const before = process.memoryUsage().heapUsed;
    const s = new EventIdSet();
    for (let i = 0; i < 1_000_000; i++) s.add(uuid(i), fp(i), i >> 10);
    expect(s.size).toBe(1_000_000);
    // 2^21 slots × (16 bytes of UUID + 8 of fingerprint + 4 of file and kind + 1 in use), and the empty table of copies
    expect(s.tableBytes).toBe(2 ** 21 * 29 + 4096 * 29);
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(16 * 1024 * 1024);
  });
});
