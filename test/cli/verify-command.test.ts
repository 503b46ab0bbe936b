import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildArchive, captureSignatureInputs, publicKeysJson, signaturesText } from '../helpers/digest-chain.js';
import { runCli } from '../helpers/run-cli.js';

describe('cloudtrail-denials verify', () => {
  it('prints the table per trail and exits 0 when everything checks out, signatures included', () => {
    const a = buildArchive({ hours: 3 });
    const captured = captureSignatureInputs(a.keys, a.digests);
    const r = runCli(['verify', a.root, '--public-keys', captured.keys, '--signatures', captured.signatures]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/111122223333\s+eu-west-1\s+org_main-trail\s+3\s+4\/4/);
    expect(r.stdout).toContain('Integrity: OK: verified 4 of 4 log files (hashes, chain and signatures checked)');
  });

  it('without --public-keys the same archive is partial (exit 5): hashes and chain hold, signatures unchecked', () => {
    const a = buildArchive({ hours: 3 });
    const r = runCli(['verify', a.root]);
    expect(r.code).toBe(5);
    expect(r.stdout).toContain('Integrity: PARTIAL: verified 0 of 4 log files; 4 hash-matched, signatures not checked');
    expect(r.stdout).toContain('give --public-keys and --signatures');
    expect(r.stderr).toBe('cloudtrail-denials: integrity partial: signatures not checked; --allow-partial unsigned accepts this\n');
    const accepted = runCli(['verify', a.root, '--allow-partial', 'unsigned']);
    expect(accepted.code).toBe(0);
    expect(accepted.stderr).toBe('');
    expect(accepted.stdout).toContain('Integrity: PARTIAL');
  });

  it('--allow-partial with an unknown reason is a usage error naming the reasons', () => {
    const a = buildArchive({ hours: 1 });
    const r = runCli(['verify', a.root, '--allow-partial', 'uncoverd']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('cloudtrail-denials: --allow-partial uncoverd: choose from unsigned, uncovered, outside-layout, all (comma-separated or repeated)\n');
  });

  it('exits 4 and names the missing file and the digest that lists it', () => {
    const a = buildArchive({ hours: 3 });
    rmSync(a.digests[1].logs[0].path);
    const r = runCli(['verify', a.root]);
    expect(r.code).toBe(4);
    expect(r.stdout).toContain(`log-missing  ${a.digests[1].logs[0].key}`);
    expect(r.stdout).toContain(`named by ${a.digests[1].path}`);
    expect(r.stdout).toContain('Integrity: FAILED (1 failure)');
  });

  it('checks signatures offline with the captured keys and signatures; --json prints the result object', () => {
    const a = buildArchive({ hours: 4 });
    writeFileSync(join(a.root, 'public-keys.json'), publicKeysJson(a.keys));
    writeFileSync(join(a.root, 'signatures.tsv'), signaturesText(a.digests));
    const r = runCli([
      'verify',
      join(a.root, 'AWSLogs'),
      '--public-keys',
      join(a.root, 'public-keys.json'),
      '--signatures',
      join(a.root, 'signatures.tsv'),
      '--json',
    ]);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s).toMatchObject({ ok: true, publicKeys: 1, signatures: 4, totals: { signaturesValid: 4, signaturesInvalid: 0, signaturesUnchecked: 0 } });
  });

  it('--signatures without --public-keys is a usage error', () => {
    const a = buildArchive({ hours: 1 });
    writeFileSync(join(a.root, 'signatures.tsv'), signaturesText(a.digests));
    const r = runCli(['verify', a.root, '--signatures', join(a.root, 'signatures.tsv')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^cloudtrail-denials: --signatures needs --public-keys/);
  });
});

describe('cloudtrail-denials report --verify', () => {
  it('adds the Integrity section to every report and exits 4 on a modified log file', () => {
    const a = buildArchive({ hours: 3 });
    const victim = a.logs[2];
    writeFileSync(victim.path, gzipSync(victim.content.replace('GetObject', 'PutObject')));
    const out = join(mkdtempSync(join(tmpdir(), 'ctd-out-')), 'report');
    const r = runCli(['report', a.root, '--verify', '--out', out, '--quiet']);
    expect(r.code).toBe(4);
    expect(r.stdout).toContain('integrity: FAILED');
    expect(r.stderr).toContain('integrity check failed: 1 failure (see the Integrity section)');
    const md = readFileSync(join(out, 'report.md'), 'utf8');
    expect(md).toContain('## Integrity');
    expect(md).toContain('log file modified');
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain('id="integrity"');
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.integrity.failures).toMatchObject([{ kind: 'log-modified', file: victim.path }]);
  });

  it('exits 0 on an intact archive; without --verify summary.json has no integrity key', () => {
    const a = buildArchive({ hours: 2 });
    const outs = mkdtempSync(join(tmpdir(), 'ctd-out-')); // outside the archive: a report is not a log
    const out = join(outs, 'verified');
    const captured = captureSignatureInputs(a.keys, a.digests);
    const r = runCli([
      'report',
      a.root,
      '--verify',
      '--public-keys',
      captured.keys,
      '--signatures',
      captured.signatures,
      '--out',
      out,
      '--quiet',
      '-f',
      'json',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('integrity: OK: verified 4 of 4 log files (hashes, chain and signatures checked)');
    expect(JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')).integrity).toMatchObject({ status: 'ok', ok: true });
    const plain = join(outs, 'plain');
    expect(runCli(['report', a.root, '--out', plain, '--quiet', '-f', 'json']).code).toBe(0);
    expect(existsSync(join(plain, 'summary.json'))).toBe(true);
    expect('integrity' in JSON.parse(readFileSync(join(plain, 'summary.json'), 'utf8'))).toBe(false);
  });

  it('with --redact, the Integrity section names no account either', () => {
    const a = buildArchive({ hours: 2 });
    rmSync(a.logs[0].path);
    const out = join(mkdtempSync(join(tmpdir(), 'ctd-out-')), 'redacted');
    const r = runCli(['report', a.root, '--verify', '--redact', '--out', out, '--quiet', '-f', 'json,md']);
    expect(r.code).toBe(4);
    const text = readFileSync(join(out, 'summary.json'), 'utf8');
    expect(JSON.parse(text).integrity.failures).toMatchObject([{ kind: 'log-missing' }]);
    expect(text).not.toContain('111122223333');
    expect(readFileSync(join(out, 'report.md'), 'utf8')).not.toContain('111122223333');
  });
});
