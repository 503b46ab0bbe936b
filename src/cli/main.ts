#!/usr/bin/env node
import { isReport } from './early-workers.js';
import { handleStops } from './interrupt.js';

// First: from here on, a run that is stopped removes what it was writing (interrupt.ts).
handleStops(process.argv.includes('--debug'));

// A report's own modules start loading beside the command line's (~15 ms sooner to the first file;
// the report action's import of them is the one that says if they fail); its reading threads start as
// soon as the command line is parsed (see early-workers.ts).
if (isReport(process.argv)) import('./report-command.js').catch(() => {});
const [{ UserError }, { buildProgram }, { EXIT }, { warn }] = await Promise.all([
  import('../errors.js'),
  import('./program.js'),
  import('./exit-codes.js'),
  import('./print.js'),
]);

/** The one place errors become messages and exit codes. */
async function main(argv: string[]): Promise<number> {
  let code: number = EXIT.ok;
  const program = buildProgram((c) => (code = c));
  program.exitOverride();
  try {
    await program.parseAsync(argv);
    return code;
  } catch (err) {
    const debug = argv.includes('--debug');
    const e = err as Error & { code?: string; exitCode?: number };
    if (e.code?.startsWith('commander.')) {
      // commander has printed its own message (or help/version); keep its verdict.
      return e.exitCode === 0 ? EXIT.ok : EXIT.fatal;
    }
    // A message may quote a path, a rules file or a log field: warn() shows their controls, not obeys them.
    if (err instanceof UserError && !debug) warn(err.message);
    else if (debug) for (const line of (e.stack ?? e.message).split('\n')) warn(line);
    else warn(`internal error: ${e.message} (run with --debug for details)`);
    return EXIT.fatal;
  }
}

process.exitCode = await main(process.argv);
