// Every field a Markdown report shows is escaped once: `--title 'R&D'` reads `R&D` in report.md,
// not `R&amp;D` (which GitHub shows right but every diff and editor shows wrong).
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeReportRenderers } from '../../src/render/report-renderers.js';
import type { Summary } from '../../src/types.js';
import { runCli } from '../helpers/run-cli.js';
import { fakeGuide, loadSummary, loadTemplates } from './helpers.js';

/** Every string in the summary with ' R&D|x' added, except the keys reports look labels up by. */
function withAmpersands(value: unknown, key = ''): unknown {
  if (typeof value === 'string') return ['policyType', 'denyKind', 'category', 'status', 'kind', 'schemaVersion'].includes(key) ? value : `${value} R&D|x`;
  if (Array.isArray(value)) return value.map((v) => withAmpersands(v, key));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withAmpersands(v, k)]));
  return value;
}

describe('Markdown escapes each field once', () => {
  it('an ampersand in any field stays an ampersand', () => {
    const summary = withAmpersands(loadSummary('realistic')) as Summary;
    const md = makeReportRenderers(fakeGuide).renderMarkdown(summary, { top: 5, templates: loadTemplates() });
    expect(md).not.toContain('&amp;');
    expect(md.split('R&D\\|x').length).toBeGreaterThan(50); // the pipe escaped once
    expect(md).not.toContain('\\\\|'); // and never twice
  });

  it('--title "R&D" is the heading as written', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'ctd-title-')), 'out');
    const r = runCli(['report', 'samples', '--out', out, '-f', 'md', '--quiet', '--title', 'R&D <weekly>']);
    expect(r.code).toBe(0);
    expect(readFileSync(join(out, 'report.md'), 'utf8').split('\n')[0]).toBe('# R&D &lt;weekly&gt;');
  });
});
