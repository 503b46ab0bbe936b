// The denial-candidates query: the engine filters the logs down to the records that may be denials
// and returns the fields classify reads, flattened into named columns; `report results.csv` does the
// rest with the one classifier. The aggregated variant groups identical candidates.
//
//   denialQuery({ dialect: 'athena', table: 'cloudtrail_logs', aggregate: false, partitions: ['timestamp'],
//                 filter: { since, until, accounts: [], regions: [] }, version: '0.1.0' })
import type { ErrorCodeRow } from '../classify/error-codes.js';
import type { PartitionColumn } from './athena-table.js';
import { DIALECT, type Dialect, type DialectName } from './dialect.js';
import { whereClause, type QueryFilter } from './query-filters.js';
import { RECORD_COLUMNS, jsonReadColumn, type RecordColumn } from './record-columns.js';

export interface QueryOptions {
  dialect: DialectName;
  table: string; // checked by the caller (sql-text.ts isTableName)
  aggregate: boolean;
  partitions: readonly PartitionColumn[];
  filter: QueryFilter;
  version: string;
  /** The catalog the codes come from; the classifier's by default (tests pass a larger one). */
  catalog?: readonly ErrorCodeRow[];
  /** Lines of the heading comment after the first (the report command that goes with it). */
  notes?: string[];
}

/** Columns of the aggregated query before the grouped fields. */
export const AGGREGATE_COLUMNS = ['first_eventtime', 'last_eventtime', 'denials', 'duplicates', 'sample_events'] as const;

/** Sample event IDs each aggregated row keeps: as many as a group of the reports (aggregate/group.ts). */
export const SAMPLE_EVENTS = 3;

interface Selected {
  column: string;
  sql: string;
}

/** What the plain query selects: every field, JSON columns whole. */
function plainColumns(): Selected[] {
  return RECORD_COLUMNS.map((c) => ({ column: c.column, sql: c.sql }));
}

/** What the aggregated query groups on: every field but the per-event ones, JSON columns by the paths read. */
function groupedColumns(dialect: Dialect): Selected[] {
  return RECORD_COLUMNS.filter((c) => c.perEvent !== true).flatMap((c: RecordColumn) =>
    c.kind === 'json'
      ? (c.reads ?? []).map((path) => ({ column: jsonReadColumn(c.column, path), sql: dialect.jsonValue(c.sql, `$.${path.join('.')}`) }))
      : [{ column: c.column, sql: c.aggregateSql ?? c.sql }],
  );
}

/** The header line of the results: the column names, in order. */
export function resultColumns(aggregate: boolean): string[] {
  return aggregate ? [...AGGREGATE_COLUMNS, ...groupedColumns(DIALECT.athena).map((c) => c.column)] : plainColumns().map((c) => c.column);
}

const quoted = (name: string) => `"${name}"`;
const ordinals = (n: number) => Array.from({ length: n }, (_, i) => i + 1).join(', ');

function heading(o: QueryOptions, dialect: Dialect): string {
  const kind = o.aggregate ? 'denial candidates, aggregated' : 'denial candidates';
  return [`-- cloudtrail-denials ${o.version}: ${kind}, for ${dialect.engine}`, ...(o.notes ?? []).map((n) => `-- ${n}`)].join('\n');
}

function plainQuery(o: QueryOptions, dialect: Dialect, where: string[]): string {
  const cols = plainColumns();
  return [
    heading(o, dialect),
    'SELECT',
    cols.map((c) => `  ${c.sql} AS ${quoted(c.column)}`).join(',\n'),
    `FROM ${o.table}`,
    `WHERE ${where.join('\n  AND ')}`,
    // Every column, so that the order (and which of two deliveries of an event comes first) is fixed.
    `ORDER BY ${ordinals(cols.length)}`,
  ].join('\n');
}

/**
 * Candidates numbered per event ID (delivery 1 is the one counted, later ones are duplicates, as
 * report counts them; a record without an ID is never a duplicate), then grouped on every field and
 * the day (so the timeline is exact) with the count, first and last time and the earliest samples.
 */
function aggregateQuery(o: QueryOptions, dialect: Dialect, where: string[]): string {
  const grouped = groupedColumns(dialect);
  const names = grouped.map((c) => quoted(c.column));
  const time = "COALESCE(eventtime, '')";
  const first = 'delivery = 1';
  const samples = `min_by(ARRAY[${time}, eventid], ROW(${time}, eventid), ${SAMPLE_EVENTS}) FILTER (WHERE ${first} AND eventid <> '')`;
  return [
    heading(o, dialect),
    'WITH candidates AS (',
    '  SELECT',
    grouped.map((c) => `    ${c.sql} AS ${quoted(c.column)}`).join(',\n') + ',',
    '    eventtime, eventid,',
    `    CASE WHEN COALESCE(eventid, '') = '' THEN 1`,
    `         ELSE row_number() OVER (PARTITION BY eventid ORDER BY ${time}, ${grouped.map((c) => c.sql).join(', ')}) END AS delivery`,
    `  FROM ${o.table}`,
    `  WHERE ${where.join('\n    AND ')}`,
    ')',
    'SELECT',
    `  min(CASE WHEN ${first} THEN ${time} END) AS first_eventtime,`,
    `  max(CASE WHEN ${first} THEN ${time} END) AS last_eventtime,`,
    `  sum(CASE WHEN ${first} THEN 1 ELSE 0 END) AS denials,`,
    `  sum(CASE WHEN ${first} THEN 0 ELSE 1 END) AS duplicates,`,
    `  ${dialect.jsonArrayText(samples)} AS sample_events,`,
    names.map((n) => `  ${n}`).join(',\n'),
    'FROM candidates',
    `GROUP BY ${names.join(', ')}, substr(${time}, 1, 10)`,
    `ORDER BY ${ordinals(AGGREGATE_COLUMNS.length + names.length)}`,
  ].join('\n');
}

export function denialQuery(o: QueryOptions): string {
  const dialect = DIALECT[o.dialect];
  const where = whereClause(dialect, o.filter, o.partitions, o.catalog);
  return `${o.aggregate ? aggregateQuery(o, dialect, where) : plainQuery(o, dialect, where)}\n`;
}
