// The two SQL engines the query is written for. Everything else in the query is text both accept
// (struct field access, IN, CASE, COALESCE, LIKE, substr, min_by, window functions, FILTER, string
// comparison on partition columns); these are the differences, each with its reason.

export type DialectName = 'athena' | 'duckdb';
export const DIALECTS: readonly DialectName[] = ['athena', 'duckdb'];

export interface Dialect {
  name: DialectName;
  /** What the engine is, for the query's heading comment. */
  engine: string;
  /**
   * The JSON text of the value at `path` (`$.a.b`) inside a JSON-text column, or NULL: `"Failure"`,
   * `5`, `{"a":1}`. The text of the value, not the value, so that read/query-results.ts parses it and
   * classify sees a string, a number or an object exactly as in the log.
   */
  jsonValue(textExpr: string, path: string): string;
  /** A JSON array text from an array value (the aggregated query's sample events). */
  jsonArrayText(arrayExpr: string): string;
}

export const DIALECT: Record<DialectName, Dialect> = {
  athena: {
    name: 'athena',
    engine: 'Athena engine version 3 (Trino)',
    // Trino's json_extract takes JSON text and yields a JSON value, NULL for text that is not JSON;
    // json_format turns it back into text (a CAST to VARCHAR refuses objects and arrays).
    jsonValue: (text, path) => `json_format(json_extract(${text}, '${path}'))`,
    jsonArrayText: (array) => `json_format(CAST(${array} AS JSON))`,
  },
  duckdb: {
    name: 'duckdb',
    engine: 'DuckDB',
    // DuckDB's json_extract raises an error on text that is not JSON, where Trino's yields NULL:
    // json_valid keeps the two alike. A JSON value casts to its text in DuckDB (json_format is Trino's).
    jsonValue: (text, path) => `CAST(json_extract(CASE WHEN json_valid(${text}) THEN ${text} END, '${path}') AS VARCHAR)`,
    jsonArrayText: (array) => `CAST(CAST(${array} AS JSON) AS VARCHAR)`,
  },
};
