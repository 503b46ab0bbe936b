/**
 * An error whose message is already the reason a person reads in the report (an archive that ends
 * early, an entry that expands too much): readers report it as it is, with no prefix.
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
