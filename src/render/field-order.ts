// Declaring the fields of an output once, in the order they are written: a record writer built from
// a table of { field: how to write it } rebuilds an object key by key in the table's order, so the bytes
// of summary.json and denials.jsonl do not depend on how (or in which thread) the object was assembled,
// and a field a type gains but a table does not name is a compile error (the tables are typed
// `{ [K in keyof T]-?: Write }`), not a silently missing column.
//
//   const COUNTED = record<Counted>({ key: copy, count: copy });
//   JSON.stringify(list(COUNTED)(summary.byAction));

/** How one field's value is written. */
export type Write = (value: unknown) => unknown;

/** Returned by a writer for a field that is left out of the object altogether. */
export const OMIT: unique symbol = Symbol('omit');

/** The value as it is (strings, numbers, booleans, null, and arrays of those). */
export const copy: Write = (v) => v;

/** An object with exactly the table's fields, in the table's order. */
export function record<T extends object>(table: { [K in keyof T]-?: Write }): Write {
  const fields: [string, Write][] = Object.entries(table);
  if (fields.every(([, write]) => write === copy)) {
    // every field as it is (a Denial: a JSON Lines row per denial): no call per field
    const keys = fields.map(([key]) => key);
    // copied from an object that already has every key in order: one shape, no transition per key
    const shape: Record<string, unknown> = Object.fromEntries(keys.map((key) => [key, null]));
    return (value) => {
      const v = value as Record<string, unknown>;
      const out = { ...shape };
      for (const key of keys) out[key] = v[key];
      return out;
    };
  }
  return (value) => {
    const v = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [key, write] of fields) {
      const x = write(v[key]);
      if (x !== OMIT) out[key] = x;
    }
    return out;
  };
}

/** Each element written with `item`. */
export const list =
  (item: Write): Write =>
  (v) =>
    (v as unknown[]).map(item);

/** null when absent (a summary written by an older version lacks the field). */
export const orNull =
  (write: Write): Write =>
  (v) =>
    v === null || v === undefined ? null : write(v);

/** `fallback` when absent. */
export const orDefault =
  (fallback: unknown): Write =>
  (v) =>
    v ?? fallback;

/** Left out when absent or null: optional sections that most outputs do not have. */
export const ifPresent =
  (write: Write): Write =>
  (v) =>
    v === null || v === undefined ? OMIT : write(v);

/** Left out when absent or an empty list. */
export const ifAny =
  (write: Write): Write =>
  (v) =>
    v === undefined || (v as unknown[]).length === 0 ? OMIT : write(v);
