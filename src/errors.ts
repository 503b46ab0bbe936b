/**
 * A mistake the user can fix (bad path, bad option). Thrown once where it is found, caught once in
 * cli/, printed as one line without a stack, exit code 1.
 */
export class UserError extends Error {
  override name = 'UserError';
}
