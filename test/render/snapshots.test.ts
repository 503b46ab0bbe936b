import { describe, expect, it } from 'vitest';
import { csvWriter } from '../../src/render/csv-writer.js';
import { jsonlWriter } from '../../src/render/jsonl-writer.js';
import { makeReportRenderers } from '../../src/render/report-renderers.js';
import type { DenialWriter } from '../../src/render/options.js';
import { expectSnapshotFile, fakeGuide, loadDenials, loadSummary, loadTemplates } from './helpers.js';

const templates = loadTemplates();
const r = makeReportRenderers(fakeGuide);
// The realistic fixture has 12 groups and 6+ principals: top 8 exercises the "and N more" lines.
const CASES = [
  { name: 'realistic', top: 8 },
  { name: 'empty', top: 20 },
  { name: 'hostile', top: 20 },
];

const writeAll = (w: DenialWriter): string => w.header + loadDenials().map(w.row).join('');

describe('report snapshots', () => {
  for (const { name, top } of CASES) {
    it(`${name}: HTML`, () => {
      expectSnapshotFile(r.renderHtml(loadSummary(name), { top, templates }), `${name}.expected.html`);
    });
    it(`${name}: Markdown`, () => {
      expectSnapshotFile(r.renderMarkdown(loadSummary(name), { top, templates }), `${name}.expected.md`);
    });
    it(`${name}: summary.json`, () => {
      expectSnapshotFile(r.renderJson(loadSummary(name), { top, templates }), `${name}.expected.json`);
    });
  }
  it('denials: CSV', () => expectSnapshotFile(writeAll(csvWriter), 'denials.expected.csv'));
  it('denials: JSON Lines', () => expectSnapshotFile(writeAll(jsonlWriter), 'denials.expected.jsonl'));

  it('renders the same bytes twice (no hidden state, no clock)', () => {
    const s = loadSummary('realistic');
    const a = r.renderHtml(s, { top: 8, templates }) + r.renderMarkdown(s, { top: 8, templates });
    const b = r.renderHtml(s, { top: 8, templates: loadTemplates() }) + r.renderMarkdown(s, { top: 8, templates });
    expect(a).toBe(b);
  });
});
