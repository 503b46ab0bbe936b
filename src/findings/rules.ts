// The rule table: what each rule looks for, how urgent it is, its ATT&CK technique, its thresholds (the
// defaults taken from published detections, each cited: sources.ts) and what to do next. The rules file
// (`findings.rules`) may change a threshold or turn a rule off. Each rule has a fixture that fires it
// and one that must not (test/fixtures/findings/<rule>.*).
import type { FindingSeverity } from '../types.js';
import type { SourceId } from './sources.js';
import type { TechniqueKey } from './techniques.js';

export interface Threshold {
  value: number;
  source: SourceId;
  means: string; // what the number counts
}

export interface Rule {
  id: string;
  title: string;
  /** sensitive-action takes each row's family's severity (sensitive-actions.ts); this is its highest. */
  severity: FindingSeverity;
  technique: TechniqueKey | null; // null: per row (sensitive-action)
  thresholds: Record<string, Threshold>;
  sources: SourceId[];
  /** What to do next; `{subject}` is replaced by the finding's subject, `{baseline}` by what it was compared with. */
  next: string[];
}

const TRACE_SUCCESS =
  'Find what the same credentials did that worked: this report lists refusals only. Query the whole trail for the same principal and window (`aws cloudtrail lookup-events --lookup-attributes AttributeKey=Username,AttributeValue=<user>` online, or Athena: `cloudtrail-denials sql` shows the table).';

export const RULES = [
  {
    id: 'enumeration-burst',
    title: 'Enumeration burst by one principal',
    severity: 'medium',
    technique: 'cloudServiceDiscovery',
    thresholds: {
      denials: { value: 15, source: 'pantherRecon', means: 'denied calls at least' },
      actions: { value: 10, source: 'prowlerEnum', means: 'distinct actions at least' },
      minutes: { value: 10, source: 'pantherRecon', means: 'within this many minutes' },
    },
    sources: ['pantherRecon', 'prowlerEnum', 'splunkDiscovery', 'elasticS3Enum'],
    next: [
      "Ask the owner of {subject} whether these calls were theirs. If not, treat its credentials as stolen: deactivate the access key (`aws iam update-access-key --user-name <user> --access-key-id <key-id> --status Inactive`) or revoke the role's active sessions.",
      TRACE_SUCCESS,
      'Block the source addresses if they are not yours, and look for them under other principals (Source IPs and User agents below).',
    ],
  },
  {
    id: 'enumeration-burst-ip',
    title: 'Enumeration burst from one address, across principals',
    severity: 'medium',
    technique: 'cloudInfrastructureDiscovery',
    thresholds: {
      denials: { value: 15, source: 'pantherRecon', means: 'denied calls at least' },
      actions: { value: 10, source: 'prowlerEnum', means: 'distinct actions at least' },
      minutes: { value: 10, source: 'pantherRecon', means: 'within this many minutes' },
      principals: { value: 2, source: 'splunkDiscovery', means: 'principals at least (one alone is enumeration-burst)' },
    },
    sources: ['splunkDiscovery', 'pantherRecon', 'prowlerEnum'],
    next: [
      'Find out whose address {subject} is (office, VPN, CI runner, NAT gateway). Several principals probing from one address are several stolen credentials used by one party, or a shared host gone wrong.',
      'Treat every principal behind it as possibly compromised until its owner confirms the calls.',
      TRACE_SUCCESS,
    ],
  },
  {
    id: 'sensitive-action',
    title: 'Sensitive action refused',
    severity: 'high',
    technique: null,
    thresholds: {},
    sources: ['elasticCloudTrail', 'elasticDetection', 'credentials', 'policies', 'credentialAccess', 'sharing', 'impact', 'gpu'],
    next: [
      'Find out who made the call with {subject} and why: an attempt by credentials that have no business making it suggests they are stolen.',
      'Check that the same call did not succeed elsewhere (another Region or account, another principal, later): this report lists refusals only.',
    ],
  },
  {
    id: 'console-brute-force',
    title: 'Failed console sign-ins for one user',
    severity: 'medium',
    technique: 'passwordGuessing',
    thresholds: {
      failures: { value: 5, source: 'pantherLoginFailed', means: 'failed sign-ins at least' },
      minutes: { value: 60, source: 'pantherLoginFailed', means: 'within this many minutes' },
    },
    sources: ['pantherLoginFailed', 'elasticBruteForce'],
    next: [
      'Ask the user ({subject}) whether they mistyped their password. If not, reset it and make sure MFA is on (`aws iam list-mfa-devices --user-name <user>`).',
      'Look for a successful ConsoleLogin of the same user around that time: successful sign-ins are not in this report.',
    ],
  },
  {
    id: 'console-password-spray',
    title: 'Password spraying: failed console sign-ins for many users from one address',
    severity: 'medium',
    technique: 'passwordSpraying',
    thresholds: {
      users: { value: 6, source: 'pantherSpray', means: 'distinct user names at least' },
      minutes: { value: 60, source: 'pantherSpray', means: 'within this many minutes' },
    },
    sources: ['pantherSpray', 'elasticBruteForce'],
    next: [
      'Block {subject} if it is not yours. For every user it tried, look for a successful ConsoleLogin from any address in the hours after (`aws cloudtrail lookup-events --lookup-attributes AttributeKey=EventName,AttributeValue=ConsoleLogin`).',
      'Require MFA for every console user: the names that exist are now known to whoever sprayed.',
    ],
  },
  {
    id: 'root-activity',
    title: 'The root user was refused or failed to sign in',
    severity: 'high',
    technique: 'cloudAccounts',
    thresholds: {},
    sources: ['pantherRoot', 'elasticBruteForce'],
    next: [
      'The root user should not be in daily use: find out who holds the root credentials of {subject} and whether they acted then.',
      'If nobody did, reset the root password, check its MFA device and delete any root access keys (IAM console, Security credentials).',
    ],
  },
  {
    id: 'outside-principal',
    title: 'Principals of an account outside this archive were refused',
    severity: 'medium',
    technique: 'trustedRelationship',
    thresholds: {},
    sources: ['splunkCrossAccount'],
    next: [
      'Find out who owns account {subject}: a partner, a vendor, an account of yours whose logs are not here? If it is expected, list it under `findings.knownAccounts` in the rules file.',
      'Read the resource policies of what it tried (bucket policies, key policies, role trust policies) for grants you did not mean to give.',
    ],
  },
  {
    id: 'new-principal',
    title: 'A principal refused for the first time since the baseline',
    severity: 'low',
    technique: 'cloudAccounts',
    thresholds: {},
    sources: ['splunkCrossAccount'],
    next: ['Confirm that {subject} is yours and expected (a new pipeline, a new person, a new partner) since {baseline}.'],
  },
  {
    id: 'new-source-ip',
    title: 'An address refused for the first time since the baseline',
    severity: 'low',
    technique: 'cloudAccounts',
    thresholds: {},
    sources: ['splunkCrossAccount'],
    next: [
      'Confirm that {subject} is one of your addresses (office, VPN, CI runner, NAT gateway) and look at the principals behind it (new since {baseline}).',
    ],
  },
] as const satisfies readonly Rule[];

export type RuleId = (typeof RULES)[number]['id'];

export const RULE_IDS: readonly RuleId[] = RULES.map((r) => r.id);

export function ruleOf(id: RuleId): Rule {
  return RULES.find((r) => r.id === id)!;
}

/** Findings kept per rule (those with the most denials); the rest are counted in FindingsReport.omitted. */
export const MAX_PER_RULE = 50;

export const SEVERITY_RANK: Record<FindingSeverity, number> = { high: 0, medium: 1, low: 2 };
