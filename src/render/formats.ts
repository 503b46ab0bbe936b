// The one registry of output formats: `--format`'s choices (FORMAT_NAMES), the file each writes
// (OUTPUT_FILE_NAMES: also what discover never reads back as logs), and how to load its renderer.
// Light on purpose, as dependency-cruiser's map of reporters is: a renderer loads only when its format
// is asked for, so `--format json` never loads the view-model, the templates or handlebars.
//
//   const render = await FORMATS.md.load();            // (summary, options) => string
//   out.write(FORMATS.md.file, render(summary, { top: 20, templates }));
import type { DenialWriter, ReportRenderer } from './options.js';

/** A format written once from the Summary. */
export interface ReportFormat {
  kind: 'report';
  file: string;
  load: () => Promise<ReportRenderer>;
}

/** A format written row by row as denials stream by. */
export interface DenialsFormat {
  kind: 'denials';
  file: string;
  load: () => Promise<DenialWriter>;
}

export const FORMATS = {
  html: { kind: 'report', file: 'report.html', load: async () => (await import('./default-renderers.js')).renderHtml },
  md: { kind: 'report', file: 'report.md', load: async () => (await import('./default-renderers.js')).renderMarkdown },
  json: { kind: 'report', file: 'summary.json', load: async () => (await import('./summary-json.js')).renderJson },
  csv: { kind: 'denials', file: 'denials.csv', load: async () => (await import('./csv-writer.js')).csvWriter },
  jsonl: { kind: 'denials', file: 'denials.jsonl', load: async () => (await import('./jsonl-writer.js')).jsonlWriter },
  findings: { kind: 'report', file: 'findings.jsonl', load: async () => (await import('./findings-jsonl.js')).renderFindingsJsonl },
} as const satisfies Record<string, ReportFormat | DenialsFormat>;

export type FormatName = keyof typeof FORMATS;

/** Every format, in the registry's order (the default of --format). */
export const FORMAT_NAMES = Object.keys(FORMATS) as FormatName[];

/** The files a report run writes. */
export const OUTPUT_FILE_NAMES: readonly string[] = Object.values(FORMATS).map((f) => f.file);
