// What a folder walk meets besides files and folders: each is counted as skipped with its reason,
// nothing is opened that could block, and the walk ends.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discover } from '../../src/discover/index.js';
import { walkFolder } from '../../src/discover/walk-folder.js';

const open = { accounts: [], regions: [], since: null, until: null };

function folder(): string {
  const root = mkdtempSync(join(tmpdir(), 'ctd-walk-'));
  mkdirSync(join(root, 'logs', 'deeper'), { recursive: true });
  writeFileSync(join(root, 'logs', 'a.json'), '{"Records":[]}');
  writeFileSync(join(root, 'logs', 'deeper', 'b.json'), '{"Records":[]}');
  execFileSync('mkfifo', [join(root, 'logs', 'pipe.json')]); // a FIFO: opening it would wait for a writer
  symlinkSync(join(root, 'nowhere.json'), join(root, 'logs', 'dangling.json'));
  symlinkSync('self.json', join(root, 'logs', 'self.json')); // a link to itself: ELOOP
  symlinkSync('..', join(root, 'logs', 'deeper', 'up')); // back to an ancestor folder
  return root;
}

describe('walkFolder', () => {
  it('returns the files, and every other entry with the reason it is not read', () => {
    const root = folder();
    const walk = walkFolder(join(root, 'logs'));
    const rel = (p: string) => p.slice(root.length + 1);
    expect(walk.files.map(rel).sort()).toEqual(['logs/a.json', 'logs/deeper/b.json']);
    expect(walk.skipped.map((s) => [rel(s.path), s.reason]).sort()).toEqual([
      ['logs/dangling.json', 'dangling-link'],
      ['logs/deeper/up', 'link-loop'],
      ['logs/pipe.json', 'special-file'],
      ['logs/self.json', 'link-loop'],
    ]);
  });
});

describe('discover over such a folder', () => {
  it('counts FIFOs, dangling links and link loops as found and skipped, by reason', async () => {
    const root = folder();
    const found = await discover([join(root, 'logs')], open);
    expect(found.found).toBe(6);
    expect(found.sources.map((s) => s.path.slice(root.length + 1))).toEqual(['logs/a.json', 'logs/deeper/b.json']);
    expect(found.skipped.map((s) => s.reason).sort()).toEqual(['dangling-link', 'link-loop', 'link-loop', 'special-file']);
  });

  it('a FIFO named on the command line is a one-line user error, never opened', async () => {
    const root = folder();
    await expect(discover([join(root, 'logs', 'pipe.json')], open)).rejects.toThrow(/is not a file or folder/);
  });
});
