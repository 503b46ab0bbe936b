// ARNs with their identifying parts replaced: the account and every resource name segment become
// pseudonyms; partition, service, region, resource type and AWS's own names stay readable.
import type { Pseudonyms } from './pseudonym.js';

/** Resource types kept in front of the pseudonymised name (`role/…`, `function:…`). */
// prettier-ignore
const RESOURCE_TYPES = new Set([
  'role', 'user', 'group', 'policy', 'assumed-role', 'federated-user', 'instance-profile', 'server-certificate', 'mfa',
  'oidc-provider', 'saml-provider', 'key', 'alias', 'table', 'function', 'layer', 'secret', 'parameter', 'log-group',
  'instance', 'volume', 'snapshot', 'image', 'vpc', 'subnet', 'security-group', 'network-interface', 'vpc-endpoint',
  'stack', 'cluster', 'service', 'task', 'task-definition', 'container-instance', 'repository', 'db', 'dbuser',
  'trail', 'rule', 'event-bus', 'stateMachine', 'execution', 'certificate', 'distribution', 'hostedzone', 'workgroup',
  'catalog', 'database', 'domain', 'index', 'accesspoint', 'job', 'model', 'endpoint', 'project', 'pipeline',
  'application', 'environment', 'restapis', 'natgateway', 'loadbalancer', 'targetgroup', 'topic', 'queue',
]);

/** Path segments that are AWS vocabulary, not customer names. */
const AWS_WORDS = new Set(['*', 'aws-service-role', 'service-role', 'service_control_policy', 'resource_control_policy', 'aws-reserved', 'sso.amazonaws.com']);

export const isServiceName = (s: string): boolean => /^[a-z0-9.-]+\.amazonaws\.com(\.cn)?$/i.test(s);

const keepSegment = (s: string): boolean => s === '' || AWS_WORDS.has(s) || isServiceName(s);

/** Each '/'- or ':'-separated segment of a resource name, pseudonymised; the separators stay. */
function segments(rest: string, p: Pseudonyms): string {
  return rest
    .split(/([/:])/)
    .map((part, i) => (i % 2 === 1 || keepSegment(part) ? part : p.of('name', part)))
    .join('');
}

export function accountPseudonym(account: string, p: Pseudonyms): string {
  if (account === '' || account === 'aws' || account === '*') return account;
  return /^\d{12}$/.test(account) ? p.of('acct', account) : p.of('name', account);
}

const ARN = /^arn:([^:]*):([^:]*):([^:]*):([^:]*):(.*)$/s;

/** An ARN with pseudonyms, or null when the text is not an ARN. `arn:aws:iam::aws:policy/…` stays as is. */
export function redactArn(arn: string, p: Pseudonyms): string | null {
  const m = ARN.exec(arn);
  if (m === null) return null;
  const [, partition, service, region, account, resource] = m;
  if (account === 'aws') return arn;
  // Partition, service and region are AWS's words (`aws`, `s3`, `us-east-1`); anything else there is not.
  const word = (w: string) => (/^[a-z0-9-]*$/.test(w) ? w : p.of('name', w));
  const head = `arn:${word(partition)}:${word(service)}:${word(region)}:${accountPseudonym(account, p)}:`;
  if (resource === 'root' || resource === '*' || resource === '') return head + resource;
  const typed = /^([A-Za-z][\w-]*)([/:])(.*)$/s.exec(resource);
  if (service !== 's3' && typed !== null && RESOURCE_TYPES.has(typed[1])) return head + typed[1] + typed[2] + segments(typed[3], p);
  return head + segments(resource, p);
}

/** The raw name segments of an ARN (for finding the same names elsewhere in free text). */
export function arnNames(arn: string): string[] {
  const m = ARN.exec(arn);
  if (m === null || m[4] === 'aws') return [];
  return m[5].split(/[/:]/).filter((s) => !keepSegment(s) && !RESOURCE_TYPES.has(s) && s !== 'root');
}
