// Entry names are written by whoever made the archive. Nothing is extracted to disk, but a name is
// still what a report shows as the file's origin, so names that climb out of the archive ('..') or
// claim a place on the machine (an absolute path) are refused, never shown as if they were logs.

/** Why an entry name is refused, or null when it is an ordinary relative path. */
export function unsafeEntryName(name: string): string | null {
  const n = name.replaceAll('\\', '/');
  if (n.startsWith('/') || /^[a-zA-Z]:/.test(n)) return 'absolute path';
  if (n.split('/').includes('..')) return "'..' in the path";
  if (n.includes('\0')) return 'NUL in the name';
  return null;
}

/** 'AWSLogs/…' from './AWSLogs/…' or 'AWSLogs//…' (tar -C dir . writes './'). */
export function cleanEntryName(name: string): string {
  return name
    .replaceAll('\\', '/')
    .split('/')
    .filter((s) => s !== '' && s !== '.')
    .join('/');
}

/** The path reports show for an entry: `bundle.zip!/AWSLogs/…`. */
export function entryPath(archive: string, name: string): string {
  return `${archive}!/${unsafeEntryName(name) === null ? cleanEntryName(name) : name}`;
}
