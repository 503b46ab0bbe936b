// The template contract: the loader the CLI and the library use, strict mode, partial isolation.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTemplates } from '../../src/read/templates.js';
import { PARTIAL_NAMES } from '../../src/render/partial-names.js';
import { makeReportRenderers } from '../../src/render/report-renderers.js';
import { fakeGuide, loadSummary, TEMPLATES_DIR } from './helpers.js';

const r = makeReportRenderers(fakeGuide);
const summary = loadSummary('realistic');
const templates = await loadTemplates();

describe('templates', () => {
  it('loads both report templates and exactly the partials the built-in templates use, naming each file', () => {
    expect(templates.html).toContain('<html');
    expect(templates.md.length).toBeGreaterThan(0);
    expect(Object.keys(templates.partials)).toEqual([...PARTIAL_NAMES]);
    expect(templates.files.html).toBe(join(TEMPLATES_DIR, 'report.html.hbs'));
    expect(templates.files['md-more']).toBe(join(TEMPLATES_DIR, 'partials', 'md-more.hbs'));
  });

  it('overlays a --templates folder: its files replace the built-in ones of the same name', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ctd-i14-templates-'));
    mkdirSync(join(dir, 'partials'));
    writeFileSync(join(dir, 'report.md.hbs'), '# {{md title}}\n');
    writeFileSync(join(dir, 'partials', 'md-more.hbs'), 'more');
    const mine = await loadTemplates(dir);
    expect([mine.md, mine.html, mine.partials['md-more']]).toEqual(['# {{md title}}\n', templates.html, 'more']);
    expect([mine.files.md, mine.files.html]).toEqual([join(dir, 'report.md.hbs'), templates.files.html]);
    await expect(loadTemplates(join(dir, 'partials'))).rejects.toThrow(/holds neither report.html.hbs nor report.md.hbs/);
  });

  it('throws on a field the view-model does not have (strict mode)', () => {
    const t = { ...templates, md: '# {{titel}}\n' };
    expect(() => r.renderMarkdown(summary, { top: 5, templates: t })).toThrow(/titel/);
    const h = { ...templates, html: '<p>{{headline.denails}}</p>' };
    expect(() => r.renderHtml(summary, { top: 5, templates: h })).toThrow(/denails/);
  });

  it('throws on a misspelt field given to a helper or block (strict mode alone would not)', () => {
    for (const md of [
      '{{md titel}}',
      '{{num headline.denails}}',
      '{{#if hasDenails}}x{{/if}}',
      '{{#each groups.itmes}}x{{/each}}',
      '{{#unless nope}}x{{/unless}}',
      '{{#with nope}}x{{/with}}',
    ]) {
      expect(() => r.renderMarkdown(summary, { top: 5, templates: { ...templates, md, files: {} } }), md).toThrow(
        /^template error in the md template, line 1: \{\{.*\}\}: the view-model has no such field here;/,
      );
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
});
