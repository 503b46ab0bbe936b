// `report --verify`: the integrity checks over the report's own inputs and filters, put into the
// Summary (so every report format shows them) and turned into exit code 4 when they fail.
import type { RecordFilter } from '../aggregate/index.js';
import { formatCount } from '../render/format-count.js';
import type { IntegrityFinding, IntegritySummary, Summary } from '../types.js';
import { EXIT } from './exit-codes.js';
import type { IntegrityFlags } from './integrity-inputs.js';

export interface ReportIntegrityFlags extends IntegrityFlags {
  verify?: boolean;
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
  };
}

export async function withIntegrity(summary: Summary, paths: string[], filter: RecordFilter, flags: ReportIntegrityFlags, run: IntegrityRunOptions = {}): Promise<Summary> {
  if (!flags.verify) {
    if (flags.publicKeys.length > 0 || flags.signatures !== undefined) {
      process.stderr.write('cloudtrail-denials: --public-keys and --signatures are used with --verify only\n');
    }
    return summary;
  }
  // loaded only when asked for: most reports do not verify
  const [{ loadSignatureInputs }, { verifyIntegrity }] = await Promise.all([import('./integrity-inputs.js'), import('../integrity.js')]);
  const inputs = await loadSignatureInputs(flags);
  const { since, until, accounts, regions } = filter;
  const integrity = await verifyIntegrity({ paths, filter: { since, until, accounts, regions }, ...inputs, concurrency: run.concurrency });
  return { ...summary, integrity: run.redact ? redacted(integrity, run.redact) : integrity };
}

/** Prints the verdict of `--verify`; 4 when a check failed, else null (the other exit codes apply). */
export function integrityVerdict(summary: Summary): number | null {
  const s = summary.integrity;
  if (!s) return null;
  const t = s.totals;
  process.stdout.write(
    `integrity: ${s.ok ? 'OK' : 'FAILED'}: ${formatCount(t.digests)} digests, ${formatCount(t.logsValid)}/${formatCount(t.logsListed)} log files valid, ` +
      `${formatCount(t.chainBreaks)} chain breaks, signatures ${s.publicKeys === null ? 'not checked' : `${formatCount(t.signaturesValid)} valid`}\n`,
  );
  if (s.ok) return null;
  process.stderr.write(`cloudtrail-denials: integrity check failed: ${formatCount(s.failures.length)} failures, listed in the Integrity section\n`);
  return EXIT.integrity;
}
