// What an error that is not a denial is, in one sentence: `explain` says "not a denial" and why, for
// every code the catalog (error-codes.ts) does not count as a denial. First matching row wins.
import type { OtherErrorKind } from '../types.js';
import { normalizeCode } from './error-codes.js';

export interface OtherErrorRow {
  kind: OtherErrorKind;
  codes: RegExp; // on the code without EC2's "Client." prefix
  explanation: string; // completes "<Code> is …"
  example: string; // a real code this row must match
}

// prettier-ignore
export const OTHER_ERRORS: readonly OtherErrorRow[] = [
  { kind: 'dry-run', codes: /^DryRunOperation$/, example: 'Client.DryRunOperation', explanation: 'a dry run that would have succeeded — the caller has the permission, nothing was refused' },
  { kind: 'throttling', codes: /^(?:Throttling(?:Exception)?|RequestLimitExceeded|TooManyRequestsException|SlowDown|RequestThrottled(?:Exception)?|ProvisionedThroughputExceededException|PriorRequestNotComplete|Rate exceeded)$/, example: 'ThrottlingException', explanation: 'a throttling error — the request was rate-limited, not refused' },
  { kind: 'not-found', codes: /NotFound|^NoSuch|NotExist|^Missing[A-Z]\w*Configuration$/, example: 'NoSuchBucket', explanation: 'a missing-resource error — the resource does not exist (or not in this account and Region); no policy refused the request' },
  { kind: 'service-not-enabled', codes: /^(?:InvalidAccessException|ServiceNotEnabled\w*|\w*NotSubscribed\w*)$/, example: 'InvalidAccessException', explanation: 'a service-not-enabled error — the account has not turned the service on; no policy refused the request' },
  { kind: 'quota', codes: /LimitExceeded|QuotaExceeded|^TooMany(?!Requests)/, example: 'LimitExceededException', explanation: 'a quota error — a service limit was reached, not a permission refused' },
  { kind: 'conflict', codes: /AlreadyExists|Conflict|InUse|Duplicate|AlreadyOwnedByYou|^OperationAborted$|^IncorrectState|^InvalidState/, example: 'EntityAlreadyExists', explanation: 'a conflict with the state of a resource (it exists already, is in use or busy), not a refusal' },
  { kind: 'service-error', codes: /^(?:InternalError|InternalFailure|InternalServerError|InternalServiceError|ServiceUnavailable(?:Exception)?|ServiceException|ServiceFailure|Unavailable)$/, example: 'InternalError', explanation: 'an error inside AWS — retry; no policy refused the request' },
  { kind: 'client-error', codes: /^(?:NoCredentialsError|PartialCredentialsError|EndpointConnectionError|NoRegionError)$/, example: 'NoCredentialsError', explanation: 'an error in the client before any request reached AWS — nothing was sent, so nothing was refused or logged' },
  { kind: 'invalid-request', codes: /^(?:Validation(?:Exception|Error)|Invalid\w*|Malformed\w*|BadRequest\w*|MissingParameter|SerializationException|PermanentRedirect|AuthorizationHeaderMalformed|PreconditionFailed|NotModified|MethodNotAllowed|UnsupportedOperation\w*)$/, example: 'ValidationException', explanation: 'an invalid request (a parameter, format, Region or precondition was wrong), not a refusal' },
];

const UNLISTED = 'not in the error-code catalog, so the report counts it as an other error, not a denial';

export function otherErrorOf(code: string): { kind: OtherErrorKind; explanation: string } {
  const bare = normalizeCode(code);
  const row = OTHER_ERRORS.find((r) => r.codes.test(bare));
  return row === undefined ? { kind: 'unlisted', explanation: UNLISTED } : { kind: row.kind, explanation: row.explanation };
}

/** Wording that names an other error when no code came with it ("Rate exceeded"). */
// prettier-ignore
export const OTHER_ERROR_MESSAGES: readonly { regex: RegExp; code: string; example: string }[] = [
  { regex: /^Rate exceeded[\s.]*$/i, code: 'ThrottlingException', example: 'Rate exceeded' },
  // botocore's NoCredentialsError, as `aws` prints it after "fatal error: "
  { regex: /^Unable to locate credentials/, code: 'NoCredentialsError', example: 'Unable to locate credentials. You can configure credentials by running "aws configure".' },
  { regex: /^Request would have succeeded, but DryRun flag is set/, code: 'DryRunOperation', example: 'Request would have succeeded, but DryRun flag is set.' },
  { regex: /^The specified bucket does not exist/, code: 'NoSuchBucket', example: 'The specified bucket does not exist' },
  { regex: /^The specified key does not exist/, code: 'NoSuchKey', example: 'The specified key does not exist.' },
  { regex: /^(?:Not Found|Bad Request)[\s.]*$/, code: 'BadRequest', example: 'Bad Request' },
];

// When an SDK had no error body to read (S3 HEAD), it reports the HTTP status as the code; these are
// the codes S3 would have logged (HeadObject API reference: 400, 403, 404, 405, 412, 304).
// The Go SDK v2 prints the status text instead ("api error Forbidden: Forbidden").
const HTTP_STATUS_CODES: ReadonlyMap<string, string> = new Map([
  ['403', 'AccessDenied'],
  ['Forbidden', 'AccessDenied'],
  ['404', 'NotFound'],
  ['400', 'BadRequest'],
  ['301', 'PermanentRedirect'],
  ['304', 'NotModified'],
  ['405', 'MethodNotAllowed'],
  ['412', 'PreconditionFailed'],
]);

export function codeOfHttpStatus(code: string): string {
  return HTTP_STATUS_CODES.get(code) ?? code;
}
