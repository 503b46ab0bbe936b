// `report --verify`: what the integrity check over the report's own inputs and filters needs (analyze
// runs it and puts it into the Summary, so every report format shows it), and its verdict turned into
// exit code 4 when it fails, 5 when it proves only part of what the report read (unless
// --allow-partial accepts every reason).
import type { IntegrityRequest } from '../analyze.js';
import { integrityVerdict } from '../render/integrity-verdict.js';
import type { Summary } from '../types.js';
import { integrityExit, parseAllowPartial } from './allow-partial.js';
import type { IntegrityFlags } from './integrity-inputs.js';
import { say, warn } from './print.js';

export interface ReportIntegrityFlags extends IntegrityFlags {
  verify?: boolean;
  allowPartial?: string[]; // no commander default: help would print "(default: [])"
}

/**
 * What `--verify` asks of analyze(): the signature inputs, read now so that a mistake in them stops
 * the run before anything is read; null without --verify (the options that need it are then named).
 */
export async function integrityRequest(flags: ReportIntegrityFlags, hashConcurrency: number | undefined): Promise<IntegrityRequest | null> {
  if (!flags.verify) {
    if (flags.publicKeys.length > 0 || flags.signatures !== undefined || (flags.allowPartial ?? []).length > 0 || hashConcurrency !== undefined) {
      warn('--public-keys, --signatures, --allow-partial and --hash-concurrency are used with --verify only');
    }
    return null;
  }
  parseAllowPartial(flags.allowPartial); // a typo stops the run before anything is read
  // loaded only when asked for: most reports do not verify
  const { loadSignatureInputs } = await import('./integrity-inputs.js');
  return { ...(await loadSignatureInputs(flags)), concurrency: hashConcurrency };
}

/** Prints the verdict of `--verify`; 4 (failed) or 5 (partial, not accepted), else null (the other exit codes apply). */
export function reportIntegrityExit(summary: Summary, flags: ReportIntegrityFlags): number | null {
  const s = summary.integrity;
  if (!s) return null;
  say(`integrity: ${integrityVerdict(s)}\n`);
  const exit = integrityExit(s, parseAllowPartial(flags.allowPartial));
  if (exit === null) return null;
  warn(`${exit.line} (see the Integrity section)`);
  return exit.code;
}
