// The whole pipeline as a library call: discover → read → classify → aggregate.
//
//   const summary = await analyze({ paths: ['AWSLogs/'], filter: NO_FILTER, onDenial: (d) => rows.push(d) });
//   summary.totals.denials
import pLimit from 'p-limit';
import { Folder, toSummary, type RecordFilter } from './aggregate/index.js';
import { discover } from './discover/index.js';
import { scanSource } from './read/index.js';
import type { Denial, FileScan, Summary } from './types.js';
import { VERSION } from './version.js';

export interface Progress {
  filesDone: number;
  filesTotal: number;
  records: number;
  denials: number;
  bytes: number;
}

export interface AnalyzeOptions {
  paths: string[];
  filter: RecordFilter;
  title?: string;
  concurrency?: number; // files read at once
  /** Each kept denial, in a stable order: files by path, then records in file order. */
  onDenial?: (d: Denial) => void;
  onProgress?: (p: Progress) => void;
}

export const DEFAULT_TITLE = 'CloudTrail denials';

export async function analyze(options: AnalyzeOptions): Promise<Summary> {
  const { filter } = options;
  const found = await discover(options.paths, filter);
  const folder = new Folder(filter, options.onDenial);
  const files = folder.state.files;
  files.found = found.found;
  files.pruned = found.pruned.length;
  files.skipped = found.skipped.length;
  folder.state.skippedFiles.push(...found.skipped);

  const limit = pLimit(Math.max(1, options.concurrency ?? 1));
  const scans: Promise<FileScan>[] = found.sources.map((s) => limit(() => scanSource(s)));
  const progress: Progress = { filesDone: 0, filesTotal: scans.length, records: 0, denials: 0, bytes: 0 };
  // Fold strictly in path order, whatever order the reads finish in: that keeps output deterministic.
  for (const pending of scans) {
    const scan = await pending;
    folder.add(scan);
    progress.filesDone++;
    progress.records += scan.records;
    progress.bytes += scan.bytes;
    progress.denials = folder.state.totals.denials;
    options.onProgress?.(progress);
  }
  return toSummary(folder.state, { title: options.title ?? DEFAULT_TITLE, version: VERSION, filter });
}
