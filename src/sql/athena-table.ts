// The Athena table AWS documents for CloudTrail logs: its columns, their Hive types, and the
// partition-projection properties. Source: Amazon Athena User Guide, "Create the table for CloudTrail
// logs in Athena using partition projection" (CREATE EXTERNAL TABLE cloudtrail_logs_pp, JsonSerDe over
// CloudTrailInputFormat, `timestamp` projected as yyyy/MM/dd). test/sql/athena-table.test.ts pins
// every column and type to that page; the DuckDB table of the equivalence tests is made from this list.

export interface AthenaColumn {
  name: string;
  type: string; // Hive DDL type, as the page writes it (upper-case keywords, lower-case field names)
}

// prettier-ignore
export const ATHENA_COLUMNS: readonly AthenaColumn[] = [
  { name: 'eventversion', type: 'STRING' },
  {
    name: 'useridentity',
    type:
      'STRUCT<type:STRING, principalid:STRING, arn:STRING, accountid:STRING, invokedby:STRING, accesskeyid:STRING, username:STRING, ' +
      'onbehalfof:STRUCT<userid:STRING, identitystorearn:STRING>, ' +
      'sessioncontext:STRUCT<attributes:STRUCT<mfaauthenticated:STRING, creationdate:STRING>, ' +
      'sessionissuer:STRUCT<type:STRING, principalid:STRING, arn:STRING, accountid:STRING, username:STRING>, ' +
      'ec2roledelivery:STRING, webidfederationdata:STRUCT<federatedprovider:STRING, attributes:MAP<STRING,STRING>>>>',
  },
  { name: 'eventtime', type: 'STRING' },
  { name: 'eventsource', type: 'STRING' },
  { name: 'eventname', type: 'STRING' },
  { name: 'awsregion', type: 'STRING' },
  { name: 'sourceipaddress', type: 'STRING' },
  { name: 'useragent', type: 'STRING' },
  { name: 'errorcode', type: 'STRING' },
  { name: 'errormessage', type: 'STRING' },
  { name: 'requestparameters', type: 'STRING' },
  { name: 'responseelements', type: 'STRING' },
  { name: 'additionaleventdata', type: 'STRING' },
  { name: 'requestid', type: 'STRING' },
  { name: 'eventid', type: 'STRING' },
  { name: 'readonly', type: 'STRING' },
  { name: 'resources', type: 'ARRAY<STRUCT<arn:STRING, accountid:STRING, type:STRING>>' },
  { name: 'eventtype', type: 'STRING' },
  { name: 'apiversion', type: 'STRING' },
  { name: 'recipientaccountid', type: 'STRING' },
  { name: 'serviceeventdetails', type: 'STRING' },
  { name: 'sharedeventid', type: 'STRING' },
  { name: 'vpcendpointid', type: 'STRING' },
  { name: 'vpcendpointaccountid', type: 'STRING' },
  { name: 'eventcategory', type: 'STRING' },
  { name: 'addendum', type: 'STRUCT<reason:STRING, updatedfields:STRING, originalrequestid:STRING, originaleventid:STRING>' },
  { name: 'sessioncredentialfromconsole', type: 'STRING' },
  { name: 'edgedevicedetails', type: 'STRING' },
  { name: 'tlsdetails', type: 'STRUCT<tlsversion:STRING, ciphersuite:STRING, clientprovidedhostheader:STRING>' },
];

/** The documented table's SerDe and formats (the same page). */
export const ATHENA_STORAGE = {
  serde: 'org.apache.hive.hcatalog.data.JsonSerDe',
  inputFormat: 'com.amazon.emr.cloudtrail.CloudTrailInputFormat',
  outputFormat: 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat',
} as const;

/**
 * Partition columns a table may have, as the query's predicates name them. `timestamp` is the
 * documented one (the S3 key's yyyy/MM/dd delivery date); `account` and `region` are projected too
 * for organization trails and multi-region tables (`sql --ddl --org`).
 */
export type PartitionColumn = 'account' | 'region' | 'timestamp';
export const PARTITION_COLUMNS: readonly PartitionColumn[] = ['account', 'region', 'timestamp'];
