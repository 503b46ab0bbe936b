// Attack (or a broken copy): a handful of digested hours beside many log files no digest covers, and
// files outside the AWSLogs/ layout that a report reads anyway. "Integrity: OK" over that would have
// an auditor trust numbers that rest on files nothing verified. The verdict states what was covered.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addLog, buildArchive, captureSignatureInputs, denialLogContent, signaturesText, type Archive, type BuiltLog } from '../helpers/digest-chain.js';
import { runCli } from '../helpers/run-cli.js';
import { verifyPaths } from '../helpers/verify-archive.js';

/** Two digested hours (4 log files) and 5 log files days later, in hours no digest covers. */
function mostlyUncovered(): { a: Archive; uncovered: BuiltLog[] } {
  const a = buildArchive({ hours: 2 });
  const uncovered = [0, 1, 2, 3, 4].map((i) => {
    const at = Date.parse('2026-03-05T10:40:00Z') + i * 3_600_000;
    return addLog(a.root, at, `u${i}`, denialLogContent(at, `u${i}`));
  });
  return { a, uncovered };
}

describe('attack: partial coverage passed off as OK', () => {
  it('attack: log files no digest covers make the status partial, with the coverage counted', async () => {
    const { a, uncovered } = mostlyUncovered();
    const s = await verifyPaths([a.root], { keys: [a.keys], signatures: signaturesText(a.digests) });
    expect(s.failures).toEqual([]);
    expect(s.status).toBe('partial');
    expect(s.ok).toBe(false);
    expect(s.partialReasons).toEqual(['uncovered']);
    expect(s.coverage).toMatchObject({ logFiles: 9, verified: 4, signatureUnchecked: 0, uncovered: 5, outsideLayout: 0, failed: 0 });
    expect(s.coverage.unverified.map((u) => u.path)).toEqual(uncovered.map((l) => l.path).sort());
  });

  it('attack: verify says how little it verified and exits 5; --allow-partial uncovered accepts it, still saying PARTIAL', () => {
    const { a } = mostlyUncovered();
    const captured = captureSignatureInputs(a.keys, a.digests);
    const args = ['verify', a.root, '--public-keys', captured.keys, '--signatures', captured.signatures];
    const r = runCli(args);
    expect(r.code).toBe(5);
    expect(r.stdout).not.toContain('Integrity: OK');
    expect(r.stdout).toContain('Integrity: PARTIAL: verified 4 of 9 log files; 5 not covered by any digest');
    expect(r.stdout).toContain('hashes, chain and signatures checked');
    const allowed = runCli([...args, '--allow-partial', 'uncovered']);
    expect(allowed.code).toBe(0);
    expect(allowed.stdout).toContain('Integrity: PARTIAL: verified 4 of 9 log files');
    expect(runCli([...args, '--allow-partial', 'unsigned']).code).toBe(5); // not the reason here
  });

  it('attack: without public keys nothing is verified: partial, "signatures not checked", exit 5', () => {
    const a = buildArchive({ hours: 3 });
    const r = runCli(['verify', a.root]);
    expect(r.code).toBe(5);
    expect(r.stdout).toContain('Integrity: PARTIAL: verified 0 of 4 log files; 4 hash-matched, signatures not checked');
    expect(runCli(['verify', a.root, '--allow-partial', 'all']).code).toBe(0);
  });

  it('attack: report --verify counts files outside the AWSLogs layout as unverified and lists them', () => {
    const a = buildArchive({ hours: 2 });
    const captured = captureSignatureInputs(a.keys, a.digests);
    const outside = join(a.root, 'lookup-events.json');
    const event = JSON.parse(denialLogContent(Date.parse('2026-03-01T00:40:00Z'), 'outside')).Records[0];
    writeFileSync(outside, JSON.stringify({ Events: [{ CloudTrailEvent: JSON.stringify(event) }] }));
    const out = join(mkdtempSync(join(tmpdir(), 'ctd-attack-')), 'report');
    const r = runCli(['report', a.root, '--verify', '--public-keys', captured.keys, '--signatures', captured.signatures, '--out', out, '--quiet']);
    expect(r.code).toBe(5);
    expect(r.stdout).toContain('integrity: PARTIAL: verified 4 of 5 log files; 1 outside the AWSLogs/ layout');
    expect(r.stderr).toContain('--allow-partial outside-layout');
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.totals.denials).toBe(1);
    expect(summary.integrity).toMatchObject({ status: 'partial', ok: false, partialReasons: ['outside-layout'] });
    expect(summary.integrity.coverage).toMatchObject({ logFiles: 5, verified: 4, outsideLayout: 1, unverified: [{ path: outside, class: 'outside-layout' }] });
    const md = readFileSync(join(out, 'report.md'), 'utf8');
    expect(md).toContain('Integrity: **PARTIAL**');
    expect(md).toContain('lookup-events.json');
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain('lookup-events.json');
    const allowed = runCli([
      'report',
      a.root,
      '--verify',
      '--public-keys',
      captured.keys,
      '--signatures',
      captured.signatures,
      '--out',
      `${out}-2`,
      '--quiet',
      '--allow-partial',
      'outside-layout',
    ]);
    expect(allowed.code).toBe(0);
  });
});
