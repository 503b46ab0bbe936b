// The report page's Content-Security-Policy, computed at render time: nothing may load (default-src
// 'none'), the one inline script runs because its SHA-256 is listed, and the style blocks of the
// templates apply because theirs are (no 'unsafe-inline' for either, so a style attribute or a script
// that reached the page any other way does nothing). Trusted Types are required with no policy, so
// even the page's own script cannot hand a string to innerHTML and the like: text only.
//
//   const csp = contentSecurityPolicy(script, allowedStyles(html, templateSources));
import { createHash } from 'node:crypto';

/** 'sha256-…' of the text the browser hashes: the element's content, line ends as the HTML parser makes them. */
export function sha256Source(text: string): string {
  return `'sha256-${createHash('sha256').update(text.replace(/\r\n?/g, '\n'), 'utf8').digest('base64')}'`;
}

const STYLE = /<style(?:\s[^>]*)?>([\s\S]*?)<\/style>/gi;

/** The contents of the <style> elements in some HTML (or template) text. */
export function styleBlocks(html: string): string[] {
  return [...html.matchAll(STYLE)].map((m) => m[1]);
}

// Handlebars indents every line of a partial included on an indented line, so a block as rendered is
// compared with the templates' blocks line by line without leading blanks.
const unindented = (css: string) => css.replace(/\r\n?/g, '\n').replace(/^[ \t]+/gm, '');

/**
 * The style blocks of a rendered page that the templates wrote: text from a log is escaped and cannot
 * make a <style> element, and if it ever did, its block would not be among the templates' and would not apply.
 */
export function allowedStyles(html: string, templateSources: readonly string[]): string[] {
  const written = new Set(templateSources.flatMap(styleBlocks).map(unindented));
  return [...new Set(styleBlocks(html))].filter((css) => written.has(unindented(css)));
}

export function contentSecurityPolicy(script: string | null, styles: readonly string[]): string {
  const parts = ["default-src 'none'"];
  if (script !== null) parts.push(`script-src ${sha256Source(script)}`);
  if (styles.length > 0) parts.push(`style-src ${[...new Set(styles.map(sha256Source))].join(' ')}`);
  parts.push("base-uri 'none'", "form-action 'none'", "require-trusted-types-for 'script'", "trusted-types 'none'");
  return parts.join('; ');
}
