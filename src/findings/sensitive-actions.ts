// Actions whose mere attempt matters, refused or not: each row its ATT&CK technique, a one-line reason
// and the published detections that watch for it (sources.ts). A refusal means the guardrail held,
// and that someone tried. The test runs every row (test/findings/sensitive-actions.test.ts): a denial
// of `action` (with `hint`, when the row needs one) raises a finding with the row's technique.
import type { FindingSeverity } from '../types.js';
import type { SourceId } from './sources.js';
import type { TechniqueKey } from './techniques.js';

/** What the attempt was after, in plain words for a finding's title. */
export const FAMILIES = {
  logging: {
    words: 'turn off or change logging and detection',
    severity: 'high',
    next: 'Check that logging and detection are still on: `aws cloudtrail get-trail-status --name <trail>` in each Region, `aws guardduty list-detectors`, `aws configservice describe-configuration-recorder-status`.',
  },
  persistence: {
    words: 'create credentials or users, or grant permissions',
    severity: 'high',
    next: 'List what was created or granted around that time, refused or not: `aws iam list-access-keys --user-name <user>`, `aws iam list-users`, `aws iam list-attached-user-policies --user-name <user>`; remove what nobody asked for.',
  },
  'credential-access': {
    words: 'read passwords or secrets',
    severity: 'medium',
    next: 'If the same credentials might have read the secret or password elsewhere, rotate it (`aws secretsmanager rotate-secret --secret-id <id>`; reset the instance password).',
  },
  exfiltration: {
    words: 'share data outside the account',
    severity: 'high',
    next: 'Check who may read the resource now: `aws ec2 describe-snapshot-attribute --attribute createVolumePermission --snapshot-id <id>`, `aws ec2 describe-image-attribute --attribute launchPermission --image-id <id>`, `aws s3api get-bucket-policy --bucket <bucket>`.',
  },
  impact: {
    words: 'destroy keys or backups, or leave the organization',
    severity: 'high',
    next: 'Check the keys and backups concerned (`aws kms describe-key --key-id <id>`: KeyState; `aws backup list-recovery-points-by-backup-vault`) and that the account is still in the organization (`aws organizations describe-account`).',
  },
  compute: {
    words: 'start GPU instances',
    severity: 'medium',
    next: 'Look for GPU instances that did start, in every Region: `aws ec2 describe-instances --filters Name=instance-type,Values=p*,g*,trn*,inf*`.',
  },
} as const satisfies Record<string, { words: string; severity: FindingSeverity; next: string }>;

export type Family = keyof typeof FAMILIES;

export interface SensitiveAction {
  action: string; // the IAM action, as AWS writes it (matched without regard to case)
  family: Family;
  technique: TechniqueKey;
  reason: string;
  source: SourceId;
  /** Only a denial with this hint (classify/request-hints.ts: read from requestParameters) counts. */
  hint?: string;
}

const row = (action: string, family: Family, technique: TechniqueKey, source: SourceId, reason: string, hint?: string): SensitiveAction =>
  hint === undefined ? { action, family, technique, source, reason } : { action, family, technique, source, reason, hint };

export const SENSITIVE_ACTIONS: readonly SensitiveAction[] = [
  // logging and detection
  row('cloudtrail:StopLogging', 'logging', 'disableCloudLogs', 'elasticCloudTrail', 'stops the trail: nothing after it is recorded'),
  row('cloudtrail:DeleteTrail', 'logging', 'disableCloudLogs', 'elasticCloudTrail', 'removes the trail and its logging'),
  row('cloudtrail:UpdateTrail', 'logging', 'disableCloudLogs', 'elasticCloudTrail', 'can point the trail at another bucket or turn off regions and validation'),
  row('cloudtrail:PutEventSelectors', 'logging', 'disableCloudLogs', 'elasticCloudTrail', 'can stop the trail recording management or data events'),
  row('logs:DeleteLogGroup', 'logging', 'disableCloudLogs', 'elasticDetection', 'deletes a log group and every log in it'),
  row('logs:DeleteLogStream', 'logging', 'disableCloudLogs', 'elasticDetection', 'deletes logs'),
  row('ec2:DeleteFlowLogs', 'logging', 'disableTools', 'elasticDetection', 'stops recording network traffic'),
  row('guardduty:DeleteDetector', 'logging', 'disableTools', 'elasticDetection', 'turns GuardDuty off in the Region'),
  row('guardduty:UpdateDetector', 'logging', 'disableTools', 'elasticDetection', 'can suspend GuardDuty or its data sources'),
  row('guardduty:DisassociateFromMasterAccount', 'logging', 'disableTools', 'elasticDetection', 'takes the account out of central GuardDuty'),
  row('guardduty:DisassociateFromAdministratorAccount', 'logging', 'disableTools', 'elasticDetection', 'takes the account out of central GuardDuty'),
  row('securityhub:DisableSecurityHub', 'logging', 'disableTools', 'elasticDetection', 'turns Security Hub off'),
  row('config:StopConfigurationRecorder', 'logging', 'disableTools', 'elasticDetection', 'stops AWS Config recording changes'),
  row('config:DeleteConfigurationRecorder', 'logging', 'disableTools', 'elasticDetection', 'removes AWS Config recording'),
  row('config:DeleteDeliveryChannel', 'logging', 'disableTools', 'elasticDetection', 'stops AWS Config delivering its history'),
  row('cloudwatch:DeleteAlarms', 'logging', 'disableTools', 'elasticDetection', 'removes the alarms that would page someone'),
  row('macie2:DisableMacie', 'logging', 'disableTools', 'elasticDetection', 'turns Macie off'),
  // persistence
  row('iam:CreateAccessKey', 'persistence', 'cloudCredentials', 'credentials', 'a new access key outlives a stolen session'),
  row('iam:CreateLoginProfile', 'persistence', 'cloudCredentials', 'credentials', 'gives a user a console password'),
  row('iam:UpdateLoginProfile', 'persistence', 'cloudCredentials', 'credentials', "changes a user's console password"),
  row('iam:CreateUser', 'persistence', 'createCloudAccount', 'credentials', 'a new user is a new way in'),
  row('iam:AddUserToGroup', 'persistence', 'cloudRoles', 'credentials', "gives a user the group's permissions"),
  row('iam:AttachUserPolicy', 'persistence', 'cloudRoles', 'policies', 'grants a user permissions'),
  row('iam:AttachRolePolicy', 'persistence', 'cloudRoles', 'policies', 'grants a role permissions'),
  row('iam:AttachGroupPolicy', 'persistence', 'cloudRoles', 'policies', 'grants a group permissions'),
  row('iam:PutUserPolicy', 'persistence', 'cloudRoles', 'policies', 'writes permissions into a user'),
  row('iam:PutRolePolicy', 'persistence', 'cloudRoles', 'policies', 'writes permissions into a role'),
  row('iam:PutGroupPolicy', 'persistence', 'cloudRoles', 'policies', 'writes permissions into a group'),
  row('iam:CreatePolicyVersion', 'persistence', 'cloudRoles', 'policies', 'rewrites a managed policy (with --set-as-default it applies at once)'),
  row('iam:UpdateAssumeRolePolicy', 'persistence', 'cloudRoles', 'policies', 'changes who may assume a role: a backdoor from another account'),
  // credential access
  row('ec2:GetPasswordData', 'credential-access', 'unsecuredCredentials', 'credentialAccess', "reads a Windows instance's administrator password"),
  row(
    'ec2:DescribeInstanceAttribute',
    'credential-access',
    'unsecuredCredentials',
    'credentialAccess',
    'reads instance user data, where scripts often keep credentials',
    'user-data',
  ),
  row('secretsmanager:GetSecretValue', 'credential-access', 'cloudSecrets', 'credentialAccess', 'reads a secret'),
  row('secretsmanager:BatchGetSecretValue', 'credential-access', 'cloudSecrets', 'credentialAccess', 'reads many secrets at once'),
  // exfiltration paths
  row('ec2:ModifySnapshotAttribute', 'exfiltration', 'transferToCloudAccount', 'sharing', 'can share a disk snapshot with another account or everyone'),
  row('ec2:ModifyImageAttribute', 'exfiltration', 'transferToCloudAccount', 'sharing', 'can share a machine image with another account or everyone'),
  row('rds:ModifyDBSnapshotAttribute', 'exfiltration', 'transferToCloudAccount', 'sharing', 'can share a database snapshot with another account'),
  row(
    'rds:ModifyDBClusterSnapshotAttribute',
    'exfiltration',
    'transferToCloudAccount',
    'sharing',
    'can share a database cluster snapshot with another account',
  ),
  row('s3:PutBucketPolicy', 'exfiltration', 'transferToCloudAccount', 'sharing', 'can open a bucket to another account or to everyone'),
  // impact
  row('organizations:LeaveOrganization', 'impact', 'hierarchy', 'impact', "takes the account out of the organization's guardrails (SCPs) and central logging"),
  row('kms:ScheduleKeyDeletion', 'impact', 'dataDestruction', 'impact', 'deleting a key makes everything encrypted with it unreadable'),
  row('kms:DisableKey', 'impact', 'dataDestruction', 'impact', 'makes everything encrypted with the key unreadable while disabled'),
  row('backup:DeleteRecoveryPoint', 'impact', 'inhibitRecovery', 'impact', 'deletes a backup'),
  row('backup:DeleteBackupVault', 'impact', 'inhibitRecovery', 'impact', 'deletes a backup vault'),
  row('rds:DeleteDBSnapshot', 'impact', 'inhibitRecovery', 'impact', 'deletes a database backup'),
  row('rds:DeleteDBClusterSnapshot', 'impact', 'inhibitRecovery', 'impact', 'deletes a database cluster backup'),
  // unusual compute
  row('ec2:RunInstances', 'compute', 'computeHijacking', 'gpu', 'GPU instances are what crypto-mining on stolen keys asks for', 'gpu-instance'),
];

const BY_ACTION = new Map(SENSITIVE_ACTIONS.map((r) => [r.action.toLowerCase(), r]));

/** The row for a denial's action and hints, or null when the attempt is not one that matters by itself. */
export function sensitiveRow(action: string, hints: readonly string[] | ((hint: string) => boolean)): SensitiveAction | null {
  const found = BY_ACTION.get(action.toLowerCase());
  if (found === undefined) return null;
  if (found.hint === undefined) return found;
  const has = typeof hints === 'function' ? hints : (h: string) => hints.includes(h);
  return has(found.hint) ? found : null;
}
