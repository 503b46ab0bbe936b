// The template contract: strict mode, partial isolation, the registry the CLI reads.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeFormats, PARTIALS_DIR, TEMPLATE_FILES } from '../../src/render/formats.js';
import { PARTIAL_NAMES } from '../../src/render/partial-names.js';
import { makeReportRenderers } from '../../src/render/report-renderers.js';
import { fakeGuide, loadSummary, loadTemplates, TEMPLATES_DIR } from './helpers.js';

const r = makeReportRenderers(fakeGuide);
const summary = loadSummary('realistic');
const templates = loadTemplates();

describe('templates', () => {
  it('ships every template and partial the registry names, and no other partial', () => {
    expect(existsSync(join(TEMPLATES_DIR, TEMPLATE_FILES.html))).toBe(true);
    expect(existsSync(join(TEMPLATES_DIR, TEMPLATE_FILES.md))).toBe(true);
    expect(Object.keys(templates.partials)).toEqual([...PARTIAL_NAMES]);
    expect(PARTIALS_DIR).toBe('partials');
  });

  it('throws on a field the view-model does not have (strict mode)', () => {
    const t = { ...templates, md: '# {{titel}}\n' };
    expect(() => r.renderMarkdown(summary, { top: 5, templates: t })).toThrow(/titel/);
    const h = { ...templates, html: '<p>{{headline.denails}}</p>' };
    expect(() => r.renderHtml(summary, { top: 5, templates: h })).toThrow(/denails/);
  });

  it('throws on a misspelt field given to a helper or block (strict mode alone would not)', () => {
    for (const md of ['{{md titel}}', '{{num headline.denails}}', '{{#if hasDenails}}x{{/if}}', '{{#each groups.itmes}}x{{/each}}', '{{#unless nope}}x{{/unless}}', '{{#with nope}}x{{/with}}']) {
      expect(() => r.renderMarkdown(summary, { top: 5, templates: { ...templates, md } }), md).toThrow(/^template error in the md template, line 1: \{\{.*\}\}: the view-model has no such field here;/);
    }
  });

  it('gives user templates the same view-model and helpers', () => {
    const t = { html: '<h1>{{title}}</h1>{{num headline.records}}', md: '{{md title}}|{{num headline.denials}}|{{groups.more}}', partials: {} };
    expect(r.renderHtml(summary, { top: 5, templates: t })).toBe('<h1>CloudTrail denials — example-org, week 19</h1>48,213');
    expect(r.renderMarkdown(summary, { top: 5, templates: t })).toBe('CloudTrail denials — example-org, week 19|142|7');
  });

  it('escapes HTML in html templates but not in md ones (md escapes with {{md}})', () => {
    const s = { ...summary, title: '<b>&' };
    const t = { html: '{{title}}', md: '{{title}} {{md title}}', partials: {} };
    expect(r.renderHtml(s, { top: 5, templates: t })).toBe('&lt;b&gt;&amp;');
    expect(r.renderMarkdown(s, { top: 5, templates: t })).toBe('<b>& &lt;b&gt;&'); // a bare & is shown as written
  });

  it('does not hand HTML partials to the Markdown template (they would run unescaped)', () => {
    const t = { html: '{{> html-x}}', md: '{{> html-x}}', partials: { 'html-x': '{{title}}' } };
    expect(r.renderHtml({ ...summary, title: '<i>' }, { top: 5, templates: t })).toBe('&lt;i&gt;');
    expect(() => r.renderMarkdown(summary, { top: 5, templates: t })).toThrow(/html-x/);
  });

  it('registers every format with its file name and kind', () => {
    const formats = makeFormats(r);
    expect(Object.keys(formats)).toEqual(['html', 'md', 'json', 'csv', 'jsonl', 'findings']);
    expect(Object.values(formats).map((f) => [f.kind, f.file])).toEqual([
      ['report', 'report.html'],
      ['report', 'report.md'],
      ['report', 'summary.json'],
      ['denials', 'denials.csv'],
      ['denials', 'denials.jsonl'],
      ['report', 'findings.jsonl'],
    ]);
  });
});
