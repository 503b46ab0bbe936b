// DuckDB answering the same question (records that carry an error), on N threads. Needs
// @duckdb/node-api installed (it is not a dependency): npm install --no-save @duckdb/node-api
// usage: node duckdb.mjs <threads> <glob>    prints {"errors":N}
import { DuckDBInstance } from '@duckdb/node-api';

const [threads, glob] = process.argv.slice(2);
const db = await DuckDBInstance.create(':memory:', { threads: String(threads) });
const con = await db.connect();
// Records as JSON values: CloudTrail records vary too much for schema inference (it fails on the corpus).
const sql = `SELECT count(*)::BIGINT AS n FROM (SELECT unnest(Records) AS r FROM read_json('${glob}', columns={'Records': 'JSON[]'}, maximum_object_size=1073741824)) WHERE json_extract_string(r, '$.errorCode') IS NOT NULL`;
const reader = await con.runAndReadAll(sql);
console.log(JSON.stringify({ errors: Number(reader.getRows()[0][0]) }));
