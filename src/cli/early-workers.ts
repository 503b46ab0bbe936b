// Reading threads for a report, started as soon as the command line is parsed and before the
// report's own modules are awaited: a thread takes ~80 ms to boot and load its modules, about what
// the report's modules take on this thread (main.ts starts loading them beside the command line's),
// so both are ready to read at about the same time. The count is the parsed --concurrency (one
// parser: commander's, in program.ts); this thread reads too, so n threads start n - 1.
import { availableParallelism } from 'node:os';
import { startWorkers, type ScanWorker } from '../read/scan-worker-handle.js';
import { parsePositiveInt } from './parse-options.js';

/** Whether the command is report: the program's own options take no value, so the first word is it. */
export function isReport(argv: string[]): boolean {
  return argv.slice(2).find((a) => !a.startsWith('-')) === 'report';
}

/** --concurrency's parser (commander calls it while parsing): reading threads, this one included. */
export const parseThreads = (value: string): number => parsePositiveInt(value, '--concurrency');

/** The reading threads of a report asked for `threads` (default one per core). */
export function startReportWorkers(threads: number | undefined): ScanWorker[] {
  return startWorkers(threads ?? availableParallelism());
}
