// What tells a second delivery of an event from another event that reuses its eventID (an attacker's
// decoy, written to make a real denial vanish as "a duplicate"): the record's content. The same event
// arrives serialised differently in different containers (a trail file, a lookup-events export's
// CloudTrailEvent string: other key order, spacing, escapes), so the fingerprint is taken over the
// parsed record in a canonical form (object keys sorted, JSON.stringify's spelling of every value),
// not over its bytes. Computed in the reading threads, for error records only (the others are never
// parsed, and not deduplicated).
//
//   recordFingerprint(JSON.parse(text))  // '9f86d081884c7d65': 16 hex digits
import { createHash } from 'node:crypto';

/**
 * The first 64 bits of SHA-256 over the canonical form. 64 bits: a decoy matching a given real record
 * would take ~2^64 hashes to find (a second preimage), and the table of fingerprints kept beside the
 * event IDs (aggregate/event-id-set.ts) holds 8 bytes an entry.
 */
export function recordFingerprint(record: object): string {
  return createHash('sha256').update(canonical(record)).digest('hex').slice(0, 16);
}

// Keys repeat from record to record; their JSON spelling is kept (a bounded number of them).
const quotedKeys = new Map<string, string>();
const QUOTED_KEYS = 4096;

function key(k: string): string {
  let q = quotedKeys.get(k);
  if (q === undefined) {
    q = `${JSON.stringify(k)}:`;
    if (quotedKeys.size < QUOTED_KEYS) quotedKeys.set(k, q);
  }
  return q;
}

interface Open {
  value: object;
  keys: string[] | null; // sorted keys of an object; null for an array
  next: number;
}

/**
 * JSON text with every object's keys in sorted order: equal for equal parsed values, whatever their
 * source spelling. Iterative: a record may nest as deep as JSON.parse allows (10,000 levels and more).
 */
export function canonical(root: unknown): string {
  let out = '';
  const open: Open[] = [];
  let v: unknown = root;
  for (;;) {
    if (typeof v !== 'object' || v === null) out += JSON.stringify(v) ?? 'null';
    else if (Array.isArray(v)) {
      out += '[';
      open.push({ value: v, keys: null, next: 0 });
    } else {
      out += '{';
      open.push({ value: v, keys: Object.keys(v).sort(), next: 0 });
    }
    // on to the next value to write, closing what is complete
    for (;;) {
      const top = open.at(-1);
      if (top === undefined) return out;
      const { keys } = top;
      if (top.next < (keys ?? (top.value as unknown[])).length) {
        if (top.next > 0) out += ',';
        if (keys === null) v = (top.value as unknown[])[top.next];
        else {
          out += key(keys[top.next]);
          v = (top.value as Record<string, unknown>)[keys[top.next]];
        }
        top.next++;
        break;
      }
      out += keys === null ? ']' : '}';
      open.pop();
    }
  }
}
