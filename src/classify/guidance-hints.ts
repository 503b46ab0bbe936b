// Advice that a hint adds to the base entry, and advice specific to an error code.
import type { GuidanceEntry } from './guidance-types.js';

// prettier-ignore
export const HINT_GUIDANCE: readonly GuidanceEntry[] = [
  { id: 'hint/mfa-absent', title: 'The session was created without MFA', checks: [
    'Look for a Deny conditioned on aws:MultiFactorAuthPresent (BoolIfExists false): it refuses every call made without MFA.',
    'From the CLI, get MFA-backed credentials first: `aws sts get-session-token --serial-number <mfa-device-arn> --token-code <code>`, or assume a role with MFA.',
  ] },
  { id: 'hint/cross-account', title: 'Caller and resource are in different accounts', checks: [
    'Both sides must allow: the caller\'s identity policy and the resource policy (or the role\'s trust policy) in the other account.',
    'The SCPs of the caller\'s organization and the RCPs of the resource owner\'s organization both apply.',
  ] },
  { id: 'hint/vpc-endpoint', title: 'The request came through a VPC endpoint', checks: [
    "The endpoint policy must allow it too: `aws ec2 describe-vpc-endpoints --vpc-endpoint-ids <vpce-id> --query 'VpcEndpoints[].PolicyDocument'`.",
    'Resource policies with aws:SourceVpce or aws:SourceVpc conditions behave differently for calls from inside and outside the VPC.',
  ] },
  { id: 'hint/service-principal', title: 'An AWS service made the call', checks: [
    'The permission belongs to the service-linked role or to the role you handed the service (check that the caller may iam:PassRole it), not to the person who configured it.',
    'If a resource policy must let the service in, allow the service principal and pin it with aws:SourceArn or aws:SourceAccount.',
  ] },
  { id: 'hint/root', title: 'The root user was refused', checks: [
    'Identity policies do not bind root: only SCPs (member accounts), RCPs and resource policies with an explicit Deny can refuse it. Check those.',
    'Use of the root user for everyday calls is itself worth a question.',
  ] },
  { id: 'hint/console-session', title: 'The call came from a console session', checks: [
    'Console pages call many read APIs in the background: a refusal may be a page widget the person never needed; check whether they actually saw an error.',
  ] },
  { id: 'hint/temporary-credentials', title: 'Temporary credentials were used', checks: [
    'Session policies and session tags can narrow the role: the AssumeRole (or GetFederationToken) event for this session shows what was passed.',
    'Permissions changed after the session began apply at once to Deny statements but may take a few minutes to propagate.',
  ] },
  { id: 'hint/federated', title: 'A federated identity made the call', checks: [
    'Its permissions come from the role mapped by the identity provider or the IAM Identity Center permission set: fix them there (`aws sso-admin list-permission-sets --instance-arn <instance-arn>`), not on a user.',
    'If the role could not be assumed at all, check the trust policy conditions on SAML or OIDC claims.',
  ] },
  { id: 'hint/encoded-message', title: 'The message carries an encoded explanation', checks: [
    'Decode it: `aws sts decode-authorization-message --encoded-message <encoded-message> --query DecodedMessage --output text` (needs sts:DecodeAuthorizationMessage).',
    'The decoded JSON says whether the deny was explicit, which statements matched and the full request context (conditions, tags, Region).',
  ] },
  { id: 'hint/truncated-message', title: 'CloudTrail cut the message', checks: [
    'CloudTrail keeps about 1 KB of errorMessage: the classification uses what was kept, and an encoded blob cut short cannot be decoded.',
    'Repeat the call to get the whole message (for EC2, with `--dry-run`), or use the authorization id or policy ARN if the kept part has one.',
  ] },
  { id: 'hint/authorization-id', title: 'AWS recorded the full evaluation of this denial', checks: [
    'Fetch it: `aws iam-toolbox get-request-authorization-details --authorization-id <authorization-id>` (needs iam:GetRequestAuthorizationDetails; kept for at least 24 hours), or open the console link in the message.',
    'The answer lists the policies evaluated and the statement that decided, which settles the question without trial and error.',
  ] },
  { id: 'hint/kms-cross-account', title: 'KMS needs the key policy and the caller\'s policy to agree', checks: [
    'The key policy (in the key\'s account) must allow the caller\'s account or role, and the caller\'s identity policy must allow the kms action on the key ARN: one Allow is not enough across accounts.',
    'Check that the key exists in this Region and is enabled: `aws kms describe-key --key-id <key-arn>`; grants (`aws kms list-grants --key-id <key-arn>`) are a third way in.',
  ] },
  { id: 'hint/transitive-scp', title: 'The endpoint policy applied by way of a service control policy', checks: [
    "Open the VPC endpoint policy for the Deny (`aws ec2 describe-vpc-endpoints --vpc-endpoint-ids <vpce-id> --query 'VpcEndpoints[].PolicyDocument'`).",
    'Also list the SCPs of the account that owns the endpoint (`aws organizations list-policies-for-target --target-id <account-id> --filter SERVICE_CONTROL_POLICY`): the message says the deny reached the request through one.',
  ] },
  { id: 'hint/sts-assume-role', title: 'Role assumption refused without a reason', checks: [
    'Two policies can refuse it: the role\'s trust policy (`aws iam get-role --role-name <role> --query Role.AssumeRolePolicyDocument`) and the caller\'s own policies, which must allow sts:AssumeRole on the role ARN.',
    'For web identity and SAML only the trust policy counts: check the provider ARN and the aud/sub (or SAML:aud) conditions.',
  ] },
  { id: 'hint/session-credentials', title: 'GetSessionToken was called with session credentials', checks: [
    'GetSessionToken accepts only an IAM user\'s long-term access keys (or root\'s): call it with those, not from an assumed-role or federated session.',
  ] },
  { id: 'hint/s3-access-denied', title: 'S3 gave no detail', checks: [
    'S3 leaves out the reason for anonymous calls and for callers outside the bucket owner\'s account or organization.',
    'Check in turn: bucket policy, object ownership and ACLs (objects written by another account), the KMS key of SSE-KMS objects (kms:Decrypt), Block Public Access, the VPC endpoint policy, Requester Pays.',
  ] },
  { id: 'hint/sse-c-blocked', title: 'The bucket blocks uploads with customer-provided keys', checks: [
    '`aws s3api get-bucket-encryption --bucket <bucket>` shows BlockedEncryptionTypes; SSE-C there refuses every upload that sends customer keys.',
    'Switch the client to SSE-S3 or SSE-KMS, or unblock SSE-C deliberately with `aws s3api put-bucket-encryption`.',
  ] },
  { id: 'hint/no-error-body', title: 'The response had no error body (S3 HEAD)', checks: [
    'A HEAD request cannot carry an error message, so the SDK shows only the HTTP status: 403 means s3:GetObject (s3:GetObjectVersion with a version id) was refused on the object.',
    'It may also mean the object does not exist: without s3:ListBucket on the bucket, S3 answers 403 rather than 404. Check with `aws s3api list-objects-v2 --bucket <bucket> --prefix <key>`.',
    'A 400 on HEAD is often an expired or invalid session token, which the status alone cannot say.',
  ] },
  { id: 'hint/marketplace-subscription', title: 'The model is sold through AWS Marketplace', checks: [
    'The first use of such a model in an account subscribes to it: the caller needs every action the message lists (aws-marketplace:ViewSubscriptions, aws-marketplace:Subscribe) once, or an administrator enables the model beforehand.',
    'After the fix, AWS says the subscription may take a few minutes to complete; denials in that time are expected.',
  ] },
  { id: 'hint/ami-launch-permission', title: 'The account may not launch this image', checks: [
    'The AMI is private to another account, not shared with this one, deregistered, or in another Region: `aws ec2 describe-images --image-ids <ami-id>` from the same credentials.',
    'Its owner grants launch permission with `aws ec2 modify-image-attribute --image-id <ami-id> --launch-permission "Add=[{UserId=<account-id>}]"`; encrypted snapshots also need the KMS key shared.',
  ] },
  { id: 'hint/mfa-code', title: 'The MFA code was refused', checks: [
    'The code was wrong, already used, or from another device: each TOTP code works once, and the serial number must be the device\'s ARN (`aws iam list-mfa-devices --user-name <user>`).',
    'A device whose clock drifted needs resynchronising: `aws iam resync-mfa-device`.',
  ] },
  { id: 'hint/clock-skew', title: 'The request was signed at the wrong time', checks: [
    'AWS accepts a signature for 5 minutes around its own clock: check the caller\'s clock (`date -u`, NTP/chrony), in containers and VMs too.',
    'A signed request (or pre-signed URL) that was replayed or queued later shows the same error.',
  ] },
  { id: 'hint/gpu-instance', title: 'The request asked for a GPU (accelerated computing) instance', checks: [
    'GPU instances are what crypto-mining on stolen keys asks for: confirm that the caller meant to launch this type (requestParameters.instanceType in the record).',
    'If nobody did, treat the caller\'s credentials as stolen: see "Was this an attack?" in the README, and `aws ec2 describe-instances --filters Name=instance-type,Values=p*,g*` in every Region for launches that succeeded.',
  ] },
  { id: 'hint/user-data', title: 'The request asked for an instance\'s user data', checks: [
    'User data often holds bootstrap scripts with passwords or keys; reading it across many instances is a known credential-hunting step.',
    'Check that the caller has a reason to read it, and move secrets out of user data (Secrets Manager, SSM Parameter Store).',
  ] },
  { id: 'hint/billing-access', title: 'IAM access to billing information is not activated', checks: [
    'The root user must turn on "IAM user and role access to Billing information" in the account settings; only then do billing permissions in IAM policies take effect.',
  ] },
];

/** Extra first checks for credential and account codes, where the code says more than the policy type. */
// prettier-ignore
const CODE_CHECK_ROWS: Readonly<Record<string, readonly string[]>> = {
  ExpiredToken: ['The session credentials expired: get fresh ones (run the assume-role or SSO login again) and check how long sessions last.'],
  ExpiredTokenException: ['The session credentials expired: get fresh ones (run the assume-role or SSO login again) and check how long sessions last.'],
  RequestExpired: ['The signature is too old: the client clock is probably off by more than five minutes, or a signed request was replayed.'],
  InvalidClientTokenId: ['The access key id is unknown: deleted, deactivated, or from another partition (aws-cn and aws-us-gov keys work only there) or a Region not enabled.'],
  UnrecognizedClientException: ['The access key id or session token is not valid here: deleted, deactivated, or meant for another partition or Region.'],
  InvalidAccessKeyId: ['The access key id does not exist: deleted, mistyped, or from another partition.'],
  SignatureDoesNotMatch: ['The secret key does not match the key id, or something altered the request in transit: look for stray whitespace in the secret and for proxies.'],
  ConsoleLoginFailure: ['Wrong password or MFA code, or no such user (then the name shows as HIDDEN_DUE_TO_SECURITY_REASONS). Many failures for one name or from one address suggest password guessing.'],
  NotAuthorizedException: ['Cognito refused the sign-in: wrong password, disabled user, or an app client not allowed that auth flow.'],
  InvalidIdentityToken: ['The OIDC token was rejected: check the identity provider registered in IAM (URL, audience, thumbprint) against the token\'s iss and aud.'],
  IDPRejectedClaim: ['The identity provider\'s claim was rejected: check the SAML assertion or OIDC token against the role\'s trust policy conditions.'],
};

// A Map, not the object: codes come from logs, and a code like "__proto__" must find nothing.
export const CODE_CHECKS: ReadonlyMap<string, readonly string[]> = new Map(Object.entries(CODE_CHECK_ROWS));
