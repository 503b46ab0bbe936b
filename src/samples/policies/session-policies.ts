// The session policies the demo's tooling passes (they are in neither export): the reporting broker's
// GetFederationToken policy, the GitHub workflow's inline session policy, Atlantis's for `plan`.
import { BUCKETS, DEV_ACCOUNT, PROD_ACCOUNT } from '../world.js';
import { doc, type PolicyDoc } from './model.js';

export const SESSION_POLICIES: readonly { sessions: string; name: string; policy: PolicyDoc }[] = [
  {
    sessions: `arn:aws:sts::${PROD_ACCOUNT}:federated-user/report-uploader`,
    name: 'reporting broker (GetFederationToken)',
    policy: doc(
      { Sid: 'ReadExports', Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::${BUCKETS.datasets}/exports/*` },
      { Sid: 'UploadReports', Effect: 'Allow', Action: 's3:PutObject', Resource: `arn:aws:s3:::${BUCKETS.artifacts}/reports/*` },
      { Sid: 'NoWeeklyReportUploads', Effect: 'Deny', Action: 's3:PutObject', Resource: `arn:aws:s3:::${BUCKETS.artifacts}/reports/weekly/*` },
    ),
  },
  {
    sessions: `arn:aws:sts::${PROD_ACCOUNT}:assumed-role/github-actions-deploy/GitHubActions*`,
    name: 'deploy workflow (inline-session-policy)',
    policy: doc({ Sid: 'DeployOnly', Effect: 'Allow', Action: ['cloudformation:*', 'lambda:*', 'ecr:*', 's3:*', 'iam:PassRole', 'ec2:RunInstances', 'sts:GetCallerIdentity'], Resource: '*' }),
  },
  {
    sessions: `arn:aws:sts::${DEV_ACCOUNT}:assumed-role/terraform-plan/*`,
    name: 'atlantis plan',
    policy: doc(
      { Sid: 'PlanIsReadOnly', Effect: 'Deny', Action: ['dynamodb:PutItem', 'dynamodb:DeleteItem'], Resource: `arn:aws:dynamodb:*:${DEV_ACCOUNT}:table/terraform-locks` },
      { Sid: 'Everything', Effect: 'Allow', Action: '*', Resource: '*' },
    ),
  },
];
