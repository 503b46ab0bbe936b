// The page's indentation goes; the text of <pre>, <textarea>, <script> and <style> stays as written.
import { describe, expect, it } from 'vitest';
import { dropIndent } from '../../src/render/html-indent.js';

describe('dropIndent', () => {
  it('removes the blanks that start a line before a tag', () => {
    expect(dropIndent('<ul>\n    <li>a</li>\n\t<li>b  c</li>\n  text stays\n</ul>')).toBe('<ul>\n<li>a</li>\n<li>b  c</li>\n  text stays\n</ul>');
  });

  it('keeps <pre>, <textarea>, <script> and <style> as written', () => {
    const pre = '<pre class="stmt">{\n  <mark>&quot;a&quot;</mark>,\n    <mark class="miss">b</mark>\n}</pre>';
    const kept = `${pre}\n  <TEXTAREA>\n  <b></TEXTAREA>\n<style>\n  <x></style>\n<script type="application/json">\n  <y</script>`;
    expect(dropIndent(`<div>\n  <p>x</p>\n  ${kept}\n  <p>y</p>`)).toBe(`<div>\n<p>x</p>\n  ${kept}\n<p>y</p>`);
  });
});
