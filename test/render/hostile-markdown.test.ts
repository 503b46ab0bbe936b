// A Markdown cell must not be able to end its table row, open a link, a code span or raw HTML, or
// start a new line.
import { describe, expect, it } from 'vitest';
import { makeReportRenderers } from '../../src/render/report-renderers.js';
import { fakeGuide, loadSummary, loadTemplates } from './helpers.js';

const templates = loadTemplates();
const r = makeReportRenderers(fakeGuide);
const md = r.renderMarkdown(loadSummary('hostile'), { top: 20, templates });

/** Positions of `ch` not escaped by a backslash (an odd run of backslashes before it escapes it). */
function unescaped(line: string, ch: string): number {
  let n = 0;
  for (let i = 0; i < line.length; i++) {
    if (line[i] !== ch) continue;
    let slashes = 0;
    for (let j = i - 1; j >= 0 && line[j] === '\\'; j--) slashes++;
    if (slashes % 2 === 0) n++;
  }
  return n;
}

/** Removes the code spans the template writes (fence longer than any backtick run inside). */
function withoutCodeSpans(line: string): string {
  return line.replace(/(`+)( ?)(?:(?!\1)[\s\S])*?\2\1/g, '');
}

describe('Markdown with hostile log text', () => {
  const lines = md.split('\n');

  it('gives every table row the same number of cells as its header', () => {
    let columns = -1;
    let rows = 0;
    for (const line of lines) {
      if (!line.startsWith('|')) {
        columns = -1;
        continue;
      }
      const pipes = unescaped(line, '|');
      if (columns === -1) columns = pipes;
      expect(pipes, line.slice(0, 120)).toBe(columns);
      rows++;
    }
    expect(rows).toBeGreaterThan(40);
  });

  it('lets no line break, control or line separator through', () => {
    expect(md).not.toMatch(/[\r\u2028\u2029\u0085\u0000-\u0009\u000b-\u001f]/);
    for (const tag of ['newline', 'CRLF', 'LS', 'PS']) expect(lines.some((l) => l.startsWith(tag))).toBe(false);
  });

  it('opens no raw HTML', () => {
    expect(md).not.toMatch(/<[a-zA-Z/!?]/);
    expect(md).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(md).toContain('&amp;amp;');
  });

  it('opens no link, emphasis or code span from the data', () => {
    for (const line of lines) {
      const text = withoutCodeSpans(line);
      // `[x](javascript:…)` only links when both brackets are live.
      expect(unescaped(text, '['), line.slice(0, 120)).toBe(0);
      expect(unescaped(text, ']'), line.slice(0, 120)).toBe(0);
      expect(unescaped(text, '`'), line.slice(0, 120)).toBe(0);
      if (line.includes('cmd')) {
        expect(unescaped(text.replace(/^\d+\. /, ''), '_')).toBe(0);
        expect(unescaped(text.replace(/^\*\*|\*\*(?= \()/g, ''), '*')).toBe(0);
      }
    }
  });

  it('neutralises a leading # and @mentions', () => {
    expect(lines.filter((l) => l.startsWith('#')).every((l) => /^#+ [A-Z\\]|^# title:/.test(l))).toBe(true);
    expect(unescaped(md, '@')).toBe(0);
    // Headings and the groups table's '#' column are the template's own.
    expect(unescaped(md.replace(/^#+ /gm, '').replace(/^\| # \|/gm, ''), '#')).toBe(0);
  });
});
