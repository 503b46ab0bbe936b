// The HTML report must stay inert whatever the logs say: every tag and attribute in the output is
// one the template wrote, and every payload shows up as text.
import { describe, expect, it } from 'vitest';
import { makeReportRenderers } from '../../src/render/report-renderers.js';
import { fakeGuide, loadSummary, loadTemplates } from './helpers.js';

const templates = loadTemplates();
const r = makeReportRenderers(fakeGuide);
const hostile = r.renderHtml(loadSummary('hostile'), { top: 20, templates });
const realistic = r.renderHtml(loadSummary('realistic'), { top: 20, templates });

const CSP = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'">`;

/** Every tag in a document, split into name and raw attribute text; the CSS block is left out. */
function tags(html: string): { name: string; attrs: string; raw: string }[] {
  const body = html.replace(/<style>[\s\S]*?<\/style>/, '<style></style>');
  return [...body.matchAll(/<(\/?[a-zA-Z][\w-]*)([^>]*)>/g)].map((m) => ({ name: m[1].toLowerCase(), attrs: m[2], raw: m[0] }));
}

/** Attribute text must be a sequence of name="value" with nothing that could end the value early. */
const ATTRS = /^(\s+[a-zA-Z][a-zA-Z0-9-]*(="[^"'<>`]*")?)*\s*\/?$/;

describe('HTML with hostile log text', () => {
  it('has no tag the template did not write', () => {
    const allowed = new Set(tags(realistic).map((t) => t.name));
    const seen = new Set(tags(hostile).map((t) => t.name));
    expect([...seen].filter((n) => !allowed.has(n))).toEqual([]);
    expect(hostile).not.toMatch(/<script/i);
    expect(hostile).not.toMatch(/<img/i);
    expect(hostile).not.toMatch(/<\/script/i);
  });

  it('keeps every attribute well-formed, with no event handler and no quote from the data', () => {
    for (const t of tags(hostile)) {
      if (t.raw === CSP) continue; // the one attribute the template writes with quotes in it
      expect(t.attrs, t.raw).toMatch(ATTRS);
      expect(t.attrs, t.raw).not.toMatch(/\son[a-z]+=/i);
    }
  });

  it('shows the payloads as text', () => {
    expect(hostile).toContain('principal:&#x3D;cmd|&#x27; /C calc&#x27;!A0 &lt;script&gt;alert(1)&lt;/script&gt; &quot;onmouseover&#x3D;alert(1)');
    expect(hostile).toContain('[x](javascript:alert(1)) &lt;/script&gt;');
    expect(hostile).toMatch(/<title>title:&#x3D;cmd\|&#x27;/);
  });

  it('escapes inside the SVG timeline', () => {
    const svg = /<svg[\s\S]*<\/svg>/.exec(hostile)?.[0] ?? '';
    expect(svg).toContain('day:&#x3D;cmd|&#x27; /C calc&#x27;!A0 &lt;script&gt;');
    expect(svg).not.toMatch(/<script|<img/i);
  });

  it('never uses a class name from the data', () => {
    const classes = [...hostile.matchAll(/class="([^"]*)"/g)].flatMap((m) => m[1].split(' '));
    for (const c of classes) expect(c).toMatch(/^[a-z0-9-]*$/);
    expect(hostile).toContain('chip pt-other');
  });

  it('shows control and bidi characters as \\uXXXX', () => {
    expect(hostile).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/);
    expect(hostile).toContain('\\u001b[31mred');
  });

  it('forbids every load and has no script, inline handler or external URL', () => {
    for (const html of [hostile, realistic]) {
      expect(html).toContain(CSP);
      expect(html).not.toMatch(/\s(src|srcset|action|formaction|xlink:href)=/i);
      expect(html).not.toMatch(/href="(?!#)/);
      expect(html).not.toMatch(/url\(|@import/i);
    }
  });
});
