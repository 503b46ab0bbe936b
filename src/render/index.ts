/*
 * Renderers: pure functions from a Summary (or a Denial) to the text of one output file.
 *
 *   import { FORMATS } from './render/index.js';
 *   const html = FORMATS.html.render(summary, { top: 20, templates });   // templates: TemplateSet
 *   const csv = FORMATS.csv.writer.header + denials.map(FORMATS.csv.writer.row).join('');
 */
import { defaultGuide } from './default-guide.js';
import { makeFormats } from './formats.js';
import { FORMAT_NAMES as NAMES } from './format-names.js';
import { makeReportRenderers } from './report-renderers.js';

export type { DenialWriter, Guide, GuideKey, RenderOptions, ReportRenderer, TemplateSet } from './options.js';
export type { ReportView } from './view-model.js';
export type { DenialsFormat, ReportFormat } from './formats.js';
export { PARTIALS_DIR, TEMPLATE_FILES } from './formats.js';
export { PARTIAL_NAMES } from './partial-names.js';
export { CSV_COLUMNS, csvCell } from './csv-writer.js';
export { escapeMarkdown } from './markdown-escape.js';
export { sanitizeTerminal } from './sanitize-terminal.js';
export { buildViewModel } from './build-view-model.js';
export { makeReportRenderers } from './report-renderers.js';

const renderers = makeReportRenderers(defaultGuide);
export const renderHtml = renderers.renderHtml;
export const renderMarkdown = renderers.renderMarkdown;
export const renderJson = renderers.renderJson;

export const FORMATS = makeFormats(renderers);
export type FormatName = keyof typeof FORMATS;
// the light list the command line loads, and the registry, name the same formats
export const FORMAT_NAMES: FormatName[] = [...(NAMES satisfies readonly FormatName[])];
const _everyFormatNamed: Record<FormatName, (typeof NAMES)[number]> = { html: 'html', md: 'md', json: 'json', csv: 'csv', jsonl: 'jsonl', findings: 'findings' };
