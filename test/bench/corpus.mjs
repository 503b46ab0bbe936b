// Seeded synthetic corpus in the S3 layout for `npm run bench`: realistic records from the samples
// generator, file sizes from 5 KB to 50 MB (log-uniform; or 5-20 KB for --many), ~2% denials clustered in a
// minority of files (or only errors for --attack), four accounts, three regions, 30 days. Written once
// per (size, seed, kind) and reused.
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import { dirname, join } from 'node:path';
import { createGzip, gzipSync } from 'node:zlib';
import { createPrng, generateRecords, logFilePath } from '../../dist/samples/index.js';

const DAY = 86_400_000;
const START = Date.parse('2026-10-01T00:00:00Z');
const BASE_ACCOUNTS = ['111122223333', '444455556666'];
// Two more accounts made by renaming the sample accounts: the same actors, other IDs.
const ACCOUNTS = [
  { id: '111122223333', from: '111122223333' },
  { id: '444455556666', from: '444455556666' },
  { id: '777788889999', from: '111122223333' },
  { id: '202020202020', from: '444455556666' },
];
const REGIONS = ['us-east-1', 'eu-west-1', 'us-west-2'];
const POOL = 3000;

function pools(seed) {
  const out = new Map();
  for (const account of BASE_ACCOUNTS) {
    for (const region of REGIONS) {
      const rng = createPrng(seed).fork(`${account}/${region}`);
      const opts = { account, region, startMs: START, endMs: START + DAY, count: POOL };
      const ok = generateRecords(rng, { ...opts, errorShare: 0 }).map((r) => JSON.stringify(r));
      const err = generateRecords(rng, { ...opts, errorShare: 1 }).map((r) => JSON.stringify(r));
      out.set(`${account}/${region}`, { ok, err });
    }
  }
  return out;
}

const pad = (n, w) => String(n).padStart(w, '0');
const uuid = (file, i) => `${pad(file.toString(16), 8)}-0000-4000-8000-${pad(i.toString(16), 12)}`;

/**
 * Writes the corpus under dir (if not already complete) and returns its manifest. small: files of
 * 5-20 KB only, as a busy trail delivers every few minutes (the per-file costs). attack: every record
 * an error, from a new source address each (a botnet's archive: what aggregation must hold).
 */
export function ensureCorpus(dir, { sizeMB = 1024, seed = 7, small = false, attack = false } = {}) {
  const manifestPath = `${dir}.manifest.json`; // beside the corpus, not in it: it is not a log
  if (existsSync(manifestPath)) {
    const m = JSON.parse(readFileSync(manifestPath, 'utf8'));
    if (m.sizeMB === sizeMB && m.seed === seed && (m.small ?? false) === small && (m.attack ?? false) === attack) return m;
  }
  rmSync(dir, { recursive: true, force: true });
  const rng = createPrng(seed);
  const byPlace = pools(seed);
  const target = sizeMB * 1024 * 1024;
  const files = [];
  let total = 0;
  for (let f = 0; total < target; f++) {
    const acct = rng.pick(ACCOUNTS);
    const region = rng.pick(REGIONS);
    const pool = byPlace.get(`${acct.from}/${region}`);
    const size = Math.min(target - total, Math.round(5_000 * Math.exp(rng.next() * Math.log(small ? 4 : 10_000))));
    const noisy = rng.chance(0.15); // denials cluster: most files hold none at all
    const share = attack ? 1 : noisy ? 0.14 : 0;
    const day = Math.floor(rng.next() * 30);
    const delivered = START + day * DAY + Math.floor(rng.next() * (DAY - 3_600_000));
    const parts = [];
    let bytes = 0;
    for (let i = 0; bytes < size; i++) {
      const src = rng.chance(share) ? rng.pick(pool.err) : rng.pick(pool.ok);
      const t = new Date(delivered - Math.floor(rng.next() * 900_000)).toISOString().replace(/\.\d{3}Z$/, 'Z');
      let rec = src.replace(/"eventTime":"[^"]*"/, `"eventTime":"${t}"`).replace(/"eventID":"[^"]*"/, `"eventID":"${uuid(f, i)}"`);
      if (acct.id !== acct.from) rec = rec.replaceAll(acct.from, acct.id);
      if (attack) rec = rec.replace(/"sourceIPAddress":"[^"]*"/, `"sourceIPAddress":"10.${f & 255}.${(i >> 8) & 255}.${i & 255}"`);
      parts.push(rec);
      bytes += rec.length + 1;
    }
    const content = `{"Records":[${parts.join(',')}]}`;
    const path = logFilePath(acct.id, region, delivered, `B${pad(f, 15)}`);
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), gzipSync(content));
    files.push({ path, bytes: content.length, records: parts.length, day });
    total += content.length;
  }
  const manifest = { sizeMB, seed, small, attack, bytes: total, files: files.length, records: files.reduce((n, f) => n + f.records, 0), list: files };
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return manifest;
}

/** One big trail file of about sizeMB (uncompressed), for the streaming path's memory. */
export async function ensureSingleFile(dir, { sizeMB = 1024, seed = 7 } = {}) {
  const path = join(dir, `single-${sizeMB}MB-${seed}.json.gz`);
  if (existsSync(`${path}.json`)) return { path, ...JSON.parse(readFileSync(`${path}.json`, 'utf8')) };
  mkdirSync(dir, { recursive: true });
  const rng = createPrng(seed);
  const pool = pools(seed).get('111122223333/us-east-1');
  const gz = createGzip();
  const done = pipeline(gz, createWriteStream(path));
  let bytes = 0;
  let records = 0;
  gz.write('{"Records":[');
  while (bytes < sizeMB * 1024 * 1024) {
    const src = rng.chance(0.02) ? rng.pick(pool.err) : rng.pick(pool.ok);
    const rec = (records > 0 ? ',' : '') + src.replace(/"eventID":"[^"]*"/, `"eventID":"${uuid(0, records)}"`);
    records++;
    bytes += rec.length;
    if (!gz.write(rec)) await once(gz, 'drain');
  }
  gz.end(']}');
  await done;
  writeFileSync(`${path}.json`, JSON.stringify({ bytes, records }));
  return { path, bytes, records };
}

/**
 * Every record a denial from a principal never seen before (issue 13, item 8): web-identity subjects
 * refused sts:AssumeRoleWithWebIdentity and federated users refused s3:GetObject, alternately, in files
 * of 5,000 records. What bounds the number of groups. Written once per (denials, seed) and reused.
 */
export function ensurePrincipalsCorpus(dir, { denials = 1_000_000, seed = 7 } = {}) {
  const manifestPath = `${dir}.manifest.json`;
  if (existsSync(manifestPath)) {
    const m = JSON.parse(readFileSync(manifestPath, 'utf8'));
    if (m.denials === denials && m.seed === seed) return m;
  }
  rmSync(dir, { recursive: true, force: true });
  const rng = createPrng(seed);
  const perFile = 5000;
  const files = [];
  let total = 0;
  for (let f = 0; f * perFile < denials; f++) {
    const delivered = START + Math.floor((f * perFile * DAY * 30) / denials);
    const parts = [];
    for (let i = f * perFile; i < Math.min(denials, (f + 1) * perFile); i++) {
      const t = new Date(delivered - Math.floor(rng.next() * 900_000)).toISOString().replace(/\.\d{3}Z$/, 'Z');
      const ip = `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
      const sub = `${(i * 2654435761) >>> 0}${pad(i, 9)}`;
      const common = `"eventTime":"${t}","awsRegion":"us-east-1","sourceIPAddress":"${ip}","errorCode":"AccessDenied","requestID":"${uuid(f, i)}","eventID":"${uuid(f, i)}","readOnly":true,"eventType":"AwsApiCall","managementEvent":true,"recipientAccountId":"111122223333","eventCategory":"Management"`;
      parts.push(
        i % 2 === 0
          ? `{"eventVersion":"1.08","userIdentity":{"type":"WebIdentityUser","principalId":"accounts.google.com:1234567890.apps.googleusercontent.com:${sub}","userName":"${sub}","identityProvider":"accounts.google.com"},${common},"eventSource":"sts.amazonaws.com","eventName":"AssumeRoleWithWebIdentity","userAgent":"aws-sdk-go/1.44.0 (go1.20; linux; amd64)","errorMessage":"Not authorized to perform sts:AssumeRoleWithWebIdentity","requestParameters":{"roleArn":"arn:aws:iam::111122223333:role/web-app","roleSessionName":"s-${sub}","durationSeconds":3600},"responseElements":null}`
          : `{"eventVersion":"1.08","userIdentity":{"type":"FederatedUser","principalId":"111122223333:user-${sub}","arn":"arn:aws:sts::111122223333:federated-user/user-${sub}","accountId":"111122223333"},${common},"eventSource":"s3.amazonaws.com","eventName":"GetObject","userAgent":"[aws-cli/2.15.0 Python/3.11.6 Linux/6.1 exe/x86_64]","errorMessage":"Access Denied","requestParameters":{"bucketName":"data","key":"exports/${i}.csv"},"responseElements":null}`,
      );
    }
    const content = `{"Records":[${parts.join(',')}]}`;
    const path = logFilePath('111122223333', 'us-east-1', delivered, `P${pad(f, 15)}`);
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), gzipSync(content, { level: 1 }));
    files.push({ path, bytes: content.length, records: parts.length });
    total += content.length;
  }
  const manifest = { denials, seed, bytes: total, files: files.length, records: denials, list: files };
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return manifest;
}
