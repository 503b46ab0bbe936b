import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { PruneFilter } from '../../src/discover/index.js';
import { verifyIntegrity } from '../../src/integrity/index.js';
import type { IntegritySummary } from '../../src/types.js';
import { parsePublicKeys, parseSignatures } from '../../src/verify/index.js';
import {
  addLog,
  buildArchive,
  digestKey,
  hourFields,
  keyPair,
  logContent,
  logKey,
  publicKeysJson,
  sha256,
  signaturesText,
  writeDigest,
  writeFile,
  type Archive,
  type KeyPair,
} from '../helpers/digest-chain.js';

const OPEN: PruneFilter = { accounts: [], regions: [], since: null, until: null };

interface Run {
  keys?: KeyPair[];
  signatures?: string;
  filter?: Partial<PruneFilter>;
}

async function verify(a: Archive, run: Run = {}): Promise<IntegritySummary> {
  return verifyIntegrity({
    paths: [a.root],
    filter: { ...OPEN, ...run.filter },
    publicKeys: run.keys ? parsePublicKeys(publicKeysJson(...run.keys), 'keys.json') : null,
    signatures: run.signatures === undefined ? null : parseSignatures(run.signatures, 'signatures.tsv'),
  });
}

const kinds = (s: IntegritySummary) => s.failures.map((f) => f.kind);

describe('verify: an intact chain', () => {
  it('checks every digest and log file and finds nothing wrong', async () => {
    const a = buildArchive({ hours: 6 });
    const s = await verify(a);
    expect(s.failures).toEqual([]);
    // Hashes and chain hold, but without keys no signature was checked: partial, never OK.
    expect(s).toMatchObject({ status: 'partial', ok: false, partialReasons: ['unsigned'] });
    expect(s.coverage).toMatchObject({ logFiles: a.logs.length, verified: 0, signatureUnchecked: a.logs.length, uncovered: 0, failed: 0 });
    expect(s.trails).toHaveLength(1);
    expect(s.trails[0]).toMatchObject({
      key: '111122223333 eu-west-1 org_main-trail',
      trail: 'org_main-trail',
      homeRegion: 'us-east-1',
      digests: 6,
      logsListed: a.logs.length,
      logsValid: a.logs.length,
      chainBreaks: 0,
      signaturesUnchecked: 6, // no keys given
      firstDigestEnd: '2026-03-01T01:01:31Z',
      lastDigestEnd: '2026-03-01T06:01:31Z',
    });
    expect(a.digests.some((d) => d.logs.length === 0)).toBe(true); // empty hours are digested too
    expect(s.publicKeys).toBeNull();
    expect(s.signatures).toBeNull();
  });

  it('hashes the uncompressed content, as AWS defines hashValue: recompressing changes nothing, gunzipping neither', async () => {
    const a = buildArchive({ hours: 3 });
    const [first, second] = a.logs;
    writeFileSync(first.path, gzipSync(first.content, { level: 1 })); // other compressed bytes, same content
    rmSync(second.path);
    writeFileSync(second.path.replace(/\.gz$/, ''), second.content); // a local copy someone gunzipped
    const s = await verify(a);
    expect(s.failures).toEqual([]);
    expect(s.totals.logsValid).toBe(a.logs.length);
  });

  it('a digest recording the hash of the compressed object fails: that is not what CloudTrail records', async () => {
    const a = buildArchive({ hours: 1, logsPerHour: () => 0 });
    const key = logKey(Date.parse('2026-03-01T02:20:00Z'), 'gz');
    const content = logContent(Date.parse('2026-03-01T02:20:00Z'), 0);
    const path = writeFile(a.root, key, content);
    const compressedHash = sha256(readFileSync(path));
    const end = Date.parse('2026-03-01T03:01:31Z');
    const d = writeDigest(a.root, a.keys, digestKey(end), { digestStartTime: '2026-03-01T02:01:31Z', digestEndTime: '2026-03-01T03:01:31Z' }, null, []);
    const json = { ...d.json, logFiles: [{ s3Bucket: 'b', s3Object: key, hashValue: compressedHash, hashAlgorithm: 'SHA-256' }] };
    writeFile(a.root, d.key, JSON.stringify(json));
    const s = await verify(a);
    expect(s.failures).toMatchObject([{ kind: 'log-modified', file: path, digest: d.path }]);
    expect(s.failures[0].detail).toContain(sha256(content));
  });
});

describe('verify: tampering is named', () => {
  it('a deleted log file: missing, with the digest that names it', async () => {
    const a = buildArchive({ hours: 4 });
    const victim = a.digests[1].logs[0];
    rmSync(victim.path);
    const s = await verify(a);
    expect(s.ok).toBe(false);
    expect(s.failures).toMatchObject([{ kind: 'log-missing', file: victim.key, digest: a.digests[1].path }]);
    expect(s.totals.logsMissing).toBe(1);
  });

  it('a modified log file: its hash no longer matches', async () => {
    const a = buildArchive({ hours: 4 });
    const victim = a.digests[3].logs[1];
    writeFileSync(victim.path, gzipSync(victim.content.replace('GetObject', 'PutObject')));
    const s = await verify(a);
    expect(s.failures).toMatchObject([{ kind: 'log-modified', file: victim.path, digest: a.digests[3].path }]);
    expect(s.totals.logsModified).toBe(1);
    expect(s.totals.logsValid).toBe(a.logs.length - 1);
  });

  it('a truncated gzip log file: unreadable, counted as modified', async () => {
    const a = buildArchive({ hours: 1 });
    const victim = a.logs[0];
    writeFileSync(victim.path, readFileSync(victim.path).subarray(0, 12));
    const s = await verify(a);
    expect(s.failures).toMatchObject([{ kind: 'log-unreadable', file: victim.path }]);
    expect(s.totals.logsModified).toBe(1);
  });

  it('an added log file inside digested hours: unlisted', async () => {
    const a = buildArchive({ hours: 4 });
    const key = logKey(Date.parse('2026-03-01T02:40:00Z'), 'forged');
    const path = writeFile(a.root, key, logContent(Date.parse('2026-03-01T02:40:00Z'), 9));
    const s = await verify(a);
    expect(s.failures).toMatchObject([{ kind: 'log-unlisted', file: path, digest: null, trail: '111122223333 eu-west-1 org_main-trail' }]);
    expect(s.totals.logsUnlisted).toBe(1);
  });

  it('a log file outside every digested hour is a notice, not a failure', async () => {
    const a = buildArchive({ hours: 2 });
    const path = writeFile(a.root, logKey(Date.parse('2026-03-05T10:40:00Z'), 'later'), logContent(1, 1));
    const s = await verify(a, { keys: [a.keys], signatures: signaturesText(a.digests) });
    expect(s.failures).toEqual([]);
    expect(s).toMatchObject({ status: 'partial', partialReasons: ['uncovered'] });
    expect(s.coverage.unverified).toEqual([{ path, class: 'uncovered' }]);
    expect(s.notices).toMatchObject([{ kind: 'log-uncovered', file: path, trail: '111122223333 eu-west-1 -' }]);
    expect(s.totals.logsUncovered).toBe(1);
  });

  it('a deleted digest in the middle: missing, named by the digest after it', async () => {
    const a = buildArchive({ hours: 5 });
    rmSync(a.digests[2].path);
    const s = await verify(a);
    expect(s.failures).toEqual([expect.objectContaining({ kind: 'digest-missing', file: a.digests[2].key, digest: a.digests[3].path })]);
    expect(s.totals.chainBreaks).toBe(1);
    // Its log files are now named by no digest.
    expect(s.totals.logsUnlisted).toBe(a.digests[2].logs.length);
  });

  it('a deleted first digest is the start of the copy, not a break', async () => {
    const a = buildArchive({ hours: 4 });
    rmSync(a.digests[0].path);
    for (const l of a.digests[0].logs) rmSync(l.path);
    const s = await verify(a);
    expect(s.failures).toEqual([]);
  });

  it('a modified digest: its hash differs from what the next digest records', async () => {
    const a = buildArchive({ hours: 4 });
    const d = a.digests[1];
    const forged = { ...d.json, logFiles: [] }; // hide its log files
    writeFile(a.root, d.key, JSON.stringify(forged));
    const s = await verify(a);
    expect(s.failures).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'digest-modified', file: d.path, digest: a.digests[2].path }),
        ...d.logs.map((l) => expect.objectContaining({ kind: 'log-unlisted', file: l.path })),
      ]),
    );
    expect(s.failures).toHaveLength(1 + d.logs.length);
  });

  it('reordered digests (names swapped): each is away from its own key and the links break', async () => {
    const a = buildArchive({ hours: 5 });
    const [x, y] = [a.digests[1], a.digests[2]];
    renameSync(x.path, `${x.path}.tmp`);
    renameSync(y.path, x.path);
    renameSync(`${x.path}.tmp`, y.path);
    const s = await verify(a);
    const moved = s.failures.filter((f) => f.kind === 'digest-moved').map((f) => f.file);
    expect(moved.sort()).toEqual([x.path, y.path].sort());
    expect(kinds(s)).toContain('digest-modified');
    expect(s.ok).toBe(false);
  });

  it('an inserted digest no later digest names: unchained', async () => {
    const a = buildArchive({ hours: 4 });
    const end = Date.parse('2026-03-01T02:31:00Z');
    const forged = writeDigest(
      a.root,
      keyPair(),
      digestKey(end),
      { digestStartTime: '2026-03-01T01:31:00Z', digestEndTime: '2026-03-01T02:31:00Z' },
      a.digests[0],
      [],
    );
    const s = await verify(a);
    expect(s.failures).toMatchObject([{ kind: 'digest-unchained', file: forged.path, digest: a.digests[2].path }]);
  });

  it('an unreadable digest is a chain break, and the next one reports it modified', async () => {
    const a = buildArchive({ hours: 3, logsPerHour: () => 0 });
    writeFileSync(a.digests[1].path, 'not gzip, not json');
    const s = await verify(a);
    expect(kinds(s).sort()).toEqual(['digest-modified', 'digest-unreadable']);
  });

  it('a starting digest in the middle (logging was stopped) is a notice', async () => {
    const a = buildArchive({ hours: 4, restartAt: 2 });
    const s = await verify(a, { keys: [a.keys], signatures: signaturesText(a.digests) });
    expect(s.status).toBe('ok');
    expect(s.notices).toMatchObject([{ kind: 'chain-restart', file: a.digests[2].path }]);
    expect(s.totals.chainRestarts).toBe(1);
  });

  it('a deleted newest digest is only seen with the signatures file, which lists what S3 held', async () => {
    const a = buildArchive({ hours: 3, logsPerHour: () => 0 });
    const signatures = signaturesText(a.digests);
    rmSync(a.digests[2].path);
    expect((await verify(a, { keys: [a.keys] })).failures).toEqual([]);
    const s = await verify(a, { keys: [a.keys], signatures });
    expect(s.failures).toMatchObject([{ kind: 'digest-missing', file: a.digests[2].key, digest: null }]);
  });
});

describe('verify: signatures', () => {
  it('all valid with the keys and the signatures file: OK, every log file verified', async () => {
    const a = buildArchive({ hours: 4 });
    const s = await verify(a, { keys: [a.keys], signatures: signaturesText(a.digests) });
    expect(s.failures).toEqual([]);
    expect(s).toMatchObject({ status: 'ok', ok: true, partialReasons: [] });
    expect(s.coverage).toMatchObject({ logFiles: a.logs.length, verified: a.logs.length, unverified: [] });
    expect(s.totals).toMatchObject({ signaturesValid: 4, signaturesInvalid: 0, signaturesUnchecked: 0 });
    expect(s.publicKeys).toBe(1);
    expect(s.signatures).toBe(4);
  });

  it('without the signatures file, each digest is checked with the signature its successor records; the newest stays unchecked', async () => {
    const a = buildArchive({ hours: 4 });
    const s = await verify(a, { keys: [a.keys] });
    expect(s.failures).toEqual([]);
    expect(s).toMatchObject({ status: 'partial', partialReasons: ['unsigned'] }); // the newest digest vouches for nothing checked
    expect(s.totals).toMatchObject({ signaturesValid: 3, signaturesUnchecked: 1 });
    expect(s.notices).toMatchObject([{ kind: 'signature-unchecked', file: a.digests[3].path }]);
  });

  it('a digest altered and re-chained by someone without the private key fails its signature', async () => {
    const a = buildArchive({ hours: 2, logsPerHour: () => 1 });
    // Rewrite the newest digest to list a doctored log file, hash and all, signed with another key.
    const d = a.digests[1];
    const log = d.logs[0];
    const doctored = log.content.replace('GetObject', 'ListBuckets');
    writeFileSync(log.path, gzipSync(doctored));
    const intruder = { ...keyPair(), fingerprint: a.keys.fingerprint };
    writeDigest(a.root, intruder, d.key, { digestStartTime: d.json.digestStartTime, digestEndTime: d.json.digestEndTime }, a.digests[0], [
      { ...log, content: doctored },
    ]);
    const unsigned = await verify(a);
    expect(unsigned.failures).toEqual([]); // hashes agree: only the signature can tell
    expect(unsigned.status).toBe('partial');
    const s = await verify(a, { keys: [a.keys], signatures: signaturesText(a.digests) });
    expect(s.failures).toMatchObject([{ kind: 'signature-invalid', file: d.path }]);
    expect(s.totals.signaturesInvalid).toBe(1);
  });

  it('a signature altered in the signatures file is invalid', async () => {
    const a = buildArchive({ hours: 2 });
    const sigs = signaturesText(a.digests).replace(/\t(..)/, (_m, two: string) => `\t${two === 'ff' ? '00' : 'ff'}`);
    const s = await verify(a, { keys: [a.keys], signatures: sigs });
    expect(s.failures).toMatchObject([{ kind: 'signature-invalid', file: a.digests[0].path }]);
    expect(s.failures[0].detail).toContain('signatures file');
  });

  it('a fingerprint with no key in --public-keys fails, saying what to fetch', async () => {
    const a = buildArchive({ hours: 2 });
    const s = await verify(a, { keys: [keyPair()], signatures: signaturesText(a.digests) });
    expect(kinds(s)).toEqual(['signature-no-key', 'signature-no-key']);
    expect(s.failures[0].detail).toContain('list-public-keys');
  });
});

describe('verify: the window', () => {
  // Three days of digests; the first day's log files were not copied.
  const threeDays = () => {
    const a = buildArchive({ hours: 72, logsPerHour: () => 1 });
    for (const l of a.logs.filter((x) => x.key.includes('/2026/03/01/'))) rmSync(l.path);
    return a;
  };

  it('log files pruned by --since are not failures, they are counted outside the window', async () => {
    const a = threeDays();
    const s = await verify(a, { filter: { since: Date.parse('2026-03-03T00:00:00Z') } });
    expect(s.failures).toEqual([]);
    expect(s.totals.logsOutsideWindow).toBeGreaterThan(0);
    expect(s.digestsPruned).toBe(0); // a day of digests is kept beyond the logs' day of slack
  });

  it('the same archive without the window reports the missing first day', async () => {
    const a = threeDays();
    const s = await verify(a);
    expect(s.totals.logsMissing).toBe(a.logs.filter((x) => x.key.includes('/2026/03/01/')).length);
  });

  it('--account elsewhere leaves every digest unopened', async () => {
    const a = buildArchive({ hours: 2 });
    const s = await verify(a, { filter: { accounts: ['999999999999'] } });
    expect(s.digestsPruned).toBe(2);
    expect(s.trails).toEqual([]);
    expect(s.ok).toBe(false); // nothing verified is not a pass
    expect(s.failures).toMatchObject([{ kind: 'digest-missing', detail: expect.stringContaining('outside the filters') }]);
  });
});

describe('verify: paths', () => {
  it('finds the archive under any folder and a second copy of the same digest is checked once', async () => {
    const a = buildArchive({ hours: 2 });
    const s = await verifyIntegrity({ paths: [join(a.root, 'AWSLogs'), a.root], filter: OPEN });
    expect(s.totals.digests).toBe(2);
    expect(s.failures).toEqual([]);
  });
});

describe('verify: nothing to verify', () => {
  it('log files without any digest fail: nothing could be verified', async () => {
    const a = buildArchive({ hours: 2 });
    for (const d of a.digests) rmSync(d.path);
    const s = await verify(a);
    expect(s.ok).toBe(false);
    expect(s.failures).toMatchObject([{ kind: 'digest-missing', detail: expect.stringContaining('no digest files in the input') }]);
    expect(s.totals.logsUncovered).toBe(a.logs.length);
  });
});

describe('verify: backfill digests', () => {
  // Late log files for hours 2 and 3, in two backfill digests chained to each other (as validate-logs
  // walks them), apart from the hourly chain.
  const withBackfill = () => {
    const a = buildArchive({ hours: 4 });
    const ends = [1, 2].map((i) => Date.parse(a.digests[i].json.digestEndTime as string));
    const late = ends.map((end, i) => addLog(a.root, end - 900_000, `late${i}`));
    const first = writeDigest(a.root, a.keys, digestKey(ends[0], true), hourFields(ends[0]), null, [late[0]]);
    const second = writeDigest(a.root, a.keys, digestKey(ends[1], true), hourFields(ends[1]), first, [late[1]]);
    return { a, late, backfill: [first, second] };
  };

  it('form a chain of their own: a starting backfill digest is no restart, and all verify with the signatures file', async () => {
    const { a, backfill } = withBackfill();
    const s = await verify(a, { keys: [a.keys], signatures: signaturesText([...a.digests, ...backfill]) });
    expect(s.failures).toEqual([]);
    expect(s.notices).toEqual([]);
    expect(s.status).toBe('ok');
    expect(s.totals).toMatchObject({ digests: 6, signaturesValid: 6, chainBreaks: 0, chainRestarts: 0 });
  });

  it('with keys only, a backfill digest a later one vouches for verifies; the newest does not, and its log file is unlisted', async () => {
    const { a, late, backfill } = withBackfill();
    const s = await verify(a, { keys: [a.keys] });
    expect(s.failures).toEqual([expect.objectContaining({ kind: 'log-unlisted', file: late[1].path })]);
    expect(s.failures[0].detail).toContain(`named only by backfill digest ${backfill[1].path}, whose signature was not checked`);
    expect(s.coverage.unverified).toContainEqual({ path: late[1].path, class: 'failed' });
    expect(s.coverage.unverified.map((u) => u.path)).not.toContain(late[0].path); // vouched for by the later backfill digest
  });

  it('a deleted backfill digest is missing by the signatures file, and its log file unlisted', async () => {
    const { a, late, backfill } = withBackfill();
    rmSync(backfill[0].path);
    const s = await verify(a, { keys: [a.keys], signatures: signaturesText([...a.digests, ...backfill]) });
    expect(s.failures).toContainEqual(expect.objectContaining({ kind: 'digest-missing', file: backfill[0].key, digest: null }));
    expect(s.failures).toContainEqual(expect.objectContaining({ kind: 'log-unlisted', file: late[0].path }));
  });
});

describe('verify: files outside the AWSLogs layout', () => {
  it('verify does not examine them (counted apart); report --verify counts those it read as outside-layout', async () => {
    const a = buildArchive({ hours: 2 });
    const exported = join(a.root, 'lookup-events.json');
    const keys = join(a.root, 'keys.json'); // skipped by the report after discovery (not a log)
    writeFileSync(exported, '{"Events":[]}');
    writeFileSync(keys, publicKeysJson(a.keys));
    const signed = { publicKeys: parsePublicKeys(publicKeysJson(a.keys), 'k'), signatures: parseSignatures(signaturesText(a.digests), 's') };
    const byVerify = await verifyIntegrity({ paths: [a.root], filter: OPEN, ...signed });
    expect(byVerify.status).toBe('ok');
    expect(byVerify.coverage).toMatchObject({ logFiles: a.logs.length, verified: a.logs.length, outsideLayout: 0, notExamined: 2 });
    const byReport = await verifyIntegrity({ paths: [a.root], filter: OPEN, ...signed, readByReport: { skipped: (p) => p === keys } });
    expect(byReport).toMatchObject({ status: 'partial', partialReasons: ['outside-layout'] });
    expect(byReport.coverage).toMatchObject({
      logFiles: a.logs.length + 1,
      outsideLayout: 1,
      notExamined: 0,
      unverified: [{ path: exported, class: 'outside-layout' }],
    });
  });
});
