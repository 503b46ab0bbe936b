import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { UserError } from '../errors.js';

const MIN_KEY_BYTES = 16;

/**
 * The redaction key: the bytes of `--redact-key <file>` (a trailing newline is ignored, so
 * `echo … > key` and `printf … > key` agree), else a random key that lives for this run only.
 */
export function redactionKey(file: string | undefined): { key: Uint8Array; oneOff: boolean } {
  if (file === undefined) return { key: randomBytes(32), oneOff: true };
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    throw new UserError(`--redact-key ${file}: cannot read it (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  let end = bytes.length;
  while (end > 0 && (bytes[end - 1] === 0x0a || bytes[end - 1] === 0x0d)) end--;
  if (end < MIN_KEY_BYTES) {
    throw new UserError(`--redact-key ${file}: a key needs at least ${MIN_KEY_BYTES} bytes; make one with: head -c 32 /dev/urandom > ${file}`);
  }
  return { key: bytes.subarray(0, end), oneOff: false };
}
