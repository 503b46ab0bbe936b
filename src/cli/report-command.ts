import { analyze, DEFAULT_TITLE } from '../analyze.js';
import { compareGroups, type FilterMiss, type RecordFilter } from '../aggregate/index.js';
import { loadTemplates } from '../read/templates.js';
import { FORMAT_NAMES, FORMATS } from '../render/formats.js';
import type { DenialWriter } from '../render/options.js';
import type { Summary } from '../types.js';
import { OutputFiles, type RowFile } from './output-files.js';
import { parseAccounts, parseFormats, parsePositiveInt, parseWindow } from './parse-options.js';
import { progressLine } from './progress.js';
import { onStop } from './interrupt.js';
import { say, warn } from './print.js';
import { EXIT } from './exit-codes.js';
import type { ScanWorker } from '../read/scan-worker-handle.js';
import { integrityRequest, reportIntegrityExit, type ReportIntegrityFlags } from './report-integrity.js';
import { alignRedaction, baselineNames } from './baseline-file.js';
import { calendarWindow } from './calendar-window.js';
import { evaluateGates } from './fail-on.js';
import { planReport, type PlanFlags } from './report-plan.js';
import { findingSuppressionNotes, suppressionNotes } from './suppress-notes.js';
import { UserError } from '../errors.js';
import type { Discovery } from '../discover/index.js';
import { consoleLine, noLogRead, noLogReadError, prunedLine, whyNoLogRead } from './input-accounting.js';
import { causesLine } from './causes-line.js';
import { findingsLine } from './findings-line.js';

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
  concurrency?: number; // parsed by commander (early-workers.ts)
  hashConcurrency?: number;
  maxExpansion?: string;
  strictJson?: boolean;
  quiet?: boolean;
  allowEmpty?: boolean;
  policies?: string[];
  maxSimulations?: string;
}

function toFilter(flags: ReportFlags, now: number): RecordFilter {
  const window = calendarWindow(flags, now);
  const { since, until } = window ?? parseWindow(flags, now);
  return { since, until, accounts: parseAccounts(flags.account), regions: flags.region, principals: flags.principal, actions: flags.action };
}

/** A glob that matched nothing leaves a report that says nobody was refused: worth a line even under --quiet. */
function filterMissLines(misses: FilterMiss[], denials: number): string[] {
  const read = `${denials} ${denials === 1 ? 'denial' : 'denials'} read`;
  const how = ' (a principal is matched by its ARN, its name, its session name or session ARN)';
  return misses.map((m) => `${m.option} ${JSON.stringify(m.glob)} matched none of the ${read}${m.option === '--principal' ? how : ''}`);
}

/** Runs a report; returns the exit code. Everything the user asked for is on stdout, the rest on stderr. */
export async function runReport(paths: string[], flags: ReportFlags, workers?: ScanWorker[]): Promise<number> {
  const formats = parseFormats(flags.format, FORMAT_NAMES);
  const top = parsePositiveInt(flags.top, '--top');
  const concurrency = flags.concurrency;
  const maxExpansion = flags.maxExpansion === undefined ? undefined : parsePositiveInt(flags.maxExpansion, '--max-expansion');
  const maxSimulations = flags.maxSimulations === undefined ? undefined : parsePositiveInt(flags.maxSimulations, '--max-simulations');
  const now = Date.now();
  const filter = toFilter(flags, now);
  const plan = planReport(flags, calendarWindow(flags, now), filter.until, now);
  const needsTemplates = formats.includes('html') || formats.includes('md');
  const templates = needsTemplates ? await loadTemplates(flags.templates) : { html: '', md: '', partials: {}, files: {} };
  const verify = await integrityRequest(flags, flags.hashConcurrency);

  const out = new OutputFiles(plan.out);
  const rowFiles: { file: RowFile; row: DenialWriter['row'] }[] = [];
  let summary: Summary;
  const missLines: string[] = [];
  let found: Discovery | null = null;
  try {
    for (const name of formats) {
      const f = FORMATS[name];
      if (f.kind !== 'denials') continue;
      const writer = await f.load();
      rowFiles.push({ file: out.open(f.file, writer.header), row: writer.row });
    }
    const progress = flags.quiet || !process.stderr.isTTY ? undefined : progressLine(process.stderr, Date.now());
    // stopped mid-run: the progress line is cleared before the "interrupted" line (interrupt.ts)
    const progressShown = progress ? onStop(() => progress.done()) : () => {};
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
      onFilterMisses: (misses, denials) => missLines.push(...filterMissLines(misses, denials)),
      outDir: plan.out,
      onDiscovery: (d) => (found = d),
      verify,
      policies: flags.policies,
      maxSimulations,
      // a test seam: another package name stands for an install without the optional engine
      policyEngine: process.env.CLOUDTRAIL_DENIALS_POLICY_ENGINE,
      findings: { config: plan.findings, baseline: plan.baseline === null ? null : () => baselineNames(plan.baseline!, plan.redactor) },
    });
    progress?.done();
    progressShown();
    // a run that read no log file says why and stops, rather than report that nothing was refused
    if (noLogRead(summary) && !flags.allowEmpty) throw new UserError(noLogReadError(whyNoLogRead(summary, found!, filter, flags)));
    for (const line of missLines) warn(line);
    if (plan.baseline !== null) {
      summary = { ...summary, changes: compareGroups(summary, alignRedaction(plan.baseline, plan.redactor), plan.threshold) };
    }
    for (const r of rowFiles) r.file.close();
    for (const name of formats) {
      const f = FORMATS[name];
      if (f.kind === 'report') out.write(f.file, (await f.load())(summary, { top, templates }));
    }
  } catch (err) {
    out.discard();
    throw err;
  }
  const written = out.commit();
  const t = summary.totals;
  const files = summary.files;
  const c = summary.changes;
  say(
    consoleLine(summary) +
      (summary.policies === undefined ? '' : `\n${causesLine(summary)}`) +
      findingsLine(summary) +
      (c === null
        ? ''
        : `\nsince ${c.baseline.label ?? plan.baseline?.path}: ${c.newGroups.length} new, ${c.goneGroups.length} gone, ${c.rose.length} rose, ${c.fell.length} fell`) +
      `\nwrote ${written.join(', ')}\n`,
  );
  if (noLogRead(summary)) warn(`no log file read: ${whyNoLogRead(summary, found!, filter, flags)}`);
  else if (!flags.quiet) {
    const pruned = prunedLine(summary, found!, filter, flags);
    if (pruned !== null) warn(pruned);
  }
  const gates = evaluateGates(summary, plan.gates);
  if (!flags.quiet)
    for (const note of [...gates.notes, ...suppressionNotes(summary.suppression), ...findingSuppressionNotes(summary.findingsReport, plan.findings)])
      warn(note);
  if (plan.oneOffKey && !flags.quiet) warn('redacted with a one-off key: pass --redact-key <file> to keep pseudonyms stable across runs');
  // a gate line may name the baseline by its title: text from a file
  for (const line of gates.tripped) warn(line);
  const integrityExit = reportIntegrityExit(summary, flags); // 4 and 5 win over 3 and 2
  if (integrityExit !== null) return integrityExit;
  if (gates.tripped.length > 0) return EXIT.gate;
  // a record reusing another's eventID is suspect input, as damage is: listed, and exit 2
  const conflicts = summary.issues.some((i) => i.kind === 'conflicting-event-id');
  return files.damaged > 0 || t.damagedRecords > 0 || conflicts ? EXIT.damaged : EXIT.ok;
}
