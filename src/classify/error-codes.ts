// The error-code catalog: which errorCode values count as denials, and of which category.
// Codes are matched case-sensitively as AWS writes them; EC2 prefixes client errors with `Client.`.
import type { Category } from '../types.js';

export interface ErrorCodeRow {
  code: string;
  category: Category | null; // null: listed on purpose as *not* a denial
  services: string;
  note: string;
}

/** Synthetic code for console sign-in failures, which CloudTrail logs without any errorCode. */
export const CONSOLE_LOGIN_FAILURE = 'ConsoleLoginFailure';

// prettier-ignore
export const ERROR_CODES: readonly ErrorCodeRow[] = [
  // authorization: a policy (or a setting acting like one) refused the request
  { code: 'AccessDenied', category: 'authorization', services: 'most (S3, STS, IAM, Organizations, …)', note: 'generic refusal; the message says which policy type when AWS knows' },
  { code: 'AccessDeniedException', category: 'authorization', services: 'JSON-protocol services (KMS, Lambda, DynamoDB, Secrets Manager, …)', note: 'same meaning as AccessDenied' },
  { code: 'UnauthorizedOperation', category: 'authorization', services: 'EC2', note: 'often with an encoded authorization failure message' },
  { code: 'AuthorizationError', category: 'authorization', services: 'SNS', note: 'SNS spelling of AccessDenied' },
  { code: 'NotAuthorized', category: 'authorization', services: 'Route 53, older query APIs', note: 'legacy spelling' },
  { code: 'VpceAccessDenied', category: 'authorization', services: 'network activity events', note: 'a VPC endpoint policy refused the call' },
  { code: 'KMSAccessDeniedException', category: 'authorization', services: 'Lambda', note: 'the function role may not use the KMS key' },
  { code: 'UnauthorizedException', category: 'authorization', services: 'AppSync, IoT, Amplify', note: 'the caller is not authorized for the API, field or topic' },
  // authentication: the caller could not be identified or its credentials are not valid
  { code: 'ExpiredToken', category: 'authentication', services: 'STS and query APIs', note: 'temporary credentials past their expiry' },
  { code: 'ExpiredTokenException', category: 'authentication', services: 'JSON-protocol services', note: 'temporary credentials past their expiry' },
  { code: 'RequestExpired', category: 'authentication', services: 'EC2, query APIs', note: 'signature timestamp too old (clock skew or replay)' },
  { code: 'InvalidClientTokenId', category: 'authentication', services: 'query APIs (IAM, STS, SNS, …)', note: 'access key id unknown or deactivated' },
  { code: 'UnrecognizedClientException', category: 'authentication', services: 'JSON-protocol services', note: 'access key id or security token not valid' },
  { code: 'SignatureDoesNotMatch', category: 'authentication', services: 'all', note: 'wrong secret key or request altered in transit' },
  { code: 'IncompleteSignature', category: 'authentication', services: 'all', note: 'malformed Authorization header' },
  { code: 'InvalidSignatureException', category: 'authentication', services: 'JSON-protocol services (Lambda, DynamoDB, KMS, …)', note: 'signature wrong or expired ("Signature expired: … is now earlier than …": clock skew)' },
  { code: 'MissingAuthenticationToken', category: 'authentication', services: 'query APIs, API Gateway', note: 'unsigned request' },
  { code: 'AuthFailure', category: 'authentication', services: 'EC2', note: 'credentials could not be validated' },
  { code: 'InvalidAccessKeyId', category: 'authentication', services: 'S3', note: 'access key id does not exist' },
  { code: 'InvalidToken', category: 'authentication', services: 'S3', note: 'malformed or expired session token' },
  { code: 'InvalidIdentityToken', category: 'authentication', services: 'STS AssumeRoleWithWebIdentity', note: 'OIDC token rejected (issuer, audience, signature)' },
  { code: 'IDPRejectedClaim', category: 'authentication', services: 'STS AssumeRoleWithSAML / WithWebIdentity', note: 'identity provider claim rejected' },
  { code: 'NotAuthorizedException', category: 'authentication', services: 'Cognito', note: 'failed sign-in (wrong password, disabled user)' },
  { code: CONSOLE_LOGIN_FAILURE, category: 'authentication', services: 'AWS sign-in (ConsoleLogin)', note: 'synthetic: CloudTrail logs failed console sign-ins with responseElements.ConsoleLogin "Failure" and no errorCode' },
  // account: the account itself cannot use the service
  { code: 'OptInRequired', category: 'account', services: 'EC2, opt-in Regions, Marketplace', note: 'Region or service not enabled for the account' },
  { code: 'Blocked', category: 'account', services: 'EC2', note: 'account blocked, usually billing' },
  { code: 'AllAccessDisabled', category: 'account', services: 'S3', note: 'all access to the bucket or account disabled' },
  { code: 'AccountProblem', category: 'account', services: 'S3', note: 'account has a problem preventing the operation' },
  { code: 'PendingVerification', category: 'account', services: 'EC2', note: 'account still being verified' },
  { code: 'SubscriptionRequiredException', category: 'account', services: 'JSON-protocol services', note: 'account not subscribed to the service' },
  { code: 'NotSignedUp', category: 'account', services: 'S3', note: 'account not signed up for the service' },
  // listed so nobody adds them as denials by mistake: they are other errors
  { code: 'ThrottlingException', category: null, services: 'JSON-protocol services', note: 'rate limit, not a permission problem' },
  { code: 'Throttling', category: null, services: 'query APIs', note: 'rate limit' },
  { code: 'RequestLimitExceeded', category: null, services: 'EC2', note: 'rate limit' },
  { code: 'InvalidAccessException', category: null, services: 'Security Hub', note: 'service not enabled in the account, not a refusal by policy' },
  { code: 'DryRunOperation', category: null, services: 'EC2', note: 'Client.DryRunOperation means the dry run *would* have succeeded' },
  { code: 'NoSuchBucketPolicy', category: null, services: 'S3', note: 'NoSuch* codes are missing resources' },
  { code: 'NoSuchEntity', category: null, services: 'IAM', note: 'missing resource' },
  { code: 'ResourceNotFoundException', category: null, services: 'many', note: '*NotFound* codes are missing resources' },
];

const BY_CODE: ReadonlyMap<string, ErrorCodeRow> = new Map(ERROR_CODES.map((row) => [row.code, row]));

/** EC2 reports client errors as `Client.<Code>`; the rest of the code decides. */
export function normalizeCode(code: string): string {
  return code.startsWith('Client.') ? code.slice('Client.'.length) : code;
}

export function errorCodeRow(code: string): ErrorCodeRow | null {
  return BY_CODE.get(code) ?? BY_CODE.get(normalizeCode(code)) ?? null;
}

/** Category of a denial code; null for every other error, including codes this table does not know. */
export function errorCategory(code: string): Category | null {
  return errorCodeRow(code)?.category ?? null;
}
