// The rules discover applies to files on disk, applied to the entries of one archive: skip what is not
// a log (and what is unsafe or not a file), prune by the S3 key in the entry's path, keep the rest.
//
//   const lister = new ArchiveLister('bundle.zip', 'zip', filter);
//   lister.add({ name: 'AWSLogs/…/x.json.gz', kind: 'file', size: 1234, index: 0 });
//   lister.listing   // found, sources (path 'bundle.zip!/AWSLogs/…'), pruned, skipped, damaged
import type { EntryKind } from '../read/archive-entry-kind.js';
import type { ArchiveEntryRef, ArchiveFormat, LogSource, SkipReason } from '../types.js';
import { archiveFormat } from './archive-kind.js';
import { cleanEntryName, entryPath, unsafeEntryName } from './archive-entry-name.js';
import { isPrunedByKey, type PruneFilter } from './prune.js';
import { skipReason } from './source-kind.js';
import { parseTrailKey } from './trail-key.js';

export interface ListedEntry {
  name: string;
  kind: EntryKind;
  size: number;
  index: number;
  zip?: ArchiveEntryRef['zip'];
}

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

const KIND_REASON: Partial<Record<EntryKind, SkipReason>> = {
  link: 'link-entry',
  special: 'special-entry',
  unsupported: 'unsupported-entry',
};

export class ArchiveLister {
  readonly listing: ArchiveListing = { found: 0, sources: [], pruned: [], skipped: [], damaged: [] };

  constructor(
    private readonly archive: string,
    private readonly format: ArchiveFormat,
    private readonly filter: PruneFilter,
  ) {}

  add(e: ListedEntry): void {
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

  private ref(e: ListedEntry): ArchiveEntryRef {
    const archive: ArchiveEntryRef = { path: this.archive, format: this.format, entry: e.name, index: e.index };
    if (e.zip) archive.zip = e.zip;
    return archive;
  }

  /** Damage outside any entry (no central directory, a broken tar header): one damaged file. */
  damaged(reason: string): void {
    this.listing.found++;
    this.listing.damaged.push({ path: this.archive, reason });
  }

  private skip(e: ListedEntry): SkipReason | null {
    if (unsafeEntryName(e.name) !== null) return 'unsafe-entry-path';
    const byKind = KIND_REASON[e.kind];
    if (byKind) return byKind;
    const name = cleanEntryName(e.name);
    if (archiveFormat(name)) return 'nested-archive';
    const reason = skipReason(name, false);
    if (reason) return reason;
    return e.size === 0 ? 'empty-file' : null;
  }
}
