// The bundled samples, end to end: regenerable, analysed to exact totals, and the committed reports
// are what `npm start` writes today.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildSampleArchive, describeArchive } from '../../src/samples/index.js';
import { samplePolicyFiles } from '../../src/samples/policies/index.js';
import type { Summary } from '../../src/types.js';
import { ROOT, runCli } from '../helpers/run-cli.js';

const SAMPLES = join(ROOT, 'samples');
const REPORTS = join(ROOT, 'reports/samples');
const { files, manifest } = buildSampleArchive();
const described = describeArchive(files);
// the demo organization's exported policies sit beside the logs (samples/policies/); npm start reads them
const policyFiles = samplePolicyFiles();

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [relative(SAMPLES, join(dir, e.name))]));
}

function report(args: string[] = []): { dir: string; summary: Summary } {
  const dir = mkdtempSync(join(tmpdir(), 'ctd-e2e-'));
  const r = runCli(['report', 'samples', '--out', dir, '--quiet', ...args]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return { dir, summary: JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')) as Summary };
}

const run = report(['--policies', 'samples/policies']);

describe('samples/', () => {
  it('is exactly what the seeded generator writes', () => {
    expect(walk(SAMPLES).sort()).toEqual([...files, ...policyFiles].map((f) => f.path).sort());
    for (const f of [...files, ...policyFiles]) {
      const bytes = readFileSync(join(SAMPLES, f.path));
      expect((f.gzip ? gunzipSync(bytes) : bytes).toString('utf8'), f.path).toBe(f.content);
    }
  });
});

describe('report over samples/', () => {
  const { summary } = run;
  const t = summary.totals;

  it('accounts for every file and record, against an independent count of the archive', () => {
    // The digests are skipped, and so are the captured keys and signatures (integrity/) and the
    // exported policies (policies/), which are not logs.
    const skipped = described.digestFiles + described.integrityFiles + policyFiles.length;
    expect(summary.files).toMatchObject({ found: described.files + policyFiles.length, read: described.logFiles, skipped, damaged: 0, pruned: 0 });
    expect(summary.files.skippedByReason).toEqual([
      { key: 'digest-file', count: described.digestFiles },
      { key: 'not-a-log-file', count: described.integrityFiles + policyFiles.length },
    ]);
    expect(summary.files.skippedFiles.filter((f) => f.path.startsWith('samples/policies/')).every((f) => f.reason === 'not-a-log-file')).toBe(true);
    expect(t.records).toBe(described.records);
    expect(t.suppressed).toBe(0);
    expect(t.records).toBe(t.denials + t.suppressed + t.otherErrors + t.noError + t.excludedByFilter + t.duplicates);
    expect(t.records - t.noError).toBe(described.recordsWithErrorCode + described.consoleLoginFailures);
    expect(summary.issues).toEqual([]);
  });

  it('finds exactly the denials and other errors the generator placed, each kind where it belongs', () => {
    const placed = (kind: 'denial' | 'other-error') => manifest.scenarios.filter((s) => s.kind === kind).reduce((n, s) => n + s.count, 0);
    expect(t.denials).toBe(placed('denial'));
    expect(t.otherErrors).toBe(placed('other-error'));
    const dupErrors = manifest.duplicate.records; // the re-delivered file's records that carry an error
    expect(t.duplicates).toBeGreaterThan(0);
    expect(t.duplicates).toBeLessThanOrEqual(dupErrors);

    const expectedBy = (field: 'policyType' | 'denyKind' | 'category') => {
      const tally = new Map<string, number>();
      for (const s of manifest.scenarios) if (s.expected) tally.set(s.expected[field], (tally.get(s.expected[field]) ?? 0) + s.count);
      return Object.fromEntries([...tally].sort());
    };
    const actual = (list: { key: string; count: number }[]) => Object.fromEntries(list.map((c) => [c.key, c.count]).sort());
    expect(actual(summary.byPolicyType)).toEqual(expectedBy('policyType'));
    expect(actual(summary.byDenyKind)).toEqual(expectedBy('denyKind'));
    expect(actual(summary.byCategory)).toEqual(expectedBy('category'));
    expect(summary.byPolicyType.map((c) => c.key).sort()).toEqual([
      'identity-based',
      'permissions-boundary',
      'resource-based',
      'resource-control-policy',
      'role-trust-policy',
      's3-block-public-access',
      'service-control-policy',
      'session-policy',
      'unspecified',
      'vpc-endpoint-policy',
    ]);
  });

  it('matches the committed reports/samples byte for byte (run `npm start` when this fails)', () => {
    const committed = readdirSync(REPORTS).sort();
    expect(readdirSync(run.dir).sort()).toEqual(committed);
    for (const name of committed) {
      expect(readFileSync(join(run.dir, name), 'utf8'), `reports/samples/${name} is out of date: run npm start`).toBe(
        readFileSync(join(REPORTS, name), 'utf8'),
      );
    }
  });

  it('writes byte-identical output whatever the concurrency', () => {
    const one = report(['--concurrency', '1', '--policies', 'samples/policies']);
    for (const name of ['report.md', 'summary.json', 'denials.csv', 'denials.jsonl', 'report.html']) {
      expect(readFileSync(join(one.dir, name), 'utf8'), name).toBe(readFileSync(join(run.dir, name), 'utf8'));
    }
  });

  it('narrows by window, account and action, pruning files by key', () => {
    const narrowed = report(['--since', '2026-11-18', '--until', '2026-11-18', '--account', '444455556666', '--action', 'kms:*']).summary;
    expect(narrowed.files.pruned).toBeGreaterThan(0);
    expect(narrowed.totals.records).toBe(
      narrowed.totals.denials +
        narrowed.totals.suppressed +
        narrowed.totals.otherErrors +
        narrowed.totals.noError +
        narrowed.totals.excludedByFilter +
        narrowed.totals.duplicates,
    );
    for (const g of narrowed.groups) {
      expect(g.action.startsWith('kms:')).toBe(true);
      expect(g.firstSeen >= '2026-11-18' && g.lastSeen < '2026-11-19').toBe(true);
      expect(g.accounts.map((a) => a.key)).toEqual(['444455556666']);
    }
  });
});
