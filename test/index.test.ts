// The package as a library, through its entry point only.
import { describe, expect, it } from 'vitest';
import * as lib from '../src/index.js';
import { ROOT } from './helpers/run-cli.js';
import { join } from 'node:path';

describe('library API', () => {
  it('analyses, explains and renders without the command line', async () => {
    const denials: lib.Denial[] = [];
    const summary = await lib.analyze({ paths: [join(ROOT, 'samples')], filter: lib.NO_FILTER, concurrency: 1, onDenial: (d) => denials.push(d) });
    expect(summary.schemaVersion).toBe(1);
    expect(summary.totals.denials).toBe(denials.length);
    const md = lib.renderMarkdown(summary, { top: 5, templates: await lib.loadTemplates() });
    expect(md).toContain(`| ${summary.totals.denials} |`);
    // summary.json through the library: the whole Summary back, in the declared key order
    const json = lib.renderJson(summary, { top: 5, templates: await lib.loadTemplates() });
    expect(JSON.parse(json)).toEqual(summary);
    expect(Object.keys(JSON.parse(json) as object).slice(0, 4)).toEqual(['schemaVersion', 'tool', 'title', 'window']);
    const e = lib.explain(
      'User: arn:aws:iam::111122223333:user/x is not authorized to perform: s3:GetObject with an explicit deny in a service control policy',
    );
    const d = lib.denialOf(e);
    if (d === null) throw new Error('expected a denial');
    expect([e.denial, d.denyKind, d.policyType]).toEqual([true, 'explicit', 'service-control-policy']);
    expect(lib.explain('Rate exceeded')).toMatchObject({ denial: false, kind: 'other-error', category: 'throttling' });
    expect(lib.guidanceFor(d)[0].checks.length).toBeGreaterThan(0);
    // the registry's row writers, as the CLI streams them
    const csv = await lib.FORMATS.csv.load();
    expect((csv.header + denials.map(csv.row).join('')).split('\n')).toHaveLength(denials.length + 2);
    expect(lib.FORMAT_NAMES).toEqual(['html', 'md', 'json', 'csv', 'jsonl', 'findings']);
  });
});
