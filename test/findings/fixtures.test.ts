// Each rule of the table, over CloudTrail records: one fixture that fires it and one that must not
// (test/fixtures/findings/<rule>.fires.jsonl, <rule>.quiet.jsonl, made by make-fixtures.mjs). The whole
// pipeline runs (read, classify, fold, findings), and the findings are compared with the expected ones
// beside the fixture. UPDATE_FIXTURES=1 writes them instead (read them before committing).
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NO_FILTER } from '../../src/aggregate/index.js';
import { analyze } from '../../src/analyze.js';
import { RULES } from '../../src/findings/index.js';
import type { Finding } from '../../src/types.js';

const DIR = join(import.meta.dirname, '../fixtures/findings');
const CASES = readdirSync(DIR)
  .filter((f) => f.endsWith('.jsonl'))
  .map((f) => f.slice(0, -'.jsonl'.length))
  .sort();

async function findingsOf(file: string): Promise<Finding[]> {
  const summary = await analyze({ paths: [file], filter: NO_FILTER, concurrency: 1 });
  expect(summary.files.read).toBe(1);
  expect(summary.issues).toEqual([]);
  return summary.findings ?? [];
}

describe('findings fixtures', () => {
  it('has a firing and a quiet fixture for every rule but the baseline ones (test/e2e/findings.test.ts: new since the baseline)', () => {
    for (const rule of RULES.filter((r) => !r.id.startsWith('new-'))) {
      expect(CASES, rule.id).toContain(`${rule.id}.fires`);
      expect(CASES, rule.id).toContain(`${rule.id}.quiet`);
    }
  });

  for (const name of CASES) {
    const [rule, kind] = name.split('.');
    it(`${name}: ${kind === 'fires' ? `raises ${rule} findings, and only those` : 'raises nothing'}`, async () => {
      const found = await findingsOf(join(DIR, `${name}.jsonl`));
      if (kind === 'quiet') expect(found).toEqual([]);
      else {
        expect(found.length).toBeGreaterThan(0);
        for (const f of found) expect(f.rule).toBe(rule);
      }
      const expected = join(DIR, `${name}.expected.json`);
      if (process.env.UPDATE_FIXTURES === '1') writeFileSync(expected, JSON.stringify(found, null, 2) + '\n');
      expect(existsSync(expected), `${expected} missing: UPDATE_FIXTURES=1`).toBe(true);
      expect(found).toEqual(JSON.parse(readFileSync(expected, 'utf8')));
    });
  }
});
