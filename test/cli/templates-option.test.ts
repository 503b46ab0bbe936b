// `--templates <dir>` with a mistake in a template: one line naming the file and the line, exit 1,
// nothing written.
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

describe('report --templates', () => {
  it('a typo in a template is a template error naming the file and the line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ctd-templates-'));
    mkdirSync(join(dir, 't', 'partials'), { recursive: true });
    writeFileSync(join(dir, 't', 'report.md.hbs'), '# {{md title}}\n\nDenials: {{num denials}}\n');
    const out = join(dir, 'out');
    const r = runCli(['report', 'samples', '--out', out, '--templates', join(dir, 't'), '--quiet']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `cloudtrail-denials: template error in ${join(dir, 't', 'report.md.hbs')}, line 3: {{num denials}}: the view-model has no such field here; the fields are listed in templates/README.md\n`,
    );
    expect(existsSync(out)).toBe(false);
  });

  it('in a partial of the folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ctd-templates-'));
    mkdirSync(join(dir, 't', 'partials'), { recursive: true });
    writeFileSync(join(dir, 't', 'report.html.hbs'), '<h1>{{title}}</h1>{{> html-extra}}');
    writeFileSync(join(dir, 't', 'partials', 'html-extra.hbs'), '<p>\n{{#each groups.items}}{{principal}}{{/each}\n</p>');
    const r = runCli(['report', 'samples', '--out', join(dir, 'out'), '--templates', join(dir, 't'), '--quiet', '-f', 'html']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      new RegExp(
        `^cloudtrail-denials: template error in ${join(dir, 't', 'partials', 'html-extra.hbs').replace(/[/.]/g, '\\$&')}, line 2: the template does not parse`,
      ),
    );
  });
});
