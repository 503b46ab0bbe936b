// One row of query results → the record classify reads: the inverse of the flattening the query does
// (record-columns.ts, the same table), JSON-text columns parsed back into objects. A cell is a CSV
// cell: text, or null for SQL's NULL (sql/csv-rows.ts).
import type { RawRecord } from '../types.js';
import { RECORD_COLUMNS, jsonReadColumn } from './record-columns.js';

type Cell = string | null;

/** Sets `value` at `path` in `record`, making the objects on the way (never through a prototype). */
function setAt(record: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let o = record;
  for (const key of path.slice(0, -1)) {
    const next = Object.hasOwn(o, key) ? o[key] : undefined;
    if (typeof next === 'object' && next !== null && !Array.isArray(next)) o = next as Record<string, unknown>;
    else {
      const made: Record<string, unknown> = {};
      Object.defineProperty(o, key, { value: made, enumerable: true, writable: true, configurable: true });
      o = made;
    }
  }
  Object.defineProperty(o, path[path.length - 1], { value, enumerable: true, writable: true, configurable: true });
}

/** JSON text as the log held it; text that is not JSON stays text (a string value in the log). */
function fromJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** A plain row: `cells` by the column names in `index`. */
export function plainRecord(cells: Cell[], index: ReadonlyMap<string, number>): RawRecord {
  const record: Record<string, unknown> = {};
  for (const c of RECORD_COLUMNS) {
    const v = cells[index.get(c.column) ?? -1] ?? null;
    if (v === null) continue;
    if (c.kind === 'presence') {
      if (v === 'present' && !Object.hasOwn(record, c.path[0])) setAt(record, c.path, {});
    } else setAt(record, c.path, c.kind === 'json' ? fromJson(v) : v);
  }
  return record;
}

/** An aggregated row's fields (every per-event field left out: the caller sets eventTime and eventID). */
export function aggregatedRecord(cells: Cell[], index: ReadonlyMap<string, number>): RawRecord {
  const record: Record<string, unknown> = {};
  for (const c of RECORD_COLUMNS) {
    if (c.perEvent === true) continue;
    if (c.kind === 'json') {
      for (const path of c.reads ?? []) {
        const v = cells[index.get(jsonReadColumn(c.column, path)) ?? -1] ?? null;
        if (v !== null) setAt(record, [...c.path, ...path], fromJson(v));
      }
      continue;
    }
    const v = cells[index.get(c.column) ?? -1] ?? null;
    if (v === null) continue;
    if (c.kind === 'presence') {
      if (v === 'present' && !Object.hasOwn(record, c.path[0])) setAt(record, c.path, {});
    } else setAt(record, c.path, v);
  }
  return record;
}
