#!/usr/bin/env node
import { UserError } from '../errors.js';
import { buildProgram } from './program.js';
import { EXIT } from './exit-codes.js';

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
    if (err instanceof UserError && !debug) process.stderr.write(`cloudtrail-denials: ${err.message}\n`);
    else process.stderr.write(`cloudtrail-denials: ${debug ? (e.stack ?? e.message) : `internal error: ${e.message} (run with --debug for details)`}\n`);
    return EXIT.fatal;
  }
}

process.exitCode = await main(process.argv);
