// `cloudtrail-denials sql`: prints SQL for the user to run (the tool connects nowhere): the
// denial-candidates query whose results `report results.csv` reads, or with --ddl the table to run
// it on (Athena's CREATE EXTERNAL TABLE with partition projection; DuckDB's view over local files).
import { UserError } from '../errors.js';
import { DIALECTS, PARTITION_COLUMNS, denialQuery, isTableName, tableDdl, tableLayout, type DialectName, type PartitionColumn } from '../sql/index.js';
import { duckdbTable } from '../sql/duckdb-table.js';
import { VERSION } from '../version.js';
import { calendarWindow, type WindowFlags } from './calendar-window.js';
import { parseAccounts, parseWindow } from './parse-options.js';
import { say, warn } from './print.js';

export interface SqlFlags extends WindowFlags {
  dialect: string;
  table: string;
  aggregate?: boolean;
  partitions: string[];
  account: string[];
  accounts: string[];
  region: string[];
  regions: string[];
  ddl?: boolean;
  location?: string;
  org?: boolean;
  projectionStart: string;
}

function dialectOf(value: string): DialectName {
  if (!(DIALECTS as readonly string[]).includes(value)) throw new UserError(`--dialect ${JSON.stringify(value)}: choose ${DIALECTS.join(' or ')}`);
  return value as DialectName;
}

/** Default: the documented table's `timestamp` (sql --ddl prints what to give for its own tables). */
function partitionsOf(values: string[]): PartitionColumn[] {
  if (values.length === 0) return ['timestamp'];
  if (values.length === 1 && values[0] === 'none') return [];
  const unknown = values.filter((v) => !(PARTITION_COLUMNS as readonly string[]).includes(v));
  if (unknown.length > 0)
    throw new UserError(`--partitions ${unknown.join(',')}: the table's partition columns are among ${PARTITION_COLUMNS.join(', ')} (or none)`);
  return PARTITION_COLUMNS.filter((p) => values.includes(p));
}

function regionsOf(values: string[]): string[] {
  const regions = values
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
  const bad = regions.find((r) => !/^[a-z]{2}(-[a-z]+)+-\d+$/.test(r));
  if (bad !== undefined) throw new UserError(`--region ${JSON.stringify(bad)} is not a region name such as us-east-1`);
  return regions;
}

/** The report command that reads the results with the query's own filters (a --last span fixed to its instants). */
function reportCommand(since: number | null, until: number | null, accounts: string[], regions: string[]): string {
  const args = ['cloudtrail-denials report results.csv'];
  if (since !== null) args.push(`--since ${new Date(since).toISOString()}`);
  if (until !== null) args.push(`--until ${new Date(until).toISOString()}`);
  if (accounts.length > 0) args.push(`--account ${accounts.join(' ')}`);
  if (regions.length > 0) args.push(`--region ${regions.join(' ')}`);
  return args.join(' ');
}

function printDdl(flags: SqlFlags, dialect: DialectName, accounts: string[], regions: string[]): number {
  if (flags.location === undefined) {
    throw new UserError(
      dialect === 'athena'
        ? '--ddl needs --location s3://bucket/[prefix/]AWSLogs/[o-org/] (where the trail delivers)'
        : '--ddl --dialect duckdb needs --location <files>: the log files as a glob, e.g. "AWSLogs/**/*_CloudTrail_*.json.gz"',
    );
  }
  if (dialect === 'duckdb') {
    say(duckdbTable({ table: flags.table, files: flags.location }));
    return 0;
  }
  if (!/^\d{4}\/\d{2}\/\d{2}$/.test(flags.projectionStart))
    throw new UserError(`--projection-start ${JSON.stringify(flags.projectionStart)}: give a day as yyyy/MM/dd, such as 2013/11/01`);
  const options = { table: flags.table, location: flags.location, org: flags.org === true, accounts, regions, start: flags.projectionStart };
  const layout = tableLayout(options);
  if (typeof layout === 'string') throw new UserError(layout);
  say(tableDdl(options, layout));
  // stderr: stdout stays the statement alone (Athena refuses DDL that starts with a comment)
  warn(`query this table with: cloudtrail-denials sql --table ${flags.table} --partitions ${layout.partitions.join(',')}`);
  return 0;
}

export function runSql(flags: SqlFlags, now: number): number {
  const dialect = dialectOf(flags.dialect);
  if (!isTableName(flags.table))
    throw new UserError(`--table ${JSON.stringify(flags.table)}: give a table name of letters, digits and underscores (database.table allowed)`);
  const accounts = parseAccounts([...flags.account, ...flags.accounts]);
  const regions = regionsOf([...flags.region, ...flags.regions]);
  if (flags.ddl === true) return printDdl(flags, dialect, accounts, regions);
  const window = calendarWindow(flags, now);
  const { since, until } = window ?? parseWindow(flags, now);
  const text = denialQuery({
    dialect,
    table: flags.table,
    aggregate: flags.aggregate === true,
    partitions: partitionsOf(flags.partitions),
    filter: { since, until, accounts, regions },
    version: VERSION,
    notes: [`then: ${reportCommand(since, until, accounts, regions)}`],
  });
  say(text);
  return 0;
}
