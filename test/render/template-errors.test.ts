// A mistake in a `--templates` file is a template error that names the file, the line and the
// expression, not an "internal error" about an object called undefined.
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { makeReportRenderers } from '../../src/render/report-renderers.js';
import { TemplateError } from '../../src/render/template-error.js';
import { fakeGuide, loadSummary, loadTemplates } from './helpers.js';

const r = makeReportRenderers(fakeGuide);
const summary = loadSummary('realistic');
const builtin = loadTemplates();
const files = { html: '/t/report.html.hbs', md: '/t/report.md.hbs', 'md-x': '/t/partials/md-x.hbs' };

function errorOf(md: string, partials: Record<string, string> = {}, withFiles = true): Error {
  try {
    r.renderMarkdown(summary, { top: 5, templates: { html: '', md, partials: { ...builtin.partials, ...partials }, ...(withFiles ? { files } : {}) } });
  } catch (err) {
    return err as Error;
  }
  throw new Error('rendered without an error');
}

describe('template errors', () => {
  it.each([
    [
      'a field given to a helper',
      '# {{md title}}\n\n{{num denials}}\n',
      'template error in /t/report.md.hbs, line 3: {{num denials}}: the view-model has no such field here',
    ],
    [
      'a field looked up',
      '# {{md title}}\n{{#with window}}\n{{denials}}\n{{/with}}\n',
      'template error in /t/report.md.hbs, line 3: {{denials}}: the view-model has no field "denials" here',
    ],
    [
      'a block left open',
      '{{#each groups.items}}\n- {{md principal}}\n{{/eahc}}\n',
      'template error in /t/report.md.hbs, line 1: {{#each}} is closed by {{/eahc}}',
    ],
    ['a broken expression', '# {{md title}\n', 'template error in /t/report.md.hbs, line 1: the template does not parse'],
    ['a field inside a number', '{{headline.denials.foo}}', 'template error in /t/report.md.hbs: a field was looked up inside a value that has none'],
  ])('%s', (_, md, message) => {
    const e = errorOf(md);
    expect(e).toBeInstanceOf(TemplateError);
    expect(e).toBeInstanceOf(UserError);
    expect(e.message.startsWith(message), e.message).toBe(true);
    expect(e.message).not.toContain('\n');
    expect(e.message).toMatch(/the fields are listed in templates\/README\.md$/);
  });

  it('names the partial the mistake is in, with its own line', () => {
    const e = errorOf('# {{md title}}\n{{> md-x}}\n', { 'md-x': 'line one\n{{md titel}}\n' });
    expect(e.message).toMatch(/^template error in \/t\/partials\/md-x\.hbs, line 2: \{\{md titel\}\}/);
  });

  it('names the template by its role when no file is known (the library API)', () => {
    expect(errorOf('{{num denials}}', {}, false).message).toMatch(/^template error in the md template, line 1: /);
    expect(errorOf('{{> md-x}}', { 'md-x': '{{num nope}}' }, false).message).toMatch(/^template error in partial md-x, line 1: /);
  });

  it('a partial that does not exist', () => {
    expect(errorOf('{{> md-nope}}').message).toMatch(/^template error in \/t\/report\.md\.hbs: The partial md-nope could not be found;/);
  });
});
