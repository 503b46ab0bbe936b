// The fictional organisation the demo archive describes. Fixed on purpose: a seed changes the
// events (times, IDs, which files), not who exists, so reports over different seeds stay comparable.

export const ORG_ID = 'o-7kq2m9xw4d';
export const MANAGEMENT_ACCOUNT = '999900001111';
export const PROD_ACCOUNT = '111122223333';
export const DEV_ACCOUNT = '444455556666';
/** An account outside the organisation: its requests get the plain S3 `Access Denied`. */
export const EXTERNAL_ACCOUNT = '210987654321';

export const ACCOUNTS = [PROD_ACCOUNT, DEV_ACCOUNT] as const;

export const REGIONS = ['us-east-1', 'eu-west-1', 'us-west-2'] as const;
export type Region = (typeof REGIONS)[number];
/** Global services (IAM, STS global endpoint, sign-in, Organizations) log here. */
export const HOME_REGION: Region = 'us-east-1';

export const TRAIL_NAME = 'org-trail';
export const TRAIL_BUCKET = 'acme-org-cloudtrail-logs';

/** 2026-11-16T00:00:00Z: the first day of the demo week (seven days). */
export const WEEK_START_MS = Date.UTC(2026, 10, 16);
export const DAYS = 7;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

export const SCP_REGION_GUARD = `arn:aws:organizations::${MANAGEMENT_ACCOUNT}:policy/${ORG_ID}/service_control_policy/p-3m8rzq1c`;
export const SCP_PROTECT_AUDIT = `arn:aws:organizations::${MANAGEMENT_ACCOUNT}:policy/${ORG_ID}/service_control_policy/p-a1x9dn5t`;
export const RCP_DATA_PERIMETER = `arn:aws:organizations::${MANAGEMENT_ACCOUNT}:policy/${ORG_ID}/resource_control_policy/p-r7c2kw0e`;
export const DEV_BOUNDARY = `arn:aws:iam::${DEV_ACCOUNT}:policy/DeveloperBoundary`;
export const MFA_POLICY = `arn:aws:iam::${PROD_ACCOUNT}:policy/DenyDestructiveWithoutMFA`;
export const BUILD_DENY_POLICY = `arn:aws:iam::${PROD_ACCOUNT}:policy/ci-deny-public-network`;

export const BUCKETS = {
  audit: 'acme-prod-audit-logs',
  artifacts: 'acme-prod-build-artifacts',
  datasets: 'acme-prod-shared-datasets',
  partner: 'acme-partner-exchange-drop',
  web: 'acme-prod-static-site',
  devScratch: 'acme-dev-scratch',
  devReports: 'acme-dev-analytics-reports',
} as const;

export const KMS_KEYS = {
  ordersEu: `arn:aws:kms:eu-west-1:${PROD_ACCOUNT}:key/7c1f4e2a-93b5-4d08-a6e1-2f8b0c4d9e13`,
  datasetsUs: `arn:aws:kms:us-east-1:${PROD_ACCOUNT}:key/b2d94e71-0c6a-4f3e-9a15-6e2c7d8f1a04`,
  devEu: `arn:aws:kms:eu-west-1:${DEV_ACCOUNT}:key/e5a8c3f0-1b27-4d96-8e4c-9f0a2b6d3c78`,
} as const;

export const VPC_ENDPOINTS = {
  prodS3Eu: 'vpce-0a3f9c2e71b84d56e',
  devS3Us: 'vpce-04be7d1a9c3f26e80',
} as const;

