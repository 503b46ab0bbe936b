// The rules discover applies to files on disk, applied to the entries of one archive: skip what is not
// a log (and what archive/ refuses: unsafe names, links, devices, nested archives), prune by the S3 key
// in the entry's path, keep the rest. A zip is listed from its central directory; a tar (or tar.gz) has
// no index and is read through once here and once more by the reader for the entries kept: measured on
// a 200 MB tar.gz of trail files, the listing pass costs about a fifth of the read (see the README,
// "Reading archives").
//
//   const listing = await listArchive('bundle.zip', 'zip', filter, 250);
//   listing.sources   // path 'bundle.zip!/AWSLogs/…', with where the entry is
import { cleanEntryName, eachArchiveEntry, entryPath, refusedEntry, type EntryHeader } from '../archive/index.js';
import type { ArchiveEntryRef, ArchiveFormat, LogSource, SkipReason } from '../types.js';
import { isPrunedByKey, type PruneFilter } from './prune.js';
import { skipReason } from './source-kind.js';
import { parseTrailKey } from './trail-key.js';

/** A file or entry discover left unread, and why. An archive's digest and Insight entries keep where they are, for `verify`. */
export interface SkippedFile {
  path: string;
  reason: SkipReason;
  archive?: ArchiveEntryRef;
  size?: number; // the entry's, once the archive's own compression is undone
}

export interface ArchiveListing {
  found: number; // entries that are files (or claim a name: links, devices); folders are not counted
  sources: LogSource[];
  pruned: string[];
  skipped: SkippedFile[];
  damaged: { path: string; reason: string }[]; // the archive itself, where no entry holds the damage
}

export async function listArchive(path: string, format: ArchiveFormat, filter: PruneFilter, maxExpansion: number): Promise<ArchiveListing> {
  const lister = new ArchiveLister(path, format, filter);
  const damage = await eachArchiveEntry({ path, format }, null, (e) => Promise.resolve(lister.add(e)), maxExpansion);
  // Damage inside a kept entry's data is reported by the reader, on that entry, with the records before
  // it kept; anywhere else (a header, the directory, an entry not read) the archive is the damaged file.
  if (damage !== null && (damage.entry === null || lister.listing.sources.at(-1)?.archive?.index !== damage.entry)) lister.damaged(damage.reason);
  return lister.listing;
}

export class ArchiveLister {
  readonly listing: ArchiveListing = { found: 0, sources: [], pruned: [], skipped: [], damaged: [] };

  constructor(
    private readonly archive: string,
    private readonly format: ArchiveFormat,
    private readonly filter: PruneFilter,
  ) {}

  add(e: EntryHeader): void {
    if (e.kind === 'directory') return;
    const l = this.listing;
    l.found++;
    const path = entryPath(this.archive, e.name);
    const reason = this.skip(e);
    if (reason === 'digest-file' || reason === 'insight-file') {
      l.skipped.push({ path, reason, archive: this.ref(e), size: e.size }); // `verify` reads them
      return;
    }
    if (reason) {
      l.skipped.push({ path, reason });
      return;
    }
    const name = cleanEntryName(e.name);
    const key = parseTrailKey(name);
    if (key && isPrunedByKey(key, this.filter)) {
      l.pruned.push(path);
      return;
    }
    l.sources.push({ path, size: e.size, key, archive: this.ref(e) });
  }

  private ref(e: EntryHeader): ArchiveEntryRef {
    const archive: ArchiveEntryRef = { path: this.archive, format: this.format, entry: e.name, index: e.index };
    if (e.zip) archive.zip = e.zip;
    return archive;
  }

  /** Damage outside any entry (no central directory, a broken tar header): one damaged file. */
  damaged(reason: string): void {
    this.listing.found++;
    this.listing.damaged.push({ path: this.archive, reason });
  }

  private skip(e: EntryHeader): SkipReason | null {
    const refused = refusedEntry(e);
    if (refused) return refused;
    const reason = skipReason(cleanEntryName(e.name), false);
    if (reason) return reason;
    return e.size === 0 ? 'empty-file' : null;
  }
}
