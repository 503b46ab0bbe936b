// Two copies of the same trail given together (two folders, or a folder and a zip of it). Intact,
// they must verify as one copy does; one copy tampered with must fail, naming the tampered copy,
// whichever of the two sorts first.
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { makeZip } from '../helpers/archive-writers.js';
import { buildArchive, signaturesText, type Archive } from '../helpers/digest-chain.js';
import { runCli } from '../helpers/run-cli.js';
import { verifyPaths } from '../helpers/verify-archive.js';

function copyOf(a: Archive, name: string): string {
  const to = join(mkdtempSync(join(tmpdir(), 'ctd-copy-')), name);
  cpSync(a.root, to, { recursive: true });
  return to;
}

async function zipOf(a: Archive): Promise<string> {
  const files = readdirSync(a.root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  const items = files.map((e) => ({ name: relative(a.root, join(e.parentPath, e.name)), content: readFileSync(join(e.parentPath, e.name)) }));
  const out = join(mkdtempSync(join(tmpdir(), 'ctd-copy-')), 'bundle.zip');
  writeFileSync(out, await makeZip(items));
  return out;
}

describe('attack: two copies of the same trail', () => {
  it('attack: two intact copies (two folders) verify as one copy does', async () => {
    const a = buildArchive({ hours: 6 });
    const b = copyOf(a, 'second');
    const one = await verifyPaths([a.root], { keys: [a.keys], signatures: signaturesText(a.digests) });
    const both = await verifyPaths([a.root, b], { keys: [a.keys], signatures: signaturesText(a.digests) });
    expect(one.status).toBe('ok');
    expect(both.failures).toEqual([]);
    expect(both.status).toBe('ok');
    expect(both.totals.digests).toBe(one.totals.digests);
    expect(both.coverage.logFiles).toBe(2 * a.logs.length); // every copy read is accounted for
    expect(both.coverage.verified).toBe(2 * a.logs.length);
  });

  it('attack: a folder and a zip of it verify together (verify exits 0)', async () => {
    const a = buildArchive({ hours: 4 });
    const zip = await zipOf(a);
    const r = runCli(['verify', a.root, zip, '--json', '--allow-partial', 'unsigned']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).failures).toEqual([]);
  });

  it.each(['first', 'second'] as const)('attack: one of two copies tampered with (the %s by path) fails, naming that copy', async (which) => {
    const a = buildArchive({ hours: 4 });
    const b = copyOf(a, 'copy');
    const [early, late] = [a.root, b].sort();
    const tamperedRoot = which === 'first' ? early : late;
    const victim = a.digests[3].logs[1];
    const tampered = join(tamperedRoot, victim.key);
    writeFileSync(tampered, gzipSync(victim.content.replace('GetObject', 'PutObject')));
    const s = await verifyPaths([a.root, b]);
    expect(s.status).toBe('failed');
    expect(s.failures).toEqual([expect.objectContaining({ kind: 'log-modified', file: tampered, digest: expect.stringContaining(a.digests[3].key) })]);
  });

  it('attack: one of two copies of a digest altered fails, naming the altered copy', async () => {
    const a = buildArchive({ hours: 4 });
    const b = copyOf(a, 'copy');
    const d = a.digests[1];
    const altered = join([a.root, b].sort()[1], d.key);
    writeFileSync(altered, gzipSync(JSON.stringify({ ...d.json, logFiles: [] })));
    const s = await verifyPaths([a.root, b]);
    expect(s.status).toBe('failed');
    expect(s.failures).toContainEqual(expect.objectContaining({ kind: 'digest-modified', file: altered }));
  });
});
