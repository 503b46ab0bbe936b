// Who makes calls in the demo organisation. Each actor keeps one source of IPs and user agents so a
// report's "source IPs" and "user agents" columns look like real, clustered traffic.
import { DEV_ACCOUNT, EXTERNAL_ACCOUNT, PROD_ACCOUNT, type Region } from './world.js';
import { USER_AGENTS } from './user-agents.js';

export type IdentityType =
  | 'IAMUser'
  | 'AssumedRole'
  | 'Root'
  | 'AWSService'
  | 'FederatedUser'
  | 'SAMLUser'
  | 'WebIdentityUser'
  | 'AWSAccount';

export interface Actor {
  key: string;
  type: IdentityType;
  account: string;
  /** IAM user name, role name, federated user name, service host, or SAML/OIDC subject. */
  name: string;
  /** Role session name (AssumedRole) or the role path (with a trailing slash, '/' when none). */
  session?: string;
  rolePath?: string;
  mfa: boolean;
  console: boolean;
  /** For roles assumed through GitHub's OIDC provider. */
  webIdentityProvider?: string;
  /** Instance-profile sessions carry ec2RoleDelivery. */
  ec2Instance?: boolean;
  /** '10.20' (private, through a VPC endpoint), '4.175' (public prefix) or a service host name. */
  ip: string;
  userAgents: readonly string[];
  /** Relative share of successful calls in its account; 0 = only used by scenarios. */
  weight: number;
  regions: readonly Region[];
  /** Success-call families this actor uses (keys of the success catalog). */
  calls: readonly string[];
}

const ALL: readonly Region[] = ['us-east-1', 'eu-west-1', 'us-west-2'];
const SSO_ADMIN = 'AWSReservedSSO_AdministratorAccess_4f1c8e2b7a9d0356';
const SSO_ANALYST = 'AWSReservedSSO_DataAnalyst_9b27e1d4c6a80f35';
const SSO_DEVELOPER = 'AWSReservedSSO_Developer_31d7a0e96c4b2f85';
const SSO_PATH = '/aws-reserved/sso.amazonaws.com/';
const GITHUB_OIDC = 'token.actions.githubusercontent.com';

export const ACTORS: readonly Actor[] = [
  // prod account
  { key: 'prod-ci', type: 'AssumedRole', account: PROD_ACCOUNT, name: 'github-actions-deploy', session: 'GitHubActions', rolePath: '/', mfa: false, console: false, webIdentityProvider: GITHUB_OIDC, ip: '4.175', userAgents: USER_AGENTS.ci, weight: 5, regions: ALL, calls: ['cloudformation', 's3-artifacts', 'ecr', 'sts-identity', 'lambda-admin'] },
  { key: 'prod-orders-lambda', type: 'AssumedRole', account: PROD_ACCOUNT, name: 'orders-processor-role', session: 'orders-processor', rolePath: '/service-role/', mfa: false, console: false, ip: '54.216', userAgents: USER_AGENTS.lambdaNode, weight: 6, regions: ['eu-west-1'], calls: ['kms-use', 'dynamodb', 'sqs-data', 'logs'] },
  { key: 'prod-etl', type: 'AssumedRole', account: PROD_ACCOUNT, name: 'etl-batch', session: 'i-0c4f7a1e9b2d83f65', rolePath: '/', mfa: false, console: false, ec2Instance: true, ip: '34.250', userAgents: USER_AGENTS.boto3, weight: 5, regions: ['eu-west-1', 'us-east-1'], calls: ['s3-datasets', 'kms-use', 'glue', 'ssm'] },
  { key: 'prod-sso-admin', type: 'AssumedRole', account: PROD_ACCOUNT, name: SSO_ADMIN, session: 'alice.nguyen@acme.example', rolePath: SSO_PATH, mfa: true, console: true, ip: '198.51.100', userAgents: USER_AGENTS.console, weight: 3, regions: ALL, calls: ['ec2-describe', 'iam-read', 'cloudtrail-read', 's3-console', 'cloudwatch'] },
  { key: 'prod-ops-user', type: 'IAMUser', account: PROD_ACCOUNT, name: 'maria.ops', mfa: false, console: true, ip: '203.0.113', userAgents: USER_AGENTS.console, weight: 1, regions: ['us-east-1'], calls: ['ec2-describe', 's3-console'] },
  { key: 'prod-jdoe', type: 'IAMUser', account: PROD_ACCOUNT, name: 'jdoe', mfa: false, console: false, ip: '198.51.100', userAgents: USER_AGENTS.cli, weight: 1, regions: ['us-east-1'], calls: ['iam-read', 'sts-identity'] },
  { key: 'prod-root', type: 'Root', account: PROD_ACCOUNT, name: 'root', mfa: true, console: true, ip: '198.51.100', userAgents: USER_AGENTS.console, weight: 0, regions: ['us-east-1'], calls: [] },
  { key: 'prod-federated', type: 'FederatedUser', account: PROD_ACCOUNT, name: 'report-uploader', session: 'svc-reporting', mfa: false, console: false, ip: '192.0.2', userAgents: USER_AGENTS.java, weight: 1, regions: ['us-east-1'], calls: ['s3-artifacts'] },
  { key: 'prod-saml', type: 'SAMLUser', account: PROD_ACCOUNT, name: 'kenji.tanaka@acme.example', mfa: false, console: false, ip: '198.51.100', userAgents: USER_AGENTS.console, weight: 1, regions: ['us-east-1'], calls: ['sts-saml'] },
  { key: 'prod-github-oidc', type: 'WebIdentityUser', account: PROD_ACCOUNT, name: 'repo:acme/payments-api:ref:refs/heads/main', mfa: false, console: false, ip: '4.175', userAgents: USER_AGENTS.ci, weight: 1, regions: ['us-east-1'], calls: ['sts-web-identity'] },
  { key: 'prod-config', type: 'AWSService', account: PROD_ACCOUNT, name: 'config.amazonaws.com', mfa: false, console: false, ip: 'config.amazonaws.com', userAgents: ['config.amazonaws.com'], weight: 2, regions: ALL, calls: ['config-scan'] },
  { key: 'prod-cloudtrail-svc', type: 'AWSService', account: PROD_ACCOUNT, name: 'cloudtrail.amazonaws.com', mfa: false, console: false, ip: 'cloudtrail.amazonaws.com', userAgents: ['cloudtrail.amazonaws.com'], weight: 1, regions: ALL, calls: ['kms-service'] },
  { key: 'prod-alarms', type: 'AWSService', account: PROD_ACCOUNT, name: 'cloudwatch.amazonaws.com', mfa: false, console: false, ip: 'cloudwatch.amazonaws.com', userAgents: ['cloudwatch.amazonaws.com'], weight: 0, regions: ['us-east-1'], calls: [] },
  // dev account
  { key: 'dev-contractor', type: 'IAMUser', account: DEV_ACCOUNT, name: 'contractor-bob', mfa: false, console: false, ip: '185.220.101', userAgents: USER_AGENTS.cli, weight: 2, regions: ['us-east-1', 'eu-west-1'], calls: ['iam-read', 'ec2-describe', 's3-dev'] },
  { key: 'dev-sso-developer', type: 'AssumedRole', account: DEV_ACCOUNT, name: SSO_DEVELOPER, session: 'sam.okafor@acme.example', rolePath: SSO_PATH, mfa: true, console: true, ip: '198.51.100', userAgents: USER_AGENTS.console, weight: 4, regions: ALL, calls: ['ec2-describe', 'lambda-admin', 's3-console', 'logs-read', 'cloudwatch'] },
  { key: 'dev-sso-analyst', type: 'AssumedRole', account: DEV_ACCOUNT, name: SSO_ANALYST, session: 'priya.shah@acme.example', rolePath: SSO_PATH, mfa: true, console: true, ip: '203.0.113', userAgents: USER_AGENTS.console, weight: 3, regions: ['us-east-1', 'eu-west-1'], calls: ['athena', 's3-dev', 'glue'] },
  { key: 'dev-analytics-etl', type: 'AssumedRole', account: DEV_ACCOUNT, name: 'analytics-etl', session: 'glue-job-nightly', rolePath: '/', mfa: false, console: false, ip: '3.91', userAgents: USER_AGENTS.boto3, weight: 4, regions: ['us-east-1', 'eu-west-1'], calls: ['s3-dev', 'glue', 'kms-use', 'logs'] },
  { key: 'dev-terraform', type: 'AssumedRole', account: DEV_ACCOUNT, name: 'terraform-plan', session: 'atlantis-7f3b', rolePath: '/', mfa: false, console: false, ip: '34.201', userAgents: USER_AGENTS.terraform, weight: 4, regions: ALL, calls: ['ec2-describe', 'iam-read', 'cloudformation', 'ssm'] },
  { key: 'dev-root', type: 'Root', account: DEV_ACCOUNT, name: 'root', mfa: false, console: true, ip: '203.0.113', userAgents: USER_AGENTS.console, weight: 0, regions: ['us-east-1'], calls: [] },
  { key: 'dev-config', type: 'AWSService', account: DEV_ACCOUNT, name: 'config.amazonaws.com', mfa: false, console: false, ip: 'config.amazonaws.com', userAgents: ['config.amazonaws.com'], weight: 2, regions: ALL, calls: ['config-scan'] },
  // the intrusion story (scenarios-intrusion.ts): a CI user's leaked access key used from a rented host,
  // and the host that sprays passwords at the console; neither makes ordinary calls
  { key: 'intruder-stolen-key', type: 'IAMUser', account: PROD_ACCOUNT, name: 'deploy-bot', mfa: false, console: false, ip: '198.18.44.7', userAgents: USER_AGENTS.intruder, weight: 0, regions: ['us-east-1'], calls: [] },
  { key: 'intruder-sprayer', type: 'IAMUser', account: PROD_ACCOUNT, name: 'deploy-bot', mfa: false, console: true, ip: '198.19.7.200', userAgents: USER_AGENTS.sprayer, weight: 0, regions: ['us-east-1'], calls: [] },
  // outside the organisation
  { key: 'external-partner', type: 'AWSAccount', account: EXTERNAL_ACCOUNT, name: 'partner', mfa: false, console: false, ip: '52.94', userAgents: USER_AGENTS.cli, weight: 0, regions: ['us-east-1'], calls: [] },
];

export function actor(key: string): Actor {
  const found = ACTORS.find((candidate) => candidate.key === key);
  if (!found) throw new Error(`unknown sample actor ${key}`);
  return found;
}

export function actorsOf(account: string): Actor[] {
  return ACTORS.filter((candidate) => candidate.account === account && candidate.weight > 0);
}
