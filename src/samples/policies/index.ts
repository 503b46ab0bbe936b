// The demo organization's policies, as an auditor would bring them: the prod account's IAM as
// `aws iam get-account-authorization-details` output, the dev account's IAM with the organization and
// every resource as an iam-collect store, and the session policies the demo's tooling passes. They
// explain every policy refusal in the demo archive (intended-causes.ts says how, scenario by scenario).
//
//   for (const f of samplePolicyFiles()) write(join(dir, f.path), f.content);   // samples/policies/…
import type { SampleFile } from '../log-file.js';
import { PROD_ACCOUNT } from '../world.js';
import { authorizationDetails } from './authorization-details-file.js';
import { DEV_GROUPS, DEV_IDENTITIES, DEV_MANAGED } from './dev-iam.js';
import { iamCollectFiles } from './iam-collect-files.js';
import { PROD_IDENTITIES, PROD_MANAGED } from './prod-iam.js';
import { ACCOUNT_BPA, RESOURCES } from './resources.js';
import { SESSION_POLICIES } from './session-policies.js';

/** The day after the demo week: the exports are dated by their names, as the README advises. */
export const EXPORTED_ON = '2026-11-23';
export const POLICIES_DIR = 'policies';

export function samplePolicyFiles(): SampleFile[] {
  const files: SampleFile[] = [
    { path: `${POLICIES_DIR}/auth-${PROD_ACCOUNT}-${EXPORTED_ON}.json`, content: authorizationDetails(PROD_IDENTITIES, PROD_MANAGED, PROD_ACCOUNT), gzip: false },
    ...iamCollectFiles(`${POLICIES_DIR}/iam-data-${EXPORTED_ON}`, DEV_IDENTITIES, DEV_GROUPS, DEV_MANAGED, RESOURCES, ACCOUNT_BPA),
    {
      path: `${POLICIES_DIR}/session-policies-${EXPORTED_ON}.json`,
      content: `${JSON.stringify({ sessionPolicies: SESSION_POLICIES.map((s) => ({ sessions: s.sessions, name: s.name, policy: s.policy })) }, null, 2)}\n`,
      gzip: false,
    },
  ];
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

export function isPolicyPath(path: string): boolean {
  return path.startsWith(`${POLICIES_DIR}/`);
}

export { INTENDED_CAUSES, NO_POLICY_DECISION, type IntendedCause } from './intended-causes.js';
