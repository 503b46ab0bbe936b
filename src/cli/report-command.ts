import { analyze, DEFAULT_TITLE } from '../analyze.js';
import type { RecordFilter } from '../aggregate/index.js';
import { loadTemplates } from '../read/templates.js';
import { FORMAT_NAMES, FORMATS, type FormatName } from '../render/index.js';
import type { Summary } from '../types.js';
import { OutputFiles, type RowFile } from './output-files.js';
import { parseFormats, parseInstant, parsePositiveInt, parseUntil } from './parse-options.js';
import { progressLine } from './progress.js';

export interface ReportFlags {
  out: string;
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
  quiet?: boolean;
}

export const EXIT = { ok: 0, fatal: 1, damaged: 2 } as const;

function toFilter(flags: ReportFlags, now: number): RecordFilter {
  const since = flags.since === undefined ? null : parseInstant(flags.since, '--since', now);
  const until = flags.until === undefined ? null : parseUntil(flags.until);
  return { since, until, accounts: flags.account, regions: flags.region, principals: flags.principal, actions: flags.action };
}

/** Runs a report; returns the exit code. Everything the user asked for is on stdout, the rest on stderr. */
export async function runReport(paths: string[], flags: ReportFlags): Promise<number> {
  const formats = parseFormats(flags.format, FORMAT_NAMES);
  const top = parsePositiveInt(flags.top, '--top');
  const concurrency = flags.concurrency === undefined ? undefined : parsePositiveInt(flags.concurrency, '--concurrency');
  const filter = toFilter(flags, Date.now());
  const needsTemplates = formats.includes('html') || formats.includes('md');
  const templates = needsTemplates ? await loadTemplates(flags.templates) : { html: '', md: '', partials: {} };

  const out = new OutputFiles(flags.out);
  const rowFiles: { file: RowFile; row: (typeof FORMATS)['csv']['writer']['row'] }[] = [];
  let summary: Summary;
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
      onDenial: (d) => rowFiles.forEach((r) => r.file.add(r.row(d))),
      onProgress: progress,
    });
    progress?.done();
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
  process.stdout.write(
    `${t.denials} denials in ${t.records} records from ${files.read + files.damaged} files` +
      (files.damaged > 0 ? ` (${files.damaged} damaged)` : '') +
      `\nwrote ${written.join(', ')}\n`,
  );
  return files.damaged > 0 || t.damagedRecords > 0 ? EXIT.damaged : EXIT.ok;
}
