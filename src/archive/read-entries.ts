// Chosen entries of any number of archives, read whole by the caller, each archive opened once and a
// few at a time: read/ scans the entries discover kept; the integrity check reads digests and hashes
// log files. Built on the one loop (each-entry.ts).
//
//   const hashes = await readArchiveEntries(entries, (bytes) => hash(bytes), (reason) => ({ error: reason }));
//   hashes[i]   // for entries[i]
import pLimit from 'p-limit';
import type { ArchiveEntryRef } from '../types.js';
import { archiveReason, eachArchiveEntry, type EntryHeader } from './each-entry.js';
import { DEFAULT_MAX_EXPANSION } from './expansion.js';

/** An archive entry as discover found it: the path reports show, where its bytes are, its size. */
export interface ArchiveEntry {
  path: string; // `bundle.zip!/AWSLogs/…`
  ref: ArchiveEntryRef;
  size: number; // once the archive's own compression is undone
}

export interface ReadEntriesOptions {
  /** Archives read at once (default 2). */
  concurrency?: number;
  /** The gzip-bomb bound of each archive layer (default DEFAULT_MAX_EXPANSION). */
  maxExpansion?: number;
}

const NOT_MET = 'entry not found in the archive (changed since it was listed?)';

/**
 * `read` consumes an entry's bytes and may stop early; `fail` stands for an entry that could not be
 * read, with the reason (the archive's damage, or the entry not being where the listing said: the
 * archive changed since). Results come in the order of `entries`; an entry named twice is read once.
 */
export async function readArchiveEntries<E extends ArchiveEntry, T>(
  entries: readonly E[],
  read: (bytes: AsyncIterable<Buffer>, entry: E) => Promise<T>,
  fail: (reason: string, entry: E) => T,
  options: ReadEntriesOptions = {},
): Promise<T[]> {
  const maxExpansion = options.maxExpansion ?? DEFAULT_MAX_EXPANSION;
  const byArchive = new Map<string, number[]>();
  entries.forEach((e, i) => byArchive.set(e.ref.path, [...(byArchive.get(e.ref.path) ?? []), i]));
  const out = new Array<T>(entries.length);
  const done = new Set<number>();
  const limit = pLimit(Math.max(1, options.concurrency ?? 2));
  await Promise.all(
    [...byArchive.values()].map((group) =>
      limit(async () => {
        const archive = { path: entries[group[0]].ref.path, format: entries[group[0]].ref.format };
        const matching = (h: EntryHeader) => group.filter((i) => entries[i].ref.index === h.index && entries[i].ref.entry === h.name);
        const damage = await eachArchiveEntry(
          archive,
          group.map((i) => entries[i]),
          async (header, open) => {
            const chosen = matching(header);
            let value: T;
            try {
              value = await read(await open(), entries[chosen[0]]);
            } catch (err) {
              value = fail(archiveReason(archive.format, err), entries[chosen[0]]);
            }
            for (const i of chosen) {
              out[i] = value;
              done.add(i);
            }
          },
          maxExpansion,
        );
        // listed but not met: the archive broke before the entry, or changed since it was listed
        for (const i of group) if (!done.has(i)) out[i] = fail(damage?.reason ?? NOT_MET, entries[i]);
      }),
    ),
  );
  return out;
}
