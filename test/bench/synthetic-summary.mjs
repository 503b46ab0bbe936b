// A seeded, self-consistent Summary of any size, for measuring the HTML report without reading logs:
// `groups` groups holding `denials` denials (sizes falling off as in real trails: a few large groups, a
// long tail), over `days` days, with the lists a real group has (accounts, regions, resources, source
// IPs, user agents, sessions, hints, sample event IDs, a timeline). Every breakdown is summed from the
// groups, so the totals agree as an aggregated Summary's do.
//
//   import { syntheticSummary } from './synthetic-summary.mjs';
//   const summary = syntheticSummary({ groups: 10_000, denials: 1_000_000 });

const POLICY_TYPES = [
  'identity-based',
  'resource-based',
  'permissions-boundary',
  'service-control-policy',
  'resource-control-policy',
  'session-policy',
  'vpc-endpoint-policy',
  'role-trust-policy',
  's3-block-public-access',
  'unspecified',
];
const DENY_KINDS = ['explicit', 'implicit', 'unspecified'];
const HINTS = ['mfa-absent', 'cross-account', 'vpc-endpoint', 'service-principal', 'temporary-credentials', 'console-session', 'encoded-message', 'federated'];
const SERVICES = [
  's3',
  'ec2',
  'iam',
  'kms',
  'lambda',
  'dynamodb',
  'sts',
  'ssm',
  'secretsmanager',
  'cloudformation',
  'logs',
  'sqs',
  'sns',
  'ecr',
  'rds',
  'glue',
];
const VERBS = ['Get', 'Put', 'List', 'Describe', 'Create', 'Delete', 'Update', 'Tag', 'Attach', 'Invoke'];
const NOUNS = [
  'Object',
  'Bucket',
  'Instances',
  'Role',
  'Key',
  'Function',
  'Item',
  'Parameter',
  'Secret',
  'Stack',
  'Queue',
  'Topic',
  'Image',
  'Table',
  'Policy',
  'LogEvents',
  'SecurityGroups',
  'Volume',
  'Snapshot',
  'Cluster',
  'Job',
  'Database',
  'Alarm',
];
const TYPES = [
  ['AssumedRole', 'role/'],
  ['IAMUser', 'user/'],
  ['AssumedRole', 'role/service-role/'],
  ['FederatedUser', 'federated-user/'],
  ['AWSService', ''],
];
const AGENTS = [
  'aws-cli/2.22.4 md/awscrt#0.22.0 ua/2.0 os/linux#6.8.0 md/arch#x86_64 lang/python#3.12.6 md/pyimpl#CPython cfg/retry-mode#standard',
  'aws-sdk-js/3.693.0 ua/2.1 os/linux#6.8.0 lang/js md/nodejs#20.18.0 api/sts#3.693.0',
  'Boto3/1.35.54 md/Botocore#1.35.54 ua/2.0 os/linux#5.10.227 md/arch#x86_64 lang/python#3.11.10',
  'aws-sdk-go-v2/1.32.2 os/linux lang/go#1.23.2 md/GOOS#linux md/GOARCH#amd64 api/s3#1.66.0',
  'Terraform/1.9.8 (+https://www.terraform.io) terraform-provider-aws/5.74.0',
  'console.amazonaws.com',
  'AWS Internal',
  'aws-sdk-java/2.29.6 Linux/5.10 OpenJDK_64-Bit_Server_VM/21.0.5+11-LTS Java/21.0.5',
];

/** mulberry32: a small seeded generator, so every run builds the same Summary. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const hex = (r, n) => Array.from({ length: n }, () => Math.floor(r() * 16).toString(16)).join('');
const pick = (r, list) => list[Math.floor(r() * list.length)];
const counted = (map) => [...map].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
const bump = (map, key, n) => map.set(key, (map.get(key) ?? 0) + n);

/** Splits n into k positive parts (k <= n), the first largest. */
function split(r, n, k) {
  const weights = Array.from({ length: k }, (_, i) => (1 + r()) / (i + 1));
  const total = weights.reduce((a, b) => a + b, 0);
  const parts = weights.map((w) => Math.max(1, Math.floor((w / total) * n)));
  let rest = n - parts.reduce((a, b) => a + b, 0);
  for (let i = 0; rest !== 0; i = (i + 1) % k) {
    if (rest > 0) {
      parts[i]++;
      rest--;
    } else if (parts[i] > 1) {
      parts[i]--;
      rest++;
    }
  }
  return parts;
}

function listOf(r, count, distinct, make) {
  const k = Math.max(1, Math.min(count, distinct));
  const parts = split(r, count, k);
  const m = new Map();
  parts.forEach((n, i) => bump(m, make(i), n));
  return counted(m);
}

export function syntheticSummary({ groups = 10_000, denials = 1_000_000, days = 90, seed = 18 } = {}) {
  if (denials < groups) throw new Error('need at least one denial per group');
  const r = rng(seed);
  const accounts = Array.from({ length: 40 }, (_, i) => String(111100000000 + i * 7919 * 1000 + 123).padStart(12, '0'));
  const regions = [
    'us-east-1',
    'us-east-2',
    'us-west-2',
    'eu-west-1',
    'eu-central-1',
    'ap-southeast-2',
    'ap-northeast-1',
    'sa-east-1',
    'ca-central-1',
    'eu-north-1',
  ];
  const principals = Array.from({ length: Math.max(10, Math.round(groups / 4)) }, (_, i) => {
    const [type, path] = pick(r, TYPES);
    const account = pick(r, accounts);
    const name = `${pick(r, ['app', 'ci', 'deploy', 'batch', 'analytics', 'ops', 'data', 'web'])}-${hex(r, 4)}-${i}`;
    return type === 'AWSService' ? { type, arn: `${name}.amazonaws.com`, account } : { type, arn: `arn:aws:iam::${account}:${path}${name}`, account };
  });
  const actions = Array.from({ length: 600 }, () => `${pick(r, SERVICES)}:${pick(r, VERBS)}${pick(r, NOUNS)}`);
  const start = Date.parse('2026-08-01T00:00:00Z');
  const dayKey = (d) => new Date(start + d * 86_400_000).toISOString().slice(0, 10);
  // group sizes: Zipf-like with a floor of one denial each, summing to `denials`
  const weights = Array.from({ length: groups }, (_, i) => 1 / Math.pow(i + 1, 0.9));
  const wsum = weights.reduce((a, b) => a + b, 0);
  const counts = weights.map((w) => 1 + Math.floor((w / wsum) * (denials - groups)));
  counts[0] += denials - counts.reduce((a, b) => a + b, 0);
  const seen = new Set();
  const out = [];
  for (let i = 0; i < groups; i++) {
    let p, action, policyType, denyKind, key;
    do {
      p = pick(r, principals);
      action = pick(r, actions);
      policyType = pick(r, POLICY_TYPES);
      denyKind = policyType === 'unspecified' ? 'unspecified' : pick(r, DENY_KINDS);
      key = `${p.arn} | ${action} | ${policyType} | ${denyKind}`;
    } while (seen.has(key));
    seen.add(key);
    const count = counts[i];
    const first = Math.floor(r() * days);
    const span = Math.min(days - first, 1 + Math.floor(r() * 30));
    const timeline = listOf(r, count, span, (j) => dayKey(first + j)).sort((a, b) => (a.key < b.key ? -1 : 1));
    const service = action.split(':')[0];
    const hints = r() < 0.4 ? [] : listOf(r, count, 1 + Math.floor(r() * 2), () => pick(r, HINTS));
    out.push({
      key,
      principal: p.arn,
      principalType: p.type,
      action,
      policyType,
      denyKind,
      count,
      firstSeen: `${timeline[0].key}T0${Math.floor(r() * 10)}:1${Math.floor(r() * 10)}:00Z`,
      lastSeen: `${timeline[timeline.length - 1].key}T2${Math.floor(r() * 4)}:4${Math.floor(r() * 10)}:00Z`,
      categories: [{ key: 'authorization', count }],
      errorCodes: [{ key: service === 'ec2' ? 'Client.UnauthorizedOperation' : 'AccessDenied', count }],
      accounts: listOf(r, count, r() < 0.8 ? 1 : 2, (j) => (j === 0 ? p.account : pick(r, accounts))),
      regions: listOf(r, count, 1 + Math.floor(r() * 3), () => pick(r, regions)),
      resources: listOf(
        r,
        count,
        1 + Math.floor(r() * 25),
        () => `arn:aws:${service}:${pick(r, regions)}:${p.account}:${pick(r, NOUNS).toLowerCase()}/${hex(r, 8)}`,
      ),
      sourceIps: listOf(
        r,
        count,
        1 + Math.floor(r() * 8),
        () => `${10 + Math.floor(r() * 200)}.${Math.floor(r() * 256)}.${Math.floor(r() * 256)}.${Math.floor(r() * 256)}`,
      ),
      userAgents: listOf(r, count, 1 + Math.floor(r() * 2), () => pick(r, AGENTS)),
      sessionNames: p.type === 'AssumedRole' ? listOf(r, count, 1 + Math.floor(r() * 4), () => `session-${hex(r, 6)}`) : [],
      policyArns:
        policyType === 'service-control-policy'
          ? [{ key: `arn:aws:organizations::999900001111:policy/o-7kq2m9xw4d/service_control_policy/p-${hex(r, 8)}`, count }]
          : [],
      hints: hints.filter((h, k) => hints.findIndex((x) => x.key === h.key) === k),
      timeline,
      sampleEventIds: Array.from({ length: Math.min(3, count) }, () => `${hex(r, 8)}-${hex(r, 4)}-4${hex(r, 3)}-8${hex(r, 3)}-${hex(r, 12)}`),
    });
  }
  out.sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));
  const by = (f) => {
    const m = new Map();
    for (const g of out) for (const [k, n] of f(g)) bump(m, k, n);
    return counted(m);
  };
  const each = (field) => (g) => g[field].map((c) => [c.key, c.count]);
  const timeline = by(each('timeline')).sort((a, b) => (a.key < b.key ? -1 : 1));
  const noError = denials * 20;
  return {
    schemaVersion: 1,
    tool: { name: 'cloudtrail-denials', version: 'bench' },
    title: `Synthetic: ${groups} groups, ${denials} denials`,
    window: {
      since: null,
      until: null,
      label: null,
      firstDenial: out.reduce((m, g) => (g.firstSeen < m ? g.firstSeen : m), '9'),
      lastDenial: out.reduce((m, g) => (g.lastSeen > m ? g.lastSeen : m), '0'),
    },
    filters: { accounts: [], regions: [], principals: [], actions: [] },
    files: { found: 4000, read: 4000, pruned: 0, skipped: 0, damaged: 0, skippedByReason: [], skippedFiles: [] },
    totals: { records: denials + noError, denials, suppressed: 0, otherErrors: 0, noError, excludedByFilter: 0, duplicates: 0, damagedRecords: 0 },
    issues: [],
    byPolicyType: by((g) => [[g.policyType, g.count]]),
    byDenyKind: by((g) => [[g.denyKind, g.count]]),
    byCategory: by(each('categories')),
    byErrorCode: by(each('errorCodes')),
    byPrincipal: by((g) => [[g.principal, g.count]]),
    byAction: by((g) => [[g.action, g.count]]),
    byService: by((g) => [[g.action.split(':')[0], g.count]]),
    byAccount: by(each('accounts')),
    byRegion: by(each('regions')),
    byHint: by(each('hints')),
    timeline,
    otherErrorCodes: [],
    unrecognizedMessages: [],
    groups: out,
    suppression: null,
    changes: null,
    redaction: null,
  };
}
