import { analyze, DEFAULT_TITLE } from '../analyze.js';
import { compareGroups, type RecordFilter } from '../aggregate/index.js';
import { loadTemplates } from '../read/templates.js';
import { FORMAT_NAMES, FORMATS, type FormatName } from '../render/index.js';
import type { Summary } from '../types.js';
import { OutputFiles, type RowFile } from './output-files.js';
import { parseFormats, parseInstant, parsePositiveInt, parseUntil } from './parse-options.js';
import { progressLine } from './progress.js';
import { EXIT } from './exit-codes.js';
import type { ScanWorker } from '../read/scan-worker-handle.js';
import { integrityVerdict, withIntegrity, type ReportIntegrityFlags } from './report-integrity.js';
import { alignRedaction } from './baseline-file.js';
import { calendarWindow } from './calendar-window.js';
import { evaluateGates } from './fail-on.js';
import { planReport, type PlanFlags } from './report-plan.js';
import { UserError } from '../errors.js';
import type { Discovery } from '../discover/index.js';
import { consoleLine, noLogRead, noLogReadError, prunedLine, whyNoLogRead } from './input-accounting.js';

export interface ReportFlags extends PlanFlags, ReportIntegrityFlags {
  format: string[];
  since?: string;
  until?: string;
  account: string[];
  region: string[];
  principal: string[];
  action: string[];
  top: string;
  title?: string;
  templates?: string;
  concurrency?: string;
  maxExpansion?: string;
  strictJson?: boolean;
  quiet?: boolean;
  allowEmpty?: boolean;
}

function toFilter(flags: ReportFlags, now: number): RecordFilter {
  const window = calendarWindow(flags, now);
  const since = window !== null ? window.since : flags.since === undefined ? null : parseInstant(flags.since, '--since', now);
  const until = window !== null ? window.until : flags.until === undefined ? null : parseUntil(flags.until);
  return { since, until, accounts: flags.account, regions: flags.region, principals: flags.principal, actions: flags.action };
}

/** Runs a report; returns the exit code. Everything the user asked for is on stdout, the rest on stderr. */
export async function runReport(paths: string[], flags: ReportFlags, workers?: ScanWorker[]): Promise<number> {
  const formats = parseFormats(flags.format, FORMAT_NAMES);
  const top = parsePositiveInt(flags.top, '--top');
  const concurrency = flags.concurrency === undefined ? undefined : parsePositiveInt(flags.concurrency, '--concurrency');
  const maxExpansion = flags.maxExpansion === undefined ? undefined : parsePositiveInt(flags.maxExpansion, '--max-expansion');
  const now = Date.now();
  const filter = toFilter(flags, now);
  const plan = planReport(flags, calendarWindow(flags, now), filter.until, now);
  const needsTemplates = formats.includes('html') || formats.includes('md');
  const templates = needsTemplates ? await loadTemplates(flags.templates) : { html: '', md: '', partials: {} };

  const out = new OutputFiles(plan.out);
  const rowFiles: { file: RowFile; row: (typeof FORMATS)['csv']['writer']['row'] }[] = [];
  let summary: Summary;
  let found: Discovery | null = null;
  try {
    for (const name of formats) {
      const f = FORMATS[name];
      if (f.kind === 'denials') rowFiles.push({ file: out.open(f.file, f.writer.header), row: f.writer.row });
    }
    const progress = flags.quiet || !process.stderr.isTTY ? undefined : progressLine(process.stderr, Date.now());
    summary = await analyze({
      paths,
      filter,
      title: flags.title ?? DEFAULT_TITLE,
      concurrency,
      workers,
      limits: { ...(maxExpansion === undefined ? {} : { maxExpansion }), strictJson: flags.strictJson === true },
      onDenial: (d) => rowFiles.forEach((r) => r.file.add(r.row(d))),
      onProgress: progress,
      label: plan.window?.label ?? null,
      suppression: plan.suppression,
      redactor: plan.redactor,
      outDir: plan.out,
      onDiscovery: (d) => (found = d),
    });
    progress?.done();
    // a run that read no log file says why and stops, rather than report that nothing was refused
    if (noLogRead(summary) && !flags.allowEmpty) throw new UserError(noLogReadError(whyNoLogRead(summary, found!, filter, flags)));
    summary = await withIntegrity(summary, paths, filter, flags, { concurrency, redact: plan.redactor?.text });
    if (plan.baseline !== null) {
      summary = { ...summary, changes: compareGroups(summary, alignRedaction(plan.baseline, plan.redactor), plan.threshold) };
    }
    for (const r of rowFiles) r.file.close();
    for (const name of formats) {
      const f = FORMATS[name as FormatName];
      if (f.kind === 'report') out.write(f.file, f.render(summary, { top, templates }));
    }
  } catch (err) {
    out.discard();
    throw err;
  }
  const written = out.commit();
  const t = summary.totals;
  const files = summary.files;
  const c = summary.changes;
  process.stdout.write(
    consoleLine(summary) +
      (c === null ? '' : `\nsince ${c.baseline.label ?? plan.baseline?.path}: ${c.newGroups.length} new, ${c.goneGroups.length} gone, ${c.rose.length} rose, ${c.fell.length} fell`) +
      `\nwrote ${written.join(', ')}\n`,
  );
  if (noLogRead(summary)) process.stderr.write(`cloudtrail-denials: no log file read: ${whyNoLogRead(summary, found!, filter, flags)}\n`);
  else if (!flags.quiet) {
    const pruned = prunedLine(summary, found!, filter, flags);
    if (pruned !== null) process.stderr.write(`cloudtrail-denials: ${pruned}\n`);
  }
  const gates = evaluateGates(summary, plan.gates);
  if (!flags.quiet) for (const note of gates.notes) process.stderr.write(`cloudtrail-denials: ${note}\n`);
  if (plan.oneOffKey && !flags.quiet) process.stderr.write('cloudtrail-denials: redacted with a one-off key: pass --redact-key <file> to keep pseudonyms stable across runs\n');
  for (const line of gates.tripped) process.stderr.write(`cloudtrail-denials: ${line}\n`);
  const integrityExit = integrityVerdict(summary); // 4 wins over 3 and 2
  if (integrityExit !== null) return integrityExit;
  if (gates.tripped.length > 0) return EXIT.gate;
  // a record reusing another's eventID is suspect input, as damage is: listed, and exit 2
  const conflicts = summary.issues.some((i) => i.kind === 'conflicting-event-id');
  return files.damaged > 0 || t.damagedRecords > 0 || conflicts ? EXIT.damaged : EXIT.ok;
}
