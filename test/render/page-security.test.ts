// The report page's Content-Security-Policy: hashes as browsers compute them, only the templates'
// style blocks allowed, and the script allowed only when there is one.
import { describe, expect, it } from 'vitest';
import { allowedStyles, contentSecurityPolicy, sha256Source, styleBlocks } from '../../src/render/page-security.js';
import { makeReportRenderers } from '../../src/render/report-renderers.js';
import { fakeGuide, loadSummary, loadTemplates } from './helpers.js';

describe('the page policy', () => {
  it('hashes as CSP does: base64 SHA-256 of the element text, line ends as the parser makes them', () => {
    // SHA-256 of the empty string, and of "alert('Hello, world.');" (the CSP Level 3 specification's example)
    expect(sha256Source('')).toBe("'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='");
    expect(sha256Source("alert('Hello, world.');")).toBe("'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='");
    expect(sha256Source('a\r\nb\rc')).toBe(sha256Source('a\nb\nc'));
  });

  it('allows the style blocks the templates wrote, indented or not, and no other', () => {
    const templates = ['<style>\na { color: red; }\nb { color: blue; }\n</style>', '<p>{{x}}</p><style media="print">c{}</style>'];
    const page =
      '<style>\n  a { color: red; }\n  b { color: blue; }\n</style><p>&lt;style&gt;</p><style>body{display:none}</style><style media="print">c{}</style>';
    expect(styleBlocks(page)).toHaveLength(3);
    expect(allowedStyles(page, templates)).toEqual(['\n  a { color: red; }\n  b { color: blue; }\n', 'c{}']);
  });

  it('names the script when there is one, and forbids everything else', () => {
    expect(contentSecurityPolicy(null, [])).toBe(
      "default-src 'none'; base-uri 'none'; form-action 'none'; require-trusted-types-for 'script'; trusted-types 'none'",
    );
    expect(contentSecurityPolicy('x()', ['a{}', 'a{}'])).toBe(
      `default-src 'none'; script-src ${sha256Source('x()')}; style-src ${sha256Source('a{}')}; base-uri 'none'; form-action 'none'; require-trusted-types-for 'script'; trusted-types 'none'`,
    );
  });

  it('a report without a script (a template set without one, or no group) has no script-src and no script', () => {
    const r = makeReportRenderers(fakeGuide);
    const templates = loadTemplates();
    for (const html of [
      r.renderHtml(loadSummary('realistic'), { top: 5, templates: { ...templates, script: undefined } }),
      r.renderHtml(loadSummary('empty'), { top: 5, templates }),
    ]) {
      expect(html).not.toContain('script-src');
      expect(html).not.toContain('<script');
      expect(html).toMatch(/content="default-src 'none'; style-src 'sha256-/);
    }
  });
});
