// Issue 14's sizes, kept by a test so that the next change cannot quietly undo them: no source file
// over 400 lines without a comment in its first lines saying why it is that long, and src/read/
// (without splitter/, which has its own folder) under 2,000 lines.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '../../src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return e.name.endsWith('.ts') ? [path] : [];
  });
}

const lines = (path: string) => readFileSync(path, 'utf8').split('\n').length - 1;

describe('source file sizes', () => {
  it('no file over 400 lines without saying why at its top', () => {
    const long = sources(SRC).filter((f) => lines(f) > 400);
    const unexplained = long.filter((f) => !/over 400 lines/i.test(readFileSync(f, 'utf8').split('\n').slice(0, 5).join('\n')));
    expect(unexplained.map((f) => relative(SRC, f))).toEqual([]);
  });

  it('src/read/ without splitter/ under 2,000 lines', () => {
    const read = sources(join(SRC, 'read')).filter((f) => !f.includes(`${join(SRC, 'read', 'splitter')}`));
    expect(read.reduce((n, f) => n + lines(f), 0)).toBeLessThan(2000);
  });
});
