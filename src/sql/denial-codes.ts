// The error codes the query keeps, generated from the classifier's catalog so the two cannot drift:
// every code the catalog counts as a denial, as AWS writes it and with EC2's `Client.` prefix
// (classify/error-codes.ts reads both). Console sign-in failures carry no error code; the query finds
// them as classify does (consoleLoginCondition).
import { ERROR_CODES, type ErrorCodeRow } from '../classify/error-codes.js';

const CLIENT_PREFIX = 'Client.';

export function denialCodes(catalog: readonly ErrorCodeRow[] = ERROR_CODES): string[] {
  const codes = catalog.filter((row) => row.category !== null).map((row) => row.code);
  return [...codes, ...codes.map((c) => `${CLIENT_PREFIX}${c}`)].sort();
}
