// The library API: the same pipeline the command line runs, callable from code.
//
//   import { analyze, NO_FILTER, loadTemplates, renderMarkdown } from 'cloudtrail-denials';
//   const summary = await analyze({ paths: ['AWSLogs/'], filter: NO_FILTER });
//   const md = renderMarkdown(summary, { top: 20, templates: await loadTemplates() });
//   explain('User: arn:aws:iam::1:user/x is not authorized to perform: s3:GetObject …').policyType;
export { analyze, DEFAULT_TITLE, type AnalyzeOptions, type Progress } from './analyze.js';
export { verifyIntegrity, type IntegrityOptions } from './integrity/index.js';
export { classify, classifyRecord, explain, explainRecord, denialOf, guidanceFor, ERROR_CODES, errorCategory } from './classify/index.js';
export type { ErrorCodeRow, GuidanceEntry } from './classify/index.js';
export { NO_FILTER, Folder, mergeStates, newState, toSummary, type AggregateState, type RecordFilter } from './aggregate/index.js';
export { discover, parseTrailKey, type Discovery } from './discover/index.js';
export { scanSource, DEFAULT_LIMITS, type ReadLimits } from './read/index.js';
export { loadTemplates, type TemplateSources } from './read/templates.js';
export {
  FORMATS,
  FORMAT_NAMES,
  renderHtml,
  renderMarkdown,
  renderJson,
  sanitizeTerminal,
  type FormatName,
  type RenderOptions,
  type TemplateSet,
} from './render/index.js';
export { generateSampleArchive } from './samples/index.js';
export { findFindings, DEFAULT_FINDINGS, RULES, SENSITIVE_ACTIONS, type FindingsConfig, type FindingsInput } from './findings/index.js';
export { withFindings, type FindingsOptions } from './findings-run.js';
export { denialQuery, resultColumns, tableDdl, tableLayout, type DdlOptions, type QueryOptions } from './sql/index.js';
export { UserError } from './errors.js';
export { VERSION } from './version.js';
export type * from './types.js';
