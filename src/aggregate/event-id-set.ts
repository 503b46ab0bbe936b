// The event IDs met so far, each with the fingerprint of its first record and the number of the file it
// came from, for telling a second delivery of an event (same ID, same content: dropped as a duplicate)
// from another record reusing its ID (a decoy an attacker wrote so that a real denial would be dropped
// in its place: a conflict, both counted). One entry per error record read, so a run over an attack's
// archive holds millions. CloudTrail writes IDs as lowercase UUIDs; those are kept as 16 bytes, the
// fingerprint as 8 and the file number (with the fingerprint's kind in its top bit) as 4, in a table
// outside the heap (packed-table.ts); any other ID in a Map. Exact: an ID is in the table only in its
// one canonical spelling, so no two different IDs meet there.
//
// Fingerprints come in two kinds (read/record-fingerprint.ts): of the bytes ('b…') and of the content
// ('c…'). Equal fingerprints mean the same record; fingerprints of the bytes that differ, or of two
// kinds, decide nothing: lookup() tells the caller (fold.ts) which records to fingerprint by content
// first, and learn() takes a first record's content fingerprint in place of its bytes'.
//
//   const seen = new EventIdSet();
//   seen.add('4b8a…', 'c9f86d081884c7d65', 0);  // FIRST; DUPLICATE for the same pair again;
//   seen.add('4b8a…', 'c0123456789abcdef', 3);  // 0: a conflict with the record first read in file 0

import { PackedTable } from './packed-table.js';

/** add() met the ID for the first time. */
export const FIRST = -1;
/** add() met the ID with a fingerprint seen with it before: a second delivery. */
export const DUPLICATE = -2;

/** What lookup() knows of an ID met before. */
export interface Met {
  same: boolean; // the fingerprint is one seen with the ID (its first record's, or a conflicting one's)
  firstFile: number; // the file number of the first record with the ID
  firstByContent: boolean; // that record's fingerprint is of its content
}

const DASH = 0x2d;

/**
 * A lowercase UUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx) as four 32-bit words of its hex digits, into
 * key[0..3]; false for any other ID. One pass, no slices: it runs twice for every error record.
 */
function parseUuid(id: string, key: Uint32Array): boolean {
  if (id.length !== 36) return false;
  let word = 0;
  let digits = 0;
  for (let i = 0; i < 36; i++) {
    const c = id.charCodeAt(i);
    if (i === 8 || i === 13 || i === 18 || i === 23) {
      if (c !== DASH) return false;
      continue;
    }
    const h = c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x61 && c <= 0x66 ? c - 0x57 : -1;
    if (h < 0) return false;
    word = (word << 4) | h;
    if (++digits % 8 === 0) {
      key[digits / 8 - 1] = word;
      word = 0;
    }
  }
  return true;
}
// hand-built scans have no fingerprint: a content fingerprint of zero (so they are decided as they come)
const NO_FINGERPRINT = 'c0000000000000000';
const CONTENT_BIT = 0x80000000;

interface OtherFirst {
  fingerprint: string;
  file: number;
}

export class EventIdSet {
  /** UUID (4 words) → fingerprint (2 words), file number | CONTENT_BIT (1 word). */
  private readonly ids = new PackedTable(4, 3);
  /** (UUID, fingerprint, kind) of the further records met with an ID: only IDs in conflict have any. */
  private readonly copies = new PackedTable(7, 0);
  private readonly others = new Map<string, OtherFirst>();
  private readonly otherCopies = new Set<string>();
  private readonly key = new Uint32Array(7);
  private readonly value = new Uint32Array(3);

  get size(): number {
    return this.ids.size + this.others.size;
  }

  /** Bytes of the tables of UUIDs (the other IDs are in the heap). */
  get tableBytes(): number {
    return this.ids.bytes + this.copies.bytes;
  }

  /** The UUID's slot in `ids` (the key holds the UUID and the fingerprint), or -1; -2 when the ID is not a UUID. */
  private slot(id: string, fingerprint: string): number {
    const k = this.key;
    if (!parseUuid(id, k)) return -2;
    k[4] = parseInt(fingerprint.slice(1, 9), 16);
    k[5] = parseInt(fingerprint.slice(9, 17), 16);
    k[6] = fingerprint[0] === 'c' ? 1 : 0;
    return this.ids.find(k);
  }

  /** The first record's fingerprint in `ids` slot s equals the one in `key`. */
  private sameAsFirst(s: number): boolean {
    const k = this.key;
    return this.ids.value(s, 0) === k[4] && this.ids.value(s, 1) === k[5] && (this.ids.value(s, 2) & CONTENT_BIT ? 1 : 0) === k[6];
  }

  /**
   * Adds the record with this ID and fingerprint, read from file number `file`: FIRST, DUPLICATE, or
   * (same ID, fingerprint not seen with it yet) the file number of the first record with that ID.
   */
  add(id: string, fingerprint: string | undefined, file: number): number {
    const fp = fingerprint ?? NO_FINGERPRINT;
    const s = this.slot(id, fp);
    if (s === -2) return this.addOther(id, fp, file);
    const k = this.key;
    if (s < 0) {
      const v = this.value;
      v[0] = k[4];
      v[1] = k[5];
      v[2] = file | (k[6] === 1 ? CONTENT_BIT : 0);
      this.ids.insert(k, v);
      return FIRST;
    }
    if (this.sameAsFirst(s) || this.copies.find(k) >= 0) return DUPLICATE;
    this.copies.insert(k);
    return this.ids.value(s, 2) & ~CONTENT_BIT;
  }

  /** What is known of this ID, compared with this fingerprint; null when the ID was not met. */
  lookup(id: string, fingerprint: string | undefined): Met | null {
    const fp = fingerprint ?? NO_FINGERPRINT;
    const s = this.slot(id, fp);
    if (s === -2) {
      const first = this.others.get(id);
      if (first === undefined) return null;
      const same = first.fingerprint === fp || this.otherCopies.has(fp + id);
      return { same, firstFile: first.file, firstByContent: first.fingerprint[0] === 'c' };
    }
    if (s < 0) return null;
    const word = this.ids.value(s, 2);
    return { same: this.sameAsFirst(s) || this.copies.find(this.key) >= 0, firstFile: word & ~CONTENT_BIT, firstByContent: (word & CONTENT_BIT) !== 0 };
  }

  /** The first record with this ID, read from `file`, fingerprinted by content now (it was by its bytes). */
  learn(id: string, fingerprint: string, file: number): void {
    const s = this.slot(id, fingerprint);
    if (s === -2) {
      const first = this.others.get(id);
      if (first?.file === file && first.fingerprint[0] !== 'c') first.fingerprint = fingerprint;
      return;
    }
    if (s < 0 || this.ids.value(s, 2) !== file) return; // first read elsewhere, or already by content
    this.ids.setValue(s, 0, this.key[4]);
    this.ids.setValue(s, 1, this.key[5]);
    this.ids.setValue(s, 2, file | CONTENT_BIT);
  }

  private addOther(id: string, fingerprint: string, file: number): number {
    const first = this.others.get(id);
    if (first === undefined) {
      this.others.set(id, { fingerprint, file });
      return FIRST;
    }
    // fingerprints have a fixed length: fingerprint + id names one pair
    const copy = fingerprint + id;
    if (first.fingerprint === fingerprint || this.otherCopies.has(copy)) return DUPLICATE;
    this.otherCopies.add(copy);
    return first.file;
  }
}
