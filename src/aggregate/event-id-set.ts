// The event IDs met so far, each with the fingerprint of its record's content and the file it came
// from, for telling a second delivery of an event (same ID, same content: dropped as a duplicate) from
// another record reusing its ID (a decoy an attacker wrote so that a real denial would be dropped in
// its place: a conflict, both counted). One entry per error record read, so a run over an attack's
// archive holds millions. CloudTrail writes IDs as lowercase UUIDs; those are kept as 16 bytes, the
// fingerprint as 8 and the file as 4, in a table outside the heap (packed-table.ts); any other ID in
// a Map. Exact: an ID is in the table only in its one canonical spelling, so no two different IDs
// meet there.
//
//   const seen = new EventIdSet();
//   seen.add('4b8a…', '9f86d081884c7d65', 0);  // FIRST; DUPLICATE for the same pair again;
//   seen.add('4b8a…', '0123456789abcdef', 3);  // 0: a conflict with the record first read in file 0

import { PackedTable } from './packed-table.js';

/** add() met the ID for the first time. */
export const FIRST = -1;
/** add() met the ID with a fingerprint seen with it before: a second delivery. */
export const DUPLICATE = -2;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
// 16 hex digits (read/record-fingerprint.ts); hand-built scans have none, which counts as zero
const NO_FINGERPRINT = '0000000000000000';

export class EventIdSet {
  /** UUID (4 words) → fingerprint (2 words), file of the first record with the ID (1 word). */
  private readonly ids = new PackedTable(4, 3);
  /** (UUID, fingerprint) of the further contents met with an ID: only IDs in conflict have any. */
  private readonly copies = new PackedTable(6, 0);
  private readonly others = new Map<string, { fingerprint: string; file: number }>();
  private readonly otherCopies = new Set<string>();
  private readonly key = new Uint32Array(6);
  private readonly value = new Uint32Array(3);

  get size(): number {
    return this.ids.size + this.others.size;
  }

  /** Bytes of the tables of UUIDs (the other IDs are in the heap). */
  get tableBytes(): number {
    return this.ids.bytes + this.copies.bytes;
  }

  /**
   * Adds the record with this ID and content, read from file number `file`: FIRST, DUPLICATE, or
   * (same ID, content not seen with it yet) the file number of the first record with that ID.
   */
  add(id: string, fingerprint: string | undefined, file: number): number {
    const fp = fingerprint ?? NO_FINGERPRINT;
    if (id.length !== 36 || !UUID.test(id)) return this.addOther(id, fp, file);
    // xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx: four 32-bit words of hex digits, then the fingerprint's two
    const k = this.key;
    k[0] = parseInt(id.slice(0, 8), 16);
    k[1] = parseInt(id.slice(9, 13) + id.slice(14, 18), 16);
    k[2] = parseInt(id.slice(19, 23) + id.slice(24, 28), 16);
    k[3] = parseInt(id.slice(28), 16);
    k[4] = parseInt(fp.slice(0, 8), 16);
    k[5] = parseInt(fp.slice(8, 16), 16);
    const slot = this.ids.find(k);
    if (slot < 0) {
      const v = this.value;
      v[0] = k[4];
      v[1] = k[5];
      v[2] = file;
      this.ids.insert(k, v);
      return FIRST;
    }
    if (this.ids.value(slot, 0) === k[4] && this.ids.value(slot, 1) === k[5]) return DUPLICATE;
    if (this.copies.find(k) >= 0) return DUPLICATE;
    this.copies.insert(k);
    return this.ids.value(slot, 2);
  }

  private addOther(id: string, fingerprint: string, file: number): number {
    const first = this.others.get(id);
    if (first === undefined) {
      this.others.set(id, { fingerprint, file });
      return FIRST;
    }
    // the fingerprint has a fixed length: fingerprint + id names one pair
    const copy = fingerprint + id;
    if (first.fingerprint === fingerprint || this.otherCopies.has(copy)) return DUPLICATE;
    this.otherCopies.add(copy);
    return first.file;
  }
}
