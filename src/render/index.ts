/*
 * Renderers: pure functions from a Summary (or a Denial) to the text of one output file, and the
 * registry of formats that lists them (formats.ts).
 *
 *   import { FORMATS, renderMarkdown } from './render/index.js';
 *   const md = renderMarkdown(summary, { top: 20, templates });   // templates: TemplateSet
 *   const csv = await FORMATS.csv.load();  csv.header + denials.map(csv.row).join('');
 */
export type { DenialWriter, Guide, GuideKey, RenderOptions, ReportRenderer, TemplateSet } from './options.js';
export type { ReportView } from './view-model.js';
export { FORMATS, FORMAT_NAMES, OUTPUT_FILE_NAMES, type DenialsFormat, type FormatName, type ReportFormat } from './formats.js';
export { PARTIAL_NAMES } from './partial-names.js';
export { CSV_COLUMNS, csvCell } from './csv-writer.js';
export { escapeMarkdown } from './markdown-escape.js';
export { sanitizeTerminal } from './sanitize-terminal.js';
export { buildViewModel } from './build-view-model.js';
export { makeReportRenderers } from './report-renderers.js';
export { renderHtml, renderMarkdown, renderJson } from './default-renderers.js';
