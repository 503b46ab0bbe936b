// The HTML report must stay inert whatever the logs say: every tag and attribute in the output is
// one the template wrote, and every payload shows up as text.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { makeReportRenderers } from '../../src/render/report-renderers.js';
import { fakeGuide, loadSummary, loadTemplates } from './helpers.js';
import { DATA_OPEN, packedData, pageDataJson } from '../helpers/page-data.js';

const templates = loadTemplates();
const r = makeReportRenderers(fakeGuide);
const hostile = r.renderHtml(loadSummary('hostile'), { top: 20, templates });
const realistic = r.renderHtml(loadSummary('realistic'), { top: 20, templates });

const CSP_META = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/;
const HASH = "'sha256-[A-Za-z0-9+/]{43}='";
const CSP = new RegExp(
  `^default-src 'none'; script-src ${HASH}; style-src ${HASH}( ${HASH})*; base-uri 'none'; form-action 'none'; require-trusted-types-for 'script'; trusted-types 'none'$`,
);

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
/** The contents of the elements of a kind: <style>, or <script> with the given opening tag. */
const contents = (html: string, open: string, close: string) => [...html.matchAll(new RegExp(`${open}([\\s\\S]*?)${close}`, 'g'))].map((m) => m[1]);

/** Every tag in a document, split into name and raw attribute text; the CSS blocks and scripts are left out. */
function tags(html: string): { name: string; attrs: string; raw: string }[] {
  const body = html.replace(/<style>[\s\S]*?<\/style>/g, '<style></style>').replace(/(<script[^>]*>)[\s\S]*?<\/script>/g, '$1</script>');
  return [...body.matchAll(/<(\/?[a-zA-Z][\w-]*)([^>]*)>/g)].map((m) => ({ name: m[1].toLowerCase(), attrs: m[2], raw: m[0] }));
}

/** Attribute text must be a sequence of name="value" with nothing that could end the value early. */
const ATTRS = /^(\s+[a-zA-Z][a-zA-Z0-9-]*(="[^"'<>`]*")?)*\s*\/?$/;

describe('HTML with hostile log text', () => {
  it('has no tag the template did not write', () => {
    const allowed = new Set(tags(realistic).map((t) => t.name));
    const seen = new Set(tags(hostile).map((t) => t.name));
    expect([...seen].filter((n) => !allowed.has(n))).toEqual([]);
    expect(hostile).not.toMatch(/<img/i);
    // two script elements, both the template's: the page data and the script
    expect([...hostile.matchAll(/<script[^>]*>/gi)].map((m) => m[0])).toEqual([DATA_OPEN, '<script>']);
    expect(hostile.match(/<\/script/gi)).toHaveLength(2);
  });

  it('embeds the page data packed (base64) and, unpacked, as JSON no log text could end: no <, > or & in it; it reads back', () => {
    expect(packedData(hostile)).toMatch(/^[A-Za-z0-9+/]+=*$/);
    const data = pageDataJson(hostile);
    expect(data).not.toMatch(/[<>&\u2028\u2029]/);
    const parsed = JSON.parse(data) as CtdPageData;
    expect(parsed.strings.some((t) => t.includes('<script>alert(1)</script>'))).toBe(true);
    expect(parsed.groups).toHaveLength(loadSummary('hostile').groups.length);
  });

  it('keeps every attribute well-formed, with no event handler and no quote from the data', () => {
    for (const t of tags(hostile)) {
      if (CSP_META.test(t.raw)) continue; // the one attribute the template writes with quotes in it
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

  it('forbids every load, runs only its own script and styles (by their SHA-256), has no inline handler or external URL', () => {
    for (const html of [hostile, realistic]) {
      const csp = CSP_META.exec(html)?.[1] ?? '';
      expect(csp).toMatch(CSP);
      const [script] = contents(html, '<script>', '</script>');
      expect(csp).toContain(`script-src ${sha256(script)};`);
      const styles = contents(html, '<style>', '</style>');
      expect(
        csp
          .match(/'sha256-[^']*'/g)
          ?.slice(1)
          .sort(),
      ).toEqual([...new Set(styles.map(sha256))].sort());
      const markup = html.replace(/<script[^>]*>[\s\S]*?<\/script>/g, '');
      expect(markup).not.toMatch(/\s(src|srcset|action|formaction|xlink:href|style)=/i);
      expect(markup).not.toMatch(/href="(?!#)/);
      expect(markup).not.toMatch(/url\(|@import/i);
    }
  });

  it('has a script that never writes markup, evaluates text or asks the network', () => {
    const [script] = contents(hostile, '<script>', '</script>');
    expect(script.length).toBeGreaterThan(10_000);
    for (const sink of [
      'innerHTML',
      'outerHTML',
      'insertAdjacentHTML',
      'document.write',
      'eval(',
      'Function(',
      'setTimeout("',
      "setTimeout('",
      'fetch(',
      'XMLHttpRequest',
      'WebSocket',
      'import(',
      'sendBeacon',
      'srcdoc',
      '.src =',
      'location.href =',
      'window.open',
    ]) {
      expect(script, sink).not.toContain(sink);
    }
  });
});
