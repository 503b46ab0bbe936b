// Markdown has no "text" context: any cell can open a link, an HTML tag, a code span or end the table
// row. Every value from a log passes through escapeMarkdown before it reaches report.md.

// Anything that ends a line for some renderer (CommonMark only knows \n and \r; others split on more).
const LINE_BREAKS = /\r\n|[\n\r\u000b\u000c\u0085\u2028\u2029]/g;
// Remaining C0/C1 controls and DEL are invisible in a rendered page; tab becomes a space.
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/g;
// Characters with a meaning inside a line of GFM (table pipes, code spans, links, emphasis,
// strikethrough, math, headings, issue references and @mentions on GitHub), escaped with a backslash.
const PUNCTUATION = /[\\`|[\]*_~$#@]/g;

export function escapeMarkdown(value: string): string {
  return value
    .replace(LINE_BREAKS, ' ')
    .replace(/\t/g, ' ')
    .replace(CONTROLS, '')
    .replace(PUNCTUATION, (c) => `\\${c}`)
    // Entities rather than backslashes: GFM passes raw HTML through, and `\<` is not honoured everywhere.
    // `&` only where it starts an entity (`&lt;`, `&copy;`): elsewhere it is shown as written, and
    // `R&D` stays `R&D` in the file people diff.
    .replace(/&(?=[A-Za-z0-9]+;)/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/**
 * A code span that its content cannot close: the fence is longer than any run of backticks inside.
 * Text with a pipe or a backslash is escaped as plain text instead: GFM splits table cells before it
 * sees code spans, and renderers disagree on whether `\\|` inside a span ends the cell.
 */
export function markdownCode(value: string): string {
  if (/[|\\]/.test(value)) return escapeMarkdown(value);
  const text = value.replace(LINE_BREAKS, ' ').replace(/\t/g, ' ').replace(CONTROLS, '');
  const longest = (text.match(/`+/g) ?? []).reduce((m, run) => Math.max(m, run.length), 0);
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}
