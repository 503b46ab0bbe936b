// findings.jsonl: one Finding per line, in the report's order (severity, then first seen, then id),
// every field, keys in declared order (summary-json-findings.ts): for tools (a SIEM import, jq, a
// ticket per line). Empty when nothing was found; a summary from before findings gives an empty file too.
import type { Summary } from '../types.js';
import { jsonText } from './json-text.js';
import { FINDING } from './summary-json-findings.js';

export function renderFindingsJsonl(summary: Summary): string {
  return (summary.findings ?? []).map((f) => jsonText(FINDING(f)) + '\n').join('');
}
