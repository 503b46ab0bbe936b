// denials.csv: RFC 4180 quoting with LF line ends (not CRLF: the file is meant to diff cleanly in git
// and every spreadsheet and CSV library reads LF; a quoted cell may still hold CR or LF).
// Cells that a spreadsheet would evaluate as a formula are prefixed with an apostrophe (the OWASP
// "CSV injection" advice), since eventName, principal and message text are attacker-controlled.
// Control characters (ESC, BEL, NUL, C1, bidi) are written as a visible \u001b (control-chars.ts);
// tab, LF and CRLF stay (inside quotes, as RFC 4180 allows); denials.jsonl keeps the exact text.
import { showControls } from './control-chars.js';
import { CSV_COLUMNS, CSV_FIELDS } from './denial-fields.js';
import type { DenialWriter } from './options.js';

export { CSV_COLUMNS };

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

const KEPT = ['\t', '\n', '\r\n'];

function quoted(value: string | null): string {
  let text = value ?? '';
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvCell(value: string | null): string {
  return showControls(quoted(value), KEPT);
}

export const csvWriter: DenialWriter = {
  header: CSV_COLUMNS.join(',') + '\n',
  row: (d) => {
    // one pass over the row, not one per cell: the escapes add no quote, comma or line break
    return showControls(CSV_FIELDS.map((c) => quoted(c.cell(d[c.field]))).join(','), KEPT) + '\n';
  },
};
