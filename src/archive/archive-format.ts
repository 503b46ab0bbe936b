import type { ArchiveFormat } from '../types.js';

// Archives are told by name: a .tar.gz is gzip like a .json.gz, and only the name says which to open.
const FORMATS: [RegExp, ArchiveFormat][] = [
  [/\.zip$/i, 'zip'],
  [/\.(?:tar\.gz|tgz)$/i, 'tgz'],
  [/\.tar$/i, 'tar'],
];

/** The archive format a path is named for, or null for any other file. */
export function archiveFormat(path: string): ArchiveFormat | null {
  for (const [test, format] of FORMATS) if (test.test(path)) return format;
  return null;
}
