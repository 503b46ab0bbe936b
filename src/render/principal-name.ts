// The short name of a principal the reports show beside its ARN (groups, causes, the explorer's rows).
/** 'arn:aws:iam::123456789012:role/ci' → 'role/ci': the part a reader recognises; the ARN stays beside it. */
export function principalName(principal: string): string {
  const m = /^arn:[^:]*:[^:]*:[^:]*:[^:]*:(.+)$/.exec(principal);
  return m ? m[1] : principal;
}
