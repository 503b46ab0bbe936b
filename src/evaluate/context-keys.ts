// The IAM global condition keys a CloudTrail record proves, and how. A key the record cannot prove is
// left out and marked unknown (the engine then reports a condition on it as unknown from the log,
// never guesses it). A key proven absent is known too: a BoolIfExists on it then decides. Source of
// each key's meaning: IAM User Guide, "AWS global condition context keys"; of the record's fields:
// CloudTrail User Guide, "CloudTrail record contents" and "userIdentity element". Each row has an
// example in test/evaluate/context-keys.test.ts.
import type { Denial, RequestFacts } from '../types.js';

export interface ContextInput {
  denial: Denial;
  facts: RequestFacts | null; // null: the denial came without its record's facts (query results, the library)
  principalArn: string | null; // aws:PrincipalArn: a role session's role, a user, a root, a federated user
  principalTags: Record<string, string> | null; // from the exports; null when the principal is not in them
  org: { id: string; path: string } | null; // the principal's organization and OU path, from the exports
}

export type Proof = { value: string | string[] } | 'absent' | 'unknown';

const IP = /^(\d{1,3}(\.\d{1,3}){3}|[0-9a-f:]*:[0-9a-f:.]+)$/i;
/** userIdentity.type → aws:PrincipalType (IAM User Guide: Account, User, FederatedUser, AssumedRole, Anonymous). */
const PRINCIPAL_TYPES: Record<string, string> = { IAMUser: 'User', AssumedRole: 'AssumedRole', Root: 'Account', FederatedUser: 'FederatedUser' };
const SESSIONS = new Set(['AssumedRole', 'FederatedUser']);
const LONG_TERM = new Set(['IAMUser', 'Root']);

const viaEndpoint = (i: ContextInput) => (i.facts?.vpcEndpointId ?? '') !== '';
const temporary = (i: ContextInput) => SESSIONS.has(i.denial.principalType) || (i.facts !== null && i.facts.sessionCreated !== '');
const isIp = (s: string) => IP.test(s);

export const CONTEXT_KEYS: readonly { key: string; proof: (i: ContextInput) => Proof }[] = [
  // sourceIPAddress: the caller's address, or a service's name when a service called; not present
  // through a VPC endpoint, where aws:VpcSourceIp holds the private address
  { key: 'aws:SourceIp', proof: (i) => (i.facts !== null && viaEndpoint(i) ? 'absent' : isIp(i.denial.sourceIp) ? { value: i.denial.sourceIp } : 'unknown') },
  {
    key: 'aws:VpcSourceIp',
    proof: (i) =>
      i.facts === null ? 'unknown' : viaEndpoint(i) && isIp(i.denial.sourceIp) ? { value: i.denial.sourceIp } : viaEndpoint(i) ? 'unknown' : 'absent',
  },
  // vpcEndpointId (record version 1.04 on) is set for requests through a VPC endpoint
  { key: 'aws:SourceVpce', proof: (i) => (i.facts === null ? 'unknown' : viaEndpoint(i) ? { value: i.facts.vpcEndpointId } : 'absent') },
  {
    key: 'aws:CurrentTime',
    proof: (i) =>
      Number.isNaN(Date.parse(i.denial.eventTime)) ? 'unknown' : { value: new Date(Date.parse(i.denial.eventTime)).toISOString().replace('.000Z', 'Z') },
  },
  {
    key: 'aws:EpochTime',
    proof: (i) => (Number.isNaN(Date.parse(i.denial.eventTime)) ? 'unknown' : { value: String(Math.floor(Date.parse(i.denial.eventTime) / 1000)) }),
  },
  { key: 'aws:RequestedRegion', proof: (i) => (i.denial.region === '' ? 'unknown' : { value: i.denial.region }) },
  // sessionContext.attributes.mfaAuthenticated on temporary credentials; absent with long-term keys
  {
    key: 'aws:MultiFactorAuthPresent',
    proof: (i) => {
      if (i.facts === null) return 'unknown';
      if (i.facts.mfa === 'true' || i.facts.mfa === 'false') return { value: i.facts.mfa };
      return LONG_TERM.has(i.denial.principalType) && i.facts.sessionCreated === '' ? 'absent' : 'unknown';
    },
  },
  {
    key: 'aws:TokenIssueTime',
    proof: (i) =>
      i.facts === null
        ? 'unknown'
        : i.facts.sessionCreated !== ''
          ? { value: i.facts.sessionCreated }
          : LONG_TERM.has(i.denial.principalType)
            ? 'absent'
            : 'unknown',
  },
  { key: 'aws:PrincipalArn', proof: (i) => (i.principalArn === null ? 'unknown' : { value: i.principalArn }) },
  {
    key: 'aws:PrincipalAccount',
    proof: (i) => (i.denial.callerAccount === null || !/^\d{12}$/.test(i.denial.callerAccount) ? 'unknown' : { value: i.denial.callerAccount }),
  },
  { key: 'aws:PrincipalOrgID', proof: (i) => (i.org === null ? 'unknown' : { value: i.org.id }) },
  { key: 'aws:PrincipalOrgPaths', proof: (i) => (i.org === null ? 'unknown' : { value: [i.org.path] }) },
  // userIdentity.principalId: AIDA… for a user, AROA…:session for a role session, the account for root
  { key: 'aws:userid', proof: (i) => (i.facts === null || i.facts.principalId === '' ? 'unknown' : { value: i.facts.principalId }) },
  {
    key: 'aws:username',
    proof: (i) =>
      i.denial.principalType === 'IAMUser' && i.facts !== null && i.facts.userName !== ''
        ? { value: i.facts.userName }
        : PRINCIPAL_TYPES[i.denial.principalType] !== undefined
          ? 'absent'
          : 'unknown',
  },
  {
    key: 'aws:PrincipalType',
    proof: (i) => (PRINCIPAL_TYPES[i.denial.principalType] === undefined ? 'unknown' : { value: PRINCIPAL_TYPES[i.denial.principalType] }),
  },
  {
    key: 'aws:PrincipalIsAWSService',
    // a caller from another account is logged as AWSAccount: an IAM principal there, not a service
    proof: (i) =>
      i.denial.principalType === 'AWSService'
        ? { value: 'true' }
        : PRINCIPAL_TYPES[i.denial.principalType] !== undefined || i.denial.principalType === 'AWSAccount'
          ? { value: 'false' }
          : 'unknown',
  },
  // userIdentity.invokedBy: a service made the request on the principal's behalf
  { key: 'aws:ViaAWSService', proof: (i) => (i.facts === null ? 'unknown' : { value: i.facts.invokedBy === '' ? 'false' : 'true' }) },
  { key: 'aws:CalledVia', proof: (i) => (i.facts === null ? 'unknown' : i.facts.invokedBy === '' ? 'absent' : { value: [i.facts.invokedBy] }) },
  { key: 'aws:CalledViaFirst', proof: (i) => (i.facts === null ? 'unknown' : i.facts.invokedBy === '' ? 'absent' : { value: i.facts.invokedBy }) },
  { key: 'aws:CalledViaLast', proof: (i) => (i.facts === null ? 'unknown' : i.facts.invokedBy === '' ? 'absent' : { value: i.facts.invokedBy }) },
  // tlsDetails (record version 1.08 on) describes the TLS connection; its absence proves nothing
  { key: 'aws:SecureTransport', proof: (i) => (i.facts?.tls === true ? { value: 'true' } : 'unknown') },
  { key: 'aws:SourceIdentity', proof: (i) => (i.facts !== null && i.facts.sourceIdentity !== '' ? { value: i.facts.sourceIdentity } : 'unknown') },
];

export interface RequestContext {
  values: Record<string, string | string[]>;
  /** Keys (and key patterns, slash-delimited) whose presence and value are proven, present or absent. */
  known: string[];
  /** Keys given a value that is not proven (a role session's tags: the role's, unless AssumeRole passed others). */
  unproven: string[];
}

export const PRINCIPAL_TAG_PATTERN = '/^aws:PrincipalTag\\/.+$/';

export function requestContext(input: ContextInput): RequestContext {
  const values: Record<string, string | string[]> = {};
  const known: string[] = [];
  const unproven: string[] = [];
  for (const row of CONTEXT_KEYS) {
    const p = row.proof(input);
    if (p === 'unknown') continue;
    known.push(row.key);
    if (p !== 'absent') values[row.key] = p.value;
  }
  // The principal's tags as exported. A session's may differ (tags passed at AssumeRole override the
  // role's, and the event does not list them): for a session they are given but not proven.
  if (input.principalTags !== null) {
    (temporary(input) ? unproven : known).push(PRINCIPAL_TAG_PATTERN);
    for (const [k, v] of Object.entries(input.principalTags)) values[`aws:PrincipalTag/${k}`] = v;
  }
  return { values, known, unproven };
}
