// Lists one archive's entries and applies discover's rules to them (see archive-listing.ts).
// A zip is listed from its central directory; a tar (or tar.gz) has no index and is read through
// once here and once more by the reader for the entries kept: measured on a 200 MB tar.gz of trail
// files, the listing pass costs about a fifth of the read (see the README, "Reading archives").
import { tarEntries, tarReason } from '../read/archive-tar-entries.js';
import { tarEntryKind } from '../read/archive-entry-kind.js';
import { openZip, zipEntries, zipReason } from '../read/archive-zip.js';
import type { ArchiveFormat } from '../types.js';
import { ArchiveLister, type ArchiveListing } from './archive-listing.js';
import type { PruneFilter } from './prune.js';

export type { ArchiveListing } from './archive-listing.js';

export async function listArchive(path: string, format: ArchiveFormat, filter: PruneFilter, maxExpansion: number): Promise<ArchiveListing> {
  const lister = new ArchiveLister(path, format, filter);
  if (format === 'zip') await listZip(path, lister);
  else await listTar(path, format === 'tgz', lister, maxExpansion);
  return lister.listing;
}

async function listZip(path: string, lister: ArchiveLister): Promise<void> {
  let zip;
  try {
    zip = await openZip(path);
  } catch (err) {
    return lister.damaged(zipReason(err));
  }
  let index = 0;
  try {
    for await (const e of zipEntries(zip)) lister.add({ name: e.name, kind: e.kind, size: e.size, index: index++, zip: e.ref });
  } catch (err) {
    lister.damaged(zipReason(err)); // the entries listed before the damage are kept
  } finally {
    zip.close();
  }
}

async function listTar(path: string, gzip: boolean, lister: ArchiveLister, maxExpansion: number): Promise<void> {
  // Damage inside an entry's data is reported by the reader, on that entry, with the records before it
  // kept; unless the entry is not read (skipped, pruned), in which case the archive reports it here.
  let current = -1;
  try {
    for await (const e of tarEntries(path, gzip, maxExpansion)) {
      current = e.index;
      lister.add({ name: e.header.name, kind: tarEntryKind(e.header.type), size: e.header.size ?? 0, index: e.index });
      await drain(e.body); // an entry must be read through to reach the next
      current = -1;
    }
  } catch (err) {
    const last = lister.listing.sources.at(-1);
    if (current < 0 || last?.archive?.index !== current) lister.damaged(tarReason(err));
  }
}

async function drain(body: AsyncIterable<Buffer>): Promise<void> {
  for await (const chunk of body) void chunk;
}
