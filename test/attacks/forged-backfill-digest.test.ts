// Attack: a log file slipped into an hour an hourly digest covers, plus a `_backfill` digest listing
// it with the right hash. AWS writes backfill digests for log files "that were not referenced in the
// original digest due to processing delays" (CloudTrail digest file structure), so a genuine, signed
// backfill digest may name a log file its hour's digest does not. An unsigned or unchecked one proves
// nothing: the log file it alone names is unlisted, in every mode.
import { describe, expect, it } from 'vitest';
import {
  addLog,
  buildArchive,
  denialLogContent,
  digestKey,
  hourFields,
  keyPair,
  signaturesText,
  writeDigest,
  type Archive,
  type BuiltDigest,
  type BuiltLog,
} from '../helpers/digest-chain.js';
import { kinds, verifyPaths, type VerifyRun } from '../helpers/verify-archive.js';

const HOUR = 3_600_000;

interface Slipped {
  a: Archive;
  log: BuiltLog;
  backfill: BuiltDigest;
}

/** A log file delivered inside the second hourly digest's hour, and a backfill digest for that hour listing it. */
function slipIn(signer: 'intruder' | 'aws'): Slipped {
  const a = buildArchive({ hours: 4 });
  const end = Date.parse(a.digests[1].json.digestEndTime as string);
  const log = addLog(a.root, end - HOUR / 4, 'slipped', denialLogContent(end - HOUR / 4, 'slipped'));
  const keys = signer === 'aws' ? a.keys : { ...keyPair(), fingerprint: a.keys.fingerprint };
  const backfill = writeDigest(a.root, keys, digestKey(end, true), hourFields(end), null, [log]);
  return { a, log, backfill };
}

const modes: [string, (x: Slipped) => VerifyRun][] = [
  ['no keys', () => ({})],
  ['keys only', (x) => ({ keys: [x.a.keys] })],
  // The auditor's capture holds the real digests' signatures; the attacker cannot add a line to it.
  ['keys and signatures', (x) => ({ keys: [x.a.keys], signatures: signaturesText(x.a.digests) })],
];

describe('attack: a forged backfill digest', () => {
  it.each(modes)('attack: a log slipped into a digested hour with a forged backfill digest listing it fails (%s)', async (_mode, run) => {
    const x = slipIn('intruder');
    const s = await verifyPaths([x.a.root], run(x));
    expect(s.status).toBe('failed');
    expect(s.ok).toBe(false);
    expect(s.failures).toContainEqual(expect.objectContaining({ kind: 'log-unlisted', file: x.log.path }));
    expect(s.coverage.unverified).toContainEqual({ path: x.log.path, class: 'failed' });
  });

  it('attack: with --signatures the forged backfill digest itself is digest-unsigned', async () => {
    const x = slipIn('intruder');
    const s = await verifyPaths([x.a.root], { keys: [x.a.keys], signatures: signaturesText(x.a.digests) });
    expect(s.failures).toContainEqual(expect.objectContaining({ kind: 'digest-unsigned', file: x.backfill.path }));
  });

  it("attack: a signature from the attacker's key in the signatures file does not verify either", async () => {
    const x = slipIn('intruder');
    const s = await verifyPaths([x.a.root], { keys: [x.a.keys], signatures: signaturesText([...x.a.digests, x.backfill]) });
    expect(kinds(s)).toContain('signature-invalid');
    expect(s.failures).toContainEqual(expect.objectContaining({ kind: 'log-unlisted', file: x.log.path }));
  });

  it('attack: a forged backfill digest for an hour no digest covers leaves its log file uncovered: partial, not OK', async () => {
    const a = buildArchive({ hours: 2 });
    const end = Date.parse('2026-03-04T10:01:31Z');
    const log = addLog(a.root, end - HOUR / 2, 'far');
    writeDigest(a.root, { ...keyPair(), fingerprint: a.keys.fingerprint }, digestKey(end, true), hourFields(end), null, [log]);
    const s = await verifyPaths([a.root]);
    expect(s.status).toBe('partial');
    expect(s.coverage.unverified).toContainEqual({ path: log.path, class: 'uncovered' });
  });

  it('a genuine, signed backfill digest listing a late log file verifies: OK with keys and signatures', async () => {
    const x = slipIn('aws');
    const s = await verifyPaths([x.a.root], { keys: [x.a.keys], signatures: signaturesText([...x.a.digests, x.backfill]) });
    expect(s.failures).toEqual([]);
    expect(s.status).toBe('ok');
    expect(s.coverage).toMatchObject({ logFiles: x.a.logs.length + 1, verified: x.a.logs.length + 1 });
    expect(s.totals.signaturesValid).toBe(x.a.digests.length + 1);
  });

  it('a genuine backfill digest whose signature was not checked proves nothing: its log is unlisted', async () => {
    const x = slipIn('aws');
    const s = await verifyPaths([x.a.root], { keys: [x.a.keys] }); // no signatures file: nothing signs a lone backfill digest
    expect(s.failures).toContainEqual(expect.objectContaining({ kind: 'log-unlisted', file: x.log.path }));
    expect(s.failures.find((f) => f.file === x.log.path)?.detail).toContain('--signatures');
  });

  it("two digests that disagree about a log file's hash fail, naming the digest that disagrees", async () => {
    const a = buildArchive({ hours: 3 });
    const hourly = a.digests[1];
    const victim = hourly.logs[0];
    const end = Date.parse(hourly.json.digestEndTime as string);
    const other = { ...victim, content: victim.content.replace('GetObject', 'ListBuckets') };
    const backfill = writeDigest(a.root, a.keys, digestKey(end, true), hourFields(end), null, [other]);
    const s = await verifyPaths([a.root], { keys: [a.keys], signatures: signaturesText([...a.digests, backfill]) });
    expect(s.status).toBe('failed');
    expect(s.failures).toContainEqual(expect.objectContaining({ kind: 'log-modified', file: victim.path, digest: backfill.path }));
  });
});
