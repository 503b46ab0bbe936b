import { describe, expect, test } from 'vitest';
import { classifyRecord, denialOf as denialIn, explain as explainAny, GUIDANCE, guidanceFor } from '../../src/classify/index.js';
import { HINT_GUIDANCE } from '../../src/classify/guidance-hints.js';
import { REASONS } from '../../src/classify/reason-patterns.js';
import { SENTENCES } from '../../src/classify/sentence-patterns.js';
import { ENVELOPES } from '../../src/classify/envelopes.js';
import { CATEGORIES, DENY_KINDS, POLICY_TYPES, type Category, type DenyKind, type PolicyType } from '../../src/types.js';
import { loadMessageFixtures } from './fixture-table.js';
import { denialOf } from './messages.test.js';

const explain = (message: string, options: { errorCode?: string } = {}) => {
  const d = denialIn(explainAny(message, options));
  if (d === null) throw new Error('expected a denial');
  return d;
};

const input = (category: Category, denyKind: DenyKind, policyType: PolicyType, hints: string[] = []) => ({
  category,
  denyKind,
  policyType,
  hints,
  errorCode: 'AccessDenied',
  authorizationId: null,
});

describe('guidance table', () => {
  test('ids are unique; every entry has a title and 1–5 checks', () => {
    expect(new Set(GUIDANCE.map((g) => g.id)).size).toBe(GUIDANCE.length);
    for (const g of GUIDANCE) {
      expect(g.title.length).toBeGreaterThan(0);
      expect(g.checks.length).toBeGreaterThanOrEqual(1);
      expect(g.checks.length).toBeLessThanOrEqual(5);
    }
  });

  test('every combination that the fixtures produce has its own base entry (no fallback)', () => {
    const ids = new Set(GUIDANCE.map((g) => g.id));
    for (const row of loadMessageFixtures()) {
      const d = denialOf(row);
      if (!d.recognized) continue;
      expect(ids.has(`${d.category}/${d.denyKind}/${d.policyType}`), `${d.category}/${d.denyKind}/${d.policyType}`).toBe(true);
    }
  });

  test('every explicit and implicit policy type has an entry', () => {
    const ids = new Set(GUIDANCE.map((g) => g.id));
    for (const kind of ['explicit', 'implicit'] as const) {
      for (const t of POLICY_TYPES.filter((p) => p !== 'unspecified' && p !== 's3-block-public-access')) {
        expect(ids.has(`authorization/${kind}/${t}`), `${kind}/${t}`).toBe(true);
      }
    }
  });

  test('every hint a pattern row can raise has advice', () => {
    const ids = new Set(HINT_GUIDANCE.map((g) => g.id));
    const raised = [...ENVELOPES, ...SENTENCES, ...REASONS].flatMap((r) => r.hints ?? []);
    const context = [
      'mfa-absent',
      'cross-account',
      'vpc-endpoint',
      'service-principal',
      'root',
      'console-session',
      'temporary-credentials',
      'federated',
      'truncated-message',
      'authorization-id',
      'sts-assume-role',
      'gpu-instance',
      'user-data',
    ];
    for (const h of [...raised, ...context]) expect(ids.has(`hint/${h}`), h).toBe(true);
  });

  test('any (category, denyKind, policyType) gets a base entry first, whatever the combination', () => {
    for (const c of CATEGORIES)
      for (const k of DENY_KINDS)
        for (const t of POLICY_TYPES) {
          const [first] = guidanceFor(input(c, k, t));
          expect(first.id.startsWith(`${c}/`)).toBe(true);
        }
  });

  test('the base entry comes first, then one entry per hint with advice, in hint order', () => {
    const g = guidanceFor(input('authorization', 'explicit', 'service-control-policy', ['root', 'cross-account', 'no-such-hint']));
    expect(g.map((e) => e.id)).toEqual(['authorization/explicit/service-control-policy', 'hint/cross-account', 'hint/root']);
  });

  test('advice names the commands the issue asks for', () => {
    const all = GUIDANCE.flatMap((g) => g.checks).join('\n');
    for (const cmd of [
      'aws iam simulate-principal-policy',
      'aws sts decode-authorization-message',
      'aws organizations list-policies-for-target',
      'aws iam get-role --role-name <role> --query Role.AssumeRolePolicyDocument',
    ]) {
      expect(all).toContain(cmd);
    }
  });

  test('hints change the advice: MFA, cross-account KMS, transitive SCP', () => {
    const mfa = classifyRecord({
      errorCode: 'AccessDenied',
      errorMessage:
        'User: arn:aws:sts::1:assumed-role/A/b is not authorized to perform: iam:DeleteUser on resource: user x with an explicit deny in an identity-based policy',
      userIdentity: { type: 'AssumedRole', sessionContext: { attributes: { mfaAuthenticated: 'false' } } },
    });
    expect(mfa.kind === 'denial' && guidanceFor(mfa.denial).map((g) => g.id)).toContain('hint/mfa-absent');
    const kms = explain(
      'The ciphertext refers to a customer master key that does not exist, does not exist in this region, or you are not allowed to access.',
      { errorCode: 'AccessDeniedException' },
    );
    expect(guidanceFor(kms).map((g) => g.id)).toEqual(['authorization/unspecified/resource-based', 'hint/kms-cross-account']);
    const vpce = explain(
      'User: arn:aws:iam::1:user/a is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::b/k" with an explicit deny in a VPC endpoint policy transitively through a service control policy',
    );
    const text = guidanceFor(vpce)
      .flatMap((g) => g.checks)
      .join('\n');
    expect(text).toContain('describe-vpc-endpoints');
    expect(text).toContain('SERVICE_CONTROL_POLICY');
  });

  test('credential error codes put their specific check first', () => {
    const g = guidanceFor({ ...input('authentication', 'unspecified', 'unspecified'), errorCode: 'ExpiredToken' });
    expect(g[0].id).toBe('authentication/unspecified/unspecified');
    expect(g[0].checks[0]).toMatch(/expired/);
    expect(guidanceFor({ ...input('authentication', 'unspecified', 'unspecified'), errorCode: 'Client.AuthFailure' })[0].checks[0]).toMatch(/No policy change/);
  });

  test('guidance does not mutate the shared table', () => {
    const before = JSON.stringify(GUIDANCE);
    guidanceFor({ ...input('authorization', 'implicit', 'identity-based', ['authorization-id']), authorizationId: 'abc' });
    guidanceFor({ ...input('authentication', 'unspecified', 'unspecified'), errorCode: 'ExpiredToken' });
    expect(JSON.stringify(GUIDANCE)).toBe(before);
  });
});
