// A DuckDB view over CloudTrail log files with the Athena table's column names and types (structs
// included) and its partition columns (`account`, `region`, `timestamp` from the S3 key), so that
// the very query text `sql` prints for Athena also runs on a laptop, in the tests and in the bench:
//
//   duckdbTable({ table: 'cloudtrail_logs', files: "AWSLogs/**/*_CloudTrail_*.json.gz" })
//
// read_json reads the logs by CloudTrail's own key names (cloudtrail-keys.ts), then each column is
// cast to the Athena type, whose lower-case field names a struct cast matches by name. A value of
// another JSON type than the column's (a number or an object where a string goes) becomes its JSON
// text, as in Athena's STRING columns.
import { ATHENA_COLUMNS } from './athena-table.js';
import { cloudTrailKey } from './cloudtrail-keys.js';
import { sqlString } from './sql-text.js';

type HiveType = { kind: 'string' } | { kind: 'map' } | { kind: 'array'; of: HiveType } | { kind: 'struct'; fields: [string, HiveType][] };

/** Hive's STRING, ARRAY<T>, MAP<STRING,STRING>, STRUCT<a:T, …> (what athena-table.ts uses). */
export function parseHiveType(text: string): HiveType {
  let at = 0;
  const skip = () => {
    while (at < text.length && /\s/.test(text[at])) at++;
  };
  const word = () => {
    skip();
    const m = /^[A-Za-z0-9_]+/.exec(text.slice(at));
    if (m === null) throw new Error(`type expected at ${at} in ${text}`);
    at += m[0].length;
    return m[0];
  };
  const expect = (c: string) => {
    skip();
    if (text[at] !== c) throw new Error(`'${c}' expected at ${at} in ${text}`);
    at++;
  };
  const type = (): HiveType => {
    const name = word().toUpperCase();
    if (name === 'STRING') return { kind: 'string' };
    if (name === 'MAP') {
      expect('<');
      word();
      expect(',');
      word();
      expect('>');
      return { kind: 'map' };
    }
    if (name === 'ARRAY') {
      expect('<');
      const of = type();
      expect('>');
      return { kind: 'array', of };
    }
    if (name !== 'STRUCT') throw new Error(`unknown type ${name}`);
    expect('<');
    const fields: [string, HiveType][] = [];
    for (;;) {
      const field = word();
      expect(':');
      fields.push([field, type()]);
      skip();
      if (text[at] === '>') break;
      expect(',');
    }
    expect('>');
    return { kind: 'struct', fields };
  };
  const t = type();
  skip();
  if (at !== text.length) throw new Error(`unexpected text at ${at} in ${text}`);
  return t;
}

/** The DuckDB type; `keys` spells field names as CloudTrail writes them (for read_json) or as Athena does. */
function duckType(t: HiveType, keys: 'cloudtrail' | 'athena', inResources = false): string {
  switch (t.kind) {
    case 'string':
      return 'VARCHAR';
    case 'map':
      return 'MAP(VARCHAR, VARCHAR)';
    case 'array':
      return `${duckType(t.of, keys, inResources)}[]`;
    case 'struct':
      return `STRUCT(${t.fields.map(([n, f]) => `"${keys === 'athena' ? n : cloudTrailKey(n, inResources)}" ${duckType(f, keys, inResources)}`).join(', ')})`;
  }
}

export interface DuckdbTableOptions {
  table: string;
  /** A glob or path of log files (gzipped or not); DuckDB expands it. */
  files: string;
}

// AWSLogs/[o-…/]<account>/CloudTrail/<region>/YYYY/MM/DD/ (discover/trail-key.ts reads the same).
const KEY = "'/AWSLogs/(?:o-[a-z0-9]+/)?([0-9]{12})/CloudTrail/([^/]+)/([0-9]{4}/[0-9]{2}/[0-9]{2})/'";

export function duckdbTable(o: DuckdbTableOptions): string {
  const types = ATHENA_COLUMNS.map((c) => ({ name: c.name, type: parseHiveType(c.type) }));
  const record = `STRUCT(${types.map((c) => `"${cloudTrailKey(c.name, false)}" ${duckType(c.type, 'cloudtrail', c.name === 'resources')}`).join(', ')})[]`;
  const columns = types.map((c) => `  CAST(r."${cloudTrailKey(c.name, false)}" AS ${duckType(c.type, 'athena')}) AS ${c.name}`);
  return [
    `CREATE OR REPLACE VIEW ${o.table} AS`,
    'SELECT',
    columns.join(',\n') + ',',
    `  regexp_extract(filename, ${KEY}, 1) AS account,`,
    `  regexp_extract(filename, ${KEY}, 2) AS region,`,
    `  regexp_extract(filename, ${KEY}, 3) AS "timestamp"`,
    'FROM (',
    `  SELECT unnest(Records) AS r, filename`,
    // a log file is one JSON object: read_json's 16 MB default is smaller than some trails write
    `  FROM read_json(${sqlString(o.files)}, filename = true, maximum_object_size = 1073741824, columns = {Records: ${sqlString(record)}})`,
    ');',
    '',
  ].join('\n');
}
