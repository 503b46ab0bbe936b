// Units of work for the reading threads. A file is one unit. A tar archive's entries are one unit:
// a tar is read from its start, so splitting it would read the start again per part. A zip's entries
// go in runs (each run opens the zip once; entries are read where the central directory says), so
// one large zip still keeps every thread busy.
//
//   for (const task of scanTasks(sources)) results.push(...(await scanTask(task, limits)));
import type { FileScan, LogSource } from '../types.js';
import { scanSource } from './index.js';
import type { ReadLimits } from './limits.js';

const ZIP_RUN_ENTRIES = 64;
const ZIP_RUN_BYTES = 64 * 1024 * 1024;

/** Consecutive sources grouped into units of work, in the order given (flattened, they are `sources`). */
export function scanTasks(sources: LogSource[]): LogSource[][] {
  const tasks: LogSource[][] = [];
  let run: LogSource[] = [];
  let runBytes = 0;
  for (const s of sources) {
    const prev = run[0]?.archive;
    const same = prev !== undefined && s.archive?.path === prev.path && s.archive.format === prev.format;
    const full = prev?.format === 'zip' && (run.length >= ZIP_RUN_ENTRIES || runBytes >= ZIP_RUN_BYTES);
    if (run.length > 0 && (!same || full)) {
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
    const { scanArchive } = await import('./archive-read.js');
    return scanArchive(task, limits);
  }
  return [await scanSource(task[0], limits)];
}
