// Shared by the render tests: fixtures, the built-in templates, a fake guidance table and file
// snapshots (UPDATE_SNAPSHOTS=1 rewrites them instead of comparing).
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { GuidanceEntry } from '../../src/classify/guidance-types.js';
import type { Guide, TemplateSet } from '../../src/render/options.js';
import type { Denial, Summary } from '../../src/types.js';

const here = dirname(fileURLToPath(import.meta.url));
export const ROOT = join(here, '..', '..');
export const FIXTURES = join(ROOT, 'test', 'fixtures', 'render');
export const TEMPLATES_DIR = join(ROOT, 'templates');

/** The page script as `npm run build` compiles it (test runs build first). */
export const PAGE_SCRIPT = join(ROOT, 'dist', 'report-script.js');

export function loadTemplates(dir = TEMPLATES_DIR): TemplateSet {
  const partialsDir = join(dir, 'partials');
  const partials: Record<string, string> = {};
  for (const f of readdirSync(partialsDir).sort()) {
    if (f.endsWith('.hbs')) partials[basename(f, '.hbs')] = readFileSync(join(partialsDir, f), 'utf8');
  }
  return {
    html: readFileSync(join(dir, 'report.html.hbs'), 'utf8'),
    md: readFileSync(join(dir, 'report.md.hbs'), 'utf8'),
    partials,
    script: readFileSync(PAGE_SCRIPT, 'utf8'),
  };
}

export function loadSummary(name: string): Summary {
  return JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), 'utf8')) as Summary;
}

export function loadDenials(): Denial[] {
  return JSON.parse(readFileSync(join(FIXTURES, 'denials.json'), 'utf8')) as Denial[];
}

/** Stands in for the classifier's table; echoes its key so tests see which lookups were made. */
export const fakeGuide: Guide = (key) => {
  const base: GuidanceEntry = {
    id: `${key.category}/${key.denyKind}/${key.policyType}`,
    title: `Check the ${key.policyType} (${key.denyKind} deny)`,
    checks: [
      `Find the statement in the ${key.policyType} that matches ${key.errorCode}.`,
      'Simulate the call with `aws iam simulate-principal-policy` before changing anything.',
    ],
  };
  return [base, ...key.hints.map((h) => ({ id: `hint/${h}`, title: `Context: ${h}`, checks: [`Consider what ${h} implies.`] }))];
};

/** Compares with a committed file byte for byte, or rewrites it when UPDATE_SNAPSHOTS=1. */
export function expectSnapshotFile(actual: string, file: string): void {
  const path = join(FIXTURES, file);
  if (process.env.UPDATE_SNAPSHOTS === '1') {
    writeFileSync(path, actual);
    return;
  }
  // A missing snapshot fails rather than being written, so deleting one cannot make a test pass.
  if (!existsSync(path)) expect.fail(`${file} is missing; run with UPDATE_SNAPSHOTS=1 to write it`);
  const expected = readFileSync(path, 'utf8');
  // Not toBe(): a failure message of two 40 KB strings is unreadable; report the first difference.
  if (actual !== expected) {
    let i = 0;
    while (i < actual.length && actual[i] === expected[i]) i++;
    const line = actual.slice(0, i).split('\n').length;
    expect.fail(
      `${file} differs at line ${line} (UPDATE_SNAPSHOTS=1 rewrites it):\n` +
        `expected: ${JSON.stringify(expected.slice(i, i + 120))}\nactual:   ${JSON.stringify(actual.slice(i, i + 120))}`,
    );
  }
}
