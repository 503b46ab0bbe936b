import type { PruneFilter } from '../discover/index.js';
import { verifyIntegrity } from '../integrity.js';
import { renderIntegrityText } from '../render/integrity-text.js';
import { jsonText } from '../render/json-text.js';
import { loadSignatureInputs, type IntegrityFlags } from './integrity-inputs.js';
import { EXIT } from './exit-codes.js';
import { parseInstant, parsePositiveInt, parseUntil } from './parse-options.js';

export interface VerifyFlags extends IntegrityFlags {
  since?: string;
  until?: string;
  account: string[];
  region: string[];
  top: string;
  json?: boolean;
  concurrency?: string;
}

/** Runs the integrity checks; prints the table (or the JSON) on stdout; returns the exit code. */
export async function runVerify(paths: string[], flags: VerifyFlags): Promise<number> {
  const top = parsePositiveInt(flags.top, '--top');
  const concurrency = flags.concurrency === undefined ? undefined : parsePositiveInt(flags.concurrency, '--concurrency');
  const filter: PruneFilter = {
    since: flags.since === undefined ? null : parseInstant(flags.since, '--since', Date.now()),
    until: flags.until === undefined ? null : parseUntil(flags.until),
    accounts: flags.account,
    regions: flags.region,
  };
  const inputs = await loadSignatureInputs(flags);
  const summary = await verifyIntegrity({ paths, filter, ...inputs, concurrency });
  process.stdout.write(flags.json ? `${jsonText(summary, 2)}\n` : renderIntegrityText(summary, { top }));
  return summary.ok ? 0 : EXIT.integrity;
}
