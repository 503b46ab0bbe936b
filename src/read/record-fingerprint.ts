// What tells a second delivery of an event from another event that reuses its eventID (an attacker's
// decoy, written to make a real denial vanish as "a duplicate"): the record's content. The same event
// arrives serialised differently in different containers (a trail file, a lookup-events export's
// CloudTrailEvent string: other key order, spacing, escapes), so the fingerprint is taken over the
// parsed record in a canonical form, not over its bytes. Computed in the reading threads, for error
// records only (the others are never parsed, and not deduplicated).
//
//   recordFingerprint(JSON.parse(text))  // '9f86d081884c7d65': 16 hex digits
//
// Cost, measured on the 1 GiB bench corpus (25,267 error records, one thread): ~0.2 s of ~1.5-1.8 s
// of CPU, about what parsing those records costs; building the form is half of it, SHA-256 the rest.
import * as crypto from 'node:crypto';

// crypto.hash (one call, no Hash object) from Node 20.12; createHash before it
const sha256 =
  typeof crypto.hash === 'function'
    ? (data: string, encoding: 'utf8' | 'utf16le') => crypto.hash('sha256', encoding === 'utf8' ? data : Buffer.from(data, encoding), 'hex')
    : (data: string, encoding: 'utf8' | 'utf16le') => crypto.createHash('sha256').update(data, encoding).digest('hex');

/** String.prototype.isWellFormed (ES2024, in every Node 20): false when a lone surrogate is in the text. */
const wellFormed = (s: string): boolean => (s as unknown as { isWellFormed(): boolean }).isWellFormed();

/**
 * The first 64 bits of SHA-256 over the canonical form. 64 bits: a decoy matching a given real record
 * would take ~2^64 hashes to find (a second preimage), and the table kept beside the event IDs
 * (aggregate/event-id-set.ts) holds 8 bytes an entry. The form is hashed as UTF-8, or, when it holds
 * a lone surrogate (which UTF-8 would turn into U+FFFD, like any other), as UTF-16 behind a NUL that
 * no UTF-8 form starts with.
 */
export function recordFingerprint(record: object): string {
  const form = canonical(record);
  return (wellFormed(form) ? sha256(form, 'utf8') : sha256(`\u0000${form}`, 'utf16le')).slice(0, 16);
}

interface Open {
  value: object;
  keys: string[] | null; // sorted keys of an object; null for an array
  next: number;
}

/**
 * An injective encoding of a parsed JSON value with every object's keys sorted: equal for equal
 * values, whatever their source spelling (key order, spacing, escapes). Every token delimits itself:
 * `s<length>:<text>` a string, `n<number>;`, `t`, `f`, `z` (null), `[…]` an array, `{<length>:<key><value>…}`
 * an object. Iterative: a record may nest as deep as JSON.parse allows (10,000 levels and more).
 */
export function canonical(root: unknown): string {
  let out = '';
  const open: Open[] = [];
  let v: unknown = root;
  for (;;) {
    switch (typeof v) {
      case 'string':
        out += `s${v.length}:${v}`;
        break;
      case 'number':
        out += `n${v};`;
        break;
      case 'boolean':
        out += v ? 't' : 'f';
        break;
      case 'object':
        if (v === null) out += 'z';
        else if (Array.isArray(v)) {
          out += '[';
          open.push({ value: v, keys: null, next: 0 });
        } else {
          out += '{';
          const keys = Object.keys(v);
          if (keys.length > 1) keys.sort();
          open.push({ value: v, keys, next: 0 });
        }
        break;
      default:
        out += 'u'; // not produced by JSON.parse
    }
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
          out += `${k.length}:${k}`;
          v = (top.value as Record<string, unknown>)[k];
          break;
        }
        out += '}';
      }
      open.pop();
    }
  }
}
