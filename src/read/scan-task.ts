// Units of work for the reading threads. A tar archive's entries are one unit: a tar is read from its
// start, so splitting it would read the start again per part. A zip's entries go in runs (each run
// opens the zip once; entries are read where the central directory says), so one large zip still
// keeps every thread busy. Small files go in runs of consecutive files too: a unit costs a message to
// a thread and back and a turn of the event loop, more than reading a 10 KB log file (trails write
// many of those), so a unit of one small file kept the threads waiting on messages. A larger file is
// a unit of its own.
//
//   for (const task of scanTasks(sources)) results.push(...(await scanTask(task, limits)));
import type { FileScan, LogSource } from '../types.js';
import { checkActions } from './action-check.js';
import { FileScanBuilder } from './file-scan.js';
import { scanSource } from './index.js';
import type { ReadLimits } from './limits.js';

/** How long a run of one kind may grow (entries, bytes); null: no limit. */
const RUN_LIMITS: Record<'tar' | 'tgz' | 'zip' | 'file', { entries: number; bytes: number } | null> = {
  tar: null,
  tgz: null,
  zip: { entries: 64, bytes: 64 * 1024 * 1024 },
  file: { entries: 64, bytes: 256 * 1024 }, // compressed: a full run is read in a few milliseconds
};

function runKind(s: LogSource): keyof typeof RUN_LIMITS {
  return s.archive?.format ?? 'file';
}

/** Whether s may join the run that `first` started (and that holds `entries` sources, `bytes` bytes). */
function joins(first: LogSource, s: LogSource, entries: number, bytes: number): boolean {
  const kind = runKind(first);
  if (runKind(s) !== kind) return false;
  if (first.archive !== undefined && s.archive?.path !== first.archive.path) return false;
  const limit = RUN_LIMITS[kind];
  return limit === null || (entries < limit.entries && bytes + s.size <= limit.bytes);
}

/** Consecutive sources grouped into units of work, in the order given (flattened, they are `sources`). */
export function scanTasks(sources: LogSource[]): LogSource[][] {
  const tasks: LogSource[][] = [];
  let run: LogSource[] = [];
  let runBytes = 0;
  for (const s of sources) {
    if (run.length > 0 && !joins(run[0], s, run.length, runBytes)) {
      tasks.push(run);
      run = [];
      runBytes = 0;
    }
    run.push(s);
    runBytes += s.size;
  }
  if (run.length > 0) tasks.push(run);
  return tasks;
}

export async function scanTask(task: LogSource[], limits: ReadLimits): Promise<FileScan[]> {
  if (task[0].archive) {
    // the archive readers load only when an archive is read
    const [{ readArchiveEntries }, { scanEntry }] = await Promise.all([import('../archive/read-entries.js'), import('./archive-entry-scan.js')]);
    const entries = task.map((s) => ({ path: s.path, ref: s.archive!, size: s.size }));
    const unread = (reason: string, e: { path: string }) => new FileScanBuilder(e.path).finish(reason);
    const scans = await readArchiveEntries(entries, (bytes, e) => scanEntry(e.path, bytes, e.size, limits), unread, {
      concurrency: 1,
      maxExpansion: limits.maxExpansion,
    });
    return checkActions(scans);
  }
  const scans: FileScan[] = [];
  for (const source of task) scans.push(await scanSource(source, limits));
  return scans;
}
