// `report --verify`: the integrity checks over the report's own inputs and filters, put into the
// Summary (so every report format shows them) and turned into exit code 4 when they fail, 5 when
// they prove only part of what the report read (unless --allow-partial accepts every reason).
import type { RecordFilter } from '../aggregate/index.js';
import { integrityVerdict } from '../render/integrity-verdict.js';
import type { IntegrityFinding, IntegritySummary, Summary } from '../types.js';
import { integrityExit, parseAllowPartial } from './allow-partial.js';
import type { IntegrityFlags } from './integrity-inputs.js';
import { say, warn } from './print.js';

export interface ReportIntegrityFlags extends IntegrityFlags {
  verify?: boolean;
  allowPartial?: string[]; // no commander default: help would print "(default: [])"
}

export interface IntegrityRunOptions {
  concurrency?: number;
  /** --redact: paths and details name accounts; they go through the same text redaction as the rest. */
  redact?: (text: string) => string;
}

function redacted(s: IntegritySummary, text: (t: string) => string): IntegritySummary {
  const finding = (f: IntegrityFinding): IntegrityFinding => ({
    ...f,
    trail: text(f.trail),
    file: text(f.file),
    digest: f.digest === null ? null : text(f.digest),
    detail: text(f.detail),
  });
  return {
    ...s,
    trails: s.trails.map((t) => ({ ...t, key: text(t.key), account: text(t.account) })),
    failures: s.failures.map(finding),
    notices: s.notices.map(finding),
    coverage: { ...s.coverage, unverified: s.coverage.unverified.map((u) => ({ ...u, path: text(u.path) })) },
  };
}

export async function withIntegrity(summary: Summary, paths: string[], filter: RecordFilter, flags: ReportIntegrityFlags, run: IntegrityRunOptions = {}): Promise<Summary> {
  if (!flags.verify) {
    if (flags.publicKeys.length > 0 || flags.signatures !== undefined || (flags.allowPartial ?? []).length > 0) {
      warn('--public-keys, --signatures and --allow-partial are used with --verify only');
    }
    return summary;
  }
  parseAllowPartial(flags.allowPartial); // a typo stops the run before anything is read
  // loaded only when asked for: most reports do not verify
  const [{ loadSignatureInputs }, { verifyIntegrity }] = await Promise.all([import('./integrity-inputs.js'), import('../integrity/index.js')]);
  const inputs = await loadSignatureInputs(flags);
  const { since, until, accounts, regions } = filter;
  // Files the report skipped after discovery are none of its input. The summary's paths went through
  // --redact by now, so a path is compared in the same form.
  const skipped = new Set(summary.files.skippedFiles.map((f) => f.path));
  const asListed = run.redact ?? ((p: string) => p);
  const integrity = await verifyIntegrity({
    paths,
    filter: { since, until, accounts, regions },
    ...inputs,
    concurrency: run.concurrency,
    readByReport: { skipped: (path) => skipped.has(asListed(path)) },
  });
  return { ...summary, integrity: run.redact ? redacted(integrity, run.redact) : integrity };
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
