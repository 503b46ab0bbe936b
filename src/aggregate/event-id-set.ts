// The event IDs met so far, for dropping duplicate deliveries: one per error record read, so a run
// over an attack's archive holds millions. CloudTrail writes them as lowercase UUIDs; those are kept
// as 16 bytes in an open-addressing table outside the JavaScript heap (a Set of the strings took
// ~100 bytes each and every major GC walked them), any other ID as a string in a Set. Exact: an ID
// is in the table only in its one canonical spelling, so no two different IDs meet there.
//
//   const seen = new EventIdSet();
//   seen.add('4b8a…');  // true the first time, false after

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const WORDS = 4;
const FIRST_SLOTS = 1 << 12;

/** murmur3's finaliser: IDs written by hand or by a test count up, and must still spread. */
function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export class EventIdSet {
  private slots = FIRST_SLOTS; // a power of two
  private table = new Uint32Array(FIRST_SLOTS * WORDS);
  private used = new Uint8Array(FIRST_SLOTS);
  private packed = 0;
  private readonly others = new Set<string>();
  private readonly key = new Uint32Array(WORDS);

  get size(): number {
    return this.packed + this.others.size;
  }

  /** Adds id; true when it was not there yet. */
  add(id: string): boolean {
    if (id.length !== 36 || !UUID.test(id)) {
      if (this.others.has(id)) return false;
      this.others.add(id);
      return true;
    }
    // xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx: four 32-bit words of hex digits
    const k = this.key;
    k[0] = parseInt(id.slice(0, 8), 16);
    k[1] = parseInt(id.slice(9, 13) + id.slice(14, 18), 16);
    k[2] = parseInt(id.slice(19, 23) + id.slice(24, 28), 16);
    k[3] = parseInt(id.slice(28), 16);
    if (this.find(k) >= 0) return false;
    if (2 * (this.packed + 1) > this.slots) this.grow();
    this.put(k);
    return true;
  }

  /** The slot holding k, or -1. */
  private find(k: Uint32Array): number {
    const mask = this.slots - 1;
    const t = this.table;
    for (let s = this.hash(k) & mask; this.used[s] === 1; s = (s + 1) & mask) {
      const o = s * WORDS;
      if (t[o] === k[0] && t[o + 1] === k[1] && t[o + 2] === k[2] && t[o + 3] === k[3]) return s;
    }
    return -1;
  }

  private put(k: Uint32Array): void {
    const mask = this.slots - 1;
    let s = this.hash(k) & mask;
    while (this.used[s] === 1) s = (s + 1) & mask;
    this.used[s] = 1;
    this.table.set(k, s * WORDS);
    this.packed++;
  }

  private hash(k: Uint32Array): number {
    return mix(k[0] ^ mix(k[1] ^ mix(k[2] ^ mix(k[3]))));
  }

  private grow(): void {
    const { table, used, slots } = this;
    this.slots = slots * 2;
    this.table = new Uint32Array(this.slots * WORDS);
    this.used = new Uint8Array(this.slots);
    this.packed = 0;
    for (let s = 0; s < slots; s++) if (used[s] === 1) this.put(table.subarray(s * WORDS, s * WORDS + WORDS));
  }
}
