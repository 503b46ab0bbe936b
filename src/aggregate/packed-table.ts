// An open-addressing hash table of fixed-size keys of 32-bit words, each with a fixed number of 32-bit
// values, in typed arrays outside the JavaScript heap: millions of entries cost a few tens of bytes
// each and nothing to the garbage collector (a Set or Map of strings took ~100 bytes an entry, and
// every major GC walked them). Only insertions: deduplication never forgets.
//
//   const t = new PackedTable(4, 1);
//   if (t.find(key) < 0) t.insert(key, [value]);

const FIRST_SLOTS = 1 << 12;

/** murmur3's finaliser: keys written by hand or by a test count up, and must still spread. */
function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export class PackedTable {
  private slots = FIRST_SLOTS; // a power of two, at most half full
  private keys: Uint32Array;
  private values: Uint32Array;
  private used = new Uint8Array(FIRST_SLOTS);
  size = 0;

  constructor(
    private readonly keyWords: number,
    private readonly valueWords: number,
  ) {
    this.keys = new Uint32Array(FIRST_SLOTS * keyWords);
    this.values = new Uint32Array(FIRST_SLOTS * valueWords);
  }

  /** Bytes held by the table. */
  get bytes(): number {
    return this.keys.byteLength + this.values.byteLength + this.used.byteLength;
  }

  /** The slot holding key, or -1. */
  find(key: ArrayLike<number>): number {
    const mask = this.slots - 1;
    const { keys, keyWords } = this;
    for (let s = this.hash(key) & mask; this.used[s] === 1; s = (s + 1) & mask) {
      const o = s * keyWords;
      let w = 0;
      while (w < keyWords && keys[o + w] === key[w]) w++;
      if (w === keyWords) return s;
    }
    return -1;
  }

  /** The value word `i` of the entry in `slot` (from find). */
  value(slot: number, i: number): number {
    return this.values[slot * this.valueWords + i];
  }

  setValue(slot: number, i: number, value: number): void {
    this.values[slot * this.valueWords + i] = value;
  }

  /** Adds a key that find did not find, with its values. */
  insert(key: ArrayLike<number>, values: ArrayLike<number> = []): void {
    if (2 * (this.size + 1) > this.slots) this.grow();
    this.put(key, values);
  }

  private put(key: ArrayLike<number>, values: ArrayLike<number>): void {
    const mask = this.slots - 1;
    let s = this.hash(key) & mask;
    while (this.used[s] === 1) s = (s + 1) & mask;
    this.used[s] = 1;
    for (let w = 0; w < this.keyWords; w++) this.keys[s * this.keyWords + w] = key[w];
    for (let w = 0; w < this.valueWords; w++) this.values[s * this.valueWords + w] = values[w];
    this.size++;
  }

  private hash(key: ArrayLike<number>): number {
    let h = 0;
    for (let w = this.keyWords - 1; w >= 0; w--) h = mix(key[w] ^ h);
    return h;
  }

  private grow(): void {
    const { keys, values, used, slots, keyWords, valueWords } = this;
    this.slots = slots * 2;
    this.keys = new Uint32Array(this.slots * keyWords);
    this.values = new Uint32Array(this.slots * valueWords);
    this.used = new Uint8Array(this.slots);
    this.size = 0;
    for (let s = 0; s < slots; s++) {
      if (used[s] === 1) this.put(keys.subarray(s * keyWords, (s + 1) * keyWords), values.subarray(s * valueWords, (s + 1) * valueWords));
    }
  }
}
