// Which fields of a record the classifier reads (src/classify: classify-record.ts, build-denial.ts,
// principal.ts, context-hints.ts, action.ts), where each is in the Athena table, and the column the
// query names it in its results. One row per field: a field classify starts reading is one row here
// (test/sql/record-columns.test.ts fails until it is: it watches every property classify touches).
//
// The query selects these columns; read/query-results.ts rebuilds from them the record classify reads.
import { REQUEST_HINT_PATHS } from '../classify/request-hints.js';
import { REQUEST_PARAMETER_PATHS } from '../classify/request-resource-rows.js';

/** How a field travels through the query. */
export type ColumnKind =
  | 'text' // a string column, as is
  | 'presence' // 'present' when the struct is there (userIdentity: {} and no userIdentity classify apart)
  | 'json'; // a STRING column holding JSON text: whole in the plain query, only `reads` in the aggregated one

export interface RecordColumn {
  column: string; // result column name (a CSV header cell)
  path: readonly string[]; // where it goes in the rebuilt record
  sql: string; // expression over the Athena table
  kind: ColumnKind;
  /** Per event, so not part of the aggregated query's grouping key (it keeps first/last time and samples). */
  perEvent?: true;
  /**
   * Aggregated query only: the expression grouped on instead of `sql`, when classify reads less than
   * the whole value. Rebuilt as it comes back.
   */
  aggregateSql?: string;
  /** json columns: the paths inside the JSON classify reads (selected one by one in the aggregated query). */
  reads?: readonly (readonly string[])[];
  /** What reads it: kept beside the row so that a reader of this table knows why the row is here. */
  readBy: string;
}

// prettier-ignore
export const RECORD_COLUMNS: readonly RecordColumn[] = [
  { column: 'eventtime', path: ['eventTime'], sql: 'eventtime', kind: 'text', perEvent: true, readBy: 'window, timeline, first/last seen' },
  { column: 'eventid', path: ['eventID'], sql: 'eventid', kind: 'text', perEvent: true, readBy: 'duplicates, sample event IDs' },
  { column: 'eventsource', path: ['eventSource'], sql: 'eventsource', kind: 'text', readBy: 'action, AWS service principal' },
  { column: 'eventname', path: ['eventName'], sql: 'eventname', kind: 'text', readBy: 'action, console sign-in' },
  { column: 'awsregion', path: ['awsRegion'], sql: 'awsregion', kind: 'text', readBy: 'region' },
  { column: 'sourceipaddress', path: ['sourceIPAddress'], sql: 'sourceipaddress', kind: 'text', readBy: 'source IP' },
  { column: 'useragent', path: ['userAgent'], sql: 'useragent', kind: 'text', readBy: 'user agent' },
  { column: 'errorcode', path: ['errorCode'], sql: 'errorcode', kind: 'text', readBy: 'the error-code catalog' },
  { column: 'errormessage', path: ['errorMessage'], sql: 'errormessage', kind: 'text', readBy: 'the message grammar' },
  { column: 'recipientaccountid', path: ['recipientAccountId'], sql: 'recipientaccountid', kind: 'text', readBy: 'account' },
  { column: 'vpcendpointid', path: ['vpcEndpointId'], sql: 'vpcendpointid', kind: 'text', readBy: 'hint vpc-endpoint' },
  { column: 'sessioncredentialfromconsole', path: ['sessionCredentialFromConsole'], sql: 'sessioncredentialfromconsole', kind: 'text', readBy: 'hint console-session' },
  {
    column: 'useridentity',
    path: ['userIdentity'],
    sql: "CASE WHEN useridentity IS NULL THEN NULL ELSE 'present' END",
    kind: 'presence',
    readBy: 'principal: without userIdentity the message names it',
  },
  { column: 'useridentity_type', path: ['userIdentity', 'type'], sql: 'useridentity.type', kind: 'text', readBy: 'principal rule' },
  { column: 'useridentity_principalid', path: ['userIdentity', 'principalId'], sql: 'useridentity.principalid', kind: 'text', readBy: 'principal, session name' },
  { column: 'useridentity_arn', path: ['userIdentity', 'arn'], sql: 'useridentity.arn', kind: 'text', readBy: 'principal, session name' },
  { column: 'useridentity_accountid', path: ['userIdentity', 'accountId'], sql: 'useridentity.accountid', kind: 'text', readBy: 'caller account, anonymous' },
  { column: 'useridentity_username', path: ['userIdentity', 'userName'], sql: 'useridentity.username', kind: 'text', readBy: 'principal' },
  { column: 'useridentity_invokedby', path: ['userIdentity', 'invokedBy'], sql: 'useridentity.invokedby', kind: 'text', readBy: 'principal, hint service-principal' },
  {
    column: 'useridentity_accesskeyid',
    path: ['userIdentity', 'accessKeyId'],
    sql: 'useridentity.accesskeyid',
    kind: 'text',
    // context-hints.ts only asks whether it starts with ASIA: grouping on the whole key would keep
    // every session of a role apart.
    aggregateSql: 'substr(useridentity.accesskeyid, 1, 4)',
    readBy: 'hint temporary-credentials',
  },
  { column: 'useridentity_onbehalfof_userid', path: ['userIdentity', 'onBehalfOf', 'userId'], sql: 'useridentity.onbehalfof.userid', kind: 'text', readBy: 'principal (Identity Center)' },
  {
    column: 'useridentity_sessionissuer_arn',
    path: ['userIdentity', 'sessionContext', 'sessionIssuer', 'arn'],
    sql: 'useridentity.sessioncontext.sessionissuer.arn',
    kind: 'text',
    readBy: 'principal of a role session',
  },
  {
    column: 'useridentity_mfaauthenticated',
    path: ['userIdentity', 'sessionContext', 'attributes', 'mfaAuthenticated'],
    sql: 'useridentity.sessioncontext.attributes.mfaauthenticated',
    kind: 'text',
    readBy: 'hint mfa-absent',
  },
  // JSON text in the Athena table. Read whole in the plain query (issue 15 builds resources from
  // requestParameters), and only the paths classify reads in the aggregated one.
  {
    column: 'requestparameters',
    path: ['requestParameters'],
    sql: 'requestparameters',
    kind: 'json',
    reads: [...REQUEST_PARAMETER_PATHS, ...REQUEST_HINT_PATHS],
    readBy: 'the resource, when the message names none (classify/request-resource-rows.ts); hints gpu-instance, user-data (classify/request-hints.ts)',
  },
  {
    column: 'responseelements',
    path: ['responseElements'],
    sql: 'responseelements',
    kind: 'json',
    reads: [['ConsoleLogin']],
    readBy: 'console sign-in failure',
  },
  {
    column: 'additionaleventdata',
    path: ['additionalEventData'],
    sql: 'additionaleventdata',
    kind: 'json',
    reads: [['MFAUsed'], ['UserName']],
    readBy: 'hint mfa-absent, console sign-in user name',
  },
];

/**
 * The aggregated query's column for one path inside a JSON column: `additionaleventdata_mfaused`
 * (lower case: Athena returns result column names lower-cased).
 */
export function jsonReadColumn(column: string, path: readonly string[]): string {
  return `${column}_${path.join('_').toLowerCase()}`;
}
