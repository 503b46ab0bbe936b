// summary.json: the Summary written field by field in the order summary-fields.ts declares, 2-space
// indent, trailing newline. The Summary (not RenderOptions) is the whole input.
import type { Summary } from '../types.js';
import { jsonText } from './json-text.js';
import { SUMMARY } from './summary-fields.js';

export function renderJson(summary: Summary): string {
  return jsonText(SUMMARY(summary), 2) + '\n';
}
