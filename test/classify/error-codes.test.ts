import { describe, expect, test } from 'vitest';
import { CONSOLE_LOGIN_FAILURE, ERROR_CODES, errorCategory } from '../../src/classify/index.js';

const REQUIRED: Record<string, string | null> = {
  AccessDenied: 'authorization',
  AccessDeniedException: 'authorization',
  'Client.UnauthorizedOperation': 'authorization',
  UnauthorizedOperation: 'authorization',
  AuthorizationError: 'authorization',
  NotAuthorized: 'authorization',
  VpceAccessDenied: 'authorization',
  KMSAccessDeniedException: 'authorization',
  ExpiredToken: 'authentication',
  ExpiredTokenException: 'authentication',
  RequestExpired: 'authentication',
  InvalidClientTokenId: 'authentication',
  UnrecognizedClientException: 'authentication',
  SignatureDoesNotMatch: 'authentication',
  IncompleteSignature: 'authentication',
  MissingAuthenticationToken: 'authentication',
  AuthFailure: 'authentication',
  'Client.AuthFailure': 'authentication',
  InvalidAccessKeyId: 'authentication',
  InvalidToken: 'authentication',
  InvalidIdentityToken: 'authentication',
  NotAuthorizedException: 'authentication',
  ConsoleLoginFailure: 'authentication',
  OptInRequired: 'account',
  Blocked: 'account',
  AllAccessDisabled: 'account',
  AccountProblem: 'account',
  PendingVerification: 'account',
  ThrottlingException: null,
  InvalidAccessException: null,
  'Client.DryRunOperation': null,
  DryRunOperation: null,
  NoSuchBucketPolicy: null,
  NoSuchKey: null,
  ResourceNotFoundException: null,
  InvalidInstanceID_NotFound: null,
  'Client.InvalidInstanceID.NotFound': null,
  SomethingBrandNew: null,
  '': null,
};

describe('error-code catalog', () => {
  test.each(Object.entries(REQUIRED))('%s → %s', (code, category) => {
    expect(errorCategory(code)).toBe(category);
  });

  test('rows are unique, documented, and the console sign-in code is listed', () => {
    expect(new Set(ERROR_CODES.map((r) => r.code)).size).toBe(ERROR_CODES.length);
    for (const row of ERROR_CODES) {
      expect(row.services.length).toBeGreaterThan(0);
      expect(row.note.length).toBeGreaterThan(0);
    }
    expect(ERROR_CODES.some((r) => r.code === CONSOLE_LOGIN_FAILURE && r.category === 'authentication')).toBe(true);
  });

  test('matching is case-sensitive', () => {
    expect(errorCategory('accessDenied')).toBeNull();
    expect(errorCategory('client.UnauthorizedOperation')).toBeNull();
  });
});
