// Session policies: neither export holds them (they are passed to AssumeRole, AssumeRoleWithSAML,
// AssumeRoleWithWebIdentity or GetFederationToken, and CloudTrail does not repeat them in the events
// of the session), so the user writes down the ones their tooling passes, in one JSON file:
//
//   { "sessionPolicies": [ { "sessions": "arn:aws:sts::111122223333:federated-user/report-*",
//                            "name": "report broker", "policy": { "Version": "2012-10-17", "Statement": [ … ] } } ] }
//
// `sessions` is the session ARN AWS prints (assumed-role/<role>/<session> or federated-user/<name>),
// `*` and `?` allowed. A session no entry names is evaluated without a session policy.
import { asObject, field, text } from '../classify/coerce.js';
import type { ExportedSessionPolicy } from '../types.js';
import { exportedPolicy, type Issues } from './policy-json.js';

export function isSessionPolicies(json: unknown): boolean {
  return Array.isArray(field(asObject(json), 'sessionPolicies'));
}

export function sessionPolicies(json: unknown, source: string): { policies: ExportedSessionPolicy[]; issues: Issues } {
  const issues: Issues = [];
  const policies: ExportedSessionPolicy[] = [];
  const list = field(json, 'sessionPolicies');
  (Array.isArray(list) ? list : []).forEach((entry, i) => {
    const sessions = text(field(entry, 'sessions'));
    const name = text(field(entry, 'name')) || `session policy ${i + 1}`;
    if (sessions === '') {
      issues.push({ path: source, reason: `${name}: no "sessions" (the session ARNs it applies to): left out` });
      return;
    }
    const policy = exportedPolicy(name, field(entry, 'policy'), source, name, issues);
    if (policy !== null) policies.push({ sessions, policy });
  });
  return { policies, issues };
}
