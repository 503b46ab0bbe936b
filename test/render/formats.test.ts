// The one registry of formats: --format's choices, the files a run writes, and renderers that load
// only when asked for.
import { describe, expect, it } from 'vitest';
import { FORMATS, FORMAT_NAMES, OUTPUT_FILE_NAMES } from '../../src/render/formats.js';
import { CSV_COLUMNS } from '../../src/render/denial-fields.js';
import { loadDenials, loadSummary, loadTemplates } from './helpers.js';

describe('format registry', () => {
  it('names every format in registry order, with its file and kind', () => {
    expect(FORMAT_NAMES).toEqual(Object.keys(FORMATS));
    expect(FORMAT_NAMES.map((n) => [n, FORMATS[n].kind, FORMATS[n].file])).toEqual([
      ['html', 'report', 'report.html'],
      ['md', 'report', 'report.md'],
      ['json', 'report', 'summary.json'],
      ['csv', 'denials', 'denials.csv'],
      ['jsonl', 'denials', 'denials.jsonl'],
      ['findings', 'report', 'findings.jsonl'],
    ]);
    expect(OUTPUT_FILE_NAMES).toEqual(FORMAT_NAMES.map((n) => FORMATS[n].file));
  });

  it('loads a working renderer for each format', async () => {
    const summary = loadSummary('realistic');
    const options = { top: 5, templates: loadTemplates() };
    const [html, md, json, csv, jsonl] = await Promise.all([
      FORMATS.html.load(),
      FORMATS.md.load(),
      FORMATS.json.load(),
      FORMATS.csv.load(),
      FORMATS.jsonl.load(),
    ]);
    expect(html(summary, options)).toMatch(/^<!doctype html>/i);
    expect(md(summary, options)).toContain(summary.title);
    expect(JSON.parse(json(summary))).toEqual(summary);
    const d = loadDenials()[0];
    expect(csv.header).toBe(`${CSV_COLUMNS.join(',')}\n`);
    expect(csv.row(d).split(',')[0]).toBe(d.eventTime);
    expect(JSON.parse(jsonl.row(d))).toEqual(d);
  });
});
