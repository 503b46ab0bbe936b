import { describe, expect, test } from 'vitest';
import { ENVELOPES } from '../../src/classify/envelopes.js';
import { parseMessage } from '../../src/classify/parse-message.js';
import { REASONS } from '../../src/classify/reason-patterns.js';
import { SENTENCES } from '../../src/classify/sentence-patterns.js';
import { POLICY_PHRASES } from '../../src/classify/policy-phrases.js';
import { POLICY_TYPES } from '../../src/types.js';
import { loadMessageFixtures } from './fixture-table.js';

const TABLES = { envelope: ENVELOPES, sentence: SENTENCES, reason: REASONS };
const ALL_ROWS = Object.values(TABLES).flat();

describe('pattern tables', () => {
  test('ids are unique across tables', () => {
    const ids = ALL_ROWS.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test.each(ALL_ROWS.map((r) => [r.id, r] as const))('%s: its example is classified by that row', (id, row) => {
    const parsed = parseMessage(row.example);
    expect(parsed.matched).toContain(id);
    expect(parsed.recognized).toBe(true);
  });

  test('every sentence row is the first to match its own example', () => {
    for (const row of SENTENCES) {
      const peeled = parseMessage(row.example).matched.filter((id) => SENTENCES.some((s) => s.id === id));
      expect(peeled).toEqual([row.id]);
    }
  });

  test('every pattern row has at least one fixture row', () => {
    const seen = new Set(loadMessageFixtures().flatMap((f) => parseMessage(f.message).matched));
    const missing = ALL_ROWS.map((r) => r.id).filter((id) => !seen.has(id));
    expect(missing).toEqual([]);
  });

  test('every policy type except unspecified is reachable from some phrase or row', () => {
    const reachable = new Set<string>([
      ...POLICY_PHRASES.map((p) => p.policyType),
      ...ALL_ROWS.map((r) => r.policyType).filter((t): t is NonNullable<typeof t> => t !== undefined),
    ]);
    expect(POLICY_TYPES.filter((t) => t !== 'unspecified' && !reachable.has(t))).toEqual([]);
  });

  test('every policy phrase appears in some fixture row', () => {
    const messages = loadMessageFixtures().map((f) => f.message);
    for (const { phrase } of POLICY_PHRASES) {
      if (phrase === 'permissions boundary policy' || phrase === 'trust policy') continue; // variants, not seen in the wild
      expect(
        messages.some((m) => m.includes(` ${phrase}`)),
        phrase,
      ).toBe(true);
    }
  });
});

describe('parseMessage details', () => {
  test('unknown shapes keep everything unspecified and never throw', () => {
    const p = parseMessage('Something odd happened');
    expect(p).toMatchObject({ recognized: false, denyKind: 'unspecified', policyType: 'unspecified', action: null, policyArn: null });
  });

  test('the main action wins over a different action in the implicit clause', () => {
    const p = parseMessage(
      'User: arn:aws:iam::111122223333:user/a is not authorized to perform: ecr:GetAuthorizationToken on resource: * because no identity-based policy allows the ecr:GetAuthorizationTokens action',
    );
    expect(p.action).toBe('ecr:GetAuthorizationToken');
  });

  test('an implicit clause followed by a policy ARN keeps the ARN', () => {
    const p = parseMessage(
      'User: arn:aws:iam::111122223333:user/a is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::b/k" because no permissions boundary allows the s3:GetObject action: arn:aws:iam::111122223333:policy/Boundary',
    );
    expect(p).toMatchObject({ denyKind: 'implicit', policyType: 'permissions-boundary', policyArn: 'arn:aws:iam::111122223333:policy/Boundary' });
  });

  test('an authorization id is taken from the link when the sentence after it survived', () => {
    const p = parseMessage(
      'User: arn:aws:iam::1:user/a is not authorized to perform: iam:GetUser on resource: user a because no identity-based policy allows the iam:GetUser action. Go to https://console.aws.amazon.com/iam/home#/authorization-details/ZZ99 for complete details',
    );
    expect(p.authorizationId).toBe('ZZ99');
    expect(p.hints).toContain('authorization-id');
  });

  test('a message of 1 KB or more ending mid-word is truncated; a complete long one is not', () => {
    const base = 'User: arn:aws:iam::111122223333:user/a is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::b/';
    expect(parseMessage(`${base}${'x'.repeat(1100)}`.slice(0, 1024)).hints).toContain('truncated-message');
    const complete = `${base}${'x'.repeat(1000)}" because no identity-based policy allows the s3:GetObject action`;
    expect(parseMessage(complete).hints).not.toContain('truncated-message');
    expect(parseMessage(complete).policyType).toBe('identity-based');
  });

  test('huge pasted input stays fast', () => {
    const huge = `User: arn:aws:iam::1:user/a is not authorized to perform: s3:GetObject on resource: ${'a '.repeat(200_000)}`;
    const started = performance.now();
    parseMessage(huge);
    parseMessage(`Access${' '.repeat(500_000)}Denied`);
    parseMessage(`User: a is not authorized to perform: s3:GetObject on resource: x${' '.repeat(500_000)}.`);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
