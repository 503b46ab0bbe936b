// Expand paths, folders and globs into the sorted list of log files to read.
//
//   const found = await discover(['logs/', 'extra/*.json.gz'], { accounts: [], regions: [], since: null, until: null });
//   found.sources  // LogSource[] sorted by path, not yet opened
//
// Or in batches, so that reading starts before the last file is found (discoverInBatches).
import { statSync } from 'node:fs';
import { walkFolder } from './walk-folder.js';
import { UserError } from '../errors.js';
import type { ArchiveFormat, LogSource, SkipReason, SourceBatch } from '../types.js';
// not archive/index.js: the archive readers load only when an archive is given
import { archiveFormat } from '../archive/archive-format.js';
import { DEFAULT_MAX_EXPANSION } from '../archive/expansion.js';
import type { SkippedFile } from './archive-listing.js';
import { ownOutputRule, type OwnOutputVerdict } from './own-output.js';
import { isPrunedByKey, type PruneFilter } from './prune.js';
import { skipReason } from './source-kind.js';
import { parseTrailKey } from './trail-key.js';

export { parseTrailKey } from './trail-key.js';
export { isPrunedByKey, type PruneFilter } from './prune.js';
export { skipReason } from './source-kind.js';
export type { SkippedFile } from './archive-listing.js';

export interface Discovery {
  found: number;
  sources: LogSource[];
  pruned: string[];
  /** An archive entry skipped as not a log (a digest, an Insight file) keeps where it is, for `verify`. */
  skipped: SkippedFile[];
  /**
   * Damaged before any reading: archives damaged outside any entry (no zip central directory, a
   * broken tar header), and empty files named on the command line (a failed copy). One file each.
   */
  damaged: { path: string; reason: string }[];
  /** Each argument, what it was, and how many files it gave (an empty folder, a glob that matches nothing: 0). */
  inputs: { arg: string; kind: 'file' | 'folder' | 'glob'; files: number }[];
}

export interface DiscoverOptions {
  /** The gzip-bomb bound (ReadLimits.maxExpansion), applied while a tar.gz is listed. */
  maxExpansion?: number;
  /** This run's output folder: the tool's outputs in it are never read (see own-output.ts). */
  outDir?: string | null;
  /** The files a report run writes (render/formats.ts's OUTPUT_FILE_NAMES): never read as logs where they are the tool's outputs. */
  outputNames?: readonly string[];
}

interface Candidate {
  path: string;
  named: boolean; // given explicitly, not found by walking a folder or matching a glob
  skip?: SkipReason; // known from the walk: not a file to open
}

export const EMPTY_NAMED_FILE = 'empty file (0 bytes): a failed or unfinished copy?';

async function expand(arg: string): Promise<{ kind: 'file' | 'folder' | 'glob'; candidates: Candidate[] }> {
  const info = statOrNull(arg);
  if (info?.isFile()) return { kind: 'file', candidates: [{ path: arg, named: true }] };
  if (info?.isDirectory()) {
    const base = arg.replace(/[\\/]+$/, '');
    const walk = walkFolder(base);
    const files = walk.files.map((path): Candidate => ({ path, named: false }));
    return { kind: 'folder', candidates: [...files, ...walk.skipped.map(({ path, reason }) => ({ path, named: false, skip: reason }))] };
  }
  if (info) throw new UserError(`${arg} is not a file or folder (a FIFO, socket or device): save the logs to a file and give that`);
  // globby loads only for a glob: it is most of the start-up time otherwise
  const { globby, isDynamicPattern } = await import('globby');
  if (isDynamicPattern(arg)) {
    const files = await globby(arg, { onlyFiles: true, followSymbolicLinks: true, suppressErrors: true });
    return { kind: 'glob', candidates: files.map((f) => ({ path: f, named: false })) };
  }
  throw new UserError(`no such file or folder: ${arg} (give log files, folders or quoted globs)`);
}

export async function discover(args: string[], filter: PruneFilter, options: DiscoverOptions = {}): Promise<Discovery> {
  const found = discoverInBatches(args, filter, options);
  for await (const batch of found.batches) void batch;
  return found.result;
}

// Sources a batch: finding one costs ~10 µs (a stat, the key, the rules), reading one ~50 µs or more.
const BATCH = 256;

/**
 * discover, a batch at a time: `result` is complete once the batches are done (its sources are the
 * batches', concatenated). With an archive among the inputs there is one batch, at the end: its
 * entries are sorted in among the other paths only when all are known.
 */
export function discoverInBatches(
  args: string[],
  filter: PruneFilter,
  options: DiscoverOptions = {},
): { batches: AsyncGenerator<SourceBatch>; result: Discovery } {
  const result: Discovery = { found: 0, sources: [], pruned: [], skipped: [], damaged: [], inputs: [] };
  async function* batches(): AsyncGenerator<SourceBatch> {
    if (args.length === 0) throw new UserError('no input: give one or more log files, folders or globs');
    const byPath = new Map<string, Candidate>();
    for (const arg of args) {
      const { kind, candidates } = await expand(arg);
      result.inputs.push({ arg, kind, files: candidates.length });
      for (const c of candidates) {
        const seen = byPath.get(c.path);
        if (!seen || c.named) byPath.set(c.path, c);
      }
    }
    const own = ownOutputRule([...byPath.keys()], options.outDir ?? null, options.outputNames ?? []);
    const candidates = [...byPath.values()]
      .map((c) => ({ ...c, own: c.skip ? null : own(c.path) }))
      .filter((c) => c.own !== 'in-progress')
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    result.found = candidates.length;
    const inOrder = !candidates.some((c) => archiveFormat(c.path));
    let given = 0;
    for (const c of candidates) {
      // An archive (.zip, .tar, .tar.gz) stands for its entries, named `archive!/entry`; see archive-listing.ts.
      const format = c.skip || c.own ? null : archiveFormat(c.path);
      if (format) await addArchive(c.path, format, result, filter, options);
      else addFile(c, result, filter);
      if (inOrder && result.sources.length - given >= BATCH) {
        yield { sources: result.sources.slice(given), last: false };
        given = result.sources.length;
      }
    }
    if (!inOrder) sortByPath(result);
    yield { sources: result.sources.slice(given), last: true };
  }
  return { batches: batches(), result };
}

async function addArchive(path: string, format: ArchiveFormat, result: Discovery, filter: PruneFilter, options: DiscoverOptions): Promise<void> {
  // archive readers load only when an archive is given
  const { listArchive } = await import('./archive-listing.js');
  const listing = await listArchive(path, format, filter, options.maxExpansion ?? DEFAULT_MAX_EXPANSION);
  result.found += listing.found - 1;
  result.sources.push(...listing.sources);
  result.pruned.push(...listing.pruned);
  result.skipped.push(...listing.skipped);
  result.damaged.push(...listing.damaged);
}

/** Where a file goes: sources, pruned, skipped or (named and empty) damaged. */
function addFile(c: Candidate & { own: OwnOutputVerdict }, result: Discovery, filter: PruneFilter): void {
  const reason = c.skip ?? (c.own === 'own-output' ? c.own : null) ?? skipReason(c.path, c.named);
  if (reason) {
    result.skipped.push({ path: c.path, reason });
    return;
  }
  const key = parseTrailKey(c.path);
  if (key && isPrunedByKey(key, filter)) {
    result.pruned.push(c.path);
    return;
  }
  // A file that vanished since the walk is read (and reported) by the reader, not dropped here.
  const info = statOrNull(c.path);
  if (info?.size === 0) {
    // a walked empty file is nothing to read; one asked for by name was meant to hold logs
    if (c.named) result.damaged.push({ path: c.path, reason: EMPTY_NAMED_FILE });
    else result.skipped.push({ path: c.path, reason: 'empty-file' });
    return;
  }
  result.sources.push({ path: c.path, size: info?.size ?? 0, key, ...(c.named ? { named: true } : {}) });
}

// Sync: discovery is all this thread does meanwhile, and one await per file cost ~0.1 s per 1,000 files.
function statOrNull(path: string): { size: number; isFile(): boolean; isDirectory(): boolean } | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

const byPath = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Archive entries (`a.zip!/…`) sort among the other paths; entries may share a name, so then by position. */
function sortByPath(d: Discovery): void {
  d.sources.sort((a, b) => byPath(a.path, b.path) || (a.archive?.index ?? 0) - (b.archive?.index ?? 0));
  d.pruned.sort(byPath);
  d.skipped.sort((a, b) => byPath(a.path, b.path));
}
