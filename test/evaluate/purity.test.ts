// The pure rooms this issue added do no I/O: evaluate/ (the engine is reached by a dynamic import
// only; loading exports is policies/'s) and the sample policies' generator.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const sources = ['src/evaluate', 'src/samples/policies'].flatMap((dir) =>
  readdirSync(join(ROOT, dir))
    .filter((n) => n.endsWith('.ts'))
    .map((n) => ({ name: `${dir}/${n}`, text: readFileSync(join(ROOT, dir, n), 'utf8') })),
);

describe('src/evaluate and src/samples/policies stay pure', () => {
  it.each([
    /Math\.random/,
    /Date\.now/,
    /new Date\(\)/,
    /from 'node:/,
    /from '(fs|zlib|worker_threads|child_process)'/,
    /\bconsole\./,
    /\bprocess\./,
    /: any\b/,
    /\bas any\b/,
    /@ts-(ignore|expect-error)/,
  ])('never matches %s', (pattern) => {
    for (const { name, text } of sources) expect(pattern.test(text), `${name} matches ${pattern}`).toBe(false);
  });

  it('has kebab-case files, none over 220 lines', () => {
    for (const { name, text } of sources) {
      expect(name.split('/').at(-1)).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*\.ts$/);
      expect(text.split('\n').length, name).toBeLessThanOrEqual(220);
    }
  });
});
