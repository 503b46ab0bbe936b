// Where the rules' defaults and the sensitive actions come from: each row of rules.ts and
// sensitive-actions.ts names one of these, so a reader can check it.
export const SOURCES = {
  pantherRecon:
    'Panther, panther-analysis rules/aws_cloudtrail_rules/aws_iam_user_recon_denied.yml (AWS.IAMUser.ReconAccessDenied): AccessDenied on List/Describe/Get by an IAM user, Threshold 15, DedupPeriodMinutes 10; skips user agents aws-internal/3 (console pages) and sources that are not IP addresses (AWS services)',
  splunkDiscovery:
    'Splunk security_content detections/cloud/aws_iam_accessdenied_discovery_events.yml: AccessDenied per src_ip and userIdentity.arn in 1-hour buckets, failures >= 5; ATT&CK T1580',
  elasticS3Enum:
    'Elastic detection-rules rules/integrations/aws/impact_aws_s3_bucket_enumeration_or_brute_force.toml: 40 distinct S3 AccessDenied events per bucket and source within 6 minutes (from now-6m, threshold cardinality event.id 40)',
  prowlerEnum:
    'Prowler prowler/providers/aws/services/cloudtrail/cloudtrail_threat_detection_enumeration: counts the distinct enumeration actions per identity (userIdentity.arn and type; it grouped by source IP before), threshold 0.3 of its action list',
  pantherSpray:
    'Panther, panther-analysis rules/aws_cloudtrail_rules/aws_cloudtrail_password_spraying.yml (AWS.CloudTrail.PasswordSpraying): failed ConsoleLogin of more than 5 distinct user names (Threshold 6) within 60 minutes; ATT&CK T1078',
  pantherLoginFailed:
    'Panther, panther-analysis rules/aws_cloudtrail_rules/aws_console_login_failed.yml (AWS.Console.LoginFailed): failed ConsoleLogin, Threshold 5, DedupPeriodMinutes 60; ATT&CK T1110',
  elasticBruteForce:
    'Elastic detection-rules credential_access_console_login_brute_force_by_ip.toml and _by_user.toml (10 failed ConsoleLogin per source IP, or per user name, within 6 minutes; T1110.003 password spraying, T1110.001 password guessing) and credential_access_root_console_failure_brute_force.toml (root, severity high)',
  pantherRoot:
    'Panther, panther-analysis aws_console_root_login.yml and aws_console_root_login_failed.yml; CIS AWS Foundations Benchmark: monitor and avoid the use of the root user',
  splunkCrossAccount: 'Splunk security_content "AWS Cross Account Activity From Previously Unseen Account"',
  elasticCloudTrail:
    'Elastic detection-rules defense_evasion_cloudtrail_logging_suspended.toml, _deleted.toml, _updated.toml, defense_evasion_cloudtrail_management_events_disabled_via_eventselectors.toml; Panther aws_cloudtrail_stopped.yml, aws_cloudtrail_event_selectors_disabled.yml',
  elasticDetection:
    'Elastic detection-rules defense_evasion_guardduty_detector_deletion.toml, defense_evasion_configuration_recorder_stopped.toml, defense_evasion_securityhub_disabled.toml, defense_evasion_ec2_flow_log_deletion.toml, defense_evasion_cloudwatch_alarm_deletion.toml, defense_evasion_macie_or_inspector_disabled.toml; Panther aws_config_service_disabled_deleted.yml; Splunk "AWS Defense Evasion Delete CloudWatch Log Group"',
  credentials:
    'Splunk security_content "AWS CreateAccessKey", "AWS CreateLoginProfile"; Panther aws_iam_user_key_created.yml, aws_cloudtrail_loginprofilecreatedormodified.yml, aws_iam_create_user.yml; Elastic credential_access_iam_user_addition_to_group.toml',
  policies:
    'Panther aws_iam_attach_admin_user_policy.yml, aws_iam_attach_admin_role_policy.yml, aws_iam_policy_modified.yml, aws_iam_backdoor_role.yml (UpdateAssumeRolePolicy); Stratus Red Team aws.persistence.iam-backdoor-role',
  credentialAccess:
    'Elastic credential_access_aws_getpassword_for_ec2_instance.toml, credential_access_secretsmanager_getsecretvalue.toml; Splunk "AWS Credential Access GetPasswordData"; Panther aws_ec2_download_instance_user_data.yml; Stratus Red Team aws.credential-access.ec2-get-password-data, aws.credential-access.secretsmanager-retrieve-secrets',
  sharing:
    'Panther aws_ami_modified_for_public_access.yml; Elastic "AWS EC2 EBS Snapshot Shared with Another Account"; Stratus Red Team aws.exfiltration.ec2-share-ebs-snapshot, aws.exfiltration.ec2-share-ami, aws.exfiltration.rds-share-snapshot, aws.exfiltration.s3-backdoor-bucket-policy',
  impact:
    'Elastic defense_evasion_organizations_leave_organization.toml; Panther aws_cloudtrail_attempt_to_leave_org.yml, aws_kms_cmk_loss.yml, aws_rds_automated_backup_deleted.yml; Stratus Red Team aws.defense-evasion.organizations-leave',
  gpu: 'Panther aws_ec2_launch_unusual_ec2_instances.yml (requestParameters.instanceType, a string or {"value": …}; p2.xlarge "could be used for crypto mining"); Stratus Red Team aws.execution.ec2-launch-unusual-instances; AWS "Amazon EC2 instance types: Accelerated computing"',
  attack: 'MITRE ATT&CK Enterprise, Cloud (IaaS) techniques: https://attack.mitre.org/techniques/<id>/',
} as const;

export type SourceId = keyof typeof SOURCES;
