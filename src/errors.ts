/**
 * A mistake the user can fix (bad path, bad option). Thrown once where it is found, caught once in
 * cli/, printed as one line without a stack, exit code 1.
 */
export class UserError extends Error {
  override name = 'UserError';
}

/**
 * An error whose message is already the reason a person reads in the report (an archive that ends
 * early, an entry that expands too much): readers report it as it is, with no prefix. Here, beside
 * UserError, because archive/ and read/ both throw it and neither may import the other's.
 */
export class ReadFailure extends Error {}

/** The reason for an error opening or reading a file itself (not its content), or null. */
export function fileReason(err: unknown): string | null {
  if (err instanceof ReadFailure) return err.message;
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'file disappeared before it could be read';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return null;
}

/** Turns zlib's terse error into a reason a person can act on (a gzip file's, or an archive's gzip layer). */
export function gzipReason(err: NodeJS.ErrnoException): string {
  switch (err.code) {
    case 'Z_BUF_ERROR':
      return 'gzip data ends early (truncated file)';
    case 'Z_DATA_ERROR':
      return `gzip data is corrupt (${err.message})`;
    default:
      return `gzip: ${err.message}`;
  }
}
