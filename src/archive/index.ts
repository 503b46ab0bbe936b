// Zip and tar(.gz) archives as streams of entries, never unpacked to disk: entry naming
// (`archive!/entry`), entry kinds, the safety rules and the gzip-bomb bound per layer, and the one
// loop over an archive's entries that listing, scanning and hashing share. Imports no other stage.
//
//   const damage = await eachArchiveEntry({ path: 'bundle.zip', format: 'zip' }, null, async (e) => { seen.push(e.name); }, 250);
//   const hashes = await readArchiveEntries(entries, hashOf, (reason) => ({ error: reason }));
export { archiveFormat } from './archive-format.js';
export { eachArchiveEntry, type ArchiveDamage, type ArchiveFile, type EntryHeader, type EntryVisitor, type WantedEntry } from './each-entry.js';
export type { EntryKind } from './entry-kind.js';
export { cleanEntryName, entryPath } from './entry-name.js';
export { refusedEntry } from './entry-rules.js';
export { DEFAULT_MAX_EXPANSION } from './expansion.js';
export { readArchiveEntries, type ArchiveEntry, type ReadEntriesOptions } from './read-entries.js';
