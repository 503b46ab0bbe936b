// One classifier, whichever engine read the bytes: `report samples/` and `report results.csv` (the
// query `sql` prints, run by DuckDB standing in for Athena over a table with the Athena CloudTrail
// table's names and types) agree on every group, breakdown, denial row and cause; only the input
// accounting differs (test/helpers/query-equivalence.ts says what, the README why).
import { describe, expect, it } from 'vitest';
import { SAMPLE_LOGS } from '../helpers/duckdb-results.js';
import { accountingHolds, findings, queryResults, report, sqlText } from '../helpers/query-equivalence.js';
import { ROOT } from '../helpers/run-cli.js';

const LOGS = SAMPLE_LOGS(ROOT);
const native = report(['samples'], []);

describe.each([
  ['athena', false],
  ['athena', true],
  ['duckdb', false],
  ['duckdb', true],
] as const)('samples/ through the %s query (aggregated: %s)', (dialect, aggregate) => {
  const args = ['--dialect', dialect, '--partitions', 'account,region,timestamp', ...(aggregate ? ['--aggregate'] : [])];

  it('gives the same findings as reading the logs', async () => {
    const { path, rows } = await queryResults(LOGS, sqlText(args), aggregate ? 'results.csv.gz' : 'results.csv');
    const viaSql = report([path], []);
    expect(viaSql.code).toBe(0);
    expect(findings(viaSql.summary)).toEqual(findings(native.summary));
    accountingHolds(viaSql.summary);
    const q = viaSql.summary.queryResults;
    expect(q).toMatchObject({ files: 1, rows, aggregatedRows: aggregate ? rows : 0, scannedRecords: null });
    const t = viaSql.summary.totals;
    // nothing but candidates came back: every row a denial (or a later delivery of one)
    expect(t).toMatchObject({ otherErrors: 0, noError: 0, excludedByFilter: 0, damagedRecords: 0 });
    expect(t.records).toBe(t.denials + t.duplicates);
    if (!aggregate) {
      // the duplicate delivery in samples/ comes back twice, and report drops the second as usual
      expect(rows).toBe(t.denials + t.duplicates);
      expect(viaSql.csv).toEqual(native.csv);
      expect(viaSql.jsonl).toEqual(native.jsonl);
    } else {
      // one line per aggregated row: its earliest denial, a real one
      expect(viaSql.jsonl.length).toBe(rows);
      for (const line of viaSql.jsonl) expect(native.jsonl).toContain(line);
    }
  });
});

describe('a window, accounts and regions: pushed down to the query, applied again by report', () => {
  const filters = ['--since', '2026-11-18T06:30:00Z', '--until', '2026-11-20T12:00:00Z', '--account', '111122223333', '--region', 'us-east-1', 'eu-west-1'];
  const windowed = report(['samples'], filters);

  it.each([false, true])('agrees with the logs (aggregated: %s)', async (aggregate) => {
    const text = sqlText([...filters, '--partitions', 'account,region,timestamp', ...(aggregate ? ['--aggregate'] : [])]);
    expect(text).toContain(`"timestamp" >= '2026/11/17'`);
    expect(text).toContain(`"timestamp" <= '2026/11/21'`);
    const { path } = await queryResults(LOGS, text);
    const viaSql = report([path], filters);
    expect(windowed.summary.totals.denials).toBeGreaterThan(0);
    // the logs' S3 layout shows the dev account's files (pruned by --account): its role is no outsider;
    // the query's results hold only the prod account, so there it is one (README: "Was this an attack?")
    expect(findings(viaSql.summary, { outside: false })).toEqual(findings(windowed.summary, { outside: false }));
    expect(windowed.summary.findings?.filter((f) => f.rule === 'outside-principal').map((f) => f.subject)).toEqual(['210987654321']);
    expect(
      viaSql.summary.findings
        ?.filter((f) => f.rule === 'outside-principal')
        .map((f) => f.subject)
        .sort(),
    ).toEqual(['210987654321', '444455556666']);
    if (!aggregate) expect(viaSql.jsonl).toEqual(windowed.jsonl);
    // the query left the rest out: report found nothing more to exclude
    expect(viaSql.summary.totals.excludedByFilter).toBe(0);
  });
});
