// Log files are UTF-8 (RFC 8259 §8.1: JSON exchanged between systems "MUST be encoded using UTF-8");
// a UTF-8 byte order mark is accepted by every reader. A file saved as UTF-16 or UTF-32 (Windows
// editors and PowerShell's `>` do it) would be "not valid JSON" at its first byte: it is recognised by
// its byte order mark or, without one, by the zero bytes ASCII text takes in those encodings (the
// pattern of the first four octets RFC 4627 §3 used to tell them apart), so the report can say what to do.

const ANY = -1;

/** First bytes → encoding; the first row that matches wins (a UTF-32 LE mark starts like UTF-16 LE's). */
const ENCODINGS: { head: number[]; name: string }[] = [
  { head: [0x00, 0x00, 0xfe, 0xff], name: 'UTF-32' }, // big-endian byte order mark
  { head: [0xff, 0xfe, 0x00, 0x00], name: 'UTF-32' }, // little-endian byte order mark
  { head: [0xfe, 0xff], name: 'UTF-16' }, // big-endian byte order mark
  { head: [0xff, 0xfe], name: 'UTF-16' }, // little-endian byte order mark
  { head: [0x00, 0x00, 0x00, ANY], name: 'UTF-32' }, // '{' big-endian: 00 00 00 7B
  { head: [ANY, 0x00, 0x00, 0x00], name: 'UTF-32' }, // '{' little-endian: 7B 00 00 00
  { head: [0x00, ANY], name: 'UTF-16' }, // '{' big-endian: 00 7B
  { head: [ANY, 0x00], name: 'UTF-16' }, // '{' little-endian: 7B 00
];

const matches = (bytes: Buffer, head: number[]): boolean => bytes.length >= head.length && head.every((b, i) => b === ANY || bytes[i] === b);

/** The reason a file is damaged when its first (decompressed) bytes are UTF-16 or UTF-32 text, else null. */
export function encodingReason(first: Buffer): string | null {
  const found = ENCODINGS.find((e) => matches(first, e.head));
  return found ? `${found.name} text: save it as UTF-8` : null;
}
