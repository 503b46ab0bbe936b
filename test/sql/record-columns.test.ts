// The query selects every field classify reads: classify runs over many records through a watcher
// that notes each property it touches, and each one must be a row of sql/record-columns.ts (a field
// classify starts reading fails here until it is added there).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyRecord } from '../../src/classify/index.js';
import { generateRecords, createPrng } from '../../src/samples/index.js';
import { RECORD_COLUMNS } from '../../src/sql/index.js';
import type { RawRecord } from '../../src/types.js';
import { ROOT } from '../helpers/run-cli.js';

/** A view of `value` that adds each property path read (get, hasOwnProperty) to `seen`. */
function watched(value: unknown, path: string[], seen: Set<string>): unknown {
  if (typeof value !== 'object' || value === null) return value;
  return new Proxy(value, {
    get(target, key, receiver) {
      if (typeof key !== 'string') return Reflect.get(target, key, receiver) as unknown;
      seen.add(JSON.stringify([...path, key]));
      return watched(Reflect.get(target, key, receiver), [...path, key], seen);
    },
    getOwnPropertyDescriptor(target, key) {
      if (typeof key === 'string') seen.add(JSON.stringify([...path, key]));
      return Reflect.getOwnPropertyDescriptor(target, key);
    },
  });
}

/** A path is carried when a column holds it, or it leads to one, or it is inside a JSON column the aggregated query reads. */
function carried(path: string[]): boolean {
  return RECORD_COLUMNS.some((c) => {
    const prefix = (a: readonly string[], b: readonly string[]) => a.length <= b.length && a.every((k, i) => k === b[i]);
    if (c.kind !== 'json') return prefix(path, c.path);
    if (prefix(path, c.path)) return true;
    if (!prefix(c.path, path)) return false;
    const inner = path.slice(c.path.length);
    return (c.reads ?? []).some((r) => prefix(inner, r));
  });
}

function corpus(): unknown[] {
  const dir = join(ROOT, 'test/fixtures/classify/records');
  const fixtures = readdirSync(dir)
    .filter((n) => n.endsWith('.json') && !n.endsWith('.expected.json'))
    .map((n) => JSON.parse(readFileSync(join(dir, n), 'utf8')) as unknown);
  const start = Date.parse('2026-11-20T00:00:00Z');
  const generated = generateRecords(createPrng(7), {
    account: '111122223333',
    region: 'us-east-1',
    startMs: start,
    endMs: start + 86_400_000,
    count: 2000,
    errorShare: 1,
  });
  return [...fixtures, ...generated];
}

describe('the fields classify reads', () => {
  it('are all carried by the query', () => {
    const seen = new Set<string>();
    for (const record of corpus()) classifyRecord(watched(record, [], seen) as RawRecord);
    const paths = [...seen].map((s) => JSON.parse(s) as string[]);
    expect(paths.length).toBeGreaterThan(15);
    expect(paths.filter((p) => !carried(p))).toEqual([]);
  });

  it('has one column per field, each name once', () => {
    const names = RECORD_COLUMNS.map((c) => c.column);
    expect(new Set(names).size).toBe(names.length);
    for (const c of RECORD_COLUMNS) expect(c.column).toMatch(/^[a-z_]+$/);
  });
});
