// ARN helpers for the partitions CloudTrail writes: aws, aws-cn, aws-us-gov (others pass through).

/** The 12-digit account field of an ARN, when it has one (S3 bucket ARNs have none). */
export function accountOfArn(arn: string | null): string | null {
  const m = /^arn:[\w-]+:[^:]*:[^:]*:(\d{12}):/.exec(arn ?? '');
  return m === null ? null : m[1];
}

const ASSUMED_ROLE = /^arn:(?<partition>[\w-]+):sts::(?<account>[^:]*):assumed-role\/(?<role>[^/]+)\/(?<session>.*)$/;

/** arn:aws:sts::1:assumed-role/Role/session → arn:aws:iam::1:role/Role. Role paths are not in the
 * session ARN; callers prefer sessionContext.sessionIssuer.arn, which keeps them. */
export function roleArnOfSession(arn: string): { role: string; session: string } | null {
  const g = ASSUMED_ROLE.exec(arn)?.groups;
  if (g === undefined) return null;
  return { role: `arn:${g.partition}:iam::${g.account}:role/${g.role}`, session: g.session };
}

// userIdentity.type a bare ARN stands for, when a message is all we have.
const ARN_KINDS: readonly [RegExp, string][] = [
  [/^arn:[\w-]+:iam::[^:]*:root$/, 'Root'],
  [/^arn:[\w-]+:iam::[^:]*:user\//, 'IAMUser'],
  [/^arn:[\w-]+:sts::[^:]*:federated-user\//, 'FederatedUser'],
  [/^arn:[\w-]+:iam::[^:]*:role\//, 'Role'],
];

/** Principal of a message-only denial: the ARN the message names, grouped like a record would be. */
export function principalFromArn(arn: string): { principal: string; principalType: string; sessionName: string | null } {
  const session = roleArnOfSession(arn);
  if (session !== null) return { principal: session.role, principalType: 'AssumedRole', sessionName: session.session };
  const kind = ARN_KINDS.find(([re]) => re.test(arn));
  return { principal: arn, principalType: kind?.[1] ?? '', sessionName: null };
}
