// The one registry of output formats: the CLI derives its --format choices and file names from it.
import { csvWriter } from './csv-writer.js';
import { renderFindingsJsonl } from './findings-jsonl.js';
import { jsonlWriter } from './jsonl-writer.js';
import type { DenialWriter, ReportRenderer } from './options.js';
import type { ReportRenderers } from './report-renderers.js';

export interface ReportFormat {
  kind: 'report';
  file: string;
  render: ReportRenderer;
}

export interface DenialsFormat {
  kind: 'denials';
  file: string;
  writer: DenialWriter;
}

export function makeFormats(r: ReportRenderers) {
  return {
    html: { kind: 'report', file: 'report.html', render: r.renderHtml },
    md: { kind: 'report', file: 'report.md', render: r.renderMarkdown },
    json: { kind: 'report', file: 'summary.json', render: r.renderJson },
    csv: { kind: 'denials', file: 'denials.csv', writer: csvWriter },
    jsonl: { kind: 'denials', file: 'denials.jsonl', writer: jsonlWriter },
    findings: { kind: 'report', file: 'findings.jsonl', render: renderFindingsJsonl },
  } as const satisfies Record<string, ReportFormat | DenialsFormat>;
}

/** Template file names under a templates folder, and the partials the built-in templates use. */
export const TEMPLATE_FILES = { html: 'report.html.hbs', md: 'report.md.hbs' } as const;
export const PARTIALS_DIR = 'partials';
