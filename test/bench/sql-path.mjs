// The SQL path on one machine: DuckDB (standing in for Athena) runs the duckdb-dialect query that
// `cloudtrail-denials sql` prints over the corpus, through the view `sql --ddl --dialect duckdb`
// prints, and writes the results CSV that `report results.csv` then reads (timed apart, by bench.mjs).
// usage: node sql-path.mjs <threads> <glob> <results.csv> [--aggregate]    prints {"rows":N}
import { DuckDBInstance } from '@duckdb/node-api';
import { denialQuery } from '../../dist/sql/index.js';
import { duckdbTable } from '../../dist/sql/duckdb-table.js';

const [threads, glob, out, flag] = process.argv.slice(2);
const db = await DuckDBInstance.create(':memory:', { threads: String(threads) });
const con = await db.connect();
await con.run(duckdbTable({ table: 'cloudtrail_logs', files: glob }));
const filter = { since: null, until: null, accounts: [], regions: [] };
const query = denialQuery({
  dialect: 'duckdb',
  table: 'cloudtrail_logs',
  aggregate: flag === '--aggregate',
  partitions: ['timestamp'],
  filter,
  version: 'bench',
});
const body = query.replace(/^--.*\n/gm, '');
const result = await con.runAndReadAll(`COPY (${body}) TO '${out}' (FORMAT csv, HEADER true)`);
console.log(JSON.stringify({ rows: Number(result.getRows()[0][0]) }));
