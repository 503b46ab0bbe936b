// `sql` prints SQL and connects nowhere; mistakes in its options are one line on stderr, exit 1.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

describe('cloudtrail-denials sql', () => {
  it('prints the query with the report command that reads its results', () => {
    const r = runCli(['sql', '--day', '2026-11-20', '--account', '1111-2222-3333', '--region', 'us-east-1']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^-- cloudtrail-denials \S+: denial candidates, for Athena engine version 3 \(Trino\)\n/);
    expect(r.stdout).toContain(
      '-- then: cloudtrail-denials report results.csv --since 2026-11-20T00:00:00.000Z --until 2026-11-20T23:59:59.999Z --account 111122223333 --region us-east-1\n',
    );
    expect(r.stdout).toContain(`"timestamp" >= '2026/11/19'`);
    expect(r.stdout).toContain("awsregion IN ('us-east-1')");
    expect(r.stdout).toContain('FROM cloudtrail_logs\n');
  });

  it("prints the duckdb dialect, aggregated, over a table of the user's choice without partitions", () => {
    const r = runCli(['sql', '--dialect', 'duckdb', '--aggregate', '--table', 'logs.trail', '--partitions', 'none', '--since', '2026-11-20']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('FROM logs.trail\n');
    expect(r.stdout).toContain('CAST(CAST(min_by(');
    expect(r.stdout).not.toContain('"timestamp"');
  });

  it('prints the projected table on stdout and how to query it on stderr', () => {
    const r = runCli([
      'sql',
      '--ddl',
      '--location',
      's3://trail-bucket/AWSLogs/o-abc123def4/',
      '--accounts',
      '111122223333',
      '444455556666',
      '--regions',
      'us-east-1,eu-west-1',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^CREATE EXTERNAL TABLE cloudtrail_logs \(/);
    expect(r.stderr).toBe('cloudtrail-denials: query this table with: cloudtrail-denials sql --table cloudtrail_logs --partitions account,region,timestamp\n');
  });

  it('prints a DuckDB view over local log files', () => {
    const r = runCli(['sql', '--ddl', '--dialect', 'duckdb', '--location', 'AWSLogs/**/*_CloudTrail_*.json.gz']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^CREATE OR REPLACE VIEW cloudtrail_logs AS\n/);
    expect(r.stdout).toContain("read_json('AWSLogs/**/*_CloudTrail_*.json.gz'");
  });

  it.each([
    [['--dialect', 'postgres'], '--dialect "postgres": choose athena or duckdb'],
    [['--table', 'x; DROP TABLE y'], '--table "x; DROP TABLE y": give a table name'],
    [['--partitions', 'day'], "--partitions day: the table's partition columns are among account, region, timestamp (or none)"],
    [['--region', "us-east-1'"], '--region "us-east-1\'" is not a region name'],
    [['--account', '12'], '--account "12" is not an account ID'],
    [['--week', '2026-W47', '--since', '2026-11-01'], '--week cannot be combined with --since'],
    [['--ddl'], '--ddl needs --location'],
    [['--ddl', '--location', 's3://b/AWSLogs/', '--regions', 'us-east-1'], 'name the account'],
  ])('refuses %j', (args, message) => {
    const r = runCli(['sql', ...args]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
