import { describe, expect, it } from 'vitest';
import { EventIdSet } from '../../src/aggregate/event-id-set.js';
import { createPrng } from '../../src/samples/prng.js';

const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

describe('EventIdSet', () => {
  it('says true the first time an ID is added and false after, across many growths', () => {
    const s = new EventIdSet();
    for (let i = 0; i < 50_000; i++) expect(s.add(uuid(i))).toBe(true);
    for (let i = 0; i < 50_000; i += 7) expect(s.add(uuid(i))).toBe(false);
    expect(s.size).toBe(50_000);
  });

  it('agrees with a Set of the strings on random UUIDs, other IDs and spellings of one UUID', () => {
    const rng = createPrng(11);
    const hex = (n: number) => Array.from({ length: n }, () => '0123456789abcdef'[rng.int(0, 15)]).join('');
    const pool: string[] = [];
    for (let i = 0; i < 3000; i++) pool.push(`${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}`);
    const upper = pool[0].toUpperCase();
    pool.push(upper, `{${pool[1]}}`, pool[2].replace(/-/g, ''), 'e-1', '', '00000000-0000-0000-0000-000000000000', ' ' + pool[3].slice(1));
    const s = new EventIdSet();
    const reference = new Set<string>();
    for (let i = 0; i < 20_000; i++) {
      const id = pool[rng.int(0, pool.length - 1)];
      expect(s.add(id)).toBe(!reference.has(id));
      reference.add(id);
    }
    expect(s.size).toBe(reference.size);
  });
});
