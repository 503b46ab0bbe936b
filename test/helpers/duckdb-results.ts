// DuckDB standing in for Athena in tests: a table with the Athena CloudTrail table's column names and
// types (sql/duckdb-table.ts) over log files, the query text `sql` prints run on it, and its rows
// written as CSV the way `COPY … TO` writes them (DuckDB's own CSV writer, not ours).
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { join } from 'node:path';
import { duckdbTable } from '../../src/sql/duckdb-table.js';

/**
 * Trino's json_format, which DuckDB lacks: the athena text runs unchanged on DuckDB with it. Trino's
 * json_format(json) is the JSON value's text, which a cast of DuckDB's JSON type to VARCHAR is too.
 */
const TRINO_FUNCTIONS = 'CREATE MACRO json_format(j) AS CAST(j AS VARCHAR)';

export interface Duck {
  connection: DuckDBConnection;
  /** Runs `query` and writes its rows to `csv` (gzipped when the name ends in .gz); returns the row count. */
  toCsv(query: string, csv: string): Promise<number>;
  close(): void;
}

/** A DuckDB with the view `table` over `files` (a glob of trail files: {"Records":[…]}, gzipped or not). */
export async function duckWithLogs(files: string, table = 'cloudtrail_logs'): Promise<Duck> {
  const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
  const connection = await instance.connect();
  await connection.run(duckdbTable({ table, files }));
  await connection.run(TRINO_FUNCTIONS);
  return {
    connection,
    async toCsv(query, csv) {
      const body = query.replace(/;\s*$/, '').replace(/^--.*\n/gm, '');
      const compression = csv.endsWith('.gz') ? ", COMPRESSION 'gzip'" : '';
      const result = await connection.runAndReadAll(`COPY (${body}) TO '${csv.replaceAll("'", "''")}' (FORMAT csv, HEADER true${compression})`);
      return Number(result.getRows()[0]?.[0] ?? 0);
    },
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

export const SAMPLE_LOGS = (root: string) => join(root, 'samples/AWSLogs/**/*_CloudTrail_*.json.gz');
