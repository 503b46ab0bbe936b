// The floor plan is kept by a tool, not by convention: dependency-cruiser with the project's own
// .dependency-cruiser.cjs fails a tree that breaks it, rule by rule, and passes one that keeps it.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run-cli.js';

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
}

/** depcruise as `npm run lint` runs it, on a fixture tree: its exit code, and the violations (JSON reporter). */
function cruise(tree: string): { code: number; violations: Violation[] } {
  const run = (...extra: string[]) =>
    spawnSync(
      process.execPath,
      [join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs'), 'src', '--config', join(ROOT, '.dependency-cruiser.cjs'), ...extra],
      {
        cwd: join(ROOT, 'test/fixtures/lint', tree),
        encoding: 'utf8',
      },
    );
  const out = JSON.parse(run('--output-type', 'json').stdout) as { summary: { violations: Violation[] } };
  return { code: run().status ?? -1, violations: out.summary.violations };
}

describe('dependency rules', () => {
  it('fail a tree with a forbidden import of each kind, naming the rule and the import', () => {
    const { code, violations } = cruise('forbidden');
    expect(code).not.toBe(0);
    const found = violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort();
    expect(found).toEqual([
      'archive-imports-no-room: src/archive/uses-discover.ts → src/discover/climbs.ts',
      'floor-aggregate: src/aggregate/uses-cli.ts → src/cli/print.ts',
      'floor-archive: src/archive/uses-discover.ts → src/discover/climbs.ts',
      'floor-discover: src/discover/climbs.ts → src/read/scan.ts',
      'no-circular: src/render/a.ts → src/render/b.ts',
      'no-orphans: src/sql/orphan.ts → src/sql/orphan.ts',
      'nothing-imports-cli: src/aggregate/uses-cli.ts → src/cli/print.ts',
      'pure-rooms-do-no-io: src/classify/reads-files.ts → fs',
    ]);
  });

  it('pass a tree that imports only downwards, does its I/O in an I/O room, and has no orphan', () => {
    expect(cruise('allowed')).toEqual({ code: 0, violations: [] });
  });
});
