import type { PruneFilter } from '../discover/index.js';
import { verifyIntegrity } from '../integrity/index.js';
import { renderIntegrityText } from '../render/integrity-text.js';
import { integrityExit, parseAllowPartial } from './allow-partial.js';
import { jsonText } from '../render/json-text.js';
import { loadSignatureInputs, type IntegrityFlags } from './integrity-inputs.js';
import { warn } from './print.js';
import { parseAccounts, parsePositiveInt, parseWindow } from './parse-options.js';

export interface VerifyFlags extends IntegrityFlags {
  since?: string;
  until?: string;
  account: string[];
  region: string[];
  top: string;
  json?: boolean;
  hashConcurrency?: number; // parsed by commander
  allowPartial?: string[]; // no commander default: help would print "(default: [])"
}

/** Runs the integrity checks; prints the table (or the JSON) on stdout; returns the exit code. */
export async function runVerify(paths: string[], flags: VerifyFlags): Promise<number> {
  const top = parsePositiveInt(flags.top, '--top');
  const allowed = parseAllowPartial(flags.allowPartial);
  const filter: PruneFilter = { ...parseWindow(flags, Date.now()), accounts: parseAccounts(flags.account), regions: flags.region };
  const inputs = await loadSignatureInputs(flags);
  const summary = await verifyIntegrity({ paths, filter, ...inputs, concurrency: flags.hashConcurrency });
  process.stdout.write(flags.json ? `${jsonText(summary, 2)}\n` : renderIntegrityText(summary, { top }));
  const exit = integrityExit(summary, allowed);
  if (exit === null) return 0;
  if (!flags.json) warn(exit.line);
  return exit.code;
}
