// Reading threads for a report, started before the rest of the program loads: a thread takes ~80 ms
// to boot and load its modules, about what the command line's own modules take on this thread, so
// both are ready to read at about the same time. Only the command and --concurrency are looked at
// here; the command line is parsed for real later, and the pool starts or closes threads if the
// count here turns out wrong (a bad value starts none: the report command says why).
import { availableParallelism } from 'node:os';
import { startWorkers, type ScanWorker } from '../read/scan-worker-handle.js';
import { parsePositiveInt } from './parse-options.js';

/** Whether the command is report: the program's own options take no value, so the first word is it. */
export function isReport(argv: string[]): boolean {
  return argv.slice(2).find((a) => !a.startsWith('-')) === 'report';
}

/** The reading threads `argv` asks for when its command is report; none for any other command. */
export function earlyWorkers(argv: string[]): ScanWorker[] {
  return isReport(argv) ? startWorkers(threadsWanted(concurrencyFlag(argv.slice(2)))) : [];
}

/** The value of the last --concurrency (as commander takes the last), if any. */
function concurrencyFlag(args: string[]): string | undefined {
  let value: string | undefined;
  args.forEach((a, i) => {
    if (a === '--concurrency') value = args[i + 1];
    else if (a.startsWith('--concurrency=')) value = a.slice('--concurrency='.length);
  });
  return value;
}

function threadsWanted(flag: string | undefined): number {
  if (flag === undefined) return availableParallelism();
  try {
    return parsePositiveInt(flag, '--concurrency');
  } catch {
    return 1;
  }
}
