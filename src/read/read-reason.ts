import { fileReason, gzipReason } from '../errors.js';

/**
 * The reason a person reads for an error met while reading a file or an entry's bytes: a ReadFailure's
 * own message, the file's (gone, not permitted, a folder), zlib's in words, else the system's message.
 */
export function readReason(err: unknown): string {
  const file = fileReason(err);
  if (file !== null) return file;
  const e = err as NodeJS.ErrnoException;
  if (e.code === 'EISDIR') return 'is a folder, not a file';
  if (e.code?.startsWith('Z_')) return gzipReason(e);
  return `cannot read: ${e.message}`;
}
