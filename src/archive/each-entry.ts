// The one loop over an archive's entries. discover lists an archive with it (every entry, in archive
// order), read scans the entries discover kept, and the integrity check reads the digests and hashes
// the log files in it (those two through read-entries.ts). A zip is listed from its central directory
// and its chosen entries are opened where the directory says they are; a tar has no index, so it is
// read from its start, each chosen entry handed over as it streams past, and reading stops once the
// last one has been met.
//
//   const damage = await eachArchiveEntry({ path: 'bundle.tgz', format: 'tgz' }, null, async (entry) => { list.push(entry); }, 250);
//   await eachArchiveEntry(archive, kept, async (entry, open) => { scan(await open()); }, 250);
import type { ArchiveEntryRef, ArchiveFormat } from '../types.js';
import { EntryBytes } from './entry-bytes.js';
import { tarEntryKind, type EntryKind } from './entry-kind.js';
import { tarEntries, tarReason } from './tar.js';
import { openZip, openZipEntry, zipEntries, zipReason, type ZipRef } from './zip.js';

/** An archive file and how it is packed. */
export interface ArchiveFile {
  path: string;
  format: ArchiveFormat;
}

/** An entry as the archive describes it. `name` is as stored: not yet checked (entry-rules.ts). */
export interface EntryHeader {
  name: string;
  kind: EntryKind;
  size: number; // once the archive's own compression is undone
  index: number; // position among the archive's entries (names may repeat)
  zip?: ZipRef; // zip only: where the entry is, to open it again without listing
}

/** An entry chosen from an earlier listing: where it is and its size. */
export interface WantedEntry {
  ref: ArchiveEntryRef;
  size: number;
}

/** Damage that ended the loop early: `entry` is the index of the tar entry whose data broke, else null. */
export interface ArchiveDamage {
  reason: string;
  entry: number | null;
}

/**
 * Receives each entry visited and a way to open its bytes (the archive's compression undone, the
 * gzip-bomb bound and a zip's CRC-32 checked; errors are ReadFailures with a reason). Bytes left
 * unread are drained or closed after the visit. A visitor handles its own reading errors: anything it
 * throws ends the loop as damage.
 */
export type EntryVisitor = (entry: EntryHeader, open: () => Promise<EntryBytes>) => Promise<void>;

/**
 * Visits every entry of `archive` (`wanted` null: a listing) or only the `wanted` ones, once each.
 * `maxExpansion` bounds each layer on its own: a tar.gz's gzip, a zip entry's deflate. Returns the
 * damage that stopped the loop (entries visited before it stay visited), or null.
 */
export function eachArchiveEntry(
  archive: ArchiveFile,
  wanted: readonly WantedEntry[] | null,
  visit: EntryVisitor,
  maxExpansion: number,
): Promise<ArchiveDamage | null> {
  return archive.format === 'zip' ? zipEach(archive.path, wanted, visit, maxExpansion) : tarEach(archive, wanted, visit, maxExpansion);
}

/** The reason a person reads for an error met in an archive of this format. */
export function archiveReason(format: ArchiveFormat, err: unknown): string {
  return format === 'zip' ? zipReason(err) : tarReason(err);
}

async function zipEach(path: string, wanted: readonly WantedEntry[] | null, visit: EntryVisitor, maxExpansion: number): Promise<ArchiveDamage | null> {
  let zip;
  try {
    zip = await openZip(path);
  } catch (err) {
    return { reason: zipReason(err), entry: null };
  }
  const visitOne = async (header: EntryHeader): Promise<void> => {
    let bytes: EntryBytes | null = null;
    const open = async () => (bytes ??= EntryBytes.of(await openZipEntry(zip, header.zip!, header.size, maxExpansion)));
    try {
      await visit(header, open);
    } finally {
      await (bytes as EntryBytes | null)?.close();
    }
  };
  try {
    if (wanted !== null) {
      for (const w of byIndex(wanted).values()) {
        await visitOne({ name: w[0].ref.entry, kind: 'file', size: w[0].size, index: w[0].ref.index, zip: w[0].ref.zip });
      }
      return null;
    }
    const it = zipEntries(zip)[Symbol.asyncIterator]();
    for (let index = 0; ; index++) {
      let next;
      try {
        next = await it.next();
      } catch (err) {
        return { reason: zipReason(err), entry: null }; // a damaged directory: the entries before it were visited
      }
      if (next.done) return null;
      const e = next.value;
      await visitOne({ name: e.name, kind: e.kind, size: e.size, index, zip: e.ref });
    }
  } finally {
    zip.close();
  }
}

async function tarEach(archive: ArchiveFile, wanted: readonly WantedEntry[] | null, visit: EntryVisitor, maxExpansion: number): Promise<ArchiveDamage | null> {
  const chosen = wanted === null ? null : byIndex(wanted);
  let met = 0;
  let current = -1; // the entry whose data is being read
  try {
    for await (const t of tarEntries(archive.path, archive.format === 'tgz', maxExpansion)) {
      current = t.index;
      const bytes = EntryBytes.of(t.body);
      const header: EntryHeader = { name: t.header.name, kind: tarEntryKind(t.header.type), size: t.header.size ?? 0, index: t.index };
      const here = chosen === null ? null : (chosen.get(t.index) ?? []).filter((w) => w.ref.entry === t.header.name).length;
      if (here === null || here > 0) await visit(header, () => Promise.resolve(bytes));
      await bytes.drain(); // an entry must be read through to reach the next
      current = -1;
      met += here ?? 0;
      if (wanted !== null && met === wanted.length) break;
    }
  } catch (err) {
    return { reason: tarReason(err), entry: current >= 0 ? current : null };
  }
  return null;
}

/** Wanted entries by position in the archive (the same entry may be wanted twice). */
function byIndex(wanted: readonly WantedEntry[]): Map<number, WantedEntry[]> {
  const out = new Map<number, WantedEntry[]>();
  for (const w of wanted) out.set(w.ref.index, [...(out.get(w.ref.index) ?? []), w]);
  return out;
}
