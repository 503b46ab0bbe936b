// What tells a second delivery of an event from another record that reuses its eventID (an attacker's
// decoy, written to make a real denial vanish as "a duplicate"): the record's content. Computed in the
// reading threads, for error records only (the others are never parsed, and not deduplicated).
//
//   bytesFingerprint(recordBytes)      // 'b9f86d081884c7d65': the record's bytes as found
//   contentFingerprint(parsedRecord)   // 'c0123456789abcdef': its content in a canonical form
//
// Two kinds, because the same event arrives serialised differently in different containers (a trail
// file, a lookup-events export's CloudTrailEvent string: other key order, spacing, escapes), and a
// canonical form of the parsed record costs about 1.5 times its JSON.parse (~7 µs a record, half of a
// run's work on error records: +12-23% on the 1 GiB bench), while hashing its bytes costs ~1.4 µs.
// So the readers hash the bytes, and equal bytes are a duplicate; only when an eventID comes back
// with other bytes are both records read again for their content fingerprints (aggregate/fold.ts,
// analyze.ts): same content, a duplicate; other content, a conflict.
import * as crypto from 'node:crypto';

// crypto.hash (one call, no Hash object) from Node 20.12; createHash before it
const sha256: (data: string | Buffer) => string =
  typeof crypto.hash === 'function' ? (data) => crypto.hash('sha256', data, 'hex') : (data) => crypto.createHash('sha256').update(data).digest('hex');

/** String.prototype.isWellFormed (ES2024, in every Node 20): false when a lone surrogate is in the text. */
const wellFormed = (s: string): boolean => (s as unknown as { isWellFormed(): boolean }).isWellFormed();

// A fingerprint is its kind ('b' bytes, 'c' content) and the first 64 bits of a SHA-256: a decoy matching
// a given real record would take ~2^64 hashes to find (a second preimage); the table kept beside the
// event IDs (aggregate/event-id-set.ts) holds 8 bytes of it an entry.
export const BYTES = 'b';
export const CONTENT = 'c';

/**
 * Of a record's text as it was read: its bytes, or a string (a CloudTrailEvent). null for a string
 * with a lone surrogate, which UTF-8 would not keep apart from U+FFFD: use contentFingerprint.
 */
export function bytesFingerprint(raw: Buffer | string): string | null {
  if (typeof raw === 'string' && !wellFormed(raw)) return null;
  return BYTES + sha256(raw).slice(0, 16);
}

/** Of a parsed record's content: equal for equal content whatever its spelling. */
export function contentFingerprint(record: object): string {
  const form = canonical(record);
  // as UTF-16 behind a NUL when it holds a lone surrogate (see bytesFingerprint): no UTF-8 form starts so
  return CONTENT + (wellFormed(form) ? sha256(form) : sha256(Buffer.from(`\u0000${form}`, 'utf16le'))).slice(0, 16);
}

/**
 * An injective encoding of a parsed JSON value with every object's keys sorted: equal for equal
 * values, whatever their source spelling (key order, spacing, escapes). Every token delimits itself:
 * `s<length>:<text>` a string, `n<number>;`, `t`, `f`, `z` (null), `[…]` an array, `{<length>:<key><value>…}`
 * an object. Recursive (faster) to a depth no record reaches; deeper, iterative: a record may nest
 * as deep as JSON.parse allows (10,000 levels and more).
 */
export function canonical(v: unknown, depth = 0): string {
  switch (typeof v) {
    case 'string':
      return 's' + v.length + ':' + v;
    case 'number':
      return 'n' + v + ';';
    case 'boolean':
      return v ? 't' : 'f';
    case 'object': {
      if (v === null) return 'z';
      if (depth > MAX_RECURSION) return deepCanonical(v);
      if (Array.isArray(v)) {
        let out = '[';
        for (let i = 0; i < v.length; i++) out += canonical(v[i], depth + 1);
        return out + ']';
      }
      const o = v as Record<string, unknown>;
      const keys = Object.keys(o);
      if (keys.length > 1) keys.sort();
      let out = '{';
      for (let i = 0; i < keys.length; i++) out += keys[i].length + ':' + keys[i] + canonical(o[keys[i]], depth + 1);
      return out + '}';
    }
    default:
      return 'u'; // not produced by JSON.parse
  }
}

const MAX_RECURSION = 200;

interface Open {
  value: object;
  keys: string[] | null; // sorted keys of an object; null for an array
  next: number;
}

/** canonical() with its own stack. */
function deepCanonical(root: object): string {
  let out = '';
  const open: Open[] = [];
  let v: unknown = root;
  for (;;) {
    if (typeof v === 'object' && v !== null) {
      if (Array.isArray(v)) {
        out += '[';
        open.push({ value: v, keys: null, next: 0 });
      } else {
        out += '{';
        const keys = Object.keys(v);
        if (keys.length > 1) keys.sort();
        open.push({ value: v, keys, next: 0 });
      }
    } else out += canonical(v, 0);
    // on to the next value to write, closing what is complete
    for (;;) {
      const top = open.at(-1);
      if (top === undefined) return out;
      const { keys } = top;
      if (keys === null) {
        const items = top.value as unknown[];
        if (top.next < items.length) {
          v = items[top.next++];
          break;
        }
        out += ']';
      } else {
        if (top.next < keys.length) {
          const k = keys[top.next++];
          out += k.length + ':' + k;
          v = (top.value as Record<string, unknown>)[k];
          break;
        }
        out += '}';
      }
      open.pop();
    }
  }
}
