// What the demo organization's exported policies are meant to say of each policy refusal in the demo
// archive, scenario by scenario: the generator placed the statements (organization.ts, prod-iam.ts,
// dev-iam.ts, resources.ts, session-policies.ts) to produce exactly these. Failed sign-ins, expired
// keys and account states are no policy decisions and have none. test/samples/policy-causes.test.ts
// holds the report over samples/ to them.
import type { Category, CauseKind, PolicyLayer } from '../../types.js';

export interface IntendedCause {
  kind: CauseKind;
  layer?: PolicyLayer; // explicit-deny: the denying statement's layer
  sid?: string; // explicit-deny: its Sid
  lacking?: PolicyLayer[]; // implicit-deny: layers that must be among those lacking an Allow
  unknown?: string; // undetermined: part of what the log or the exports cannot tell
  /** AWS's message states a deny kind and policy type the evaluation cannot confirm, and says so. */
  disagrees?: true;
  why: string;
}

/** Each call of the stolen key's enumeration (identity-based implicit denies, as their messages say). */
const ENUMERATION: IntendedCause = { kind: 'implicit-deny', lacking: ['identity-based'], why: 'the CI user may list or describe nothing: its key was used to enumerate the account' };

export const INTENDED_CAUSES: Readonly<Record<string, IntendedCause>> = {
  // scenarios-policy.ts
  'ci-region-guard-scp': { kind: 'explicit-deny', layer: 'service-control-policy', sid: 'DenyOutsideApprovedRegions', why: 'us-west-2 is outside the Workloads OU\'s approved regions' },
  'lambda-missing-kms-decrypt': { kind: 'implicit-deny', lacking: ['identity-based'], why: 'the role may decrypt with the old orders key only; the key policy leaves it to IAM' },
  'analyst-dynamodb-scan': { kind: 'implicit-deny', lacking: ['identity-based'], why: 'the analyst may scan sandbox tables only' },
  'user-delete-role-explicit': { kind: 'explicit-deny', layer: 'identity-based', sid: 'ProtectAuditRoles', why: 'security/audit-* roles are protected; the message names the role without its path' },
  'console-user-no-mfa-terminate': { kind: 'explicit-deny', layer: 'identity-based', sid: 'DenyDestructiveWithoutMFA', why: 'a console session without MFA' },
  'contractor-authorization-id': { kind: 'explicit-deny', layer: 'identity-based', sid: 'NoAccessKeyEnumeration', why: 'contractors may not list access keys' },
  'bucket-policy-protects-audit-logs': { kind: 'explicit-deny', layer: 'resource-based', sid: 'ProtectLogs', why: 'the audit bucket refuses deletes to everyone' },
  'cross-account-bucket-no-grant': { kind: 'implicit-deny', lacking: ['resource-based'], why: 'the datasets bucket shares shared/* with dev, not curated/*' },
  'cross-account-sns-publish': { kind: 'implicit-deny', lacking: ['resource-based'], why: 'the topic lets the prod account and CloudWatch publish, not dev' },
  'boundary-blocks-create-role': { kind: 'explicit-deny', layer: 'permissions-boundary', sid: 'NoRoleCreation', why: 'the contractor boundary denies creating roles' },
  'boundary-lacks-sqs': { kind: 'implicit-deny', lacking: ['permissions-boundary'], why: 'the developer boundary leaves SQS out' },
  'trail-tags-scp': { kind: 'explicit-deny', layer: 'service-control-policy', sid: 'ProtectCloudTrail', why: 'the root SCP protects the trails, their tags too, from every principal but OrganizationAccountAccessRole' },
  'developer-run-instances-scp': { kind: 'explicit-deny', layer: 'service-control-policy', sid: 'DenyOutsideApprovedRegions', why: 'us-west-2 is outside the approved regions' },
  'bedrock-not-allowed-scp': { kind: 'implicit-deny', lacking: ['service-control-policy'], why: 'the Dev OU\'s allow-list SCP leaves Bedrock out' },
  'rcp-blocks-outside-principal': { kind: 'explicit-deny', layer: 'resource-control-policy', sid: 'DenyFederatedUsersOnSharedData', why: 'the data perimeter RCP keeps federated users off the shared datasets' },
  'rcp-secret-explicit': { kind: 'explicit-deny', layer: 'resource-control-policy', sid: 'ProdSecretsStayInProd', why: 'prod/* secrets are for prod principals only, though the dev role\'s own policy allows reading them' },
  // RCPFullAWSAccess is attached at every level and cannot be detached: no RCP denies implicitly, and
  // the role's own policies are what lack the Allow
  'rcp-secret-implicit': { kind: 'implicit-deny', lacking: ['identity-based'], disagrees: true, why: 'the role may read prod/* secrets only; an RCP cannot refuse implicitly' },
  // scenarios-context.ts
  'federated-session-policy-deny': { kind: 'explicit-deny', layer: 'session-policy', sid: 'NoWeeklyReportUploads', why: 'the broker\'s session policy keeps weekly reports out' },
  'ci-inline-session-policy': { kind: 'implicit-deny', lacking: ['session-policy'], why: 'the workflow\'s session policy allows deploy actions only' },
  'terraform-sessions-policy-typo': { kind: 'explicit-deny', layer: 'session-policy', sid: 'PlanIsReadOnly', why: 'plan sessions may not take the state lock' },
  'vpce-explicit-partner-put': { kind: 'explicit-deny', layer: 'vpc-endpoint-policy', sid: 'NoOutboundDrops', why: 'the endpoint refuses uploads to outbound/' },
  'vpce-implicit-partner-put': { kind: 'implicit-deny', lacking: ['vpc-endpoint-policy'], why: 'the endpoint allows reading the partner bucket, not writing it' },
  'vpce-transitive-scp': { kind: 'explicit-deny', layer: 'vpc-endpoint-policy', sid: 'ReportsStayInside', why: 'the dev endpoint keeps weekly reports for reports-* roles' },
  'vpce-network-activity': { kind: 'explicit-deny', layer: 'vpc-endpoint-policy', sid: 'OnlyOrdersReadSecrets', why: 'the Secrets Manager endpoint serves the orders roles only, whatever the secret' },
  'trust-policy-explicit-break-glass': { kind: 'explicit-deny', layer: 'role-trust-policy', sid: 'NoDevAccounts', why: 'the break-glass role refuses the dev account' },
  'trust-policy-implicit': { kind: 'implicit-deny', lacking: ['role-trust-policy'], why: 'payments-readonly trusts its own account only' },
  'assume-role-no-reason': { kind: 'implicit-deny', lacking: ['role-trust-policy'], why: 'OrganizationAccountAccessRole trusts the management account only' },
  'web-identity-not-trusted': { kind: 'undetermined', unknown: 'token.actions.githubusercontent.com:sub', why: 'the trust policy wants environment:production; the engine does not check identity-provider keys' },
  'bpa-public-acl': { kind: 'explicit-deny', layer: 's3-block-public-access', sid: 'BlockPublicAcls', why: 'the static site bucket blocks public ACLs' },
  'glue-job-log-retention': { kind: 'implicit-deny', lacking: ['identity-based'], why: 'the job may set retention on crawler log groups only' },
  // scenarios-unspecified.ts
  's3-plain-external-account': { kind: 'implicit-deny', lacking: ['resource-based'], why: 'the partner may read releases/stable/* only' },
  's3-plain-same-account': { kind: 'implicit-deny', lacking: ['identity-based'], why: 'the operator may list the artifacts bucket only' },
  'ec2-encoded-only': { kind: 'explicit-deny', layer: 'identity-based', sid: 'NoOpenIngress', why: 'contractors may not open security groups, whichever group' },
  'ec2-truncated-message': { kind: 'explicit-deny', layer: 'identity-based', sid: 'DenyDirectNetworkInterfaces', why: 'CI may not attach network interfaces itself' },
  'kms-cross-account-key-policy': { kind: 'implicit-deny', lacking: ['resource-based'], why: 'the key policy lets dev encrypt, not decrypt' },
  'kms-ciphertext-unknown-key': { kind: 'undetermined', unknown: 'the resource is not named in the event', why: 'the event does not say which key the ciphertext names' },
  // the message says identity-based; the key (and its key policy) is not in the event
  'kms-ciphertext-implicit': { kind: 'undetermined', unknown: 'the resource is not named in the event', why: 'the event does not say which key the ciphertext names' },
  'legacy-bare-explicit': { kind: 'explicit-deny', layer: 'identity-based', sid: 'NoIamTagChanges', why: 'the plan role may not change IAM tags: that is for apply' },
  'alarm-service-principal': { kind: 'implicit-deny', lacking: ['resource-based'], why: 'the encrypted topic does not let CloudWatch publish' },
  'sqs-legacy-api-form': { kind: 'implicit-deny', lacking: ['identity-based'], why: 'the contractor has no SQS permission' },
  'unrecognised-cross-account-pass-role': { kind: 'allowed-now', why: 'the policies allow it: passing a role of another account is refused by Lambda itself' },
  'unrecognised-lake-formation': { kind: 'allowed-now', why: 'IAM allows it: Lake Formation\'s own grants refused it' },
  // scenarios-actions.ts
  's3-head-object-denied': { kind: 'implicit-deny', lacking: ['resource-based'], why: 'the partner may read releases/stable/* only' },
  's3-multipart-upload-denied': { kind: 'explicit-deny', layer: 'service-control-policy', sid: 'DenyOutsideApprovedRegions', why: 'the upload went to us-west-2' },
  'cloudwatch-put-metric-data': { kind: 'implicit-deny', lacking: ['identity-based'], why: 'the batch role may read metrics, not put them' },
  'bedrock-marketplace-actions': { kind: 'implicit-deny', lacking: ['service-control-policy', 'identity-based'], why: 'neither the Dev allow-list nor the role allows AWS Marketplace' },
  // scenarios-intrusion.ts: deploy-bot's stolen key. Its own policy lets it publish artifacts and update
  // the payments stacks, nothing more: the enumeration and the reaching for credentials lack an Allow;
  // the guardrails a real organization keeps refuse the rest. The spray's failed sign-ins are no policy
  // decisions (authentication) and have no cause.
  'intrusion-get-user': ENUMERATION,
  'intrusion-list-users': ENUMERATION,
  'intrusion-list-roles': ENUMERATION,
  'intrusion-list-attached-user-policies': ENUMERATION,
  'intrusion-list-user-policies': ENUMERATION,
  'intrusion-list-groups-for-user': ENUMERATION,
  'intrusion-get-account-authorization-details': ENUMERATION,
  'intrusion-list-access-keys': ENUMERATION,
  'intrusion-describe-instances': ENUMERATION,
  'intrusion-describe-security-groups': ENUMERATION,
  'intrusion-describe-vpcs': ENUMERATION,
  'intrusion-describe-snapshots': ENUMERATION,
  'intrusion-list-functions': ENUMERATION,
  'intrusion-describe-db-instances': ENUMERATION,
  'intrusion-list-tables': ENUMERATION,
  'intrusion-list-secrets': ENUMERATION,
  'intrusion-list-keys': ENUMERATION,
  'intrusion-list-topics': ENUMERATION,
  'intrusion-list-queues': ENUMERATION,
  'intrusion-describe-trails': ENUMERATION,
  'intrusion-list-detectors': ENUMERATION,
  'intrusion-describe-organization': ENUMERATION,
  'intrusion-describe-parameters': ENUMERATION,
  // the same, under S3's bare "Access Denied" and EC2's encoded message
  'intrusion-list-buckets': { kind: 'implicit-deny', lacking: ['identity-based'], why: 'the CI user may touch the artifacts bucket only, not list all buckets' },
  'intrusion-get-bucket-policy': { kind: 'implicit-deny', lacking: ['identity-based', 'resource-based'], why: 'neither the CI user nor the audit bucket\'s policy allows reading that policy' },
  'intrusion-get-password-data': { kind: 'implicit-deny', lacking: ['identity-based'], why: 'the CI user has no EC2 permission: the instance\'s password is out of its reach' },
  'intrusion-describe-instance-user-data': { kind: 'implicit-deny', lacking: ['identity-based'], why: 'the CI user has no EC2 permission: the instance\'s user data is out of its reach' },
  'intrusion-get-secret-value': { kind: 'implicit-deny', lacking: ['identity-based'], why: 'the CI user may read no secret; the secret has no resource policy to grant it' },
  'intrusion-stop-logging': { kind: 'explicit-deny', layer: 'service-control-policy', sid: 'ProtectCloudTrail', why: 'the root SCP keeps every principal but OrganizationAccountAccessRole from stopping the trail' },
  'intrusion-create-access-key': { kind: 'implicit-deny', lacking: ['identity-based'], why: 'the CI user may not create access keys, for itself or for the break-glass user' },
  'intrusion-create-user': { kind: 'implicit-deny', lacking: ['identity-based'], why: 'the CI user may not create users' },
  'intrusion-put-public-bucket-policy': { kind: 'explicit-deny', layer: 's3-block-public-access', sid: 'BlockPublicPolicy', why: 'the CI user\'s s3:* on the artifacts bucket would allow it; the bucket\'s Block Public Access refuses a public policy' },
};

/**
 * The archive's other denials are no policy decision, so the evaluator gives them no cause and the
 * reports count them apart ("not a policy decision"): why, by category. The intrusion story's password
 * spray (intrusion-spray-*) is authentication: a wrong password is refused before any policy is read.
 */
export const NO_POLICY_DECISION: Readonly<Record<Exclude<Category, 'authorization'>, string>> = {
  authentication: 'the caller was not authenticated (a failed console sign-in, an expired or invalid key, a bad signature): no policy is evaluated',
  account: 'the account is not set up for the request (a Marketplace subscription, an opt-in Region): no policy is evaluated',
};
