// Records are attacker-controlled JSON: every field may be missing, a number, an array or an object.
// These helpers read only own properties and turn anything that is not text into '' instead of throwing.

export type Obj = Record<string, unknown>;

/** A JSON object (not null, not an array): what a record, a rules file or an export must be. */
export function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asObject(value: unknown): Obj | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Obj) : null;
}

/** Own property only: a key like `__proto__` or `constructor` in a log must not reach the prototype. */
export function field(value: unknown, key: string): unknown {
  const o = asObject(value);
  return o !== null && Object.prototype.hasOwnProperty.call(o, key) ? o[key] : undefined;
}

/** Follows a path of own properties; undefined as soon as a step is missing. */
export function at(value: unknown, ...keys: string[]): unknown {
  let current: unknown = value;
  for (const key of keys) current = field(current, key);
  return current;
}

/** Text as logged; a number as its JSON spelling (account ids sometimes arrive as numbers). */
export function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}

/** Strings only: for timestamps, where a number would turn into a nonsense date downstream. */
export function strictText(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** Flags CloudTrail writes as "true"/"false" and some producers as booleans. */
export function flag(value: unknown): string {
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return typeof value === 'string' ? value : '';
}

export function textAt(value: unknown, ...keys: string[]): string {
  return text(at(value, ...keys));
}

/** First non-empty text among the candidates. */
export function firstText(...values: string[]): string {
  for (const v of values) if (v !== '') return v;
  return '';
}
