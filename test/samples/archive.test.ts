import { createHash, createPublicKey, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildSampleArchive, DEFAULT_SEED, demoKey, describeArchive, generateSampleArchive, isDigestPath, isIntegrityPath, PUBLIC_KEYS_PATH, SIGNATURES_PATH } from '../../src/samples/index.js';
import { archiveHash, DIGEST_PATH, gzippedBytes, isObject, LOG_PATH, recordsOf, str } from './helpers.js';

const archive = buildSampleArchive();
const files = archive.files;
const logFiles = files.filter((file) => !isDigestPath(file.path) && !isIntegrityPath(file.path));

describe('generateSampleArchive: determinism', () => {
  it('gives identical files for the same seed', () => {
    const again = generateSampleArchive({ seed: DEFAULT_SEED });
    expect(again).toEqual(files);
    expect(archiveHash(again)).toBe(archiveHash(files));
  });

  it('uses the default seed when none is given', () => {
    expect(archiveHash(generateSampleArchive())).toBe(archiveHash(generateSampleArchive({ seed: DEFAULT_SEED })));
  });

  it('keeps the default archive byte for byte (update reports/samples when this changes)', () => {
    expect(archiveHash(files)).toMatchSnapshot();
  });

  it('gives a different archive for a different seed, with the same shape', () => {
    const other = buildSampleArchive({ seed: 7 });
    expect(archiveHash(other.files)).not.toBe(archiveHash(files));
    expect(new Set(other.files.map((f) => f.path))).not.toEqual(new Set(files.map((f) => f.path)));
    const description = describeArchive(other.files);
    expect(description.records).toBeGreaterThanOrEqual(400);
    expect(description.records).toBeLessThanOrEqual(900);
    expect(description.digestFiles).toBe(2 * 3 * 7 * 24); // one per hour, account and region, whatever the seed
    expect(description.duplicateRecords).toBe(other.manifest.duplicate.records);
    expect(description.byErrorCode.map((c) => c.key)).toEqual(describeArchive(files).byErrorCode.map((c) => c.key));
  });
});

describe('generateSampleArchive: layout', () => {
  it('returns paths sorted, unique, relative and gzip-flagged', () => {
    const paths = files.map((file) => file.path);
    expect(paths).toEqual([...paths].sort());
    expect(new Set(paths).size).toBe(paths.length);
    for (const file of files) {
      expect(file.path.startsWith('/')).toBe(false);
      expect(file.path).not.toContain('\\');
      expect(file.gzip).toBe(file.path.endsWith('.gz'));
      expect(file.path.startsWith('AWSLogs/') || isIntegrityPath(file.path), file.path).toBe(true);
    }
  });

  it('names every log file in the org-trail S3 layout, folders agreeing with the name', () => {
    const orgs = new Set<string>();
    for (const file of logFiles) {
      const match = LOG_PATH.exec(file.path);
      expect(match, file.path).not.toBeNull();
      if (!match) continue;
      const [, org, account, region, yyyy, mm, dd, nameAccount, nameRegion, nameDate] = match;
      orgs.add(org);
      expect(nameAccount).toBe(account);
      expect(nameRegion).toBe(region);
      expect(nameDate).toBe(`${yyyy}${mm}${dd}`);
    }
    expect(orgs.size).toBe(1);
  });

  it('covers two accounts, three regions and every day of 2026-11-16..22', () => {
    const parts = logFiles.map((file) => LOG_PATH.exec(file.path) ?? []);
    expect(new Set(parts.map((m) => m[2]))).toEqual(new Set(['111122223333', '444455556666']));
    expect(new Set(parts.map((m) => m[3]))).toEqual(new Set(['us-east-1', 'eu-west-1', 'us-west-2']));
    expect([...new Set(parts.map((m) => `${m[4]}-${m[5]}-${m[6]}`))].sort()).toEqual(
      ['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22'],
    );
    expect(new Set(parts.map((m) => m[10])).size).toBeGreaterThan(8);
  });

  it('stays small: a few hundred records, well under 2 MB gzipped', () => {
    const description = describeArchive(files);
    expect(description.records).toBeGreaterThanOrEqual(400);
    expect(description.records).toBeLessThanOrEqual(900);
    expect(gzippedBytes(files)).toBeLessThan(2 * 1024 * 1024); // 1,008 digests and their signatures included
    expect(description.characters).toBeLessThan(4 * 1024 * 1024);
  });

  it('parses every file as JSON: {"Records":[…]} for logs, a digest object for each digest', () => {
    for (const file of files.filter((f) => !isIntegrityPath(f.path))) {
      const parsed: unknown = JSON.parse(file.content);
      expect(isObject(parsed)).toBe(true);
      if (!isDigestPath(file.path)) {
        expect(Object.keys(parsed as object)).toEqual(['Records']);
        expect(recordsOf(file).length).toBeGreaterThan(0);
      }
    }
  });
});

describe('generateSampleArchive: digest files', () => {
  const digests = files.filter((file) => isDigestPath(file.path));
  const parsed = digests.map((file) => ({ file, json: JSON.parse(file.content) as Record<string, unknown> }));
  const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

  it('has one per hour of the week for each account and region, named as CloudTrail names digest files', () => {
    expect(digests).toHaveLength(archive.manifest.digests);
    expect(digests).toHaveLength(2 * 3 * 7 * 24);
    for (const d of digests) {
      expect(d.path).toMatch(DIGEST_PATH);
      expect(d.path).not.toMatch(LOG_PATH);
    }
    expect(parsed.filter((p) => (p.json.logFiles as unknown[]).length === 0).length).toBeGreaterThan(900); // empty hours are digested too
  });

  it('lists every log file exactly once, with the SHA-256 of its uncompressed content, in the hour it was delivered', () => {
    const byPath = new Map(logFiles.map((f) => [f.path, f]));
    const listed: string[] = [];
    for (const { json } of parsed) {
      for (const entry of json.logFiles as Record<string, unknown>[]) {
        const log = byPath.get(String(entry.s3Object));
        expect(log, String(entry.s3Object)).toBeDefined();
        expect(entry.hashValue).toBe(sha256(log?.content ?? ''));
        const [, , , , yyyy, mm, dd, , , , hh, min] = LOG_PATH.exec(String(entry.s3Object)) ?? [];
        const delivered = `${yyyy}-${mm}-${dd}T${hh}:${min}`;
        expect(delivered >= String(json.digestStartTime).slice(0, 16) && delivered < String(json.digestEndTime).slice(0, 16)).toBe(true);
        listed.push(String(entry.s3Object));
      }
    }
    expect(listed.sort()).toEqual(logFiles.map((f) => f.path).sort());
  });

  it('chains each digest to the one before (key, hash, signature) and signs it with the demo key', () => {
    const signatures = new Map(files.find((f) => f.path === SIGNATURES_PATH)?.content.split('\n').filter((l) => l !== '' && !l.startsWith('#')).map((l) => l.split('\t') as [string, string]));
    const key = createPublicKey({ key: demoKey().publicDer, format: 'der', type: 'pkcs1' });
    const chains = new Map<string, typeof parsed>();
    for (const p of parsed) chains.set(`${p.json.awsAccountId} ${p.file.path.split('/')[4]}`, [...(chains.get(`${p.json.awsAccountId} ${p.file.path.split('/')[4]}`) ?? []), p]);
    expect(chains.size).toBe(6);
    for (const chain of chains.values()) {
      chain.sort((a, b) => String(a.json.digestEndTime).localeCompare(String(b.json.digestEndTime)));
      for (const [i, { file, json }] of chain.entries()) {
        const previous = chain[i - 1];
        expect(json.digestS3Object).toBe(file.path);
        expect(json.digestPublicKeyFingerprint).toBe(demoKey().fingerprint);
        expect(json.previousDigestS3Object).toBe(previous?.file.path ?? null);
        expect(json.previousDigestHashValue).toBe(previous ? sha256(previous.file.content) : null);
        expect(json.previousDigestSignature).toBe(previous ? signatures.get(previous.file.path) : null);
        const signed = `${String(json.digestEndTime)}\n${String(json.digestS3Bucket)}/${file.path}\n${sha256(file.content)}\n${String(json.previousDigestSignature ?? 'null')}`;
        expect(verify('sha256', Buffer.from(signed), key, Buffer.from(signatures.get(file.path) ?? '', 'hex'))).toBe(true);
      }
    }
  });

  it('writes the keys and signatures an auditor captures, in the shapes verify reads', () => {
    const keys = JSON.parse(files.find((f) => f.path === PUBLIC_KEYS_PATH)?.content ?? '{}') as { PublicKeyList: { Fingerprint: string; Value: string }[] };
    expect(keys.PublicKeyList).toEqual([expect.objectContaining({ Fingerprint: demoKey().fingerprint, Value: demoKey().publicDer.toString('base64') })]);
    const lines = (files.find((f) => f.path === SIGNATURES_PATH)?.content ?? '').split('\n').filter((l) => /^AWSLogs\//.test(l));
    expect(lines).toHaveLength(digests.length);
    for (const l of lines) expect(l).toMatch(/^AWSLogs\/\S+\.json\.gz\t[0-9a-f]{512}$/);
  });
});

describe('generateSampleArchive: records', () => {
  it('gives every record the fields CloudTrail always writes, consistent with its file', () => {
    for (const file of logFiles) {
      const [, , account, region, yyyy, mm, dd, , , , hh, min] = LOG_PATH.exec(file.path) ?? [];
      const delivered = `${yyyy}-${mm}-${dd}T${hh}:${min}:00Z`;
      for (const record of recordsOf(file)) {
        expect(['1.09', '1.10']).toContain(record.eventVersion);
        expect(isObject(record.userIdentity) && typeof record.userIdentity.type === 'string').toBe(true);
        expect(str(record, 'eventTime')).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
        expect(str(record, 'eventTime').slice(0, 13)).toBe(`${yyyy}-${mm}-${dd}T${hh}`);
        expect(str(record, 'eventTime') < delivered).toBe(true);
        expect(str(record, 'eventSource')).toMatch(/^[a-z0-9-]+\.amazonaws\.com$/);
        expect(str(record, 'eventName')).toMatch(/^[A-Za-z0-9]+$/);
        expect(record.awsRegion).toBe(region);
        expect(record.recipientAccountId).toBe(account);
        expect(str(record, 'sourceIPAddress').length).toBeGreaterThan(0);
        expect(str(record, 'userAgent').length).toBeGreaterThan(0);
        expect(str(record, 'eventID')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        expect(['AwsApiCall', 'AwsConsoleSignIn', 'AwsVpceEvent', 'AwsServiceEvent']).toContain(record.eventType);
        expect(typeof record.readOnly).toBe('boolean');
        expect(typeof record.managementEvent).toBe('boolean');
        expect(['Management', 'Data', 'NetworkActivity']).toContain(record.eventCategory);
        expect(record.managementEvent).toBe(record.eventCategory === 'Management');
        if (record.eventType !== 'AwsConsoleSignIn') expect(str(record, 'requestID').length).toBeGreaterThan(0);
        expect('requestParameters' in record && 'responseElements' in record).toBe(true);
        if ('errorMessage' in record) expect(str(record, 'errorMessage').length).toBeLessThanOrEqual(1024);
      }
    }
  });

  it('uses every identity type the brief names', () => {
    const types = new Set(logFiles.flatMap((file) => recordsOf(file).map((r) => (isObject(r.userIdentity) ? String(r.userIdentity.type) : ''))));
    for (const type of ['IAMUser', 'AssumedRole', 'Root', 'AWSService', 'FederatedUser', 'SAMLUser', 'WebIdentityUser', 'AWSAccount']) expect(types).toContain(type);
    const text = logFiles.map((f) => f.content).join('\n');
    expect(text).toContain('AWSReservedSSO_');
    expect(text).toContain('"mfaAuthenticated":"false"');
    expect(text).toContain('"sessionCredentialFromConsole":"true"');
    expect(text).toContain('"vpcEndpointId":"vpce-');
    expect(text).toContain('"eventCategory":"Data"');
  });

  it('keeps eventIDs unique except for the one duplicate delivery, which repeats a whole file', () => {
    const { original, copy, records } = archive.manifest.duplicate;
    expect(copy).not.toBe(original);
    const originalFile = files.find((f) => f.path === original);
    const copyFile = files.find((f) => f.path === copy);
    if (!originalFile || !copyFile) throw new Error('duplicate delivery files missing');
    expect(copyFile.content).toBe(originalFile.content);
    expect(recordsOf(originalFile).some((r) => typeof r.errorCode === 'string' || r.eventName === 'ConsoleLogin')).toBe(true);
    const ids = logFiles.filter((f) => f.path !== copy).flatMap((f) => recordsOf(f).map((r) => str(r, 'eventID')));
    expect(new Set(ids).size).toBe(ids.length);
    const description = describeArchive(files);
    expect(description.duplicateRecords).toBe(records);
    expect(description.records).toBe(archive.manifest.records);
  });
});
