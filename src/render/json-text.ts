// JSON text as every JSON output writes it (summary.json, denials.jsonl, explain --json, verify
// --json): JSON.stringify leaves DEL, C1 controls, bidi controls and U+2028/2029 raw. They are valid
// JSON, but they act on a terminal that shows the file, and tools that split text into lines (Python's
// splitlines, some editors and log shippers) break a JSON Lines record on U+2028/2029; so they are
// written as \u escapes (control-chars.ts).
import { escapeJsonText } from './control-chars.js';

export { escapeJsonText };

/** JSON.stringify(value, null, indent) with every active character escaped. */
export function jsonText(value: unknown, indent?: number): string {
  return escapeJsonText(JSON.stringify(value, null, indent));
}
