// A small seeded generator so the demo archive is byte-for-byte reproducible. The global random source is never
// used: every random choice in src/samples goes through a Prng made from the caller's seed.

/** FNV-1a over a string, used to turn labels into seeds for independent streams. */
export function hashString(text: string, basis = 0x811c9dc5): number {
  let hash = basis >>> 0;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

export interface Weighted<T> {
  value: T;
  weight: number;
}

/** mulberry32: 32 bits of state, fast, good enough for synthetic logs (not for cryptography). */
export class Prng {
  private state: number;
  private readonly seed: number;

  constructor(seed: number) {
    this.seed = Math.trunc(seed) >>> 0;
    this.state = (this.seed ^ 0x9e3779b9) >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both ends included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('Prng.pick: empty list');
    return items[Math.floor(this.next() * items.length)];
  }

  pickWeighted<T>(items: readonly Weighted<T>[]): T {
    const total = items.reduce((sum, item) => sum + item.weight, 0);
    let roll = this.next() * total;
    for (const item of items) {
      roll -= item.weight;
      if (roll < 0) return item.value;
    }
    return items[items.length - 1].value;
  }

  shuffle<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i -= 1) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy;
  }

  /** A string of `length` characters drawn from `alphabet`. */
  chars(alphabet: string, length: number): string {
    let out = '';
    for (let i = 0; i < length; i += 1) out += alphabet[Math.floor(this.next() * alphabet.length)];
    return out;
  }

  /**
   * An independent stream for one part of the archive, derived from the seed and a label only (not
   * from how much of this stream was used), so adding records in one place does not reshuffle the rest.
   */
  fork(label: string): Prng {
    return new Prng(hashString(`${this.seed}:${label}`));
  }
}

export function createPrng(seed: number): Prng {
  return new Prng(seed);
}
