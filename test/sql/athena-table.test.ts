// The table DDL is pinned to the one the Athena User Guide documents ("Create the table for
// CloudTrail logs in Athena using partition projection"): every column and type, as printed there.
import { describe, expect, it } from 'vitest';
import { ATHENA_COLUMNS, ATHENA_STORAGE, tableDdl, tableLayout, type DdlOptions } from '../../src/sql/index.js';
import { parseHiveType } from '../../src/sql/duckdb-table.js';

// The column list of CREATE EXTERNAL TABLE cloudtrail_logs_pp as the page prints it (its layout kept).
const DOCUMENTED = `
    eventversion STRING,
    useridentity STRUCT<
        type: STRING,
        principalid: STRING,
        arn: STRING,
        accountid: STRING,
        invokedby: STRING,
        accesskeyid: STRING,
        username: STRING,
        onbehalfof: STRUCT<
             userid: STRING,
             identitystorearn: STRING>,
        sessioncontext: STRUCT<
            attributes: STRUCT<
                mfaauthenticated: STRING,
                creationdate: STRING>,
            sessionissuer: STRUCT<
                type: STRING,
                principalid: STRING,
                arn: STRING,
                accountid: STRING,
                username: STRING>,
            ec2roledelivery:string,
            webidfederationdata: STRUCT<
                federatedprovider: STRING,
                attributes: map<string,string>>
        >
    >,
    eventtime STRING,
    eventsource STRING,
    eventname STRING,
    awsregion STRING,
    sourceipaddress STRING,
    useragent STRING,
    errorcode STRING,
    errormessage STRING,
    requestparameters STRING,
    responseelements STRING,
    additionaleventdata STRING,
    requestid STRING,
    eventid STRING,
    readonly STRING,
    resources ARRAY<STRUCT<
        arn: STRING,
        accountid: STRING,
        type: STRING>>,
    eventtype STRING,
    apiversion STRING,
    recipientaccountid STRING,
    serviceeventdetails STRING,
    sharedeventid STRING,
    vpcendpointid STRING,
    vpcendpointaccountid STRING,
    eventcategory STRING,
    addendum STRUCT<
      reason:STRING,
      updatedfields:STRING,
      originalrequestid:STRING,
      originaleventid:STRING>,
    sessioncredentialfromconsole STRING,
    edgedevicedetails STRING,
    tlsdetails STRUCT<
      tlsversion:STRING,
      ciphersuite:STRING,
      clientprovidedhostheader:STRING>`;

/** Top-level `name TYPE` pairs of a column list (commas inside <> belong to the type). */
function columnsOf(text: string): { name: string; type: string }[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const c of text) {
    if (c === '<') depth++;
    if (c === '>') depth--;
    if (c === ',' && depth === 0) {
      out.push(current);
      current = '';
    } else current += c;
  }
  out.push(current);
  return out.map((col) => {
    const m = /^\s*(\w+)\s+([\s\S]+?)\s*$/.exec(col);
    if (m === null) throw new Error(`not a column: ${col}`);
    return { name: m[1], type: m[2] };
  });
}

describe('the Athena CloudTrail table', () => {
  it('has every documented column, in order, with its type', () => {
    const documented = columnsOf(DOCUMENTED);
    expect(ATHENA_COLUMNS.map((c) => c.name)).toEqual(documented.map((c) => c.name));
    for (const [i, c] of documented.entries()) expect(parseHiveType(ATHENA_COLUMNS[i].type), c.name).toEqual(parseHiveType(c.type));
  });

  const org: DdlOptions = {
    table: 'ct',
    location: 's3://trail-bucket/AWSLogs/o-abc123def4/',
    org: false,
    accounts: ['111122223333', '444455556666'],
    regions: ['us-east-1', 'eu-west-1'],
    start: '2013/11/01',
  };

  it('prints the documented table with the projection', () => {
    const layout = tableLayout({ ...org, location: 's3://trail-bucket/AWSLogs/111122223333', accounts: [], regions: ['us-east-1'] });
    if (typeof layout === 'string') throw new Error(layout);
    const ddl = tableDdl({ ...org, regions: ['us-east-1'] }, layout);
    expect(columnsOf(ddl.slice(ddl.indexOf('(') + 1, ddl.indexOf('\n)'))).map((c) => c.name)).toEqual(ATHENA_COLUMNS.map((c) => c.name));
    expect(ddl).toContain('PARTITIONED BY (`timestamp` STRING)');
    expect(ddl).toContain(`ROW FORMAT SERDE '${ATHENA_STORAGE.serde}'`);
    expect(ddl).toContain("LOCATION 's3://trail-bucket/AWSLogs/111122223333/CloudTrail/us-east-1'");
    expect(ddl).toContain("'projection.timestamp.format'='yyyy/MM/dd'");
    expect(ddl).toContain("'projection.timestamp.range'='2013/11/01,NOW'");
    expect(ddl).toContain("'storage.location.template'='s3://trail-bucket/AWSLogs/111122223333/CloudTrail/us-east-1/${timestamp}'");
  });

  it('projects account and region for an organization trail', () => {
    const layout = tableLayout(org);
    if (typeof layout === 'string') throw new Error(layout);
    expect(layout.partitions).toEqual(['account', 'region', 'timestamp']);
    const ddl = tableDdl(org, layout);
    expect(ddl).toContain("'projection.account.values'='111122223333,444455556666'");
    expect(ddl).toContain("'projection.region.values'='us-east-1,eu-west-1'");
    expect(ddl).toContain("'storage.location.template'='s3://trail-bucket/AWSLogs/o-abc123def4/${account}/CloudTrail/${region}/${timestamp}'");
  });

  it('projects the region of a one-account trail in several regions', () => {
    const layout = tableLayout({ ...org, location: 's3://b/p/AWSLogs/', accounts: ['111122223333'] });
    expect(layout).toMatchObject({ partitions: ['region', 'timestamp'], template: 's3://b/p/AWSLogs/111122223333/CloudTrail/${region}/${timestamp}' });
  });

  it.each([
    [{ location: 'trail-bucket/AWSLogs/' }, '--location must be'],
    [{ location: 's3://b/logs/' }, '--location must be'],
    [{ regions: [] }, '--regions'],
    [{ org: true, accounts: [] }, 'list them with --accounts'],
    [{ location: 's3://b/AWSLogs/' }, 'for several, use --org'],
    [{ location: 's3://b/AWSLogs/', accounts: [] }, 'name the account'],
  ])('says what is missing: %j', (change, message) => {
    expect(tableLayout({ ...org, ...change })).toContain(message);
  });
});
