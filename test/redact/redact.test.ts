import { describe, expect, it } from 'vitest';
import { FOLDED_PRINCIPAL, groupKey } from '../../src/aggregate/index.js';
import { makePseudonyms, makeRedactor, makeTextRedactor, redactArn } from '../../src/redact/index.js';
import type { IntegritySummary } from '../../src/types.js';
import { denial } from '../helpers/denial.js';
import { loadSummary } from '../render/helpers.js';

const key = new TextEncoder().encode('a test key of enough length');
const p = makePseudonyms(key);
const acct = p.of('acct', '111122223333');
const name = (v: string) => p.of('name', v);

describe('redactArn', () => {
  it.each([
    ['arn:aws:iam::111122223333:role/ci-deployer', `arn:aws:iam::${acct}:role/${name('ci-deployer')}`],
    ['arn:aws:iam::111122223333:role/service-role/etl', `arn:aws:iam::${acct}:role/service-role/${name('etl')}`],
    ['arn:aws:sts::111122223333:assumed-role/ci-deployer/gh-run-1', `arn:aws:sts::${acct}:assumed-role/${name('ci-deployer')}/${name('gh-run-1')}`],
    ['arn:aws:s3:::my-bucket/reports/x.csv', `arn:aws:s3:::${name('my-bucket')}/${name('reports')}/${name('x.csv')}`],
    ['arn:aws:s3:::my-bucket/*', `arn:aws:s3:::${name('my-bucket')}/*`],
    ['arn:aws:sqs:us-east-1:111122223333:orders', `arn:aws:sqs:us-east-1:${acct}:${name('orders')}`],
    ['arn:aws:lambda:eu-west-1:111122223333:function:pay:live', `arn:aws:lambda:eu-west-1:${acct}:function:${name('pay')}:${name('live')}`],
    [
      'arn:aws:execute-api:us-east-1:111122223333:abc123/prod/GET/x',
      `arn:aws:execute-api:us-east-1:${acct}:${name('abc123')}/${name('prod')}/${name('GET')}/${name('x')}`,
    ],
    ['arn:aws:iam::111122223333:root', `arn:aws:iam::${acct}:root`],
    ['arn:aws:iam::aws:policy/AdministratorAccess', 'arn:aws:iam::aws:policy/AdministratorAccess'],
    ['arn:aws-cn:iam::aws:policy/ReadOnlyAccess', 'arn:aws-cn:iam::aws:policy/ReadOnlyAccess'],
  ])('%s', (arn, expected) => expect(redactArn(arn, p)).toBe(expected));

  it('is null for text that is not an ARN', () => expect(redactArn('my-bucket', p)).toBeNull());
});

describe('text redaction', () => {
  const text = makeTextRedactor(p, ['frank.ops', 'abc']);
  it('replaces ARNs (keeping sentence punctuation), account IDs, IPv4 and IPv6 addresses and known names', () => {
    expect(text('on resource: "arn:aws:s3:::b1/k". From 203.0.113.9, by frank.ops in 111122223333; v6 2001:db8::7.')).toBe(
      `on resource: "arn:aws:s3:::${name('b1')}/${name('k')}". From ${p.of('ip', '203.0.113.9')}, by ${name('frank.ops')} in ${acct}; v6 ${p.of('ip', '2001:db8::7')}.`,
    );
  });
  it('leaves versions, times, short names and parts of longer words alone', () => {
    const plain = 'aws-cli/2.15.0 at 10:00:00, 999.1.2.3, abc, frank.opsx, 1234567890123';
    expect(text(plain)).toBe(plain);
  });
});

describe('makeRedactor', () => {
  it('redacts every identifying field of a denial and nothing that explains it', () => {
    const r = makeRedactor(key);
    const d = r.denial(
      denial({
        sessionName: 'alice@example.com',
        message: 'User: arn:aws:sts::111122223333:assumed-role/ci/alice@example.com is not authorized',
        userAgent: 'Boto3 from 10.1.2.3',
      }),
    );
    expect(d).toMatchObject({
      account: acct,
      callerAccount: acct,
      sessionName: name('alice@example.com'),
      sourceIp: p.of('ip', '198.51.100.7'),
      resource: `arn:aws:s3:::${name('bucket')}/${name('key')}`,
      action: 's3:GetObject',
      policyType: 'service-control-policy',
      errorCode: 'AccessDenied',
      region: 'us-east-1',
      eventSource: 's3.amazonaws.com',
      userAgent: `Boto3 from ${p.of('ip', '10.1.2.3')}`,
    });
    // 'ci' is too short to hunt for in free text, but as an ARN segment it is replaced all the same
    expect(d.principal).toBe(`arn:aws:iam::${acct}:role/${name('ci')}`);
    expect(d.message).toBe(`User: arn:aws:sts::${acct}:assumed-role/${name('ci')}/${name('alice@example.com')} is not authorized`);
  });

  it('keeps service principals and anonymous callers, and names its key without revealing it', () => {
    const r = makeRedactor(key);
    expect(r.principal('lambda.amazonaws.com')).toBe('lambda.amazonaws.com');
    expect(r.principal('anonymous')).toBe('anonymous');
    expect(r.principal('aws-account:111122223333')).toBe(`aws-account:${acct}`);
    expect(r.keyId).toMatch(/^[0-9a-f]{12}$/);
    expect(makeRedactor(new TextEncoder().encode('another key, also long')).keyId).not.toBe(r.keyId);
  });
});

describe('the one boundary: a Redactor for every kind of output', () => {
  it('summary: the Integrity section too, with the names the denials taught it', () => {
    const r = makeRedactor(key);
    r.denial(denial({ principal: 'arn:aws:iam::111122223333:user/frank.ops' }));
    const integrity = {
      status: 'failed',
      ok: false,
      partialReasons: [],
      publicKeys: null,
      signatures: null,
      digestsPruned: 0,
      coverage: {
        logFiles: 1,
        verified: 0,
        signatureUnchecked: 0,
        uncovered: 0,
        outsideLayout: 0,
        failed: 1,
        notExamined: 0,
        unverified: [{ path: 'AWSLogs/111122223333/x.json.gz', class: 'failed' }],
      },
      totals: {} as IntegritySummary['totals'],
      trails: [{ key: '111122223333 us-east-1 t', account: '111122223333' } as IntegritySummary['trails'][number]],
      failures: [
        { kind: 'log-modified', trail: '111122223333 us-east-1 t', file: 'AWSLogs/111122223333/x.json.gz', digest: null, detail: 'edited by frank.ops' },
      ],
      notices: [],
    } satisfies IntegritySummary;
    const s = r.summary({ ...loadSummary('empty'), integrity });
    const text = JSON.stringify(s.integrity);
    expect(text).not.toMatch(/111122223333|frank\.ops/);
    expect(s.integrity?.failures[0].detail).toBe(`edited by ${name('frank.ops')}`);
    expect(s.integrity?.coverage.unverified[0].path).toBe(`AWSLogs/${acct}/x.json.gz`);
  });

  it("baseline: groups and title in this run's pseudonyms, keys made again, folded rows as they are", () => {
    const r = makeRedactor(key);
    const group = {
      key: '',
      principal: 'arn:aws:iam::111122223333:user/bob',
      action: 's3:GetObject',
      policyType: 'identity-based' as const,
      denyKind: 'implicit' as const,
      count: 3,
    };
    const folded = { ...group, principal: FOLDED_PRINCIPAL, key: 'kept' };
    const b = r.baseline({ title: 'week of bob', window: { since: null, until: null }, totals: { denials: 3 }, groups: [group, folded] });
    expect(b.groups[0].principal).toBe(`arn:aws:iam::${acct}:user/${name('bob')}`);
    expect(b.groups[0].key).toBe(groupKey(b.groups[0]));
    expect(b.groups[1]).toBe(folded);
    expect(b.title).toBe('week of bob'); // 'bob' is known from no denial of this run, and too short to hunt for
  });
});

describe('redactArn outside its usual shape', () => {
  it('replaces what stands where a partition, service or region belongs when it is no AWS word', () => {
    expect(redactArn('arn:aws:s3:ip-10-1-2-3.ec2.internal:111122223333:x', p)).toBe(`arn:aws:s3:${name('ip-10-1-2-3.ec2.internal')}:${acct}:${name('x')}`);
  });
});
