// Runs SQL files in DuckDB and writes the last one's results as CSV, as `duckdb` or Athena would:
// how the README's examples of the SQL path were run here (DuckDB standing in for Athena).
// Needs the dev dependency @duckdb/node-api.
// usage: node test/tools/duckdb-query.mjs <results.csv> <table.sql> [more.sql…] <query.sql>
import { readFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';

const [out, ...files] = process.argv.slice(2);
if (out === undefined || files.length < 1) {
  console.error('usage: node test/tools/duckdb-query.mjs <results.csv> <table.sql> [more.sql…] <query.sql>');
  process.exit(1);
}
const db = await DuckDBInstance.create(':memory:');
const con = await db.connect();
for (const f of files.slice(0, -1)) await con.run(readFileSync(f, 'utf8'));
const query = readFileSync(files.at(-1), 'utf8')
  .replace(/^--.*\n/gm, '')
  .replace(/;\s*$/, '');
const started = performance.now();
const result = await con.runAndReadAll(`COPY (${query}) TO '${out.replaceAll("'", "''")}' (FORMAT csv, HEADER true)`);
console.log(`${Number(result.getRows()[0][0])} rows written to ${out} in ${((performance.now() - started) / 1000).toFixed(2)} s`);
