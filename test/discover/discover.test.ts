import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discover, discoverInBatches } from '../../src/discover/index.js';
import type { SourceBatch } from '../../src/types.js';
import { UserError } from '../../src/errors.js';

const open = { accounts: [], regions: [], since: null, until: null };

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'ctd-discover-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

const log = (acct: string, region: string, day: string) =>
  `AWSLogs/${acct}/CloudTrail/${region}/2026/11/${day}/${acct}_CloudTrail_${region}_202611${day}T1200Z_abc.json.gz`;

describe('discover', () => {
  it('walks folders, sorts, skips with reasons and prunes by key without opening files', async () => {
    const root = tree({
      [log('111111111111', 'us-east-1', '20')]: 'x',
      [log('222222222222', 'us-east-1', '20')]: 'x',
      [log('111111111111', 'eu-west-1', '05')]: 'x',
      'AWSLogs/111111111111/CloudTrail-Digest/us-east-1/2026/11/20/d.json.gz': 'x',
      'README.txt': 'x',
      'export/events.jsonl': 'x',
      'empty.json': '',
    });
    const found = await discover([root], { ...open, accounts: ['111111111111'], since: Date.parse('2026-11-18T00:00:00Z') });
    expect(found.found).toBe(7);
    expect(found.sources.map((s) => s.path.slice(root.length + 1))).toEqual([log('111111111111', 'us-east-1', '20'), 'export/events.jsonl']);
    expect(found.sources[0].key).toMatchObject({ account: '111111111111', region: 'us-east-1' });
    expect(found.pruned.map((p) => p.slice(root.length + 1)).sort()).toEqual(
      [log('111111111111', 'eu-west-1', '05'), log('222222222222', 'us-east-1', '20')].sort(),
    );
    expect(found.skipped.map((s) => [s.path.slice(root.length + 1), s.reason])).toEqual([
      ['AWSLogs/111111111111/CloudTrail-Digest/us-east-1/2026/11/20/d.json.gz', 'digest-file'],
      ['README.txt', 'not-a-log-file'],
      ['empty.json', 'empty-file'],
    ]);
  });

  it('reads a file named explicitly whatever its name, once even when named twice', async () => {
    const root = tree({ 'dump.txt': '{}' });
    const found = await discover([join(root, 'dump.txt'), join(root, 'dump.txt')], open);
    expect(found.sources).toHaveLength(1);
  });

  it('an empty file named on the command line is a damaged file (a failed copy); found by walking, it is skipped', async () => {
    const root = tree({ 'empty.json': '', 'in/empty.json': '' });
    const named = await discover([join(root, 'empty.json')], open);
    expect(named.damaged).toEqual([{ path: join(root, 'empty.json'), reason: expect.stringMatching(/^empty file/) }]);
    expect(named.skipped).toEqual([]);
    const walked = await discover([join(root, 'in')], open);
    expect(walked.damaged).toEqual([]);
    expect(walked.skipped).toEqual([{ path: join(root, 'in', 'empty.json'), reason: 'empty-file' }]);
  });

  it('says what each argument was and how many files it gave', async () => {
    const root = tree({ 'a/1.json': '{}' });
    mkdirSync(join(root, 'empty'));
    const found = await discover([join(root, 'a'), join(root, 'empty'), `${root}/nothing/*.json`, join(root, 'a', '1.json')], open);
    expect(found.inputs.map((i) => [i.kind, i.files])).toEqual([
      ['folder', 1],
      ['folder', 0],
      ['glob', 0],
      ['file', 1],
    ]);
  });

  it('expands globs', async () => {
    const root = tree({ 'a/1.json': '{}', 'a/2.json': '{}', 'b/3.json': '{}' });
    const found = await discover([`${root}/a/*.json`], open);
    expect(found.sources.map((s) => s.path.slice(root.length + 1))).toEqual(['a/1.json', 'a/2.json']);
  });

  it('stops with a user error for a path that does not exist', async () => {
    await expect(discover(['/nonexistent/cloudtrail'], open)).rejects.toThrow(UserError);
    await expect(discover([], open)).rejects.toThrow(/no input/);
  });

  it('in batches: sources in path order, 256 a batch, the last marked; the result is the whole discovery', async () => {
    const files = Object.fromEntries(Array.from({ length: 600 }, (_, k) => [`logs/f${String(k).padStart(4, '0')}.json`, '{}']));
    const root = tree({ ...files, 'logs/skip.txt': 'x' });
    const found = discoverInBatches([root], open);
    const batches: SourceBatch[] = [];
    for await (const b of found.batches) batches.push(b);
    expect(batches.map((b) => [b.sources.length, b.last])).toEqual([
      [256, false],
      [256, false],
      [88, true],
    ]);
    expect(batches.flatMap((b) => b.sources)).toEqual(found.result.sources);
    expect(found.result).toEqual(await discover([root], open));
    expect(found.result.found).toBe(601);
    expect(found.result.skipped).toHaveLength(1);
  });

  it('in one batch at the end when an archive is among the inputs (its entries sort in among the paths)', async () => {
    const files = Object.fromEntries(Array.from({ length: 300 }, (_, k) => [`f${String(k).padStart(4, '0')}.json`, '{}']));
    const root = tree({ ...files, 'f0100.zip': 'not a zip' });
    const batches: SourceBatch[] = [];
    for await (const b of discoverInBatches([root], open).batches) batches.push(b);
    expect(batches.map((b) => [b.sources.length, b.last])).toEqual([[300, true]]);
  });
});
