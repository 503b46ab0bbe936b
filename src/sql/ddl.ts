// CREATE EXTERNAL TABLE for the CloudTrail logs in S3, with partition projection: the table the Athena
// User Guide documents (athena-table.ts), its `timestamp` partition projected over the delivery dates,
// and for organization trails (or several regions) the account and region projected too, so a query
// with a window, accounts or regions reads only those prefixes.
//
//   tableDdl({ table: 'cloudtrail_logs', location: 's3://b/AWSLogs/o-abc/', org: true, accounts, regions, start: '2013/11/01' })
import { ATHENA_COLUMNS, ATHENA_STORAGE, type PartitionColumn } from './athena-table.js';
import { sqlString } from './sql-text.js';

export interface DdlOptions {
  table: string;
  /** s3://bucket/[prefix/]AWSLogs/[o-org/] for an organization trail; …/AWSLogs/<account>/ for one account. */
  location: string;
  org: boolean;
  accounts: string[]; // projected (org), or the one account of a location that does not name it
  regions: string[];
  /** First projected day, yyyy/MM/dd. */
  start: string;
}

export interface TableLayout {
  location: string; // LOCATION of the table
  template: string; // storage.location.template
  partitions: PartitionColumn[]; // what `sql --partitions` is told
  enums: { column: 'account' | 'region'; values: string[] }[];
}

/** Where the partitions are: the problem with the options, as a sentence, or the layout. */
export function tableLayout(o: DdlOptions): TableLayout | string {
  const base = o.location.endsWith('/') ? o.location : `${o.location}/`;
  if (!/^s3:\/\/[^/]+\/(?:.+\/)?AWSLogs\/(?:(?:o-[a-z0-9]+|\d{12})\/)?$/.test(base)) {
    return `--location must be the trail's s3://bucket/[prefix/]AWSLogs/ folder (…/AWSLogs/o-xxxxxxxxxx/ for an organization trail, …/AWSLogs/<account>/ for one account), not ${o.location}`;
  }
  if (o.regions.length === 0) return 'name the regions the trail logs with --regions (aws ec2 describe-regions --query "Regions[].RegionName" --output text)';
  const inPath = /\/AWSLogs\/(\d{12})\/$/.exec(base)?.[1] ?? null;
  const org = o.org || /\/AWSLogs\/o-[a-z0-9]+\/$/.test(base);
  if (org) {
    if (inPath !== null) return `an organization trail's --location ends with AWSLogs/o-xxxxxxxxxx/, not with an account (${inPath})`;
    if (o.accounts.length === 0)
      return 'an organization trail projects its accounts: list them with --accounts (aws organizations list-accounts --query "Accounts[].Id" --output text)';
    return {
      location: base,
      template: `${base}\${account}/CloudTrail/\${region}/\${timestamp}`,
      partitions: ['account', 'region', 'timestamp'],
      enums: [
        { column: 'account', values: o.accounts },
        { column: 'region', values: o.regions },
      ],
    };
  }
  const accounts = inPath !== null ? [inPath, ...o.accounts.filter((a) => a !== inPath)] : o.accounts;
  if (accounts.length !== 1) {
    return accounts.length === 0
      ? 'name the account: --location s3://bucket/AWSLogs/<account>/ or --accounts <account> (several accounts: --org)'
      : `one account's table reads one account (${accounts.join(', ')}): for several, use --org`;
  }
  const prefix = `${inPath === null ? `${base}${accounts[0]}/` : base}CloudTrail/`;
  if (o.regions.length === 1) {
    // The table exactly as the Athena User Guide writes it: one region, the date projected.
    const location = `${prefix}${o.regions[0]}`;
    return { location, template: `${location}/\${timestamp}`, partitions: ['timestamp'], enums: [] };
  }
  return {
    location: prefix,
    template: `${prefix}\${region}/\${timestamp}`,
    partitions: ['region', 'timestamp'],
    enums: [{ column: 'region', values: o.regions }],
  };
}

/** Hive's STRUCT<a:T, …> spelt over several lines, as the User Guide lays it out. */
function columnLines(): string {
  return ATHENA_COLUMNS.map((c) => `  ${c.name} ${c.type}`).join(',\n');
}

export function tableDdl(o: DdlOptions, layout: TableLayout): string {
  const props: [string, string][] = [
    ['projection.enabled', 'true'],
    ...layout.enums.flatMap(({ column, values }): [string, string][] => [
      [`projection.${column}.type`, 'enum'],
      [`projection.${column}.values`, values.join(',')],
    ]),
    ['projection.timestamp.type', 'date'],
    ['projection.timestamp.format', 'yyyy/MM/dd'],
    ['projection.timestamp.interval', '1'],
    ['projection.timestamp.interval.unit', 'DAYS'],
    ['projection.timestamp.range', `${o.start},NOW`],
    ['storage.location.template', layout.template],
  ];
  return [
    `CREATE EXTERNAL TABLE ${o.table} (`,
    columnLines(),
    ')',
    `PARTITIONED BY (${layout.partitions.map((p) => `\`${p}\` STRING`).join(', ')})`,
    `ROW FORMAT SERDE ${sqlString(ATHENA_STORAGE.serde)}`,
    `STORED AS INPUTFORMAT ${sqlString(ATHENA_STORAGE.inputFormat)}`,
    `OUTPUTFORMAT ${sqlString(ATHENA_STORAGE.outputFormat)}`,
    `LOCATION ${sqlString(layout.location)}`,
    'TBLPROPERTIES (',
    props.map(([k, v]) => `  ${sqlString(k)}=${sqlString(v)}`).join(',\n'),
    ')',
    '',
  ].join('\n');
}
