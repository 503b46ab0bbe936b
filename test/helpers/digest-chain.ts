// Builds a CloudTrail archive with real log file integrity data, the way CloudTrail does it:
// logFiles[].hashValue = SHA-256 of the uncompressed log file; previousDigestHashValue = SHA-256 of the
// uncompressed previous digest; signature = SHA256withRSA over
// `digestEndTime\nbucket/key\nhex(SHA-256(uncompressed digest))\npreviousDigestSignature` (or 'null').
import { createHash, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const BUCKET = 'trail-bucket';
export const ACCOUNT = '111122223333';
export const REGION = 'eu-west-1';
export const TRAIL = 'org_main-trail'; // an underscore, as trail names may have
export const HOME = 'us-east-1';

export interface KeyPair {
  privateKey: KeyObject;
  der: Buffer; // PKCS #1 DER, as list-public-keys gives it (base64)
  fingerprint: string;
}

export function keyPair(): KeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const der = publicKey.export({ type: 'pkcs1', format: 'der' });
  return { privateKey, der, fingerprint: createHash('md5').update(der).digest('hex') };
}

export const sha256 = (b: Buffer | string): string => createHash('sha256').update(b).digest('hex');

export const stamp = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const compact = (iso: string): string => iso.replace(/[-:]/g, '');
const ymd = (ms: number): string => new Date(ms).toISOString().slice(0, 10).replaceAll('-', '/');

export interface BuiltLog {
  key: string; // S3 key
  path: string; // local path
  content: string; // uncompressed JSON
}

export interface BuiltDigest {
  key: string;
  path: string;
  json: Record<string, unknown>;
  bytes: Buffer; // uncompressed
  signature: string; // hex, the S3 metadata value
  logs: BuiltLog[];
}

export interface Archive {
  root: string; // folder holding AWSLogs/
  digests: BuiltDigest[];
  logs: BuiltLog[];
  keys: KeyPair;
}

export interface ArchiveOptions {
  hours: number;
  start?: string; // first digest's start, ISO
  logsPerHour?: (hour: number) => number;
  keys?: KeyPair;
  restartAt?: number; // this hour's digest is a starting digest (previous fields null)
}

export function logKey(deliveredMs: number, id: string): string {
  const minute = compact(stamp(deliveredMs)).slice(0, 13) + 'Z';
  return `AWSLogs/${ACCOUNT}/CloudTrail/${REGION}/${ymd(deliveredMs)}/${ACCOUNT}_CloudTrail_${REGION}_${minute}_${id}.json.gz`;
}

export function digestKey(endMs: number, backfill = false): string {
  return (
    `AWSLogs/${ACCOUNT}/CloudTrail-Digest/${REGION}/${ymd(endMs)}/` +
    `${ACCOUNT}_CloudTrail-Digest_${REGION}_${TRAIL}_${HOME}_${compact(stamp(endMs))}${backfill ? '_backfill' : ''}.json.gz`
  );
}

export function logContent(deliveredMs: number, n: number): string {
  const at = stamp(deliveredMs - 120_000);
  return JSON.stringify({
    Records: [
      {
        eventVersion: '1.09',
        eventTime: at,
        eventSource: 's3.amazonaws.com',
        eventName: 'GetObject',
        awsRegion: REGION,
        eventID: `ev-${deliveredMs}-${n}`,
        recipientAccountId: ACCOUNT,
      },
    ],
  });
}

/** A log file holding one explicit deny of cloudtrail:DeleteTrail: what an attacker wants a report to show (or hide). */
export function denialLogContent(deliveredMs: number, id: string): string {
  return JSON.stringify({
    Records: [
      {
        eventVersion: '1.09',
        eventTime: stamp(deliveredMs - 120_000),
        eventSource: 'cloudtrail.amazonaws.com',
        eventName: 'DeleteTrail',
        awsRegion: REGION,
        eventID: `00000000-0000-4000-8000-${id.padStart(12, '0').slice(-12)}`,
        recipientAccountId: ACCOUNT,
        userIdentity: { type: 'IAMUser', arn: `arn:aws:iam::${ACCOUNT}:user/mallory`, accountId: ACCOUNT, userName: 'mallory' },
        sourceIPAddress: '203.0.113.9',
        userAgent: 'aws-cli/2.15.0',
        errorCode: 'AccessDenied',
        errorMessage: `User: arn:aws:iam::${ACCOUNT}:user/mallory is not authorized to perform: cloudtrail:DeleteTrail on resource: arn:aws:cloudtrail:${REGION}:${ACCOUNT}:trail/${TRAIL} with an explicit deny in a service control policy`,
      },
    ],
  });
}

/** Writes a log file into the archive (gzipped) and returns it. */
export function addLog(root: string, deliveredMs: number, id: string, content = logContent(deliveredMs, 0)): BuiltLog {
  const key = logKey(deliveredMs, id);
  return { key, path: writeFile(root, key, content), content };
}

/** The hour [endMs - 1 h, endMs] as a digest's start and end fields. */
export function hourFields(endMs: number): Record<string, string> {
  return { digestStartTime: stamp(endMs - 3_600_000), digestEndTime: stamp(endMs) };
}

export function writeFile(root: string, key: string, content: Buffer | string, gzip = true): string {
  const path = join(root, key);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, gzip ? gzipSync(content) : content);
  return path;
}

export function signDigest(keys: KeyPair, json: Record<string, unknown>, bytes: Buffer): string {
  const text = `${json.digestEndTime as string}\n${BUCKET}/${json.digestS3Object as string}\n${sha256(bytes)}\n${(json.previousDigestSignature as string | null) ?? 'null'}`;
  return sign('sha256', Buffer.from(text), keys.privateKey).toString('hex');
}

/** Serialises, signs and writes a digest; returns it. `previous` chains it. */
export function writeDigest(
  root: string,
  keys: KeyPair,
  key: string,
  fields: Record<string, unknown>,
  previous: BuiltDigest | null,
  logs: BuiltLog[],
): BuiltDigest {
  const json: Record<string, unknown> = {
    awsAccountId: ACCOUNT,
    ...fields,
    digestS3Bucket: BUCKET,
    digestS3Object: key,
    digestPublicKeyFingerprint: keys.fingerprint,
    digestSignatureAlgorithm: 'SHA256withRSA',
    previousDigestS3Bucket: previous ? BUCKET : null,
    previousDigestS3Object: previous?.key ?? null,
    previousDigestHashValue: previous ? sha256(previous.bytes) : null,
    previousDigestHashAlgorithm: previous ? 'SHA-256' : null,
    previousDigestSignature: previous?.signature ?? null,
    logFiles: logs.map((l) => ({ s3Bucket: BUCKET, s3Object: l.key, hashValue: sha256(l.content), hashAlgorithm: 'SHA-256' })),
  };
  const bytes = Buffer.from(JSON.stringify(json));
  const signature = signDigest(keys, json, bytes);
  const path = writeFile(root, key, bytes);
  return { key, path, json, bytes, signature, logs };
}

/** An hourly chain of `hours` digests, each listing the log files delivered in its hour. */
export function buildArchive(options: ArchiveOptions): Archive {
  const root = mkdtempSync(join(tmpdir(), 'ctd-verify-'));
  const keys = options.keys ?? keyPair();
  const start = Date.parse(options.start ?? '2026-03-01T00:01:31Z');
  const perHour = options.logsPerHour ?? ((h: number) => (h % 3 === 2 ? 0 : 2)); // some hours are empty
  const digests: BuiltDigest[] = [];
  const logs: BuiltLog[] = [];
  for (let h = 0; h < options.hours; h++) {
    const from = start + h * 3_600_000;
    const to = from + 3_600_000;
    const hourLogs: BuiltLog[] = [];
    for (let n = 0; n < perHour(h); n++) {
      const delivered = from + (n + 1) * 600_000;
      const key = logKey(delivered, `h${h}n${n}`);
      const content = logContent(delivered, n);
      hourLogs.push({ key, path: writeFile(root, key, content), content });
    }
    logs.push(...hourLogs);
    const previous = h === options.restartAt ? null : (digests.at(-1) ?? null);
    digests.push(writeDigest(root, keys, digestKey(to), { digestStartTime: stamp(from), digestEndTime: stamp(to) }, previous, hourLogs));
  }
  return { root, digests, logs, keys };
}

/** `aws cloudtrail list-public-keys` output for these key pairs. */
export function publicKeysJson(...pairs: KeyPair[]): string {
  return JSON.stringify({
    PublicKeyList: pairs.map((k) => ({
      Value: k.der.toString('base64'),
      ValidityStartTime: '2026-01-01T00:00:00+00:00',
      ValidityEndTime: '2026-12-31T00:00:00+00:00',
      Fingerprint: k.fingerprint,
    })),
  });
}

/** The text signatures file the README's loop writes: '<key>\t<hex>' per line. */
export function signaturesText(digests: readonly BuiltDigest[]): string {
  return digests.map((d) => `${d.key}\t${d.signature}\n`).join('');
}

/**
 * What an auditor captures online before going offline (list-public-keys output and the digests'
 * S3 metadata signatures), written outside the archive so that a walk of it does not find them.
 */
export function captureSignatureInputs(keys: KeyPair, digests: readonly BuiltDigest[]): { keys: string; signatures: string } {
  const dir = mkdtempSync(join(tmpdir(), 'ctd-captured-'));
  const out = { keys: join(dir, 'public-keys.json'), signatures: join(dir, 'signatures.tsv') };
  writeFileSync(out.keys, publicKeysJson(keys));
  writeFileSync(out.signatures, signaturesText(digests));
  return out;
}
