import type { Header } from 'tar-stream';

/** What an archive entry is, as far as reading logs goes. */
export type EntryKind = 'file' | 'directory' | 'link' | 'special' | 'unsupported';

/** tar-stream has already folded pax and GNU long-name headers into the entry they describe. */
export function tarEntryKind(type: Header['type'] | null): EntryKind {
  switch (type) {
    case 'file':
    case 'contiguous-file':
      return 'file';
    case 'directory':
      return 'directory';
    case 'link':
    case 'symlink':
      return 'link';
    default:
      return 'special';
  }
}
