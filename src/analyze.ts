// The whole pipeline as a library call: discover → read → classify → aggregate (→ the integrity check
// of the same inputs, with `verify`) → redaction, the Summary's one place (redact/index.ts).
//
//   const summary = await analyze({ paths: ['AWSLogs/'], filter: NO_FILTER, onDenial: (d) => rows.push(d) });
//   summary.totals.denials
import { availableParallelism } from 'node:os';
import { Folder, compileSuppression, toSummary, type FilterMiss, type RecordFilter, type SuppressionSet } from './aggregate/index.js';
import { discoverInBatches, type Discovery } from './discover/index.js';
import { DEFAULT_LIMITS, type ReadLimits } from './read/index.js';
import { OUTPUT_FILE_NAMES } from './render/formats.js';
import { scanAll, startWorkers, type ScanWorker } from './read/pool.js';
import { scanTask } from './read/scan-task.js';
import { withFindings, type FindingsOptions } from './findings-run.js';
import type { Redactor } from './redact/index.js';
import type { Denial, FileScan, IntegritySummary, LogSource, SourceBatch, Summary } from './types.js';
import type { PublicKey } from './verify/index.js';
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
  concurrency?: number; // threads reading files; default one per core
  /** Reading threads already started for this run (startWorkers); closed when the reading ends. */
  workers?: ScanWorker[];
  limits?: Partial<ReadLimits>;
  /** Each kept denial, in a stable order: files by path, then records in file order (`n`: denials it stands for, see Folder). */
  onDenial?: (d: Denial, n: number) => void;
  onProgress?: (p: Progress) => void;
  /** --week/--day/--last label for report headings. */
  label?: string | null;
  /** Expected denials: counted as suppressed, kept out of the findings (and of onDenial). */
  suppression?: SuppressionSet | null;
  /** Every denial (and the summary's other identifiers) redacted before anything sees it. */
  redactor?: Redactor | null;
  /** Called once the reading is done when a --principal or --action glob matched none of the `denials` read. */
  onFilterMisses?: (misses: FilterMiss[], denials: number) => void;
  /** This run's output folder: the reports in it are not read (nor are this tool's outputs anywhere). */
  outDir?: string | null;
  /** What discovery found, once it is done: for a caller that explains an empty run (cli/input-accounting.ts). */
  onDiscovery?: (d: Discovery) => void;
  /** report --verify: the integrity check of the same inputs and filters, as Summary.integrity. */
  verify?: IntegrityRequest | null;
  /** Exported policies (files and folders, policy-evaluation.ts): each denial gets its cause. Loads the optional engine. */
  policies?: string[];
  /** Distinct requests simulated at most (evaluate/evaluator.ts DEFAULT_MAX_SIMULATIONS). */
  maxSimulations?: number;
  /** The engine's package name (a seam for tests). */
  policyEngine?: string;
  /** The findings' settings (rules file, baseline, organization); the defaults without. */
  findings?: FindingsOptions;
}

/** The inputs of the integrity check captured beforehand (cli/integrity-inputs.ts), and files hashed at once. */
export interface IntegrityRequest {
  publicKeys: PublicKey[] | null;
  signatures: Map<string, string> | null;
  concurrency?: number;
}

export const DEFAULT_TITLE = 'CloudTrail denials';

async function readAgain(source: LogSource, limits: ReadLimits): Promise<FileScan> {
  return (await scanTask([source], limits))[0];
}

/** `scan` with the fingerprints of `again` (the same file read again), when it found the same records. */
function withFingerprints(scan: FileScan, again: FileScan): FileScan {
  const id = (e: FileScan['entries'][number]) => (e.kind === 'denial' ? e.denial.eventId : e.eventId);
  const same = again.entries.length === scan.entries.length && again.entries.every((e, i) => id(e) === id(scan.entries[i]));
  // the file changed since: keep the first reading (records whose fingerprints differ are then counted as conflicts)
  return same ? { ...scan, entries: scan.entries.map((e, i) => ({ ...e, fingerprint: again.entries[i].fingerprint })) } : scan;
}

export async function analyze(options: AnalyzeOptions): Promise<Summary> {
  const { filter } = options;
  // loaded only when asked for: a run without --policies never loads the engine nor this module
  const evaluation =
    options.policies !== undefined && options.policies.length > 0
      ? await (
          await import('./policy-evaluation.js')
        ).startEvaluation({ policies: options.policies, maxSimulations: options.maxSimulations, engine: options.policyEngine })
      : null;
  const limits = { ...DEFAULT_LIMITS, ...options.limits, ...(evaluation === null ? {} : { requestFacts: true }) };
  const concurrency = Math.max(1, options.concurrency ?? availableParallelism());
  const workers = options.workers ?? startWorkers(concurrency);
  const { redactor } = options;
  const onDenial = evaluation === null ? options.onDenial : (d: Denial, n: number) => (evaluation.kept(d, n), options.onDenial?.(d, n));
  const folder = new Folder(filter, onDenial, {
    suppression: options.suppression ? compileSuppression(options.suppression) : null,
    transform: redactor ? (d) => redactor.denial(d) : undefined,
  });
  const progress: Progress = { filesDone: 0, filesTotal: 0, records: 0, denials: 0, bytes: 0 };
  // Reading starts while discovery goes on (in batches); the scans arrive in path order whatever
  // order the threads finish in: that keeps output deterministic.
  const found = discoverInBatches(options.paths, filter, { maxExpansion: limits.maxExpansion, outDir: options.outDir ?? null, outputNames: OUTPUT_FILE_NAMES });
  async function* counted(): AsyncGenerator<SourceBatch> {
    for await (const batch of found.batches) {
      progress.filesTotal += batch.sources.length;
      yield batch;
    }
  }
  // Scans come in the order of the sources found, so the n-th scan is found.result.sources[n].
  const byContent = { ...limits, contentFingerprints: true };
  const learned = new Set<number>();
  let n = 0;
  let turn = performance.now();
  for await (let scan of scanAll(counted(), concurrency, limits, workers)) {
    // On one thread the reading and folding never wait for the event loop, so a signal (Ctrl-C) would
    // wait for the end of the run: let it in every 50 ms. Scheduling only: the output is the same.
    if (performance.now() - turn > 50) {
      await new Promise((resolve) => setImmediate(resolve));
      turn = performance.now();
    }
    // An eventID back with other bytes: read the records concerned again, for their content (rare:
    // a second delivery in another container, or a decoy); see aggregate/fold.ts.
    const undecided = folder.undecided(scan);
    if (undecided !== null) {
      for (const file of undecided.files.filter((f) => !learned.has(f))) {
        learned.add(file);
        folder.learn(file, await readAgain(found.result.sources[file], byContent));
      }
      if (undecided.current) scan = withFingerprints(scan, await readAgain(found.result.sources[n], byContent));
    }
    n++;
    if (evaluation !== null) await evaluation.attach(scan);
    folder.add(scan);
    progress.filesDone++;
    progress.records += scan.records;
    progress.bytes += scan.bytes;
    progress.denials = folder.state.totals.denials;
    options.onProgress?.(progress);
  }
  const { misses, denials } = folder.filterMisses();
  if (misses.length > 0) options.onFilterMisses?.(misses, denials);
  const { result } = found;
  folder.addDiscovery(result);
  options.onDiscovery?.(result);
  let summary = toSummary(folder.state, {
    title: options.title ?? DEFAULT_TITLE,
    version: VERSION,
    filter,
    label: options.label ?? null,
    suppression: options.suppression ?? null,
  });
  if (options.verify) summary = { ...summary, integrity: await integrityOf(options.paths, filter, options.verify, summary) };
  // with --policies, the exported organizations say which accounts are "from outside"
  const findings = evaluation === null ? options.findings : { organizationAccounts: evaluation.organizationAccounts(), ...options.findings };
  summary = withFindings(summary, folder.state.activity, result, findings, redactor ?? null);
  const shown = redactor ? redactor.summary(summary) : summary;
  return evaluation === null ? shown : evaluation.finish(shown, redactor ?? null);
}

/** The integrity check over what this run read: files it skipped after discovery are none of its input. */
async function integrityOf(paths: string[], filter: RecordFilter, request: IntegrityRequest, summary: Summary): Promise<IntegritySummary> {
  const skipped = new Set(summary.files.skippedFiles.map((f) => f.path));
  // loaded only when asked for: most reports do not verify
  const { verifyIntegrity } = await import('./integrity/index.js');
  const { since, until, accounts, regions } = filter;
  return verifyIntegrity({ paths, filter: { since, until, accounts, regions }, ...request, readByReport: { skipped: (path) => skipped.has(path) } });
}
