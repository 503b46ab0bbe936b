// The safety rules for entries, whatever the caller does with them: an entry is never handed over as a
// file when its name climbs out of the archive or claims a place on the machine, when it is a link, a
// device or FIFO, an encryption or compression method not read here, or an archive itself (nesting is
// not followed). The caller counts it as skipped with the reason.
import type { SkipReason } from '../types.js';
import { archiveFormat } from './archive-format.js';
import type { EntryKind } from './entry-kind.js';
import { cleanEntryName, unsafeEntryName } from './entry-name.js';

const KIND_REASON: Partial<Record<EntryKind, SkipReason>> = {
  link: 'link-entry',
  special: 'special-entry',
  unsupported: 'unsupported-entry',
};

/** Why an entry (not a folder) is refused, or null when it may be read as a file. */
export function refusedEntry(entry: { name: string; kind: EntryKind }): SkipReason | null {
  if (unsafeEntryName(entry.name) !== null) return 'unsafe-entry-path';
  const byKind = KIND_REASON[entry.kind];
  if (byKind) return byKind;
  if (archiveFormat(cleanEntryName(entry.name))) return 'nested-archive';
  return null;
}
