// Opt-in throughput measurement of the splitter (no timing assertions):
//   SPLITTER_BENCH=1 npx vitest run test/read/splitter/record-splitter-bench
// Generates ~200 MB of CloudTrail-like trail files (records of ~1.7 KB, mostly short strings, 2% with
// errorCode) and prints MB/s of uncompressed JSON per scanner and chunk size, measured as the best of
// five runs in process CPU time, so that other load on a shared machine distorts it less.

import { describe, expect, it } from 'vitest';
import { RecordSplitter, mayBeDenial } from '../../../src/read/splitter/record-splitter.js';
import { rng } from '../../fixtures/read/splitter/harness.js';

const MB = Number(process.env.SPLITTER_BENCH_MB ?? 200);

function corpus(): Buffer[] {
  const r = rng(1);
  const hex = (n: number) => Array.from({ length: n }, () => '0123456789abcdef'[Math.floor(r() * 16)]).join('');
  const pick = <T>(a: T[]) => a[Math.floor(r() * a.length)];
  const files: Buffer[] = [];
  let total = 0;
  let i = 0;
  while (total < MB * 1e6) {
    const records: unknown[] = [];
    for (let k = 0; k < 1000; k++, i++) {
      const acct = pick(['111122223333', '444455556666']);
      const rec: Record<string, unknown> = {
        eventVersion: '1.08',
        userIdentity: {
          type: 'AssumedRole', principalId: `AROA${hex(16)}:s-${i}`, arn: `arn:aws:sts::${acct}:assumed-role/Role${i % 7}/s-${i}`,
          accountId: acct, accessKeyId: `ASIA${hex(16)}`,
          sessionContext: {
            sessionIssuer: { type: 'Role', principalId: `AROA${hex(16)}`, arn: `arn:aws:iam::${acct}:role/Role${i % 7}`, accountId: acct, userName: `Role${i % 7}` },
            webIdFederationData: {}, attributes: { creationDate: '2024-05-01T10:00:00Z', mfaAuthenticated: 'false' },
          },
        },
        eventTime: '2024-05-01T10:00:00Z', eventSource: pick(['s3.amazonaws.com', 'ec2.amazonaws.com', 'kms.amazonaws.com']),
        eventName: pick(['GetObject', 'DescribeInstances', 'Decrypt']), awsRegion: pick(['us-east-1', 'eu-west-1']),
        sourceIPAddress: `10.${i % 255}.${(i * 7) % 255}.1`,
        userAgent: pick(['aws-cli/2.15.0 Python/3.11.6 Linux/5.10 exe/x86_64.amzn.2 prompt/off command/s3.cp', 'console.amazonaws.com']),
        requestParameters: { bucketName: `bucket-${hex(6)}`, key: `path/to/${hex(12)}.json`, filter: [{ name: 'tag:Name', values: [`web-${hex(4)}`, 'db'] }] },
        responseElements: null,
        additionalEventData: { SignatureVersion: 'SigV4', CipherSuite: 'ECDHE-RSA-AES128-GCM-SHA256', bytesTransferredIn: 0, 'x-amz-id-2': hex(40) },
        requestID: hex(16), eventID: `${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}`, readOnly: true,
        resources: [{ type: 'AWS::S3::Object', ARN: `arn:aws:s3:::bucket/path/${hex(10)}` }],
        eventType: 'AwsApiCall', managementEvent: false, recipientAccountId: acct, eventCategory: 'Data',
        tlsDetails: { tlsVersion: 'TLSv1.2', cipherSuite: 'ECDHE-RSA-AES128-GCM-SHA256', clientProvidedHostHeader: 'bucket.s3.amazonaws.com' },
      };
      if (r() < 0.02) {
        rec.errorCode = 'AccessDenied';
        rec.errorMessage = `User: arn:aws:sts::${acct}:assumed-role/Role/s is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::b/k" because no identity-based policy allows the s3:GetObject action`;
      }
      if (r() < 0.1) rec.policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:*'], Resource: '*' }] });
      records.push(rec);
    }
    const file = Buffer.from(JSON.stringify({ Records: records }));
    files.push(file);
    total += file.length;
  }
  return files;
}

function measure(files: Buffer[], scanner: 'simd' | 'wasm' | 'js', chunk: number, filter: boolean): { mbs: number; records: number; hits: number } {
  const total = files.reduce((n, f) => n + f.length, 0);
  let best = 0;
  let records = 0;
  let hits = 0;
  for (let run = 0; run < 5; run++) {
    records = 0;
    hits = 0;
    const onRecord = filter
      ? (rec: Buffer) => { records++; if (mayBeDenial(rec)) hits++; }
      : () => { records++; };
    const t = process.cpuUsage();
    for (const f of files) {
      const s = new RecordSplitter({ scanner });
      for (let i = 0; i < f.length; i += chunk) s.push(f.subarray(i, i + chunk), onRecord);
      if (s.end().error !== undefined) throw new Error('damaged');
    }
    const u = process.cpuUsage(t);
    best = Math.max(best, total / 1e6 / ((u.user + u.system) / 1e6));
  }
  return { mbs: Math.round(best), records, hits };
}

describe.skipIf(process.env.SPLITTER_BENCH === undefined)('splitter throughput', () => {
  it('prints MB/s', () => {
    const files = corpus();
    const rows: string[] = [];
    for (const scanner of (process.env.SPLITTER_BENCH_ORDER === 'js' ? ['js', 'wasm', 'simd'] : ['simd', 'wasm', 'js']) as ('simd' | 'wasm' | 'js')[]) {
      for (const chunk of [64 * 1024, 2 ** 31]) {
        for (const filter of [false, true]) {
          const m = measure(files, scanner, chunk, filter);
          rows.push(`${scanner.padEnd(4)} chunk ${chunk > 1e9 ? 'whole file' : '64 KiB    '} ${filter ? 'split+mayBeDenial' : 'split only       '} ${String(m.mbs).padStart(5)} MB/s  (${m.records} records, ${m.hits} hits)`);
          expect(m.records).toBeGreaterThan(0);
        }
      }
    }
    console.log(`splitter throughput, ${MB} MB of CloudTrail-like JSON, node ${process.version}, best of 5 in CPU time\n${rows.join('\n')}`);
  }, 600_000);
});
