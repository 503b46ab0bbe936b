// Pure: the catalog → SQL text for Athena (Trino) and DuckDB: the table DDL and the denial-candidates
// query whose results `report` reads (read/query-results.ts).
//
//   const text = denialQuery({ dialect: 'athena', table: 'cloudtrail_logs', aggregate: false, partitions: ['timestamp'], filter, version });
export { ATHENA_COLUMNS, ATHENA_STORAGE, PARTITION_COLUMNS, type AthenaColumn, type PartitionColumn } from './athena-table.js';
export { denialCodes } from './denial-codes.js';
export { AGGREGATE_COLUMNS, SAMPLE_EVENTS, denialQuery, resultColumns, type QueryOptions } from './denial-query.js';
export { DIALECT, DIALECTS, type Dialect, type DialectName } from './dialect.js';
export { tableDdl, tableLayout, type DdlOptions, type TableLayout } from './ddl.js';
export type { QueryFilter } from './query-filters.js';
export { RECORD_COLUMNS, jsonReadColumn, type RecordColumn } from './record-columns.js';
export { isTableName } from './sql-text.js';
