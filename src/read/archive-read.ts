// Reads the entries of one archive that discover kept, as FileScans in the order given.
// A zip entry is opened where the central directory says it is; a tar is read from the start, each
// kept entry scanned as it passes, and reading stops once the last kept entry has been read.
//
//   const scans = await scanArchive(sourcesOfOneArchive, limits);   // one FileScan per source
import type { FileScan, LogSource } from '../types.js';
import { EntryBytes } from './archive-entry-bytes.js';
import { scanEntry } from './archive-entry-scan.js';
import { tarEntries, tarReason } from './archive-tar-entries.js';
import { openZip, openZipEntry, zipReason } from './archive-zip.js';
import { FileScanBuilder } from './file-scan.js';
import type { ReadLimits } from './limits.js';

/** `sources` all name entries of the same archive (LogSource.archive set, same path and format). */
export async function scanArchive(sources: LogSource[], limits: ReadLimits): Promise<FileScan[]> {
  const ref = sources[0].archive!;
  return ref.format === 'zip' ? scanZip(ref.path, sources, limits) : scanTar(ref.path, ref.format === 'tgz', sources, limits);
}

function unread(source: LogSource, reason: string): FileScan {
  return new FileScanBuilder(source.path).finish(reason);
}

async function scanZip(path: string, sources: LogSource[], limits: ReadLimits): Promise<FileScan[]> {
  let zip;
  try {
    zip = await openZip(path);
  } catch (err) {
    return sources.map((s) => unread(s, zipReason(err)));
  }
  try {
    const scans: FileScan[] = [];
    for (const s of sources) {
      const ref = s.archive!.zip!;
      let bytes: EntryBytes;
      try {
        bytes = EntryBytes.of(await openZipEntry(zip, ref, s.size, limits.maxExpansion));
      } catch (err) {
        scans.push(unread(s, zipReason(err)));
        continue;
      }
      try {
        scans.push(await scanEntry(s.path, bytes, s.size, limits));
      } finally {
        await bytes.close();
      }
    }
    return scans;
  } finally {
    zip.close();
  }
}

async function scanTar(path: string, gzip: boolean, sources: LogSource[], limits: ReadLimits): Promise<FileScan[]> {
  const wanted = new Map(sources.map((s) => [s.archive!.index, s]));
  const scans = new Map<number, FileScan>();
  let failure: string | null = null;
  try {
    for await (const e of tarEntries(path, gzip, limits.maxExpansion)) {
      const s = wanted.get(e.index);
      const bytes = EntryBytes.of(e.body);
      if (s && e.header.name === s.archive!.entry) scans.set(e.index, await scanEntry(s.path, bytes, s.size, limits));
      await bytes.drain();
      if (scans.size === wanted.size) break;
    }
  } catch (err) {
    failure = tarReason(err);
  }
  // Listed but not met: the archive changed since discover listed it, or broke before the entry.
  return sources.map((s) => scans.get(s.archive!.index) ?? unread(s, failure ?? 'entry not found in the archive (changed since it was listed?)'));
}
