// Attack: someone who can write to the archive appends a digest after the real newest one, chained
// to it (its previousDigest… fields name the real newest digest with the right hash and signature),
// signed with their own key while claiming AWS's key fingerprint, plus a forged log file it lists.
// The signatures file, captured online by the auditor before the attack, has no line for that digest.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  addLog,
  buildArchive,
  captureSignatureInputs,
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
import { runCli } from '../helpers/run-cli.js';
import { verifyPaths } from '../helpers/verify-archive.js';

const HOUR = 3_600_000;

interface Attack {
  a: Archive;
  captured: { keys: string; signatures: string }; // before the attack
  forged: BuiltDigest;
  forgedLog: BuiltLog;
}

function appendForgedDigest(): Attack {
  const a = buildArchive({ hours: 3 });
  const captured = captureSignatureInputs(a.keys, a.digests);
  const newest = a.digests[a.digests.length - 1];
  const end = Date.parse(newest.json.digestEndTime as string) + HOUR;
  const forgedLog = addLog(a.root, end - HOUR / 2, 'forged', denialLogContent(end - HOUR / 2, 'forged'));
  const intruder = { ...keyPair(), fingerprint: a.keys.fingerprint }; // claims AWS's key
  const forged = writeDigest(a.root, intruder, digestKey(end), hourFields(end), newest, [forgedLog]);
  return { a, captured, forged, forgedLog };
}

describe('attack: an unsigned digest appended to the chain', () => {
  it('attack: a digest appended after the real newest one, with no signature in --signatures, is digest-unsigned: a failure', async () => {
    const { a, forged, forgedLog } = appendForgedDigest();
    const s = await verifyPaths([a.root], { keys: [a.keys], signatures: signaturesText(a.digests) });
    expect(s.status).toBe('failed');
    expect(s.ok).toBe(false);
    expect(s.failures).toContainEqual(expect.objectContaining({ kind: 'digest-unsigned', file: forged.path }));
    // The real digests all verify; the forged log is not counted as verified.
    expect(s.totals.signaturesValid).toBe(a.digests.length);
    expect(s.coverage.verified).toBe(a.logs.length);
    expect(s.coverage.unverified).toContainEqual({ path: forgedLog.path, class: 'failed' });
  });

  it('attack: a None line for the forged digest in the signatures file is no signature either', async () => {
    const { a, forged } = appendForgedDigest();
    const signatures = `${signaturesText(a.digests)}${forged.key}\tNone\n`;
    const s = await verifyPaths([a.root], { keys: [a.keys], signatures });
    expect(s.failures).toContainEqual(expect.objectContaining({ kind: 'digest-unsigned', file: forged.path }));
  });

  it('attack: without --signatures, the newest digest unchecked makes the status partial, never OK', async () => {
    const { a, forgedLog } = appendForgedDigest();
    const s = await verifyPaths([a.root], { keys: [a.keys] });
    expect(s.status).toBe('partial');
    expect(s.ok).toBe(false);
    expect(s.partialReasons).toEqual(['unsigned']);
    expect(s.coverage.unverified).toContainEqual({ path: forgedLog.path, class: 'signature-unchecked' });
  });

  it('attack: a backfill digest without a signature is digest-unsigned too', async () => {
    const a = buildArchive({ hours: 3 });
    const end = Date.parse(a.digests[1].json.digestEndTime as string);
    const late = addLog(a.root, end - HOUR / 3, 'late');
    const backfill = writeDigest(a.root, { ...keyPair(), fingerprint: a.keys.fingerprint }, digestKey(end, true), hourFields(end), null, [late]);
    const s = await verifyPaths([a.root], { keys: [a.keys], signatures: signaturesText(a.digests) });
    expect(s.failures).toContainEqual(expect.objectContaining({ kind: 'digest-unsigned', file: backfill.path }));
    expect(s.status).toBe('failed');
  });

  it('attack: verify exits 4 and says FAILED; report --verify exits 4 and lists the forged log as unverified', () => {
    const { a, captured, forged, forgedLog } = appendForgedDigest();
    const v = runCli(['verify', a.root, '--public-keys', captured.keys, '--signatures', captured.signatures]);
    expect(v.code).toBe(4);
    expect(v.stdout).toContain(`digest-unsigned  ${forged.path}`);
    expect(v.stdout).toMatch(/Integrity: FAILED/);
    expect(v.stdout).not.toContain('Integrity: OK');

    const out = join(mkdtempSync(join(tmpdir(), 'ctd-attack-')), 'report');
    const r = runCli(['report', a.root, '--verify', '--public-keys', captured.keys, '--signatures', captured.signatures, '--out', out, '--quiet']);
    expect(r.code).toBe(4);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.totals.denials).toBe(1); // the forged denial is read, and flagged:
    expect(summary.integrity.status).toBe('failed');
    expect(summary.integrity.coverage.unverified).toContainEqual({ path: forgedLog.path, class: 'failed' });
    const md = readFileSync(join(out, 'report.md'), 'utf8');
    expect(md).toContain('digest unsigned');
    expect(md).toMatch(/Integrity: \*\*FAILED\*\*/);
  });
});
