// The two paths to a report, for the equivalence tests: `report <logs>`, and `sql` → DuckDB (standing
// in for Athena) → results CSV → `report results.csv`; and what may differ between them.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Summary } from '../../src/types.js';
import { parseCsv } from './csv.js';
import { duckWithLogs } from './duckdb-results.js';
import { runCli } from './run-cli.js';

export interface ReportRun {
  dir: string;
  code: number;
  summary: Summary;
  csv: string[][]; // header, then the rows sorted (the query orders by time; a folder of logs by path)
  jsonl: string[]; // sorted
}

export function report(paths: string[], args: string[]): ReportRun {
  const dir = mkdtempSync(join(tmpdir(), 'ctd-i19-report-'));
  const r = runCli(['report', ...paths, '--out', dir, '--quiet', '--format', 'json,csv,jsonl', ...args]);
  expect(r.stderr).toBe('');
  const read = (name: string) => readFileSync(join(dir, name), 'utf8');
  return {
    dir,
    code: r.code,
    summary: JSON.parse(read('summary.json')) as Summary,
    csv: sortedCsv(read('denials.csv')),
    jsonl: read('denials.jsonl')
      .split('\n')
      .filter((l) => l !== '')
      .map(withoutSource)
      .sort(),
  };
}

/** The query text the CLI prints (stdout), exactly as a user would copy it. */
export function sqlText(args: string[]): string {
  const r = runCli(['sql', ...args]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.stdout;
}

/** Runs `query` in DuckDB over `files` and writes the results to `name` in a new folder. */
export async function queryResults(files: string, query: string, name = 'results.csv'): Promise<{ path: string; rows: number }> {
  const duck = await duckWithLogs(files);
  try {
    const path = join(mkdtempSync(join(tmpdir(), 'ctd-i19-results-')), name);
    return { path, rows: await duck.toCsv(query, path) };
  } finally {
    duck.close();
  }
}

/**
 * What only the input accounting may change (the README says why): the records the engine scanned
 * and did not return (no error, other errors, outside the query's window), the files it read and the
 * damaged ones (and what they held) are not known from its results; the query's own duplicates among
 * candidates are.
 */
export function findings(
  s: Summary,
  options: { outside?: boolean } = {},
): Omit<Summary, 'files' | 'totals' | 'issues' | 'otherErrorCodes' | 'queryResults'> & { denials: number; suppressed: number } {
  const { files: _f, totals, issues: _i, otherErrorCodes: _o, queryResults: _q, ...rest } = s;
  // The archive's accounts come from what was read: a folder of logs in the S3 layout names every
  // account's files, pruned ones too; query results hold only the accounts the query returned. With
  // `outside: false` the findings that depend on them (outside-principal) are left out.
  const keep = options.outside ?? true;
  const report = rest.findingsReport && {
    ...rest.findingsReport,
    archiveAccounts: [],
    rules: rest.findingsReport.rules.map((r) => (keep || r.id !== 'outside-principal' ? r : { ...r, findings: 0 })),
  };
  const list = rest.findings?.filter((f) => keep || f.rule !== 'outside-principal');
  return {
    ...rest,
    ...(report ? { findingsReport: report } : {}),
    ...(list ? { findings: list } : {}),
    denials: totals.denials,
    suppressed: totals.suppressed,
  };
}

/**
 * The file a denial was read from differs by nature (a log file, or results.csv): the CSV column and
 * the JSON Lines field `sourceFile` are left out of the comparison.
 */
function withoutSource(line: string): string {
  const { sourceFile: _s, ...rest } = JSON.parse(line) as Record<string, unknown>;
  return JSON.stringify(rest);
}

function sortedCsv(text: string): string[][] {
  const [full, ...all] = parseCsv(text);
  const at = full.indexOf('sourceFile');
  const drop = (r: string[]) => (at < 0 ? r : [...r.slice(0, at), ...r.slice(at + 1)]);
  const header = drop(full);
  const rows = all.map(drop);
  const key = (r: string[]) => JSON.stringify(r);
  return [header, ...rows.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))];
}

export function accountingHolds(s: Summary): void {
  const t = s.totals;
  expect(t.records).toBe(t.denials + t.suppressed + t.otherErrors + t.noError + t.excludedByFilter + t.duplicates);
}
