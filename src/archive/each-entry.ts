// Reads chosen entries of archives whole, each archive opened once: a zip entry where its central
// directory says it is; a tar (or tar.gz) read from the start, each chosen entry handed over as it
// streams past, and reading stops once the last one has been met. `verify` reads digests and hashes
// log files this way.
//
//   const hashes = await eachArchiveEntry(entries, (bytes) => hash(bytes), (reason) => ({ error: reason }));
//   hashes.get('bundle.tgz!/AWSLogs/…')
import pLimit from 'p-limit';
import type { ArchiveEntryRef } from '../types.js';
import { EntryBytes } from './archive-entry-bytes.js';
import { tarEntries, tarReason } from './archive-tar-entries.js';
import { openZip, openZipEntry, zipReason } from './archive-zip.js';
import { DEFAULT_LIMITS } from './limits.js';

/** An archive entry as discover found it: the path reports show, where its bytes are, its size. */
export interface ArchiveEntry {
  path: string; // `bundle.zip!/AWSLogs/…`
  ref: ArchiveEntryRef;
  size: number; // once the archive's own compression is undone
}

/** `read` consumes the entry's bytes and may stop early; `fail` stands for an entry that could not be read. */
export async function eachArchiveEntry<T>(
  entries: readonly ArchiveEntry[],
  read: (bytes: AsyncIterable<Buffer>) => Promise<T>,
  fail: (reason: string) => T,
  concurrency = 2,
  maxExpansion = DEFAULT_LIMITS.maxExpansion,
): Promise<Map<string, T>> {
  const byArchive = new Map<string, ArchiveEntry[]>();
  for (const e of entries) {
    const group = byArchive.get(e.ref.path);
    if (group) group.push(e);
    else byArchive.set(e.ref.path, [e]);
  }
  const limit = pLimit(Math.max(1, concurrency));
  const out = new Map<string, T>();
  await Promise.all(
    [...byArchive.values()].map((group) =>
      limit(async () => {
        const each = group[0].ref.format === 'zip' ? zipEach : tarEach;
        for (const [path, value] of await each(group, read, fail, maxExpansion)) out.set(path, value);
      }),
    ),
  );
  return out;
}

type Each = <T>(group: ArchiveEntry[], read: (bytes: AsyncIterable<Buffer>) => Promise<T>, fail: (reason: string) => T, maxExpansion: number) => Promise<Map<string, T>>;

const zipEach: Each = async (group, read, fail, maxExpansion) => {
  const out = new Map<string, ReturnType<typeof fail>>();
  let zip;
  try {
    zip = await openZip(group[0].ref.path);
  } catch (err) {
    for (const e of group) out.set(e.path, fail(zipReason(err)));
    return out;
  }
  try {
    for (const e of group) {
      let bytes: EntryBytes;
      try {
        bytes = EntryBytes.of(await openZipEntry(zip, e.ref.zip!, e.size, maxExpansion));
      } catch (err) {
        out.set(e.path, fail(zipReason(err)));
        continue;
      }
      try {
        out.set(e.path, await read(bytes));
      } catch (err) {
        out.set(e.path, fail(zipReason(err)));
      } finally {
        await bytes.close();
      }
    }
    return out;
  } finally {
    zip.close();
  }
};

const tarEach: Each = async (group, read, fail, maxExpansion) => {
  const out = new Map<string, ReturnType<typeof fail>>();
  const wanted = new Map<number, ArchiveEntry[]>();
  for (const e of group) wanted.set(e.ref.index, [...(wanted.get(e.ref.index) ?? []), e]);
  let met = 0;
  let failure: string | null = null;
  const first = group[0].ref;
  try {
    for await (const t of tarEntries(first.path, first.format === 'tgz', maxExpansion)) {
      const chosen = (wanted.get(t.index) ?? []).filter((e) => e.ref.entry === t.header.name);
      const bytes = EntryBytes.of(t.body);
      if (chosen.length > 0) {
        let value;
        try {
          value = await read(bytes);
        } catch (err) {
          value = fail(tarReason(err));
        }
        for (const e of chosen) out.set(e.path, value);
        met += chosen.length;
      }
      await bytes.drain();
      if (met === group.length) break;
    }
  } catch (err) {
    failure = tarReason(err);
  }
  // Listed but not met: the archive changed since discover listed it, or broke before the entry.
  for (const e of group) if (!out.has(e.path)) out.set(e.path, fail(failure ?? 'entry not found in the archive (changed since it was listed?)'));
  return out;
};
