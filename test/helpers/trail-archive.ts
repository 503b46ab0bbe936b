// Synthetic trail archives for the weekly-workflow tests: denials with known principals, actions,
// policy types and identifiers, written in the AWSLogs/<account>/CloudTrail/<region>/YYYY/MM/DD layout.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const ACCOUNT = '111122223333';
export const OTHER_ACCOUNT = '444455556666';

export interface DenialSpec {
  user: string; // IAM user or role name
  role?: boolean; // an assumed-role session of role `user`
  session?: string;
  action: string; // 's3:GetObject'
  resource: string;
  explicit: boolean; // explicit deny in an SCP, else implicit (no identity-based policy allows)
  ip: string;
  account?: string;
}

export function denialRecord(spec: DenialSpec, eventTime: string, eventId: string): Record<string, unknown> {
  const account = spec.account ?? ACCOUNT;
  const [service, name] = spec.action.split(':');
  const session = spec.session ?? 'session-default';
  const arn = spec.role ? `arn:aws:sts::${account}:assumed-role/${spec.user}/${session}` : `arn:aws:iam::${account}:user/${spec.user}`;
  const identity = spec.role
    ? {
        type: 'AssumedRole',
        arn,
        accountId: account,
        principalId: `AROAEXAMPLE:${session}`,
        sessionContext: { sessionIssuer: { type: 'Role', arn: `arn:aws:iam::${account}:role/${spec.user}`, accountId: account, userName: spec.user } },
      }
    : { type: 'IAMUser', arn, accountId: account, userName: spec.user, principalId: 'AIDAEXAMPLE' };
  const why = spec.explicit ? 'with an explicit deny in a service control policy' : `because no identity-based policy allows the ${spec.action} action`;
  return {
    eventVersion: '1.09',
    eventTime,
    eventSource: `${service}.amazonaws.com`,
    eventName: name,
    awsRegion: 'us-east-1',
    sourceIPAddress: spec.ip,
    userAgent: `aws-cli/2.15.0 md/command#${service}.${name}`,
    errorCode: 'AccessDenied',
    errorMessage: `User: ${arn} is not authorized to perform: ${spec.action} on resource: ${spec.resource} ${why}`,
    userIdentity: identity,
    recipientAccountId: account,
    eventID: eventId,
    eventType: 'AwsApiCall',
  };
}

/** `counts[i]` denials of `specs[i]`, spread over the 7 days from `monday` (YYYY-MM-DD). */
export function weekOfRecords(monday: string, plan: [DenialSpec, number][], tag: string): Record<string, unknown>[] {
  const start = Date.parse(`${monday}T00:00:00Z`);
  const out: Record<string, unknown>[] = [];
  plan.forEach(([spec, count], g) => {
    for (let i = 0; i < count; i++) {
      const t = new Date(start + (i % 7) * 86_400_000 + (g * 60 + i) * 60_000 + 3_600_000).toISOString().replace('.000Z', 'Z');
      out.push(denialRecord(spec, t, `${tag}-${g}-${i}`));
    }
  });
  return out;
}

/** One gzipped trail file per day, in the S3 layout, under `root`. */
export function writeArchive(root: string, records: Record<string, unknown>[], account = ACCOUNT): void {
  const byDay = new Map<string, Record<string, unknown>[]>();
  for (const r of records) {
    const day = String(r.eventTime).slice(0, 10);
    byDay.set(day, [...(byDay.get(day) ?? []), r]);
  }
  for (const [day, list] of byDay) {
    const [y, m, d] = day.split('-');
    const name = `${account}_CloudTrail_us-east-1_${y}${m}${d}T2355Z_abcdEFGH1234.json.gz`;
    const path = join(root, 'AWSLogs', account, 'CloudTrail', 'us-east-1', y, m, d, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, gzipSync(JSON.stringify({ Records: list })));
  }
}
