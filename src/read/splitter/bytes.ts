// Byte-level helpers of the record splitter that are off the hot path: literal checks, messages, and
// the mayBeDenial pre-filter.

/** Bytes that may appear inside a number or a `true`/`false`/`null` literal (wider than JSON, checked after). */
export function isScalarByte(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x2d || c === 0x2b || c === 0x2e;
}

/** A byte that can start a number or a literal. */
export function isScalarStart(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x74 || c === 0x66 || c === 0x6e;
}

const SCALAR = /^(?:-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?|true|false|null)$/;

export function isValidScalar(token: string): boolean {
  return SCALAR.test(token);
}

/** Printable description of a byte for damage messages. */
export function describeByte(c: number): string {
  if (c >= 0x21 && c < 0x7f) return `'${String.fromCharCode(c)}'`;
  return `byte 0x${c.toString(16).padStart(2, '0')}`;
}

const ERROR_CODE = Buffer.from('"errorCode"');
const CONSOLE_LOGIN = Buffer.from('"ConsoleLogin"');
const FAILURE = Buffer.from('"Failure"');
const CAPITAL_C = 0x43; // in both "errorCode" (at 6) and "ConsoleLogin" (at 1)

function bytesAt(b: Buffer, at: number, needle: Buffer): boolean {
  if (at < 0 || at + needle.length > b.length) return false;
  for (let k = 0; k < needle.length; k++) if (b[at + k] !== needle[k]) return false;
  return true;
}

/**
 * Cheap pre-filter deciding which records are worth `JSON.parse`: true when the bytes contain the key
 * `"errorCode"`, or both `"ConsoleLogin"` and `"Failure"` (a failed console sign-in has no errorCode).
 * May say true for a record that is not a denial (the words inside a value); misses only a key
 * written with \u escapes, which CloudTrail does not do.
 */
export function mayBeDenial(record: Buffer): boolean {
  // One memchr pass over a fairly rare byte, checking the two words around each hit, is several times
  // faster per record than two Buffer.indexOf(needle) searches (each sets up a skip table).
  let p = record.indexOf(CAPITAL_C);
  while (p !== -1) {
    if (record[p - 1] === 0x72 && bytesAt(record, p - 6, ERROR_CODE)) return true;
    if (record[p - 1] === 0x22 && bytesAt(record, p - 1, CONSOLE_LOGIN) && record.indexOf(FAILURE) !== -1) return true;
    p = record.indexOf(CAPITAL_C, p + 1);
  }
  return false;
}
