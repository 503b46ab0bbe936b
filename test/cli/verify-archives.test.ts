// `verify` and `report --verify` read digests and log files inside .zip, .tar and .tar.gz archives as
// they read them in a folder: entries are matched to what digests name by their AWSLogs/… part.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { makeZip } from '../helpers/archive-writers.js';
import { buildArchive, captureSignatureInputs, type Archive } from '../helpers/digest-chain.js';
import { ROOT, runCli } from '../helpers/run-cli.js';
import { describeArchive, generateSampleArchive } from '../../src/samples/index.js';

type Format = 'tgz' | 'tar' | 'zip';

/** The folder's AWSLogs/ as an archive: a tgz holds it under a prefix folder, a tar under './', a zip as is. */
async function pack(a: Archive, format: Format): Promise<string> {
  const out = join(mkdtempSync(join(tmpdir(), 'ctd-verify-packed-')), `bundle.${format}`);
  if (format === 'tgz') execFileSync('tar', ['czf', out, '-C', dirname(a.root), basename(a.root)]);
  else if (format === 'tar') execFileSync('tar', ['cf', out, '-C', a.root, '.']);
  else {
    const files = readdirSync(a.root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    const items = files.map((e) => ({ name: relative(a.root, join(e.parentPath, e.name)), content: readFileSync(join(e.parentPath, e.name)) }));
    writeFileSync(out, await makeZip(items));
  }
  return out;
}

const verifyJson = (input: string, signed: string[] = []) => {
  const r = runCli(['verify', input, '--json', ...signed]);
  return { code: r.code, stderr: r.stderr, summary: JSON.parse(r.stdout) };
};

describe('integrity checks inside archives', () => {
  it.each<Format>(['tgz', 'tar', 'zip'])('verify <%s> gives the result verify <folder> gives', async (format) => {
    const a = buildArchive({ hours: 4 });
    const archive = await pack(a, format);
    const captured = captureSignatureInputs(a.keys, a.digests);
    const signed = ['--public-keys', captured.keys, '--signatures', captured.signatures];
    const folder = verifyJson(a.root, signed);
    const packed = verifyJson(archive, signed);
    expect(packed.stderr).toBe('');
    expect(packed.code).toBe(0);
    expect(packed.summary.status).toBe('ok');
    expect(packed.summary.coverage).toEqual({ ...folder.summary.coverage, unverified: [] });
    expect(packed.summary.totals).toEqual(folder.summary.totals);
    expect(packed.summary.trails).toEqual(folder.summary.trails);
    expect(packed.summary.totals).toMatchObject({ digests: 4, logsListed: 6, logsValid: 6, chainBreaks: 0 });
    expect(packed.summary.failures).toEqual([]);
  });

  it.each<Format>(['tgz', 'zip'])('a modified log file inside a %s is named by its archive!/entry path', async (format) => {
    const a = buildArchive({ hours: 3 });
    const victim = a.logs[2];
    writeFileSync(victim.path, gzipSync(victim.content.replace('GetObject', 'PutObject')));
    const archive = await pack(a, format);
    const entry = format === 'tgz' ? `${basename(a.root)}/${victim.key}` : victim.key;
    const r = runCli(['verify', archive]);
    expect(r.code).toBe(4);
    expect(r.stdout).toContain(`log-modified  ${archive}!/${entry}`);
    expect(r.stdout).toContain('Integrity: FAILED (1 failure)');
    const s = verifyJson(archive).summary;
    expect(s.failures).toMatchObject([{ kind: 'log-modified', file: `${archive}!/${entry}` }]);
    expect(s.totals).toMatchObject({ logsListed: 4, logsValid: 3, logsModified: 1 });
  });

  it('report --verify <archive> adds the Integrity section', async () => {
    const a = buildArchive({ hours: 3 });
    const archive = await pack(a, 'tgz');
    const captured = captureSignatureInputs(a.keys, a.digests);
    const out = join(mkdtempSync(join(tmpdir(), 'ctd-out-')), 'report');
    const r = runCli(['report', archive, '--verify', '--public-keys', captured.keys, '--signatures', captured.signatures, '--out', out, '--quiet']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toContain('## Integrity');
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.integrity).toMatchObject({ status: 'ok', ok: true, coverage: { logFiles: 4, verified: 4 }, totals: { digests: 3, logsValid: 4 } });
  });

  describe('the bundled samples, packed with tar czf', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ctd-verify-archive-'));
    const archive = join(dir, 'samples.tgz');
    execFileSync('tar', ['czf', archive, '-C', ROOT, 'samples']);

    it('verify gives Integrity: OK with the captured keys and signatures, as on the folder', () => {
      const signed = ['--public-keys', join(ROOT, 'samples/integrity/public-keys.json'), '--signatures', join(ROOT, 'samples/integrity/signatures.tsv')];
      const folder = runCli(['verify', join(ROOT, 'samples'), ...signed], { cwd: ROOT });
      const r = runCli(['verify', archive, ...signed]);
      const logs = describeArchive(generateSampleArchive()).logFiles; // the counts follow the samples, as they are regenerated
      expect(folder.stdout).toContain(`Integrity: OK: verified ${logs} of ${logs} log files (hashes, chain and signatures checked)`);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`Integrity: OK: verified ${logs} of ${logs} log files`);
      expect(verifyJson(archive, signed).summary.trails).toEqual(verifyJson(join(ROOT, 'samples'), signed).summary.trails);
    });

    it('report without --verify reads the same archive', () => {
      const r = runCli(['report', archive, '--out', join(dir, 'plain'), '-f', 'json', '--quiet']);
      expect(r.code).toBe(0);
      // the same counts as the committed report of the folder (npm start)
      const { totals } = JSON.parse(readFileSync(join(ROOT, 'reports/samples/summary.json'), 'utf8')) as { totals: { denials: number; records: number } };
      expect(r.stdout).toMatch(new RegExp(`^${totals.denials} denials in ${totals.records} records`));
    });
  });
});
