// This tool's outputs are recognised by path before anything is opened (by content: test/read/not-a-log.test.ts).
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discover } from '../../src/discover/index.js';
import { OUTPUT_FILE_NAMES } from '../../src/render/formats.js';

const open = { accounts: [], regions: [], since: null, until: null };

function tree(files: string[]): string {
  const root = mkdtempSync(join(tmpdir(), 'ctd-own-'));
  for (const path of files) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), '{"Records":[]}');
  }
  return root;
}
const rel = (root: string, list: { path: string }[]) => list.map((x) => x.path.slice(root.length + 1));

describe("this tool's outputs, by path", () => {
  it('takes the names from the caller: without them nothing is skipped by name', async () => {
    const root = tree(['r/denials.jsonl', 'r/summary.json']);
    expect(rel(root, (await discover([root], open)).sources)).toEqual(['r/denials.jsonl', 'r/summary.json']);
  });

  it('in a folder holding two or more of the output names: skipped as own-output, counted as found', async () => {
    const root = tree(['logs/a.json', 'reports/2026-W46/summary.json', 'reports/2026-W46/denials.jsonl', 'reports/2026-W46/report.md', 'other/summary.json']);
    const found = await discover([root], open, { outputNames: OUTPUT_FILE_NAMES });
    expect(found.found).toBe(5);
    expect(rel(root, found.sources)).toEqual(['logs/a.json', 'other/summary.json']); // alone: judged by its content when read
    expect(found.skipped.map((s) => [s.path.slice(root.length + 1), s.reason])).toEqual([
      ['reports/2026-W46/denials.jsonl', 'own-output'],
      ['reports/2026-W46/report.md', 'own-output'],
      ['reports/2026-W46/summary.json', 'own-output'],
    ]);
  });

  it("in this run's output folder (by real path): any output name is own-output; a temporary output is not part of the input", async () => {
    const root = tree(['in/a.json', 'in/out/summary.json', 'in/out/denials.jsonl.tmp-4711', 'in/out/notes.json']);
    symlinkSync(join(root, 'in', 'out'), join(root, 'out-link'));
    const found = await discover([join(root, 'in')], { ...open }, { outDir: join(root, 'out-link'), outputNames: OUTPUT_FILE_NAMES });
    expect(found.found).toBe(3);
    expect(rel(root, found.sources)).toEqual(['in/a.json', 'in/out/notes.json']);
    expect(found.skipped.map((s) => [s.path.slice(root.length + 1), s.reason])).toEqual([['in/out/summary.json', 'own-output']]);
  });

  it('also when named on the command line', async () => {
    const root = tree(['r/summary.json', 'r/denials.jsonl']);
    const found = await discover([join(root, 'r', 'summary.json')], open, { outDir: join(root, 'r'), outputNames: OUTPUT_FILE_NAMES });
    expect(found.sources).toEqual([]);
    expect(found.skipped.map((s) => s.reason)).toEqual(['own-output']);
  });
});
