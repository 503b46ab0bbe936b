// A run that is stopped leaves nothing behind. Ctrl-C, `kill`, a cancelled CI job or a closed
// terminal used to leave `denials.csv.tmp-PID` and `denials.jsonl.tmp-PID` (up to a gigabyte) in the
// output folder, which a weekly `git add reports` then committed. What must be undone registers here;
// main.ts installs the handlers once, first thing.
import { sanitizeTerminal } from '../render/sanitize-terminal.js';
//
//   const done = onStop(() => out.discard(), '; no report written, temporary files removed');
//   …
//   done();   // the run finished: nothing left to undo

interface Undo {
  run: () => void;
  /** Added to the "interrupted" line when this undo ran. */
  note: string;
}

const pending: Undo[] = [];

/** Registers what to undo if the process stops before `done` is called; the last registered runs first. */
export function onStop(run: () => void, note = ''): () => void {
  const undo = { run, note };
  pending.push(undo);
  return () => {
    const at = pending.indexOf(undo);
    if (at >= 0) pending.splice(at, 1);
  };
}

/** Runs every pending undo, newest first (the progress line is cleared before files are removed); returns their notes. */
export function undoAll(): string {
  let notes = '';
  while (pending.length > 0) {
    const undo = pending.pop()!;
    try {
      undo.run();
      notes += undo.note;
    } catch {
      // one undo failing must not keep the others from running
    }
  }
  return notes;
}

/**
 * The exit code of a process stopped by a signal, as POSIX shells report it: 128 + the signal number
 * (SIGHUP 1, SIGINT 2, SIGTERM 15).
 */
export const SIGNAL_EXIT: Readonly<Record<'SIGHUP' | 'SIGINT' | 'SIGTERM', number>> = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 };

/** What a stop does: undo, say so in one line, exit with the signal's code. Apart from the handlers for tests. */
export function stopped(signal: keyof typeof SIGNAL_EXIT, write: (line: string) => void, exit: (code: number) => never): never {
  const notes = undoAll();
  write(`cloudtrail-denials: interrupted by ${signal}${notes}\n`);
  return exit(SIGNAL_EXIT[signal]);
}

/**
 * Installs the handlers: a signal undoes and exits with its code (worker threads end with the
 * process); an error nothing caught undoes, is one line (its stack with --debug) and exit 1; any other
 * exit undoes what is still pending.
 */
export function handleStops(debug: boolean): void {
  const write = (line: string) => process.stderr.write(line);
  for (const signal of Object.keys(SIGNAL_EXIT) as (keyof typeof SIGNAL_EXIT)[]) {
    process.once(signal, () => stopped(signal, write, (code) => process.exit(code)));
  }
  const fatal = (err: unknown) => {
    undoAll();
    const e = err instanceof Error ? err : new Error(String(err));
    const lines = debug ? (e.stack ?? e.message).split('\n') : [`internal error: ${e.message} (run with --debug for details)`];
    for (const line of lines) write(`cloudtrail-denials: ${sanitizeTerminal(line)}\n`);
    process.exit(1);
  };
  process.on('uncaughtException', fatal);
  process.on('unhandledRejection', fatal);
  process.on('exit', () => undoAll());
}
