// Markdown has no "text" context: any cell can open a link, an HTML tag, a code span or end the table
// row. Every value from a log passes through escapeMarkdown before it reaches report.md.
import { showControls } from './control-chars.js';

// What ends a line for CommonMark: a line break in a cell would end the table row.
const LINE_BREAKS = /\r\n|[\n\r]/g;
// GFM's autolink extension makes links of text with no markup at all: www., http://, https://,
// ftp:// and e-mail addresses (with mailto: or xmpp: in front). Sources: the GFM spec (0.29-gfm),
// "Autolinks (extension)"; cmark-gfm's autolink.c; micromark-extension-gfm-autolink-literal. GitHub
// also finds them again in the text after escapes are resolved (mdast-util-gfm-autolink-literal
// documents this), so escaping a character cannot stop them: the text itself is written so that it
// is no link, the way threat reports write indicators ("defanged"): https[:]//, www[.], a[@]b.
// Each row: what it neutralises, an example and what it becomes (markdown-autolinks.test.ts runs them).
export const DEFANG: readonly { link: string; re: RegExp; to: string; example: [string, string] }[] = [
  { link: 'url and protocol autolinks', re: /(https?|ftp|mailto|xmpp):/gi, to: '$1[:]', example: ['https://evil.example', 'https[:]//evil.example'] },
  { link: 'www autolinks', re: /(www)\./gi, to: '$1[.]', example: ['www.evil.example', 'www[.]evil.example'] },
  { link: 'e-mail autolinks', re: /([\w.+-])@(?=[\w-])/g, to: '$1[@]', example: ['mallory@evil.example', 'mallory[@]evil.example'] },
];

function defang(text: string): string {
  return DEFANG.reduce((t, d) => t.replace(d.re, d.to), text);
}

// Characters with a meaning inside a line of GFM (table pipes, code spans, links, emphasis,
// strikethrough, math, headings, issue references and @mentions on GitHub), escaped with a backslash.
const PUNCTUATION = /[\\`|[\]*_~$#@]/g;

export function escapeMarkdown(value: string): string {
  return (
    defang(showControls(value.replace(LINE_BREAKS, ' ').replace(/\t/g, ' ')))
      .replace(PUNCTUATION, (c) => `\\${c}`)
      // Entities rather than backslashes: GFM passes raw HTML through, and `\<` is not honoured everywhere.
      // `&` only where it starts an entity (`&lt;`, `&copy;`): elsewhere it is shown as written, and
      // `R&D` stays `R&D` in the file people diff.
      .replace(/&(?=[A-Za-z0-9]+;)/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
  );
}

/**
 * A code span that its content cannot close: the fence is longer than any run of backticks inside.
 * Text with a pipe or a backslash is escaped as plain text instead: GFM splits table cells before it
 * sees code spans, and renderers disagree on whether `\\|` inside a span ends the cell.
 */
export function markdownCode(value: string): string {
  const text = showControls(value.replace(LINE_BREAKS, ' ').replace(/\t/g, ' '));
  if (/[|\\]/.test(text)) return escapeMarkdown(value);
  const longest = (text.match(/`+/g) ?? []).reduce((m, run) => Math.max(m, run.length), 0);
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}
