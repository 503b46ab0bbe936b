// Base advice per (category, denyKind, policyType), in our own words after the AWS IAM, S3, KMS and
// Organizations troubleshooting guides. Placeholders in <angle brackets> are for the reader to fill.
import type { GuidanceEntry } from './guidance-types.js';

const SIMULATE = '`aws iam simulate-principal-policy --policy-source-arn <principal-arn> --action-names <action> --resource-arns <resource-arn>`';
const SCP_LIST = '`aws organizations list-policies-for-target --target-id <account-id> --filter SERVICE_CONTROL_POLICY`';
const RCP_LIST = '`aws organizations list-policies-for-target --target-id <account-id> --filter RESOURCE_CONTROL_POLICY`';
const TRUST = '`aws iam get-role --role-name <role> --query Role.AssumeRolePolicyDocument`';
const VPCE = "`aws ec2 describe-vpc-endpoints --vpc-endpoint-ids <vpce-id> --query 'VpcEndpoints[].PolicyDocument'`";

// prettier-ignore
export const BASE_GUIDANCE: readonly GuidanceEntry[] = [
  { id: 'authorization/explicit/identity-based', title: 'A policy attached to the caller denies this action', checks: [
    'Open every policy on the principal: managed and inline, and for an IAM user also its groups\' policies (`aws iam list-attached-role-policies`, `aws iam list-role-policies`, or the -user- variants).',
    'Look for a statement with "Effect": "Deny" whose Action (or NotAction, or a wildcard) covers the action, and read its Condition: MFA, source IP, requested Region and tag conditions are the usual triggers.',
    `${SIMULATE} names the statement that decides.`,
    'No Allow can outweigh a Deny: narrow or remove the Deny statement itself.',
  ] },
  { id: 'authorization/implicit/identity-based', title: 'Nothing attached to the caller allows this action', checks: [
    'Add an Allow statement for the action to a policy of the principal (for an assumed role: the role\'s policies, not the human\'s).',
    'Make its Resource match the ARN in the message exactly (or "*" for actions without resource-level permissions) and check that every Condition holds for this request.',
    `Confirm before deploying: ${SIMULATE}.`,
  ] },
  { id: 'authorization/explicit/resource-based', title: 'The policy on the resource denies this caller', checks: [
    'Open the resource\'s own policy: `aws s3api get-bucket-policy --bucket <bucket>`, `aws kms get-key-policy --key-id <key> --policy-name default`, or the queue, topic, secret or function policy.',
    'Find the Deny whose Principal (or NotPrincipal) and Action match, and read its Condition: aws:SourceVpce, aws:PrincipalOrgID, aws:SecureTransport and encryption headers are common.',
    'A Deny in a resource policy binds every caller, administrators of the owning account included.',
  ] },
  { id: 'authorization/implicit/resource-based', title: 'The policy on the resource does not allow this caller', checks: [
    'A caller from another account needs an Allow in the resource policy naming its account or principal, on top of its own identity-based Allow.',
    'Add a statement with the caller\'s ARN as Principal, the action and the resource ARN.',
    'KMS key policies and role trust policies must allow even callers of the same account.',
  ] },
  { id: 'authorization/explicit/permissions-boundary', title: 'The caller\'s permissions boundary denies this action', checks: [
    'Find the boundary: `aws iam get-role --role-name <role> --query Role.PermissionsBoundary` (or `aws iam get-user`).',
    'Open that managed policy and find the Deny statement covering the action; change it or place the principal under another boundary.',
  ] },
  { id: 'authorization/implicit/permissions-boundary', title: 'The caller\'s permissions boundary does not allow this action', checks: [
    'A boundary caps the principal: the action must be allowed by an identity policy and by the boundary.',
    'Get the boundary ARN (`aws iam get-role --role-name <role> --query Role.PermissionsBoundary.PermissionsBoundaryArn`) and add the action to its Allow statements, or ask whoever owns it.',
    `${SIMULATE} with \`--permissions-boundary-policy-input-list\` tests a changed boundary.`,
  ] },
  { id: 'authorization/explicit/service-control-policy', title: 'A service control policy denies this action in the account', checks: [
    `List the SCPs on the account and on every parent OU: ${SCP_LIST}, walking up with \`aws organizations list-parents --child-id <account-id>\`.`,
    'Read each with `aws organizations describe-policy --policy-id <p-id>` and find the Deny that matches: Region guardrails (aws:RequestedRegion) and exemptions by aws:PrincipalArn are the usual causes.',
    'SCPs bind every principal of a member account, its root user included; only the management account (or a delegated administrator) can change them.',
  ] },
  { id: 'authorization/implicit/service-control-policy', title: 'No service control policy allows this action', checks: [
    'Every level from the organization root to the account must allow the action through some SCP.',
    `Run ${SCP_LIST} at each level: an allow-list SCP that replaced FullAWSAccess is the usual cause; add the action to it.`,
  ] },
  { id: 'authorization/explicit/resource-control-policy', title: 'A resource control policy denies access to this resource', checks: [
    `RCPs are attached in AWS Organizations and bind resources of member accounts whoever calls: ${RCP_LIST} on the resource's account and its OUs.`,
    'Read them with `aws organizations describe-policy --policy-id <p-id>` and look for a Deny conditioned on aws:PrincipalOrgID, aws:SourceOrgID or aws:SecureTransport that this caller fails.',
  ] },
  { id: 'authorization/implicit/resource-control-policy', title: 'No resource control policy allows access to this resource', checks: [
    `The RCPFullAWSAccess policy must stay attached at each level of the resource's account path: check with ${RCP_LIST}.`,
  ] },
  { id: 'authorization/explicit/session-policy', title: 'The session policy denies this action', checks: [
    'A policy passed when the session was created (Policy or PolicyArns of AssumeRole, AssumeRoleWithSAML, AssumeRoleWithWebIdentity or GetFederationToken) contains a Deny for it.',
    'Find what creates the session (CI runner, credential broker, Identity Center permission set) and read the policy it passes; the AssumeRole event for this session name shows it in requestParameters.',
  ] },
  { id: 'authorization/implicit/session-policy', title: 'The session policy does not allow this action', checks: [
    'A session is limited to what both the role and the session policy allow: add the action to the session policy passed at AssumeRole (or GetFederationToken), or stop passing one.',
    'The AssumeRole event with this session name shows requestParameters.policy and policyArns.',
  ] },
  { id: 'authorization/explicit/vpc-endpoint-policy', title: 'The VPC endpoint policy denies this request', checks: [
    `The event's vpcEndpointId names the endpoint: ${VPCE}.`,
    'Find the Deny that matches the action, resource or principal, often conditioned on aws:PrincipalOrgID or aws:ResourceAccount.',
  ] },
  { id: 'authorization/implicit/vpc-endpoint-policy', title: 'The VPC endpoint policy does not allow this request', checks: [
    `The default endpoint policy allows everything, so someone replaced it: ${VPCE}.`,
    'Add an Allow for the action and resource (and this principal, if the policy names principals), or send the request through another path.',
  ] },
  { id: 'authorization/explicit/role-trust-policy', title: 'The role\'s trust policy denies this caller', checks: [
    `Read the trust policy: ${TRUST}.`,
    'Find the Deny that matches the caller; conditions on aws:PrincipalArn, source identity or session tags are typical.',
  ] },
  { id: 'authorization/implicit/role-trust-policy', title: 'The role\'s trust policy does not trust this caller', checks: [
    `Read the trust policy: ${TRUST}; its Principal must name the caller's account, role, identity provider or service.`,
    'Check its Conditions: sts:ExternalId, aws:PrincipalOrgID, and for OIDC the aud and sub claims.',
    'The caller also needs sts:AssumeRole (and sts:TagSession or sts:SetSourceIdentity when it passes them) on this role ARN in its own policies.',
  ] },
  { id: 'authorization/explicit/s3-block-public-access', title: 'S3 Block Public Access refused a public ACL or policy', checks: [
    'Check both levels: `aws s3control get-public-access-block --account-id <account-id>` and `aws s3api get-public-access-block --bucket <bucket>`.',
    'Keep Block Public Access on where you can: grant specific principals instead, or serve the content through CloudFront with origin access control.',
    'If public access is really intended, turn off only the setting the message names (BlockPublicAcls, BlockPublicPolicy, …).',
  ] },
  { id: 'authorization/explicit/unspecified', title: 'An explicit Deny refused the request, policy type not given', checks: [
    'The Deny may sit in any policy type: the caller\'s policies, the resource policy, a permissions boundary, a session policy, an SCP or RCP, or a VPC endpoint policy.',
    `Start with ${SIMULATE} (identity policies and boundary), then the resource policy, then ${SCP_LIST}.`,
  ] },
  { id: 'authorization/unspecified/resource-based', title: 'The resource\'s policy or setting refused the request, or the resource is missing', checks: [
    'Confirm the resource exists in this account and Region: KMS keys are Regional (`aws kms describe-key --key-id <key>`).',
    'Read its policy (`aws kms get-key-policy --key-id <key> --policy-name default`, `aws s3api get-bucket-policy --bucket <bucket>`) for a Deny or a missing Allow for this caller.',
    'Without a key policy statement for the account root principal, IAM policies cannot grant use of a KMS key at all.',
  ] },
  { id: 'authorization/unspecified/vpc-endpoint-policy', title: 'A VPC endpoint policy refused the request', checks: [
    `The event's vpcEndpointId and vpcEndpointAccountId name the endpoint and its owner, possibly another account: ${VPCE}.`,
    'Look for a Deny matching the request, or an allow-list that leaves out this action, resource or principal.',
  ] },
  { id: 'authorization/unspecified/unspecified', title: 'Refused; the message does not say which policy', checks: [
    'Walk the evaluation order: SCPs and RCPs, the resource policy, the caller\'s identity policies, its permissions boundary, the session policy, the VPC endpoint policy.',
    `${SIMULATE} covers the caller's side; ${SCP_LIST} the organization's.`,
    'Compare with a successful call of the same action by the same principal, if the logs have one: what changed (Region, resource, network path, session)?',
  ] },
  { id: 'authentication/unspecified/unspecified', title: 'The caller could not be authenticated', checks: [
    'No policy change fixes this: the credentials themselves were missing, wrong or expired.',
    'From the same environment, `aws sts get-caller-identity` and `aws configure list` show which credentials are in use and where they come from.',
    'Many failures from unfamiliar source IPs or user agents can mean a leaked or guessed credential: review sourceIPAddress and userAgent, and rotate keys (`aws iam list-access-keys --user-name <user>`).',
  ] },
  { id: 'account/unspecified/unspecified', title: 'The account cannot use this service or Region', checks: [
    'OptInRequired: enable the Region (`aws account enable-region --region-name <region>`) or subscribe to the product.',
    'Blocked, AccountProblem, PendingVerification, AllAccessDisabled: a billing or verification issue; check the Billing console and open a support case. Only the root user or billing administrators can resolve it.',
  ] },
];
