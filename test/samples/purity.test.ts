import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = join(import.meta.dirname, '../../src/samples');
const sources = readdirSync(dir).filter((name) => name.endsWith('.ts')).map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));

describe('src/samples stays pure', () => {
  it('has kebab-case files', () => {
    for (const { name } of sources) expect(name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*\.ts$/);
  });

  it.each([/Math\.random/, /Date\.now/, /from 'node:(?!crypto')/, /from '(fs|zlib)'/, /\bconsole\.(log|error|warn|info|debug)\(/, /\bprocess\./, /: any\b/, /\bas any\b/, /@ts-(ignore|expect-error)/])('never matches %s', (pattern) => {
    for (const { name, text } of sources) expect(pattern.test(text), `${name} matches ${pattern}`).toBe(false);
  });

  it('keeps files short', () => {
    for (const { name, text } of sources) expect(text.split('\n').length, name).toBeLessThanOrEqual(200);
  });
});
